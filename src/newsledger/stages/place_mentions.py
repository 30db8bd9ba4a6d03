"""Place mentions found from the shape of news text, where the entity tagger misses them.

The small spaCy model tags few of the places that local and wire news write in fixed forms: the
state after a town ("Louisville, Ky."), the dateline in capitals ("MANSFIELD -- "), the
legislator's party and home ("D-W.Va.", "R-Elbow Lake") and a list of counties ("Barrow, Jackson
and Madison counties"). :func:`textual_mentions` finds these forms and says what to look up for
each (the state an abbreviation stands for, "Jackson County" for "Jackson" in the list); the places
stage treats them like the tagger's place entities. AP-style and postal abbreviations of US states
and Canadian provinces are here too, for the places stage's "X, Y" containers.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# AP-style and postal abbreviations of US states, as datelines and "City, ST" containers write
# them ("Athens, Ga.", "Paris, TX"): the container is the state, which the gazetteer knows by name.
US_STATE_ABBREVIATIONS = {
    "Ala": "Alabama", "AL": "Alabama", "Alaska": "Alaska", "AK": "Alaska", "Ariz": "Arizona",
    "AZ": "Arizona", "Ark": "Arkansas", "AR": "Arkansas", "Calif": "California",
    "CA": "California", "Colo": "Colorado", "CO": "Colorado", "Conn": "Connecticut",
    "CT": "Connecticut", "Del": "Delaware", "DE": "Delaware", "Fla": "Florida", "FL": "Florida",
    "Ga": "Georgia", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "Ill": "Illinois",
    "IL": "Illinois", "Ind": "Indiana", "IN": "Indiana", "IA": "Iowa", "Kan": "Kansas",
    "Kans": "Kansas", "KS": "Kansas", "Ky": "Kentucky", "KY": "Kentucky", "La": "Louisiana",
    "LA": "Louisiana", "ME": "Maine", "Md": "Maryland", "MD": "Maryland",
    "Mass": "Massachusetts", "MA": "Massachusetts", "Mich": "Michigan", "MI": "Michigan",
    "Minn": "Minnesota", "MN": "Minnesota", "Miss": "Mississippi", "MS": "Mississippi",
    "Mo": "Missouri", "MO": "Missouri", "Mont": "Montana", "MT": "Montana", "Neb": "Nebraska",
    "Nebr": "Nebraska", "NE": "Nebraska", "Nev": "Nevada", "NV": "Nevada",
    "N.H": "New Hampshire", "NH": "New Hampshire", "N.J": "New Jersey", "NJ": "New Jersey",
    "N.M": "New Mexico", "NM": "New Mexico", "N.Y": "New York", "NY": "New York",
    "N.C": "North Carolina", "NC": "North Carolina", "N.D": "North Dakota", "ND": "North Dakota",
    "Okla": "Oklahoma", "OK": "Oklahoma", "Ore": "Oregon", "Oreg": "Oregon", "OR": "Oregon",
    "Pa": "Pennsylvania", "PA": "Pennsylvania", "R.I": "Rhode Island", "RI": "Rhode Island",
    "S.C": "South Carolina", "SC": "South Carolina", "S.D": "South Dakota",
    "SD": "South Dakota", "Tenn": "Tennessee", "TN": "Tennessee", "Tex": "Texas", "TX": "Texas",
    "UT": "Utah", "Vt": "Vermont", "VT": "Vermont", "Va": "Virginia", "VA": "Virginia",
    "Wash": "Washington", "WA": "Washington", "W.Va": "West Virginia", "WV": "West Virginia",
    "Wis": "Wisconsin", "Wisc": "Wisconsin", "WI": "Wisconsin", "Wyo": "Wyoming",
    "WY": "Wyoming", "D.C": "District of Columbia", "DC": "District of Columbia",
    # Canadian provinces, in the Canadian Press forms.
    "Alta": "Alberta", "B.C": "British Columbia", "Man": "Manitoba", "Sask": "Saskatchewan",
    "Ont": "Ontario", "Que": "Quebec", "N.B": "New Brunswick", "N.S": "Nova Scotia",
    "P.E.I": "Prince Edward Island", "Nfld": "Newfoundland and Labrador",
}  # fmt: skip


class TextualMention(NamedTuple):
    start: int
    end: int
    query: str  # what to look up: the state for its abbreviation, "X County" for a listed X


def region_by_abbreviation(written: str, *, dotted_only: bool = True) -> str | None:
    """The state or province an abbreviation stands for ("W. Va." → "West Virginia").

    With ``dotted_only`` an undotted form ("IN", "Ore") is refused: outside the container position
    after a town, "IN" and "OR" are words and "LA" is Los Angeles.
    """
    compact = written.replace(" ", "")
    if dotted_only and not compact.endswith("."):
        return None
    return US_STATE_ABBREVIATIONS.get(compact.rstrip("."))


_NAME = r"[A-Z][\w'’-]*(?:\.[A-Z][\w'’-]*)*"
_CAPS_WORD = r"[A-Z][A-Z.'’-]+"
# A dateline: a run of capitals (at least four letters) before a comma and a capitalised word, a
# parenthesis ("(AP)") or a dash, at the start of the text, a line or a sentence (feeds join the
# headline and the story with a full stop) or after a date.
_DATELINE = re.compile(
    rf"(?:^|\n|\d{{4}}\s+|[.!?]\s+)[ \t]*(?P<name>{_CAPS_WORD}(?:[ ]{_CAPS_WORD}){{0,3}})"
    r"(?=\s*(?:,\s+[A-Z]|\(|--|—|–|-\s))"
)
_LIST_ITEM = rf"{_NAME}(?:\s{_NAME})?"
_COUNTY_LIST = re.compile(
    rf"(?P<items>(?:{_LIST_ITEM},\s)*{_LIST_ITEM},?\s(?:and|or)\s{_LIST_ITEM})\s"
    r"(?P<kind>counties|parishes)\b"
)
# A legislator's party and home: "D-S.C.", "R-Elbow Lake", "DFL-Cook".
_PARTY_HOME = re.compile(
    r"\b(?:D|R|I|DFL)-(?P<name>(?:[A-Z]\.\s?)+[A-Z][a-z]?\.|[A-Z][a-z]+\.|"
    r"[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)"
)
# A state abbreviation closing an "X, Y" container: "Louisville, Ky.", "Sioux Falls, S.D.".
_ABBREVIATION_CONTAINER = re.compile(
    r"(?<=[a-z], )(?P<name>(?:[A-Z]\.\s?)+[A-Z]?[a-z]?\.|[A-Z][a-z]{1,4}\.|[A-Z]{2}(?![\w.]))"
)


def textual_mentions(text: str) -> list[TextualMention]:
    """Place mentions given by the fixed forms of news text, in text order."""
    found: list[TextualMention] = []
    for match in _DATELINE.finditer(text):
        name = match.group("name").rstrip(".")
        if sum(ch.isalpha() for ch in name) >= 4:
            start = match.start("name")
            found.append(TextualMention(start, start + len(name), name))
    for match in _COUNTY_LIST.finditer(text):
        word = "County" if match.group("kind") == "counties" else "Parish"
        offset = match.start("items")
        for item in re.finditer(_LIST_ITEM, match.group("items")):
            if item.group() not in ("and", "or"):
                start, end = offset + item.start(), offset + item.end()
                found.append(TextualMention(start, end, f"{item.group()} {word}"))
    for match in _PARTY_HOME.finditer(text):
        name = match.group("name")
        state = region_by_abbreviation(name)
        found.append(TextualMention(match.start("name"), match.end("name"), state or name))
    for match in _ABBREVIATION_CONTAINER.finditer(text):
        state = region_by_abbreviation(match.group("name"), dotted_only=False)
        if state:
            found.append(TextualMention(match.start("name"), match.end("name"), state))
    return sorted(found)
