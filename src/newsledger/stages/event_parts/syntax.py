"""Dependency-tree helpers for the events stage: subjects, objects, phrases and referents.

spaCy tokens are untyped here (``Any``): the stage keeps the parse internal, and these helpers
answer the few questions the event rules ask of it. Who is the subject of a verb that has none of
its own ("Kiev turned to recruiting", "prepared to recognize"); and which characters make up the
noun phrase an actor is coded from. Pronouns are resolved in :mod:`newsledger.stages.coreference`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from newsledger.stages.coreference import SUBJECT_DEPS

# Relations through which a verb without a subject inherits its governor's subject.
_INHERITING_DEPS = frozenset({"xcomp", "acomp", "pcomp", "prep", "conj", "advcl", "oprd"})
# Verbs of judging or hindering whose object does what their gerund says: "accused Russia of
# shelling", "blamed Kiev for attacking", "kept Israel from pursuing".
_PREPOSITIONAL_CONTROL = frozenset(
    {
        "accuse",
        "blame",
        "charge",
        "suspect",
        "criticize",
        "criticise",
        "condemn",
        "denounce",
        "fault",
        "punish",
        "sanction",
        "praise",
        "commend",
        "thank",
        "congratulate",
        "stop",
        "prevent",
        "bar",
        "ban",
        "deter",
        "keep",
        "prohibit",
    }
)
_CONTROL_PREPS = frozenset({"of", "for", "from", "with"})
# Verbs whose object, not subject, does what the infinitive says: "force Kiev to sign".
_OBJECT_CONTROL = frozenset(
    {
        "force",
        "urge",
        "ask",
        "order",
        "persuade",
        "push",
        "pressure",
        "press",
        "tell",
        "allow",
        "compel",
        "invite",
        "encourage",
        "pay",
        "lead",
        "call",
    }
)
_FIRST_PERSON = frozenset({"we", "us", "our", "i", "me", "my"})
# Left dependents that belong in a noun phrase an actor is coded from.
_PHRASE_LEFT_DEPS = frozenset(
    {"det", "amod", "compound", "poss", "nummod", "nmod", "quantmod", "npadvmod", "case"}
)


def is_passive(verb: Any) -> bool:
    """A passive verb, including a bare participle ("When asked on April 8 to comment")."""
    if any(child.dep_ in {"nsubjpass", "auxpass"} for child in verb.children):
        return True
    return bool(
        verb.tag_ == "VBN"
        and verb.dep_ in {"advcl", "acl"}
        and not any(child.dep_ in {"aux", *SUBJECT_DEPS} for child in verb.children)
    )


def children(token: Any, *deps: str) -> list[Any]:
    return [child for child in token.children if child.dep_ in deps]


def child_words(token: Any, *deps: str) -> set[str]:
    """The lowercase words of the token's children in relations ``deps``: the marks of a clause
    ("if", "after"), its auxiliaries ("would"), the prepositions of a verb."""
    return {child.lower_ for child in token.children if child.dep_ in deps}


def prep_objects(token: Any, preps: frozenset[str] | set[str]) -> Iterator[tuple[str, Any]]:
    """(preposition, object) pairs under ``token``: "on the city", "into Russian territory"."""
    for child in token.children:
        if child.dep_ in {"prep", "agent", "dative"} and child.lower_ in preps:
            for obj in child.children:
                if obj.dep_ in {"pobj", "pcomp"}:
                    yield child.lower_, obj


def agent_of(verb: Any) -> Any | None:
    """The "by X" agent of a passive verb."""
    for child in verb.children:
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def direct_object(verb: Any) -> Any | None:
    found = children(verb, "dobj")
    return found[0] if found else None


def subject_of(verb: Any, *, limit: int = 5) -> Any | None:
    """The subject of ``verb``: its own, or the one it inherits through control and coordination.

    "Washington is seeking to force Kiev to sign" gives Kiev for *sign* (object control), and so
    does "accused Kiev of shelling" for *shelling* (control through a preposition); "Kiev turned
    to recruiting" gives Kiev for *recruiting*; a complement clause (ccomp) or a relative clause
    has its own subject and is never climbed out of.
    """
    token = verb
    for _ in range(limit):
        own = children(token, *SUBJECT_DEPS)
        if own:
            return own[0]
        if token.dep_ not in _INHERITING_DEPS or token.head.i == token.i:
            return None
        head = token.head
        if token.dep_ == "xcomp" and head.lemma_ in _OBJECT_CONTROL:
            obj = direct_object(head)
            if obj is not None:
                return obj
        controller = _prepositional_controller(token)
        if controller is not None:
            return controller
        token = head
    return None


def _prepositional_controller(gerund: Any) -> Any | None:
    """ "accused Russia of shelling Kharkiv", "praised Turkey for hosting the talks", "stopped
    Israel from pursuing him": a gerund after a verb of judging or hindering is done by that
    verb's object, not its subject; in the passive ("Russia was accused of shelling") the
    subject is the object, and the ordinary climb finds it."""
    prep = gerund.head
    if gerund.dep_ != "pcomp" or prep.lower_ not in _CONTROL_PREPS or prep.dep_ != "prep":
        return None
    verb = prep.head
    if verb.lemma_.lower() not in _PREPOSITIONAL_CONTROL:
        return None
    return direct_object(verb)


def is_first_person(token: Any) -> bool:
    return bool(token.lower_ in _FIRST_PERSON)


def phrase_bounds(token: Any) -> tuple[int, int]:
    """Character bounds of the noun phrase headed by ``token``, without relative clauses,
    appositions or trailing prepositional phrases: "Ukraine's armed forces", "the Kremlin"."""
    start = token.i
    for child in token.lefts:
        if child.dep_ in _PHRASE_LEFT_DEPS:
            start = min(start, child.left_edge.i)
    end = token.i
    for child in token.rights:
        if child.dep_ in {"compound", "flat", "case"} and child.i == end + 1:
            end = child.i
    doc = token.doc
    # A date the parser hung on the phrase ("In February Kiev") is not part of the actor.
    while start < end and (
        doc[start].is_punct or doc[start].is_space or doc[start].ent_type_ in {"DATE", "TIME"}
    ):
        start += 1
    # A name the phrase cuts short ("the Russian Ministry | of Defense") is taken whole.
    if doc[end].ent_iob_ in {"B", "I"}:
        while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
            end += 1
    return doc[start].idx, doc[end].idx + len(doc[end].text)
