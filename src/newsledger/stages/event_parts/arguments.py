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
from newsledger.stages.coreference import RELATIVE_PRONOUNS as RELATIVE_WORDS
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
# Verbs of saying whose subject reports on its own side ("said its forces were holding").
_SAYING_LEMMAS = frozenset(
    {"say", "insist", "state", "report", "claim", "tell", "announce", "add", "reiterate"}
)
# Event types that are speech acts, done by whoever says them.
_SPEECH_ACT_TYPES = frozenset({"ACCUSE", "REQUEST", "THREATEN", "REJECT", "SUPPORT", "AGREE"})
# "claimed responsibility for", "took credit for": the claimant is the act's actor.
_CLAIMED_NOUNS = frozenset({"responsibility", "credit"})
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
    # "sent into the country", "drills around Taiwan": where forces are massed against.
    "MOBILIZE": frozenset({"into", "around", "against"}),
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
# Counts and collective nouns whose "of" names the party: "hundreds of demonstrators", "a
# column of Russian tanks", "a group of journalists".
_QUANTITY_HEADS = frozenset(
    {"hundred", "thousand", "dozen", "million", "score", "ten", "column", "convoy", "group"}
)
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
_NOT_PARTIES = frozenset({"side", "behalf", "part", "ground", "front", "term", "basis"})
_PLACE_PATH_DEPS = frozenset({"compound", "appos", "nmod", "conj", "npadvmod"})
# Sectors of armed parties: in a clash between them and others, they are the assault's actor.
_ARMED_SECTORS = frozenset({"MIL", "COP", "REB", "SPY"})
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
    between = between_parties(analysis, candidate)
    if between:
        return between[0]
    token = actor_token(candidate)
    if token is None:
        return None
    party = (_claim_speaker(analysis, candidate) if token.pos_ == "PRON" else None) or code_party(
        analysis, token
    )
    if party is None or candidate.type in _RECIPROCAL_TYPES:
        return party
    return _compound(analysis, resolve(token), party)


def between_parties(analysis: Analysis, candidate: Candidate) -> list[Party]:
    """ "clashes erupted between the leader's supporters and security forces", "talks between
    his envoy and Putin": the parties of a nominal trigger's "between" phrase (on the noun, or
    on the verb it is the subject of), in actor-then-target order. An assault's actor is the
    armed party, since a clash of crowds and forces is coded as the forces' violence."""
    if candidate.kind != "noun":
        return []
    anchor = candidate.anchor
    holders = [anchor]
    if anchor.dep_ in {"nsubj", "nsubjpass"}:
        holders.append(anchor.head)
    for holder in holders:
        for _prep, first in prep_objects(holder, {"between"}):
            members = [first, *_conjuncts(first)]
            if len(members) < 2:
                for appos in children(first, "appos"):
                    members = [first, *_conjuncts(appos)]
            parties = [p for p in (code_party(analysis, m) for m in members) if p is not None]
            if len(parties) < 2:
                return []
            if candidate.type == "ASSAULT":
                parties.sort(key=lambda p: p.ref.sector not in _ARMED_SECTORS)
            return parties
    return []


def _conjuncts(token: Any) -> list[Any]:
    """The nouns coordinated with ``token`` ("Iran, Russia and Syria" → Russia, Syria)."""
    found: list[Any] = []
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in {"NOUN", "PROPN"}:
            found.extend([child, *_conjuncts(child)])
    return found


def _compound(analysis: Analysis, head: Any, party: Party) -> Party:
    """The party, or a compound party without a country when it coordinates parties of
    different countries: nouns ("Hamas and Iran", "Russia and the Syrian government") or
    national modifiers ("the Russian and Syrian defense ministries")."""
    countries: set[str] = set()
    sectors = {party.ref.sector}
    members = _conjuncts(head)
    for member in members:
        coded = code_party(analysis, member)
        if coded is not None and coded.ref.country is not None:
            countries.add(coded.ref.country)
            sectors.add(coded.ref.sector)
    if not members:
        for modifier in head.children:
            coordinated = _modifier_conjuncts(modifier)
            if modifier.dep_ not in {"amod", "compound", "nmod"} or not coordinated:
                continue
            for word in (modifier, *coordinated):
                found = country_by_demonym(word.text) or country(word.text)
                if found is not None:
                    countries.add(found.alpha3)
    if party.ref.country is not None:
        countries.add(party.ref.country)
    if len(countries) < 2:
        return party
    last = members[-1] if members else head
    start = min(party.start, head.left_edge.idx)
    end = max(party.end, last.right_edge.idx + len(last.right_edge.text))
    name = analysis.document.text[start:end].removeprefix("the ").removeprefix("The ")
    # One sector where all members share it ("defense ministries"), else none.
    sector = party.ref.sector if len(sectors) == 1 else None
    return Party(ActorRef(name=name, sector=sector), start, end)


