"""Pipeline order checks and per-article behaviour of the runner, with small real stages."""

from __future__ import annotations

from typing import ClassVar

import pytest

from newsledger.errors import PipelineError
from newsledger.model import Document, Entity, Mention, document_id
from newsledger.pipeline.runner import ArticleFailure, Pipeline
from newsledger.pipeline.stage import Analysis


class CapitalWords:
    """A tiny real stage: every capitalised word is an entity."""

    name: ClassVar[str] = "capital-words"
    version: ClassVar[str] = "7"
    requires: ClassVar[frozenset[str]] = frozenset({"document"})
    produces: ClassVar[frozenset[str]] = frozenset({"entities"})
    languages: ClassVar[frozenset[str] | None] = frozenset({"en"})

    def run(self, analysis: Analysis) -> None:
        text = analysis.document.text
        entities, position = [], 0
        for word in text.split():
            start = text.index(word, position)
            position = start + len(word)
            if word[0].isupper():
                entities.append(
                    Entity(
                        id=f"e{len(entities) + 1}",
                        name=word,
                        type="ORG",
                        mentions=(Mention(start, position, word),),
                    )
                )
        analysis.entities = tuple(entities)


class NeedsPlaces:
    name: ClassVar[str] = "needs-places"
    version: ClassVar[str] = "1"
    requires: ClassVar[frozenset[str]] = frozenset({"places"})
    produces: ClassVar[frozenset[str]] = frozenset({"events"})
    languages: ClassVar[frozenset[str] | None] = None

    def run(self, analysis: Analysis) -> None:
        raise AssertionError("never built")


def _doc(text: str, language: str = "en") -> Document:
    return Document(id=document_id(text), text=text, language=language)


def test_pipeline_refuses_a_stage_whose_requirement_nobody_produces() -> None:
    with pytest.raises(PipelineError, match=r"needs-places.*places"):
        Pipeline([CapitalWords(), NeedsPlaces()])


def test_pipeline_refuses_the_same_stage_twice() -> None:
    with pytest.raises(PipelineError, match="twice"):
        Pipeline([CapitalWords(), CapitalWords()])


def test_run_records_stage_names_and_versions() -> None:
    record = Pipeline([CapitalWords()]).run(_doc("Kyiv and Moscow talk"))
    assert [e.name for e in record.entities] == ["Kyiv", "Moscow"]
    assert [(s.name, s.version) for s in record.pipeline] == [("capital-words", "7")]


def test_unsupported_language_is_skipped_with_a_warning_not_invented() -> None:
    record = Pipeline([CapitalWords()]).run(_doc("Kyiv et Moscou discutent", language="fr"))
    assert record.entities == ()
    assert record.document.warnings == ("language 'fr' not supported for extraction yet",)
    assert record.pipeline == ()


def test_batch_passes_failures_through_in_order() -> None:
    failure = ArticleFailure(source="a.jsonl", error="not JSON", line=2)
    results = list(Pipeline([CapitalWords()]).run_batch([_doc("One"), failure, _doc("Two")]))
    assert results[1] is failure
    assert [r.document.text for r in results if not isinstance(r, ArticleFailure)] == ["One", "Two"]
