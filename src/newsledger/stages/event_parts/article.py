"""Article-level passes over the events of one article: the same occurrence listed once, an
accusation aimed at the actor of the event it condemns, an unattributed strike given to the other
side of a two-sided war, an assault told again without its actor listed once, and the country an
article is set in.

The events stage builds events sentence by sentence (``stages/events.py``); these passes look at
the events already built, so they need no parse beyond the candidate at hand.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from newsledger.model import ActorRef, Event
from newsledger.pipeline.stage import Analysis
from newsledger.resources.countries import alpha3, country
from newsledger.resources.event_triggers import TriggerLexicon
from newsledger.stages.event_parts.candidate import SPEECH_ACT_TYPES
from newsledger.stages.event_parts.syntax import direct_object
from newsledger.stages.event_parts.triggers import Candidate
from newsledger.stages.times import record_date

UNKNOWN_ACTOR = ActorRef(name="unknown")
# PLOVER assault modes that name a kind of act (not the means of one): a mention with
# another of them tells another act.
_ACT_MODES = frozenset(
    {"abduct", "beat", "torture", "sexual", "targeted", "destroy", "crowd-control"}
)
# How many paragraph breaks the details of a dated overview of attacks may run over.
_OVERVIEW_PARAGRAPHS = 4
# Modes of a clause that doubts or denies an occurrence rather than telling a new one.
_DOUBT_AUX = frozenset({"hypothetical", "negation"})
# Reactions to another party's act: aimed at whoever did the act they name.
_REACTION_TYPES = frozenset({"ACCUSE", "SUPPORT", "REJECT"})
# "HANOI, Vietnam (AP) —": a dateline city in capitals opening the story.
_DATELINE = re.compile(r"\A\s*([A-Z][A-Z.'’ -]{2,}),")
# Event types that happen where their actor is (said, met, asked), not on a battlefield.
_PRESENCE_TYPES = SPEECH_ACT_TYPES | {"CONSULT"}


def attributed_by_context(analysis: Analysis, events: list[Event]) -> list[Event]:
    """In a story of two warring sides, an unattributed assault on one side's territory is the
    other side's ("three people were killed in Kherson" in a story of Russian strikes on
    Ukraine), as analysts code it; the actor's name says it was attributed from context. The
    sides are the countries that attack and are attacked in the story's attributed assaults, so
    a story that tells only one side's strikes ("Russia's attacks on Ukraine") still has two."""
    sides: Counter[str] = Counter()
    for e in events:
        if e.type != "ASSAULT" or e.actor.country is None:
            continue
        sides[e.actor.country] += 1
        if e.target is not None and e.target.country not in {None, e.actor.country}:
            sides[e.target.country] += 1
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


def placed_by_dateline(analysis: Analysis, events: list[Event]) -> list[Event]:
    """ "VILNIUS, Lithuania (AP) — The defence minister on Tuesday accused ... She met with
    officials": the statements and meetings of the
    story's lead actor (the actor of its first event), told without a place, happen in the
    dateline city, where the reporter is with them."""
    match = _DATELINE.match(analysis.document.text)
    if match is None or not events or events[0].actor.entity is None:
        return events
    start = match.start(1)
    dateline = next((p for p in analysis.places if any(m.start == start for m in p.mentions)), None)
    if dateline is None:
        return events
    lead = events[0].actor.entity
    return [
        replace(event, place=dateline.id)
        if event.place is None and event.type in _PRESENCE_TYPES and event.actor.entity == lead
        else event
        for event in events
    ]


@dataclass(frozen=True, slots=True)
class DatedMention:
    """A nominal trigger with a time of its own that made no event: where it is, its type,
    its word ("explosions", "drills") and its date."""

    position: int
    type: str
    word: str
    date: str


def dated_by_mention(
    analysis: Analysis, events: list[Event], mentions: list[DatedMention]
) -> list[Event]:
    """Date events the text tells without a time by dated mentions that made no event:

    - an overview of attacks before them ("Both sides reported explosions on Friday night and
      early Saturday. In Kherson, three people were killed ..."): news gives the dated
      overview, then details without a time of their own. An undated assault within the next
      paragraphs, before any other time expression, has the overview's date;
    - a re-mention of the same event word just after them ("China held huge drills around
      Taiwan. Beijing ... called Monday's drills a warning"): the same occurrence, dated.
    """
    if not mentions:
        return events
    text = analysis.document.text
    dated_positions = sorted(
        t.start for t in analysis.times if t.type in ("DATE", "TIME") and record_date(t.value)
    )
    result: list[Event] = []
    for event in events:
        found = None
        if event.date_source != "text" and event.aux is None:
            found = _re_mention_after(event, mentions, text)
            if found is None and event.type == "ASSAULT":
                found = _overview_before(event.start, mentions, dated_positions, text)
        result.append(
            replace(event, date=found, date_source="text") if found is not None else event
        )
    return result


