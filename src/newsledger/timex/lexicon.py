"""Words of time: month and weekday names, number words, units, and the regex pieces built from
them.

:mod:`newsledger.timex.patterns` assembles its expressions from these pieces, and
:mod:`newsledger.timex.anchor` reads the same tables back (a unit's TIMEX3 letter, a number
word's value), so a word is listed once. Month and weekday names are matched case-sensitively
(``(?-i:...)``) because their lower-case forms are ordinary words: "may", "march", "sun".
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}

NUMBER_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a dozen": 12,
    "a couple of": 2,
    "a couple": 2,
}
# Counts that say "some number of": the result is known only to the unit, never exactly.
VAGUE_NUMBERS = ("a few", "few", "several", "many", "some", "a number of", "dozens of")

ORDINALS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
}

# Unit word (singular) -> (unit name, TIMEX3 duration letter, whether it is a time-of-day unit).
UNITS: dict[str, tuple[str, str, bool]] = {
    "second": ("second", "S", True),
    "minute": ("minute", "M", True),
    "hour": ("hour", "H", True),
    "day": ("day", "D", False),
    "night": ("day", "D", False),
    "week": ("week", "W", False),
    "weekend": ("weekend", "WE", False),
    "month": ("month", "M", False),
    "quarter": ("quarter", "Q", False),
    "year": ("year", "Y", False),
    "decade": ("decade", "DE", False),
    "century": ("century", "CE", False),
}


def _alternatives(words: list[str]) -> str:
    # Longest first, so "sept" wins over "sep" and "a couple of" over "a couple".
    return "|".join(sorted((w.replace(" ", r"\s+") for w in words), key=len, reverse=True))


MONTH_RE = "(?-i:" + _alternatives([m.capitalize() for m in MONTHS]) + ")"
MONTH_ABBR_RE = (
    "(?-i:" + _alternatives([m.capitalize() for m in MONTH_ABBREVIATIONS]) + r")(?:\.|\b)"
)
# A month in a day-bearing expression, where abbreviations are safe: "Sept. 11", "8 Apr 2025".
MONTH_ANY_RE = f"(?:{MONTH_RE}|{MONTH_ABBR_RE})"
WEEKDAY_RE = "(?-i:" + _alternatives([d.capitalize() for d in WEEKDAYS]) + ")"
NUMBER_RE = (
    r"(?:\d{1,3}(?:,\d{3})*|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-"
    r"(?:one|two|three|four|five|six|seven|eight|nine)|"
    + _alternatives(list(NUMBER_WORDS) + list(VAGUE_NUMBERS))
    + ")"
)
UNIT_RE = (
    r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|centur(?:y|ies))"
)
ORDINAL_RE = "(?:" + _alternatives(list(ORDINALS)) + r"|\d{1,2}(?:st|nd|rd|th))"


def month_number(word: str) -> int | None:
    """1-12 for a month name or abbreviation ("Sept."), None otherwise."""
    key = word.lower().rstrip(".")
    return MONTHS.get(key) or MONTH_ABBREVIATIONS.get(key)


def number_value(word: str) -> int | None:
    """The count a number word or numeral stands for; None for vague counts ("a few")."""
    key = " ".join(word.lower().split())
    if key.replace(",", "").isdigit():
        return int(key.replace(",", ""))
    if key in NUMBER_WORDS:
        return NUMBER_WORDS[key]
    if "-" in key:
        tens, _, ones = key.partition("-")
        if tens in NUMBER_WORDS and ones in NUMBER_WORDS:
            return NUMBER_WORDS[tens] + NUMBER_WORDS[ones]
    return None


def ordinal_value(word: str) -> int | None:
    """1 for "first"/"1st", 21 for "twenty-first"; None otherwise."""
    key = word.lower()
    if key[:-2].isdigit():
        return int(key[:-2])
    return ORDINALS.get(key)


def unit_of(word: str) -> tuple[str, str, bool] | None:
    """The unit entry for a unit word, singular or plural ("weeks", "centuries")."""
    key = word.lower()
    if key == "centuries":
        key = "century"
    elif key.endswith("s") and key[:-1] in UNITS:
        key = key[:-1]
    return UNITS.get(key)
