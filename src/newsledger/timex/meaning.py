"""What a found time expression means, before it is anchored: the hand-off between finding and
normalizing.

:mod:`newsledger.timex.patterns` turns text into :class:`Found` spans, each carrying one of the
small frozen meaning types below; :mod:`newsledger.timex.anchor` turns a meaning plus an anchor
(the publication date, the reference date the text last talked about, the tense of the clause)
into a TIMEX3 value. Keeping the meaning separate from the value is what lets "April 8" and
"four days prior" be found by regexes that know nothing about dates, and resolved by rules that
know nothing about regexes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from newsledger.model import TimeMod, TimeType

# Calendar units a relative expression can count in; "weekend" only in deictic use.
Unit = Literal[
    "second",
    "minute",
    "hour",
    "day",
    "week",
    "weekend",
    "month",
    "quarter",
    "year",
    "decade",
    "century",
]
# Which date a relative expression counts from: the publication date ("two days ago", "last
# week") or the date the text last mentioned ("four days prior", "the next day").
Base = Literal["publication", "reference"]
# A part of a day, as TIMEX3 writes it after "T": morning, afternoon, evening, night.
DayPart = Literal["MO", "AF", "EV", "NI"]


@dataclass(frozen=True, slots=True)
class Fixed:
    """A value the text spells out completely: "2014", "the 1990s", "2025-04-08", "P4D", "P1D"."""

    value: str | None


@dataclass(frozen=True, slots=True)
class CalendarDate:
    """A month and/or day whose year the text may leave out: "April 8", "late March", "May 2024"."""

    month: int
    day: int | None = None
    year: int | None = None
    direction: int | None = None  # "last August" -1, "next May" +1, "this March" 0


@dataclass(frozen=True, slots=True)
class Quarter:
    """A quarter of a year: "the first quarter", "Q3 2024"."""

    quarter: int
    year: int | None = None


@dataclass(frozen=True, slots=True)
class Deictic:
    """A unit counted from a base: "yesterday" (day, -1), "this year" (year, 0), "the next day"."""

    unit: Unit
    offset: int
    base: Base = "publication"
    part: DayPart | None = None
    # "the weekend" (not "this weekend"): which one depends on the tense of the clause.
    tensed: bool = False


@dataclass(frozen=True, slots=True)
class Shift:
    """An amount of time before or after a base: "four days prior", "two weeks ago".

    ``amount`` is None for vague counts ("a few days", "several weeks"): the result is then only
    known to the coarser unit, and is given with mod APPROX or not at all.
    """

    amount: int | None
    unit: Unit
    sign: int
    base: Base


@dataclass(frozen=True, slots=True)
class Weekday:
    """A named day of the week: "on Tuesday" (direction None), "last Friday" (-1), "next Monday"."""

    weekday: int  # Monday = 0, as datetime.date.weekday()
    direction: int | None = None
    part: DayPart | None = None


@dataclass(frozen=True, slots=True)
class Season:
    """A season whose year the text leaves out: "this summer" (0), "last winter" (-1), "the
    summer" (None: the tense decides). ``code`` is the TIMEX3 suffix: SP, SU, FA or WI."""

    code: str
    direction: int | None = None


@dataclass(frozen=True, slots=True)
class Feast:
    """A named holiday whose date depends on the year: "Easter Sunday", "Ramadan"."""

    name: str
    year: int | None = None


@dataclass(frozen=True, slots=True)
class ClockTime:
    """A time of day: "10:00", "3 p.m."; its date comes from the sentence or the publication."""

    hour: int
    minute: int = 0


Meaning = Fixed | CalendarDate | Quarter | Deictic | Shift | Weekday | Season | Feast | ClockTime


@dataclass(frozen=True, slots=True)
class Found:
    """A time expression found in the text, with its span, type, meaning and modifier."""

    start: int
    end: int
    type: TimeType
    meaning: Meaning
    mod: TimeMod | None = None
