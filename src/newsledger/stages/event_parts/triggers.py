"""Finding event triggers in a parsed sentence, and merging those that name one event.

A trigger is a verb or noun of the lexicon whose conditions hold ("pull" with "out", "release"
of people), a speech verb whose complement accuses someone ("declared that Moscow violated ..."),
or a characterization verb with a pejorative ("described Beijing as a major enabler"). Triggers
then merge so that one event is listed once: a light verb gives its subject to the nominal trigger
it carries ("launched an attack" is one ASSAULT, not LAUNCH + ATTACK); a trigger governed by
another of the same type joins it ("killed by a Russian strike", "agree to a peace deal"); and a
nominal trigger that is only the topic of another event ("rejected Ukraine's accusation") is not
an event of its own; nor is the content of a threat, request, refusal or offer ("vowed to strike
back", "offered to negotiate"): what happened is the threat or the offer, typed by the quad of
what is intended (CAMEO 03 AGREE for a cooperative act, 13 THREATEN for a conflictual one).
Speech verbs perform acts through their complement's modal: "said Libya must hand over the
suspects" demands (REQUEST), "said it would release them" states an intent, "said it would not"
declines (REJECT), "will withdraw unless ..." threatens.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from newsledger.resources.event_triggers import TriggerEntry, TriggerLexicon
from newsledger.resources.plover import plover_type
from newsledger.stages.coreference import SUBJECT_DEPS
from newsledger.stages.event_parts.syntax import children, direct_object

TriggerKind = Literal["verb", "noun", "accusation", "characterization"]

_NAME_LABELS = frozenset({"DATE", "TIME", "PERSON", "GPE", "LOC", "FAC"})
_NOMINAL_DEPS = frozenset({"dobj", "pobj", "nsubj", "nsubjpass", "conj"})
_PARTICLE_DEPS = frozenset({"prt", "prep", "advmod", "dative"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
# Relations along which a trigger governed by another trigger of the same type joins it.
_JOINING_DEPS = frozenset(
    {"dobj", "pobj", "prep", "pcomp", "agent", "advcl", "xcomp", "nsubj", "nsubjpass"}
    | {"compound", "acl"}
)
# Types whose infinitival complement is only their content: "vowed to strike back" is a threat,
# "urged Russia to withdraw" a request, "refused to negotiate" a rejection; none of the strike,
# the withdrawal or the talks has happened.
_CONTENT_TAKING_TYPES = frozenset({"THREATEN", "REQUEST", "REJECT"})
# Verbal conflict types keep their own type under a commissive verb: "vowed to reject" rejects.
_VERBAL_CONFLICT = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN"})
# Modals by which a speaker says what another party has to do: a demand (CAMEO 10).
_OBLIGATION_MODALS = frozenset({"must", "should"})
# Auxiliaries by which a speaker announces what a party is going to do ("said it would").
_INTENT_AUX = frozenset({"will", "would", "'ll", "shall", "wo"})
_MODALS = _OBLIGATION_MODALS | _INTENT_AUX | {"could", "might", "may", "can"}
_CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
_HYPOTHESIS_MARKS = frozenset({"if", "whether"})
_PARTITIVES = frozenset({"part", "some", "all", "most", "half", "portion", "bulk", "rest"})
_PROPOSAL_NOUNS = frozenset({"proposal", "offer", "plan", "pledge", "promise", "initiative"})
_PRONOUNS = frozenset({"i", "we", "he", "she", "it", "they"})
# A demand's addressee is a named party ("Libya must hand over"), not a thing or a forecast
# ("prices should rise").
_PARTY_LABELS = frozenset({"GPE", "ORG", "NORP", "PERSON"})


@dataclass
class Candidate:
    """A trigger found in a sentence, with what the rules learnt about it."""

    anchor: Any  # the token that names the event
    type: str
    mode: str | None
    kind: TriggerKind
    entry: TriggerEntry | None = None
    ground: bool = False
    light: Any | None = None  # "launched" in "launched an attack"
    complement: Any | None = None  # "violated" in "declared that Moscow violated ..."
    members: list[Any] = field(default_factory=list)  # triggers merged into this one

    @property
    def verb(self) -> Any:
        """The verb whose clause the event lives in: the light verb or the trigger itself."""
        return self.light if self.light is not None else self.anchor

    def tokens(self) -> list[Any]:
        return [self.anchor, *self.members]


def find_candidates(sentence: Any, lexicon: TriggerLexicon) -> list[Candidate]:
    """Every trigger in the sentence, merged so that each stands for one event."""
    found: list[Candidate] = []
    for token in sentence:
        candidate = _candidate(token, lexicon)
        if candidate is not None:
            found.append(candidate)
    merged = _merge(found, lexicon)
    acts = _speech_acts(sentence, merged, lexicon)
    # What a demand asks for has not happened: "said Libya must hand over the suspects" is the
    # demand, as "urged Libya to hand over" is (the content of a request is no event).
    demanded = {act.complement.i for act in acts if act.type == "REQUEST" and act.complement}
    return [c for c in merged if _clause_of(c).i not in demanded] + acts


def _candidate(token: Any, lexicon: TriggerLexicon) -> Candidate | None:
    if token.pos_ == "VERB":
        if token.dep_ in _NOMINAL_DEPS and any(c.dep_ == "det" for c in token.children):
            return None  # "evacuated the wounded": a participle naming people, not an event
        entry = verb_entry(token, lexicon)
        if entry is not None and entry.type == "ASSAULT" and _accidental(token, lexicon):
            return None
        if entry is not None and any(
            child.dep_ == "advmod" and child.lower_ in lexicon.habitual_modifiers
            for child in token.children
        ):
            return None  # "strikes that routinely kill civilians": a habit, not one event
        if entry is not None:
            candidate = Candidate(token, entry.type, entry.mode, "verb", entry, entry.ground)
            _refine_mode(candidate, lexicon)
            return candidate
        return _accusation(token, lexicon) or _characterization(token, lexicon)
    if token.pos_ in {"NOUN", "PROPN"}:
        if token.ent_type_ in _NAME_LABELS:
            return None  # "in March" is a month, not a march; "Grant" a person, not aid
        entries = lexicon.nouns.get(token.lemma_.lower()) or lexicon.nouns.get(token.lower_, ())
        # Entries with modifier conditions first: a "phone call" before any other call.
        ordered = sorted(entries, key=lambda e: not e.objects)
        entry = next((e for e in ordered if _noun_conditions_hold(token, e)), None)
        if entry is None or _aggregate(token, lexicon):
            return None
        candidate = Candidate(token, entry.type, entry.mode, "noun", entry, entry.ground)
        head = token.head
        if token.dep_ in {"dobj", "nsubjpass"} and _is_light(head, lexicon):
            candidate.light = head
        elif (
            token.dep_ in {"conj", "compound"}
            and head.dep_ == "dobj"
            and _is_light(head.head, lexicon)
            and not (token.dep_ == "compound" and _is_trigger(head, lexicon))
        ):
            # "launched a mediation effort": the trigger modifies the light verb's object
            candidate.light = head.head
        elif (
            token.dep_ == "pobj"
            and head.lower_ == "in"
            and head.head.lemma_ in lexicon.participation_verbs
        ):
            candidate.light = head.head  # "were engaged in ethnic cleansing"
        if entry.needs_light and candidate.light is None:
            return None
        if (
            candidate.type == "PROTEST"
            and candidate.light is not None
            and (candidate.light.lemma_ in lexicon.complaint_verbs)
        ):
            # "lodged an official protest": a complaint made to a party (CAMEO 114), not a
            # demonstration.
            candidate.type, candidate.mode = "ACCUSE", "allege"
        _refine_mode(candidate, lexicon)
        if candidate.type == "MOBILIZE" and (
            any(
                child.dep_ in _MODIFIER_DEPS and child.lower_ in lexicon.joint_markers
                for child in token.children
            )
            or (
                {token.lemma_.lower(), token.lower_} & lexicon.exercise_nouns
                and _coordinated_subject(candidate)
            )
        ):
            # "joint exercises", "French and Egyptian warships launched war games": military
            # cooperation (CAMEO 062), not a show of force.
            candidate.type, candidate.mode = "COOPERATE", None
        if candidate.mode == "ceasefire" and _promised(candidate, lexicon):
            # A truce only offered or promised is an intent (CAMEO 0356), not a declared one.
            candidate.type, candidate.mode = "AGREE", None
        if candidate.light is not None and candidate.light.lemma_ in lexicon.commissive_verbs:
            # "offered concessions", "pledged aid": what happened is the offer (CAMEO 03).
            _make_intent(candidate, candidate.type)
        return candidate
    return None


def _coordinated_subject(candidate: Candidate) -> bool:
    """Whether the clause's subject names two parties: "French and Egyptian warships",
    "Russia and China"."""
    return any(
        word.dep_ == "conj"
        for subject in children(candidate.verb, *SUBJECT_DEPS)
        for word in subject.subtree
    )


def _object_heads(verb: Any) -> list[Any]:
    """The verb's objects, through a partitive head: "suspended part of a military aid
    program" suspends the program."""
    heads = []
    for obj in children(verb, "dobj", "nsubjpass"):
        heads.append(obj)
        if obj.lemma_.lower() in _PARTITIVES:
            heads.extend(
                pobj
                for prep in children(obj, "prep")
                if prep.lower_ == "of"
                for pobj in children(prep, "pobj")
            )
    return heads


