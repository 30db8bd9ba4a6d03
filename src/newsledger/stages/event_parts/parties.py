"""Coding a noun phrase as a party (an actor or target) of an event.

``code_party`` turns the phrase headed by a token into an ``ActorRef``: pronouns and relative
pronouns are resolved first, "we" in a quotation is its speaker, a count or collective ("hundreds
of demonstrators") stands for what it counts, a resolved place ("an attack on Sumy") is coded as
that place's country, an event noun owned by a party ("Ukraine's accusation") as its owner, and
otherwise the actors stage's ``actor_for_phrase`` codes the words, with the country filled from
an owner ("his military") or an origin ("diplomats from EU states"). An act noun stands for its
doer ("the arrests by the police"); a head that codes nothing stands for the body it is a member
of ("members of parliament"; supporters are civilians of the body's country) or for the name in
apposition to it ("a lawmaker, Ahmed Musa,"); a side that is a subject ("the Chinese side") and
a name headed by "front" are parties. ``place_at`` finds the resolved place a token mentions,
including "the region" standing for the one named just before.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from newsledger.model import ActorRef, Claim, Place
from newsledger.pipeline.stage import Analysis
from newsledger.resources.actors import sector_for_words
from newsledger.resources.countries import alpha3, country, country_by_demonym
from newsledger.stages.actors import actor_for_phrase, entity_actor
from newsledger.stages.coreference import resolve
from newsledger.stages.event_parts.syntax import (
    agent_of,
    children,
    is_first_person,
    phrase_bounds,
    prep_objects,
)

# Verbs of saying whose subject reports on its own side ("said its forces were holding").
SAYING_LEMMAS = frozenset(
    {"say", "insist", "state", "report", "claim", "tell", "announce", "add", "reiterate"}
)

# Sectors of armed parties: in a clash between them and others, they are the assault's actor.
ARMED_SECTORS = frozenset({"MIL", "COP", "REB", "SPY"})

# Counts and collective nouns whose "of" names the party: "hundreds of demonstrators", "a
# column of Russian tanks", "a group of journalists".
_QUANTITY_HEADS = frozenset(
    {"hundred", "thousand", "dozen", "million", "score", "ten", "column", "convoy", "group"}
)

# Heads naming membership of a body: "members of parliament" are coded as the parliament.
_MEMBER_HEADS = frozenset(
    {"member", "supporter", "follower", "loyalist", "activist", "representative", "delegate"}
)

# Members who follow a body or leader without belonging to it, and the bodies whose followers
# are of them ("supporters of the opposition" are opposition).
_FOLLOWER_HEADS = frozenset({"supporter", "follower", "loyalist"})
_GROUP_SECTORS = frozenset({"OPP", "REB", "PTY", "REL"})

# Nouns of kinds of place: "the city of Sumy" is the place named in it.
_PLACE_NOUNS = frozenset(
    {
        "city",
        "town",
        "village",
        "region",
        "province",
        "district",
        "port",
        "island",
        "oblast",
        "peninsula",
    }
)

# Definite place nouns ("the region") and the GeoNames features of places they refer back to.
_PLACE_NOUN_FEATURES: dict[str, tuple[str, ...]] = {
    "region": ("ADM1", "ADM2", "RGN"),
    "oblast": ("ADM1",),
    "province": ("ADM1",),
    "city": ("PPL",),
    "town": ("PPL",),
    "village": ("PPL",),
}

# How far back (characters) "the region" looks for the place it stands for.
_PLACE_REFERENCE_REACH = 1500

# Heads that look like parties but are not: "fighting on the Russian side", "on behalf of".
_NOT_PARTIES = frozenset({"side", "behalf", "part", "ground", "front", "term", "basis"})


@dataclass(frozen=True, slots=True)
class Party:
    """An actor or target, with the span of text it was coded from."""

    ref: ActorRef
    start: int
    end: int
    place: Place | None = None  # set when the party is a place ("an attack on Sumy")


def code_party(
    analysis: Analysis, token: Any, *, avoid: frozenset[int] = frozenset()
) -> Party | None:
    """Code the phrase headed by ``token`` as an actor, or None when it names none."""
    if is_first_person(token):
        speaker = _quoted_speaker(analysis, token.idx)
        if speaker is not None:
            return speaker
    referent = resolve(_relative_antecedent(token), avoid=avoid)
    if referent.pos_ == "PRON":
        return None
    referent = counted(referent)
    # A person is never a place, whatever their apposition ("HANOI, Vietnam (AP) — ... Esper").
    others = () if referent.ent_type_ == "PERSON" else tuple(appositions(referent))
    if referent.pos_ == "NOUN" and referent.lemma_.lower() in _PLACE_NOUNS:
        # "the city of Bila Tserkva", "the region of Kursk", "the Crimea peninsula": the place
        # is the named one.
        named = [c for c in referent.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        others = (*others, *(obj for _prep, obj in prep_objects(referent, {"of"})), *named)
    for candidate in (referent, *others):
        place = place_at(analysis, candidate)
        if place is not None:
            start, end = phrase_bounds(candidate)
            name = place.name
            code = alpha3(place.country) if place.country else None
            return Party(ActorRef(name=name, country=code), start, end, place=place)
    not_party = referent.lemma_.lower() in _NOT_PARTIES and referent.pos_ != "PROPN"
    if not_party and not _subject_side(referent):
        # A name is a party whatever its head: "the National Liberation Front".
        return None
    start, end = phrase_bounds(referent)
    ref = actor_for_phrase(analysis, start, end)
    owner = next((c for c in referent.children if c.dep_ == "poss"), None)
    head_sector = sector_for_words([referent.lemma_.lower()])
    if referent.pos_ == "NOUN" and head_sector is None and owner is not None:
        # "rejected Ukraine's accusation": the party is the owner, not the accusation; but
        # "his Turkish counterpart Hakan Fidan" is a party of its own, named or national.
        own = _apposed_party(analysis, referent, avoid)
        if own is not None and (own.ref.country is not None or own.ref.sector is not None):
            return own
        if not _national_modifier(referent):
            return code_party(analysis, owner, avoid=avoid)
    doer = _doer(referent) if referent.pos_ == "NOUN" and head_sector is None else None
    if doer is not None:
        # "condemned the arrests by the police", "welcomed comments made by Trump": the party
        # is who did the act, not the act.
        return code_party(analysis, doer, avoid=avoid)
    if ref.sector is None and head_sector is not None:
        # "Spokesperson" taken by the tagger for a name: its title still gives the sector.
        ref = replace(ref, sector=head_sector)
    if ref.country is None and owner is not None:
        # "his military": the owner's country.
        owner_party = code_party(analysis, owner, avoid=avoid) or _reporter_party(analysis, owner)
        if owner_party is not None:
            ref = replace(ref, country=owner_party.ref.country)
    if ref.country is None and ref.sector is not None and referent.pos_ in {"NOUN", "PROPN"}:
        # "top diplomats from EU states", "President of the European Commission", "spokesperson
        # for the Chinese Foreign Ministry": the country of whom they are from, of or for.
        for _prep, origin in prep_objects(referent, {"from", "of", "for"}):
            origin_party = code_party(analysis, origin, avoid=avoid)
            if origin_party is not None and origin_party.ref.country is not None:
                ref = replace(ref, country=origin_party.ref.country)
                break
    if ref.country is None and ref.sector is None and ref.entity is None and not ref.members:
        return _member_party(analysis, referent, avoid) or _apposed_party(analysis, referent, avoid)
    if referent.pos_ == "ADJ" and ref.country is not None and ref.entity is None:
        # "a Russian strike": the demonym stands for the country.
        found = country(ref.country)
        if found is not None:
            ref = ActorRef(name=found.name, country=ref.country, sector=ref.sector)
    return Party(ref, start, end)


def _reporter_party(analysis: Analysis, pronoun: Any) -> Party | None:
    """ "The Ukrainian military's general staff said its forces were holding positions": an
    "its"/"their" left unresolved inside what a subject reports is that subject's (the one
    who reports on its own forces)."""
    if pronoun.lower_ not in {"its", "their"}:
        return None
    for ancestor in pronoun.ancestors:
        reporters = children(ancestor, "nsubj") if ancestor.lemma_ in SAYING_LEMMAS else []
        if reporters:
            return code_party(analysis, reporters[0])
    return None


def _relative_antecedent(token: Any) -> Any:
    """ "talks between his government and the Taliban, who have long refused": "who" stands
    for the name right before it, even where the parser hangs its clause on another noun."""
    if token.lower_ not in {"who", "whom"} or token.i == 0:
        return token
    before = token.doc[token.i - 1]
    if before.is_punct and before.i > 0:
        before = token.doc[before.i - 1]
    return before if before.pos_ in {"PROPN", "NOUN"} else token


def _national_modifier(noun: Any) -> bool:
    return any(
        c.dep_ in {"amod", "compound"} and country_by_demonym(c.text) is not None
        for c in noun.children
    )


def _doer(noun: Any) -> Any | None:
    """The "by" agent of an act noun, on the noun or on a participle modifying it."""
    for _prep, agent in prep_objects(noun, {"by"}):
        return agent
    for participle in children(noun, "acl"):
        if participle.tag_ == "VBN":
            agent = agent_of(participle)
            if agent is not None:
                return agent
    return None


def _subject_side(head: Any) -> bool:
    """ "The Chinese side has agreed": a side that is the subject of a clause is a party (the
    side one fights on, "on the Russian side", is not)."""
    return head.lemma_.lower() == "side" and head.dep_ in {"nsubj", "nsubjpass"}


def _member_party(analysis: Analysis, head: Any, avoid: frozenset[int]) -> Party | None:
    """ "Members of the Kenyan parliament", "about 300 supporters of the opposition leader": a
    head naming membership, which codes nothing by itself, stands for the body it belongs to."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in _MEMBER_HEADS:
        return None
    for _prep, body in prep_objects(head, {"of"}):
        party = code_party(analysis, body, avoid=avoid)
        if party is None or head.lemma_.lower() not in _FOLLOWER_HEADS:
            return party
        # "supporters of the president" are of his country, not of his government.
        if party.ref.sector in _GROUP_SECTORS:
            return party
        country_code = party.ref.country
        start, end = phrase_bounds(head)
        ref = ActorRef(name=analysis.document.text[start:end], country=country_code, sector="CVL")
        return Party(ref, start, end)
    return None


