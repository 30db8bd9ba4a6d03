"""Counted durations and sets: the builders behind "three years" (and "three years ago", which
shares its regex), "the past 24 hours", "a year and a half", "decades-long", "months of talks",
"daily", "twice a week", "every two years", "every winter" and "every Monday", with the regexes
and tables only they use. These rules count or repeat units rather than name a point in the
calendar, so they are kept apart from the date and time rules of
:mod:`newsledger.timex.patterns`, whose rule table refers to the builders here; the helpers both
modules need (:func:`unit_of`, :func:`duration_value`, the season codes, the capitalised-word
test) live here and patterns imports them.
"""

from __future__ import annotations

import re

from newsledger.timex import lexicon as lx
from newsledger.timex.meaning import Base, Fixed, Found, Shift, Unit


def unit_of(word: str) -> Unit:
    entry = lx.unit_of(word)
    if entry is None:  # the regexes only pass unit words; this guards the contract
        raise ValueError(f"not a unit: {word!r}")
    return entry[0]  # type: ignore[return-value]


def duration_value(amount: int | None, unit_word: str) -> str | None:
    entry = lx.unit_of(unit_word)
    if entry is None or entry[0] in ("weekend", "quarter"):
        return None
    _, letter, time_of_day = entry
    if amount is not None and letter in ("DE", "CE"):
        # Counted decades and centuries in plain ISO 8601 years ("two decades" P20Y), which any
        # duration parser reads; only a vague count keeps TimeML's own unit ("decades" PXDE).
        amount, letter = amount * (10 if letter == "DE" else 100), "Y"
    count = "X" if amount is None else str(amount)
    return ("PT" if time_of_day else "P") + count + letter


_DEMONSTRATIVE_AFTER = re.compile(r"\s+(?:this|that|these|those)\b", re.IGNORECASE)
_OBJECT_AFTER = re.compile(r"[ \t]+[\w“\"‘']")
_LINK_WORD_AFTER = re.compile(r"\s+(?:to|than)\b", re.IGNORECASE)


def _shift(m: re.Match[str]) -> Found | None:
    if m.group("unit").lower().rstrip("s") in ("weekend", "quarter"):
        return None
    direction = " ".join(m.group("dir").lower().split())
    # "a few days after this declaration" counts from the date just given; "18 years after
    # Washington invaded" from an undated event: TimeML marks "18 years" as a DURATION (and
    # "after" as a signal). "Prior to", "earlier than" and "later than" are "before"/"after".
    object_at = m.end()
    if direction in ("prior", "earlier", "later") and (
        linked := _LINK_WORD_AFTER.match(m.string, m.end())
    ):
        object_at = linked.end()
        direction = "after" if direction == "later" else "before"
    if (
        direction in ("after", "before")
        and _OBJECT_AFTER.match(m.string, object_at)
        and not _DEMONSTRATIVE_AFTER.match(m.string, object_at)
    ):
        value = duration_value(lx.number_value(m.group("num")), m.group("unit"))
        end = m.end("unit")
        return None if value is None else Found(m.start(), end, "DURATION", Fixed(value))
    sign = -1 if direction in ("ago", "earlier", "prior", "before", "previously") else 1
    base: Base = "publication" if direction in ("ago", "from now", "hence") else "reference"
    amount = lx.number_value(m.group("num"))
    return Found(m.start(), m.end(), "DATE", Shift(amount, unit_of(m.group("unit")), sign, base))


_NAMED_EVENT_AFTER = re.compile(r"'?\s+(?-i:War|Offensive|Revolution)\b", re.IGNORECASE)


def counted_duration(m: re.Match[str]) -> Found | None:
    """ "four days prior" (a shift) or "four days" (a duration): one regex serves both."""
    return _shift(m) if m.group("dir") else _duration(m)


def _duration(m: re.Match[str]) -> Found | None:
    text = m.string
    if re.match(r"-?\s*olds?\b", text[m.end() : m.end() + 6]):
        return None  # an age: "24-year-olds", "five years old"
    if _NAMED_EVENT_AFTER.match(text, m.end()):
        return None  # "the Six-Day War", "the Hundred Years' War"
    if m.group("unit").lower() == "second" and m.group("num").lower() in ("a", "an"):
        return None  # "a second allegation": an ordinal, not a duration
    if m.group("num").lower() in ("a", "an") and m.group(0).lower().endswith("long"):
        # "a year-long siege": the article belongs to the noun, the duration is "year-long".
        unit = m.group("unit").lower()
        value = duration_value(None if unit.endswith("s") else 1, unit)
        return None if value is None else Found(m.start("unit"), m.end(), "DURATION", Fixed(value))
    amount = lx.number_value(m.group("num"))
    value = duration_value(amount, m.group("unit"))
    if value is None:
        return None
    return Found(m.start(), m.end(), "DURATION", Fixed(value))


def span_duration(m: re.Match[str]) -> Found | None:
    """ "the past three years", "the previous 24 hours", "the last few days", "recent weeks"."""
    number = m.groupdict().get("num")
    if not number and not m.group("unit").lower().endswith("s"):
        return None  # "the previous night" is a time, not a stretch of unknown length
    amount = lx.number_value(number) if number else None
    value = duration_value(amount, m.group("unit"))
    if value is None:
        return None
    return Found(m.start(), m.end(), "DURATION", Fixed(value))