def _is_light(verb: Any, lexicon: TriggerLexicon) -> bool:
    return verb.lemma_ in lexicon.light_verbs or verb.lower_ in lexicon.light_verb_forms


def _is_trigger(noun: Any, lexicon: TriggerLexicon) -> bool:
    return noun.lemma_.lower() in lexicon.nouns or noun.lower_ in lexicon.nouns


def verb_entry(token: Any, lexicon: TriggerLexicon) -> TriggerEntry | None:
    """The lexicon entry whose conditions this verb meets, if any."""
    for entry in lexicon.verbs.get(token.lemma_.lower(), ()):
        if entry.particle and not any(
            child.dep_ in _PARTICLE_DEPS and child.lower_ in entry.particle
            for child in token.children
        ):
            continue
        if entry.objects or entry.object_types:
            objects = _object_heads(token)
            if not any(
                obj.lemma_.lower() in entry.objects
                or obj.lower_ in entry.objects
                or obj.ent_type_ in entry.object_types
                for obj in objects
            ):
                continue
        if entry.not_objects and any(
            obj.lemma_.lower() in entry.not_objects or obj.lower_ in entry.not_objects
            for obj in children(token, "dobj", "nsubjpass")
        ):
            # "shot down 33 drones" is an interception, "dismissed the claim" a denial.
            continue
        if entry.subjects and not any(
            subject.lemma_.lower() in entry.subjects or subject.lower_ in entry.subjects
            for subject in children(token, "nsubj")
        ):
            continue
        if entry.needs_xcomp and not children(token, "xcomp"):
            continue
        return entry
    return None


