"""Dating claims: the time expression that governs a position in its sentence.

Claims take the date of the time expression that governs them in their sentence
(``governing_time`` of the times stage; a week, "last week", gives its month), and fall back to
the publication date only where the text gives none, marking that fallback with
``date_source = "published"`` so an analyst can tell a stated date from an assumed one. Events
date themselves the same way in :mod:`~newsledger.stages.event_parts.event_time`, with the same
:func:`week_month`.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import replace

from newsledger.pipeline.stage import Analysis
from newsledger.timex.anchor import record_date
from newsledger.timex.governing import governing_time

# An ISO week ("2014-W35") or its weekend ("2026-W29-WE").
_WEEK = re.compile(r"(\d{4})-W(\d{2})(-WE)?")


def week_month(value: str | None) -> str | None:
    """The month of an ISO week value ("2014-W35" → "2014-08"), the precision a record date can
    give a week: "said last week" or "struck last week" is dated to that month. The week's
    Thursday decides (ISO 8601 numbers weeks by their Thursday); a weekend ("2026-W29-WE") is
    placed by its Saturday."""
    match = _WEEK.fullmatch(value or "")
    if match is None:
        return None
    day = 6 if match.group(3) else 4
    try:
        placed = datetime.date.fromisocalendar(int(match.group(1)), int(match.group(2)), day)
    except ValueError:
        return None
    return f"{placed.year:04d}-{placed.month:02d}"


def date_at(
    analysis: Analysis, position: int, *, outside: tuple[int, int] | None = None
) -> tuple[str | None, str | None]:
    """(date, date_source) for something said or done at character ``position``.

    ``outside`` excludes time expressions within a span: a claim's own words date what it is
    about ("killed since February 2022"), not when it was said.
    """
    # A week ("last week") dates a statement to its month, which a record date can hold.
    times = tuple(
        replace(t, value=month) if (month := week_month(t.value)) is not None else t
        for t in analysis.times
    )
    if outside is not None:
        times = tuple(t for t in times if not (outside[0] <= t.start and t.end <= outside[1]))
    doc = analysis.parse
    token = doc.char_span(position, position + 1, alignment_mode="expand")
    if token is not None:
        sentence = token[0].sent
        governing = governing_time(
            times,
            sentence.start_char,
            sentence.end_char,
            anchor_pos=position,
            text=analysis.document.text,
        )
        if governing is not None:
            date = record_date(governing.value)
            if date is not None:
                return date, "text"
    if analysis.document.published is not None:
        return analysis.document.published, "published"
    return None, None
