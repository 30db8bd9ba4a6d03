"""Actors stage: code entities as actors (country alpha-3, PLOVER sector) and find metonyms.

An entity's country comes, in order of trust, from the actor lexicon, from the place it resolved
to (a city's or region's country), from a demonym ("Russian" → RUS), or from the words around a
person's name ("Kremlin Spokesman Dimitri Peskov", "US General Christopher Cavoli"). Its sector
comes from the lexicon or from titles and head nouns ("spokesman" → GOV, "General" → MIL).

Places used as actors ("the Kremlin said", "Kiev accused", "Washington warned", "Kiev's forces")
are metonyms: they stand for that country's government. Their mention spans are recorded in
``analysis.metonyms`` so that no event takes them as the place where it happened.

``actor_for_phrase`` and ``person_role`` are shared with the claims and events stages, which
code speakers, actors and targets from noun phrases the same way.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, ClassVar

from newsledger.model import ActorRef, Entity, Place
from newsledger.pipeline.stage import Analysis
from newsledger.resources.actors import lookup_coded_actor, sector_for_words
from newsledger.resources.countries import alpha3, country, country_by_demonym

# Dependency relations by which a place acts rather than hosts: subject, agent, possessor.
_ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "agent", "poss"})
# Parts of speech a country name or demonym can start with; "At least", "An end", "In" are not.
_NAME_POS = frozenset({"PROPN", "ADJ", "NOUN", "X"})
# Participles of support and brokering: a country before them ("Russian-backed rebels", "a
# US-brokered deal") is the backer or broker, not the party.
_BACKING_WORDS = frozenset(
    {"backed", "funded", "supported", "sponsored", "armed", "trained", "brokered", "mediated"}
)
# Words inside a title: "Reuters Editor-in-Chief", "Minister of Defence". All lowercase, so
# a word's lowercase form alone says whether it is one.
_TITLE_JOINERS = frozenset({"-", "–", "in", "of"})
_TITLE_DEPS = frozenset({"compound", "amod", "nmod", "appos", "nummod"})
# Feature-code prefixes of places that can stand for a government: countries (PCLI, PCLD,
# ...), capitals, seats of government.
GOVERNMENT_FEATURES = ("PCL", "PPLC", "PPLG")


class ActorsStage:
    """Give every entity its country and sector; mark places used as actors."""

    name: ClassVar[str] = "actors"
    version: ClassVar[str] = "4"
    # A caller's actor dictionary (``--actors``) codes before our lexicon.
    consults: ClassVar[frozenset[str]] = frozenset({"actors"})
    requires: ClassVar[frozenset[str]] = frozenset({"parse", "entities", "places"})
    produces: ClassVar[frozenset[str]] = frozenset({"actors"})
    languages: ClassVar[frozenset[str] | None] = frozenset({"en"})

    def run(self, analysis: Analysis) -> None:
        doc = analysis.parse
        metonyms: set[tuple[int, int]] = set()
        coded = []
        for entity in analysis.entities:
            place = place_of(analysis.places, entity)
            country_code, sector = code_entity(doc, entity, place)
            if entity.type in {"GPE", "LOC", "FAC", "ORG"} and place is not None:
                for mention in entity.mentions:
                    if _acts(doc, mention.start, mention.end):
                        metonyms.add((mention.start, mention.end))
                        if place.feature.startswith(GOVERNMENT_FEATURES):
                            sector = sector or "GOV"
            coded.append(replace(entity, country=country_code, sector=sector))
        analysis.entities = tuple(coded)
        analysis.metonyms = frozenset(metonyms)


def place_of(places: tuple[Place, ...], entity: Entity) -> Place | None:
    """The place that one of the entity's mentions resolved to, if any."""
    spans = {(m.start, m.end) for m in entity.mentions}
    for place in places:
        if any((m.start, m.end) in spans for m in place.mentions):
            return place
    return None