def _infinitives(verb: Any) -> list[Any]:
    """The infinitival complements of a verb: "to fight" in "have sworn to fight", which the
    parser sometimes hangs as an adverbial clause."""
    return [
        child
        for child in verb.children
        if child.dep_ == "xcomp" or (child.dep_ == "advcl" and _has_to(child))
    ]


def _has_to(verb: Any) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _infinitive_of(clause: Any) -> bool:
    return any(clause.i == child.i for child in _infinitives(clause.head))


def _accidental(verb: Any, lexicon: TriggerLexicon) -> bool:
    """ "Two soldiers were killed in a helicopter crash": an accident, not an assault."""
    return any(
        obj.lemma_.lower() in lexicon.accident_nouns
        for _prep in children(verb, "prep")
        if _prep.lower_ in {"in", "by"}
        for obj in children(_prep, "pobj")
    ) or any(
        obj.lemma_.lower() in lexicon.accident_nouns
        for agent in children(verb, "agent")
        for obj in children(agent, "pobj")
    )


def _aggregate(noun: Any, lexicon: TriggerLexicon) -> bool:
    """A plural event noun that counts or characterises many events is not one event:
    "near-daily strikes", "the number of drone attacks", "a surge of attacks"."""
    if noun.tag_ not in {"NNS", "NNPS"}:
        return False
    # "near-daily missile and drone attacks": the frequency word may hang off a compound.
    if any(
        word.lower_ in lexicon.habitual_modifiers
        for child in noun.lefts
        if child.dep_ in _MODIFIER_DEPS
        for word in child.subtree
    ):
        return True
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of":
        return bool(head.head.lemma_.lower() in lexicon.aggregate_heads)
    return False


