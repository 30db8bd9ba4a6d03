"""Build a pipeline from stages, check its order, and run articles through it.

``build_pipeline`` refuses an order in which a stage needs a section no earlier stage produces.
``run_article`` runs one document through every stage; a stage whose language set excludes the
document's language is skipped, and the record says so in a warning instead of inventing output.
``run_batch`` processes many articles and turns a failure of one article into a reported
failure for that article only, never a lost batch.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from newsledger.errors import NewsledgerError, PipelineError
from newsledger.model import Document, Record, StageRun
from newsledger.pipeline.stage import SECTIONS, Analysis, Stage


@dataclass(frozen=True, slots=True)
class ArticleFailure:
    """An article that could not be processed, with where it came from and why."""

    source: str
    error: str
    line: int | None = None


class Pipeline:
    """An ordered, checked sequence of stages."""

    def __init__(self, stages: Sequence[Stage]) -> None:
        check_order(stages)
        self.stages = tuple(stages)

    def run(self, document: Document) -> Record:
        return run_article(self.stages, document)

    def run_batch(
        self, items: Iterable[Document | ArticleFailure]
    ) -> Iterator[Record | ArticleFailure]:
        for item in items:
            if isinstance(item, ArticleFailure):
                yield item
                continue
            try:
                yield self.run(item)
            except NewsledgerError as exc:
                yield ArticleFailure(source=item.source_id or item.id, error=str(exc))


def check_order(stages: Sequence[Stage]) -> None:
    """Raise PipelineError unless every requirement is produced by an earlier stage."""
    available = {"document"}
    names: set[str] = set()
    for stage in stages:
        unknown = (stage.requires | stage.produces) - SECTIONS
        if unknown:
            raise PipelineError(f"stage {stage.name!r} names unknown sections {sorted(unknown)}")
        missing = stage.requires - available
        if missing:
            raise PipelineError(
                f"stage {stage.name!r} requires {sorted(missing)}, which no earlier stage produces"
            )
        if stage.name in names:
            raise PipelineError(f"stage {stage.name!r} appears twice")
        names.add(stage.name)
        available |= stage.produces


def caller_dictionaries(kinds: frozenset[str]) -> tuple[str, ...]:
    """The caller's dictionaries of the current run among ``kinds`` ("actors", "verbs"), as
    records name them: kind, file and digest."""
    from newsledger.resources.actors import caller_actor_dictionary
    from newsledger.resources.event_triggers import caller_verb_dictionary

    in_use = {"actors": caller_actor_dictionary(), "verbs": caller_verb_dictionary()}
    return tuple(
        found.provenance for kind, found in in_use.items() if kind in kinds and found is not None
    )


def run_article(stages: Sequence[Stage], document: Document) -> Record:
    analysis = Analysis(document=document)
    for stage in stages:
        language = analysis.document.language
        if stage.languages is not None and language not in stage.languages:
            analysis.warn(f"language {language!r} not supported for extraction yet")
            continue
        stage.run(analysis)
        dictionaries = caller_dictionaries(getattr(stage, "consults", frozenset()))
        analysis.runs.append(
            StageRun(name=stage.name, version=stage.version, dictionaries=dictionaries)
        )
    return analysis.to_record()
