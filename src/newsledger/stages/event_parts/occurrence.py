"""Whether a trigger the lexicon found tells an occurrence, or only names an event in passing.

A trigger word can name an event that the sentence does not say took place, and that no reader
of the article would list:
- the topic of a discussion ("to discuss a ceasefire deal");
- the aim an act opens or entertains ("pave the way for talks", "entertain the idea of a summit");
- an act inside a manner question ("how Israel will negotiate") or inside a question about
  something else ("could not determine if the crew knew it was firing");
- the condition a threat sets ("if they do not back down"), and what a purpose clause with a
  modal hopes for ("so its troops could seize more land");
- the claim a party denies ("denied claims that it was forced out"), and the denial of a fact
  itself ("denied its troops were involved": CAMEO 016, which PLOVER drops);
- a grievance or a class ("retaliation for attacks on civilians", "among its most urgent
  requests"), and a party's standing policy ("we don't target journalists");
- a source's wish about the reporting ("asked not to be identified", "asked to convey its
  relief");
- an event told before, by which a person is identified ("a veteran who organised the
  demonstrations"), and a claim judged true or false ("the ministry's allegations are false").
:func:`not_occurrences` gives the triggers of a sentence that such a rule leaves out; the events
stage codes the rest. Each rule reads only the parse and the word lists of the trigger lexicon.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsledger.stages.event_parts.candidate import Candidate, clause_of
from newsledger.stages.event_parts.modals import (
    CONDITIONAL_MODALS,
    FUTURE_MODALS,
    POSSIBILITY_MODALS,
)
from newsledger.stages.event_parts.syntax import child_words, children

if TYPE_CHECKING:
    from newsledger.resources.event_triggers import TriggerLexicon

_MANNER_WORDS = frozenset({"how", "why"})
_MODALS = FUTURE_MODALS | CONDITIONAL_MODALS | POSSIBILITY_MODALS | {"should"}
# Relations along which a nominal trigger is what the noun above it is about or for.
_NOMINAL_CHAIN = frozenset({"pobj", "prep", "compound"})
_DETERMINERS = frozenset({"det", "poss", "nummod"})
_TRUTH_VALUES = frozenset(
    {"false", "true", "untrue", "baseless", "unfounded", "groundless", "correct", "wrong"}
)
_POSSIBLE = frozenset({"possible", "potential", "hypothetical"})
_DEFINITE = frozenset({"the", "these", "those", "this", "that"})
# "denied that its troops were involved": denying a fact is CAMEO 016 (deny responsibility),
# which PLOVER drops; refusing a demand or rejecting an accusation is REJECT (CAMEO 12).
_FACT_DENIALS = frozenset({"deny"})
# Types that may set a condition on another party: an ultimatum, a demand, a conditional offer.
_CONDITIONING_TYPES = frozenset({"THREATEN", "REQUEST", "AGREE"})


def not_occurrences(candidates: list[Candidate], lexicon: TriggerLexicon) -> set[int]:
    """Anchor positions of the candidates that name no occurrence."""
    denied = _denied_clauses(candidates)
    left_out: set[int] = set()
    for candidate in candidates:
        clause = clause_of(candidate)
        if (
            _asks_anonymity(candidate, lexicon)
            or _denies_a_fact(candidate)
            or _generic_stance(candidate)
            or _indirect_question(clause)
            or _modal_purpose(clause)
            or _condition_of(clause, candidates)
            or clause.i in denied
            or (
                candidate.kind == "noun"
                and candidate.light is None
                and _named_only(candidate, lexicon)
            )
            or _identifies_a_person(candidate, clause)
            or _judged_claim(candidate)
        ):
            left_out.add(candidate.anchor.i)
    return left_out


def _judged_claim(candidate: Candidate) -> bool:
    """ "told Polygraph.info the Russian Defense Ministry's allegations are false": a claim
    judged true or false was made before; the judgement is about it, and is no new claim."""
    anchor = candidate.anchor
    if candidate.kind != "noun" or anchor.dep_ != "nsubj" or anchor.head.lemma_ != "be":
        return False
    return any(c.dep_ == "acomp" and c.lower_ in _TRUTH_VALUES for c in anchor.head.children)


def _identifies_a_person(candidate: Candidate, clause: Any) -> bool:
    """ "Petrenko, a veteran who organised the demonstrations": a definite event
    noun in a relative clause on a person names the person by an event told before."""
    anchor = candidate.anchor
    if candidate.kind != "noun" or clause.dep_ != "relcl":
        return False
    if not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in anchor.children):
        return False
    person = clause.head
    return bool(
        person.ent_type_ == "PERSON"
        or (person.dep_ == "appos" and person.head.ent_type_ == "PERSON")
    )


def _asks_anonymity(candidate: Candidate, lexicon: TriggerLexicon) -> bool:
    """ "asked not to be identified", "declined to give his real name": a source's request
    about how the report names them."""
    if candidate.kind != "verb" or candidate.type not in {"REQUEST", "REJECT"}:
        return False
    for content in children(candidate.anchor, "xcomp", "advcl", "ccomp"):
        words = [content, *children(content, "dobj", "nsubjpass")]
        if any(w.lemma_.lower() in lexicon.anonymity_words for w in words):
            return True
    return False


def _denies_a_fact(candidate: Candidate) -> bool:
    """ "Russia denied any of its troops were involved": a denial with a clause, not of a
    demand, a proposal or an accusation named as an object."""
    verb = candidate.anchor
    return (
        candidate.kind == "verb"
        and candidate.type == "REJECT"
        and verb.lemma_.lower() in _FACT_DENIALS
        and bool(children(verb, "ccomp"))
        and not children(verb, "dobj")
    )


def _generic_stance(candidate: Candidate) -> bool:
    """ "We don't target journalists", "we support voluntary returns": a party's standing
    conduct or policy toward a kind of thing (a bare plural object, in the simple present, said
    of itself or denied) is a stance, not an occurrence."""
    verb = candidate.anchor
    if candidate.kind != "verb" or verb.pos_ != "VERB":
        return False
    auxiliaries = child_words(verb, "aux")
    present = verb.tag_ in {"VBP", "VBZ"} or (verb.tag_ == "VB" and auxiliaries & {"do", "does"})
    if not present:
        return False
    generic = any(
        obj.tag_ == "NNS" and not any(c.dep_ in _DETERMINERS for c in obj.children)
        for obj in children(verb, "dobj")
    )
    first_person = any(s.lower_ in {"we", "i"} for s in children(verb, "nsubj"))
    # "impunity for security forces who kill protesters": a relative clause of a kind
    return generic and (first_person or bool(children(verb, "neg")) or verb.dep_ == "relcl")


def _indirect_question(clause: Any) -> bool:
    """ "questions over how Sinwar will manage negotiations": a manner or reason question asks
    how an act will go, not whether; "could not determine if the crew knew it was firing": an
    act inside a question about something else (what the crew knew) is not told by it. A
    yes/no question about the act itself ("unclear whether Washington will negotiate") is a
    hypothetical event, and stays (``modality``)."""
    words = {c.lower_ for c in clause.children if c.dep_ == "advmod" and c.i < clause.i}
    if words & _MANNER_WORDS and any(
        c.dep_ == "aux" and c.lower_ in _MODALS for c in clause.children
    ):
        return True
    current = clause
    for _ in range(4):
        if current.dep_ not in {"ccomp", "xcomp", "conj"} or current.head.i == current.i:
            return False
        current = current.head
        marks = child_words(current, "mark")
        if current.dep_ == "ccomp" and marks & {"whether", "if"}:
            return True
    return False


def _condition_of(clause: Any, candidates: list[Candidate]) -> bool:
    """ "threatened Russia with sanctions if they did not back down": the condition a threat,
    demand or offer sets is what is asked of the other party, not an event."""
    if clause.dep_ != "advcl" or not any(
        c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in clause.children
    ):
        return False
    return any(c.verb.i == clause.head.i and c.type in _CONDITIONING_TYPES for c in candidates)


def _modal_purpose(clause: Any) -> bool:
    """ "so Russian troops could seize more territory": a purpose clause with a modal is what
    the main act was meant to make possible."""
    if clause.dep_ != "advcl":
        return False
    marked = any(c.dep_ == "mark" and c.lower_ == "so" for c in clause.children)
    return marked and any(c.dep_ == "aux" and c.lower_ in _MODALS for c in clause.children)


def _denied_clauses(candidates: list[Candidate]) -> set[int]:
    """Clauses a refusal or denial has as its content: "denied claims that it has been forced
    out", "rejected reports that troops had crossed". What is denied is the denial's topic."""
    clauses: set[int] = set()
    for candidate in candidates:
        if candidate.type != "REJECT" or candidate.kind != "verb" or candidate.entry is None:
            continue  # a refusal told by a speech verb ("said it would not") keeps its act
        verb = candidate.anchor
        clauses.update(c.i for c in children(verb, "ccomp"))
        for obj in children(verb, "dobj"):
            clauses.update(c.i for c in children(obj, "acl", "ccomp") if c.pos_ in {"VERB", "AUX"})
    return clauses