def _noun_conditions_hold(token: Any, entry: TriggerEntry) -> bool:
    """A nominal trigger's conditions: its preposition ("a call for talks", not "a phone
    call") and, for nouns, ``objects`` as the modifiers it needs ("joint exercises")."""
    if entry.particle and not any(
        child.dep_ == "prep"
        and child.lower_ in entry.particle
        # "a call on Monday" is dated, not addressed: "on" must govern a party
        and not any(obj.ent_type_ in {"DATE", "TIME"} for obj in children(child, "pobj"))
        for child in token.children
    ):
        return False
    if entry.not_objects and any(
        obj.lemma_.lower() in entry.not_objects
        for prep in children(token, "prep")
        for obj in children(prep, "pobj")
    ):
        return False  # "a request for comment" is a reporter's, not a party's
    return not entry.objects or any(
        child.dep_ in _MODIFIER_DEPS and child.lower_ in entry.objects for child in token.children
    )


def _refine_mode(candidate: Candidate, lexicon: TriggerLexicon) -> None:
    """Give an assault the mode its modifiers name ("drone attack", "attacked with artillery"),
    and turn a "hunger strike" or "general strike" into a protest."""
    if candidate.type != "ASSAULT":
        return
    token = candidate.anchor
    words = [c for c in token.children if c.dep_ in _MODIFIER_DEPS]
    for holder in (token, candidate.light):
        if holder is None:
            continue
        for prep in children(holder, "prep"):
            if prep.lower_ in {"with", "by", "using"}:
                for obj in children(prep, "pobj"):
                    words.append(obj)
                    words.extend(c for c in obj.children if c.dep_ in _MODIFIER_DEPS)
    if token.lemma_.lower() == "strike":
        for word in words:
            protest = lexicon.protest_strikes.get(word.lower_)
            if protest is not None:
                candidate.type, candidate.mode, candidate.ground = "PROTEST", protest, False
                return
    for word in words:
        mode = lexicon.assault_modifiers.get(word.lower_) or lexicon.assault_modifiers.get(
            word.lemma_.lower()
        )
        if mode is not None:
            candidate.mode = mode
            return


def _promised(candidate: Candidate, lexicon: TriggerLexicon) -> bool:
    head = candidate.anchor.head
    if candidate.anchor.dep_ == "compound":
        # "Russia's ceasefire proposals": a truce proposed, not declared
        return bool(head.lemma_.lower() in _PROPOSAL_NOUNS)
    if candidate.anchor.dep_ == "pobj":
        head = head.head
    return bool(head.lemma_ in lexicon.promising_verbs)


