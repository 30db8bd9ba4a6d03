"""Events told by a speech verb: accusations, characterizations, demands and stated intents.

"Kiev declared that Moscow violated its own commitment" accuses Moscow (ACCUSE allege); "described
Beijing as a major enabler" disapproves of it (ACCUSE disapprove). A speech verb also performs acts
through its complement's modal: "said Libya must hand over the suspects" demands (REQUEST), "said it
would release them" states an intent (CAMEO 03, or 13 for a conflictual act), "said it would not"
declines (REJECT), "will withdraw unless ..." threatens. A speech verb that a caller's verb
dictionary knows performs only what that dictionary codes (:mod:`triggers`).
"""

from __future__ import annotations

from typing import Any

from newsledger.resources.actors import sector_for_words
from newsledger.resources.event_triggers import TriggerLexicon, caller_verb_dictionary
from newsledger.stages.coreference import SUBJECT_DEPS
from newsledger.stages.event_parts.candidate import Candidate, clause_of, intent_type
from newsledger.stages.event_parts.modals import (
    CONDITIONAL_MODALS,
    FUTURE_MODALS,
    OBLIGATION_MODALS,
    POSSIBILITY_MODALS,
)
from newsledger.stages.event_parts.syntax import child_words, children, direct_object

# Modals by which a speaker says what another party has to do: a demand (CAMEO 10).
_OBLIGATION_MODALS = OBLIGATION_MODALS
# Auxiliaries by which a speaker announces what a party is going to do ("said it would").
_INTENT_AUX = FUTURE_MODALS | CONDITIONAL_MODALS
_MODALS = _OBLIGATION_MODALS | _INTENT_AUX | POSSIBILITY_MODALS
_CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
_HYPOTHESIS_MARKS = frozenset({"if", "whether"})
_READINESS = frozenset({"willing", "ready", "prepared"})
_PRONOUNS = frozenset({"i", "we", "he", "she", "it", "they"})
# A demand's addressee is a named party ("Libya must hand over"), not a thing or a forecast
# ("prices should rise").
_PARTY_LABELS = frozenset({"GPE", "ORG", "NORP", "PERSON"})


def accusation(token: Any, lexicon: TriggerLexicon) -> Candidate | None:
    """A speech verb whose complement says someone else did wrong: "Kiev declared that Moscow
    violated its own commitment" is Kiev accusing Moscow, and so is "claiming the EU is backing
    an armed coup" (a wrongdoing as the complement's object)."""
    if token.lemma_ not in lexicon.speech_verbs:
        return None
    for clause in children(token, "ccomp"):
        if clause.lemma_ not in lexicon.accusatory_complements and not any(
            obj.lemma_.lower() in lexicon.wrongdoings for obj in children(clause, "dobj")
        ):
            continue  # "claiming the EU is backing an armed coup" charges the EU with one
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


def characterization(token: Any, lexicon: TriggerLexicon) -> Candidate | None:
    """ "described Beijing as a major enabler": disapproval of the object (ACCUSE disapprove)."""
    if token.lemma_ not in lexicon.characterization_verbs:
        return None
    # "called the Kremlin leader crazy": the parser hangs the label on the object it follows,
    # and may take that object for the predicate (oprd)
    obj = direct_object(token) or next(
        (c for c in children(token, "oprd") if c.pos_ in {"NOUN", "PROPN"}), None
    )
    if obj is None:
        return None
    labels = children(token, "oprd", "xcomp", "attr")
    labels.extend(c for c in obj.children if c.dep_ == "amod" and c.i > obj.i)
    for prep in children(token, "prep"):
        if prep.lower_ == "as":
            labels.extend(children(prep, "pobj"))
    if any(label.lemma_.lower() in lexicon.pejoratives for label in labels):
        return Candidate(token, "ACCUSE", "disapprove", "characterization")
    return None


def speech_acts(sentence: Any, found: list[Candidate], lexicon: TriggerLexicon) -> list[Candidate]:
    """Events a speech verb performs through its complement's modal. "Britain said that Libya
    must hand over the suspects" demands (CAMEO 10). "The rebels said they would release the
    hostages" states an intent (CAMEO 03, or 13 for a conflictual act); "said it would not meet
    the demands" declines (CAMEO 12); "said it will withdraw unless ..." threatens (CAMEO 13).
    The complement's own event stays, marked future, hypothetical or negated by its modal."""
    used = {c.anchor.i for c in found} | {c.light.i for c in found if c.light is not None}
    acts: list[Candidate] = []
    dictionary = caller_verb_dictionary()
    for speech in sentence:
        if speech.pos_ != "VERB" or speech.lemma_ not in lexicon.speech_verbs or speech.i in used:
            continue
        if dictionary is not None and dictionary.code_for(sentence, speech) is not None:
            continue  # the caller's dictionary has said what this verb does
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
    """A subject naming a party: "Libya", "the Sudanese government", "the US and its allies",
    or an institution by its common noun ("the authorities must end", "police should")."""
    definite = any(c.dep_ == "poss" or c.lower_ == "the" for c in token.children)
    if definite and sector_for_words([token.lemma_.lower()]) is not None:
        return True  # not "all parties should": a call on no one in particular
    return any(word.ent_type_ in _PARTY_LABELS for word in token.subtree)


def _demand(speech: Any, clause: Any) -> Candidate | None:
    modals = child_words(clause, "aux")
    if not modals & _OBLIGATION_MODALS or children(clause, "neg"):
        return None
    if _marked(clause, _CONDITIONAL_MARKS):
        return None
    subjects = children(clause, *SUBJECT_DEPS)
    if not subjects or subjects[0].lower_ in _PRONOUNS or not _names_party(subjects[0]):
        return None  # "it must" is the speaker's own duty; "prices should rise" a forecast
    # Coded like an accusation: the speaker demands, the complement's subject is addressed.
    return Candidate(speech, "REQUEST", None, "accusation", complement=clause)


def _readiness(clause: Any) -> tuple[Any, Any] | None:
    """ "is willing to withdraw": the adjective of readiness and the act it governs."""
    if clause.lemma_ != "be":
        return None
    for adjective in children(clause, "acomp"):
        if adjective.lower_ in _READINESS:
            acts = children(adjective, "xcomp")
            if acts:
                return adjective, acts[0]
    return None


def _intent(speech: Any, clause: Any, found: list[Candidate]) -> Candidate | None:
    modals = child_words(clause, "aux")
    # "Syria says it is willing to withdraw its troops": stated readiness is an expression of
    # intent (CAMEO 03), as "said it would withdraw" is.
    ready = _readiness(clause)
    if (not modals & _INTENT_AUX and ready is None) or _marked(clause, _HYPOTHESIS_MARKS):
        return None
    act_clause = ready[1] if ready is not None else clause
    content = next((c for c in found if clause_of(c).i == act_clause.i), None)
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
    if ready is not None:
        # Told at the adjective, which states the readiness as a fact, not a prospect.
        return Candidate(ready[0], intent, None, "verb", light=speech)
    # The intent is told at the act's verb, whose subject and objects are the intent's parties
    # ("Portugal will support Turkey's bid, its president said"), with the speech verb as the
    # clause it was stated in: its date, and no future mode of its own.
    return Candidate(clause_of(content), intent, None, "verb", light=speech)
