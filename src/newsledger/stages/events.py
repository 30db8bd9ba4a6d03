"""Events stage: who did what to whom, where and when, coded in PLOVER with CAMEO and ACLED.

For each sentence of the parse, triggers of our lexicon (``resources/event_triggers``) are found
and merged so that one event is listed once (``event_parts.triggers``); the dependency parse
gives each its actor (``event_parts.arguments``, coding phrases with ``parties`` and
``coordination``), target (``targets``) and place (``event_place``), the sentence its casualty
counts (``event_parts.casualties``), the clause its auxiliary mode (``event_parts.modality``) and
its date (``event_parts.event_time``: the governing time expression, or the publication date
with ``date_source = "published"``). Type, mode, CAMEO root and ACLED category come from
``resources/plover``. An event whose actor the text does not name is kept only for an assault
with a place or casualties ("five civilians were killed in Kharkiv") or told in the passive with
its doers ("abducted by gunmen"), with the actor "unknown", or a protest with a place (its
protesters); other actorless triggers are too vague to be events. Crowd control is aimed at the
crowd, the people of the place.
A protest with no party named as its target is aimed at the protesters' government; unnamed
people of a sector ("government officials", "the general") are of the event's place or the
story's setting, and a physical act by a local party (police, civilians, rebels) told without a
place happened in the country the story is set in.
Article-level passes (``event_parts.article``) then list an occurrence told by two triggers of
one sentence once, aim "condemned the attack" at that attack's actor, list an assault told again
once, date events told without a time by a dated overview before them ("explosions on Friday
night ... In Kherson, three people were killed") or a dated re-mention after them ("held drills
... Monday's drills"), give an unattributed strike in a
two-sided war to the other side, and place the lead actor's statements and meetings told
without a place in the dateline city.
Source-list lines ("Title" — Outlet, date) are not narration and are skipped, and so are an
unattributed, undated attack that only dates another event ("days after X was killed"), an
attack named as what someone is protected from ("protection against Russian airstrikes"),
fighting beside someone ("fighting alongside the rebels"), a source's request to the reporters
("asked us to change her name") and a bare "agreed" that concurs with an opinion.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, ClassVar

from newsledger.model import ActorRef, AuxMode, Event, Mention, Place, PloverType
from newsledger.pipeline.stage import Analysis
from newsledger.resources.countries import alpha3, country
from newsledger.resources.event_triggers import trigger_lexicon
from newsledger.resources.plover import acled_type, cameo_code_root, cameo_root, plover_for_cameo
from newsledger.stages.event_parts.arguments import MATERIAL_TYPES, find_actor
from newsledger.stages.event_parts.article import (
    UNKNOWN_ACTOR,
    DatedMention,
    article_country,
    attributed_by_context,
    dated_by_mention,
    drop_definite_re_mentions,
    drop_repeated_mentions,
    merge_duplicates,
    placed_by_dateline,
    topic_target,
)
from newsledger.stages.event_parts.candidate import clause_of
from newsledger.stages.event_parts.casualties import casualties_in, civilian_target
from newsledger.stages.event_parts.claim_links import claims_reporting
from newsledger.stages.event_parts.event_place import find_place
from newsledger.stages.event_parts.event_time import event_date, in_past_narrative
from newsledger.stages.event_parts.modality import aux_mode
from newsledger.stages.event_parts.parties import Party, quotation_at
from newsledger.stages.event_parts.syntax import agent_of, child_words, children, is_passive
from newsledger.stages.event_parts.targets import find_target
from newsledger.stages.event_parts.triggers import Candidate, find_candidates

__all__ = ["UNKNOWN_ACTOR", "EventsStage", "build_event", "extract_events", "merge_duplicates"]

# A quoted headline followed by a dash and its outlet: a line of a source list, not narration.
_CITATION = re.compile(r'^\s*["“][^"”]+["”]\s*[—–-]\s*\S')
# Sectors whose members act where they live: police, civilians and protesters, the opposition,
# courts, and rebels (CAMEO codes insurgents with the country they fight in: UKRREB). One of
# them named without a country ("riot police", "demonstrators", "rebels") is of the event's
# country, or of the article's setting.
_LOCAL_SECTORS = frozenset({"COP", "CVL", "OPP", "JUD", "LEG", "PTY", "REB"})
# Sectors of the public, whose protests are addressed to their own government by default.
_PUBLIC_SECTORS = frozenset({None, "CVL", "OPP", "PTY", "LAB", "REL", "EDU"})
# Words of protection: what they guard against is a danger, not an event.
_GUARD_LEMMAS = frozenset(
    {"protect", "protection", "defend", "defense", "defence", "shield", "safeguard", "guard"}
)
# Subordinators of a clause that only dates another event by this one.
_TIME_REFERENCE_MARKS = frozenset({"after", "before", "since"})


class EventsStage:
    """List the article's events in PLOVER terms."""

    name: ClassVar[str] = "events"
    version: ClassVar[str] = "4"
    # A caller's actor and verb dictionaries (``--actors``, ``--verbs``) code before ours.
    consults: ClassVar[frozenset[str]] = frozenset({"actors", "verbs"})
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
    mentions: list[DatedMention] = []
    for sentence in doc.sents:
        if _CITATION.match(sentence.text):
            continue  # a source list's line ("Russia attacks Ukraine" — Politico, ...)
        built: list[Event] = []
        for candidate in find_candidates(sentence, lexicon):
            event = build_event(analysis, candidate, sentence, "")
            if event is not None:
                built.append(topic_target(event, candidate, [*events, *built], lexicon))
                reverse = reverse_event(built[-1], candidate.reverse_code)
                if reverse is not None:
                    built.append(reverse)
            else:
                mention = _dated_mention(analysis, candidate)
                if mention is not None:
                    mentions.append(mention)
        for event in merge_duplicates(built):
            events.append(replace(event, id=f"v{len(events) + 1}"))
    events = drop_repeated_mentions(events)
    events = drop_definite_re_mentions(analysis, events)
    events = dated_by_mention(analysis, events, mentions)
    events = attributed_by_context(analysis, events)
    events = placed_by_dateline(analysis, events)
    return tuple(replace(event, id=f"v{number}") for number, event in enumerate(events, start=1))


