"""From article text to normalized time expressions: the times stage's work, without the stage.

:func:`extract_times` finds expressions with the regex rules, adds the DATE/TIME entities of the
spaCy parse that the rules missed (normalized by our rules or by dateparser under strict
settings, else left without a value), then walks them in text order keeping the anchor up to
date: the publication date, the date the text last mentioned (the reference for "four days
prior"), an explicit year just given nearby, and the tense of each expression's clause. Clock
times are resolved last, against the day their own sentence talks about.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from newsledger.model import TimeExpr, TimeType
from newsledger.timex import lexicon as lx
from newsledger.timex.anchor import Anchor, Point, Resolution, Tense, parse_date, resolve
from newsledger.timex.meaning import ClockTime, Fixed, Found, Weekday
from newsledger.timex.patterns import find_times
from newsledger.timex.tense import clause_tense, sentence_tense

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n[ \t]*\n")
# What a spaCy DATE/TIME entity must contain for us to keep it without our own rule's match.
_TEMPORAL_WORD = re.compile(
    r"\b(?:\d{4}|(?-i:" + "|".join(m.capitalize() for m in lx.MONTHS) + ")|(?-i:"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|days?|weeks?|weekends?|"
    r"months?|years?|decades?|centur(?:y|ies)|hours?|minutes?|mornings?|afternoons?|evenings?|"
    r"nights?|dawn|dusk|spring|summer|autumn|winter|season)\b",
    re.IGNORECASE,
)
_NOT_A_TIME = re.compile(r"year-?olds?|years?[\s-]+old|\baged?\b|\bage\s+of\b", re.IGNORECASE)
_AMBIGUOUS_SLASH_DATE = re.compile(r"\b([01]?\d)[/.]([01]?\d)[/.]\d{2,4}\b")
# A date after these words bounds a plan or a wait ("a truce for early May", "wait until May
# 8th") whatever the tense of the verb, so the tense must not push it into the past.
_OPEN_PREPOSITION = re.compile(r"\b(?:until|till|for|from|to|by|before|through)\s+$", re.I)
_DEADLINE = re.compile(r"\b(?:for|by)\s+$", re.IGNORECASE)
# spaCy DATE entities that are noun phrases about a time rather than time expressions.
_DESCRIPTIVE = re.compile(r"(?i)(?:a|an|half|his|her|its|their|our|my|your)\s")
_BARE_PLURAL = re.compile(
    r"(?:the\s+)?(?P<vague>several\s+(?:more\s+)?|many\s+(?:more\s+)?|more\s+)?"
    r"(?P<unit>hours|days|weeks|months|years|decades)"
)
_ANCHORED_ENTITY = re.compile(
    r"\d|(?-i:[A-Z][a-z]+day\b|"
    + "|".join(m.capitalize() for m in lx.MONTHS)
    + r")|^(?i:the|this|that|last|next|early|late|mid|earlier|later|recent|past|coming|"
    r"several|many|more)\b"
)
# An explicit year this far from the publication year marks a stretch of narrative about that
# time: a yearless "in March" after "In 2014, ..." in the same paragraph is March 2014.
_NARRATIVE_YEARS = 2


@dataclass(frozen=True, slots=True)
class _Context:
    """Where the sentences and paragraphs of the text begin."""

    sentence_starts: list[int]
    paragraph_starts: list[int]
    doc: Any

    def sentence(self, position: int) -> int:
        return bisect.bisect_right(self.sentence_starts, position) - 1

    def paragraph(self, position: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, position) - 1


def _context(text: str, doc: Any) -> _Context:
    if doc is not None:
        starts = [sentence.start_char for sentence in doc.sents]
    else:
        starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]
    paragraphs = [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]
    return _Context(starts or [0], paragraphs, doc)


@lru_cache(maxsize=1)
def _dateparser() -> Any:
    import dateparser  # deferred: it takes a second to import and is rarely needed

    return dateparser


def _parse_absolute(text: str, published: date | None) -> str | None:
    """A full day/month/year date in a form our rules lack ("08/23/2024"), strictly, or None."""
    if not re.search(r"\d{4}", text) or _AMBIGUOUS_SLASH_DATE.search(text):
        return None
    base = datetime(published.year, published.month, published.day) if published else None
    settings: dict[str, Any] = {
        "STRICT_PARSING": True,
        "REQUIRE_PARTS": ["day", "month", "year"],
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    if base is not None:
        settings["RELATIVE_BASE"] = base
    try:
        parsed = _dateparser().parse(text, languages=["en"], settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None
    if parsed is None or not 1000 <= parsed.year <= 2999:
        return None
    value: str = parsed.date().isoformat()
    return value


# A DATE entity that names one year and nothing finer ("fiscal 2012", "the 2012 season", a year
# our year rule passed over because a plural noun followed it): its value is that year.
_ONE_YEAR = re.compile(r"(?<![\d,.])(?:1[5-9]|20)\d\d(?![\d,.]\d)")
_FINER_THAN_YEAR = re.compile(
    r"(?i:\b(?:days?|weeks?|weekends?|months?|quarters?|half|spring|summer|autumn|fall|winter|"
    r"mornings?|afternoons?|evenings?|nights?|hours?|decades?|centur(?:y|ies)|ago|later|"
    r"earlier|before|after|between|and|to)\b)|(?-i:"
    + "|".join(m.capitalize() for m in lx.MONTHS)
    + r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
)


def _year_only(words: str) -> str | None:
    years = _ONE_YEAR.findall(words)
    if len(years) != 1 or _FINER_THAN_YEAR.search(words):
        return None
    if re.search(r"\d", _ONE_YEAR.sub("", words, count=1)):
        return None  # other numbers too: "2012-13", "1,500 2012 cars"
    return str(years[0])


def _entity_candidates(
    doc: Any, text: str, taken: list[Found], published: date | None
) -> Iterator[Found]:
    """spaCy DATE/TIME entities that overlap none of ours and look like times."""
    occupied = sorted((f.start, f.end) for f in taken)
    for entity in doc.ents:
        if entity.label_ not in ("DATE", "TIME"):
            continue
        start, end = entity.start_char, entity.end_char
        index = bisect.bisect_left(occupied, (end, end))
        if any(a < end and start < b for a, b in occupied[max(0, index - 3) : index + 1]):
            continue
        words = text[start:end]
        if _NOT_A_TIME.search(words) or not _TEMPORAL_WORD.search(words):
            continue
        if re.fullmatch(r"(?i)(?:the\s+)?(?:day|week|month|year|time)", words):
            continue  # "the day": a noun, not a time expression
        if _DESCRIPTIVE.match(words):
            continue  # "an intense week", "half the day"
        if plural := _BARE_PLURAL.fullmatch(words):
            if not words[0].islower():
                continue  # "Timothy Weeks": a name
            unit = lx.unit_of(plural.group("unit"))
            if unit is not None:  # "hours after", "decades in jail": a vague duration
                value = ("PTX" if unit[2] else "PX") + unit[1]
                yield Found(start, end, "DURATION", Fixed(value))
            continue
        if not _ANCHORED_ENTITY.search(words):
            continue  # "come days", "News week": no date word and no deictic determiner
        kind: TimeType = "TIME" if entity.label_ == "TIME" else "DATE"
        absolute = _parse_absolute(words, published)
        if absolute is None and kind == "DATE":
            absolute = _year_only(words)
        yield Found(start, end, kind, Fixed(absolute))


def extract_times(text: str, published: str | None, doc: Any = None) -> tuple[TimeExpr, ...]:
    """The time expressions of ``text``, normalized against ``published`` ("YYYY-MM-DD").

    ``doc`` is the spaCy parse of ``text`` when there is one: it supplies sentences, the tense
    of each clause and extra candidates. Ids run "t1", "t2", ... in text order.
    """
    publication = parse_date(published)
    found = find_times(text)
    if doc is not None:
        found = sorted(
            [*found, *_entity_candidates(doc, text, found, publication)], key=lambda f: f.start
        )
    ctx = _context(text, doc)
    values: list[tuple[Found, Resolution]] = []
    points: list[tuple[int, Point]] = []  # (sentence index, day-precise point) for clock times
    reference: Point | None = None
    reference_at = (-1, -1)  # (paragraph, sentence) of the reference
    for item in found:
        sentence = ctx.sentence(item.start)
        paragraph = ctx.paragraph(item.start)
        if isinstance(item.meaning, ClockTime):
            values.append((item, Resolution(None)))
            continue
        if _OPEN_PREPOSITION.search(text, max(0, item.start - 12), item.start):
            # "scheduled for Wednesday", "by Friday": a weekday after these lies ahead.
            ahead = _DEADLINE.search(text, max(0, item.start - 6), item.start)
            tense: Tense | None = "future" if ahead and isinstance(item.meaning, Weekday) else None
        elif doc is not None:
            tense = clause_tense(doc, item.start, item.end)
        else:
            sentence_start = ctx.sentence_starts[sentence]
            tense = sentence_tense(text[max(sentence_start, item.start - 80) : item.start])
        context_year = None
        if reference is not None and reference.explicit_year:
            same_sentence = reference_at[1] == sentence
            # A narrative about a past year is told in the past tense: a clause in the present
            # or future tense has left it ("In 2009 ... The vote will be held in March").
            narrative_tense = tense not in ("present", "future")
            far_back = (
                publication is not None
                and abs(publication.year - reference.first.year) >= _NARRATIVE_YEARS
                and reference_at[0] == paragraph
                and narrative_tense
            )
            if (same_sentence or far_back) and reference.granularity in ("day", "month", "year"):
                context_year = reference.first.year
        anchor = Anchor(publication, reference, tense, context_year)
        resolution = resolve(item, anchor)
        values.append((item, resolution))
        point = resolution.point
        if point is not None and item.type in ("DATE", "TIME") and point.granularity != "decade":
            reference, reference_at = point, (paragraph, sentence)
            if point.granularity == "day":
                points.append((sentence, point))
    values = _join_day_and_clock(text, values)
    times = []
    for number, (item, resolution) in enumerate(values, start=1):
        if isinstance(item.meaning, ClockTime):
            sentence = ctx.sentence(item.start)
            same = [p for s, p in points if s == sentence]
            day = same[0].first if same else publication
            resolution = resolve(item, Anchor(publication, day=day))  # noqa: PLW2901
        times.append(
            TimeExpr(
                id=f"t{number}",
                text=text[item.start : item.end],
                start=item.start,
                end=item.end,
                type=item.type,
                value=resolution.value,
                mod=resolution.mod,
            )
        )
    return tuple(times)


_DAY_CLOCK_GAP = re.compile(r"[ \t]*,?[ \t]+")


def _join_day_and_clock(
    text: str, values: list[tuple[Found, Resolution]]
) -> list[tuple[Found, Resolution]]:
    """ "3 p.m. Friday", "Friday, 10:00": one TIMEX3 TIME whose value is the day at that hour.

    A clock time written right beside a day (only white space or a comma between) is one
    expression in TimeML; its value is the day's date followed by the time.
    """
    joined: list[tuple[Found, Resolution]] = []
    index = 0
    while index < len(values):
        item, resolution = values[index]
        if index + 1 < len(values):
            following, next_resolution = values[index + 1]
            pair = ((item, resolution), (following, next_resolution))
            clock = next((p for p in pair if isinstance(p[0].meaning, ClockTime)), None)
            day = next((p for p in pair if _is_day(p[1])), None)
            gap = text[item.end : following.start]
            if clock is not None and day is not None and _DAY_CLOCK_GAP.fullmatch(gap):
                hour_minute = clock[0].meaning
                assert isinstance(hour_minute, ClockTime)
                value = f"{day[1].value}T{hour_minute.hour:02d}:{hour_minute.minute:02d}"
                merged = Found(item.start, following.end, "TIME", Fixed(value))
                joined.append((merged, Resolution(value)))
                index += 2
                continue
        joined.append((item, resolution))
        index += 1
    return joined


def _is_day(resolution: Resolution) -> bool:
    """A resolution that is exactly one calendar day, without a modifier."""
    point = resolution.point
    return (
        point is not None
        and point.granularity == "day"
        and resolution.mod is None
        and resolution.value is not None
        and re.fullmatch(r"\d{4}-\d{2}-\d{2}", resolution.value) is not None
    )
