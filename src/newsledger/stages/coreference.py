"""Pronoun and relative-pronoun resolution shared by the claims and events stages.

No offline coreference model exists for spaCy 3.8 (see DEPENDENCIES.md), so this is a rule of
our own, in the spirit of the salience heuristics of early coreference systems: a relative
pronoun stands for the noun its clause modifies; a personal pronoun stands for the nearest earlier
subject of the same kind (a person for he/she/his, anything else for it/they/its) in its sentence
or the one before, and failing a subject, for the nearest earlier named entity of that kind.
"""

from __future__ import annotations

from typing import Any

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
RELATIVE_PRONOUNS = frozenset({"which", "that", "who", "whom", "whose", "where"})
PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers"})
GROUP_PRONOUNS = frozenset({"it", "its", "they", "them", "their"})
# The pronouns :func:`resolve` follows back to a referent (built once: it is asked per token).
RESOLVED_PRONOUNS = PERSON_PRONOUNS | GROUP_PRONOUNS
_RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
_GROUP_ENTITY_TYPES = frozenset({"ORG", "GPE", "NORP"})


def antecedent(token: Any) -> Any:
    """The noun a relative pronoun stands for ("a region that Kiev invaded" → region)."""
    if token.lower_ not in RELATIVE_PRONOUNS or token.tag_ not in _RELATIVE_TAGS:
        return token
    current = token
    for _ in range(4):
        if current.dep_ in {"relcl", "acl"}:
            return current.head
        if current.head.i == current.i:
            break
        current = current.head
    return token


def resolve(token: Any, *, avoid: frozenset[int] = frozenset()) -> Any:
    """The referent token of a pronoun; other tokens are returned as they are.

    ``avoid`` holds token indices that cannot be the referent (an event's own actor cannot be
    its target).
    """
    token = antecedent(token)
    lower = token.lower_
    if lower not in RESOLVED_PRONOUNS:
        return token
    person = lower in PERSON_PRONOUNS
    ahead = _cataphor(token)
    if ahead is not None and ahead.i not in avoid and person == (ahead.ent_type_ == "PERSON"):
        return ahead
    doc = token.doc
    sentence_start = token.sent.start
    floor = doc[sentence_start - 1].sent.start if sentence_start > 0 else 0
    window = [doc[i] for i in range(token.i - 1, floor - 1, -1) if i not in avoid]
    for candidate in window:
        if (
            candidate.dep_ in SUBJECT_DEPS
            and candidate.pos_ in {"PROPN", "NOUN"}
            and person == (candidate.ent_type_ == "PERSON")
            # "it" and "they" stand for a named group or a group noun, not for "its power".
            and (person or candidate.ent_type_ or not _has_possessor(candidate))
        ):
            return candidate
    # No subject fits: the nearest earlier name of the right kind ("Zelensky's announcement
    # that his military ..." → Zelensky).
    for candidate in window:
        if (person and candidate.ent_type_ == "PERSON") or (
            not person and candidate.ent_type_ in _GROUP_ENTITY_TYPES
        ):
            return candidate
    return token


def _cataphor(token: Any) -> Any | None:
    """The subject that a pronoun in a fronted subordinate clause points ahead to: "Even as it
    has tried to skirt the issue, the Putin government ..." → the Putin government."""
    # Only a pronoun of the fronted clause itself (its subject, or its subject's possessor),
    # not one inside a noun's clause within it ("asked about Zelensky's claim that his ...").
    current = token.head if token.dep_ == "poss" else token
    for ancestor in current.ancestors:
        if ancestor.pos_ in {"NOUN", "PROPN", "PRON"}:
            return None
        if ancestor.dep_ == "advcl" and ancestor.i < ancestor.head.i:
            main = ancestor.head
            return next(
                (c for c in main.children if c.dep_ in SUBJECT_DEPS and c.i > token.i), None
            )
    return None


def _has_possessor(token: Any) -> bool:
    return any(child.dep_ == "poss" for child in token.children)