def _re_mention_after(event: Event, mentions: list[DatedMention], text: str) -> str | None:
    if event.trigger is None:
        return None
    words = {word.strip(".,;:").lower() for word in event.trigger.text.split()}
    for mention in mentions:
        if mention.position <= event.end or mention.type != event.type:
            continue
        if text.count("\n\n", event.end, mention.position) > 1:
            return None  # mentions are in text order: the rest are further away
        if mention.word in words:
            return mention.date
    return None


def _overview_before(
    start: int, mentions: list[DatedMention], dated_positions: list[int], text: str
) -> str | None:
    earlier = [m for m in mentions if m.type == "ASSAULT" and m.position < start]
    if not earlier:
        return None
    overview = max(earlier, key=lambda m: m.position)
    # The overview's own time expressions lie in its line; any later one starts a new time.
    line_end = text.find("\n", overview.position)
    line_end = start if line_end < 0 else min(line_end, start)
    if any(line_end < p < start for p in dated_positions):
        return None
    if text.count("\n\n", overview.position, start) > _OVERVIEW_PARAGRAPHS:
        return None
    return overview.date


def topic_target(
    event: Event, candidate: Candidate, earlier: list[Event], lexicon: TriggerLexicon
) -> Event:
    """ "Macron condemned the attack", "... hit during the attack, denouncing it", "the US
    welcomed the exchange", "dismissed the threat": a reaction (accusation, support, rejection)
    whose object is an event told before (or "it" standing for the event noun just before it)
    is aimed at that event's actor (the latest earlier event of that type with a known
    country)."""
    if event.type not in _REACTION_TYPES or event.target is not None:
        return event
    topic = direct_object(candidate.verb)
    if topic is not None and topic.lower_ in {"it", "this"}:
        # "the residence was hit during the attack, denouncing it": the event noun just before.
        before = [t for t in topic.sent if t.i < candidate.verb.i and t.pos_ == "NOUN"]
        topic = next((t for t in reversed(before) if t.lemma_.lower() in lexicon.nouns), None)
    entries = lexicon.nouns.get(topic.lemma_.lower(), ()) if topic is not None else ()
    if not entries:
        return event
    for previous in reversed(earlier):
        if previous.type == entries[0].type and previous.actor.country is not None:
            if previous.actor.country == event.actor.country:
                return event  # a party does not condemn its own act here; leave it open
            return replace(event, target=previous.actor)
    return event


# Determiners by which a noun refers to something already told.
_DEFINITE_DETS = frozenset({"the", "this", "these", "that", "those"})


def merge_duplicates(events: list[Event]) -> list[Event]:
    """One event per occurrence within a sentence: two triggers of one type whose actors and
    targets do not differ ("the tank crew fired two shells ... and then opened fire on them",
    "killed ... in an attack") tell one event. The fuller of the two is kept: a named actor, a
    target, a place, a date from the text."""
    kept: list[Event] = []
    for event in events:
        twin = next(
            (k for k in kept if _same_occurrence(k, event) and not _other_acts(k, event)), None
        )
        if twin is None:
            kept.append(event)
        elif _fullness(event) > _fullness(twin):
            kept[kept.index(twin)] = event
    return kept


def drop_repeated_mentions(events: list[Event]) -> list[Event]:
    """An assault told again ("Russia struck Kharkiv. ... In Kharkiv, a five-story building was
    hit and three people were killed.") is the story's occurrence already listed, not a new one,
    when nothing tells them apart (type, place, text date and target agree or are open): news
    tells a strike once and its details paragraphs later. It is listed once, with the details
    the other mention adds: casualty counts, and a finer date ("in October" then "the Oct. 13
    attack"). A re-mention in a doubting or denying clause ("could not determine whether the
    crew shot at them") is about the occurrence already told as having happened.

    A mention without an actor is merged into the fuller one. A mention naming its actor is
    merged only when it adds nothing of its own (no place, time or casualties) and names the
    same country and no other kind of act (PLOVER mode): "riot police smashing windows" after
    "killings by security forces" is another act, and "Ukraine's forces have been operating
    in Belgorod" after "Ukraine launched an incursion" tells a part worth its own event."""
    kept: list[Event] = []
    for event in events:
        twin = _repeated(event, kept) if event.type == "ASSAULT" else None
        if twin is None:
            kept.append(event)
            continue
        if event.actor == UNKNOWN_ACTOR:
            fuller, other = (event, twin) if _fullness(event) > _fullness(twin) else (twin, event)
        else:
            fuller, other = twin, event
        if fuller.fatalities is None and other.fatalities is not None:
            fuller = replace(
                fuller,
                fatalities=other.fatalities,
                injured=other.injured,
                casualties_approx=other.casualties_approx,
            )
        fuller = replace(fuller, aux=twin.aux)
        if _says_more_when(other, fuller):
            fuller = replace(fuller, date=other.date, date_source="text")
        kept[kept.index(twin)] = fuller
    return kept