def code_entity(doc: Any, entity: Entity, place: Place | None) -> tuple[str | None, str | None]:
    """Country alpha-3 and PLOVER sector of an entity."""
    if entity.type == "NORP" and all(_ethnic(doc, m.start) for m in entity.mentions):
        # "ethnic Hungarians in Romania", "ethnic Russians": an ethnic group, not a nation's
        # people; civilians of wherever they live.
        return None, "CVL"
    if entity.type in {"GPE", "NORP"} and all(
        _backing_mention(doc, m.start, m.end) for m in entity.mentions
    ):
        # "Russian-backed": the backer of a party, never the party itself.
        return None, None
    known = lookup_coded_actor(entity.name)
    if known is not None:
        return known.country, known.sector
    if place is not None and place.country:
        return alpha3(place.country), None
    if entity.type in {"GPE", "LOC", "NORP"}:
        found = country(entity.name) or country_by_demonym(entity.name)
        return (found.alpha3 if found else None), None
    country_code: str | None = None
    sector: str | None = None
    for mention in entity.mentions:
        words, context_country = _context_words(doc, mention.start, mention.end, entity.type)
        sector = sector or sector_for_words(words)
        country_code = country_code or context_country
    return country_code, sector


def _ethnic(doc: Any, start: int) -> bool:
    """Whether the word before the mention starting at ``start`` is "ethnic"."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    return span is not None and span.start > 0 and doc[span.start - 1].lower_ == "ethnic"


def _backing_mention(doc: Any, start: int, end: int) -> bool:
    """Whether the mention at [start, end) names a backer: "Russian-backed", "Iran-funded"."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and _backer(doc, span.end)


def _backer_within(doc: Any, entity: Entity, start: int, end: int) -> bool:
    """Whether the entity is named inside [start, end) only as a backer ("Russian-backed")."""
    inside = [m for m in entity.mentions if start <= m.start and m.end <= end]
    return bool(inside) and all(_backing_mention(doc, m.start, m.end) for m in inside)


def _context_words(
    doc: Any, start: int, end: int, entity_type: str
) -> tuple[list[str], str | None]:
    """Lowercase words that describe a mention (its title, or its own words for an ORG),
    and the country they name, if any."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return [], None
    tokens: list[Any] = list(span) if entity_type != "PERSON" else []
    tokens = _title_tokens(span) + tokens
    return [t.lower_ for t in tokens], _country_of_tokens(tokens)


def _title_tokens(span: Any) -> list[Any]:
    """Tokens of the title before a name: "Kremlin Spokesman" in "Kremlin Spokesman Dimitri
    Peskov", plus an appositive after it ("Kostenko, a Ukrainian lawmaker")."""
    doc = span.doc
    tokens: list[Any] = []
    i = span.start - 1
    while i >= 0 and doc[i].ent_type_ != "PERSON":
        word = doc[i]
        inner = word.lower_ in _TITLE_JOINERS and i < span.start - 1
        if word.pos_ not in {"PROPN", "NOUN", "ADJ"} and not inner:
            break
        tokens.insert(0, word)
        i -= 1
    while tokens and tokens[0].lower_ in _TITLE_JOINERS:
        tokens.pop(0)
    for child in span.root.children:
        if child.dep_ == "appos" and child.i >= span.end:
            tokens.extend(t for t in child.subtree if t.pos_ in {"PROPN", "NOUN", "ADJ"})
    return tokens


def _country_of_tokens(tokens: list[Any]) -> str | None:
    """The country named by a demonym, country name or known actor among the tokens."""
    texts = [t.text for t in tokens]
    for size in (3, 2, 1):
        for i in range(len(texts) - size + 1):
            if not texts[i][:1].isupper() or tokens[i].pos_ not in _NAME_POS:
                # "an end" is not Netherlands Antilles: names are capitalised, and a
                # sentence-initial "An" or "In" is not a name either.
                continue
            phrase = " ".join(texts[i : i + size])
            if len(phrase) <= 3 and not phrase.isupper():
                # "Omar Al Bashir" is not Albania: a code is written in capitals ("US", "UK").
                continue
            if any(t.is_punct for t in tokens[i : i + size]) or _backer(tokens, i + size):
                # "Russian-backed separatists" are backed by Russia, not Russian.
                continue
            if i > 0 and tokens[i - 1].lower_ == "ethnic":
                # "ethnic Hungarians in Romania": an ethnic group, not the nation of its name.
                continue
            known = lookup_coded_actor(phrase)
            if known is not None and known.country:
                return known.country
            found = country(phrase) or country_by_demonym(phrase)
            if found is not None:
                return found.alpha3
    return None


