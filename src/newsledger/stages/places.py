"""Places stage: resolve the document's toponyms to gazetteer entries (geocoding).

Candidates are the GPE, LOC and FAC entities of the entities stage, plus PERSON or ORG mentions
right after a locative word ("in", "from") that the gazetteer knows as a country, region or big
city, which the small parser mislabels. Each mention is trimmed to the name ("the", a possessive, a
front "direction" dropped; a following "oblast"/"region" taken in) and looked up in the offline
gazetteer. Among several candidates the choice weighs, in this order of strength: the text's own
evidence ("Paris, Texas"; "Athens, Ga.", with AP and postal state abbreviations; "Kursk, Russia, a
region ..."; "the city of Sumy"), the article's country focus (countries named, demonyms used,
places that have only one reading), the kind of place (a country or capital before a region, a
region before a small town) and population. One sense per discourse: every mention of the same name
gets the same place, with the evidence of all of them pooled. Mentions that resolve to the same
place are merged into one :class:`~newsledger.model.Place`; a name the gazetteer does not know
gives no place, since a guessed point would be a fact the text does not state.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import ClassVar

from newsledger.model import Entity, Mention, Place
from newsledger.pipeline.stage import Analysis
from newsledger.resources.countries import country_by_demonym
from newsledger.resources.gazetteer import Candidate, lookup, normalize_toponym

TOPONYM_TYPES = frozenset({"GPE", "LOC", "FAC"})

# Prior weight of each kind of place when nothing in the text decides: news names countries and
# capitals far more often than same-named villages, and a curated informal region is meant when
# its name is used at all.
_FEATURE_PRIOR = {
    "PCLI": 3.0,
    "CONT": 2.5,
    "RGN": 2.5,
    "PPLC": 1.6,
    "ADM1": 1.0,
    "PPLA": 0.6,
    "PPL": 0.0,
}
_EVIDENCE_WEIGHT = 3.0  # "X, Y" and apposition cues outweigh any prior
_FOCUS_WEIGHT = 1.5  # times the share of the article's country mentions
_SMALL_TOWN = 5_000  # a village this small is not accepted without any supporting evidence

_LEADING_ARTICLE = re.compile(r"^(?:the|The|THE)(?:\s+|$)")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
# Front names: "the Kursk direction", "the Zaporizhzhia axis" name the place they point at.
_FRONT_WORD = re.compile(r"\s+(?:direction|axis|front|sector)$", re.IGNORECASE)
_REGION_WORD_AFTER = re.compile(r"^\s+(?:[Oo]blast|[Rr]egion|[Pp]rovince|[Kk]rai)\b")
_CONTAINER_AFTER = re.compile(r"^,\s+(?:the\s+)?([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})")
_APPOSITION_AFTER = re.compile(
    r"^,\s+(?:(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3},\s+)?(?:a|an|the)\s+"
    r"(?:[\w-]+\s+){0,3}?(?P<noun>region|province|oblast|state|territory|city|town|village|"
    r"port|capital)\b",
    re.IGNORECASE,
)
_CITY_BEFORE = re.compile(r"\b(?:city|town|village|port) of\s+$", re.IGNORECASE)
_REGION_BEFORE = re.compile(r"\b(?:region|province|oblast) of\s+$", re.IGNORECASE)
# Words the parser tags as places that name no particular place ("Western" governments), though
# some country has an admin-1 region of that name.
_GENERIC_WORDS = frozenset(
    {
        "central",
        "western",
        "eastern",
        "northern",
        "southern",
        "west",
        "east",
        "north",
        "south",
        "northwest",
        "northeast",
        "southwest",
        "southeast",
        "midwest",
        "region",
        "capital",
        "city",
        "state",
        "country",
        "homeland",
        "oblast",
        "province",
    }
)
# AP-style and postal abbreviations of US states, as datelines and "City, ST" containers write
# them ("Athens, Ga.", "Paris, TX"): the container is the state, which the gazetteer knows by name.
_US_STATE_ABBREVIATIONS = {
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
}  # fmt: skip
# Entity types the parser sometimes gives places, and what makes such a mention a place anyway.
_MISLABEL_TYPES = frozenset({"PERSON", "ORG"})
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|from|near|outside|across|throughout|to)\s+(?:the\s+)?$")
_MAJOR_FEATURES = frozenset({"PCLI", "ADM1", "PPLC", "CONT", "RGN"})
_BIG_CITY = 100_000
_REGION_NOUNS = frozenset({"region", "province", "oblast", "state", "territory"})


@dataclass
class _Toponym:
    """All mentions of one name in the document, and what the text says about it."""

    query: str
    mentions: list[Mention] = field(default_factory=list)
    containers: list[str] = field(default_factory=list)  # "Texas" in "Paris, Texas"
    contents: list[str] = field(default_factory=list)  # "Paris" for "Texas" in "Paris, Texas"
    kind_hint: str | None = None  # "region" or "city", from an apposition or "the city of"
    is_facility: bool = True  # only FAC mentions so far: accept big places only


def toponym_span(
    text: str, start: int, end: int, *, take_region_word: bool = True
) -> tuple[int, int, str] | None:
    """The name part of an entity span, with a following region word taken in if asked.

    Returns (start, end, lookup query); None when nothing of a name is left.
    """
    span = text[start:end]
    article = _LEADING_ARTICLE.match(span)
    if article:
        start += article.end()
    span = text[start:end]
    possessive = _POSSESSIVE.search(span)
    if possessive and len(span) > len(possessive.group()):
        end -= len(possessive.group())
    span = text[start:end]
    front = _FRONT_WORD.search(span)
    if front:
        end -= len(front.group())
    region_word = _REGION_WORD_AFTER.match(text[end:]) if take_region_word else None
    if region_word:
        end += region_word.end()
    query = " ".join(text[start:end].split())
    if not any(ch.isupper() for ch in query) or query.casefold() in _GENERIC_WORDS:
        return None  # "la", "sont": parser noise; "Western": not a place on its own
    return start, end, query


def _mislabelled_places(text: str, entity: Entity) -> list[tuple[int, int, str, bool]]:
    """Mentions of a PERSON or ORG entity that the text shows to be places.

    The small spaCy model calls some places persons or organisations ("in Fresno", "from
    Nebraska"). A mention counts when a locative preposition stands right before it and the
    gazetteer knows the whole name as a country, region or big city ("in Jordan" is the country,
    "Jordan said" stays a person), or when a country or state that contains a place of that name
    follows it ("Mansfield, Ohio"; "Athens, Ga.").
    """
    found = []
    for mention in entity.mentions:
        span = toponym_span(text, mention.start, mention.end, take_region_word=False)
        if not span:
            continue
        candidates = lookup(span[2])
        if _LOCATIVE_BEFORE.search(text[max(0, mention.start - 12) : mention.start]) and any(
            c.feature in _MAJOR_FEATURES or c.population >= _BIG_CITY for c in candidates
        ):
            found.append((*span, False))
            continue
        container = _CONTAINER_AFTER.match(text[span[1] : span[1] + 60])
        if container and candidates:
            outer = lookup(_container_name(container.group(1)))
            if any(
                _contains(o, c) for o in outer if o.feature in {"PCLI", "ADM1"} for c in candidates
            ):
                found.append((*span, False))
    return found


def _container_name(matched: str) -> str:
    """The container's name as the gazetteer knows it: "Ga." → "Georgia"."""
    name = _POSSESSIVE.sub("", matched)
    return _US_STATE_ABBREVIATIONS.get(name.rstrip("."), name)


def _collect(analysis: Analysis) -> dict[str, _Toponym]:
    """Toponym mentions grouped by lookup key, in order of first mention."""
    text = analysis.document.text
    found: list[tuple[int, int, str, bool]] = []
    for entity in analysis.entities:
        if entity.type in _MISLABEL_TYPES:
            found += _mislabelled_places(text, entity)
            continue
        if entity.type not in TOPONYM_TYPES:
            continue
        for mention in entity.mentions:
            span = toponym_span(text, mention.start, mention.end)
            if span and span[1] > mention.end and not lookup(span[2]):
                # "the Ukraine region of Donetsk": no region is called "Ukraine region".
                span = toponym_span(text, mention.start, mention.end, take_region_word=False)
            if span:
                found.append((*span, entity.type == "FAC"))
    toponyms: dict[str, _Toponym] = {}
    seen: set[tuple[int, int]] = set()
    for start, end, query, is_facility in sorted(found):
        if (start, end) in seen:
            continue
        seen.add((start, end))
        key = normalize_toponym(query)
        toponym = toponyms.setdefault(key, _Toponym(query=query))
        toponym.mentions.append(Mention(start=start, end=end, text=text[start:end]))
        toponym.is_facility = toponym.is_facility and is_facility
        after, before = text[end : end + 120], text[max(0, start - 20) : start]
        container = _CONTAINER_AFTER.match(after)
        if container:
            toponym.containers.append(_container_name(container.group(1)))
        apposition = _APPOSITION_AFTER.match(after)
        if apposition:
            noun = apposition.group("noun").lower()
            toponym.kind_hint = "region" if noun in _REGION_NOUNS else "city"
        elif _CITY_BEFORE.search(before):
            toponym.kind_hint = "city"
        elif _REGION_BEFORE.search(before):
            toponym.kind_hint = "region"
    for toponym in list(toponyms.values()):
        for container_name in toponym.containers:
            outer = toponyms.get(normalize_toponym(container_name))
            if outer is not None:
                outer.contents.append(toponym.query)
    return toponyms


def _contains(outer: Candidate, inner: Candidate) -> bool:
    """True when ``inner`` lies in ``outer`` as far as the gazetteer's hierarchy tells."""
    if outer.key == inner.key or inner.country is None:
        return False
    if outer.feature == "PCLI":
        return inner.country == outer.country
    if outer.feature == "ADM1":
        return inner.admin1_code == outer.admin1_code and inner.feature != "ADM1"
    return False


def _country_focus(
    entities: tuple[Entity, ...], readings: dict[str, list[Candidate]]
) -> Counter[str]:
    """How often each country is evident in the article: named, as a demonym, or implied by a
    place with only one reading."""
    focus: Counter[str] = Counter()
    for entity in entities:
        if entity.type == "NORP":
            known = country_by_demonym(entity.name)
            if known:
                focus[known.alpha2] += len(entity.mentions)
    for candidates in readings.values():
        countries = {c.country for c in candidates}
        countries_named = [c for c in candidates if c.feature == "PCLI"]
        if countries_named:
            focus[countries_named[0].country or ""] += 1
        elif len(countries) == 1 and None not in countries:
            focus[next(iter(countries)) or ""] += 1
    focus.pop("", None)
    return focus


def _score(candidate: Candidate, focus: Counter[str], total: int) -> float:
    score = _FEATURE_PRIOR.get(candidate.feature, 0.0)
    score += math.log10(candidate.population + 1) / 8
    if candidate.alternate:
        score -= 0.1  # the place whose own name it is, before one that merely has it as a variant
    if candidate.country and total:
        score += _FOCUS_WEIGHT * focus[candidate.country] / total
    return score


def _resolve(
    toponym: _Toponym,
    candidates: list[Candidate],
    readings: dict[str, list[Candidate]],
    focus: Counter[str],
) -> tuple[Candidate, float] | None:
    """The best candidate for a toponym and a confidence in 0..1; None to leave it unresolved."""
    if toponym.kind_hint == "region" and not any(c.feature == "ADM1" for c in candidates):
        regional = [c for c in lookup(f"{toponym.query} region") if c.feature == "ADM1"]
        candidates = regional or candidates
    elif toponym.kind_hint == "city":
        candidates = [c for c in candidates if c.feature.startswith("PPL")] or candidates
    if toponym.kind_hint == "region":
        candidates = [c for c in candidates if c.feature == "ADM1"] or candidates

    total = sum(focus.values())
    scored: list[tuple[float, bool, Candidate]] = []
    for candidate in candidates:
        score = _score(candidate, focus, total)
        evidence = False
        for container in toponym.containers:
            outer = readings.get(normalize_toponym(container)) or lookup(container)
            if any(_contains(o, candidate) for o in outer):
                score += _EVIDENCE_WEIGHT
                evidence = True
        for content in toponym.contents:
            inner = readings.get(normalize_toponym(content)) or []
            if any(_contains(candidate, i) for i in inner):
                score += _EVIDENCE_WEIGHT
                evidence = True
        scored.append((score, evidence or toponym.kind_hint is not None, candidate))
    scored.sort(key=lambda s: (-s[0], s[2].name))
    best_score, evidence, best = scored[0]
    if toponym.is_facility and best.feature == "PPL" and best.population < 100_000:
        return None  # a building or site, not a town that happens to share its name
    if (
        best.feature == "PPL"
        and best.population < _SMALL_TOWN
        and not evidence
        and not focus[best.country or ""]
    ):
        return None  # a hamlet somewhere else: more likely a name the gazetteer lacks
    if len(scored) == 1:
        confidence = 0.95 if evidence else 0.9
    else:
        margin = best_score - scored[1][0]
        confidence = 0.4 + 0.5 * min(1.0, margin / 1.5) + (0.05 if evidence else 0.0)
    return best, round(min(confidence, 0.95), 2)


def resolve_places(analysis: Analysis) -> tuple[Place, ...]:
    """The document's places, one per gazetteer entry, ids in order of first mention."""
    toponyms = _collect(analysis)
    readings = {key: lookup(t.query) for key, t in toponyms.items()}
    focus = _country_focus(analysis.entities, readings)

    chosen: dict[tuple[int | None, str, str], tuple[Candidate, float, list[Mention]]] = {}
    for key, toponym in toponyms.items():
        if not readings[key]:
            continue
        result = _resolve(toponym, readings[key], readings, focus)
        if result is None:
            continue
        candidate, confidence = result
        _, previous, mentions = chosen.get(candidate.key, (candidate, 0.0, []))
        chosen[candidate.key] = (candidate, max(previous, confidence), mentions + toponym.mentions)

    ordered = sorted(chosen.values(), key=lambda item: min(m.start for m in item[2]))
    return tuple(
        Place(
            id=f"p{index}",
            name=candidate.name,
            lat=candidate.lat,
            lon=candidate.lon,
            feature=candidate.feature,
            confidence=confidence,
            mentions=tuple(sorted(mentions, key=lambda m: m.start)),
            geonameid=candidate.geonameid,
            country=candidate.country,
            admin1=candidate.admin1,
        )
        for index, (candidate, confidence, mentions) in enumerate(ordered, start=1)
    )


class PlacesStage:
    """Geocode the document's toponyms against the offline gazetteer."""

    name: ClassVar[str] = "places"
    version: ClassVar[str] = "2"
    requires: ClassVar[frozenset[str]] = frozenset({"document", "parse", "entities"})
    produces: ClassVar[frozenset[str]] = frozenset({"places"})
    languages: ClassVar[frozenset[str] | None] = frozenset({"en"})

    def run(self, analysis: Analysis) -> None:
        analysis.places = resolve_places(analysis)
