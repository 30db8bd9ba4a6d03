"""To whom: the target of an event trigger.

The target is the direct object, the passive subject, or the object of the event type's target
prepositions ("an attack on the city of Sumy", "talks with Putin"); for an accusation, the subject
of what is alleged; for a threat, request, offer or refusal, the object (or addressee) of what
is threatened, asked, offered or refused, and the subject of a demanded clause ("demanded that
Hungary end ..."); the subject of a verb of undergoing ("Kyiv faced pressure"); the "by" doer of
an act judged ("rejected the proposal by Ukraine"); those acted against "on allegations of". A
place that is talked to or about stands for its government; unnamed victims take the country of
the place attacked; in a reciprocal act the other coordinated party is the target; what the
actor gives of its own ("offered its troops") is never the target.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from newsledger.model import ActorRef
from newsledger.pipeline.stage import Analysis
from newsledger.resources.countries import country, country_by_demonym
from newsledger.stages.coreference import RELATIVE_PRONOUNS as RELATIVE_WORDS
from newsledger.stages.coreference import resolve
from newsledger.stages.event_parts.arguments import (
    MATERIAL_TYPES,
    acted_on_charges,
    actor_token,
    nominal_actor,
    undergoer_of,
)
from newsledger.stages.event_parts.candidate import is_reciprocal
from newsledger.stages.event_parts.coordination import (
    between_parties,
    compound_party,
    modifier_conjuncts,
)
from newsledger.stages.event_parts.parties import (
    Party,
    code_party,
    counted,
    same_party,
    tokens_within,
)
from newsledger.stages.event_parts.syntax import (
    agent_of,
    children,
    direct_object,
    is_passive,
    prep_objects,
)
from newsledger.stages.event_parts.triggers import Candidate

_TARGET_PREPS: dict[str, frozenset[str]] = {
    "ASSAULT": frozenset({"on", "against", "into", "at", "upon"}),
    "COERCE": frozenset({"on", "against"}),
    "THREATEN": frozenset({"against"}),
    "SANCTION": frozenset({"on", "against"}),
    "AID": frozenset({"to", "for"}),
    "SUPPORT": frozenset({"for"}),
    "CONSULT": frozenset({"with"}),
    "COOPERATE": frozenset({"with"}),
    # "agreed with Kyiv", "sent its proposals to Russia"
    "AGREE": frozenset({"with", "to"}),
    "REQUEST": frozenset({"on", "upon", "to"}),
    # "accused Russia", "complained over Russian drone flights", "protested about the arrests"
    "ACCUSE": frozenset({"against", "over", "about"}),
    # "protested against the government": whom a protest is against.
    "PROTEST": frozenset({"against"}),
    # "sent into the country", "drills around Taiwan": where forces are massed against.
    "MOBILIZE": frozenset({"into", "around", "against"}),
}

# Prepositions of a threatened or refused act that name whom it bears on.
_CONTENT_PREPS = frozenset({"with", "against", "to", "on", "from"})
# Speech acts about another party's act, whose "by X" names that party.
_JUDGING_TYPES = frozenset({"ACCUSE", "REJECT", "SUPPORT"})
_SEATS = frozenset({"PPLC", "PPLG"})
# Envoys, whose "to X" or "in X" names the party they are accredited to.
_ENVOY_NOUNS = frozenset({"ambassador", "envoy", "diplomat", "representative", "embassy"})
# What two parties share, so that "with X" on it names the other one: "borders with Syria".
_SHARED_NOUNS = frozenset(
    {"border", "frontier", "crossing", "tie", "relation", "contact", "link", "cooperation"}
)


def find_target(analysis: Analysis, candidate: Candidate, actor: Party | None) -> Party | None:
    """The party the event is done to, if the text names one."""
    between = between_parties(analysis, candidate)
    if len(between) >= 2:
        return next((p for p in between if actor is None or not same_party(p, actor)), None)
    avoid = tokens_within(analysis, actor.start, actor.end) if actor is not None else frozenset()
    victims: Party | None = None
    for token in target_tokens(candidate):
        party = code_party(analysis, token, avoid=avoid)
        if party is None:
            continue
        if actor is not None and same_party(party, actor):
            continue
        if actor is not None and _own_possession(token, party, actor):
            # "Syria offered its troops to Lebanon": what the actor gives of its own is the
            # means, not the target.
            continue
        if party.place is not None and candidate.type not in MATERIAL_TYPES:
            # "accused Kyiv": a place that is talked to or about stands for its government.
            seat = party.place.feature.startswith("PCL") or party.place.feature in _SEATS
            ref = replace(party.ref, sector=party.ref.sector or ("GOV" if seat else None))
            return Party(ref, party.start, party.end)
        if victims is None and party.ref.country is None and party.ref.sector in {None, "CVL"}:
            # "Seven people were killed in Russian attacks on Ukrainian cities": unnamed
            # victims are of the country the attack is said to be on, if it is.
            victims = party
            continue
        if victims is not None:
            return Party(
                replace(victims.ref, country=party.ref.country), victims.start, victims.end
            )
        # "attacked Ukraine and Poland": one compound target listing both.
        return compound_party(analysis, resolve(token), party)
    if victims is not None:
        return victims
    if is_reciprocal(candidate) and actor is not None:
        return _second_nation(candidate, actor)
    return None


def _own_possession(token: Any, party: Party, actor: Party) -> bool:
    """Whether the phrase is owned by the actor: "its troops" with "its" the actor, or of the
    actor's own country."""
    if party.ref.country not in {None, actor.ref.country}:
        return False  # "his Turkish counterpart": someone else's, whoever "his" is
    for owner in (c for c in token.children if c.dep_ == "poss" and c.pos_ == "PRON"):
        referent = resolve(owner)
        if actor.start <= referent.idx < max(actor.end, actor.start + 1):
            return True
        if party.ref.country is not None:
            return True  # of the actor's own country
    return False