def reverse_event(event: Event, code: str | None) -> Event | None:
    """The target's act toward the actor that a caller's symmetric code ``[032:033]`` adds to
    the actor's (PETRARCH lists it as an event of its own), or None without such a code, a
    target, or a PLOVER type for the code."""
    coded = plover_for_cameo(code) if code is not None else None
    root = cameo_code_root(code) if code is not None else None
    if coded is None or root is None or event.target is None:
        return None
    event_type, mode = coded
    return replace(
        event,
        type=event_type,  # type: ignore[arg-type]  # plover_for_cameo gives PLOVER type names
        mode=mode,
        cameo=root,
        acled=acled_type(event_type, mode, event.actor.sector),
        actor=event.target,
        target=event.actor,
        fatalities=None,
        injured=None,
        casualties_approx=False,
    )


def build_event(
    analysis: Analysis, candidate: Candidate, sentence: Any, event_id: str
) -> Event | None:
    """The event a trigger names, or None when the text does not support one."""
    if candidate.type == "ASSAULT" and (_guarded_against(candidate) or _fought_beside(candidate)):
        return None
    if _asks_the_reporter(analysis, candidate) or _bare_agreement(candidate):
        return None
    actor = find_actor(analysis, candidate)
    entry = candidate.entry
    # "forces operating in Belgorod" is an assault; "companies operating in X" is not.
    if (
        entry is not None
        and entry.actor_sectors
        and (actor is None or actor.ref.sector not in entry.actor_sectors)
    ):
        return None
    if (
        candidate.type == "ACCUSE"
        and candidate.mode == "investigate"
        and actor is not None
        and actor.ref.sector in {"JRN", "MED"}
    ):
        # A news organisation's investigation is reporting; PLOVER's investigations are
        # those of authorities and bodies that can hold someone to account.
        return None
    target = find_target(analysis, candidate, actor)
    excluded = [(actor.start, actor.end)] if actor is not None else []
    place = find_place(analysis, candidate, excluded)
    if place is None and target is not None and target.place is not None:
        place = target.place
    casualties = casualties_in(sentence.text) if candidate.type == "ASSAULT" else None
    has_casualties = casualties is not None and casualties.fatalities is not None
    place_country = alpha3(place.country) if place is not None and place.country else None
    actor_ref = actor.ref if actor is not None else None
    if (
        actor_ref is not None
        and actor_ref.country is None
        and not actor_ref.members  # several countries' parties are none of the place's
        and actor_ref.sector in _LOCAL_SECTORS
    ):
        local = place_country or article_country(analysis)
        if local is not None:
            actor_ref = replace(actor_ref, country=local)
    if actor_ref is None and candidate.type == "PROTEST" and place is not None:
        # Protests are told without a subject ("protests in five cities"); those who protest
        # are the people of the place, as ACLED codes unnamed protesters. Without a place a
        # subjectless protest is mostly a topic ("anger over the protests"), not an event.
        actor_ref = ActorRef(
            name="protesters", country=place_country or article_country(analysis), sector="CVL"
        )
    clause = clause_of(candidate)
    date, date_source = event_date(analysis, candidate, clause)
    if actor_ref is None and not (
        candidate.type == "ASSAULT" and (place or has_casualties or _done_by_someone(candidate))
    ):
        return None
    target_ref = _target_ref(candidate, target, sentence, place_country)
    if target_ref is not None and target_ref.country is None and not target_ref.members:
        if target_ref.sector is not None and target_ref.entity is None:
            # "supplying the rebels", "beating demonstrators", "met government officials",
            # "accused the general": unnamed people of a sector are of the place, or the
            # setting of the story.
            local = place_country or article_country(analysis)
            target_ref = replace(target_ref, country=local) if local else target_ref
    elif target_ref is None and candidate.type in {"ASSAULT", "MOBILIZE"} and actor_ref:
        target_ref = _attacked_country(place_country, actor_ref)
    elif target_ref is None and candidate.type == "CONSULT" and actor_ref is not None:
        target_ref = _host_country(place_country, actor_ref)
    elif target_ref is None and candidate.type in {"COERCE", "CONCEDE"} and place_country:
        target_ref = _people_of_place(place_country)
    if target_ref is None and candidate.mode == "crowd-control":
        # "used tear gas to disperse protests": crowd control is aimed at the crowd, people
        # of the place (as ACLED codes protesters).
        local = place_country or article_country(analysis)
        target_ref = ActorRef(name="protesters", country=local, sector="CVL")
    if candidate.type == "PROTEST" and actor_ref is not None:
        target_ref = _protested_government(target_ref, actor_ref)
    if actor_ref is None and date_source != "text" and _time_reference(clause):
        return None
    if place is None and candidate.type in MATERIAL_TYPES:
        place = _setting_place(analysis, actor_ref)
    event_type: PloverType = candidate.type  # type: ignore[assignment]
    start, end = _event_span(analysis.document.text, sentence, candidate.anchor.idx)
    positions = [t.i for t in candidate.tokens()]
    if candidate.complement is not None:
        positions.append(candidate.complement.i)
    return Event(
        id=event_id,
        type=event_type,
        mode=candidate.mode,
        aux=_aux(analysis, candidate, clause, date, date_source),
        cameo=candidate.cameo or cameo_root(candidate.type, candidate.mode),
        acled=acled_type(
            candidate.type,
            candidate.mode,
            target_ref.sector if target_ref else None,
            ground=candidate.ground,
        ),
        actor=actor_ref or UNKNOWN_ACTOR,
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
        trigger=_trigger_mention(analysis.document.text, candidate, start, end),
    )


