"""Speakers named as written: the phrase that says who a speaker is ("Residents of Russia's
Belgorod region", "Officials in Kiev", "analysts and sources in the Rukban camp") and its text
without the article or quantifier in front; a person's name written after a descriptor the
recognizer missed ("another Belgorod resident Natalya"); and whether a phrase is a definite
descriptor ("the ministry") that stands for an earlier speaker. A speaker nobody is named for is
:data:`UNKNOWN`: no speaker is invented."""

from __future__ import annotations

import re
from typing import Any

from newsledger.resources.actors import sector_for_words

UNKNOWN = "unknown"
_PARENTHESES = re.compile(r"\s*\([^)]*\)")
# Leading words dropped from a speaker named as written: "a press kit", "many Belgorod
# residents", "both independent analysts and sources" (the gold and RECORD name groups without
# their article, quantifier or possessive pronoun).
_DROPPED_LEADING = frozenset(
    {"a", "an", "the", "many", "both", "several", "some", "another"}
    # "his Russian counterpart": a possessive pronoun is the article of a descriptor.
    | {"his", "her", "its", "their", "our", "my", "your"}
)
# Prepositions whose phrase says who a group or person is ("Officials in Kiev", "a source inside
# the camp"); "in a statement" or "on Friday" say how or when, and are left out by the time and
# statement checks below.
_IDENTIFYING_PREPS = frozenset({"of", "in", "on", "at", "inside", "from", "near", "within"})
_NOT_IDENTIFYING = frozenset(
    {"statement", "interview", "post", "video", "tweet", "letter", "speech", "report", "call"}
)
_LEFT_DEPS = frozenset({"det", "amod", "compound", "poss", "nummod", "predet", "quantmod", "nmod"})


def speaker_phrase(token: Any) -> list[Any]:
    """The tokens that say who a speaker is: the head with its left modifiers ("the Ukrainian
    president"), and for a common noun the prepositional phrases and conjuncts that identify it
    ("Residents of Russia's Belgorod region", "analysts and sources in the Rukban camp")."""
    tokens = [
        t
        for child in token.lefts
        if child.dep_ in _LEFT_DEPS and not _is_person_possessor(child)
        for t in child.subtree
    ]
    tokens.append(token)
    if token.pos_ == "NOUN":
        for child in token.rights:
            if child.dep_ == "prep" and child.lower_ in _IDENTIFYING_PREPS:
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects and not _says_how_or_when(objects[0]):
                    tokens.extend(child.subtree)
            elif child.dep_ == "conj" and child.pos_ == "NOUN":
                tokens.extend(t for t in token.rights if t.dep_ == "cc" and t.i < child.i)
                tokens.extend(speaker_phrase(child))
    return sorted(set(tokens), key=lambda t: t.i)


def _is_person_possessor(token: Any) -> bool:
    """ "Nisan Ahmado's source": the source is named by what it is, not by whose it is."""
    return bool(token.dep_ == "poss" and token.ent_type_ == "PERSON")


def _says_how_or_when(token: Any) -> bool:
    return bool(token.ent_type_ in {"DATE", "TIME"} or token.lemma_.lower() in _NOT_IDENTIFYING)


def phrase_text(text: str, phrase: list[Any]) -> str:
    """The phrase as written, without a leading article or quantifier that is not its head."""
    # "both X and Y" drops its "both"; "Both sides" keeps it (the quantifier is the meaning).
    has_conjunction = any(t.dep_ == "cc" for t in phrase)
    while (
        len(phrase) > 1
        and phrase[0].lower_ in _DROPPED_LEADING
        and (phrase[0].lower_ != "both" or has_conjunction)
    ):
        phrase = phrase[1:]
    name = text[phrase[0].idx : phrase[-1].idx + len(phrase[-1].text)]
    # "European Union (EU) leaders": the bracketed abbreviation repeats the name.
    name = _PARENTHESES.sub(" ", name)
    return " ".join(name.split()).strip(" ,")


def is_definite_descriptor(token: Any, phrase: list[Any]) -> bool:
    """ "the ministry", "the doctor": a common noun with "the" and no name of its own."""
    return (
        token.pos_ == "NOUN"
        and any(t.lower_ == "the" and t.dep_ == "det" and t.head.i == token.i for t in phrase)
        and not any(t.pos_ == "PROPN" or t.ent_type_ for t in phrase)
    )


def proper_name_in(token: Any, phrase: list[Any]) -> str | None:
    """A person named after a descriptor the entities stage missed: "another Belgorod resident
    Natalya" → "Natalya"; the name is the last run of proper nouns ending the phrase."""
    head = token
    if token.pos_ == "NOUN":
        head = next((c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"), token)
    if head.pos_ != "PROPN" or head.i == phrase[0].i:
        return None
    if not any(t.pos_ == "NOUN" and t.i < head.i for t in [*phrase, token]):
        return None  # "Belgorod residents": no descriptor before a name
    run = [head]
    doc = head.doc
    while (
        run[0].i > 0 and doc[run[0].i - 1].pos_ == "PROPN" and doc[run[0].i - 1].dep_ == "compound"
    ):
        run.insert(0, doc[run[0].i - 1])
    if sector_for_words([t.lower_ for t in run]) is not None:
        return None  # "President" is a title, not a name
    return " ".join(t.text for t in run)