def drop_definite_re_mentions(analysis: Analysis, events: list[Event]) -> list[Event]:
    """ "US and Filipino troops launched joint exercises ... The joint US-Philippine exercises
    also come days after ...": a definite noun ("the exercises", "these talks") naming an act of
    the type, actor and target of one told before it, with no place or time of its own, refers
    back to that occurrence; it is not another one. (Assaults, told again with details, are
    merged by ``drop_repeated_mentions``.)"""
    kept: list[Event] = []
    for event in events:
        if event.type != "ASSAULT" and _definite_noun(analysis, event):
            twin = next(
                (k for k in reversed(kept) if _refers_back(k, event)),
                None,
            )
            if twin is not None:
                continue
        kept.append(event)
    return kept


def _definite_noun(analysis: Analysis, event: Event) -> bool:
    doc = analysis.parse
    if doc is None or event.trigger is None:
        return False
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None or len(span) != 1 or span[0].pos_ != "NOUN":
        return False
    return any(c.dep_ == "det" and c.lower_ in _DEFINITE_DETS for c in span[0].children)


def _refers_back(previous: Event, event: Event) -> bool:
    if not _same_occurrence(previous, event) or event.actor.country is None:
        return False
    if previous.actor.country != event.actor.country or event.place not in {None, previous.place}:
        return False
    return event.date_source != "text" or previous.date == event.date


def _repeated(event: Event, earlier: list[Event]) -> Event | None:
    named = event.actor != UNKNOWN_ACTOR
    if named and (
        event.actor.country is None or event.place is not None or event.fatalities is not None
    ):
        return None
    for previous in reversed(earlier):
        if previous.start == event.start or not _same_occurrence(previous, event, repeat=True):
            continue
        if not named:
            return previous
        # A named re-mention adds no time of its own: none, or the one already told.
        same_time = event.date_source != "text" or (
            previous.date_source == "text" and previous.date == event.date
        )
        # "beating demonstrators" after "killings by security forces" is another kind of act;
        # a means ("shot at them": firearms) only tells how the same act was done.
        other_act = event.mode in _ACT_MODES and event.mode != previous.mode
        if same_time and not other_act and previous.actor.country == event.actor.country:
            return previous
    return None


def _says_more_when(other: Event, kept: Event) -> bool:
    """Whether ``other`` dates the occurrence better than ``kept``: from the text where
    ``kept`` is not, or more precisely ("2023-10-13" against "2023-10")."""
    if other.date_source != "text" or other.date is None:
        return False
    return kept.date_source != "text" or (
        kept.date is not None and len(other.date) > len(kept.date)
    )


def _compatible_dates(a: str | None, b: str | None) -> bool:
    """Whether two dates can name one time: equal, or one inside the other (2023-10 and
    2023-10-13)."""
    if a is None or b is None:
        return True
    return a.startswith(b) or b.startswith(a)


def _same_occurrence(a: Event, b: Event, *, repeat: bool = False) -> bool:
    """Whether two events (``b`` told after ``a``) can be one occurrence. With ``repeat``, a
    later mention under doubt or negation can re-tell an occurrence told as having happened."""
    if a.type != b.type:
        return False
    if a.aux != b.aux and not (repeat and a.aux is None and b.aux in _DOUBT_AUX):
        return False
    # Told at different places or times, they are different events (ACLED: one place, one day).
    if a.place is not None and b.place is not None and a.place != b.place:
        return False
    if a.date_source == b.date_source == "text" and not _compatible_dates(a.date, b.date):
        return False
    if a.actor.country is not None and b.actor.country is not None:
        if a.actor.country != b.actor.country:
            return False
    elif UNKNOWN_ACTOR not in (a.actor, b.actor) and a.actor.name != b.actor.name:
        return False
    a_target = a.target.country if a.target is not None else None
    b_target = b.target.country if b.target is not None else None
    return a_target is None or b_target is None or a_target == b_target


def _other_acts(a: Event, b: Event) -> bool:
    """ "used tear gas to disperse protests and beat demonstrators": two acts of one sentence
    that name different kinds of act (PLOVER modes crowd-control and beat) are two events,
    as separate acts are coded separately; what one speaker says in a sentence is one act."""
    if a.type in SPEECH_ACT_TYPES:
        return False  # "denounced the strike, which Moscow blamed on Kyiv": one statement
    return a.mode is not None and b.mode is not None and a.mode != b.mode


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
