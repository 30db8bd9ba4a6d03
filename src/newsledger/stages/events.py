"""Events stage: who did what to whom, where and when, coded in PLOVER with CAMEO and ACLED.

For each sentence of the parse, triggers of our lexicon (``resources/event_triggers``) are found
and merged so that one event is listed once (``event_parts.triggers``); the dependency parse
gives each its actor, target and place (``event_parts.arguments``), the sentence its casualty
counts (``event_parts.casualties``) and the clause its auxiliary mode (``event_parts.modality``).
The date is that of the time expression governing the event's clause, or the publication date
(``date_source = "published"``) where the clause gives none. Type, mode, CAMEO root and ACLED
category come from ``resources/plover``. An event whose actor the text does not name is kept only
for an assault with a place or casualties ("five civilians were killed in Kharkiv"), with the
actor "unknown"; other actorless triggers are too vague to be events.
"""

from __future__ import annotations

from typing import Any, ClassVar

from newsledger.model import ActorRef, Event, PloverType, TimeExpr
from newsledger.pipeline.stage import Analysis
from newsledger.resources.countries import alpha3
from newsledger.resources.event_triggers import trigger_lexicon
from newsledger.resources.plover import acled_type, cameo_root
from newsledger.stages.event_parts.arguments import (
    Party,
    civilian_target,
    claims_reporting,
    find_actor,
    find_place,
    find_target,
)
from newsledger.stages.event_parts.casualties import casualties_in
from newsledger.stages.event_parts.modality import aux_mode
from newsledger.stages.event_parts.triggers import Candidate, find_candidates
from newsledger.stages.times import governing_time, record_date

UNKNOWN_ACTOR = ActorRef(name="unknown")
# Relations through which an event's clause takes the date of the clause that governs it; a
# complement (ccomp), relative (relcl) or adverbial (advcl) clause has a time of its own.
_DATE_CLIMB_DEPS = frozenset({"xcomp", "pcomp", "prep", "conj", "acomp", "dobj", "pobj", "acl"})
_OWN_TIME_DEPS = frozenset({"relcl", "ccomp", "advcl", "acl"})


class EventsStage:
    """List the article's events in PLOVER terms."""

    name: ClassVar[str] = "events"
    version: ClassVar[str] = "1"
    requires: ClassVar[frozenset[str]] = frozenset(
        {"parse", "entities", "actors", "places", "times", "claims"}
    )
    produces: ClassVar[frozenset[str]] = frozenset({"events"})
    languages: ClassVar[frozenset[str] | None] = frozenset({"en"})

    def run(self, analysis: Analysis) -> None:
        analysis.events = extract_events(analysis)


def extract_events(analysis: Analysis) -> tuple[Event, ...]:
    """The events of an analysed article, numbered v1, v2, ... in text order."""
    doc = analysis.parse
    if doc is None:
        return ()
    lexicon = trigger_lexicon()
    events: list[Event] = []
    for sentence in doc.sents:
        for candidate in find_candidates(sentence, lexicon):
            event = build_event(analysis, candidate, sentence, f"v{len(events) + 1}")
            if event is not None:
                events.append(event)
    return tuple(events)


def build_event(
    analysis: Analysis, candidate: Candidate, sentence: Any, event_id: str
) -> Event | None:
    """The event a trigger names, or None when the text does not support one."""
    actor = find_actor(analysis, candidate)
    entry = candidate.entry
    # "forces operating in Belgorod" is an assault; "companies operating in X" is not.
    if (
        entry is not None
        and entry.actor_sectors
        and (actor is None or actor.ref.sector not in entry.actor_sectors)
    ):
        return None
    target = find_target(analysis, candidate, actor)
    excluded = [(actor.start, actor.end)] if actor is not None else []
    place = find_place(analysis, candidate, excluded)
    if place is None and target is not None and target.place is not None:
        place = target.place
    casualties = casualties_in(sentence.text) if candidate.type == "ASSAULT" else None
    has_casualties = casualties is not None and casualties.fatalities is not None
    if actor is None and not (candidate.type == "ASSAULT" and (place or has_casualties)):
        return None
    place_country = alpha3(place.country) if place is not None and place.country else None
    target_ref = _target_ref(candidate, target, sentence, place_country)
    clause = _clause_verb(candidate)
    date, date_source = _event_date(analysis, candidate, clause)
    event_type: PloverType = candidate.type  # type: ignore[assignment]
    start, end = _event_span(analysis.document.text, sentence, candidate.anchor.idx)
    positions = [t.i for t in candidate.tokens()]
    if candidate.complement is not None:
        positions.append(candidate.complement.i)
    return Event(
        id=event_id,
        type=event_type,
        mode=candidate.mode,
        aux=aux_mode(candidate.anchor, clause, date, date_source, analysis.document.published),
        cameo=cameo_root(candidate.type, candidate.mode),
        acled=acled_type(
            candidate.type,
            candidate.mode,
            target_ref.sector if target_ref else None,
            ground=candidate.ground,
        ),
        actor=actor.ref if actor is not None else UNKNOWN_ACTOR,
        target=target_ref,
        place=place.id if place is not None else None,
        date=date,
        date_source=date_source,  # type: ignore[arg-type]
        fatalities=casualties.fatalities if casualties else None,
        injured=casualties.injured if casualties else None,
        casualties_approx=bool(casualties and casualties.approx),
        reported_by=claims_reporting(analysis.claims, positions, candidate.type, sentence),
        text=analysis.document.text[start:end],
        start=start,
        end=end,
    )