def _modifier_conjuncts(token: Any) -> list[Any]:
    found: list[Any] = []
    for child in token.children:
        if child.dep_ == "conj":
            found.extend([child, *_modifier_conjuncts(child)])
    return found


def actor_token(candidate: Candidate) -> Any | None:
    token = _actor_token(candidate)
    if token is None:
        return None
    return _past_dateline(_in_own_paragraph(token, candidate.anchor))


def _in_own_paragraph(token: Any, anchor: Any) -> Any:
    """ "... bandit formations.” / The U.S. military in al-Tanf has been training ...": when the
    parser runs a sentence across a paragraph break and gives a verb two subjects, the one in
    the trigger's paragraph is its subject."""
    if not _paragraph_break_between(token, anchor):
        return token
    for sibling in token.head.children:
        same_role = sibling.dep_ == token.dep_ and sibling.i != token.i
        if same_role and not _paragraph_break_between(sibling, anchor):
            return sibling
    return token


def _paragraph_break_between(a: Any, b: Any) -> bool:
    doc = a.doc
    low, high = sorted((a.i, b.i))
    return any("\n\n" in doc[k].text_with_ws for k in range(low, high))


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
        reporter = _reporter_of_participle(candidate)
        if reporter is not None:
            return reporter
        return subject_of(anchor) or _claimant(anchor) or _subject_past_noun_conjunct(anchor)
    if candidate.light is not None:
        light = candidate.light
        for _prep, agent in prep_objects(anchor, {"by"}):
            # "send its proposals - a key demand by Kyiv": the noun's own agent is its actor.
            if _names_actor(agent):
                return agent
        if is_passive(light):
            agent = agent_of(light)
            return _nominal_actor(agent) if agent is not None else None
        return subject_of(light)
    for token in candidate.tokens():
        # "a Russian disinformation campaign": the trigger modifies a noun that has the actor.
        own = own_actor_token(token) or (
            own_actor_token(token.head) if token.dep_ == "compound" else None
        )
        if own is not None:
            return own
    actor = _claimant(anchor) or _copular_subject(anchor) or _withdrawing_force(candidate)
    if actor is not None:
        return actor
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


def _reporter_of_participle(candidate: Candidate) -> Any | None:
    """ "Hoxha reported that the residence was hit during the attack, denouncing it as
    unacceptable": a speech act told as a participle without a subject of its own is the
    reporter's: the subject of the nearest verb of saying above it, wherever the parser hangs
    it."""
    anchor = candidate.anchor
    if candidate.type not in _SPEECH_ACT_TYPES or anchor.tag_ != "VBG" or anchor.dep_ != "advcl":
        return None
    if any(c.dep_ in {"nsubj", "nsubjpass", "mark"} for c in anchor.children):
        return None
    for ancestor in anchor.ancestors:
        found = children(ancestor, "nsubj")
        if ancestor.lemma_.lower() in _SAYING_LEMMAS and found:
            return found[0]
    return None


def _subject_past_noun_conjunct(verb: Any) -> Any | None:
    """ "shows security forces using tear gas to disperse protests and beating demonstrators":
    a verb the parser coordinates with a noun belongs with the verb governing that noun, and
    has its subject."""
    if verb.dep_ != "conj" or verb.head.pos_ not in {"NOUN", "PROPN"}:
        return None
    for ancestor in verb.head.ancestors:
        if ancestor.pos_ == "VERB":
            return subject_of(ancestor)
    return None