def _second_nation(candidate: Candidate, actor: Party) -> Party | None:
    """ "US and Filipino troops launched joint exercises": in a reciprocal act, the second of
    coordinated national modifiers of the actor names the other party."""
    token = actor_token(candidate)
    if token is None:
        return None
    head = counted(resolve(token))
    for modifier in head.children:
        if modifier.dep_ not in {"amod", "compound", "nmod"}:
            continue
        for word in modifier_conjuncts(modifier):
            found = country_by_demonym(word.text) or country(word.text)
            if found is not None and found.alpha3 != actor.ref.country:
                ref = ActorRef(name=found.name, country=found.alpha3, sector=actor.ref.sector)
                return Party(ref, word.idx, word.idx + len(word.text))
    return None


def target_tokens(candidate: Candidate) -> list[Any]:
    if candidate.target is not None:
        return [candidate.target]
    anchor = candidate.anchor
    tokens: list[Any] = []
    if candidate.kind == "accusation" and candidate.complement is not None:
        tokens.extend(children(candidate.complement, "nsubj", "nsubjpass"))
        return tokens
    if candidate.kind == "characterization":
        # "called the Kremlin leader crazy", parsed at times with the object as the predicate.
        obj = direct_object(anchor)
        return [obj] if obj is not None else children(anchor, "oprd")
    preps = _TARGET_PREPS.get(candidate.type, frozenset())
    if candidate.kind == "verb":
        if candidate.entry is not None and candidate.entry.actor_is_object:
            agent = agent_of(anchor)
            if agent is not None:
                tokens.append(nominal_actor(agent))
            elif not is_passive(anchor):
                tokens.extend(children(anchor, "nsubj"))
        elif is_passive(anchor):
            tokens.extend(children(anchor, "nsubjpass"))
        elif candidate.type != "MOBILIZE":  # troops deployed are not a target
            tokens.extend(children(anchor, "dobj"))
            tokens.extend(_dative_objects(anchor))
            tokens.extend(_shared_with(anchor))
            if candidate.type in _JUDGING_TYPES:
                # "rejected the proposal by Ukraine", the "by" hung on the active verb: the
                # agent of the act spoken about.
                tokens.extend(_stray_agents(anchor))
            tokens.extend(gapped_object(anchor))
        tokens.extend(obj for _prep, obj in prep_objects(anchor, preps))
    else:
        undergoer = undergoer_of(anchor)
        if undergoer is not None:
            tokens.append(undergoer)
        if acted_on_charges(candidate):
            # "arrested three journalists on allegations of spying": those acted against.
            tokens.extend(children(anchor.head.head, "dobj", "nsubjpass"))
        # "the target of a Russian disinformation campaign": the phrase the trigger heads.
        tokens.extend(_target_of_subject(anchor.head if anchor.dep_ == "compound" else anchor))
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
    tokens.extend(_content_targets(candidate))
    if is_reciprocal(candidate):
        # "Trump and Putin had a phone call": each coordinated subject is the other's party.
        actor = actor_token(candidate)
        if actor is not None:
            tokens.extend(children(actor, "conj"))
    return tokens


