"""Who did it, to whom, and where: the actor, target and place of a trigger.

The actor is the subject of the event's verb (or of the light verb carrying a nominal trigger),
the "by X" agent of a passive, or for a nominal trigger its possessor or national modifier
("Russia's attack", "a Russian strike"). The target is the direct object, the passive subject, or
the object of "on/against/into" ("an attack on the city of Sumy"), or the possessor where the
object is not an actor ("refused its peace offering" targets the owner of the offering).
Pronouns are resolved first. Phrases are coded by the actors stage's ``actor_for_phrase``.

The place is a resolved place whose mention hangs off the trigger by a locative preposition or, for
material events, as the object ("invaded Ukraine"), searched breadth-first so the nearest wins. A
place used as an actor (a metonym: "Kiev accused") is never an event's place.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, replace
from typing import Any

from newsledger.model import ActorRef, Claim, Place
from newsledger.pipeline.stage import Analysis
from newsledger.resources.actors import sector_for_words
from newsledger.resources.countries import alpha3, country, country_by_demonym
from newsledger.stages.actors import actor_for_phrase
from newsledger.stages.coreference import antecedent, resolve
from newsledger.stages.event_parts.syntax import (
    agent_of,
    children,
    direct_object,
    is_first_person,
    is_passive,
    phrase_bounds,
    prep_objects,
    subject_of,
)
from newsledger.stages.event_parts.triggers import Candidate

# Event types that happen somewhere physical, so an object or path can be their place.
MATERIAL_TYPES = frozenset(
    {"ASSAULT", "COERCE", "MOBILIZE", "RETREAT", "PROTEST", "AID", "COOPERATE"}
)
# Interactions whose nominal trigger, lacking an actor of its own, takes the subject of the
# verb governing it: the subject of "held talks" or "sent a plea" is a party to them.
_PARTICIPANT_TYPES = frozenset(
    {"CONSULT", "REQUEST", "AGREE", "AID", "SUPPORT", "COOPERATE", "SANCTION", "REJECT"}
)
# Verbs whose subject, using or sending a means "during" or "in" an attack, is its actor.
_MEANS_VERBS = frozenset({"use", "fire", "launch", "deploy", "employ", "send"})
# Interactions two parties do with each other, so coordinated subjects are actor and target.
_RECIPROCAL_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})
_TARGET_PREPS: dict[str, frozenset[str]] = {
    "ASSAULT": frozenset({"on", "against", "into", "at", "upon"}),
    "COERCE": frozenset({"on", "against"}),
    "THREATEN": frozenset({"against"}),
    "SANCTION": frozenset({"on", "against"}),
    "AID": frozenset({"to", "for"}),
    "SUPPORT": frozenset({"for"}),
    "CONSULT": frozenset({"with"}),
    "COOPERATE": frozenset({"with"}),
    "AGREE": frozenset({"with"}),
    "REQUEST": frozenset({"on", "upon", "to"}),
    "ACCUSE": frozenset({"against"}),
}
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
_SEATS = frozenset({"PPLC", "PPLG"})
# Heads that look like parties but are not: "fighting on the Russian side", "on behalf of".
_PATIENT_POSSESSOR_NOUNS = frozenset(
    {"recruitment", "arrest", "detention", "deportation", "expulsion", "release", "mobilization"}
)
_QUANTITY_HEADS = frozenset({"hundred", "thousand", "dozen", "million", "score", "ten"})
_PLACE_NOUNS = frozenset(
    {"city", "town", "village", "region", "province", "district", "port", "island", "oblast"}
)
_NOT_PARTIES = frozenset({"side", "behalf", "part", "ground", "front", "term", "basis"})
_PLACE_PATH_DEPS = frozenset({"compound", "appos", "nmod", "conj", "npadvmod"})
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
        "pensioner",
        "pensioners",
    }
)


@dataclass(frozen=True, slots=True)
class Party:
    """An actor or target, with the span of text it was coded from."""

    ref: ActorRef
    start: int
    end: int
    place: Place | None = None  # set when the party is a place ("an attack on Sumy")


def find_actor(analysis: Analysis, candidate: Candidate) -> Party | None:
    """The party that does what the trigger says, or None when the text does not say."""
    token = actor_token(candidate)
    if token is None:
        return None
    return code_party(analysis, token)


def actor_token(candidate: Candidate) -> Any | None:
    token = _actor_token(candidate)
    return _past_dateline(token) if token is not None else None


def _past_dateline(token: Any) -> Any:
    """ "HANOI, Vietnam (AP) — U.S. Defense Secretary Mark Esper on Wednesday accused ...": the
    parser makes the dateline's city the subject and the real subject its apposition."""
    doc = token.doc
    line_start = token.i == token.sent.start or "\n" in doc[token.i - 1].text_with_ws
    if not (token.text.isupper() and len(token.text) > 2 and line_start):
        return token
    named = [c for c in token.subtree if c.dep_ == "appos" and c.ent_type_ in {"PERSON", "ORG"}]
    return named[-1] if named else token


