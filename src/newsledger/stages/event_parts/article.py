"""Article-level passes over the events of one article: the same occurrence listed once, an
accusation aimed at the actor of the event it condemns, an unattributed strike given to the other
side of a two-sided war, an assault told again without its actor listed once, and the country an
article is set in.

The events stage builds events sentence by sentence (``stages/events.py``); these passes look at
the events already built, so they need no parse beyond the candidate at hand.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from newsledger.model import ActorRef, Event
from newsledger.pipeline.stage import Analysis
from newsledger.resources.countries import alpha3, country
from newsledger.resources.event_triggers import TriggerLexicon
from newsledger.stages.event_parts.syntax import direct_object
from newsledger.stages.event_parts.triggers import Candidate

UNKNOWN_ACTOR = ActorRef(name="unknown")


def attributed_by_context(analysis: Analysis, events: list[Event]) -> list[Event]:
    """In a story of two warring sides, an unattributed assault on one side's territory is the
    other side's ("three people were killed in Kherson" in a story of Russian strikes on
    Ukraine), as analysts code it; the actor's name says it was attributed from context."""
    sides = Counter(
        e.actor.country for e in events if e.type == "ASSAULT" and e.actor.country is not None
    )
    top = sides.most_common(2)
    if len(top) < 2:
        return events
    (first, _), (second, _) = top
    places = {p.id: p for p in analysis.places}
    attributed: list[Event] = []
    for event in events:
        place = places.get(event.place) if event.place is not None else None
        victim = alpha3(place.country) if place is not None and place.country else None
        if victim is None and event.target is not None:
            victim = event.target.country
        unattributed = event.actor.country is None and event.actor.sector is None
        if event.type == "ASSAULT" and unattributed and victim in {first, second}:
            other = second if victim == first else first
            found = country(other)
            name = f"{found.name if found else other} (from context)"
            attributed.append(replace(event, actor=ActorRef(name=name, country=other)))
        else:
            attributed.append(event)
    return attributed


def topic_target(
    event: Event, candidate: Candidate, earlier: list[Event], lexicon: TriggerLexicon
) -> Event:
    """ "Macron condemned the attack": an accusation whose object is an event told before is
    aimed at that event's actor (the latest earlier event of that type with a known country)."""
    if event.type != "ACCUSE" or event.target is not None:
        return event
    topic = direct_object(candidate.verb)
    entries = lexicon.nouns.get(topic.lemma_.lower(), ()) if topic is not None else ()
    if not entries:
        return event
    for previous in reversed(earlier):
        if previous.type == entries[0].type and previous.actor.country is not None:
            if previous.actor.country == event.actor.country:
                return event  # a party does not condemn its own act here; leave it open
            return replace(event, target=previous.actor)
    return event


def merge_duplicates(events: list[Event]) -> list[Event]:
    """One event per occurrence within a sentence: two triggers of one type whose actors and
    targets do not differ ("the tank crew fired two shells ... and then opened fire on them",
    "killed ... in an attack") tell one event. The fuller of the two is kept: a named actor, a
    target, a place, a date from the text."""
    kept: list[Event] = []
    for event in events:
        twin = next((k for k in kept if _same_occurrence(k, event)), None)
        if twin is None:
            kept.append(event)
        elif _fullness(event) > _fullness(twin):
            kept[kept.index(twin)] = event
    return kept


def drop_repeated_mentions(events: list[Event]) -> list[Event]:
    """An assault told again without its actor ("Russia struck Kharkiv. ... In Kharkiv, a
    five-story building was hit and three people were killed.") is the story's occurrence
    already listed, not a new one, when nothing tells them apart (type, aux, place, text date
    and target agree or are open): news tells a strike once and its details paragraphs later.
    It is listed once: the fuller mention, with the casualty counts the other gives. A mention
    naming its actor is left alone, since "Ukraine's forces have been operating in Belgorod"
    after "Ukraine launched an incursion" may tell a part worth its own event."""
    kept: list[Event] = []
    for event in events:
        unnamed = event.type == "ASSAULT" and event.actor == UNKNOWN_ACTOR
        twin = _repeated(event, kept) if unnamed else None
        if twin is None:
            kept.append(event)
            continue
        fuller, other = (event, twin) if _fullness(event) > _fullness(twin) else (twin, event)
        if fuller.fatalities is None and other.fatalities is not None:
            fuller = replace(
                fuller,
                fatalities=other.fatalities,
                injured=other.injured,
                casualties_approx=other.casualties_approx,
            )
        kept[kept.index(twin)] = fuller
    return kept


def _repeated(event: Event, earlier: list[Event]) -> Event | None:
    return next(
        (e for e in reversed(earlier) if e.start != event.start and _same_occurrence(e, event)),
        None,
    )


def _same_occurrence(a: Event, b: Event) -> bool:
    if a.type != b.type or a.aux != b.aux:
        return False
    # Told at different places or times, they are different events (ACLED: one place, one day).
    if a.place is not None and b.place is not None and a.place != b.place:
        return False
    if a.date_source == b.date_source == "text" and a.date != b.date:
        return False
    if a.actor.country is not None and b.actor.country is not None:
        if a.actor.country != b.actor.country:
            return False
    elif UNKNOWN_ACTOR not in (a.actor, b.actor) and a.actor.name != b.actor.name:
        return False
    a_target = a.target.country if a.target is not None else None
    b_target = b.target.country if b.target is not None else None
    return a_target is None or b_target is None or a_target == b_target


def _fullness(event: Event) -> int:
    return (
        2 * (event.actor != UNKNOWN_ACTOR)
        + (event.target is not None)
        + (event.place is not None)
        + (event.date_source == "text")
        + (event.fatalities is not None)
    )


def article_country(analysis: Analysis) -> str | None:
    """The country (alpha-3) that most of the article's place mentions lie in, when it holds
    at least half of them: the setting of a local story."""
    counts: dict[str, int] = {}
    for place in analysis.places:
        if place.country:
            counts[place.country] = counts.get(place.country, 0) + len(place.mentions)
    if not counts:
        return None
    best = max(counts, key=lambda code: counts[code])
    return alpha3(best) if 2 * counts[best] >= sum(counts.values()) else None
