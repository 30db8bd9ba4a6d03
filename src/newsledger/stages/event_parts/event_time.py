"""When an event happened: the time expression governing its clause, else the publication date.

The clause climbs to governing clauses only through control, coordination and clauses that
happen at the same time ("when it was sideswiped"): a complement, relative or adverbial clause has
a time of its own. Times nested in clauses the event is not in are left out. ISO weeks ("last
week") date an event to the month of their Thursday, since the record has no week dates.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Any

from newsledger.model import TimeExpr
from newsledger.pipeline.stage import Analysis
from newsledger.stages.event_parts.triggers import Candidate
from newsledger.stages.times import governing_time, record_date

# Relations through which an event's clause takes the date of the clause that governs it; a
# complement (ccomp), relative (relcl) or adverbial (advcl) clause has a time of its own.
_DATE_CLIMB_DEPS = frozenset({"xcomp", "pcomp", "prep", "conj", "acomp", "dobj", "pobj", "acl"})
_SIMULTANEITY_MARKS = frozenset({"when", "as", "while"})
_ISO_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_OWN_TIME_DEPS = frozenset({"relcl", "ccomp", "advcl", "acl"})


def clause_verb(candidate: Candidate) -> Any:
    """The verb whose clause the event is told in: the light verb, the trigger, or for a bare
    nominal trigger the nearest verb above it."""
    if candidate.kind != "noun" or candidate.light is not None:
        return candidate.verb
    token = candidate.anchor
    while token.head.i != token.i and token.pos_ not in {"VERB", "AUX"}:
        token = token.head
    return token


def event_date(
    analysis: Analysis, candidate: Candidate, clause: Any
) -> tuple[str | None, str | None]:
    """The date of the time expression governing the event's clause, climbing to governing
    clauses only through control and coordination; else the publication date."""
    text = analysis.document.text
    anchor_pos = candidate.anchor.idx
    token = clause
    for _ in range(6):
        start = token.left_edge.idx
        end = token.right_edge.idx + len(token.right_edge.text)
        times = _own_times(analysis, token, anchor_pos)
        found = governing_time(times, start, end, anchor_pos, text=text)
        if found is not None:
            date = record_date(found.value)
            if date is not None:
                return date, "text"
        if token.head.i == token.i or not (
            token.dep_ in _DATE_CLIMB_DEPS or _simultaneous_clause(token)
        ):
            break
        token = token.head
    published = analysis.document.published
    return (published, "published") if published else (None, None)


def _simultaneous_clause(token: Any) -> bool:
    """ "had sustained damage on Friday when it was sideswiped": a when/as/while clause
    happens at the time of the clause it hangs off."""
    return bool(
        token.dep_ == "advcl"
        and any(
            c.dep_ in {"mark", "advmod"} and c.lower_ in _SIMULTANEITY_MARKS for c in token.children
        )
    )


def _week_as_month(time: TimeExpr) -> TimeExpr:
    """An ISO week ("last week" → 2014-W35) dates an event to the month of its Thursday, the
    day ISO uses to place a week in a month, since the record's dates have no weeks."""
    match = _ISO_WEEK.match(time.value or "")
    if match is None:
        return time
    year, week = int(match.group(1)), int(match.group(2))
    try:
        thursday = date.fromisocalendar(year, week, 4)
    except ValueError:
        return time
    return replace(time, value=f"{thursday.year:04d}-{thursday.month:02d}")


def _own_times(analysis: Analysis, clause: Any, anchor_pos: int) -> list[TimeExpr]:
    """The times of the clause, leaving out those of clauses nested in it that the event is not
    in: "operating in Belgorod oblast, ... a region that Kiev invaded in August 2024" does not
    date the operating."""
    nested: list[tuple[int, int]] = []
    for token in clause.subtree:
        if token.i != clause.i and token.dep_ in _OWN_TIME_DEPS:
            start = token.left_edge.idx
            end = token.right_edge.idx + len(token.right_edge.text)
            if not start <= anchor_pos < end:
                nested.append((start, end))
    return [
        _week_as_month(t) for t in analysis.times if not any(a <= t.start < b for a, b in nested)
    ]


def in_past_narrative(analysis: Analysis, position: int) -> bool:
    """Whether the paragraph before ``position`` is set at least two years before publication
    ("As of 2016, Jordan had admitted 1.4 million refugees. Jordan closed its borders."): its
    latest date expression is that old, so an undated event told there is historical."""
    published = analysis.document.published
    if not published:
        return False
    text = analysis.document.text
    paragraph_start = text.rfind("\n\n", 0, position) + 1
    earlier = [
        t
        for t in analysis.times
        if t.type in ("DATE", "TIME")
        and paragraph_start <= t.start
        and t.end <= position
        and record_date(t.value) is not None
    ]
    if not earlier:
        return False
    latest = record_date(max(earlier, key=lambda t: t.end).value)
    return latest is not None and int(latest[:4]) <= int(published[:4]) - 2
