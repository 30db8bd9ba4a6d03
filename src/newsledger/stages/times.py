"""The times stage: time expressions of an English article, normalized against its publication
date.

A thin stage over :func:`newsledger.timex.normalize.extract_times`: it reads the document and
the spaCy parse the entities stage made, and sets ``analysis.times``. The helpers the claims and
events stages use to date what they find are re-exported here: :func:`governing_time` (which
expression of a sentence dates a verb) and :func:`record_date` (a TIMEX3 value in the record's
date form).
"""

from __future__ import annotations

from typing import ClassVar

from newsledger.pipeline.stage import Analysis
from newsledger.timex.anchor import record_date
from newsledger.timex.governing import governing_time
from newsledger.timex.normalize import extract_times

__all__ = ["TimesStage", "governing_time", "record_date"]


class TimesStage:
    """Find and normalize dates, times, durations and sets (TIMEX3 values)."""

    name: ClassVar[str] = "times"
    version: ClassVar[str] = "2"
    requires: ClassVar[frozenset[str]] = frozenset({"document", "parse"})
    produces: ClassVar[frozenset[str]] = frozenset({"times"})
    languages: ClassVar[frozenset[str] | None] = frozenset({"en"})

    def run(self, analysis: Analysis) -> None:
        document = analysis.document
        analysis.times = extract_times(document.text, document.published, analysis.parse)
