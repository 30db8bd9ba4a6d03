"""Actors stage: countries and sectors of entities, metonyms, and noun-phrase actors."""

from __future__ import annotations

import pytest

from newsledger.model import Document, document_id
from newsledger.pipeline.stage import Analysis
from newsledger.stages.actors import ActorsStage, actor_for_phrase, person_role
from newsledger.stages.entities import EntitiesStage
from newsledger.stages.places import PlacesStage

pytestmark = pytest.mark.slow


def _analysis(text: str) -> Analysis:
    analysis = Analysis(document=Document(id=document_id(text), text=text, language="en"))
    for stage in (EntitiesStage(), PlacesStage(), ActorsStage()):
        stage.run(analysis)
    return analysis


def test_entities_get_country_and_sector() -> None:
    analysis = _analysis(
        "US General Mark Halvorsen said Ukrainian troops held the line, and Kremlin "
        "spokesman Dmitry Peskov declined to comment."
    )
    by_name = {e.name: e for e in analysis.entities}
    assert (by_name["Mark Halvorsen"].country, by_name["Mark Halvorsen"].sector) == ("USA", "MIL")
    assert (by_name["Dmitry Peskov"].country, by_name["Dmitry Peskov"].sector) == ("RUS", "GOV")
    assert by_name["Ukrainian"].country == "UKR"


def test_capitals_used_as_actors_are_metonyms_not_event_places() -> None:
    text = "Kiev accused Moscow of shelling Kharkiv, and Washington warned of new sanctions."
    analysis = _analysis(text)
    metonyms = {text[start:end] for start, end in analysis.metonyms}
    assert {"Kiev", "Washington"} <= metonyms
    assert "Kharkiv" not in metonyms
    kiev = next(e for e in analysis.entities if e.name == "Kiev")
    assert (kiev.country, kiev.sector) == ("UKR", "GOV")


def test_actor_for_phrase_codes_head_noun_and_possessor() -> None:
    text = "Kiev's forces crossed the border while Russian military bloggers watched."
    analysis = _analysis(text)
    forces = actor_for_phrase(analysis, 0, len("Kiev's forces"))
    assert (forces.country, forces.sector) == ("UKR", "MIL")
    start = text.index("Russian military bloggers")
    bloggers = actor_for_phrase(analysis, start, start + len("Russian military bloggers"))
    assert bloggers.country == "RUS"
    assert bloggers.name == "Russian military bloggers"


def test_person_role_reads_the_title_before_a_name() -> None:
    text = "Kremlin Spokesman Dimitri Peskov spoke briefly."
    analysis = _analysis(text)
    start = text.index("Dimitri")
    assert person_role(analysis.parse, start, start + len("Dimitri Peskov")) == "Kremlin Spokesman"