def _actor_token(candidate: Candidate) -> Any | None:
    anchor = candidate.anchor
    if candidate.kind in {"accusation", "characterization"}:
        return subject_of(anchor)
    if candidate.kind == "verb":
        if candidate.entry is not None and candidate.entry.actor_is_object:
            # "it has been forced out": the party forced out is the one that withdraws.
            found = (
                children(anchor, "nsubjpass") if is_passive(anchor) else children(anchor, "dobj")
            )
            return found[0] if found else None
        if is_passive(anchor):
            agent = agent_of(anchor)
            if agent is not None:
                return _nominal_actor(agent)
            # "killed in Russian attacks": the merged event noun names the actor.
            for member in candidate.members:
                own = own_actor_token(member)
                if own is not None:
                    return own
            if candidate.type == "MOBILIZE":
                # "1,000 Russian troops have been sent": troops are sent by their own side.
                found = children(anchor, "nsubjpass")
                return found[0] if found else None
            return None
        return subject_of(anchor)
    if candidate.light is not None:
        light = candidate.light
        if is_passive(light):
            agent = agent_of(light)
            return _nominal_actor(agent) if agent is not None else None
        return subject_of(light)
    for token in candidate.tokens():
        own = own_actor_token(token)
        if own is not None:
            return own
    if candidate.type == "REQUEST":
        # "at the request of Russia", "pressure from Trump": whose request it is.
        for _prep, obj in prep_objects(anchor, {"of", "from"}):
            return obj
    if candidate.type in _PARTICIPANT_TYPES:
        return _governing_subject(anchor)
    if (
        candidate.type in MATERIAL_TYPES
        and anchor.dep_ == "pobj"
        and anchor.head.lower_
        in {
            "during",
            "in",
        }
    ):
        # "Russia used the Oreshnik during a mass drone attack": the user of the means acts.
        verb = anchor.head.head
        if verb.pos_ == "VERB" and verb.lemma_.lower() in _MEANS_VERBS:
            return subject_of(verb)
    return None


def _governing_subject(noun: Any) -> Any | None:
    """The subject of the verb a nominal trigger hangs off as object or adjunct: "separatists
    sent a plea to Moscow", "during a meeting with Putin, Gerasimov said". Used only for
    interactions the subject takes part in (``_PARTICIPANT_TYPES``): the subject of "said after
    the strike" is rarely the striker."""
    current = noun
    for _ in range(3):
        if current.dep_ not in {"dobj", "pobj", "prep", "attr"} or current.head.i == current.i:
            return None
        current = current.head
        if current.pos_ in {"VERB", "AUX"}:
            if is_passive(current):
                agent = agent_of(current)
                return _nominal_actor(agent) if agent is not None else None
            return subject_of(current)
    return None


def _nominal_actor(token: Any) -> Any:
    """An agent that is itself an event noun ("killed by a Russian strike") stands for its own
    actor ("Russian")."""
    own = own_actor_token(token)
    return own if own is not None else token


def own_actor_token(noun: Any) -> Any | None:
    """The actor a noun phrase names for its head event: possessor, "by X", national modifier."""
    # "their recruitment by Moscow": the agent acts; the possessor may be the one acted on.
    for _prep, obj in prep_objects(noun, {"by"}):
        return obj
    for child in noun.children:
        # "their recruitment", "his arrest": the possessor is the one recruited or arrested.
        if child.dep_ == "poss" and noun.lemma_.lower() not in _PATIENT_POSSESSOR_NOUNS:
            return child
    for child in noun.lefts:
        if child.dep_ in {"amod", "compound", "nmod", "npadvmod"} and _names_actor(child):
            return child
        for grandchild in child.lefts:
            # "a US-enforced agreement": the nation inside a compound modifier
            if grandchild.dep_ in {"npadvmod", "compound", "nmod"} and _names_actor(grandchild):
                return grandchild
    return None


def _names_actor(token: Any) -> bool:
    if token.ent_type_ in {"GPE", "NORP", "ORG", "PERSON"}:
        return True
    return country_by_demonym(token.text) is not None or country(token.text) is not None


def find_target(analysis: Analysis, candidate: Candidate, actor: Party | None) -> Party | None:
    """The party the event is done to, if the text names one."""
    avoid = _tokens_within(analysis, actor.start, actor.end) if actor is not None else frozenset()
    for token in target_tokens(candidate):
        party = code_party(analysis, token, avoid=avoid)
        if party is None:
            continue
        if actor is not None and _same_party(party, actor):
            continue
        if party.place is not None and candidate.type not in MATERIAL_TYPES:
            # "accused Kyiv": a place that is talked to or about stands for its government.
            seat = party.place.feature.startswith("PCL") or party.place.feature in _SEATS
            ref = replace(party.ref, sector=party.ref.sector or ("GOV" if seat else None))
            return Party(ref, party.start, party.end)
        return party
    return None


