"""The actor lexicon: known people and organisations, and the words that mark an actor's sector.

``data/actors.json`` lists actors that news about wars and politics names often, with canonical
name, entity type, country (ISO alpha-3 or PLOVER's IGO/UNO/EUR/NGO codes), PLOVER sector and role;
``data/sectors.json`` maps titles and head nouns ("spokesman", "troops") to sectors. Both are ours
(Apache-2.0). Lookups fold case, curly apostrophes, a leading "the" and a trailing possessive, so
"the Kremlin's" finds the Kremlin.

A caller may add a dictionary of their own (``newsledger extract --actors FILE``, read by
``resources.petrarch_actors``) for the span of a run with :func:`using_actor_dictionary`;
:func:`lookup_coded_actor`, which the actors and events stages code with, consults it before the
built-in lexicon. Entity naming keeps to :func:`lookup_actor`, the built-in lexicon only, so a
caller's dictionary changes how actors are coded, never what the entities are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

from newsledger.resources.data_files import read_data_json


@dataclass(frozen=True, slots=True)
class KnownActor:
    """An actor the lexicon knows by name."""

    name: str
    type: str
    country: str | None
    sector: str | None
    role: str | None
    aliases: tuple[str, ...]
    # The actors a name stands for together ("FRO/BIL/SAM" in a caller's dictionary).
    members: tuple[KnownActor, ...] = ()


class ActorSource(Protocol):
    """Anything that codes a name as a known actor: a caller's actor dictionary."""

    @property
    def provenance(self) -> str:
        """Where the dictionary came from and its digest, as records name it."""
        ...

    def lookup(self, text: str) -> KnownActor | None: ...


# The caller's dictionary for the current run; a context variable so that concurrent runs
# (threads, async API requests) each see their own.
_CALLER_ACTORS: ContextVar[ActorSource | None] = ContextVar("caller_actors", default=None)

_LEADING_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")


def normalize_name(text: str) -> str:
    """The lookup key of a name: no article, no possessive, straight apostrophes, casefolded."""
    text = " ".join(text.split()).replace("’", "'")
    text = _LEADING_ARTICLE.sub("", text)
    text = _POSSESSIVE.sub("", text).strip()
    return text.casefold()


def _read_lexicon(name: str) -> Any:
    return read_data_json(name, "actor lexicon")


@lru_cache(maxsize=1)
def known_actors() -> tuple[KnownActor, ...]:
    return tuple(
        KnownActor(
            name=row["name"],
            type=row["type"],
            country=row["country"],
            sector=row["sector"],
            role=row["role"],
            aliases=tuple(row["aliases"]),
        )
        for row in _read_lexicon("actors.json")["actors"]
    )


@lru_cache(maxsize=1)
def _actor_index() -> dict[str, KnownActor]:
    index: dict[str, KnownActor] = {}
    for actor in known_actors():
        for name in (actor.name, *actor.aliases):
            index.setdefault(normalize_name(name), actor)
    return index


def lookup_actor(text: str) -> KnownActor | None:
    """The known actor named by ``text`` ("Zelenskyy", "the Kremlin's"), or None."""
    return _actor_index().get(normalize_name(text))


@contextmanager
def using_actor_dictionary(dictionary: ActorSource | None) -> Iterator[None]:
    """Code actors with ``dictionary`` first (then the built-in lexicon) inside the block."""
    token = _CALLER_ACTORS.set(dictionary)
    try:
        yield
    finally:
        _CALLER_ACTORS.reset(token)


def caller_actor_dictionary() -> ActorSource | None:
    """The caller's actor dictionary of the current run, if one is in use."""
    return _CALLER_ACTORS.get()


def lookup_coded_actor(text: str) -> KnownActor | None:
    """The actor ``text`` names in the caller's dictionary, if one is in use, else in ours."""
    caller = _CALLER_ACTORS.get()
    if caller is not None:
        found = caller.lookup(text)
        if found is not None:
            return found
    return lookup_actor(text)


def actor_patterns() -> list[dict[str, Any]]:
    """spaCy EntityRuler patterns for every known actor's name and aliases (exact case)."""
    patterns: list[dict[str, Any]] = []
    for actor in known_actors():
        for name in (actor.name, *actor.aliases):
            surface = _LEADING_ARTICLE.sub("", name)
            # Short all-caps aliases such as "AP" or "UN" are too often something else when
            # lowercased; they are matched case-sensitively like every pattern here.
            patterns.append({"label": actor.type, "pattern": surface, "id": actor.name})
    return patterns


@lru_cache(maxsize=1)
def _sector_words() -> dict[str, str]:
    words: dict[str, str] = {}
    for sector, entries in _read_lexicon("sectors.json").items():
        if sector.startswith("_"):
            continue
        for entry in entries:
            words.setdefault(entry, sector)
    return words


@lru_cache(maxsize=1)
def sector_codes() -> frozenset[str]:
    """The PLOVER sector codes the sector lexicon knows: "GOV", "MIL", "CVL", ..."""
    return frozenset(
        sector for sector in _read_lexicon("sectors.json") if not sector.startswith("_")
    )


def sector_for_words(words: Iterable[str]) -> str | None:
    """The sector marked by the longest matching title or head noun among ``words``.

    ``words`` are lowercase lemmas in text order, e.g. ["russian", "defense", "ministry"];
    multi-word entries ("defense ministry") win over single words ("ministry").
    """
    tokens = [w.casefold() for w in words]
    table = _sector_words()
    best: tuple[int, str] | None = None
    for size in (3, 2, 1):
        for i in range(len(tokens) - size + 1):
            sector = table.get(" ".join(tokens[i : i + size]))
            if sector is not None and (best is None or size > best[0]):
                best = (size, sector)
        if best is not None:
            return best[1]
    return None