def _backer(tokens: Any, after: int) -> bool:
    """Whether the words before ``after`` name a backer: "Russian-backed", "Iran-funded"."""
    if after + 1 >= len(tokens) or tokens[after].text not in {"-", "–"}:
        return False
    return tokens[after + 1].lower_ in _BACKING_WORDS


def _acts(doc: Any, start: int, end: int) -> bool:
    """Whether a mention is the subject, agent or possessor in its sentence."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    return bool(span.root.dep_ in _ACTOR_DEPS)


def person_role(doc: Any, start: int, end: int) -> str | None:
    """The title the text gives a person at this mention: "Kremlin Spokesman" → that string."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    tokens = [t for t in _title_tokens(span) if t.i < span.start]
    if not tokens or sector_for_words([t.lower_ for t in tokens]) is None:
        return None
    return str(doc[tokens[0].i : tokens[-1].i + 1].text)


def actor_for_phrase(analysis: Analysis, start: int, end: int) -> ActorRef:
    """Code the noun phrase at [start, end) as an actor: "Kiev's forces" → UKR MIL.

    The head noun gives the sector ("forces" → MIL); an entity inside the phrase gives the
    name, the entity link and, failing a demonym, the country.
    """
    doc = analysis.parse
    text = analysis.document.text[start:end]
    span = doc.char_span(start, end, alignment_mode="expand")
    entity = _entity_within(analysis.entities, start, end)
    known = lookup_coded_actor(text)
    if known is not None and (known.country or known.sector or known.members):
        # A phrase the lexicon (or the caller's dictionary) codes as a whole: "Israeli troops".
        return ActorRef(
            name=known.name,
            entity=entity.id if entity is not None else None,
            country=known.country,
            sector=known.sector,
            members=tuple(
                ActorRef(name=m.name, country=m.country, sector=m.sector) for m in known.members
            ),
        )
    words = [t.lemma_.lower() for t in span] if span is not None else text.lower().split()
    sector = sector_for_words(words if span is None else _head_words(span.root))
    country_code = _country_of_tokens(list(span)) if span is not None else None
    if entity is not None and _backer_within(doc, entity, start, end):
        entity = None  # "Russian-backed separatists" are not Russia's
    if entity is not None:
        country_code = country_code or entity.country
        if sector is None:
            sector = entity.sector
        # A phrase that is just the entity ("Russia", "the Kremlin") takes the entity's name.
        if _is_whole_entity(entity, start, end, text):
            return entity_actor(entity)
    if sector is None:
        sector = sector_for_words(words)
    return ActorRef(
        name=without_article(text.strip()),
        entity=entity.id if entity is not None else None,
        country=country_code,
        sector=sector,
    )


def entity_actor(entity: Entity) -> ActorRef:
    """The entity as an actor: its name and link, and the country and sector it was coded with."""
    return ActorRef(
        name=entity.name, entity=entity.id, country=entity.country, sector=entity.sector
    )


def _head_words(root: Any) -> list[str]:
    """The head noun with the nouns compounded onto it, as lowercase lemmas: "security forces"
    → ["security", "force"], so that a compound title ("security force", "defense ministry")
    outranks its bare head ("force", "ministry")."""
    compounds = [c for c in root.lefts if c.dep_ == "compound" and c.pos_ in {"NOUN", "PROPN"}]
    return [*(c.lemma_.lower() for c in compounds), root.lemma_.lower()]


def _entity_within(entities: tuple[Entity, ...], start: int, end: int) -> Entity | None:
    best: Entity | None = None
    best_length = -1
    for entity in entities:
        for m in entity.mentions:
            if start <= m.start and m.end <= end and m.end - m.start > best_length:
                best, best_length = entity, m.end - m.start
    return best


def without_article(name: str) -> str:
    """The name without a leading "the " or "The ": "the Syrian government" → "Syrian
    government"."""
    return name.removeprefix("the ").removeprefix("The ")


def _is_whole_entity(entity: Entity, start: int, end: int, text: str) -> bool:
    stripped = without_article(text.strip())
    for suffix in ("'s", "’s"):
        stripped = stripped.removesuffix(suffix)
    return any(m.text == stripped and start <= m.start and m.end <= end for m in entity.mentions)
