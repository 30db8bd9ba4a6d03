"""Normalizing found time expressions against an anchor: TIMEX3 values from meanings.

An expression's value depends on more than its words. "April 8" needs a year: the one that keeps
it in the past of the publication date when the clause is in the past tense, in its future when
the clause speaks of the future, the nearest otherwise, or the year of an explicit date the same
paragraph has just given. "Four days prior" counts from the date the text last mentioned (the
*reference* date, as in TimeML), "two days ago" from the publication date. :class:`Anchor`
carries those facts, :func:`resolve` applies them, and :class:`Point` is a resolved calendar
period that can serve as the next expression's reference. Nothing here guesses: a date that
cannot exist, or a relative expression with nothing to count from, gets the value None.

:func:`record_date` turns a TIMEX3 value into the record's date form for the claims and events
stages.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from newsledger.model import TimeMod
from newsledger.timex.feasts import feast_span, is_exact
from newsledger.timex.meaning import (
    CalendarDate,
    ClockTime,
    Deictic,
    Feast,
    Fixed,
    Found,
    Quarter,
    Season,
    Shift,
    Weekday,
)

Tense = Literal["past", "present", "future"]
Granularity = Literal["day", "week", "month", "quarter", "year", "decade", "century"]
_ORDER: dict[Granularity, int] = {
    "day": 0,
    "week": 1,
    "month": 2,
    "quarter": 3,
    "year": 4,
    "decade": 5,
    "century": 6,
}


@dataclass(frozen=True, slots=True)
class Point:
    """A resolved calendar period: its first day, how long it is, and how it is qualified."""

    first: date
    granularity: Granularity
    mod: TimeMod | None = None
    explicit_year: bool = False  # the text spelled the year out ("August 2024")

    @property
    def last(self) -> date:
        return _period_end(self.first, self.granularity)

    @property
    def value(self) -> str:
        first, unit = self.first, self.granularity
        if unit == "day":
            return first.isoformat()
        if unit == "week":
            year, week, _ = first.isocalendar()
            return f"{year:04d}-W{week:02d}"
        if unit == "month":
            return f"{first.year:04d}-{first.month:02d}"
        if unit == "quarter":
            return f"{first.year:04d}-Q{(first.month - 1) // 3 + 1}"
        if unit == "year":
            return f"{first.year:04d}"
        if unit == "decade":
            return f"{first.year // 10:03d}"
        return f"{first.year // 100:02d}"

    def representative(self) -> date:
        """A day standing for the period when counting from it: "late March" is about the 25th."""
        last = self.last
        span = (last - self.first).days
        fraction = {"START": 0.15, "END": 0.85}.get(self.mod or "", 0.5)
        return self.first + timedelta(days=round(span * fraction))


@dataclass(frozen=True, slots=True)
class Anchor:
    """What an expression is normalized against."""

    published: date | None
    reference: Point | None = None  # the date the text last mentioned
    tense: Tense | None = None  # of the clause the expression belongs to
    context_year: int | None = None  # an explicit year just given in the same paragraph
    day: date | None = None  # the day the sentence is about, for clock times


@dataclass(frozen=True, slots=True)
class Resolution:
    """A TIMEX3 value and modifier, plus the calendar period when the value is one."""

    value: str | None
    mod: TimeMod | None = None
    point: Point | None = None


_UNRESOLVED = Resolution(None)
_FUTURE_WEIGHT = 6
# The calendar period each counting unit resolves to; clock units resolve to none.
_GRANULARITY_OF: dict[str, Granularity] = {
    "day": "day",
    "week": "week",
    "weekend": "week",
    "month": "month",
    "quarter": "quarter",
    "year": "year",
    "decade": "decade",
    "century": "century",
}


def parse_date(text: str | None) -> date | None:
    """A "YYYY-MM-DD" string as a date; None for None or anything else."""
    if not text or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _period_end(first: date, unit: Granularity) -> date:
    if unit == "day":
        return first
    if unit == "week":
        return first + timedelta(days=6)
    if unit == "month":
        return first.replace(day=calendar.monthrange(first.year, first.month)[1])
    if unit == "quarter":
        month = first.month + 2
        return date(first.year, month, calendar.monthrange(first.year, month)[1])
    years = {"year": 1, "decade": 10, "century": 100}[unit]
    return date(min(first.year + years - 1, 9999), 12, 31)


def _start_of(day: date, unit: Granularity) -> date:
    if unit == "day":
        return day
    if unit == "week":
        return day - timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    if unit == "quarter":
        return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    size = {"year": 1, "decade": 10, "century": 100}[unit]
    return date(max(day.year // size * size, 1), 1, 1)


def _add_months(day: date, months: int) -> date | None:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    if not 1 <= year <= 9999:
        return None
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _shift_date(day: date, amount: int, unit: str) -> date | None:
    try:
        if unit == "day":
            return day + timedelta(days=amount)
        if unit in ("week", "weekend"):
            return day + timedelta(weeks=amount)
        if unit == "month":
            return _add_months(day, amount)
        if unit == "quarter":
            return _add_months(day, 3 * amount)
        years = {"year": 1, "decade": 10, "century": 100}.get(unit)
        if years is None:
            return None
        return _add_months(day, 12 * years * amount)
    except OverflowError:
        return None


def _point_from_value(value: str) -> Point | None:
    """The calendar period a TIMEX3 date value names, if it names one."""
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?", value):
            return Point(date(*map(int, m.groups())), "day", explicit_year=True)
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            return Point(date(int(m[1]), int(m[2]), 1), "month", explicit_year=True)
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
            return Point(date(int(m[1]), 3 * int(m[2]) - 2, 1), "quarter", explicit_year=True)
        if re.fullmatch(r"\d{4}", value):
            return Point(date(int(value), 1, 1), "year", explicit_year=True)
        if re.fullmatch(r"\d{3}", value) and value != "000":
            return Point(date(int(value) * 10, 1, 1), "decade", explicit_year=True)
    except ValueError:
        return None
    return None


def _choose(
    candidates: list[tuple[date, date]], published: date, tense: Tense | None
) -> tuple[date, date] | None:
    """The candidate period the tense points to: last one begun (past), next one not yet over
    (future), else the one nearest the publication date."""
    if not candidates:
        return None
    if tense == "past":
        begun = [c for c in candidates if c[0] <= published]
        return max(begun) if begun else None
    if tense == "future":
        ahead = [c for c in candidates if c[1] >= published]
        return min(ahead) if ahead else None

    def distance(period: tuple[date, date]) -> int:
        first, last = period
        if first <= published <= last:
            return 0
        return min(abs((first - published).days), abs((last - published).days))

    # News reports mostly on the past: a later candidate wins only when it is much nearer
    # ("a truce for early May", written on 28 April), not for "in October" written in May.
    def weighted(period: tuple[date, date]) -> tuple[int, bool]:
        ahead = period[0] > published
        return distance(period) * (_FUTURE_WEIGHT if ahead else 1), ahead

    return min(candidates, key=weighted)


def _calendar_date(meaning: CalendarDate, anchor: Anchor) -> Point | None:
    if not 1 <= meaning.month <= 12 or (meaning.day is not None and not 1 <= meaning.day <= 31):
        return None
    unit: Granularity = "month" if meaning.day is None else "day"

    def period(year: int) -> Point | None:
        try:
            first = date(year, meaning.month, meaning.day or 1)
        except ValueError:
            return None  # "February 30", "February 29, 2025"
        return Point(first, unit, explicit_year=meaning.year is not None)

    if meaning.year is not None:
        return period(meaning.year)
    # "last June" is deictic: it counts from the moment of writing, even inside a story about
    # 1992; only a bare "June" takes the year the narrative is in.
    if anchor.context_year is not None and meaning.direction is None:
        return period(anchor.context_year)
    if anchor.published is None:
        return None
    published = anchor.published
    years = range(published.year - 1, published.year + 2)
    points = [p for p in map(period, years) if p is not None]
    if meaning.direction == 0:
        return next((p for p in points if p.first.year == published.year), None)
    if meaning.direction is not None:
        # "last August" is the latest August wholly before the publication's month.
        this_month = published.replace(day=1)
        if meaning.direction < 0:
            before = [p for p in points if p.first < this_month]
            return max(before, key=lambda p: p.first) if before else None
        after = [p for p in points if p.first > _period_end(this_month, "month")]
        return min(after, key=lambda p: p.first) if after else None
    chosen = _choose([(p.first, p.last) for p in points], published, anchor.tense)
    return next((p for p in points if chosen and p.first == chosen[0]), None)


def _quarter(meaning: Quarter, anchor: Anchor) -> Point | None:
    def period(year: int) -> Point:
        return Point(date(year, 3 * meaning.quarter - 2, 1), "quarter")

    if meaning.year is not None:
        return period(meaning.year)
    year = anchor.context_year
    if year is not None:
        return period(year)
    if anchor.published is None:
        return None
    points = [period(y) for y in range(anchor.published.year - 1, anchor.published.year + 2)]
    # A quarter named without a year in the past tense is the last one begun; in news about
    # results, "the fourth quarter" before year's end is last year's: the same rule covers it.
    chosen = _choose([(p.first, p.last) for p in points], anchor.published, anchor.tense)
    return next((p for p in points if chosen and p.first == chosen[0]), None)


def _base_day(base: str, anchor: Anchor) -> tuple[date, Point] | None:
    """The day to count from and the period it stands for."""
    if base == "reference" and anchor.reference is not None:
        return anchor.reference.representative(), anchor.reference
    if anchor.published is None:
        return None
    return anchor.published, Point(anchor.published, "day")


def _deictic(meaning: Deictic, anchor: Anchor) -> Resolution:
    if meaning.base == "reference":
        if anchor.reference is None:
            return _UNRESOLVED
        base_point = anchor.reference
        # "the next day" needs a day to count from; "that year" only a year.
        wanted = _GRANULARITY_OF.get(meaning.unit)
        if wanted is None or _ORDER[base_point.granularity] > _ORDER[wanted]:
            return _UNRESOLVED
        day = base_point.representative()
    else:
        if anchor.published is None:
            return _UNRESOLVED
        day = anchor.published
    unit = meaning.unit
    if unit == "weekend":
        offset = meaning.offset
        if meaning.tensed and anchor.tense != "future" and day.weekday() < 5:
            offset = -1  # "over the weekend", said on a weekday about the past: the one just gone
        monday = _start_of(day, "week") + timedelta(weeks=offset)
        year, week, _ = monday.isocalendar()
        return Resolution(f"{year:04d}-W{week:02d}-WE")
    granularity = _GRANULARITY_OF.get(unit)
    if granularity is None or granularity == "century":
        return _UNRESOLVED
    shifted = _shift_date(_start_of(day, granularity), meaning.offset, unit)
    if shifted is None:
        return _UNRESOLVED
    point = Point(shifted, granularity)
    if meaning.part:
        return Resolution(f"{point.value}T{meaning.part}", point=point)
    return Resolution(point.value, point=point)


def _shift(meaning: Shift, anchor: Anchor) -> Resolution:
    base = _base_day(meaning.base, anchor)
    if base is None or meaning.unit in ("weekend", "quarter", "second", "minute", "hour"):
        return _UNRESOLVED
    day, base_point = base
    unit = meaning.unit
    granularity: Granularity = _GRANULARITY_OF[unit]
    if granularity in ("decade", "century"):
        granularity = "year"  # "a decade ago" is a year, ten years back
    if meaning.base == "reference":
        # Counting from a reference keeps the reference's precision at best ("two weeks after
        # late March" is some day in April, so April); weeks are counted in days, loosely.
        if granularity == "week":
            granularity = "day"
        granularity = max(granularity, base_point.granularity, key=_ORDER.__getitem__)
    # "A week later" is loosely seven days; "two weeks after late March" is loose twice over.
    approx = (unit == "week" and meaning.base == "reference") or (
        base_point.granularity != "day" and unit in ("day", "week")
    )
    if meaning.amount is None:
        # "a few days after": only as precise as all of 2..6 days (weeks...) agree on.
        results = {_shift_date(day, meaning.sign * n, unit) for n in range(2, 7)}
        periods = {None if r is None else _start_of(r, "month") for r in results}
        granularity = "month" if _ORDER[granularity] <= _ORDER["month"] else granularity
        if len(periods) != 1 or None in periods:
            if granularity == "month":
                years = {None if r is None else r.year for r in results}
                if len(years) != 1 or None in years:
                    return _UNRESOLVED
                granularity = "year"
            else:
                return _UNRESOLVED
        target = next(iter(results))
        approx = True
    else:
        target = _shift_date(day, meaning.sign * meaning.amount, unit)
    if target is None:
        return _UNRESOLVED
    point = Point(_start_of(target, granularity), granularity, "APPROX" if approx else None)
    return Resolution(point.value, point.mod, point)


def _weekday(meaning: Weekday, anchor: Anchor) -> Resolution:
    published = anchor.published
    if published is None:
        return _UNRESOLVED
    ahead = (meaning.weekday - published.weekday()) % 7
    behind = (published.weekday() - meaning.weekday) % 7
    if meaning.direction == -1:
        day = published - timedelta(days=behind or 7)
    elif meaning.direction == 1:
        day = published + timedelta(days=ahead or 7)
    elif anchor.tense == "future":
        day = published + timedelta(days=ahead)
    else:
        day = published - timedelta(days=behind)
    point = Point(day, "day")
    if meaning.part:
        return Resolution(f"{point.value}T{meaning.part}", point=point)
    return Resolution(point.value, point=point)


# Meteorological seasons (northern hemisphere): first month and length in months. Winter
# straddles the new year and carries the year of its January ("2025-WI" is Dec 2024-Feb 2025).
_SEASON_MONTHS: dict[str, int] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _season_period(code: str, year: int) -> tuple[date, date] | None:
    first_month = _SEASON_MONTHS.get(code)
    if first_month is None:
        return None
    first = date(year - 1, 12, 1) if code == "WI" else date(year, first_month, 1)
    last = _add_months(first, 2)
    if last is None:
        return None
    return first, _period_end(last.replace(day=1), "month")


def _season(meaning: Season, anchor: Anchor) -> Resolution:
    if anchor.context_year is not None and meaning.direction is None:
        return Resolution(f"{anchor.context_year:04d}-{meaning.code}")
    published = anchor.published
    if published is None:
        return _UNRESOLVED
    years = range(published.year - 1, published.year + 3)
    periods = {y: p for y in years if (p := _season_period(meaning.code, y)) is not None}
    year: int | None
    if meaning.direction == 0:
        containing = [y for y, (a, b) in periods.items() if a <= published <= b]
        year = containing[0] if containing else published.year
    elif meaning.direction == -1:
        year = max((y for y, (_, b) in periods.items() if b < published), default=None)
    elif meaning.direction == 1:
        year = min((y for y, (a, _) in periods.items() if a > published), default=None)
    else:
        chosen = _choose(list(periods.values()), published, anchor.tense)
        year = next((y for y, p in periods.items() if p == chosen), None)
    if year is None:
        return _UNRESOLVED
    return Resolution(f"{year:04d}-{meaning.code}")


def _feast(meaning: Feast, anchor: Anchor) -> Resolution:
    if meaning.year is not None:
        span = feast_span(meaning.name, meaning.year)
    elif anchor.context_year is not None:
        span = feast_span(meaning.name, anchor.context_year)
    elif anchor.published is not None:
        year = anchor.published.year
        spans = [s for y in (year - 1, year, year + 1) if (s := feast_span(meaning.name, y))]
        span = _choose(spans, anchor.published, anchor.tense)
    else:
        span = None
    if span is None:
        return _UNRESOLVED
    first, last = span
    mod: TimeMod | None = None if is_exact(meaning.name) else "APPROX"
    if first == last:
        point = Point(first, "day", mod)
    elif (first.year, first.month) == (last.year, last.month):
        point = Point(first.replace(day=1), "month")
    elif first.year == last.year:
        point = Point(date(first.year, 1, 1), "year")
    else:
        return _UNRESOLVED
    return Resolution(point.value, point.mod, point)


def resolve(found: Found, anchor: Anchor) -> Resolution:
    """The TIMEX3 value and modifier of ``found`` under ``anchor``; value None when unknown."""
    try:
        return _resolve(found, anchor)
    except (OverflowError, ValueError):
        return _UNRESOLVED  # counting past year 1 or 9999: no calendar date to give


def _resolve(found: Found, anchor: Anchor) -> Resolution:
    meaning = found.meaning
    if isinstance(meaning, Fixed):
        if meaning.value is None:
            return _UNRESOLVED
        if found.type in ("DURATION", "SET") or meaning.value.endswith("_REF"):
            return Resolution(meaning.value, found.mod)
        fixed_point = _point_from_value(meaning.value)
        if fixed_point is None and re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", meaning.value):
            return _UNRESOLVED  # "2025-02-30"
        if fixed_point is not None:
            fixed_point = Point(fixed_point.first, fixed_point.granularity, found.mod, True)
        return Resolution(meaning.value, found.mod, fixed_point)
    point: Point | None
    if isinstance(meaning, CalendarDate):
        point = _calendar_date(meaning, anchor)
    elif isinstance(meaning, Quarter):
        point = _quarter(meaning, anchor)
    elif isinstance(meaning, Deictic):
        resolution = _deictic(meaning, anchor)
        return _with_mod(resolution, found.mod)
    elif isinstance(meaning, Shift):
        resolution = _shift(meaning, anchor)
        return resolution if found.mod is None else _with_mod(resolution, found.mod)
    elif isinstance(meaning, Weekday):
        return _with_mod(_weekday(meaning, anchor), found.mod)
    elif isinstance(meaning, Feast):
        return _with_mod(_feast(meaning, anchor), found.mod)
    elif isinstance(meaning, Season):
        return _with_mod(_season(meaning, anchor), found.mod)
    elif isinstance(meaning, ClockTime):
        if anchor.day is None:
            return _UNRESOLVED
        return Resolution(f"{anchor.day.isoformat()}T{meaning.hour:02d}:{meaning.minute:02d}")
    else:
        return _UNRESOLVED
    if point is None:
        return _UNRESOLVED
    point = Point(point.first, point.granularity, found.mod, point.explicit_year)
    return Resolution(point.value, point.mod, point)


def _with_mod(resolution: Resolution, mod: TimeMod | None) -> Resolution:
    if mod is None or resolution.value is None:
        return resolution
    point = resolution.point
    if point is not None:
        point = Point(point.first, point.granularity, mod, point.explicit_year)
    return Resolution(resolution.value, mod, point)


_RECORD_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_YEAR_PART = re.compile(r"(\d{4})-(?:Q[1-4]|H[12]|SP|SU|FA|WI)")


def record_date(value: str | None) -> str | None:
    """A TIMEX3 value in the record's date form: "YYYY-MM-DD", "YYYY-MM" or "YYYY".

    Times keep their day ("2025-04-13T10:00" -> "2025-04-13"), quarters, halves and seasons
    their year ("2025-Q1" -> "2025"). Weeks give None: an ISO week can straddle two months and
    even two years, so no record date is both true and as precise as the text. References
    (PRESENT_REF), durations, sets, decades and invalid dates give None as well.
    """
    if not value:
        return None
    if m := _YEAR_PART.fullmatch(value):
        return m[1]
    m = _RECORD_DATE.match(value)
    if m is None:
        return None
    rest = value[m.end() :]
    if rest and not (m[3] and rest.startswith("T")):
        return None
    year, month, day = m[1], m[2], m[3]
    try:
        if day:
            return date(int(year), int(month), int(day)).isoformat()
        if month:
            return f"{year}-{month}" if 1 <= int(month) <= 12 else None
    except ValueError:
        return None
    return year