def _target_ref(
    candidate: Candidate, target: Party | None, sentence: Any, place_country: str | None
) -> ActorRef | None:
    """The target, with civilians named as such where an assault's victims were civilians."""
    civilians = candidate.type == "ASSAULT" and civilian_target(sentence)
    if target is None:
        return (
            ActorRef(name="civilians", country=place_country, sector="CVL") if civilians else None
        )
    ref = target.ref
    if civilians and ref.sector in {None, "CVL"} and ref.country is None:
        # "Civilians were killed by a Russian strike in Kharkiv": the victims of the place.
        return ActorRef(name=ref.name, country=place_country, sector="CVL")
    if civilians and target.place is not None:
        # "an attack on the city of Sumy, resulting in dozens of civilian deaths"
        return ActorRef(name="civilians", country=ref.country, sector="CVL")
    return ref


def _clause_verb(candidate: Candidate) -> Any:
    """The verb whose clause the event is told in: the light verb, the trigger, or for a bare
    nominal trigger the nearest verb above it."""
    if candidate.kind != "noun" or candidate.light is not None:
        return candidate.verb
    token = candidate.anchor
    while token.head.i != token.i and token.pos_ not in {"VERB", "AUX"}:
        token = token.head
    return token


def _event_date(
    analysis: Analysis, candidate: Candidate, clause: Any
) -> tuple[str | None, str | None]:
    """The date of the time expression governing the event's clause, climbing to governing
    clauses only through control and coordination; else the publication date."""
    text = analysis.document.text
    anchor_pos = candidate.anchor.idx
    token = clause
    for _ in range(6):
        start = token.left_edge.idx
        end = token.right_edge.idx + len(token.right_edge.text)
        times = _own_times(analysis, token, anchor_pos)
        found = governing_time(times, start, end, anchor_pos, text=text)
        if found is not None:
            date = record_date(found.value)
            if date is not None:
                return date, "text"
        if token.dep_ not in _DATE_CLIMB_DEPS or token.head.i == token.i:
            break
        token = token.head
    published = analysis.document.published
    return (published, "published") if published else (None, None)


def _own_times(analysis: Analysis, clause: Any, anchor_pos: int) -> list[TimeExpr]:
    """The times of the clause, leaving out those of clauses nested in it that the event is not
    in: "operating in Belgorod oblast, ... a region that Kiev invaded in August 2024" does not
    date the operating."""
    nested: list[tuple[int, int]] = []
    for token in clause.subtree:
        if token.i != clause.i and token.dep_ in _OWN_TIME_DEPS:
            start = token.left_edge.idx
            end = token.right_edge.idx + len(token.right_edge.text)
            if not start <= anchor_pos < end:
                nested.append((start, end))
    return [t for t in analysis.times if not any(a <= t.start < b for a, b in nested)]


def _event_span(text: str, sentence: Any, position: int) -> tuple[int, int]:
    """The sentence around ``position``, cut at blank lines: the parser sometimes runs a
    sentence across a paragraph break after a closing quote, and an event's text is the
    sentence it comes from, not two paragraphs."""
    start, end = sentence.start_char, sentence.end_char
    before = text.rfind("\n\n", start, position)
    if before >= 0:
        start = before + 2
    after = text.find("\n\n", position, end)
    if after >= 0:
        end = after
    return _stripped(text, start, end)


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