def _is_prospect(token: Any, lexicon: TriggerLexicon) -> bool:
    # "hope" may be parsed as a verb ("gives us hope for"), and lemmatized as "hop"
    return token.pos_ in {"NOUN", "VERB"} and (
        token.lemma_.lower() in lexicon.prospect_nouns or token.lower_ in lexicon.prospect_nouns
    )


def _named_only(candidate: Candidate, lexicon: TriggerLexicon) -> bool:
    """A nominal trigger that names an event as a topic, a prospect or a kind, not as one that
    happened."""
    anchor = candidate.anchor
    head = anchor.head
    if (
        anchor.dep_ == "dobj"
        and head.lemma_.lower() in lexicon.topic_verbs
        # "undermine a possible truce" names a possible event, which is coded as hypothetical
        and not any(c.dep_ == "amod" and c.lower_ in _POSSIBLE for c in anchor.children)
    ):
        return True  # "to discuss a ceasefire deal", "will not advance negotiations"
    current = anchor
    for _ in range(4):
        if current.dep_ not in _NOMINAL_CHAIN or current.head.i == current.i:
            break
        current = current.head
        # The prospect an act opens or entertains: "pave the way for talks", "entertain the
        # idea of a summit", "gives us hope for the success of negotiations". A prospect only
        # spoken of ("against the backdrop of the prospect of a peace deal") names a possible
        # event, which is coded as hypothetical.
        if (
            _is_prospect(current, lexicon) and (current.pos_ == "VERB" or current.dep_ == "dobj")
        ) or (
            current.pos_ == "VERB"
            and any(_is_prospect(obj, lexicon) for obj in children(current, "dobj"))
        ):
            return True
    if anchor.tag_ not in {"NNS", "NNPS"} or anchor.dep_ != "pobj":
        return False
    if head.lower_ == "among":
        return True  # "are among Ukraine's most urgent requests": a class of them
    if any(c.dep_ in _DETERMINERS for c in anchor.children):
        return False  # "in retaliation for the attacks of May 22": particular ones
    return head.lower_ == "for" and head.head.lemma_.lower() in lexicon.response_nouns
