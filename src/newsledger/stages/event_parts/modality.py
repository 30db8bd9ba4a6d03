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
from newsledger.stages.event_parts.syntax import ancestors_in_sentence

_HYPOTHETICAL_MODALS = frozenset({"could", "would", "might", "may", "should", "must", "can"})
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_HYPOTHETICAL_MARKS = frozenset({"if", "whether", "unless"})
# Words that put what they govern in the realm of the possible: hopes, attempts, readiness,
# demands and fears are about events that have not (yet) happened.
_HYPOTHETICAL_GOVERNORS = frozenset(
    {"hope", "want", "wish", "seek", "try", "attempt", "prepare", "prepared", "ready", "readiness",
     "willing", "willingness", "consider", "propose", "fear", "threaten", "possible", "potential",
     "effort", "bid", "prospect", "possibility", "aim", "urge", "ask", "demand", "request",
     "call", "need", "offer", "able", "unable", "prevent", "avoid", "unclear", "if", "whether",
     "refuse", "deny", "reject"}
)
_FUTURE_GOVERNORS = frozenset({"plan", "intend", "expect", "schedule", "vow", "pledge", "promise"})
_FUTURE_MODIFIERS = frozenset({"upcoming", "planned", "future", "forthcoming", "next"})
_HYPOTHETICAL_MODIFIERS = frozenset({"possible", "potential", "proposed", "hypothetical"})


def aux_mode(
    anchor: Any, clause: Any, date: str | None, date_source: str | None, published: str | None
) -> AuxMode | None:
    """The auxiliary mode of the event named at ``anchor`` whose clause verb is ``clause``."""
    if _negated(anchor) or _negated(clause):
        return "negation"
    if _hypothetical(anchor, clause):
        return "hypothetical"
    if _future(anchor, clause):
        return "future"
    if date_source == "text" and date and published and int(date[:4]) <= int(published[:4]) - 2:
        return "historical"
    return None


def _negated(token: Any) -> bool:
    return any(
        child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no")
        for child in token.children
    )


def _hypothetical(anchor: Any, clause: Any) -> bool:
    if any(c.dep_ == "amod" and c.lower_ in _HYPOTHETICAL_MODIFIERS for c in anchor.children):
        return True
    for token in (clause, *ancestors_in_sentence(clause)):
        for child in token.children:
            if child.dep_ == "aux" and child.lower_ in _HYPOTHETICAL_MODALS:
                return True
            if child.dep_ == "mark" and child.lower_ in _HYPOTHETICAL_MARKS:
                return True
        if token is not clause and token.lemma_.lower() in _HYPOTHETICAL_GOVERNORS:
            return True
    return False


def _future(anchor: Any, clause: Any) -> bool:
    if any(c.dep_ == "amod" and c.lower_ in _FUTURE_MODIFIERS for c in anchor.children):
        return True
    for child in clause.children:
        if child.dep_ == "aux" and child.lower_ in _FUTURE_AUX:
            return True
    head = clause.head
    if clause.dep_ == "xcomp" and head.lemma_.lower() in _FUTURE_GOVERNORS:
        return True
    # "is going to attack"
    return bool(clause.dep_ == "xcomp" and head.lower_ == "going")
