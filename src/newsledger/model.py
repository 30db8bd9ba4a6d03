"""The newsledger record: one data model that every stage reads and writes.

The record contract (``shared/RECORD.md``, schema ``newsledger.record/1``) is expressed here once,
as frozen, slotted dataclasses. The JSON form, the parser back from JSON and the JSON Schema are all
derived from these class definitions, so a field is declared in exactly one place. Sequences are
tuples so that a record cannot be changed behind a stage's back; a stage that refines a section
builds new objects with :func:`dataclasses.replace`.

Offsets are Python string indices into ``Document.text`` (``end`` exclusive), and every object
with ``text``/``start``/``end`` satisfies ``text == document.text[start:end]``
(:func:`check_offsets` verifies it).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import types
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

SCHEMA_ID = "newsledger.record/1"

EntityType = str  # spaCy/OntoNotes labels: PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, ...
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
TimeMod = Literal["START", "MID", "END", "APPROX"]
ClaimKind = Literal["direct", "indirect"]
Stance = Literal["assert", "deny", "accuse", "evade", "other"]
DateSource = Literal["text", "published"]
PloverType = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]
AuxMode = Literal["negation", "hypothetical", "future", "historical"]

# Dates are "YYYY-MM-DD", "YYYY-MM" or "YYYY": as precise as the text allows.
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
DAY_PATTERN = r"^\d{4}-\d{2}-\d{2}$"  # a publication date is always a day


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of an entity or place in the document text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Document:
    """The article: metadata plus the cleaned text every offset points into."""

    id: str
    text: str
    language: str
    source_id: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = field(default=None, metadata={"pattern": DAY_PATTERN})
    outlet: str | None = None
    url: str | None = None
    warnings: tuple[str, ...] = ()
    section: str | None = None  # extension: a section label such as "ANALYSIS"


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation or other named thing, with its actor coding where known."""

    id: str
    name: str
    type: EntityType
    mentions: tuple[Mention, ...]
    country: str | None = None  # ISO 3166-1 alpha-3, or PLOVER's IGO/UNO/EUR/NGO codes
    sector: str | None = None  # PLOVER sector: GOV, MIL, CVL, REB, JRN, ...


@dataclass(frozen=True, slots=True)
class Place:
    """A toponym resolved to a gazetteer entry; unresolved toponyms never appear here."""

    id: str
    name: str
    lat: float
    lon: float
    feature: str  # GeoNames feature code: PPLA, ADM1, PCLI, RGN, CONT, ...
    confidence: float = field(metadata={"minimum": 0.0, "maximum": 1.0})
    mentions: tuple[Mention, ...]
    geonameid: int | None = None
    country: str | None = None  # ISO 3166-1 alpha-2 (GeoNames convention)
    admin1: str | None = None
    # A country's demonyms and national adjectives in the text ("Turkish", "Ukrainians"), kept
    # apart from ``mentions``: they say whose people or things are meant, never where something
    # happened, so no event is placed by one. Geoparsing gold sets count them as toponyms.
    demonyms: tuple[Mention, ...] = field(default=(), metadata={"added": True})


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A temporal expression with its TIMEX3-style normalized value."""

    id: str
    text: str
    start: int
    end: int
    type: TimeType
    value: str | None = None
    mod: TimeMod | None = None


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who makes a claim; ``name`` is "unknown" when the text does not say."""

    name: str
    entity: str | None = None
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """A statement attributed to a speaker, direct (quoted) or indirect (reported)."""

    id: str
    speaker: Speaker
    text: str
    kind: ClaimKind
    cue: str
    stance: Stance
    start: int
    end: int
    date: str | None = field(default=None, metadata={"pattern": DATE_PATTERN})
    date_source: DateSource | None = None


