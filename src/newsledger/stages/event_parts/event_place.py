"""Where: the place of an event trigger.

The place is a resolved place whose mention hangs off the trigger by a locative preposition or,
for material events, as the object ("invaded Ukraine"), searched breadth-first so the nearest
wins; of places equally near, the most specific. A capital named by its country ("the Afghan
capital") is that country's capital city, when the article names it; a participle describing
the doers ("gunmen wearing uniforms in Kabul") holds where the act happened. A place used as an
actor (a metonym: "Kiev accused") is never an event's place, nor is a place inside the actor's
span.
"""

from __future__ import annotations

from collections import deque
from typing import Any

from newsledger.model import Place
from newsledger.pipeline.stage import Analysis
from newsledger.resources.countries import country, country_by_demonym
from newsledger.stages.coreference import antecedent
from newsledger.stages.event_parts.arguments import MATERIAL_TYPES
from newsledger.stages.event_parts.parties import appositions, place_at
from newsledger.stages.event_parts.syntax import children
from newsledger.stages.event_parts.targets import gapped_object
from newsledger.stages.event_parts.triggers import Candidate

_LOCATIVE_PREPS = frozenset(
    {
        "in",
        "on",
        "into",
        "at",
        "near",
        "across",
        "over",
        "against",
        "from",
        "inside",
        "around",
        "toward",
        "towards",
        "outside",
        "throughout",
        "upon",
        "within",
    }
)

_VERBAL_LOCATIVE_PREPS = frozenset({"in", "at"})

_PLACE_PATH_DEPS = frozenset({"compound", "appos", "nmod", "conj", "npadvmod"})


def find_place(
    analysis: Analysis, candidate: Candidate, excluded: list[tuple[int, int]]
) -> Place | None:
    """The nearest place attached to the trigger, never inside an excluded (actor) span."""
    material = candidate.type in MATERIAL_TYPES
    preps = _LOCATIVE_PREPS if material else _VERBAL_LOCATIVE_PREPS
    if candidate.type == "MOBILIZE":
        preps = preps | {"to"}  # "deployed troops to Kursk"
    roots = [*candidate.tokens(), *([candidate.light] if candidate.light is not None else [])]
    if candidate.kind == "noun":
        roots.extend(_governing_verbs(candidate.anchor))
    queue: deque[tuple[Any, int]] = deque((root, 0) for root in roots)
    if candidate.type in {"ASSAULT", "COERCE"} and candidate.kind == "verb":
        queue.extend((noun, 1) for noun in gapped_object(candidate.anchor))
    if candidate.kind == "verb":
        queue.extend((participle, 1) for participle in _doers_participles(candidate.anchor))
    seen: set[int] = set()
    found: list[tuple[int, Place]] = []
    while queue:
        token, depth = queue.popleft()
        if token.i in seen or depth > 6 or (found and depth > found[0][0] + 1):
            continue
        seen.add(token.i)
        if depth > 0:
            place = place_at(analysis, token) or _named_capital(analysis, token)
            if place is not None and not any(a <= token.idx < b for a, b in excluded):
                found.append((depth, place))
                continue
        for child in token.children:
            if child.dep_ in {"prep", "agent"}:
                if child.lower_ in preps or (child.lower_ == "of" and token.pos_ == "NOUN"):
                    queue.append((child, depth + 1))
            elif (child.dep_ == "pobj" and token.dep_ in {"prep", "agent"}) or (
                child.dep_ == "dobj" and material and candidate.type in {"ASSAULT", "COERCE"}
            ):
                queue.append((antecedent(child), depth + 1))
                queue.extend((a, depth + 1) for a in appositions(antecedent(child)))
            elif child.dep_ in _PLACE_PATH_DEPS and depth > 0:
                queue.append((child, depth + 1))
    if not found:
        return None
    # "struck the city of Bila Tserkva in the Kyiv region": of the places told within one step
    # of the nearest, the most specific is where it happened.
    return min(found, key=lambda item: (_specificity(item[1]), item[0]))[1]


def _doers_participles(verb: Any) -> list[Any]:
    """ "abducted by gunmen wearing uniforms in the heart of the capital": the parser hangs the
    act's place on a participle describing its doers, which holds where the act happened."""
    return [
        participle
        for agent in children(verb, "agent")
        for doer in children(agent, "pobj")
        for participle in children(doer, "acl")
        if participle.tag_ == "VBG"
    ]


def _named_capital(analysis: Analysis, noun: Any) -> Place | None:
    """ "in the heart of the Afghan capital", "Ukraine's capital": a capital named by its
    country is that country's capital city, when the article names it."""
    if noun.lemma_.lower() != "capital":
        return None
    for word in noun.children:
        if word.dep_ not in {"amod", "compound", "poss", "nmod"}:
            continue
        found = country_by_demonym(word.text) or country(word.text)
        if found is None:
            continue
        return next(
            (
                place
                for place in analysis.places
                if place.feature == "PPLC" and place.country == found.alpha2
            ),
            None,
        )
    return None


def _specificity(place: Place) -> int:
    """0 for a populated place, then districts, first-order divisions, countries, the rest."""
    feature = place.feature
    if feature.startswith("PPL"):
        return 0
    if feature.startswith("ADM") and feature not in {"ADM1", "ADM1H"}:
        return 1
    if feature.startswith("ADM1"):
        return 2
    if feature.startswith("PCL"):
        return 3
    return 4


def _governing_verbs(noun: Any) -> list[Any]:
    """The verb a nominal trigger is the subject or object of, through "of" quantities:
    "dozens of drone attacks happening daily in Belgorod" → happening; "joined protests in
    Kharkiv", "held talks in Doha" → joined, held; "arrived in Kyiv on a visit" → arrived."""
    current = noun
    for _ in range(4):
        if current.dep_ == "pobj" and current.head.lower_ == "of":
            current = current.head.head
            continue
        if current.dep_ in {"nsubj", "nsubjpass", "dobj"} and current.head.pos_ == "VERB":
            return [current.head]
        if current.dep_ == "pobj" and current.head.lower_ == "in":
            verb = current.head.head
            if verb.lemma_ == "be":
                # "Ukrainian forces have been in retreat in Kursk": the copula holds the place.
                return [verb]
        if current.dep_ == "pobj" and current.head.lower_ == "on":
            verb = current.head.head
            if verb.pos_ == "VERB":
                # "arrived in Kyiv on a visit", "went to Minsk on a mission": the verb's place.
                return [verb]
        break
    return []