def _apposed_party(analysis: Analysis, head: Any, avoid: frozenset[int]) -> Party | None:
    """ "A lawmaker from the region, Ahmed Musa, said": a head that codes nothing is coded by
    the name set beside it in apposition."""
    for apposed in (c for c in head.children if c.dep_ == "appos"):
        if apposed.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}:
            party = code_party(analysis, apposed, avoid=avoid)
            if party is not None:
                return party
    return None


def counted(token: Any) -> Any:
    """ "Hundreds of demonstrators", "thousands of troops": the party is what is counted,
    through nested counts ("tens of thousands of students")."""
    for _ in range(3):
        if not (token.lemma_.lower() in _QUANTITY_HEADS or token.like_num):
            break
        objects = [obj for _prep, obj in prep_objects(token, {"of"})]
        if not objects:
            break
        token = objects[0]
    return token


def appositions(token: Any) -> list[Any]:
    """ "Kursk, Russia, a region that ...": the region is Kursk."""
    found = [c for c in token.children if c.dep_ == "appos"]
    if token.dep_ == "appos":
        found.append(token.head)
    return found


def _quoted_speaker(analysis: Analysis, position: int) -> Party | None:
    """ "we" inside a quotation is its speaker, when the claims stage linked the speaker."""
    claim = quotation_at(analysis, position)
    if claim is None or claim.speaker.entity is None:
        return None
    return speaker_party(analysis, claim.speaker.entity, position)


