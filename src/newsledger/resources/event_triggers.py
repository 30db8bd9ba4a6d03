"""The event trigger lexicon: verbs and nouns naming PLOVER events, and the word lists around them.

``data/event_triggers.json`` is newsledger's own (Apache-2.0). A trigger entry names a lemma and
its PLOVER type and mode, plus the conditions that license it ("pull" only with "out"/"back",
"cross" only with "border", "release" only of people). The word lists beside the entries serve the
events stage's rules: light verbs that carry a nominal trigger ("launched an attack"), speech verbs
and accusatory complements ("declared that Moscow violated ..."), characterization verbs with
pejorative nouns ("described Beijing as an enabler"), and the modifiers that refine an assault's
mode ("drone attack") or turn a strike into a work stoppage ("hunger strike"), and the words
that make a plural event noun an aggregate rather than one event ("near-daily attacks", "the
number of attacks"), and the commissive verbs by which a party commits itself to an act
("offered to negotiate", "pledged aid"), whose event is the intent (AGREE or THREATEN), and
the words by which a trigger names no occurrence (``stages.event_parts.occurrence``): verbs whose
object is a topic ("discussed a ceasefire"), prospect nouns ("pave the way for talks"), response
nouns ("retaliation for attacks"), the words of a source's wish about the reporting ("asked not
to be identified") and the wrongdoings that make a speech verb's complement an accusation.

A caller may bring a verb dictionary of their own (``newsledger extract --verbs FILE``, read by
``resources.petrarch_verbs``) for the span of a run with :func:`using_verb_dictionary`: the
trigger finder then lets that dictionary decide every verb it knows (its code, or no event) and
keeps this lexicon for the verbs it does not know, and for nouns.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

from newsledger.resources.data_files import read_data_json

_DATA_FILE = "event_triggers.json"


@dataclass(frozen=True, slots=True)
class VerbCoding:
    """What a caller's verb dictionary says of one verb in its sentence.

    ``code`` is the event code as written ("064", "1711", "903"), or None where the dictionary
    codes nothing (its null code "---"); ``reverse_code`` is the second code of a symmetric
    pair ("[032:033]": the target's act toward the source), and ``line`` the dictionary line
    (pattern or verb) that decided.
    """

    code: str | None
    reverse_code: str | None
    line: int
    # The token spans (first, last index in the doc) of the noun phrases the pattern's "$"
    # (source) and "+" (target) markers matched: the dictionary says who did it to whom.
    source: tuple[int, int] | None = None
    target: tuple[int, int] | None = None


class VerbSource(Protocol):
    """Anything that codes a verb in its parsed sentence: a caller's verb dictionary."""

    @property
    def provenance(self) -> str:
        """Where the dictionary came from and its digest, as records name it."""
        ...

    def code_for(self, sentence: Any, verb: Any) -> VerbCoding | None:
        """The coding of ``verb`` (a token of ``sentence``), or None for a verb it does not
        know."""
        ...


# The caller's dictionary for the current run; a context variable so that concurrent runs
# (threads, async API requests) each see their own.
_CALLER_VERBS: ContextVar[VerbSource | None] = ContextVar("caller_verbs", default=None)


@contextmanager
def using_verb_dictionary(dictionary: VerbSource | None) -> Iterator[None]:
    """Code the verbs ``dictionary`` knows by it (instead of this lexicon) inside the block."""
    token = _CALLER_VERBS.set(dictionary)
    try:
        yield
    finally:
        _CALLER_VERBS.reset(token)


def caller_verb_dictionary() -> VerbSource | None:
    """The caller's verb dictionary of the current run, if one is in use."""
    return _CALLER_VERBS.get()


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    """One lexicon entry: a lemma that names a PLOVER event under the stated conditions."""

    lemma: str
    type: str
    mode: str | None = None
    particle: tuple[str, ...] = ()
    objects: tuple[str, ...] = ()
    object_types: tuple[str, ...] = ()
    needs_xcomp: bool = False
    actor_is_object: bool = False
    ground: bool = False
    actor_sectors: tuple[str, ...] = ()
    not_objects: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()
    needs_light: bool = False
    not_object_types: tuple[str, ...] = ()
    not_particle: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TriggerLexicon:
    """The whole lexicon, indexed by lemma."""

    verbs: dict[str, tuple[TriggerEntry, ...]]
    nouns: dict[str, tuple[TriggerEntry, ...]]  # one lemma may name several events
    assault_modifiers: dict[str, str]
    protest_strikes: dict[str, str]
    light_verbs: frozenset[str]
    promising_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    accusatory_complements: frozenset[str]
    characterization_verbs: frozenset[str]
    pejoratives: frozenset[str]
    habitual_modifiers: frozenset[str] = frozenset()
    aggregate_heads: frozenset[str] = frozenset()
    joint_markers: frozenset[str] = frozenset()
    topic_preps: frozenset[str] = frozenset()
    accident_nouns: frozenset[str] = frozenset()
    commissive_verbs: frozenset[str] = frozenset()
    complaint_verbs: frozenset[str] = frozenset()
    participation_verbs: frozenset[str] = frozenset()
    light_verb_forms: frozenset[str] = frozenset()
    exercise_nouns: frozenset[str] = frozenset()
    topic_verbs: frozenset[str] = frozenset()
    prospect_nouns: frozenset[str] = frozenset()
    response_nouns: frozenset[str] = frozenset()
    anonymity_words: frozenset[str] = frozenset()
    wrongdoings: frozenset[str] = frozenset()


def _entry(row: dict[str, Any]) -> TriggerEntry:
    return TriggerEntry(
        lemma=row["lemma"],
        type=row["type"],
        mode=row.get("mode"),
        particle=tuple(row.get("particle", ())),
        objects=tuple(row.get("objects", ())),
        object_types=tuple(row.get("object_types", ())),
        needs_xcomp=bool(row.get("needs_xcomp", False)),
        actor_is_object=bool(row.get("actor_is_object", False)),
        ground=bool(row.get("ground", False)),
        actor_sectors=tuple(row.get("actor_sectors", ())),
        not_objects=tuple(row.get("not_objects", ())),
        subjects=tuple(row.get("subjects", ())),
        needs_light=bool(row.get("needs_light", False)),
        not_object_types=tuple(row.get("not_object_types", ())),
        not_particle=tuple(row.get("not_particle", ())),
    )


def _words(raw: dict[str, Any], key: str) -> dict[str, str]:
    return {k: v for k, v in raw[key].items() if not k.startswith("_")}


def _forms(verb: str) -> tuple[str, ...]:
    """The regular inflections of a verb: the small model lemmatizes some wrongly ("staged" as
    "stag"), and a light verb must be known by its form too."""
    stem = verb[:-1] if verb.endswith("e") else verb
    return (verb, f"{verb}s", f"{stem}ed", f"{stem}ing")


@lru_cache(maxsize=1)
def trigger_lexicon() -> TriggerLexicon:
    """The lexicon, read once per process."""
    raw: dict[str, Any] = read_data_json(_DATA_FILE, "event trigger lexicon")
    verbs: dict[str, list[TriggerEntry]] = {}
    for row in raw["verbs"]:
        verbs.setdefault(row["lemma"], []).append(_entry(row))
    nouns: dict[str, list[TriggerEntry]] = {}
    for row in raw["nouns"]:
        nouns.setdefault(row["lemma"], []).append(_entry(row))
    return TriggerLexicon(
        verbs={lemma: tuple(entries) for lemma, entries in verbs.items()},
        nouns={lemma: tuple(entries) for lemma, entries in nouns.items()},
        assault_modifiers=_words(raw, "assault_modifiers"),
        protest_strikes=_words(raw, "protest_strikes"),
        light_verbs=frozenset(raw["light_verbs"]),
        promising_verbs=frozenset(raw["promising_verbs"]),
        speech_verbs=frozenset(raw["speech_verbs"]),
        accusatory_complements=frozenset(raw["accusatory_complements"]),
        characterization_verbs=frozenset(raw["characterization_verbs"]),
        pejoratives=frozenset(raw["pejoratives"]),
        habitual_modifiers=frozenset(raw.get("habitual_modifiers", ())),
        aggregate_heads=frozenset(raw.get("aggregate_heads", ())),
        joint_markers=frozenset(raw.get("joint_markers", ())),
        topic_preps=frozenset(raw.get("topic_preps", ())),
        accident_nouns=frozenset(raw.get("accident_nouns", ())),
        commissive_verbs=frozenset(raw.get("commissive_verbs", ())),
        complaint_verbs=frozenset(raw.get("complaint_verbs", ())),
        participation_verbs=frozenset(raw.get("participation_verbs", ())),
        exercise_nouns=frozenset(raw.get("exercise_nouns", ())),
        topic_verbs=frozenset(raw.get("topic_verbs", ())),
        prospect_nouns=frozenset(raw.get("prospect_nouns", ())),
        response_nouns=frozenset(raw.get("response_nouns", ())),
        anonymity_words=frozenset(raw.get("anonymity_words", ())),
        wrongdoings=frozenset(raw.get("wrongdoings", ())),
        light_verb_forms=frozenset(form for verb in raw["light_verbs"] for form in _forms(verb)),
    )