def target_tokens(candidate: Candidate) -> list[Any]:
    anchor = candidate.anchor
    tokens: list[Any] = []
    if candidate.kind == "accusation" and candidate.complement is not None:
        tokens.extend(children(candidate.complement, "nsubj", "nsubjpass"))
        return tokens
    if candidate.kind == "characterization":
        obj = direct_object(anchor)
        return [obj] if obj is not None else []
    preps = _TARGET_PREPS.get(candidate.type, frozenset())
    if candidate.kind == "verb":
        if candidate.entry is not None and candidate.entry.actor_is_object:
            agent = agent_of(anchor)
            if agent is not None:
                tokens.append(_nominal_actor(agent))
            elif not is_passive(anchor):
                tokens.extend(children(anchor, "nsubj"))
        elif is_passive(anchor):
            tokens.extend(children(anchor, "nsubjpass"))
        elif candidate.type != "MOBILIZE":  # troops deployed are not a target
            tokens.extend(children(anchor, "dobj"))
            tokens.extend(_dative_objects(anchor))
        tokens.extend(obj for _prep, obj in prep_objects(anchor, preps))
    else:
        if candidate.type in {"ASSAULT", "COERCE"}:
            # "an invasion of Ukraine", "the killing of Haniyeh": the one it is done to.
            tokens.extend(obj for _prep, obj in prep_objects(anchor, {"of"}))
        # "sent a plea to Moscow": the verb carrying the noun holds its target too.
        carrier = anchor.head if anchor.dep_ == "dobj" and anchor.head.pos_ == "VERB" else None
        for holder in (anchor, candidate.light, carrier):
            if holder is not None:
                tokens.extend(obj for _prep, obj in prep_objects(holder, preps))
    for member in candidate.members:
        tokens.extend(obj for _prep, obj in prep_objects(member, preps))
    if candidate.type in {"THREATEN", "REQUEST"}:
        # "vowed to kill Sinwar": the one threatened is the object of what is threatened.
        for content in children(candidate.verb, "xcomp"):
            tokens.extend(children(content, "dobj"))
    if candidate.type in _RECIPROCAL_TYPES:
        # "Trump and Putin had a phone call": each coordinated subject is the other's party.
        actor = actor_token(candidate)
        if actor is not None:
            tokens.extend(children(actor, "conj"))
    return tokens


def _dative_objects(verb: Any) -> list[Any]:
    return [c for c in verb.children if c.dep_ == "dative" and c.pos_ in {"NOUN", "PROPN"}]


def code_party(
    analysis: Analysis, token: Any, *, avoid: frozenset[int] = frozenset()
) -> Party | None:
    """Code the phrase headed by ``token`` as an actor, or None when it names none."""
    if is_first_person(token):
        speaker = _quoted_speaker(analysis, token.idx)
        if speaker is not None:
            return speaker
    referent = resolve(token, avoid=avoid)
    if referent.pos_ == "PRON":
        return None
    referent = _counted(referent)
    # A person is never a place, whatever their apposition ("HANOI, Vietnam (AP) — ... Esper").
    others = () if referent.ent_type_ == "PERSON" else tuple(_appositions(referent))
    if referent.pos_ == "NOUN" and referent.lemma_.lower() in _PLACE_NOUNS:
        # "the city of Bila Tserkva", "the region of Kursk": the place is the named one.
        others = (*others, *(obj for _prep, obj in prep_objects(referent, {"of"})))
    for candidate in (referent, *others):
        place = place_at(analysis, candidate)
        if place is not None:
            start, end = phrase_bounds(candidate)
            name = place.name
            code = alpha3(place.country) if place.country else None
            return Party(ActorRef(name=name, country=code), start, end, place=place)
    if referent.lemma_.lower() in _NOT_PARTIES:
        return None
    start, end = phrase_bounds(referent)
    ref = actor_for_phrase(analysis, start, end)
    owner = next((c for c in referent.children if c.dep_ == "poss"), None)
    head_sector = sector_for_words([referent.lemma_.lower()])
    if referent.pos_ == "NOUN" and head_sector is None and owner is not None:
        # "rejected Ukraine's accusation": the party is the owner, not the accusation.
        return code_party(analysis, owner, avoid=avoid)
    if ref.country is None and owner is not None:
        # "his military": the owner's country.
        owner_party = code_party(analysis, owner, avoid=avoid)
        if owner_party is not None:
            ref = replace(ref, country=owner_party.ref.country)
    if ref.country is None and ref.sector is not None and referent.pos_ in {"NOUN", "PROPN"}:
        # "top diplomats from EU states", "President of the European Commission": the
        # country of whom they are from or of.
        for _prep, origin in prep_objects(referent, {"from", "of"}):
            origin_party = code_party(analysis, origin, avoid=avoid)
            if origin_party is not None and origin_party.ref.country is not None:
                ref = replace(ref, country=origin_party.ref.country)
                break
    if ref.country is None and ref.sector is None and ref.entity is None:
        return None
    if referent.pos_ == "ADJ" and ref.country is not None and ref.entity is None:
        # "a Russian strike": the demonym stands for the country.
        found = country(ref.country)
        if found is not None:
            ref = ActorRef(name=found.name, country=ref.country, sector=ref.sector)
    return Party(ref, start, end)


