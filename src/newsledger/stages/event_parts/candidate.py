"""A trigger found in a sentence (:class:`Candidate`), and the type of a party's stated intent.

:mod:`triggers` finds and merges candidates, :mod:`speech_acts` builds those a speech verb
performs, and the events stage turns each into an :class:`~newsledger.model.Event`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from newsledger.resources.event_triggers import TriggerEntry
from newsledger.resources.plover import plover_type

TriggerKind = Literal["verb", "noun", "accusation", "characterization"]

# PLOVER's verbal conflict types. They keep their own type under a commissive verb: "vowed to
# reject" rejects.
VERBAL_CONFLICT_TYPES = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN"})
# Event types that are speech acts: done by saying them, where and when they are said.
SPEECH_ACT_TYPES = VERBAL_CONFLICT_TYPES | {"SUPPORT", "AGREE", "CONCEDE"}
# Interactions two parties do with each other, so coordinated subjects are actor and target.
RECIPROCAL_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})
# Verbs by which an agreement is signed: PLOVER's SUPPORT ("ratify, sign, or finalize an
# agreement", CAMEO 057), done, like agreeing, with the other signatory.
SIGNING_VERBS = frozenset({"sign", "ratify", "finalize", "finalise"})


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
    # The CAMEO root a caller's verb dictionary coded ("02"), which the event keeps: its type is
    # then PLOVER's for that code, and rules that retype an event leave it alone.
    cameo: str | None = None
    # The second code of the dictionary's symmetric pair ("[032:033]"): the target's act toward
    # the actor, which PETRARCH lists as an event of its own.
    reverse_code: str | None = None
    # The heads of the phrases a caller's pattern marked as source ("$") and target ("+"):
    # the dictionary has said who did it to whom, so the parse is not asked.
    source: Any | None = None
    target: Any | None = None

    @property
    def verb(self) -> Any:
        """The verb whose clause the event lives in: the light verb or the trigger itself."""
        return self.light if self.light is not None else self.anchor

    def tokens(self) -> list[Any]:
        return [self.anchor, *self.members]


def intent_type(content_type: str) -> str:
    """The type of a party's stated intent to do an act of ``content_type``: AGREE for a
    cooperative act (CAMEO 03, "express intent to cooperate"), THREATEN for a material conflict
    (CAMEO 13); a verbal conflict ("vowed to reject") keeps its type."""
    if content_type in VERBAL_CONFLICT_TYPES:
        return content_type
    if "cooperation" in plover_type(content_type).quad:
        return "AGREE"
    return "THREATEN"


def is_reciprocal(candidate: Candidate) -> bool:
    """Whether the event is done by two parties with each other ("Russia and Belarus signed a
    treaty", "met"): its coordinated subjects are actor and target, not one compound actor."""
    if candidate.type in RECIPROCAL_TYPES:
        return True
    light = candidate.light
    return candidate.type == "SUPPORT" and light is not None and light.lemma_ in SIGNING_VERBS


def clause_of(candidate: Candidate) -> Any:
    """The verb of the clause the event is told in: its own or its light verb, or for a bare
    nominal trigger the nearest verb above it ("provide ... tons of aid"). The one notion of
    "the event's clause": its date, mode and occurrence are all read from it."""
    token = candidate.verb
    while token.pos_ not in {"VERB", "AUX"} and token.head.i != token.i:
        token = token.head
    return token