def _accusation(token: Any, lexicon: TriggerLexicon) -> Candidate | None:
    """A speech verb whose complement says someone else did wrong: "Kiev declared that Moscow
    violated its own commitment" is Kiev accusing Moscow."""
    if token.lemma_ not in lexicon.speech_verbs:
        return None
    for clause in children(token, "ccomp"):
        if clause.lemma_ not in lexicon.accusatory_complements:
            continue
        # The complement must name who did wrong: "Moscow violated" does, "all on board were
        # killed" (a passive without its agent) does not, so the speaker accuses no one.
        if children(clause, "neg") or not (children(clause, "nsubj") or children(clause, "agent")):
            continue
        if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in clause.children):
            continue  # "said they will attack" forecasts or intends; it charges no one
        if clause.i < token.i and not any(t.is_quote for t in token.sent):
            # "Rebels shelled Juba on Sunday, relief officials said": attribution after the
            # fact is the report's source, not a party accusing another.
            continue
        return Candidate(token, "ACCUSE", "allege", "accusation", complement=clause)
    return None


def _characterization(token: Any, lexicon: TriggerLexicon) -> Candidate | None:
    """ "described Beijing as a major enabler": disapproval of the object (ACCUSE disapprove)."""
    if token.lemma_ not in lexicon.characterization_verbs or direct_object(token) is None:
        return None
    labels = children(token, "oprd", "xcomp", "attr")
    for prep in children(token, "prep"):
        if prep.lower_ == "as":
            labels.extend(children(prep, "pobj"))
    if any(label.lemma_.lower() in lexicon.pejoratives for label in labels):
        return Candidate(token, "ACCUSE", "disapprove", "characterization")
    return None


def intent_type(content_type: str) -> str:
    """The type of a party's stated intent to do an act of ``content_type``: AGREE for a
    cooperative act (CAMEO 03, "express intent to cooperate"), THREATEN for a material conflict
    (CAMEO 13); a verbal conflict ("vowed to reject") keeps its type."""
    if content_type in _VERBAL_CONFLICT:
        return content_type
    if "cooperation" in plover_type(content_type).quad:
        return "AGREE"
    return "THREATEN"


def _make_intent(candidate: Candidate, content_type: str) -> None:
    intent = intent_type(content_type)
    if intent != candidate.type:
        candidate.type, candidate.mode, candidate.ground = intent, None, False


def _content_of(candidate: Candidate, found: list[Candidate]) -> Candidate | None:
    """The trigger in the infinitive a verb takes: "negotiate" in "offered to negotiate"."""
    return next(
        (
            other
            for other in found
            if other is not candidate
            and other.verb.head.i == candidate.anchor.i
            and _infinitive_of(other.verb)
        ),
        None,
    )


def _takes_content(candidate: Candidate, lexicon: TriggerLexicon) -> bool:
    """Whether what the trigger's infinitive says is only its content, not an event."""
    return candidate.type in _CONTENT_TAKING_TYPES or (
        candidate.kind == "verb" and candidate.anchor.lemma_ in lexicon.commissive_verbs
    )


def _merge(found: list[Candidate], lexicon: TriggerLexicon) -> list[Candidate]:
    by_token = {c.anchor.i: c for c in found}
    dropped: set[int] = set()
    for candidate in found:
        # "vowed to strike back" threatens, "offered to negotiate" agrees: the intent takes the
        # quad of what is intended.
        if candidate.kind == "verb" and candidate.anchor.lemma_ in lexicon.commissive_verbs:
            content = _content_of(candidate, found)
            if content is not None:
                _make_intent(candidate, content.type)
    for candidate in found:
        # The light verb is part of its nominal trigger's event, whatever it means alone.
        if candidate.light is not None and candidate.light.i in by_token:
            dropped.add(candidate.light.i)
    for candidate in found:
        if candidate.kind != "noun" or candidate.light is not None:
            continue
        governor = _governing_candidate(candidate.anchor, by_token, dropped)
        # "rejected Ukraine's accusation": the accusation is what is rejected, told before.
        anchor = candidate.anchor
        is_topic = anchor.dep_ == "dobj" or (
            anchor.dep_ == "pobj" and anchor.head.lower_ in lexicon.topic_preps
        )
        if governor is not None and governor.type != candidate.type and is_topic:
            dropped.add(candidate.anchor.i)
    dropped |= _protest_purposes(found)
    dropped |= _contents(found, by_token, lexicon)
    for candidate in sorted(found, key=lambda c: -_depth(c.anchor)):
        if candidate.anchor.i in dropped:
            continue
        governor = _governing_candidate(candidate.anchor, by_token, dropped)
        if governor is not None and governor.type == candidate.type:
            governor.members.extend(candidate.tokens())
            governor.mode = governor.mode or candidate.mode
            governor.ground = governor.ground or candidate.ground
            dropped.add(candidate.anchor.i)
    return [c for c in found if c.anchor.i not in dropped]


