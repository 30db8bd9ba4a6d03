"""Places stage: resolve the document's toponyms to gazetteer entries (geocoding).

Candidates are the GPE, LOC and FAC entities of the entities stage; PERSON, ORG or NORP mentions
that the text shows to be places (after "in" or "from", or a region's two-word name), which the
small parser mislabels; towns opening an institution's name ("Lombard Historical Society"); and the
fixed forms of news text that :mod:`~newsledger.stages.place_mentions` finds (datelines, "Ky.",
"D-W.Va.", "Barrow and Jackson counties"). Each mention is trimmed to the name ("the", a
possessive, a front "direction" dropped; a following "oblast"/"region" taken in) and looked up in
the offline gazetteer. Among several candidates the choice weighs, in this order of strength: the
text's own evidence ("Paris, Texas"; "Athens, Ga."; "Kursk, Russia, a region ..."; "the city of
Sumy"), the article's other places (a namesake in the same admin-1 region as they are: "Paris"
beside "Urbana"), the article's country focus (countries named, demonyms used, places that have
only one reading), the kind of place (a country or capital before a region, a region before a
small town) and population. One sense per discourse: every mention of the same name gets the
same place, with the evidence of all of them pooled, and untagged repeats of a resolved name join
it. Mentions that resolve to the same place are merged into one :class:`~newsledger.model.Place`;
a name the gazetteer does not know gives no place, since a guessed point would be a fact the text
does not state, and a choice without evidence gets a lower ``confidence``.
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
from newsledger.stages.place_mentions import region_by_abbreviation, textual_mentions

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
    "ADM2": -0.2,  # its population sums its towns: a namesake town comes first
    "PPL": 0.0,
}
_EVIDENCE_WEIGHT = 3.0  # "X, Y" and apposition cues outweigh any prior
_FOCUS_WEIGHT = 1.5  # times the share of the article's country mentions
# A candidate in the same admin-1 region as another place of the article (or the region holding
# one): local news names its town beside its neighbours ("Paris" with "Urbana" and "Illinois").
_NEIGHBOUR_WEIGHT = 2.0
# ... or in the region of some reading of another toponym ("Paris" and "Henry County": Tennessee
# has both), a weaker hint.
_POSSIBLE_NEIGHBOUR_WEIGHT = 1.0
_MORE_NEIGHBOURS_WEIGHT = 0.5  # for each further place there, up to two
_NEIGHBOUR_POPULATION_RATIO = 20  # ... unless a namesake in its country is this many times bigger
# Resolutions with the other places as context, after the first. More passes were measured: wrong
# readings then reinforce each other as often as right ones.
_CONTEXT_PASSES = 1
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
# Entity types the parser sometimes gives places, and what makes such a mention a place anyway.
_MISLABEL_TYPES = frozenset({"PERSON", "ORG", "NORP", "PRODUCT"})
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|from|near|outside|across|throughout|to)\s+(?:the\s+)?$")
# Entity types whose names may open with their town's name ("Roselle police", "Whitestown Town
# Hall"); a person's name is not one ("Robert Trent Jones").
_INSTITUTION_TYPES = frozenset({"ORG", "FAC", "GPE", "LOC", "EVENT"})
_MAJOR_FEATURES = frozenset({"PCLI", "ADM1", "PPLC", "CONT", "RGN"})
_BIG_CITY = 100_000
_REGION_NOUNS = frozenset({"region", "province", "oblast", "state", "territory"})
_CAPITALISED_WORD = re.compile(r"(?<![\w'’-])[A-Z][a-zà-ÿ]+(?:[-’'][A-Za-z]+)?(?![\w-])")


@dataclass
class _Toponym:
    """All mentions of one name in the document, and what the text says about it."""

    query: str
    mentions: list[Mention] = field(default_factory=list)
    containers: list[str] = field(default_factory=list)  # "Texas" in "Paris, Texas"
    contents: list[str] = field(default_factory=list)  # "Paris" for "Texas" in "Paris, Texas"
    kind_hint: str | None = None  # "region" or "city", from an apposition or "the city of"
    is_facility: bool = True  # only FAC mentions so far: accept big places only
    needs_support: bool = True  # only mislabelled small-town mentions so far: need evidence


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


def _mislabelled_places(text: str, entity: Entity) -> list[tuple[int, int, str, bool, bool]]:
    """Mentions of a PERSON, ORG, NORP or PRODUCT entity that the text shows to be places.

    The small spaCy model calls some places persons, organisations or nationalities ("in Fresno",
    "from Nebraska", "Tamil Nadu said"). A mention counts when a locative preposition stands right
    before it and the gazetteer knows the whole name as a country, region or big city ("in Jordan"
    is the country, "Jordan said" stays a person); when the name is a country's or region's own
    name of two words or more ("Tamil Nadu", "New Mexico"), which people's names are not; when a
    country or state that contains a place of that name follows it ("Mansfield, Ohio"; "Athens,
    Ga."); or when a kind of place names it ("the town of Vovchansk"). Otherwise a known name
    counts only with the support of the article's other places (the last flag): a person's name
    after a locative ("in Greer" among South Carolina towns), any other ("Roselle police", "a
    Rolling Meadows man" among Illinois towns). A demonym ("Ukrainian") never counts: it stands
    for the actor's country.
    """
    found: list[tuple[int, int, str, bool, bool]] = []
    if entity.type == "NORP" and country_by_demonym(entity.name):
        return found
    for mention in entity.mentions:
        span = toponym_span(text, mention.start, mention.end, take_region_word=False)
        if not span:
            continue
        candidates = lookup(span[2])
        if not candidates:
            continue
        before = text[max(0, mention.start - 24) : mention.start]
        if _CITY_BEFORE.search(before) or _REGION_BEFORE.search(before):
            # "the town of Vovchansk": the text says what kind of place the name is.
            found.append((*span, False, False))
            continue
        locative = _LOCATIVE_BEFORE.search(text[max(0, mention.start - 12) : mention.start])
        major = any(c.feature in _MAJOR_FEATURES or c.population >= _BIG_CITY for c in candidates)
        own_region_name = len(span[2].split()) >= 2 and any(
            c.feature in ("PCLI", "ADM1") and not c.alternate for c in candidates
        )
        if (locative and major) or own_region_name:
            found.append((*span, False, False))
            continue
        container = _CONTAINER_AFTER.match(text[span[1] : span[1] + 60])
        if container:
            outer = lookup(_container_name(container.group(1)))
            if any(
                _contains(o, c) for o in outer if o.feature in {"PCLI", "ADM1"} for c in candidates
            ):
                found.append((*span, False, False))
                continue
        if locative or entity.type != "PERSON":
            # "Roselle police", "Rolling Meadows man": an organisation's or product's name that
            # is a town's, and a person's name after "in", are the town among its neighbours.
            found.append((*span, False, True))
    return found


def _leading_places(
    text: str, entities: tuple[Entity, ...], found: list[tuple[int, int, str, bool, bool]]
) -> list[tuple[int, int, str, bool, bool]]:
    """Places that open the name of an institution or site: "Lombard" in "Lombard Historical
    Society", "Titus County" in "Titus County Jail", "St. Cloud" in "St. Cloud Hospital".

    Local news names its institutions after their town; the longest run of leading words the
    gazetteer knows is taken, as a weak mention that counts only with the support of the
    article's other places (a namesake elsewhere is not meant).
    """
    known = {(start, end) for start, end, query, *_ in found if lookup(query)}
    leading: list[tuple[int, int, str, bool, bool]] = []
    for entity in entities:
        if entity.type not in _INSTITUTION_TYPES:
            continue
        for mention in entity.mentions:
            if any(start < mention.end and mention.start < end for start, end in known):
                continue
            words = list(re.finditer(r"\S+", text[mention.start : mention.end]))
            for count in range(len(words) - 1, 0, -1):
                end = mention.start + words[count - 1].end()
                span = toponym_span(text, mention.start, end, take_region_word=False)
                if span and lookup(span[2]):
                    leading.append((*span, False, True))
                    break
    return leading


def _container_name(matched: str) -> str:
    """The container's name as the gazetteer knows it: "Ga." → "Georgia"."""
    name = _POSSESSIVE.sub("", matched)
    return region_by_abbreviation(name, dotted_only=False) or name


def _collect(analysis: Analysis) -> dict[str, _Toponym]:
    """Toponym mentions grouped by lookup key, in order of first mention."""
    text = analysis.document.text
    found: list[tuple[int, int, str, bool, bool]] = []  # start, end, query, facility, weak
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
                # "Ky.", "B.C.": the tagger's place is a state written short.
                query = region_by_abbreviation(span[2]) or span[2]
                found.append((span[0], span[1], query, entity.type == "FAC", False))
    found += _leading_places(text, analysis.entities, found)
    for shaped in textual_mentions(text):
        # The text's own form outranks a guess from a mislabelled entity ("Barrow" in "Barrow,
        # Jackson and Madison counties" is the county, not the town), not the tagger's places.
        overlapping = [f for f in found if f[0] < shaped.end and shaped.start < f[1]]
        if all(weak for *_, weak in overlapping):
            found = [f for f in found if f not in overlapping]
            found.append((shaped.start, shaped.end, shaped.query, False, False))
    toponyms: dict[str, _Toponym] = {}
    seen: set[tuple[int, int]] = set()
    for start, end, query, is_facility, weak in sorted(found):
        if (start, end) in seen:
            continue
        seen.add((start, end))
        key = normalize_toponym(query)
        toponym = toponyms.setdefault(key, _Toponym(query=query))
        toponym.mentions.append(Mention(start=start, end=end, text=text[start:end]))
        toponym.is_facility = toponym.is_facility and is_facility
        toponym.needs_support = toponym.needs_support and weak
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


def _score(
    candidate: Candidate, focus: Counter[str], total: int, neighbours: int, maybe_near: bool
) -> float:
    score = _FEATURE_PRIOR.get(candidate.feature, 0.0)
    if neighbours:
        score += _NEIGHBOUR_WEIGHT + _MORE_NEIGHBOURS_WEIGHT * min(neighbours - 1, 2)
    elif maybe_near:
        score += _POSSIBLE_NEIGHBOUR_WEIGHT
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
    *,
    neighbourhood: Counter[str] | None = None,
    possible_neighbourhood: frozenset[str] = frozenset(),
) -> tuple[Candidate, float] | None:
    """The best candidate for a toponym and a confidence in 0..1; None to leave it unresolved.

    ``neighbourhood`` holds the admin-1 codes of the article's other places (see
    :func:`_neighbourhood`)."""
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
        # Being near the article's other places speaks for a namesake by its own name, unless a
        # far bigger namesake lies in its country or another country the article is about
        # ("Atlanta" beside a Texas town is still the city in Georgia, "Mexico" beside a New York
        # town still the country); a namesake in a country the article ignores gives way ("Paris"
        # beside "Urbana" is the town in Illinois).
        rivals = [
            c.population
            for c in candidates
            if c.country == candidate.country or focus[c.country or ""] > 0
        ]
        # Counties are many to a name and their populations say little ("Jackson County").
        local = not candidate.alternate and (
            candidate.feature == "ADM2"
            or candidate.population * _NEIGHBOUR_POPULATION_RATIO >= max(rivals)
        )
        neighbours = (neighbourhood or Counter())[candidate.admin1_code or ""] if local else 0
        maybe_near = (
            local
            and candidate.admin1_code in possible_neighbourhood
            and candidate.feature not in _MAJOR_FEATURES  # a region holds a namesake of most
        )
        score = _score(candidate, focus, total, neighbours, maybe_near)
        evidence = neighbours > 0
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
    if toponym.needs_support and not evidence:
        return None  # "in Greer" tagged as a person: a town only among its neighbours
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


def _neighbourhood(first_choices: dict[str, Candidate], key: str) -> Counter[str]:
    """Admin-1 codes of the places the article's other toponyms first resolved to (the region a
    place lies in, or the region itself), with how many lie there. Countries and wider areas say
    nothing this local."""
    return Counter(
        candidate.admin1_code
        for other, candidate in first_choices.items()
        if other != key and candidate.admin1_code and candidate.feature != "PCLI"
    )


def _mention_everywhere(analysis: Analysis, places: list[list[Mention]]) -> None:
    """Add to each place the other occurrences of its names that no entity covers (one sense per
    discourse): the tagger finds "Lombard" once and misses it in "an early Lombard settler".

    Each list of mentions is extended in place. Only names of four letters or more are spread,
    and never into another entity's span ("Jordan" the person stays a person).
    """
    text = analysis.document.text
    taken = [(m.start, m.end) for entity in analysis.entities for m in entity.mentions]
    taken += [(m.start, m.end) for mentions in places for m in mentions]
    for mentions in places:
        for name in sorted({m.text for m in mentions if sum(c.isalpha() for c in m.text) >= 4}):
            for match in re.finditer(rf"(?<![\w.-]){re.escape(name)}(?![\w-])", text):
                start, end = match.span()
                if not any(a < end and start < b for a, b in taken):
                    mentions.append(Mention(start=start, end=end, text=name))
                    taken.append((start, end))


def _demonym_mentions(analysis: Analysis) -> dict[str, list[Mention]]:
    """Each country's demonyms and national adjectives in the text, by alpha-2, in text order.

    A capitalised word the demonym table knows ("Turkish", "Syrians") counts wherever it stands,
    inside an organisation's name too ("Turkish Airlines" is Turkey's), except inside a longer
    place name ("Dominican Republic", "the Russian Far East" are places of their own).
    """
    text = analysis.document.text
    places = [
        (m.start, m.end) for e in analysis.entities if e.type in TOPONYM_TYPES for m in e.mentions
    ]
    found: dict[str, list[Mention]] = {}
    for match in _CAPITALISED_WORD.finditer(text):
        start, end = match.span()
        country = country_by_demonym(match.group())
        if country is None or any(
            a <= start and end <= b and b - a > end - start for a, b in places
        ):
            continue
        found.setdefault(country.alpha2, []).append(
            Mention(start=start, end=end, text=match.group())
        )
    return found


def resolve_places(analysis: Analysis) -> tuple[Place, ...]:
    """The document's places, one per gazetteer entry, ids in order of first mention.

    Each toponym is first resolved on its own evidence; then again with the regions of the other
    toponyms' first readings as context, so "Paris" beside "Urbana" and "Illinois" is the town in
    Illinois, and "Dublin" beside "Columbus" the suburb in Ohio.
    """
    toponyms = _collect(analysis)
    readings = {key: lookup(t.query) for key, t in toponyms.items() if t.query}
    readings = {key: found for key, found in readings.items() if found}
    focus = _country_focus(analysis.entities, readings)
    possible = {
        key: frozenset(
            c.admin1_code
            for other, candidates in readings.items()
            if other != key
            for c in candidates
            if c.admin1_code and c.feature != "PCLI"
        )
        for key in readings
    }

    results: dict[str, tuple[Candidate, float] | None] = {
        key: _resolve(toponyms[key], found, readings, focus) for key, found in readings.items()
    }
    for _ in range(_CONTEXT_PASSES):
        choices = {key: result[0] for key, result in results.items() if result is not None}
        results = {
            key: _resolve(
                toponyms[key],
                found,
                readings,
                focus,
                neighbourhood=_neighbourhood(choices, key),
                possible_neighbourhood=possible[key],
            )
            for key, found in readings.items()
        }

    chosen: dict[tuple[int | None, str, str], tuple[Candidate, float, list[Mention]]] = {}
    for key, result in results.items():
        if result is None:
            continue
        candidate, confidence = result
        _, previous, mentions = chosen.get(candidate.key, (candidate, 0.0, []))
        chosen[candidate.key] = (
            candidate,
            max(previous, confidence),
            mentions + toponyms[key].mentions,
        )

    _mention_everywhere(analysis, [mentions for _, _, mentions in chosen.values()])
    ordered = sorted(chosen.values(), key=lambda item: min(m.start for m in item[2]))
    # Demonyms are listed only on a country the article names: no scan without one.
    named_country = any(candidate.feature == "PCLI" for candidate, _, _ in ordered)
    demonyms = _demonym_mentions(analysis) if named_country else {}
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
            demonyms=tuple(demonyms.get(candidate.country or "", ()))
            if candidate.feature == "PCLI"
            else (),
        )
        for index, (candidate, confidence, mentions) in enumerate(ordered, start=1)
    )


class PlacesStage:
    """Geocode the document's toponyms against the offline gazetteer."""

    name: ClassVar[str] = "places"
    version: ClassVar[str] = "4"
    requires: ClassVar[frozenset[str]] = frozenset({"document", "parse", "entities"})
    produces: ClassVar[frozenset[str]] = frozenset({"places"})
    languages: ClassVar[frozenset[str] | None] = frozenset({"en"})

    def run(self, analysis: Analysis) -> None:
        analysis.places = resolve_places(analysis)
