"""Dating claims and events: the time expression that governs a position in its sentence.

Claims and events take the date of the time expression that governs them in their sentence
(``governing_time`` of the times stage), and fall back to the publication date only where the
text gives none, marking that fallback with ``date_source = "published"`` so an analyst can tell
a stated date from an assumed one.
"""

from __future__ import annotations

from newsledger.pipeline.stage import Analysis
from newsledger.timex.anchor import record_date
from newsledger.timex.governing import governing_time


def date_at(
    analysis: Analysis, position: int, *, outside: tuple[int, int] | None = None
) -> tuple[str | None, str | None]:
    """(date, date_source) for something said or done at character ``position``.

    ``outside`` excludes time expressions within a span: a claim's own words date what it is
    about ("killed since February 2022"), not when it was said.
    """
    times = analysis.times
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