def _dated_mention(analysis: Analysis, candidate: Candidate) -> DatedMention | None:
    """A nominal trigger with a time but no party or place of its own, which made no event:
    a dated overview ("both sides reported explosions on Friday night") or a dated re-mention
    ("calling Monday's drills a warning") of events told without a time of their own
    (``event_parts.article.dated_by_mention``)."""
    if candidate.light is not None or candidate.kind != "noun":
        return None
    date, source = event_date(analysis, candidate, clause_of(candidate))
    if source != "text" or date is None:
        return None
    anchor = candidate.anchor
    return DatedMention(anchor.idx, candidate.type, anchor.lower_, date)


def _guarded_against(candidate: Candidate) -> bool:
    """ "protection to civilians against Russian airstrikes", "to defend itself from future
    attacks": attacks in general (a bare plural) named as what someone is protected from are a
    danger, not an occurrence. "Defended the town against an attack" tells one, and stays."""
    anchor = candidate.anchor
    prep = anchor.head
    if candidate.kind != "noun" or anchor.dep_ != "pobj" or prep.lower_ not in {"against", "from"}:
        return False
    if anchor.tag_ != "NNS" or any(c.dep_ in {"det", "poss"} for c in anchor.children):
        return False
    verb = next((a for a in prep.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    scope = verb.subtree if verb is not None else prep.ancestors
    return any(t.lemma_.lower() in _GUARD_LEMMAS and t.i < prep.i for t in scope)


def _asks_the_reporter(analysis: Analysis, candidate: Candidate) -> bool:
    """ "a resident who asked us to change her name": a request to the reporters ("us" in the
    narration, outside quotations) is about the reporting, not an interaction of parties."""
    if candidate.type != "REQUEST" or candidate.kind != "verb":
        return False
    objects = children(candidate.anchor, "dobj", "dative")
    if not any(o.lower_ in {"us", "me"} for o in objects):
        return False
    return quotation_at(analysis, candidate.anchor.idx) is None


def _bare_agreement(candidate: Candidate) -> bool:
    """ "Abu Hassan Amer, 44, agreed.": "agreed" with nothing agreed to, on or with concurs
    with an opinion just quoted; PLOVER's AGREE is agreeing to or on something."""
    anchor = candidate.anchor
    if candidate.type != "AGREE" or candidate.kind != "verb":
        return False
    return not any(
        c.dep_ in {"dobj", "xcomp", "ccomp", "prep", "attr", "advcl", "dative"}
        for c in anchor.children
    )


def _fought_beside(candidate: Candidate) -> bool:
    """ "troops have been fighting alongside the rebels": fighting beside a party, with no one
    fought against, is fighting together, not an attack on anyone."""
    anchor = candidate.anchor
    if candidate.kind != "verb" or children(anchor, "dobj"):
        return False
    preps = child_words(anchor, "prep")
    return "alongside" in preps and not preps & {"against", "on", "at"}


def _done_by_someone(candidate: Candidate) -> bool:
    """ "were abducted by gunmen", "was shot by unidentified attackers": an assault told in the
    passive with the ones who did it happened, even when they are no party we can code (the
    actor is then "unknown", as for "unidentified gunmen")."""
    anchor = candidate.anchor
    return candidate.kind == "verb" and is_passive(anchor) and agent_of(anchor) is not None


def _time_reference(clause: Any) -> bool:
    """ "The talks began days after a commander was assassinated": an unattributed, undated
    attack told in an after/before/since clause only dates another event; the attack itself is
    told where the story is about it. One with a date of its own ("held there after he was shot
    down in 1967") is told for itself."""
    marks = child_words(clause, "mark")
    if clause.dep_ == "advcl" and marks & _TIME_REFERENCE_MARKS:
        return True
    head = clause.head
    return bool(clause.dep_ == "pcomp" and head.lower_ in _TIME_REFERENCE_MARKS)


def _aux(
    analysis: Analysis, candidate: Candidate, clause: Any, date: str | None, source: str | None
) -> AuxMode | None:
    aux = aux_mode(candidate.anchor, clause, date, source, analysis.document.published)
    if aux is None and source != "text" and in_past_narrative(analysis, candidate.anchor.idx):
        return "historical"
    return aux


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
    if civilians and ref.sector in {None, "CVL"} and ref.country is None and not ref.members:
        # "Civilians were killed by a Russian strike in Kharkiv": the victims of the place.
        return ActorRef(name=ref.name, country=place_country, sector="CVL")
    if civilians and target.place is not None:
        # "an attack on the city of Sumy, resulting in dozens of civilian deaths"
        return ActorRef(name="civilians", country=ref.country, sector="CVL")
    return ref


def _attacked_country(place_country: str | None, actor: ActorRef) -> ActorRef | None:
    """ "Ukrainian forces continued an incursion in Russia's Belgorod region", "Poland
    reinforced its troops in Lithuania": an attack or deployment by one country's party on
    another country's ground, with no target named, is aimed at (or made in) that country."""
    if place_country is None or actor.country is None or place_country == actor.country:
        return None
    return ActorRef(name=_country_name(place_country), country=place_country)


def _host_country(place_country: str | None, actor: ActorRef) -> ActorRef | None:
    """ "The Polish president arrived in Kyiv on a visit": a visit or meeting abroad with no one
    named is with the host country's government."""
    if place_country is None or actor.country is None or place_country == actor.country:
        return None
    name = f"{_country_name(place_country)} government"
    return ActorRef(name=name, country=place_country, sector="GOV")


def _people_of_place(place_country: str) -> ActorRef:
    """ "imposed a curfew in Kharkiv", "lifted martial law in the region": a restriction
    imposed or eased in a place, with no one named, bears on the people of that place."""
    return ActorRef(name=f"people of {_country_name(place_country)}", country=place_country)


def _country_name(code: str) -> str:
    """The name of the country with alpha-3 ``code``, or the code where it names none."""
    found = country(code)
    return found.name if found else code


def _setting_place(analysis: Analysis, actor: ActorRef | None) -> Place | None:
    """ "Hundreds of demonstrators blocked roads", "riot police beat them" in a story set in
    Iran: a physical act told without a place, by a local party (``_LOCAL_SECTORS``: they act
    where they live) of the country the story is set in, happened in that country, when the
    text names it as a place."""
    setting = article_country(analysis)
    if setting is None or actor is None or actor.sector not in _LOCAL_SECTORS:
        return None
    if actor.country != setting:
        return None
    return next(
        (
            place
            for place in analysis.places
            if place.feature.startswith("PCL")
            and place.country
            and alpha3(place.country) == setting
        ),
        None,
    )


def _protested_government(target: ActorRef | None, actor: ActorRef) -> ActorRef | None:
    """ "Hundreds of demonstrators blocked roads": a protest by the public whose target is not
    named (or names no party: "protested over fuel prices") is addressed to the government of
    the protesters' own country, the usual addressee of a demonstration."""
    if target is not None and (target.country is not None or target.sector is not None):
        return target
    found = country(actor.country) if actor.country is not None else None
    if found is None or actor.sector not in _PUBLIC_SECTORS:
        return target
    return ActorRef(name=f"{found.name} government", country=found.alpha3, sector="GOV")


def _trigger_mention(text: str, candidate: Candidate, start: int, end: int) -> Mention | None:
    """The words naming the event: the trigger, with its light verb ("launched an attack"), or
    for a demand told through a speech verb the demanding modal with its verb ("must end")."""
    words = [candidate.anchor] + ([candidate.light] if candidate.light is not None else [])
    if candidate.type == "REQUEST" and candidate.complement is not None:
        # "said the authorities must end ...": the demand is told by the modal and its verb;
        # the verb of saying only reports it.
        clause = candidate.complement
        words = [c for c in clause.children if c.dep_ == "aux" and c.i < clause.i] + [clause]
    first = min(word.idx for word in words)
    last = max(word.idx + len(word.text) for word in words)
    if not start <= first < last <= end:
        first, last = candidate.anchor.idx, candidate.anchor.idx + len(candidate.anchor.text)
        if not start <= first < last <= end:
            return None
    return Mention(start=first, end=last, text=text[first:last])


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
