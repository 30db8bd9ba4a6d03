"""Finding time expressions in English text with regular expressions.

:func:`find_times` runs every rule below over the text and keeps the longest non-overlapping
matches, each as a :class:`~newsledger.timex.meaning.Found` with its span, TIMEX3 type and
meaning, but no value: the value depends on an anchor (the publication date, the date the text
last mentioned, the tense) that :mod:`newsledger.timex.anchor` supplies. A rule may reject its
own match (an age such as "24-year-olds", a count such as "2000 troops"); dates that cannot exist
("February 30") are still found here and get no value later. Modifiers ("late March",
"mid-2024", "around April 10") are attached in one pass after the rules, so each rule only has
to know its core expression. The builders for counted durations and sets ("three years",
"daily", "every winter") live in :mod:`newsledger.timex.durations`; the rule table here refers
to them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import lru_cache

from newsledger.model import TimeMod, TimeType
from newsledger.timex import lexicon as lx
from newsledger.timex.durations import (
    CAPITALIZED_WORD_AFTER,
    SEASON_CODES,
    and_a_half_duration,
    bare_plural_duration,
    counted_duration,
    duration_value,
    every_n_set,
    every_part_set,
    every_weekday_set,
    frequency_set,
    long_adjective_duration,
    plural_of_duration,
    set_word,
    span_duration,
    unit_of,
)
from newsledger.timex.feasts import FEAST_NAMES
from newsledger.timex.meaning import (
    Base,
    CalendarDate,
    ClockTime,
    DayPart,
    Deictic,
    Feast,
    Fixed,
    Found,
    Quarter,
    Season,
    Shift,
    Weekday,
)

# A rule builds one expression, or several when TimeML tags the parts apart ("1957-58").
Builder = Callable[[re.Match[str]], Found | list[Found] | None]

_PARTS: dict[str, DayPart] = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "tonight": "NI",
}
# Words after a bare four-digit number that show it counts things rather than naming a year.
_COUNTED = re.compile(
    r"\s+(?:people|troops|soldiers|civilians|men|women|children|residents|refugees|"
    r"casualties|deaths|dead|fighters|votes|km|kilometres|kilometers|miles|metres|meters|"
    r"tons|tonnes|dollars|euros|rubles|roubles|hryvnias|units|cases)\b"
)
# Any other plural noun after the number is a count too ("2000 rockets"), unless a determiner
# makes the number a modifier ("the 2014 sanctions", "its 2008 protests") or a preposition of
# time stands before it ("in 2012 sales rose"): then it names a year.
_COUNTED_PLURAL = re.compile(
    r"\s+(?!(?:this|thus|always|perhaps|across|unless|towards|afterwards|besides|elections|"
    r"olympics|games)\b)[a-z]{3,}s\b"
)
_DETERMINER_BEFORE = re.compile(
    r"(?:\b(?:the|its|their|his|her|our|this|that|these|those|in|since|during|until|before|"
    r"after)|['’]s)\s+$",
    re.IGNORECASE,
)
_YEAR_COUNT_BEFORE = re.compile(
    r"(?:about|around|nearly|some|over|than|least|almost|roughly|approximately|only|"
    r"[$£€#№]|No\.)\s*$",
    re.IGNORECASE,
)
_MODIFIER_BEFORE = re.compile(
    r"\b(?:(?P<word>early|late|mid|end)-|(?P<phrase>early|late|mid|(?:the\s+)?end\s+of|"
    r"(?:the\s+)?beginning\s+of|(?:the\s+)?start\s+of|(?:the\s+)?middle\s+of|around|about|"
    r"approximately|circa|roughly)\s+)$",
    re.IGNORECASE,
)
_MOD_OF: dict[str, TimeMod] = {
    "early": "START",
    "beginning": "START",
    "start": "START",
    "late": "END",
    "end": "END",
    "mid": "MID",
    "middle": "MID",
    "around": "APPROX",
    "about": "APPROX",
    "approximately": "APPROX",
    "circa": "APPROX",
    "roughly": "APPROX",
}


# --- builders, one per rule ----------------------------------------------------------------


def _iso_date(m: re.Match[str]) -> Found:
    value = m.group(0)
    if m.group("time"):
        return Found(m.start(), m.end(), "TIME", Fixed(value))
    return Found(m.start(), m.end(), "DATE", Fixed(value))


def _month_day(m: re.Match[str]) -> Found | None:
    month = lx.month_number(m.group("month"))
    if month is None:
        return None
    year = int(m.group("year")) if m.group("year") else None
    day = int(m.group("day"))
    return Found(m.start(), m.end(), "DATE", CalendarDate(month, day, year))


def _month_year(m: re.Match[str]) -> Found | None:
    month = lx.month_number(m.group("month"))
    if month is None:
        return None
    return Found(m.start(), m.end(), "DATE", CalendarDate(month, None, int(m.group("year"))))


def _bare_month(m: re.Match[str]) -> Found | None:
    month = lx.month_number(m.group("month"))
    if month is None:
        return None
    which = (m.groupdict().get("which") or "").lower()
    direction = {"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0}.get(which)
    start = m.start("which") if which else m.start("month")
    return Found(start, m.end("month"), "DATE", CalendarDate(month, direction=direction))


def _year(m: re.Match[str]) -> Found | None:
    text = m.string
    if _COUNTED.match(text, m.end()):
        return None
    if _COUNTED_PLURAL.match(text, m.end()) and not _DETERMINER_BEFORE.search(
        text, max(0, m.start() - 12), m.start()
    ):
        return None
    if _YEAR_COUNT_BEFORE.search(text[max(0, m.start() - 20) : m.start()]):
        return None
    return Found(m.start(), m.end(), "DATE", Fixed(m.group(0)))


def _year_range(m: re.Match[str]) -> list[Found] | None:
    """ "1957-58", "2014-15", "1990-1995": TimeML tags each end of a range as its own DATE."""
    first = int(m.group("first"))
    tail = m.group("second")
    second = int(tail) if len(tail) == 4 else first // 100 * 100 + int(tail)
    if not first < second <= first + 99:
        return None  # "2011-05" read as a year and a month, or not a range at all
    return [
        Found(m.start("first"), m.end("first"), "DATE", Fixed(f"{first:04d}")),
        Found(m.start("second"), m.end("second"), "DATE", Fixed(f"{second:04d}")),
    ]


def _decade(m: re.Match[str]) -> Found:
    if m.group("century"):
        value = m.group("century") + m.group("digit")
    else:
        digit = int(m.group("digit"))
        # "the '90s" is the 1990s, "the '20s" most likely the 2020s in news written now.
        value = ("19" if digit >= 3 else "20") + m.group("digit")
    return Found(m.start(), m.end(), "DATE", Fixed(value))


def _century(m: re.Match[str]) -> Found | None:
    number = lx.ordinal_value(m.group("ordinal"))
    if number is None or not 1 <= number <= 30:
        return None
    return Found(m.start(), m.end(), "DATE", Fixed(f"{number - 1:02d}"))


def _quarter(m: re.Match[str]) -> Found | None:
    which = m.group("which").lower()
    number = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}.get(which, 4)
    if which not in ("fourth", "4th", "final") and number == 4:
        return None
    year = int(m.group("year")) if m.group("year") else None
    return Found(m.start(), m.end(), "DATE", Quarter(number, year))


def _q_quarter(m: re.Match[str]) -> Found:
    year = int(m.group("year")) if m.group("year") else None
    return Found(m.start(), m.end(), "DATE", Quarter(int(m.group("q")), year))


def _season_year(m: re.Match[str]) -> Found:
    season = SEASON_CODES[m.group("season").lower()]
    return Found(m.start(), m.end(), "DATE", Fixed(f"{m.group('year')}-{season}"))


def _season(m: re.Match[str]) -> Found | None:
    """ "this summer", "last winter", "the coming autumn", "in spring": a season of some year."""
    if m.group("season") == "fall" and re.match(r"\s+of\b", m.string[m.end() :]):
        return None  # "the fall of the city": an event, not the season
    which = (m.group("which") or "").lower().split()
    direction = {"this": 0, "last": -1, "past": -1, "next": 1, "coming": 1}.get(
        which[-1] if which else ""
    )
    start = m.start("which") if which else m.start("season")
    return Found(start, m.end(), "DATE", Season(SEASON_CODES[m.group("season")], direction))


def _half_year(m: re.Match[str]) -> Found:
    half = "H1" if m.group("which").lower() == "first" else "H2"
    return Found(m.start(), m.end(), "DATE", Fixed(f"{m.group('year')}-{half}"))


_DAY_WORDS: dict[str, tuple[int, DayPart | None]] = {
    "today": (0, None),
    "tonight": (0, "NI"),
    "yesterday": (-1, None),
    "tomorrow": (1, None),
    "the day before yesterday": (-2, None),
    "the day after tomorrow": (2, None),
    "last night": (-1, "NI"),
    "overnight": (-1, "NI"),  # in a report, the night that has just ended
}


def _day_word(m: re.Match[str]) -> Found:
    key = " ".join(m.group("word").lower().split())
    offset, part = _DAY_WORDS[key]
    if m.group("part"):
        part = _PARTS[m.group("part").lower()]
    kind: TimeType = "TIME" if part else "DATE"
    return Found(m.start(), m.end(), kind, Deictic("day", offset, "publication", part))


def _this_part(m: re.Match[str]) -> Found:
    part = _PARTS[m.group("part").lower()]
    return Found(m.start(), m.end(), "TIME", Deictic("day", 0, "publication", part))


_DEICTIC_OFFSETS = {
    "this": 0,
    "current": 0,
    "last": -1,
    "past": -1,
    "next": 1,
    "coming": 1,
    "previous": -1,
    "following": 1,
    "preceding": -1,
    "same": 0,
    "that": 0,
}


def _deictic_unit(m: re.Match[str]) -> Found | None:
    which = m.group("which").lower()
    unit = unit_of(m.group("unit"))
    # "the previous week", "the same day", "that year" count from the date the text last gave;
    # "last week", "this year", "the coming week" from the publication date.
    by_reference = which in ("previous", "following", "preceding", "same", "that") or bool(
        m.group("the") and which == "next"  # "the next year": the year after the one just given
    )
    if m.group("the") and which in ("next", "coming") and m.group("unit").lower() == "decade":
        # "the next decade" is the ten years ahead, not the calendar decade 2030-2039.
        return Found(m.start(), m.end(), "DURATION", Fixed("P10Y"))
    if m.group("the") and which in ("last", "past"):
        # "the past week" is a stretch of time ending now (TimeML: DURATION P1W).
        value = duration_value(1, m.group("unit"))
        return Found(m.start(), m.end(), "DURATION", Fixed(value))
    base: Base = "reference" if by_reference else "publication"
    return Found(m.start(), m.end(), "DATE", Deictic(unit, _DEICTIC_OFFSETS[which], base))


def _the_unit(m: re.Match[str]) -> Found:
    """ "the year" in "by the end of the year", "later in the month": the current one (the
    modifier pass then adds "the end of")."""
    unit = unit_of(m.group("unit"))
    return Found(m.start("core"), m.end(), "DATE", Deictic(unit, 0, "publication"))


def _next_day(m: re.Match[str]) -> Found:
    word = " ".join(m.group(0).lower().split())
    offset = -1 if ("before" in word or "previous" in word or "eve" in word) else 1
    if "same" in word or word == "that day":
        offset = 0
    return Found(m.start(), m.end(), "DATE", Deictic("day", offset, "reference"))


def _within_this(m: re.Match[str]) -> Found:
    return Found(m.start(), m.end(), "DATE", Deictic(unit_of(m.group("unit")), 0, "publication"))


_NAMED_DAY_BEFORE = re.compile(r"(?-i:Good|Black|Bloody|Super|Cyber|Holy|Palm|Easter)\s+$")


def _weekday(m: re.Match[str]) -> Found | None:
    if not m.group("which") and _NAMED_DAY_BEFORE.search(
        m.string, max(0, m.start() - 8), m.start()
    ):
        return None  # "the Good Friday Agreement", "Bloody Sunday": names, not dates
    day = lx.WEEKDAYS[m.group("day").lower()]
    which = (m.group("which") or "").lower()
    direction = {"last": -1, "past": -1, "next": 1, "coming": 1, "this": None}.get(which)
    part = _PARTS[m.group("part").lower()] if m.group("part") else None
    kind: TimeType = "TIME" if part else "DATE"
    return Found(m.start(), m.end(), kind, Weekday(day, direction, part))


def _weekend(m: re.Match[str]) -> Found:
    which = (m.group("which") or "").lower()
    offset = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(which, 0)
    meaning = Deictic("weekend", offset, "publication", tensed=not which)
    return Found(m.start("span"), m.end(), "DATE", meaning)


def _clock(m: re.Match[str]) -> Found | None:
    hour = int(m.group("hour"))
    minute = int(m.group("minute") or 0)
    meridiem = (m.groupdict().get("ampm") or "").lower().replace(".", "")
    if meridiem:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return Found(m.start(), m.end(), "TIME", ClockTime(hour, minute))


def _noon(m: re.Match[str]) -> Found:
    hour = 0 if m.group(0).lower() == "midnight" else 12
    return Found(m.start(), m.end(), "TIME", ClockTime(hour, 0))


_REFS: dict[str, str] = {
    "now": "PRESENT_REF",
    "right now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "the present": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "presently": "PRESENT_REF",
    "at this point": "PRESENT_REF",
    "at this time": "PRESENT_REF",
    "for the time being": "PRESENT_REF",
    "the moment": "PRESENT_REF",
    "recently": "PAST_REF",
    "lately": "PAST_REF",
    "the past": "PAST_REF",
    "the future": "FUTURE_REF",
}


def _feast(m: re.Match[str]) -> Found | None:
    if not m.group("name")[0].isupper():
        return None  # "easter" in lower case is not how news names the feast
    if not m.group("year") and CAPITALIZED_WORD_AFTER.match(m.string, m.end()):
        return None  # part of a name: "the Good Friday Agreement"
    name = " ".join(m.group("name").lower().replace("-", " ").split())
    name = _FEAST_SPELLINGS.get(name, name)
    year = int(m.group("year")) if m.group("year") else None
    return Found(m.start(), m.end(), "DATE", Feast(name, year))


_FEAST_SPELLINGS = {
    "eid al fitr": "eid al-fitr",
    "eid ul fitr": "eid al-fitr",
    "eid al adha": "eid al-adha",
    "eid ul adha": "eid al-adha",
    "new year's": "new year's day",
    "new year": "new year's day",
}


# --- the rules ----------------------------------------------------------------------------

_YEAR4 = r"(?:1[5-9]\d\d|20\d\d)"
# Zones news writes after a clock time; the value keeps the wall-clock time, as TIMEX3 does.
_TIME_ZONE = (
    r"(?:(?-i:GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|CET|CEST|EET|EEST|BST|MSK|ET|PT)\b|"
    r"(?:local|Kyiv|Kiev|Moscow|Beijing|Tehran|Jerusalem)\s+time\b)"
)
_FEAST_RE = "|".join(
    sorted(
        (
            re.escape(n).replace(r"\ ", r"\s+").replace("al\\-", r"(?:al|ul)[\s-]")
            for n in FEAST_NAMES
        ),
        key=len,
        reverse=True,
    )
)


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[re.Pattern[str], Builder], ...]:
    """Compile the rules once, on first use (never at import)."""
    n, u = lx.NUMBER_RE, lx.UNIT_RE
    weekday_prefix = rf"(?:{lx.WEEKDAY_RE},?\s+)?"
    rules: list[tuple[str, Builder]] = [
        (r"\b\d{4}-\d{2}-\d{2}(?P<time>T\d{2}:\d{2})?\b", _iso_date),
        (
            rf"{weekday_prefix}(?P<month>{lx.MONTH_ANY_RE})\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
            rf"(?!\d|,\d|\s*(?:%|percent))\b(?:,?\s+(?P<year>\d{{4}})\b)?",
            _month_day,
        ),
        (
            rf"{weekday_prefix}(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+"
            rf"(?P<month>{lx.MONTH_ANY_RE})(?:,?\s+(?P<year>\d{{4}})\b)?",
            _month_day,
        ),
        (rf"(?P<month>{lx.MONTH_RE})(?:\s+of)?,?\s+(?P<year>{_YEAR4})\b", _month_year),
        (
            r"(?:\b(?P<which>last|next|this|past|coming)\s+)?(?P<month>(?-i:January|February|March|April|June|July|August|September|October|"
            r"November|December))\b(?!\s*\d)",
            _bare_month,
        ),
        (
            r"(?:\b(?:(?P<which>last|next|this|past|coming)|in|on|since|until|till|by|from|to|"
            r"through|during|of|early|late|mid|between|before|after)\s+|mid-)"
            r"(?P<month>(?-i:May))\b(?!\s*\d)",
            _bare_month,
        ),
        (rf"(?<![\d,.$£€/])\b{_YEAR4}\b(?!\d|,\d|\.\d|\s*%|-\d)", _year),
        (
            rf"(?<![\d,.$£€/-])\b(?P<first>{_YEAR4})[-–](?P<second>\d{{4}}|\d{{2}})\b(?![-–.,]?\d)",
            _year_range,
        ),
        (r"\b(?:the\s+)?(?:(?P<century>1[5-9]|20)|')(?P<digit>\d)0s\b", _decade),
        (rf"\b(?:the\s+)?(?P<ordinal>{lx.ORDINAL_RE})\s+century\b", _century),
        (
            r"\b(?:the\s+)?(?P<which>first|second|third|fourth|final|1st|2nd|3rd|4th)\s+"
            rf"quarter(?:\s+of\s+(?P<year>{_YEAR4}))?\b",
            _quarter,
        ),
        (rf"\bQ(?P<q>[1-4])(?:\s+(?P<year>{_YEAR4}))?\b", _q_quarter),
        (
            rf"\b(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<year>{_YEAR4})\b",
            _season_year,
        ),
        (rf"\bthe\s+(?P<which>first|second)\s+half\s+of\s+(?P<year>{_YEAR4})\b", _half_year),
        (
            r"\b(?:(?P<which>(?:the\s+)?(?:this|last|next|past|coming)|the)\s+|"
            r"(?:in|during|since|until|till|through|by)\s+)"
            r"(?P<season>(?-i:spring|summer|autumn|fall|winter))\b(?!\s+(?:of\s+)?\d{4})",
            _season,
        ),
        (
            r"\b(?:every|each)\s+(?P<part>spring|summer|autumn|fall|winter|morning|afternoon|"
            r"evening|night)\b",
            every_part_set,
        ),
        (
            r"\b(?P<word>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|"
            r"tonight|yesterday|tomorrow|last\s+night|overnight)"
            r"(?:\s+(?P<part>morning|afternoon|evening|night))?\b",
            _day_word,
        ),
        (r"\bthis\s+(?P<part>morning|afternoon|evening)\b", _this_part),
        (
            r"\b(?P<the>the\s+)?(?P<which>this|current|last|past|next|coming|previous|"
            r"following|preceding|same|that)\s+(?:(?:fiscal|financial|calendar)\s+)?"
            r"(?P<unit>weekend|week|month|year|decade|quarter)\b",
            _deictic_unit,
        ),
        (
            r"\b(?:the\s+(?:next|following|previous|preceding|same)\s+day|that\s+day|"
            r"the\s+day\s+(?:before|after)|the\s+(?:eve|day)\s+of)\b",
            _next_day,
        ),
        (r"\b(?:earlier|later)\s+this\s+(?P<unit>week|month|year)\b", _within_this),
        (
            r"\b(?:(?:end|beginning|start|middle|rest|remainder|course)\s+of|"
            r"(?:later|earlier)\s+in)\s+(?P<core>(?:the\s+)?(?P<unit>year|month|week))\b",
            _the_unit,
        ),
        (
            rf"\b(?P<num>{n})[\s-]+(?P<unit>{u})\b(?:-long\b)?(?:\s+(?P<dir>ago|earlier|later|prior|"
            r"before|after|previously|from\s+now|hence)\b)?",
            counted_duration,
        ),
        (
            rf"\bthe\s+(?:past|last|previous|next|coming|following|first)\s+(?:(?P<num>{n})\s+)?"
            rf"(?P<unit>{u})\b",
            span_duration,
        ),
        (r"\brecent\s+(?P<unit>days|weeks|months|years|decades)\b", span_duration),
        (
            rf"\b(?:(?P<num>{n})[\s-]+and[\s-]+a[\s-]+half[\s-]+(?P<unit>{u})|"
            rf"(?P<num2>an?|one)[\s-]+(?P<unit2>{u})[\s-]+and[\s-]+a[\s-]+half|"
            r"half\s+an?\s+(?P<unit3>hour|day|year|decade|century))\b",
            and_a_half_duration,
        ),
        (
            r"\b(?P<unit>(?:hour|day|week|month|year|decade)s?|century|centuries)"
            r"(?:-long|long)\b",
            long_adjective_duration,
        ),
        (
            r"\b(?:for|over|within|in|after|during|throughout|took|take|takes|taking|lasted|"
            r"lasting|spent|spend|spending)\s+(?P<unit>hours|days|weeks|months|years|decades)\b"
            r"(?!\s+(?:ago|later|earlier|before|after)\b)",
            bare_plural_duration,
        ),
        (r"\b(?P<unit>(?-i:hours|days|weeks|months|years|decades))\s+of\b", plural_of_duration),
        (
            r"\b(?:daily|every\s+day|each\s+day|nightly|hourly|every\s+hour|"
            r"weekly|every\s+week|each\s+week|monthly|every\s+month|each\s+month|annually|"
            r"yearly|annual|every\s+year|each\s+year)\b",
            set_word,
        ),
        (
            r"\b(?:once|twice|three\s+times|several\s+times|\d+\s+times)\s+(?:a|an|per|each)\s+"
            r"(?P<unit>day|week|month|year|hour)\b",
            frequency_set,
        ),
        (rf"\bevery\s+(?P<num>{n})\s+(?P<unit>{u})\b", every_n_set),
        (
            rf"\b(?:every\s+(?P<day>{lx.WEEKDAY_RE})|on\s+(?P<day2>{lx.WEEKDAY_RE}s))\b",
            every_weekday_set,
        ),
        (
            rf"\b(?:(?P<which>last|next|this|past|coming)\s+)?(?P<day>{lx.WEEKDAY_RE})\b"
            r"(?:\s+(?P<part>morning|afternoon|evening|night))?",
            _weekday,
        ),
        (
            r"\b(?:(?P<which>last|next|this|past|coming)\s+|(?:over|at|during)\s+(?P<the>the)\s+)"
            r"(?P<span>weekend)\b",
            _weekend,
        ),
        (
            r"\b(?P<hour>\d{1,2})(?::(?P<minute>[0-5]\d))?\s*(?P<ampm>(?-i:[ap]\.m\.|[ap]m)|"
            rf"(?-i:[AP]M))(?!\w)(?:\s+{_TIME_ZONE})?",
            _clock,
        ),
        # "15:00 GMT", "0300 GMT", "18:30 Kyiv time": a time zone makes four digits a clock time.
        (
            rf"\b(?P<hour>[01]?\d|2[0-3]):?(?P<minute>[0-5]\d)\s*{_TIME_ZONE}",
            _clock,
        ),
        (
            r"(?<=\bat\s)(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)\b(?!\s*[ap]\.?m\b)",
            _clock,
        ),
        (r"\b(?:noon|midnight|midday)\b", _noon),
        (
            r"(?:\b(?:for|at|until|till)\s+(?P<word>the\s+moment)\b|"
            r"\b(?P<word2>right\s+now|now|currently|presently|at\s+present|at\s+this\s+(?:point|"
            r"time)|for\s+the\s+time\s+being|nowadays|these\s+days|"
            r"recently|lately)\b|\b(?:in|of)\s+(?P<word3>the\s+(?:past|future|present))\b"
            r"(?!\s+(?:tense|participle)))",
            _ref,
        ),
        (
            rf"\b(?-i:(?=[A-Z]))(?P<name>{_FEAST_RE})\b(?:\s+(?:of\s+)?(?P<year>{_YEAR4})\b)?",
            _feast,
        ),
    ]
    return tuple((re.compile(pattern, re.IGNORECASE), builder) for pattern, builder in rules)


def _ref(m: re.Match[str]) -> Found:
    for group in ("word", "word2", "word3"):
        if m.group(group):
            key = " ".join(m.group(group).lower().split())
            start, end = m.span(group)
            return Found(start, end, "DATE", Fixed(_REFS[key]))
    raise ValueError("reference rule matched no word")  # unreachable: the regex has three arms


# Words without which a rule cannot match: a substring test on the lower-cased text is far
# cheaper than letting a case-insensitive regex with a long alternation scan the article.
_TRIGGERS: dict[Builder, tuple[str, ...]] = {
    _century: ("century",),
    _quarter: ("quarter",),
    _q_quarter: ("q1", "q2", "q3", "q4"),
    _half_year: ("half",),
    _season_year: ("spring", "summer", "autumn", "fall", "winter"),
    _season: ("spring", "summer", "autumn", "fall", "winter"),
    every_part_set: ("every", "each"),
    _this_part: ("this",),
    _within_this: ("this",),
    _the_unit: ("year", "month", "week"),
    every_n_set: ("every",),
    frequency_set: ("once", "twice", "times"),
    _noon: ("noon", "midnight", "midday"),
    _weekend: ("weekend",),
    _decade: ("0s",),
    and_a_half_duration: ("half",),
    long_adjective_duration: ("long",),
    _day_word: ("today", "tonight", "yesterday", "tomorrow", "night"),
    _next_day: ("day",),
    _feast: (
        "easter",
        "christmas",
        "ramadan",
        "eid",
        "new year",
        "victory",
        "valentine",
        "halloween",
        "armistice",
        "remembrance",
        "women",
        "palm",
        "friday",
        "holy",
        "thursday",
        "wednesday",
        "pentecost",
        "whitsun",
        "boxing",
    ),
}


def _candidates(text: str) -> Iterator[tuple[int, Found]]:
    lowered = text.lower()
    for priority, (pattern, builder) in enumerate(_rules()):
        triggers = _TRIGGERS.get(builder)
        if triggers is not None and not any(word in lowered for word in triggers):
            continue
        for match in pattern.finditer(text):
            built = builder(match)
            for found in built if isinstance(built, list) else (built,):
                if found is not None and found.end > found.start:
                    yield priority, found


_APPROX_ONLY = frozenset({"around", "about", "approximately", "circa", "roughly"})


# Words before a duration that TIMEX3 keeps inside the expression ("about three years", "more
# than a decade"); only the approximate ones have a mod the record can say (APPROX).
_DURATION_MODIFIER_BEFORE = re.compile(
    r"\b(?P<word>about|around|nearly|almost|roughly|approximately|more\s+than|less\s+than|"
    r"fewer\s+than|at\s+least|at\s+most|up\s+to|just\s+under|just\s+over)\s+$",
    re.IGNORECASE,
)
_APPROX_DURATION = frozenset({"about", "around", "nearly", "almost", "roughly", "approximately"})


def _with_duration_modifier(text: str, found: Found) -> Found:
    match = _DURATION_MODIFIER_BEFORE.search(text, max(0, found.start - 16), found.start)
    if match is None:
        return found
    word = match.group("word").lower()
    mod: TimeMod | None = "APPROX" if word in _APPROX_DURATION else found.mod
    return replace(found, start=match.start(), mod=mod)


def _with_modifier(text: str, found: Found) -> Found:
    """Attach "late", "mid-", "around", "the end of" that stand right before a date."""
    if found.type == "DURATION" and found.mod is None:
        return _with_duration_modifier(text, found)
    if found.type != "DATE" or found.mod is not None:
        return found
    meaning = found.meaning
    if isinstance(meaning, Fixed) and not (meaning.value or "")[:1].isdigit():
        return found  # PRESENT_REF and the like take no modifier
    match = _MODIFIER_BEFORE.search(text, max(0, found.start - 24), found.start)
    if match is None:
        return found
    words = (match.group("word") or match.group("phrase")).lower().split()
    key = words[1] if words[0] == "the" else words[0]
    day_precise = isinstance(meaning, CalendarDate) and meaning.day is not None
    if (day_precise or isinstance(meaning, Shift)) and key not in _APPROX_ONLY:
        return found  # "late April 8" is not a phrase; "late" there belongs to something else
    return replace(found, start=match.start(), mod=_MOD_OF[key])


def find_times(text: str) -> list[Found]:
    """All time expressions in ``text``, longest first where they overlap, in text order."""
    candidates = sorted(
        _candidates(text), key=lambda pf: (-(pf[1].end - pf[1].start), pf[0], pf[1].start)
    )
    taken: list[Found] = []
    occupied: list[tuple[int, int]] = []
    for _, found in candidates:
        if any(found.start < end and start < found.end for start, end in occupied):
            continue
        taken.append(found)
        occupied.append((found.start, found.end))
    taken.sort(key=lambda f: f.start)
    result: list[Found] = []
    for found in taken:
        with_mod = _with_modifier(text, found)
        if with_mod.start != found.start and result and result[-1].end > with_mod.start:
            with_mod = found  # the modifier word already belongs to the previous expression
        result.append(with_mod)
    return result
