"""Who did it: the actor of an event trigger.

The actor is the subject of the event's verb (or of the light verb carrying a nominal trigger),
the "by X" agent of a passive, or for a nominal trigger its possessor or national modifier
("Russia's attack", "a Russian strike"); a claimant of responsibility, the subject of "be in
retreat", the reporter of a speech act told as a participle, and the subject of the verb an
interaction noun hangs off ("sent a plea") are actors too, and so are the subject of a stance
participle that looks passive ("is committed to"), the issuer of a statement or law carrying the
act ("issued a statement condemning"), whoever acts "on allegations of", people acting during a
protest, and the "from" party of an act another undergoes ("faced pressure from Trump"). The
token found is coded by ``parties.code_party`` and widened to a compound party where it
coordinates several countries (``coordination``). Targets are in ``targets``, places in
``event_place``.
"""

from __future__ import annotations

from typing import Any

from newsledger.pipeline.stage import Analysis
from newsledger.resources.actors import sector_for_words
from newsledger.stages.coreference import resolve
from newsledger.stages.event_parts.candidate import SPEECH_ACT_TYPES, is_reciprocal
from newsledger.stages.event_parts.coordination import between_parties, compound_party
from newsledger.stages.event_parts.parties import (
    ARMED_SECTORS,
    SAYING_LEMMAS,
    Party,
    code_party,
    names_actor,
    speaker_party,
)
from newsledger.stages.event_parts.syntax import (
    agent_of,
    children,
    is_passive,
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

# Verbs whose subject, using or sending a means "during" or "in" an attack, is its actor (not
# of a protest: police firing tear gas during a protest do not protest).
_MEANS_VERBS = frozenset({"use", "fire", "launch", "deploy", "employ", "send"})

# Speech acts a reporter's participle can tell ("..., accusing X of"): all but CONCEDE.
_PARTICIPLE_SPEECH_TYPES = SPEECH_ACT_TYPES - {"CONCEDE"}

# Participles that read as passives but state their subject's own stance: "is committed to",
# "is determined to", "are opposed to".
_STANCE_PARTICIPLES = frozenset(
    {"commit", "determine", "dedicate", "devote", "resolve", "oppose", "prepare", "pledge"}
)

# Documents, utterances and laws that carry a verbal act: "a statement condemning the attack",
# "a bill recognizing the republics" (``event_time._STATEMENT_NOUNS`` are another list: the
# statements a speech act is dated by).
_ACT_CARRYING_NOUNS = frozenset(
    {
        "statement",
        "declaration",
        "letter",
        "resolution",
        "communique",
        "communiqué",
        "message",
        "note",
        "report",
        "petition",
        "appeal",
        "speech",
        "decree",
        "law",
        "bill",
        "motion",
        "order",
    }
)

# Verbs whose subject undergoes their object ("faced pressure", "suffered an attack"), and
# verbs of being "under" an act ("came under fire").
_UNDERGOING_VERBS = frozenset(
    {"face", "receive", "suffer", "endure", "undergo", "withstand", "weather", "incur"}
)
_UNDER_VERBS = frozenset({"come", "be", "fall", "remain"})

# Sectors of people who take part in a protest they act during.
_CROWD_SECTORS = frozenset({"CVL", "OPP", "LAB", "EDU", "REL", "PTY"})

# Subordinators the parser may read as prepositions: "after separatists sent a plea".
_SUBORDINATORS = frozenset({"after", "before", "since", "until", "because", "as", "while"})

# Nouns naming the planner of an act: "the mastermind behind the attacks".
_PLANNER_NOUNS = frozenset(
    {"mastermind", "architect", "organizer", "organiser", "planner", "perpetrator"}
)

# "claimed responsibility for", "took credit for": the claimant is the act's actor.
_CLAIMED_NOUNS = frozenset({"responsibility", "credit"})

# Event nouns whose possessor is the one acted on ("their recruitment", "his arrest").
_PATIENT_POSSESSOR_NOUNS = frozenset(
    {"recruitment", "arrest", "detention", "deportation", "expulsion", "release", "mobilization"}
)


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
    if party is None or is_reciprocal(candidate):
        return party
    return compound_party(analysis, resolve(token), party)


def actor_token(candidate: Candidate) -> Any | None:
    token = _actor_token(candidate)
    if token is None:
        return None
    return _past_dateline(_in_own_paragraph(token, candidate.anchor))


def _in_own_paragraph(token: Any, anchor: Any) -> Any:
    """ "... bandit formations.” / The U.S. military in al-Tanf has been training ...": when the
    parser runs a sentence across a paragraph break and gives a verb two subjects, the one in
    the trigger's paragraph is its subject; a subject found only across the break gives way to
    the paragraph's stray opening phrase."""
    if not _paragraph_break_between(token, anchor):
        return token
    for sibling in _same_role_siblings(token):
        if not _paragraph_break_between(sibling, anchor):
            return sibling
    stray = _stray_opening_phrase(anchor)
    return stray if stray is not None else token


def _stray_opening_phrase(anchor: Any) -> Any | None:
    """ "CHINESE AGGRESSION: ... / Thousands of US and Filipino troops yesterday launched":
    when the parser takes a heading for the subject and hangs the paragraph's own opening noun
    phrase on the heading, that phrase (before the verb, attached across the break) is the
    subject."""
    doc = anchor.doc
    start = anchor.i
    while start > 0 and "\n\n" not in doc[start - 1].text_with_ws:
        start -= 1
    for token in doc[start : anchor.i]:
        if token.pos_ in {"NOUN", "PROPN"} and token.head.i < start:
            return token
    return None


def _paragraph_break_between(a: Any, b: Any) -> bool:
    doc = a.doc
    low, high = sorted((a.i, b.i))
    return any("\n\n" in doc[k].text_with_ws for k in range(low, high))


def _past_dateline(token: Any) -> Any:
    """ "VILNIUS, Lithuania (AP) — The defence minister on Tuesday accused ...": the
    parser makes the dateline's city the subject and the real subject its apposition."""
    doc = token.doc
    line_start = token.i == token.sent.start or "\n" in doc[token.i - 1].text_with_ws
    if not (token.text.isupper() and len(token.text) > 2 and line_start):
        return token
    named = [
        c
        for c in token.subtree
        if c.dep_ == "appos"
        and c.ent_type_ in {"PERSON", "ORG"}
        # "(AP)": the news agency, not the subject
        and not (c.left_edge.i > 0 and doc[c.left_edge.i - 1].text == "(")
    ]
    if named:
        return named[-1]
    # "KYIV, Ukraine (AP) — Foreign Minister Radek Lis accused": the verb's other subject.
    others = _same_role_siblings(token)
    return others[0] if others else token


def _same_role_siblings(token: Any) -> list[Any]:
    """The other words in the token's relation to its head: a verb's second subject."""
    return [c for c in token.head.children if c.dep_ == token.dep_ and c.i != token.i]


def _actor_token(candidate: Candidate) -> Any | None:
    if candidate.source is not None:
        return candidate.source
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
                return nominal_actor(agent)
            # "killed in Russian attacks": the merged event noun names the actor.
            for member in candidate.members:
                own = own_actor_token(member)
                if own is not None:
                    return own
            stance = anchor.lemma_.lower() in _STANCE_PARTICIPLES
            if candidate.type == "MOBILIZE" or stance:
                # "1,000 Russian troops have been sent": troops are sent by their own side.
                # "India is committed to the agreement": a participle of stance, not a passive.
                found = children(anchor, "nsubjpass")
                return found[0] if found else None
            return None
        reporter = _reporter_of_participle(candidate) or _issuer_of_statement(candidate)
        if reporter is not None:
            return reporter
        return (
            subject_of(anchor)
            or _claimant(anchor)
            or _subject_past_noun_conjunct(anchor)
            or _stranded_subject(anchor)
        )
    if candidate.light is not None:
        light = candidate.light
        for _prep, agent in prep_objects(anchor, {"by"}):
            # "send its proposals - a key demand by Kyiv": the noun's own agent is its actor.
            if names_actor(agent):
                return agent
        if is_passive(light):
            agent = agent_of(light)
            return nominal_actor(agent) if agent is not None else None
        return subject_of(light) or _stranded_subject(light)
    for token in candidate.tokens():
        # "a Russian disinformation campaign": the trigger modifies a noun that has the actor.
        own = own_actor_token(token) or (
            own_actor_token(token.head) if token.dep_ == "compound" else None
        )
        if own is not None:
            return own
    actor = (
        _claimant(anchor)
        or _copular_subject(anchor)
        or _withdrawing_force(candidate)
        or _mastermind(anchor)
    )
    if actor is not None:
        return actor
    if candidate.type == "REQUEST":
        # "at the request of Russia", "pressure from Trump": whose request it is.
        for _prep, obj in prep_objects(anchor, {"of", "from"}):
            return obj
    if undergoer_of(anchor) is not None:
        # "Iran faced sanctions from the EU": the subject suffers the act; "from" does it.
        verb = anchor.head.head if anchor.dep_ == "pobj" else anchor.head
        found = [obj for holder in (anchor, verb) for _p, obj in prep_objects(holder, {"from"})]
        return found[0] if found else None
    if candidate.type in _PARTICIPANT_TYPES or acted_on_charges(candidate):
        return _governing_subject(anchor)
    if candidate.type == "PROTEST":
        # "Students chanted slogans during the demonstrations": people, not police, who act
        # during a protest take part in it.
        subject = _governing_subject(anchor)
        if subject is not None and sector_for_words([subject.lemma_.lower()]) in _CROWD_SECTORS:
            return subject
    if (
        candidate.type in {"ASSAULT", "COERCE"}
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
    """ "The envoy reported that a school was hit, denouncing it as unacceptable": a speech act
    told as a participle without a subject of its own is the reporter's: the subject of the
    nearest verb of saying above it, wherever the parser hangs it."""
    anchor = candidate.anchor
    if (
        candidate.type not in _PARTICIPLE_SPEECH_TYPES
        or anchor.tag_ != "VBG"
        or anchor.dep_ != "advcl"
    ):
        return None
    if any(c.dep_ in {"nsubj", "nsubjpass", "mark"} for c in anchor.children):
        return None
    for ancestor in anchor.ancestors:
        found = children(ancestor, "nsubj")
        if ancestor.lemma_.lower() in SAYING_LEMMAS and found:
            return found[0]
    return None


def _issuer_of_statement(candidate: Candidate) -> Any | None:
    """ "The party issued a statement condemning the arrests", "sent a letter demanding",
    "passed a bill recognizing": a verbal act told as a participle on the statement or law
    carrying it is done by whoever issues the statement or passes the law."""
    anchor = candidate.anchor
    if candidate.type in MATERIAL_TYPES or anchor.tag_ != "VBG" or anchor.dep_ != "acl":
        return None
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in anchor.children):
        return None
    if anchor.head.pos_ != "NOUN" or anchor.head.lemma_.lower() not in _ACT_CARRYING_NOUNS:
        return None
    return _governing_subject(anchor.head)


def _stranded_subject(verb: Any) -> Any | None:
    """ "Putin said Russia acted after separatists in Donetsk sent a plea to Moscow": when the
    parser reads a subordinator as a preposition, the subject of the clause it opens becomes
    the preposition's object, right before the verb left without a subject."""
    if verb.tag_ not in {"VBD", "VBZ", "VBP"} or children(verb, "nsubj", "nsubjpass"):
        return None
    if verb.i == 0:
        return None
    token = verb.doc[verb.i - 1]
    if token.pos_ not in {"NOUN", "PROPN"}:
        return None
    for _ in range(4):
        # "separatists in Donetsk": climb from the last noun to the head of its phrase.
        prep = token.head
        if token.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ in _SUBORDINATORS:
            break
        token = prep.head
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in _SUBORDINATORS:
        return None
    return token if token.right_edge.i == verb.i - 1 else None


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


def _mastermind(noun: Any) -> Any | None:
    """ "characterized the colonel as the mastermind behind the attacks", "Haddad, the architect of
    the bombing", "he was the organiser of the raid": whoever is named the planner of an act is
    its actor."""
    prep = noun.head
    role = prep.head
    if noun.dep_ != "pobj" or prep.lower_ not in {"behind", "of"}:
        return None
    if role.pos_ != "NOUN" or role.lemma_.lower() not in _PLANNER_NOUNS:
        return None
    if role.dep_ == "pobj" and role.head.lower_ == "as":
        # "characterized X as the mastermind": the object of the verb "as" hangs on.
        verb = role.head.head
        found = children(verb, "dobj")
        return found[0] if found else None
    if role.dep_ == "attr":
        return subject_of(role.head)
    if role.dep_ == "appos":
        return role.head
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
        if sector_for_words([obj.lemma_.lower()]) in ARMED_SECTORS:
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


def acted_on_charges(candidate: Candidate) -> bool:
    """ "Police arrested three journalists on allegations of spying": an accusation on which
    someone acts against another is made by who acts, against whom they act."""
    anchor = candidate.anchor
    prep = anchor.head
    return (
        candidate.type == "ACCUSE"
        and candidate.kind == "noun"
        and anchor.dep_ == "pobj"
        and prep.lower_ == "on"
        and prep.head.pos_ == "VERB"
    )


def undergoer_of(noun: Any) -> Any | None:
    """ "Kyiv has faced growing pressure", "the town came under attack": the subject of a verb
    of undergoing whose object (or "under" phrase) is the event is the one it is done to."""
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in _UNDERGOING_VERBS:
        return subject_of(head)
    if noun.dep_ == "pobj" and head.lower_ == "under" and head.head.lemma_ in _UNDER_VERBS:
        return subject_of(head.head)
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
                return nominal_actor(agent) if agent is not None else None
            return subject_of(current)
    return None


def nominal_actor(token: Any) -> Any:
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
        if child.dep_ in {"amod", "compound", "nmod", "npadvmod"} and names_actor(child):
            return child
        for grandchild in child.lefts:
            # "a US-enforced agreement": the nation inside a compound modifier
            if grandchild.dep_ in {"npadvmod", "compound", "nmod"} and names_actor(grandchild):
                return grandchild
    return None


def _claim_speaker(analysis: Analysis, candidate: Candidate) -> Party | None:
    """ "NATO said ... They also accused Russia of ...": when a speech act's subject is a
    pronoun, the claims stage has already found who "they" are for the claim this very verb
    makes; its speaker is the actor."""
    anchor = candidate.anchor
    sentence = anchor.sent
    for claim in analysis.claims:
        if claim.cue != anchor.text or not sentence.start_char <= claim.start < sentence.end_char:
            continue
        party = speaker_party(analysis, claim.speaker.entity, anchor.idx)
        if party is not None:
            return party
    return None
