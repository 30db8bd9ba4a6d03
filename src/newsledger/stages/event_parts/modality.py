"""PLOVER auxiliary modes: whether an event was negated, hypothetical, future or historical.

An event the text says did not happen ("did not attack"), might happen ("could walk away", "is
prepared to recognize", "if ... would", "whether ..."), or will happen ("will sign", "plans to
deploy") is still listed, marked so the ledger can leave it out of maps and counts. Negation wins
over hypothesis, hypothesis over future: "will not join" is negated. An event dated by the text to
a year well before publication ("in 1945") is historical: it happened, long ago.
"""

from __future__ import annotations

from typing import Any

from newsledger.model import AuxMode
from newsledger.resources.event_triggers import trigger_lexicon
from newsledger.stages.event_parts.candidate import VERBAL_CONFLICT_TYPES
from newsledger.stages.event_parts.modals import (
    CONDITIONAL_MODALS,
    FUTURE_MODALS,
    OBLIGATION_MODALS,
    POSSIBILITY_MODALS,
)
from newsledger.stages.event_parts.syntax import direct_object

_HYPOTHETICAL_MODALS = POSSIBILITY_MODALS | OBLIGATION_MODALS | CONDITIONAL_MODALS
_FUTURE_AUX = FUTURE_MODALS
_HYPOTHETICAL_MARKS = frozenset({"if", "whether", "unless"})
# Words that put what they govern in the realm of the possible: hopes, attempts, readiness,
# demands and fears are about events that have not (yet) happened.
_HYPOTHETICAL_GOVERNORS = frozenset(
    {
        "hope",
        "want",
        "wish",
        "seek",
        "try",
        "attempt",
        "prepare",
        "prepared",
        "ready",
        "readiness",
        "willing",
        "willingness",
        "eager",
        "keen",
        "anxious",
        "determined",
        "desire",
        "consider",
        "propose",
        "fear",
        "threaten",
        "possible",
        "potential",
        "effort",
        "bid",
        "prospect",
        "possibility",
        "aim",
        "need",
        "able",
        "unable",
        "prevent",
        "avoid",
        "unclear",
        "refuse",
        "deny",
        "reject",
        "decline",
        # the small model lemmatizes "hoping" as "hop"
        "hoping",
        "hoped",
        "hopes",
    }
)
# An attempted act of force is an act of force (CAMEO 185 codes an attempted assassination; a
# road protesters "tried to block" was blocked, if not for long); an attempt to talk or to help
# may come to nothing, and stays hypothetical.
_ATTEMPTS = frozenset({"try", "attempt"})
_MATERIAL_CONFLICT = frozenset({"ASSAULT", "COERCE", "PROTEST"})
# Requests make hypothetical only the act they ask for: "urged Russia to withdraw".
_REQUEST_GOVERNORS = frozenset({"urge", "ask", "demand", "request", "call", "offer", "press"})
# Relations through which a governor's hypothetical reach extends down to the event.
_GOVERNED_DEPS = frozenset(
    {
        "xcomp",
        "acomp",
        "prep",
        "pobj",
        "pcomp",
        "acl",
        "dobj",
        "conj",
        "amod",
        "advcl",
        "nsubj",
        "nsubjpass",
        "attr",
        "oprd",
        "compound",
        "appos",
    }
)
# Relative clauses are not listed above: "Crimea, which was annexed in 2014" is presupposed,
# whatever the sentence around it hopes or fears.
_SETTING_PREPS = frozenset({"at", "during", "amid", "after", "before", "since"})
# "failed to reach an agreement": the act did not happen.
_NEGATING_GOVERNORS = frozenset({"fail"})
# "agreed to lift the sanctions": the lifting is agreed, not yet done.
_FUTURE_GOVERNORS = frozenset(
    {"plan", "intend", "expect", "schedule", "vow", "pledge", "promise", "agree"}
)
_TEMPORAL_MARKS = frozenset({"after", "when", "once", "until", "before", "as", "till"})
_FUTURE_MODIFIERS = frozenset({"upcoming", "planned", "future", "forthcoming", "next"})
_HYPOTHETICAL_MODIFIERS = frozenset({"possible", "potential", "proposed", "hypothetical"})


def aux_mode(
    anchor: Any, clause: Any, date: str | None, date_source: str | None, published: str | None
) -> AuxMode | None:
    """The auxiliary mode of the event named at ``anchor`` whose clause verb is ``clause``."""
    if _negated(anchor) or _negated(clause):
        return "negation"
    if clause.dep_ == "xcomp" and clause.head.lemma_.lower() in _NEGATING_GOVERNORS:
        return "negation"
    if (
        clause.dep_ == "xcomp"
        and any(c.dep_ == "advmod" and c.lower_ == "yet" for c in clause.head.children)
        and (anchor.i == clause.i or _first_object(anchor, clause))
    ):
        return "negation"  # "Russia is yet to send its proposals": it has not sent them
    if _hypothetical(anchor, clause):
        return "hypothetical"
    if _future(anchor, clause):
        return "future"
    if date_source == "text" and date and published and int(date[:4]) <= int(published[:4]) - 2:
        return "historical"
    return None