# A half of each unit in the next smaller one TIMEX3 can write as a whole number.
_HALF_UNITS: dict[str, tuple[str, int]] = {
    "century": ("P{}Y", 100),
    "decade": ("P{}Y", 10),
    "year": ("P{}M", 12),
    "day": ("PT{}H", 24),
    "hour": ("PT{}M", 60),
    "minute": ("PT{}S", 60),
}


def and_a_half_duration(m: re.Match[str]) -> Found | None:
    """ "a year and a half" (P18M), "two and a half days" (PT60H), "half an hour" (PT30M)."""
    unit_word = next(m.group(g) for g in ("unit", "unit2", "unit3") if m.group(g))
    entry = lx.unit_of(unit_word)
    if entry is None:
        return None
    number = m.group("num") or m.group("num2")
    amount = 0 if m.group("unit3") else lx.number_value(number) if number else None
    if amount is None:
        return None
    unit = entry[0]
    if unit in _HALF_UNITS:
        form, size = _HALF_UNITS[unit]
        value = form.format(amount * size + size // 2)
    elif unit in ("week", "month"):
        value = f"P{amount}.5{entry[1]}"  # ISO 8601 allows a decimal fraction in the last part
    else:
        return None
    return Found(m.start(), m.end(), "DURATION", Fixed(value))


def long_adjective_duration(m: re.Match[str]) -> Found | None:
    """ "a year-long siege", "decades-long": a duration of one unit, or of some (plural)."""
    word = m.group("unit")
    value = duration_value(None if word.lower().endswith("s") else 1, word)
    return None if value is None else Found(m.start(), m.end(), "DURATION", Fixed(value))


_NOT_BARE_BEFORE = re.compile(
    r"(?:\b(?:the|these|those|its|his|her|their|our|my|your|final|last|first|early|past|"
    r"coming|next|recent|few|many|several|some|all|both)|\d|['’]s)\s+$",
    re.IGNORECASE,
)


def plural_of_duration(m: re.Match[str]) -> Found | None:
    """ "months of talks", "years of war": a stretch of unknown length (TIMEX3 PXM, PXY)."""
    if _NOT_BARE_BEFORE.search(m.string, max(0, m.start() - 12), m.start()):
        return None  # "the months of", "its early years of": not a duration of unknown length
    return bare_plural_duration(m)


def bare_plural_duration(m: re.Match[str]) -> Found | None:
    value = duration_value(None, m.group("unit"))
    if value is None:
        return None
    return Found(m.start("unit"), m.end("unit"), "DURATION", Fixed(value))


_SETS: dict[str, str] = {
    "daily": "P1D",
    "every day": "P1D",
    "each day": "P1D",
    "nightly": "P1D",
    "hourly": "PT1H",
    "every hour": "PT1H",
    "weekly": "P1W",
    "every week": "P1W",
    "each week": "P1W",
    "monthly": "P1M",
    "every month": "P1M",
    "each month": "P1M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "annual": "P1Y",
    "every year": "P1Y",
    "each year": "P1Y",
}


CAPITALIZED_WORD_AFTER = re.compile(r"\s+(?-i:[A-Z])")
_CAPITALIZED_WORD_BEFORE = re.compile(r"(?-i:[A-Z])[\w’']*\s+$")


def set_word(m: re.Match[str]) -> Found | None:
    word = m.group(0)
    if word[0].isupper() and (
        CAPITALIZED_WORD_AFTER.match(m.string, m.end())
        or _CAPITALIZED_WORD_BEFORE.search(m.string[max(0, m.start() - 30) : m.start()])
    ):
        return None  # a name: "People's Daily", "Daily Maverick"
    key = " ".join(word.lower().split())
    return Found(m.start(), m.end(), "SET", Fixed(_SETS[key]))


def frequency_set(m: re.Match[str]) -> Found | None:
    value = duration_value(1, m.group("unit"))
    return None if value is None else Found(m.start(), m.end(), "SET", Fixed(value))


def every_n_set(m: re.Match[str]) -> Found | None:
    value = duration_value(lx.number_value(m.group("num")) or 1, m.group("unit"))
    return None if value is None else Found(m.start(), m.end(), "SET", Fixed(value))


SEASON_CODES = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}


_PART_SETS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


def every_part_set(m: re.Match[str]) -> Found:
    """ "every winter" (XXXX-WI), "each morning" (XXXX-XX-XXTMO): TIMEX3 sets of a part."""
    word = m.group("part").lower()
    if word in SEASON_CODES:
        return Found(m.start(), m.end(), "SET", Fixed(f"XXXX-{SEASON_CODES[word]}"))
    return Found(m.start(), m.end(), "SET", Fixed(f"XXXX-XX-XXT{_PART_SETS[word]}"))


def every_weekday_set(m: re.Match[str]) -> Found:
    day_word = m.group("day") or m.group("day2")
    day = lx.WEEKDAYS[day_word.lower().rstrip("s")]
    return Found(m.start(), m.end(), "SET", Fixed(f"XXXX-WXX-{day + 1}"))
