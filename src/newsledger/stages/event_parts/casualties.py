"""Fatalities and injuries stated in a sentence: "killing 34 people", "dozens of civilian deaths".

Counts are lower bounds, as conflict datasets record them. A vague quantity gives the smallest
number it can mean: "dozens" is at least 24 (two dozen), "hundreds" 200, "scores" 40, "several" 3,
"a dozen" 12. A hedged number keeps the number the text states: "more than 30" gives 30 and "at
least 20" gives 20 (ACLED records the stated figure too; 31 would claim a precision the writer did
not give). Both kinds set ``casualties_approx``; only a plain figure ("34 people were killed") is
exact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from newsledger.timex.lexicon import NUMBER_WORDS

# Words naming civilian victims: an assault on them targets civilians.
_CIVILIAN_WORDS = frozenset(
    {
        "civilian",
        "civilians",
        "resident",
        "residents",
        "child",
        "children",
        "villager",
        "villagers",
        "passenger",
        "passengers",
        "people",
        "person",
        "persons",
        "pensioner",
        "pensioners",
    }
)
# Number words come from the times lexicon (one table); "a"/"an" alone are not counts here,
# since "a" precedes every singular noun.
_WORD_NUMBERS = {
    **{word: value for word, value in NUMBER_WORDS.items() if word not in {"a", "an"}},
    "a hundred": 100,
    "one hundred": 100,
}
# Vague quantities and the least each can mean.
_VAGUE_NUMBERS = {
    "dozens": 24,
    "a dozen": 12,
    "scores": 40,
    "hundreds": 200,
    "thousands": 2000,
    "several": 3,
    "a few": 2,
    "tens": 20,
}
_NUMBER = (
    r"(?P<num>\d{1,3}(?:,\d{3})+|\d+|"
    + "|".join(
        sorted((re.escape(w) for w in (*_WORD_NUMBERS, *_VAGUE_NUMBERS)), key=len, reverse=True)
    )
    + r")"
)
_HEDGE = (
    r"(?:(?P<hedge>at least|more than|over|nearly|almost|about|around|some|up to|as many as|"
    r"roughly|approximately|an estimated|upwards of)\s+)?"
)
_FATAL = r"killed|dead|died|deaths|fatalities|lives"
_HURT = r"injured|wounded|injuries|hurt"
# "34 people were killed", "dozens of civilian deaths", "more than 30 dead"
_COUNT_THEN_CUE = re.compile(
    rf"\b{_HEDGE}{_NUMBER}\s+(?:of\s+)?(?:[A-Za-z-]+\s+){{0,3}}?"
    rf"(?:(?:were|was|have been|had been|are|got|being)\s+)?(?P<cue>{_FATAL}|{_HURT})\b",
    re.IGNORECASE,
)
# "killing 34 people", "wounded at least 20"
_CUE_THEN_COUNT = re.compile(
    rf"\b(?P<cue>killing|killed|kills|injuring|injured|wounding|wounded)\s+{_HEDGE}{_NUMBER}\b",
    re.IGNORECASE,
)
_HURT_CUES = frozenset({"injured", "wounded", "injuries", "hurt", "injuring", "wounding"})


@dataclass(frozen=True, slots=True)
class Casualties:
    """Deaths and injuries a sentence reports, as lower bounds."""

    fatalities: int | None = None
    injured: int | None = None
    approx: bool = False


def count_value(number: str) -> tuple[int, bool] | None:
    """(value, approximate) of a number as written: "34", "1,200", "twenty", "dozens"."""
    key = number.lower()
    if key in _VAGUE_NUMBERS:
        return _VAGUE_NUMBERS[key], True
    if key in _WORD_NUMBERS:
        return _WORD_NUMBERS[key], False
    digits = key.replace(",", "")
    if digits.isdigit():
        return int(digits), False
    return None


def casualties_in(text: str) -> Casualties:
    """The largest stated death and injury counts in ``text`` (one sentence)."""
    fatalities: int | None = None
    injured: int | None = None
    approx = False
    for pattern in (_COUNT_THEN_CUE, _CUE_THEN_COUNT):
        for match in pattern.finditer(text):
            parsed = count_value(match["num"])
            if parsed is None:
                continue
            value, vague = parsed
            if 1900 <= value <= 2100 and not vague:
                continue  # a year ("in 2024 killed") is no count
            if match["cue"].lower() in _HURT_CUES:
                injured = max(injured or 0, value)
            else:
                fatalities = max(fatalities or 0, value)
            approx = approx or vague or match["hedge"] is not None
    return Casualties(fatalities=fatalities, injured=injured, approx=approx)


def civilian_target(sentence: Any) -> bool:
    """Whether the sentence speaks of civilian victims ("dozens of civilian deaths")."""
    return any(token.lower_ in _CIVILIAN_WORDS for token in sentence)
