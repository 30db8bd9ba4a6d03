"""Person names of speakers: what names a person (a name, a person noun, a title), and the
canonical full name a person speaks under. A claim's speaker is a full name, so a surname or
title + surname ("Gen Kellogg") takes the longer name of the same person given elsewhere in the
article ("Keith Kellogg") or the given names the recognizer left out before it; a surname the
recognizer joined to another person's entity keeps the given names written with it ("Abu Hassan
Amer" is not "Sadeq Abu Amer")."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from newsledger.model import Entity
from newsledger.pipeline.stage import Analysis
from newsledger.resources.actors import lookup_actor, sector_for_words
from newsledger.stages.claim_parts.spans import compound_head

# Titles and honorifics that precede a surname in news prose; never part of a canonical name.
_TITLES = frozenset(
    {
        "gen",
        "general",
        "lt",
        "col",
        "maj",
        "capt",
        "adm",
        "admiral",
        "rear",
        "president",
        "prime",
        "minister",
        "secretary",
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
        "dame",
        "lord",
        "sen",
        "senator",
        "rep",
        "gov",
        "governor",
        "mayor",
        "judge",
        "pope",
        "king",
        "queen",
        "prince",
    }
)
# Common nouns that name a person ("a doctor on the scene said ... he added"), beside the
# role words of the actor lexicon.
PERSON_NOUNS = frozenset(
    {
        "resident",
        "doctor",
        "source",
        "witness",
        "eyewitness",
        "expert",
        "analyst",
        "journalist",
        "reporter",
        "correspondent",
        "man",
        "woman",
        "survivor",
        "official",
        "lawyer",
        "professor",
        "researcher",
        "father",
        "mother",
        "son",
        "daughter",
        "driver",
        "worker",
        "activist",
        "protester",
        "farmer",
        "student",
        "teacher",
        "nurse",
        "victim",
        "head",
        "leader",
        "director",
        "chairman",
        "chairwoman",
        "founder",
        "commander",
        "member",
    }
)


def names_a_person(token: Any) -> bool:
    """Whether a token names a person: a person's name, or a noun or title for one ("the head
    of the group", "the doctor", "spokesman")."""
    if token.ent_type_:
        return bool(token.ent_type_ == "PERSON")
    lemma = token.lemma_.lower()
    return lemma in PERSON_NOUNS or is_person_title(lemma)


def is_person_title(lemma: str) -> bool:
    return lemma in _TITLES or lemma in {"spokesman", "spokeswoman", "spokesperson", "chief"}


def is_title_word(word: str) -> bool:
    """Whether a capitalized word before a surname is a title ("Director", "Colonel",
    "Ambassador"), not a given name."""
    lower = word.lower()
    if " " in lower:
        return False
    return is_person_title(lower) or lower in PERSON_NOUNS or sector_for_words([lower]) is not None


def without_titles(name: str) -> str:
    # An editor's insertion ("the minister [Mykhailo Fedorov]") leaves its bracket on the name.
    words = name.strip(" []()").split()
    while len(words) > 1 and words[0].lower().rstrip(".") in _TITLES:
        words = words[1:]
    return " ".join(words)


def full_name_entity(entity: Entity, analysis: Analysis) -> Entity:
    """The entity of the same person under a longer name ("Kellogg" → "Keith Kellogg"), or
    the entity renamed by its own longest mention when its name is a surname alone."""
    words = without_titles(entity.name).split()
    if not words:
        return entity
    if len(words) == 1 and lookup_actor(entity.name) is None:
        longest = max(
            (without_titles(m.text) for m in entity.mentions),
            key=lambda name: len(name.split()),
        )
        longest_words = longest.split()
        if (
            len(longest_words) > 1
            and longest_words[-1] == words[0]
            and all(w[:1].isupper() for w in longest_words)
            and sector_for_words([w.lower() for w in longest_words]) is None
        ):
            entity = replace(entity, name=longest)
            words = longest_words
    best, best_length = entity, len(words)
    for other in analysis.entities:
        if other.type != "PERSON" or other.id == entity.id:
            continue
        other_words = without_titles(other.name).split()
        if (
            len(other_words) > best_length
            and other_words[-len(words) :] == words
            and all(w[:1].isupper() for w in other_words)
        ):
            best, best_length = other, len(other_words)
    if best is entity and best_length == 1:
        given = _given_names(entity, analysis.parse)
        if given:
            best = replace(entity, name=f"{given} {words[0]}")
    return best


def _given_names(entity: Entity, doc: Any) -> str | None:
    """The given names the entity recognizer left out of a surname-only person ("Oleksandr"
    of "according to Oleksandr Prokudin" tagged "Prokudin"): the capitalized proper nouns
    written just before a mention and compounded into it. Their own entity tag is ignored:
    the small model reads unfamiliar given names as places ("Oleksandr" GPE)."""
    for mention in entity.mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or len(span) != 1:
            continue
        head = span[0]
        given: list[str] = []
        position = head.i - 1
        while position >= 0:
            token = doc[position]
            if not (
                token.dep_ == "compound"
                and token.head.i == head.i
                and token.pos_ == "PROPN"
                and token.text[:1].isupper()
                and token.text.isalpha()
                and not is_person_title(token.lemma_.lower())
            ):
                break
            given.insert(0, token.text)
            position -= 1
        if given:
            return " ".join(given)
    return None


def namesake(entity: Entity, mention_start: int, token: Any) -> str | None:
    """The full name of another person sharing the entity's surname: given names written
    just before the mention, outside it, that the entity's name does not have ("Abu Hassan
    Amer" where the recognizer tagged only "Amer" and joined it to "Sadeq Abu Amer"). A name
    the recognizer took whole ("Vladmir Putin") or a known actor is the entity's own."""
    if lookup_actor(entity.name) is not None:
        return None
    head = compound_head(token)
    given = [
        t.text
        for t in head.lefts
        if t.dep_ == "compound"
        and t.pos_ == "PROPN"
        and t.idx < mention_start
        and t.text[:1].isupper()
        and t.text.isalpha()
        and not is_title_word(t.text)
    ]
    names = without_titles(entity.name).split()
    if not given or head.text not in names or set(given) <= set(names):
        return None
    return " ".join([*given, head.text])