def _counted(token: Any) -> Any:
    """ "Hundreds of demonstrators", "thousands of troops": the party is what is counted."""
    if token.lemma_.lower() in _QUANTITY_HEADS or token.like_num:
        for _prep, obj in prep_objects(token, {"of"}):
            return obj
    return token


def _appositions(token: Any) -> list[Any]:
    """ "Kursk, Russia, a region that ...": the region is Kursk."""
    found = [c for c in token.children if c.dep_ == "appos"]
    if token.dep_ == "appos":
        found.append(token.head)
    return found


def _quoted_speaker(analysis: Analysis, position: int) -> Party | None:
    """ "we" inside a quotation is its speaker, when the claims stage linked the speaker."""
    claim = next(
        (c for c in analysis.claims if c.kind == "direct" and c.start <= position < c.end), None
    )
    if claim is None or claim.speaker.entity is None:
        return None
    entity = next((e for e in analysis.entities if e.id == claim.speaker.entity), None)
    if entity is None:
        return None
    ref = ActorRef(name=entity.name, entity=entity.id, country=entity.country, sector=entity.sector)
    return Party(ref, position, position)


def _same_party(a: Party, b: Party) -> bool:
    if a.ref.entity is not None and a.ref.entity == b.ref.entity:
        return True
    return a.start == b.start and a.end == b.end


def _tokens_within(analysis: Analysis, start: int, end: int) -> frozenset[int]:
    span = analysis.parse.char_span(start, max(end, start + 1), alignment_mode="expand")
    return frozenset(t.i for t in span) if span is not None else frozenset()


def place_at(analysis: Analysis, token: Any) -> Place | None:
    """The place a token belongs to a (non-metonymic) mention of, if any."""
    for place in analysis.places:
        for mention in place.mentions:
            if (mention.start, mention.end) in analysis.metonyms:
                continue
            if mention.start <= token.idx < mention.end:
                return place
    return None


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
    seen: set[int] = set()
    found: list[tuple[int, Place]] = []
    while queue:
        token, depth = queue.popleft()
        if token.i in seen or depth > 6 or (found and depth > found[0][0] + 1):
            continue
        seen.add(token.i)
        if depth > 0:
            place = place_at(analysis, token)
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
                queue.extend((a, depth + 1) for a in _appositions(antecedent(child)))
            elif child.dep_ in _PLACE_PATH_DEPS and depth > 0:
                queue.append((child, depth + 1))
    if not found:
        return None
    # "struck the city of Bila Tserkva in the Kyiv region": of the places told within one step
    # of the nearest, the most specific is where it happened.
    return min(found, key=lambda item: (_specificity(item[1]), item[0]))[1]


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
    Kharkiv", "held talks in Doha" → joined, held."""
    current = noun
    for _ in range(4):
        if current.dep_ == "pobj" and current.head.lower_ == "of":
            current = current.head.head
            continue
        if current.dep_ in {"nsubj", "nsubjpass", "dobj"} and current.head.pos_ == "VERB":
            return [current.head]
        break
    return []


def civilian_target(sentence: Any) -> bool:
    """Whether the sentence speaks of civilian victims ("dozens of civilian deaths")."""
    return any(token.lower_ in _CIVILIAN_WORDS for token in sentence)


def claims_reporting(
    claims: tuple[Claim, ...], positions: list[int], event_type: str, sentence: Any
) -> tuple[str, ...]:
    """Ids of claims that assert the event: their text contains one of its trigger words, or
    their cue is the trigger itself ("Russia rejected ...")."""
    stances = {"assert", "accuse"} | ({"deny"} if event_type == "REJECT" else set())
    cue_words = {sentence.doc[p].lower_ for p in positions}
    start, end = sentence.start_char, sentence.end_char
    found: list[str] = []
    for claim in claims:
        if claim.stance not in stances:
            continue
        offsets = (sentence.doc[p].idx for p in positions)
        inside = any(claim.start <= o < claim.end for o in offsets)
        own_cue = start <= claim.start < end and claim.cue.lower() in cue_words
        if inside or own_cue:
            found.append(claim.id)
    return tuple(found)