def _first_object(anchor: Any, clause: Any) -> bool:
    """The clause verb's first direct object: "yet to send its proposals - a key demand by
    Kyiv" has not sent the proposals; the demand, a second object the parser made of an
    apposition, was made."""
    first = direct_object(clause)
    return first is not None and first.i == anchor.i


def _negated(token: Any) -> bool:
    for child in token.children:
        if child.dep_ == "det" and child.lower_ == "no":
            return True
        # "whether or not" is a question, not a negation
        if child.dep_ == "neg" and not (child.i > 0 and child.doc[child.i - 1].lower_ == "or"):
            return True
    return False


def _hypothetical(anchor: Any, clause: Any) -> bool:
    if any(c.dep_ == "amod" and c.lower_ in _HYPOTHETICAL_MODIFIERS for c in anchor.children):
        return True
    if clause.dep_ in {"xcomp", "ccomp"} and clause.head.lemma_.lower() in _REQUEST_GOVERNORS:
        return True
    if clause.dep_ in {"advcl", "acl"} and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children
    ):
        # A purpose infinitive is what was meant to happen: "a drive to regain the territory".
        return True
    token = anchor
    via = ""  # the relation by which the climb reached ``token``
    while True:
        for child in token.children:
            if (
                child.dep_ == "aux"
                and child.lower_ in _HYPOTHETICAL_MODALS
                and not (child.lower_ == "would" and _reported(token))
            ):
                return True
            if child.dep_ == "mark" and child.lower_ in _HYPOTHETICAL_MARKS:
                return True
        if (
            token.i != anchor.i
            # "launched a mediation effort": the effort is the event named, not its prospect
            and not (anchor.dep_ == "compound" and token.i == anchor.head.i)
            and (
                token.lemma_.lower() in _HYPOTHETICAL_GOVERNORS
                or token.lower_ in _HYPOTHETICAL_GOVERNORS
            )
            and not (token.lemma_.lower() in _ATTEMPTS and _types_all(anchor, _MATERIAL_CONFLICT))
            # "denied the counterpart's accusations": what is denied or rejected was said
            and not (
                anchor.dep_ == "dobj"
                and token.i == anchor.head.i
                and _types_all(anchor, VERBAL_CONFLICT_TYPES)
            )
            # "denied the accusations, asserting that ...": a verb reaches its complements, not
            # the acts coordinated with it or told beside it
            and not (token.pos_ == "VERB" and via in {"conj", "advcl"})
        ):
            return True
        if token.head.i == token.i:
            return False
        if token.dep_ == "prep" and token.lower_ in _SETTING_PREPS:
            # "At a Security Council meeting, X denied ...": the setting is not in the scope of
            # what is denied or hoped; a governor reaches its complements, not its adjuncts.
            return False
        if token.dep_ not in _GOVERNED_DEPS:
            # a complement clause is hypothetical only under a verb of hoping or fearing
            return bool(
                token.dep_ == "ccomp" and token.head.lemma_.lower() in _HYPOTHETICAL_GOVERNORS
            )
        via = token.dep_
        token = token.head


def _types_all(anchor: Any, types: frozenset[str]) -> bool:
    """Whether every lexicon entry of the word has one of ``types``: "block" and "storm" name
    only material conflict, "accusation" only verbal conflict."""
    lexicon = trigger_lexicon()
    table = lexicon.verbs if anchor.pos_ == "VERB" else lexicon.nouns
    entries = table.get(anchor.lemma_.lower(), ())
    return bool(entries) and all(entry.type in types for entry in entries)


def _future(anchor: Any, clause: Any) -> bool:
    if any(c.dep_ == "amod" and c.lower_ in _FUTURE_MODIFIERS for c in anchor.children):
        return True
    for child in clause.children:
        if child.dep_ == "aux" and (
            child.lower_ in _FUTURE_AUX or (child.lower_ == "would" and _reported(clause))
        ):
            return True
    head = clause.head
    if clause.dep_ == "xcomp" and head.lemma_.lower() in _FUTURE_GOVERNORS:
        return True
    if (
        clause.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ in _TEMPORAL_MARKS for c in clause.children)
        and any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in head.children)
    ):
        # "will keep its base after American troops leave Syria": English tells a future act
        # in the present tense in a time clause of a future one.
        return True
    # "is going to attack"
    return bool(clause.dep_ == "xcomp" and head.lower_ == "going")


def _reported(verb: Any) -> bool:
    """A complement of a speech verb with no condition of its own: its "would" is the "will" of
    what was said ("said it would release them"), a future, not a hypothesis."""
    return bool(
        verb.dep_ == "ccomp"
        and verb.head.lemma_ in trigger_lexicon().speech_verbs
        and not any(
            (child.dep_ == "mark" and child.lower_ in _HYPOTHETICAL_MARKS)
            or (
                child.dep_ == "advcl"
                and any(
                    m.dep_ == "mark" and m.lower_ in _HYPOTHETICAL_MARKS for m in child.children
                )
            )
            for child in verb.children
        )
    )
