"""The Stage protocol and the analysis a pipeline threads through its stages.

A stage is a small object with a ``name``, a ``version``, the sections of the analysis it
``requires`` and those it ``produces``, the languages it supports, and a ``run`` method; a stage
that codes with a caller's dictionaries may say which kinds in ``consults`` ("actors", "verbs"),
so that its record entry names the dictionaries in use. The
runner checks the order when the pipeline is built (as spaCy's ``requires=``/``assigns=`` do), so a
stage that needs places can never run before the places stage. Built-in stages and plugins use
this same protocol.

:class:`Analysis` is the one mutable object: the work in progress for one article. It holds the
record sections (model dataclasses) plus ``parse``, the spaCy ``Doc``, which stays inside the
pipeline and never reaches the record.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, ClassVar, Protocol, runtime_checkable

from newsledger.model import (
    Claim,
    Contradiction,
    Document,
    Entity,
    Event,
    Place,
    Record,
    StageRun,
    TimeExpr,
)

# The names a stage may list in ``requires``/``produces``: the fields of Analysis below.
SECTIONS = frozenset(
    {
        "document",
        "parse",
        "entities",
        "actors",
        "places",
        "times",
        "claims",
        "events",
        "contradictions",
    }
)


@dataclass
class Analysis:
    """One article on its way through the pipeline."""

    document: Document
    parse: Any = None  # spaCy Doc; internal to the pipeline
    entities: tuple[Entity, ...] = ()
    places: tuple[Place, ...] = ()
    # Mention spans (start, end) of places used as actors ("the Kremlin said"): never event places.
    metonyms: frozenset[tuple[int, int]] = frozenset()
    times: tuple[TimeExpr, ...] = ()
    claims: tuple[Claim, ...] = ()
    events: tuple[Event, ...] = ()
    contradictions: tuple[Contradiction, ...] = ()
    runs: list[StageRun] = field(default_factory=list)

    def warn(self, message: str) -> None:
        """Add a warning to the document, once."""
        if message not in self.document.warnings:
            self.document = replace(self.document, warnings=(*self.document.warnings, message))

    def to_record(self) -> Record:
        return Record(
            document=self.document,
            entities=self.entities,
            places=self.places,
            times=self.times,
            claims=self.claims,
            events=self.events,
            contradictions=self.contradictions,
            pipeline=tuple(self.runs),
        )


@runtime_checkable
class Stage(Protocol):
    """What every stage declares and does."""

    name: ClassVar[str]
    version: ClassVar[str]
    requires: ClassVar[frozenset[str]]
    produces: ClassVar[frozenset[str]]
    # ISO 639-1 codes the stage can handle; None means any language.
    languages: ClassVar[frozenset[str] | None]

    def run(self, analysis: Analysis) -> None:
        """Read the required sections of ``analysis`` and set the produced ones."""