@dataclass(frozen=True, slots=True)
class ActorRef:
    """The actor or target of an event, coded as country and PLOVER sector."""

    name: str
    entity: str | None = None
    country: str | None = None
    sector: str | None = None
    # The parties a coordinated actor is made of ("Russia and Belarus" → Russia, Belarus), each
    # coded, so that a compound party without one country still says whose act it was; PLOVER
    # lists them in one record, CAMEO coders make one dyad per member. Empty for one party.
    members: tuple[ActorRef, ...] = field(default=(), metadata={"added": True})


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom, where and when, coded in PLOVER with CAMEO/ACLED crosswalks."""

    id: str
    type: PloverType
    actor: ActorRef
    text: str
    start: int
    end: int
    target: ActorRef | None = None
    mode: str | None = None
    aux: AuxMode | None = None
    cameo: str | None = field(default=None, metadata={"pattern": r"^(0[1-9]|1\d|20)$"})
    acled: str | None = None
    place: str | None = None
    date: str | None = field(default=None, metadata={"pattern": DATE_PATTERN})
    date_source: DateSource | None = None
    fatalities: int | None = None
    injured: int | None = None
    casualties_approx: bool = False
    reported_by: tuple[str, ...] = ()
    # The words that name the event ("launched an attack", "accused"), inside [start, end): an
    # analyst sees which words were coded, and evals can match events at the trigger.
    trigger: Mention | None = field(default=None, metadata={"added": True})


@dataclass(frozen=True, slots=True)
class Contradiction:
    """Claims on the same matter with opposite stances."""

    id: str
    about: str
    claims_for: tuple[str, ...]
    claims_against: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StageRun:
    """A stage that contributed to the record, so stored results are reproducible (extension)."""

    name: str
    version: str
    # The caller's dictionaries the stage coded with ("actors my.actors.txt sha256:1f2e..."):
    # the same version codes differently with another dictionary.
    dictionaries: tuple[str, ...] = field(default=(), metadata={"added": True})


@dataclass(frozen=True, slots=True)
class Record:
    """One article in, one record out."""

    document: Document
    schema: str = SCHEMA_ID
    entities: tuple[Entity, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    claims: tuple[Claim, ...] = ()
    events: tuple[Event, ...] = ()
    contradictions: tuple[Contradiction, ...] = ()
    pipeline: tuple[StageRun, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return to_jsonable(self)  # type: ignore[no-any-return]

    def to_json(self, *, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        return from_jsonable(cls, data)

    @classmethod
    def from_json(cls, text: str) -> Record:
        return cls.from_dict(json.loads(text))


# --- document identity ---------------------------------------------------------------------

_WHITESPACE_RUN = re.compile(r"\s+")


def document_id(text: str) -> str:
    """First 16 hex chars of sha256 of the NFC text with white space runs collapsed.

    The same article gets the same id whatever its source (file, JSONL, HTML), which is what
    lets the ledger recognise a re-ingested article.
    """
    normalized = _WHITESPACE_RUN.sub(" ", unicodedata.normalize("NFC", text)).strip()
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()[:16]


# --- JSON in and out, derived from the dataclass fields ----------------------------------------

T = TypeVar("T")


def to_jsonable(value: Any) -> Any:
    """Turn a model object (or a tuple of them) into plain JSON values, fields in declared order."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in _json_fields(type(value))}
    if isinstance(value, tuple | list):
        return [to_jsonable(v) for v in value]
    return value


def _json_fields(cls: type) -> list[dataclasses.Field[Any]]:
    """Fields in the order the contract shows them: ``schema`` first on the record."""
    fields = list(dataclasses.fields(cls))
    if cls is Record:
        fields.sort(key=lambda f: f.name != "schema")
    return fields


def from_jsonable(cls: type[T], data: Any) -> T:
    """Build a model object from plain JSON values, checking types as it goes."""
    return _convert(cls, data, cls.__name__)  # type: ignore[no-any-return]