def _copular_subject(noun: Any) -> Any | None:
    """ "Ukrainian forces have been in retreat", "the two sides are in talks": the subject of
    "be in <event>" is its actor."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "in" or prep.head.lemma_ != "be":
        return None
    return subject_of(prep.head)


def _withdrawing_force(candidate: Candidate) -> Any | None:
    """ "the withdrawal of US troops": what an armed force's retreat is "of" is the force that
    retreats (unlike "the release of prisoners", whose prisoners are released)."""
    if candidate.type != "RETREAT":
        return None
    for _prep, obj in prep_objects(candidate.anchor, {"of"}):
        if sector_for_words([obj.lemma_.lower()]) in _ARMED_SECTORS:
            return obj
    return None


def _claimant(trigger: Any) -> Any | None:
    """ "The Taliban claimed responsibility for shooting down the helicopter", "the group took
    credit for the attack": who claims an act as theirs is its actor (as coders read claims of
    responsibility)."""
    prep = trigger.head
    if trigger.dep_ not in {"pcomp", "pobj"} or prep.lower_ != "for":
        return None
    noun = prep.head
    if noun.lemma_.lower() not in _CLAIMED_NOUNS or noun.dep_ != "dobj":
        return None
    return subject_of(noun.head)


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
    between = between_parties(analysis, candidate)
    if len(between) >= 2:
        return next((p for p in between if actor is None or not _same_party(p, actor)), None)
    avoid = _tokens_within(analysis, actor.start, actor.end) if actor is not None else frozenset()
    victims: Party | None = None
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
        if victims is None and party.ref.country is None and party.ref.sector in {None, "CVL"}:
            # "Seven people were killed in Russian attacks on Ukrainian cities": unnamed
            # victims are of the country the attack is said to be on, if it is.
            victims = party
            continue
        if victims is not None:
            return Party(
                replace(victims.ref, country=party.ref.country), victims.start, victims.end
            )
        return party
    if victims is not None:
        return victims
    if candidate.type in _RECIPROCAL_TYPES and actor is not None:
        return _second_nation(candidate, actor)
    return None


def _second_nation(candidate: Candidate, actor: Party) -> Party | None:
    """ "US and Filipino troops launched joint exercises": in a reciprocal act, the second of
    coordinated national modifiers of the actor names the other party."""
    token = actor_token(candidate)
    if token is None:
        return None
    head = _counted(resolve(token))
    for modifier in head.children:
        if modifier.dep_ not in {"amod", "compound", "nmod"}:
            continue
        for word in _modifier_conjuncts(modifier):
            found = country_by_demonym(word.text) or country(word.text)
            if found is not None and found.alpha3 != actor.ref.country:
                ref = ActorRef(name=found.name, country=found.alpha3, sector=actor.ref.sector)
                return Party(ref, word.idx, word.idx + len(word.text))
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
            tokens.extend(_gapped_object(anchor))
        tokens.extend(obj for _prep, obj in prep_objects(anchor, preps))
    else:
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


def _gapped_object(verb: Any) -> list[Any]:
    """ "the Crimea peninsula Moscow annexed in 2014": a relative clause without a relative
    pronoun or an object of its own has the noun it modifies as its object."""
    if verb.dep_ != "relcl" or is_passive(verb) or children(verb, "dobj"):
        return []
    if any(c.lower_ in RELATIVE_WORDS for c in verb.children):
        return []
    return [verb.head]


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
    referent = resolve(_relative_antecedent(token), avoid=avoid)
    if referent.pos_ == "PRON":
        return None
    referent = _counted(referent)
    # A person is never a place, whatever their apposition ("HANOI, Vietnam (AP) — ... Esper").
    others = () if referent.ent_type_ == "PERSON" else tuple(_appositions(referent))
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
    if referent.lemma_.lower() in _NOT_PARTIES:
        return None
    start, end = phrase_bounds(referent)
    ref = actor_for_phrase(analysis, start, end)
    owner = next((c for c in referent.children if c.dep_ == "poss"), None)
    head_sector = sector_for_words([referent.lemma_.lower()])
    if referent.pos_ == "NOUN" and head_sector is None and owner is not None:
        # "rejected Ukraine's accusation": the party is the owner, not the accusation.
        return code_party(analysis, owner, avoid=avoid)
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
    if ref.country is None and ref.sector is None and ref.entity is None:
        return None
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
        reporters = children(ancestor, "nsubj") if ancestor.lemma_ in _SAYING_LEMMAS else []
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


def _claim_speaker(analysis: Analysis, candidate: Candidate) -> Party | None:
    """ "NATO said ... They also accused Russia of ...": when a speech act's subject is a
    pronoun, the claims stage has already found who "they" are for the claim this very verb
    makes; its speaker is the actor."""
    anchor = candidate.anchor
    sentence = anchor.sent
    for claim in analysis.claims:
        if claim.cue != anchor.text or not sentence.start_char <= claim.start < sentence.end_char:
            continue
        entity = next((e for e in analysis.entities if e.id == claim.speaker.entity), None)
        if entity is not None:
            ref = ActorRef(
                name=entity.name, entity=entity.id, country=entity.country, sector=entity.sector
            )
            return Party(ref, anchor.idx, anchor.idx)
    return None


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
    the place of that kind last named in the text shortly before. "The country" is left alone:
    stories name several countries, and the last named is often not the one meant."""
    kinds = _PLACE_NOUN_FEATURES.get(token.lemma_.lower()) if token.pos_ == "NOUN" else None
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
            close = 0 <= token.idx - mention.end <= _PLACE_REFERENCE_REACH
            if close and (best is None or mention.start > best[0]):
                best = (mention.start, place)
    return best[1] if best is not None else None


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
        queue.extend((noun, 1) for noun in _gapped_object(candidate.anchor))
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
        if current.dep_ == "pobj" and current.head.lower_ == "in":
            verb = current.head.head
            if verb.lemma_ == "be":
                # "Ukrainian forces have been in retreat in Kursk": the copula holds the place.
                return [verb]
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