def _protest_purposes(found: list[Candidate]) -> set[int]:
    """Demands a protest is for: "staged demonstrations to demand reforms" is one PROTEST, as
    CAMEO's "demonstrate for ..." codes (141x-144x); the protest voices the demand."""
    # The protest's words: its trigger, its light verb, the verb whose object it is ("staged").
    protests = {
        token.i
        for c in found
        if c.type == "PROTEST"
        for token in (c.anchor, c.light, c.anchor.head if c.anchor.dep_ == "dobj" else None)
        if token is not None
    }
    return {
        c.anchor.i
        for c in found
        if c.type == "REQUEST"
        and c.verb.head.i in protests
        and (_infinitive_of(c.verb) or (c.verb.dep_ == "acl" and _has_to(c.verb)))
    }


def _contents(
    found: list[Candidate], by_token: dict[int, Candidate], lexicon: TriggerLexicon
) -> set[int]:
    """Triggers in the infinitive of a content-taking trigger ("urged Russia to withdraw",
    "offered to negotiate"): what is asked, refused or offered has not happened. A commissive
    keeps their words, whose parties are its own ("offered to negotiate with Armenia")."""
    contents: set[int] = set()
    for candidate in found:
        head = by_token.get(candidate.verb.head.i)
        if (
            head is not None
            and _infinitive_of(candidate.verb)
            and _takes_content(head, lexicon)
            and head.type != candidate.type
        ):
            contents.add(candidate.anchor.i)
            if head.kind == "verb" and head.anchor.lemma_ in lexicon.commissive_verbs:
                head.members.extend(candidate.tokens())
    return contents


def _clause_of(candidate: Candidate) -> Any:
    """The verb of the clause the event is told in: its own or its light verb, or for a bare
    nominal trigger the nearest verb above it ("provide ... tons of aid")."""
    token = candidate.verb
    while token.pos_ not in {"VERB", "AUX"} and token.head.i != token.i:
        token = token.head
    return token


def _speech_acts(sentence: Any, found: list[Candidate], lexicon: TriggerLexicon) -> list[Candidate]:
    """Events a speech verb performs through its complement's modal. "Britain said that Libya
    must hand over the suspects" demands (CAMEO 10). "The rebels said they would release the
    hostages" states an intent (CAMEO 03, or 13 for a conflictual act); "said it would not meet
    the demands" declines (CAMEO 12); "said it will withdraw unless ..." threatens (CAMEO 13).
    The complement's own event stays, marked future, hypothetical or negated by its modal."""
    used = {c.anchor.i for c in found} | {c.light.i for c in found if c.light is not None}
    acts: list[Candidate] = []
    for speech in sentence:
        if speech.pos_ != "VERB" or speech.lemma_ not in lexicon.speech_verbs or speech.i in used:
            continue
        for clause in children(speech, "ccomp"):
            act = _demand(speech, clause) or _intent(speech, clause, found)
            if act is not None:
                acts.append(act)
                used.add(speech.i)
                break
    return acts


def _marked(clause: Any, marks: frozenset[str]) -> bool:
    """Whether the clause, or an adverbial clause of it, opens with one of ``marks``."""
    return any(
        (child.dep_ == "mark" and child.lower_ in marks)
        or (
            child.dep_ == "advcl"
            and any(m.dep_ == "mark" and m.lower_ in marks for m in child.children)
        )
        for child in clause.children
    )


