"""Speakers named by what they are, not by name. A definite descriptor ("the ministry", "the
institute", "the doctor") is the earlier entity or speaker it shortens ("Russian Ministry of
Defense", "TNO, an independent research institute", "a doctor on the scene"); an organisation
noun with no such antecedent is the organisation last heard from, and an office held for a place
("the governor") the holder for the place last named. "The Ukrainian president" is the earlier
person of that country with that title, and a title heading a phrase that ends in a name
("President of the European Commission Ursula von der Leyen") speaks as that person."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsledger.model import Place, Speaker
from newsledger.pipeline.stage import Analysis
from newsledger.resources.actors import lookup_actor, sector_for_words
from newsledger.resources.countries import country, country_by_demonym
from newsledger.stages.claim_parts.institutions import name_after_institution, qualified_name
from newsledger.stages.claim_parts.person_names import is_person_title
from newsledger.stages.claim_parts.speaker_phrases import is_definite_descriptor, speaker_phrase

if TYPE_CHECKING:
    from newsledger.stages.speakers import SpeakerResolver

# Head nouns of a descriptor that stands for an organisation ("the institute", "the agency").
_ORGANISATION_NOUNS = frozenset(
    {
        "institute",
        "organisation",
        "organization",
        "institution",
        "agency",
        "group",
        "body",
        "company",
        "firm",
        "foundation",
        "centre",
        "center",
        "watchdog",
        "charity",
    }
)
# Offices held for a place, and the GeoNames feature codes of the places they are held for:
# "the governor" of a region, "the mayor" of a town.
_OFFICES_OF_PLACES: dict[str, tuple[str, ...]] = {"governor": ("ADM",), "mayor": ("PPL",)}
_PLACE_KIND_WORDS = frozenset(
    {"the", "region", "oblast", "province", "state", "county", "city", "town", "district"}
)


def person_in_title(resolver: SpeakerResolver, token: Any) -> Speaker | None:
    """ "President of the European Commission Ursula von der Leyen": a title heading a phrase
    that ends in a person's name speaks as that person."""
    if not is_person_title(token.lemma_.lower()) and sector_for_words([token.lower_]) is None:
        return None
    for child in token.rights:
        if child.dep_ not in {"prep", "appos", "compound"}:
            continue
        for inner in child.subtree:
            entity = resolver.entity_at(inner.idx, inner.idx + len(inner.text))
            if entity is not None and entity.type == "PERSON":
                return resolver.entity_speaker(entity, inner)
        # "Spokesperson for the Chinese Foreign Ministry Hua Chunying", a name the
        # recognizer missed after the institution.
        named = name_after_institution(list(child.subtree))
        if named is not None:
            return Speaker(name=named)
    return None


def described_person(analysis: Analysis, phrase: list[Any]) -> Speaker | None:
    """ "the Ukrainian president" → the earlier person of that country with that title."""
    words = [t.lower_ for t in phrase]
    if sector_for_words(words) is None:
        return None
    # "the Ukrainian president", "Ukraine's president"
    countries = {
        c.alpha3
        for t in phrase
        if (c := country_by_demonym(t.text) or (country(t.text) if t.dep_ == "poss" else None))
        is not None
    }
    title = phrase[-1].lower_
    # The earlier person first; a lead paragraph may name the title before the person.
    start = phrase[0].idx
    earlier = [e for e in analysis.entities if e.mentions[0].start < start]
    later = [e for e in analysis.entities if e.mentions[0].start >= start]
    for entity in [*reversed(earlier), *later]:
        if entity.type != "PERSON":
            continue
        known = lookup_actor(entity.name)
        role = (known.role or "").lower() if known else ""
        if entity.country in countries and title in role:
            return Speaker(name=entity.name, entity=entity.id, role=known.role if known else None)
    return None


def descriptor_antecedent(resolver: SpeakerResolver, token: Any, depth: int) -> Speaker | None:
    """ "the ministry" → the nearest earlier entity whose name has that word; "the doctor"
    or "the institute" → the nearest earlier mention of that noun that introduced someone
    ("a doctor on the scene", "TNO, an independent research institute")."""
    lemma = token.lemma_.lower()
    for candidate in resolver.earlier_mentions(token):
        entity = resolver.entity_at(candidate.idx, candidate.idx + len(candidate.text))
        if entity is not None and entity.type != "PERSON":
            return Speaker(name=qualified_name(entity, candidate), entity=entity.id)
        # "TNO, an independent research institute": the noun is an apposition of a name.
        if candidate.dep_ == "appos":
            head = candidate.head
            entity = resolver.entity_at(head.idx, head.idx + len(head.text))
            if entity is not None:
                return resolver.entity_speaker(entity, head)
        if not is_definite_descriptor(candidate, speaker_phrase(candidate)):
            return resolver.resolve(candidate, depth + 1)
    office = _OFFICES_OF_PLACES.get(lemma)
    if office is not None:
        # "according to the governor" with no governor named before: the governor of the
        # region last named (bridging from the place to its office holder).
        place = _last_place(resolver.analysis.places, token.idx, office)
        if place is not None:
            return Speaker(name=f"{place} {lemma}")
    if lemma in _ORGANISATION_NOUNS:
        # "In its final report, the institute revealed ...", no institute named before: the
        # organisation last heard from, the salient one in news prose.
        for position, earlier in reversed(resolver.resolved):
            if position >= token.idx or earlier.entity is None:
                continue
            entity = next((e for e in resolver.analysis.entities if e.id == earlier.entity), None)
            if entity is not None and entity.type == "ORG":
                return earlier
    return None


def _last_place(places: tuple[Place, ...], position: int, features: tuple[str, ...]) -> str | None:
    """The last place named before a position whose GeoNames feature starts with one of
    ``features``, as the text names it without "region"/"oblast" ("Belgorod region" →
    "Belgorod")."""
    best: tuple[int, str] | None = None
    for place in places:
        if not place.feature.startswith(features):
            continue
        for mention in place.mentions:
            if mention.start < position and (best is None or mention.start > best[0]):
                best = (mention.start, mention.text)
    if best is None:
        return None
    words = [w for w in best[1].split() if w.lower() not in _PLACE_KIND_WORDS]
    return " ".join(words) or None