def quotation_at(analysis: Analysis, position: int) -> Claim | None:
    """The direct quotation (a claim of the claims stage) that ``position`` lies inside."""
    return next(
        (c for c in analysis.claims if c.kind == "direct" and c.start <= position < c.end), None
    )


def speaker_party(analysis: Analysis, entity_id: str | None, position: int) -> Party | None:
    """The entity the claims stage linked a speaker to (``entity_id``), as a party at
    ``position``; None when the speaker is linked to no entity of the analysis."""
    entity = next((e for e in analysis.entities if e.id == entity_id), None)
    if entity is None:
        return None
    return Party(entity_actor(entity), position, position)


def same_party(a: Party, b: Party) -> bool:
    if a.ref.entity is not None and a.ref.entity == b.ref.entity:
        return True
    return a.start == b.start and a.end == b.end


def tokens_within(analysis: Analysis, start: int, end: int) -> frozenset[int]:
    span = analysis.parse.char_span(start, max(end, start + 1), alignment_mode="expand")
    return frozenset(t.i for t in span) if span is not None else frozenset()


def names_actor(token: Any) -> bool:
    if token.ent_type_ in {"GPE", "NORP", "ORG", "PERSON"}:
        return True
    return country_by_demonym(token.text) is not None or country(token.text) is not None


def place_at(analysis: Analysis, token: Any) -> Place | None:
    """The place a token belongs to a (non-metonymic) mention of, if any; for "the region",
    "the city", the place it refers back to."""
    for place in analysis.places:
        for mention in place.mentions:
            if (mention.start, mention.end) in analysis.metonyms:
                continue
            if mention.start <= token.idx < mention.end:
                return place
    return _place_referred_to(analysis, token)


def _place_referred_to(analysis: Analysis, token: Any) -> Place | None:
    """ "In one of the biggest strikes last month, the region was attacked": a definite place
    noun without a name of its own ("the region", "the city", not "the city of Sumy") stands for
    the place of that kind last named in the text shortly before. "The country" stands only for
    a country named earlier in its own sentence ("troops remain in Afghanistan years after
    Washington invaded the country"): stories name several countries, and the last named in an
    earlier sentence is often not the one meant."""
    own_sentence = token.lemma_.lower() == "country"
    kinds = (
        (("PCL",) if own_sentence else _PLACE_NOUN_FEATURES.get(token.lemma_.lower()))
        if token.pos_ == "NOUN"
        else None
    )
    reach = token.idx - token.sent.start_char if own_sentence else _PLACE_REFERENCE_REACH
    if kinds is None or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return None
    if any(c.dep_ in {"prep", "appos"} or c.pos_ == "PROPN" for c in token.children):
        return None  # "the city of Sumy", "the region, Kursk": named in place
    best: tuple[int, Place] | None = None
    for place in analysis.places:
        if not place.feature.startswith(kinds):
            continue
        for mention in place.mentions:
            if (mention.start, mention.end) in analysis.metonyms:
                continue
            close = 0 <= token.idx - mention.end <= reach
            if close and (best is None or mention.start > best[0]):
                best = (mention.start, place)
    return best[1] if best is not None else None