def _shared_with(verb: Any) -> list[Any]:
    """ "closed its borders with Syria", "cut ties with Kyiv": what the object is shared "with"
    is the other party, whom the act bears on; so is the one an envoy is accredited "to"."""
    objects = children(verb, "dobj")
    shared = [noun for noun in objects if noun.lemma_.lower() in _SHARED_NOUNS]
    # The parser hangs "with Syria" on the noun or on the verb.
    holders = [*shared, verb] if shared else []
    found = [obj for holder in holders for _prep, obj in prep_objects(holder, {"with"})]
    # "recalled its ambassador to Israel": an envoy is sent to the other party.
    envoys = [noun for noun in objects if noun.lemma_.lower() in _ENVOY_NOUNS]
    found.extend(obj for noun in envoys for _prep, obj in prep_objects(noun, {"to", "in"}))
    return found


def _content_targets(candidate: Candidate) -> list[Any]:
    """Targets in what is demanded, threatened, offered or refused: "demanded that Hungary end
    the blockade", "vowed to kill Sinwar", "offered to release the prisoners", "refused to meet
    the envoy", "threatened to break off relations with Poland"."""
    tokens: list[Any] = []
    if candidate.type == "REQUEST" and candidate.kind == "verb":
        # "demanded that Hungary end the blockade": a demand is made on the subject
        # of what is demanded.
        for content in children(candidate.verb, "ccomp"):
            tokens.extend(children(content, "nsubj", "nsubjpass"))
    if candidate.type in {"THREATEN", "REQUEST", "AGREE", "REJECT"}:
        # "vowed to kill Sinwar": the one threatened is the object of what is threatened;
        # "offered to release the prisoners": the one an offer is for, of what is offered;
        # "refused to meet the envoy": the one refused, of what is refused.
        for content in children(candidate.verb, "xcomp"):
            tokens.extend(children(content, "dobj"))
            tokens.extend(_dative_objects(content))
            if candidate.type == "AGREE":
                # "promised to return the ships to Denmark"
                tokens.extend(obj for _prep, obj in prep_objects(content, {"to"}))
            elif candidate.type in {"THREATEN", "REJECT"}:
                # "threatened to break off relations with Poland", "to impose tariffs on
                # German goods", "refused to hand the suspects over to Kyiv"
                for holder in (content, *children(content, "dobj")):
                    tokens.extend(obj for _prep, obj in prep_objects(holder, _CONTENT_PREPS))
        if candidate.type == "AGREE" and candidate.kind == "verb":
            for member in candidate.members:
                tokens.extend(children(member, "dobj"))
    return tokens


def _target_of_subject(noun: Any) -> list[Any]:
    """ "The base has been the target of a Russian disinformation campaign": the subject of
    "be the target (victim) of <event>" is what the event is aimed at."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of":
        return []
    role = prep.head
    if role.lemma_.lower() not in {"target", "victim"} or role.dep_ != "attr":
        return []
    return children(role.head, "nsubj", "nsubjpass")


def gapped_object(verb: Any) -> list[Any]:
    """ "the Crimea peninsula Moscow annexed in 2014": a relative clause without a relative
    pronoun or an object of its own has the noun it modifies as its object."""
    if verb.dep_ != "relcl" or is_passive(verb) or children(verb, "dobj"):
        return []
    if any(c.lower_ in RELATIVE_WORDS for c in verb.children):
        return []
    return [verb.head]


def _stray_agents(verb: Any) -> list[Any]:
    found = [obj for _prep, obj in prep_objects(verb, {"by"})]
    return found + [c for a in children(verb, "agent") for c in children(a, "pobj")]


def _dative_objects(verb: Any) -> list[Any]:
    return [c for c in verb.children if c.dep_ == "dative" and c.pos_ in {"NOUN", "PROPN"}]
