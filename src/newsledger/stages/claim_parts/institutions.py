"""Canonical names of institutions that speak. An abbreviation the text spells out goes by that
full name ("Netherlands Organisation for Applied Scientific Research (TNO)"); an institution
qualified by a country ("Russia's Defense Ministry", "Ukraine's Air Force") goes by its known
name in the actor lexicon, else by its name with the country's adjective ("Ukrainian Air Force"),
since two countries each have one; a person named after an institution in one run of names
("Chinese Foreign Ministry Hua Chunying") is that person."""

from __future__ import annotations

import re
from typing import Any

from newsledger.model import Entity, Speaker
from newsledger.resources.actors import lookup_actor
from newsledger.resources.countries import country, country_adjective, country_by_demonym
from newsledger.stages.claim_parts.spans import compound_head

# Abbreviation → (start, end, full name) of the name the text spells out for it.
Abbreviations = dict[str, tuple[int, int, str]]

_BRACKETED_ABBREVIATION = re.compile(r"\(([A-Z][A-Z&]{1,8})\)")
_NAME_CONNECTORS = frozenset({"of", "for", "and", "the", "on"})
# Head words of institutions: in a run of names, what follows one is a person ("Chinese Foreign
# Ministry Hua Chunying" → "Hua Chunying").
_INSTITUTION_WORDS = frozenset(
    {"ministry", "office", "department", "agency", "council", "committee", "commission"}
)


def spelled_out_abbreviations(text: str, doc: Any) -> Abbreviations:
    """Abbreviations the text defines ("Full Name (ABBR)"): ABBR → (start, end, full name).
    The full name is the run of capitalized words (with "of", "for", "and", "the" inside)
    written just before the bracket; a person's name before a bracket ("Mark Rutte (VVD)")
    spells out nothing."""
    found: Abbreviations = {}
    for match in _BRACKETED_ABBREVIATION.finditer(text):
        if lookup_actor(match.group(1)) is not None:
            continue  # "(AP)" after a dateline: the lexicon knows the name
        expansion = _name_before(text, match.start())
        if expansion is not None and not _names_a_person(doc, *expansion[:2]):
            found.setdefault(match.group(1), expansion)
    return found


def _names_a_person(doc: Any, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.ent_type_ == "PERSON" for t in span)


def _name_before(text: str, bracket: int) -> tuple[int, int, str] | None:
    """(start, end, name) of the capitalized name written right before a bracket, at least two
    capitalized words, connectors ("for", "of") allowed inside but not at its ends."""
    words = list(re.finditer(r"[\w’'.-]+", text[max(0, bracket - 200) : bracket]))
    offset = max(0, bracket - 200)
    if not words or text[offset + words[-1].end() : bracket].strip():
        return None
    kept: list[re.Match[str]] = []
    for word in reversed(words):
        value = word.group()
        joined = not kept or not text[offset + word.end() : offset + kept[0].start()].strip()
        if joined and (value[:1].isupper() or (value in _NAME_CONNECTORS and kept)):
            kept.insert(0, word)
            continue
        break
    while kept and kept[0].group() in _NAME_CONNECTORS:
        kept.pop(0)
    if sum(w.group()[:1].isupper() for w in kept) < 2:
        return None
    start, end = offset + kept[0].start(), offset + kept[-1].end()
    # Only the words of one line; a name never runs across a paragraph break.
    if "\n" in text[start:end]:
        return None
    return start, end, " ".join(text[start:end].split())


def known_institution(*written: str) -> str | None:
    """The canonical name of the first of these written names that the actor lexicon lists
    as an institution (not a person)."""
    for name in written:
        known = lookup_actor(name)
        if known is not None and known.type != "PERSON":
            return known.name
    return None


def expansion_at(
    abbreviations: Abbreviations, entities: tuple[Entity, ...], token: Any
) -> Speaker | None:
    """A token inside a spelled-out name whose abbreviation follows it: the full name,
    with the abbreviation's entity."""
    for abbreviation, (start, end, name) in abbreviations.items():
        if start <= token.idx < end:
            entity = next(
                (
                    e
                    for e in entities
                    if e.name == abbreviation or any(m.text == abbreviation for m in e.mentions)
                ),
                None,
            )
            return Speaker(name=name, entity=entity.id if entity is not None else None)
    return None


def qualified_name(entity: Entity, token: Any) -> str:
    """An institution's name with the country the text qualifies it by: "Russia's Defense
    Ministry" (the recognizer tags only "Defense Ministry") is the known "Russian Ministry of
    Defense"; an institution the lexicon does not know takes the country's adjective
    ("Ukraine's Air Force" → "Ukrainian Air Force"), since two countries each have one."""
    if entity.type in {"PERSON", "GPE", "LOC", "NORP"} or lookup_actor(entity.name):
        return entity.name
    head = compound_head(token)
    start = min((m.start for m in entity.mentions if m.start <= token.idx < m.end), default=0)
    for qualifier in head.lefts:
        if qualifier.idx >= start:
            continue
        possessive = qualifier.dep_ == "poss"
        found = (
            country(qualifier.text)
            if possessive
            else country_by_demonym(qualifier.text)
            if qualifier.dep_ in {"amod", "compound"}
            else None
        )
        if found is None:
            continue
        adjective = qualifier.text if not possessive else country_adjective(found)
        written = [f"{qualifier.text}'s {entity.name}", f"{found.name}'s {entity.name}"]
        if adjective:
            written.append(f"{adjective} {entity.name}")
        known = known_institution(*written)
        if known is not None:
            return known
        return f"{adjective} {entity.name}" if adjective else entity.name
    return entity.name


def country_institution(phrase: list[Any]) -> str | None:
    """ "Ukraine's Air Force", a name the recognizer missed: the known institution, else the
    name with the country's adjective ("Ukrainian Air Force"), as for a recognized one."""
    if len(phrase) < 3 or phrase[0].dep_ != "poss" or phrase[1].dep_ != "case":
        return None
    rest = phrase[2:]
    found = country(phrase[0].text)
    if found is None or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in rest):
        return None
    name = " ".join(t.text for t in rest)
    adjective = country_adjective(found)
    known = known_institution(f"{found.name}'s {name}", f"{adjective} {name}")
    if known is not None:
        return known
    return f"{adjective} {name}" if adjective else None


def name_after_institution(phrase: list[Any]) -> str | None:
    """ "Chinese Foreign Ministry Hua Chunying" (tagged as one organisation) → "Hua Chunying"."""
    if not phrase or phrase[-1].pos_ != "PROPN":
        return None
    last = max((i for i, t in enumerate(phrase) if t.lower_ in _INSTITUTION_WORDS), default=None)
    if last is None:
        return None
    rest = phrase[last + 1 :]
    if not rest or not all(t.pos_ == "PROPN" for t in rest):
        return None
    return " ".join(t.text for t in rest)