def _convert(hint: Any, value: Any, where: str) -> Any:
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        options = get_args(hint)
        if value is None and type(None) in options:
            return None
        errors = []
        for option in options:
            if option is type(None):
                continue
            try:
                return _convert(option, value, where)
            except (TypeError, ValueError) as exc:
                errors.append(str(exc))
        raise TypeError("; ".join(errors))
    if origin is Literal:
        if value not in get_args(hint):
            raise ValueError(f"{where}: {value!r} is not one of {get_args(hint)}")
        return value
    if origin is tuple:
        if not isinstance(value, list | tuple):
            raise TypeError(f"{where}: expected a list, got {type(value).__name__}")
        (item_hint, _ellipsis) = get_args(hint)
        return tuple(_convert(item_hint, v, f"{where}[{i}]") for i, v in enumerate(value))
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        if not isinstance(value, dict):
            raise TypeError(f"{where}: expected an object, got {type(value).__name__}")
        hints = get_type_hints(hint)
        kwargs = {
            f.name: _convert(hints[f.name], value[f.name], f"{where}.{f.name}")
            for f in dataclasses.fields(hint)
            if f.name in value
        }
        return hint(**kwargs)
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if hint in (str, int, float, bool):
        if not isinstance(value, hint) or (hint is int and isinstance(value, bool)):
            raise TypeError(f"{where}: expected {hint.__name__}, got {type(value).__name__}")
        return value
    raise TypeError(f"{where}: unsupported type {hint!r}")


# --- JSON Schema, derived from the same dataclasses -------------------------------------------

_JSON_TYPES = {str: "string", int: "integer", float: "number", bool: "boolean"}


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a record, generated from the dataclasses above."""
    definitions: dict[str, Any] = {}
    root = _schema_for(Record, definitions)
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://newsledger.invalid/schema/record-1.json",
        "title": "newsledger record",
        "description": (Record.__doc__ or "").strip(),
    }
    schema.update(definitions.pop("Record"))
    schema["properties"]["schema"] = {"const": SCHEMA_ID}
    schema["$defs"] = definitions
    del root
    return schema


def _schema_for(hint: Any, definitions: dict[str, Any], meta: Any = None) -> dict[str, Any]:
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        options = [o for o in get_args(hint) if o is not type(None)]
        (inner,) = options
        return {"anyOf": [_schema_for(inner, definitions, meta), {"type": "null"}]}
    if origin is Literal:
        return {"enum": list(get_args(hint))}
    if origin is tuple:
        return {"type": "array", "items": _schema_for(get_args(hint)[0], definitions)}
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        name = hint.__name__
        if name not in definitions:
            definitions[name] = {}  # placeholder against recursion
            hints = get_type_hints(hint)
            fields = dataclasses.fields(hint)
            definitions[name] = {
                "type": "object",
                "description": (hint.__doc__ or "").strip(),
                "properties": {
                    f.name: _schema_for(hints[f.name], definitions, f.metadata) for f in fields
                },
                # Fields added to the contract later are optional, so that records stored
                # before them still validate (from_json gives them their defaults).
                "required": [f.name for f in fields if not f.metadata.get("added")],
                "additionalProperties": True,  # the contract may be extended, never broken
            }
        return {"$ref": f"#/$defs/{name}"}
    if hint in _JSON_TYPES:
        schema: dict[str, Any] = {"type": _JSON_TYPES[hint]}
        for key in ("pattern", "minimum", "maximum"):
            if meta and key in meta:
                schema[key] = meta[key]
        return schema
    raise TypeError(f"no JSON Schema for {hint!r}")


# --- invariants -------------------------------------------------------------------------------


def check_offsets(record: Record) -> list[str]:
    """Every span that does not match ``document.text[start:end]``; empty when all agree."""
    text = record.document.text
    problems: list[str] = []

    def check(where: str, start: int, end: int, span_text: str) -> None:
        if not (0 <= start <= end <= len(text)) or text[start:end] != span_text:
            problems.append(f"{where}: [{start}:{end}] {span_text!r}")

    for entity in record.entities:
        for m in entity.mentions:
            check(f"entity {entity.id}", m.start, m.end, m.text)
    for place in record.places:
        for m in (*place.mentions, *place.demonyms):
            check(f"place {place.id}", m.start, m.end, m.text)
    for spans in (record.times, record.claims, record.events):
        for span in spans:
            check(f"{type(span).__name__} {span.id}", span.start, span.end, span.text)
    return problems
