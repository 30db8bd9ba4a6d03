"""Which time expression dates a claim or an event: :func:`governing_time`.

The claims and events stages know the sentence a verb is in and the verb's offset; this module
picks, among the record's time expressions, the calendar date that sentence gives that verb:
the nearest date-valued expression, preferring one in the same clause (no ";", ":" or dash
between them) and, when the text is given, leaving aside dates inside a quotation unless the
verb is inside the same quotation. Durations, sets and PRESENT_REF-like values never date
anything.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsledger.model import TimeExpr
from newsledger.timex.anchor import record_date

_CLAUSE_BREAK = re.compile(r"[;:—–]|\s-\s|,\s+(?:but|while|whereas|although|though)\b")
_QUOTE_OPEN = "“«„"
_QUOTE_CLOSE = "”»“"


def _quoted_regions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of [start, end) inside quotation marks, curly or straight."""
    regions: list[tuple[int, int]] = []
    opened: int | None = None
    for i in range(start, min(end, len(text))):
        ch = text[i]
        if opened is None and (ch in _QUOTE_OPEN or ch == '"'):
            opened = i
        elif opened is not None and (ch in _QUOTE_CLOSE or ch == '"'):
            regions.append((opened, i + 1))
            opened = None
    if opened is not None:
        regions.append((opened, min(end, len(text))))
    return regions


def _region_of(position: int, regions: list[tuple[int, int]]) -> tuple[int, int] | None:
    return next(((a, b) for a, b in regions if a <= position < b), None)


def governing_time(
    times: Sequence[TimeExpr],
    start: int,
    end: int,
    anchor_pos: int | None = None,
    *,
    text: str | None = None,
) -> TimeExpr | None:
    """The date expression in the sentence [start, end) that dates the word at ``anchor_pos``.

    Only DATE and TIME expressions whose value has a record date count. Without ``anchor_pos``
    the first one of the sentence is returned. With ``text`` (the document text), clause breaks
    between the word and the expression count against it, and expressions inside a quotation
    are ignored unless ``anchor_pos`` is inside the same quotation. None when nothing fits.
    """
    candidates = [
        t
        for t in times
        if t.type in ("DATE", "TIME")
        and start <= t.start
        and t.end <= end
        and record_date(t.value) is not None
    ]
    if text is not None:
        regions = _quoted_regions(text, start, end)
        own = _region_of(anchor_pos, regions) if anchor_pos is not None else None
        candidates = [t for t in candidates if _region_of(t.start, regions) in (None, own)]
    if not candidates:
        return None
    if anchor_pos is None:
        return min(candidates, key=lambda t: t.start)
    position = anchor_pos

    def cost(t: TimeExpr) -> tuple[int, int, int]:
        if t.end <= position:
            between, gap = (t.end, position), position - t.end
        else:
            between, gap = (position, t.start), max(0, t.start - position)
        breaks = len(_CLAUSE_BREAK.findall(text, *between)) if text is not None else 0
        return breaks, gap, 0 if t.end <= position else 1

    return min(candidates, key=cost)