def _names_party(token: Any) -> bool:
    """A subject naming a party: "Libya", "the Sudanese government", "the US and its allies"."""
    return any(word.ent_type_ in _PARTY_LABELS for word in token.subtree)


def _demand(speech: Any, clause: Any) -> Candidate | None:
    modals = {c.lower_ for c in clause.children if c.dep_ == "aux"}
    if not modals & _OBLIGATION_MODALS or children(clause, "neg"):
        return None
    if _marked(clause, _CONDITIONAL_MARKS):
        return None
    subjects = children(clause, *SUBJECT_DEPS)
    if not subjects or subjects[0].lower_ in _PRONOUNS or not _names_party(subjects[0]):
        return None  # "it must" is the speaker's own duty; "prices should rise" a forecast
    # Coded like an accusation: the speaker demands, the complement's subject is addressed.
    return Candidate(speech, "REQUEST", None, "accusation", complement=clause)


def _intent(speech: Any, clause: Any, found: list[Candidate]) -> Candidate | None:
    modals = {c.lower_ for c in clause.children if c.dep_ == "aux"}
    if not modals & _INTENT_AUX or _marked(clause, _HYPOTHESIS_MARKS):
        return None
    content = next((c for c in found if _clause_of(c).i == clause.i), None)
    if content is None:
        return None
    subjects = children(clause, *SUBJECT_DEPS)
    own = bool(subjects) and subjects[0].lower_ in _PRONOUNS
    intent = intent_type(content.type)
    if children(clause, "neg"):
        # "said it would not meet the demands": declining to cooperate (CAMEO 12).
        intent = "REJECT" if intent == "AGREE" else ""
    elif _marked(clause, frozenset({"unless"})):
        intent = "THREATEN"  # an act held over another party until it yields: an ultimatum
    if intent not in {"AGREE", "THREATEN", "REJECT"} or content.type == intent:
        return None  # "said it would reject": the rejection itself, told ahead
    # The party speaks of itself ("said they would release"), or the statement is told first
    # and attributed after ("Portugal will support the bid, its president said"); a forecast
    # about another party ("Kyiv said Moscow will attack") states no intent of the speaker's.
    if not (own or (intent == "AGREE" and clause.i < speech.i)):
        return None
    if intent == "REJECT":
        # Told at the speech verb: the act's own clause is negated, the refusal is not.
        return Candidate(speech, intent, None, "verb", members=content.tokens())
    # The intent is told at the act's verb, whose subject and objects are the intent's parties
    # ("Portugal will support Turkey's bid, its president said"), with the speech verb as the
    # clause it was stated in: its date, and no future mode of its own.
    return Candidate(_clause_of(content), intent, None, "verb", light=speech)


def _governing_candidate(
    token: Any, by_token: dict[int, Candidate], dropped: set[int]
) -> Candidate | None:
    """The nearest trigger (or light verb of one) that governs ``token`` within three steps;
    a conjoined verb joins only when it shares its subject ("were killed and wounded")."""
    current = token
    for _ in range(3):
        # A coordinated or adverbial clause with a subject of its own tells another event:
        # "regained control ... eight months after Ukrainian forces launched an incursion".
        own_subject = bool(children(current, *SUBJECT_DEPS))
        joins = (
            current.dep_ in _JOINING_DEPS and not (current.dep_ == "advcl" and own_subject)
        ) or (current.dep_ == "conj" and not own_subject)
        if not joins or current.head.i == current.i:
            return None
        current = current.head
        for candidate in by_token.values():
            if candidate.anchor.i in dropped or candidate.anchor.i == token.i:
                continue
            if current.i == candidate.anchor.i or (
                candidate.light is not None and current.i == candidate.light.i
            ):
                return candidate
    return None


def _depth(token: Any) -> int:
    depth = 0
    while token.head.i != token.i:
        token = token.head
        depth += 1
    return depth
