"""Speaker resolution (stages/speakers.py) on sentences of our own: institutions qualified by a
country, abbreviations the text spells out, namesakes, titles, "which" clauses, subheads run
into a paragraph, and descriptors with no antecedent of their own."""

from __future__ import annotations

import pytest

from newsledger.model import Claim, Document, document_id
from newsledger.pipeline.runner import Pipeline
from newsledger.stages.actors import ActorsStage
from newsledger.stages.claims import ClaimsStage
from newsledger.stages.entities import EntitiesStage
from newsledger.stages.places import PlacesStage
from newsledger.stages.times import TimesStage

PIPELINE = Pipeline([EntitiesStage(), TimesStage(), PlacesStage(), ActorsStage(), ClaimsStage()])


def _claims(text: str, published: str = "2025-05-12") -> tuple[Claim, ...]:
    document = Document(id=document_id(text), text=text, language="en", published=published)
    return PIPELINE.run(document).claims


def _speaker_of(claims: tuple[Claim, ...], opening: str) -> str:
    return next(c.speaker.name for c in claims if c.text.startswith(opening))


@pytest.mark.slow
def test_an_institution_qualified_by_its_country_takes_the_known_name() -> None:
    claims = _claims(
        "Russia’s Defense Ministry said on Monday that its forces had shot down 20 drones. "
        "The ministry added that two airfields had been hit."
    )
    assert _speaker_of(claims, "its forces") == "Russian Ministry of Defense"
    assert _speaker_of(claims, "two airfields") == "Russian Ministry of Defense"


# One sentence or short passage per case, the opening words of a claim in it, and who says it.
_SPEAKERS = [
    pytest.param(
        "According to Ukraine’s Air Force, 30 drones were launched overnight.",
        "30 drones",
        "Ukrainian Air Force",
        id="an_unknown_institution_takes_the_countrys_adjective",
    ),
    pytest.param(
        "Omar Haddad is the head of the Valley Water Council in Jordan, which says on its "
        "website that it supplies half of the valley's farms.",
        "it supplies half",
        "Valley Water Council",
        id="which_stands_for_the_organisation_not_the_person_heading_it",
    ),
    pytest.param(
        "Residents react\n\n"
        "Jamil Haddad, 58, told reporters in the market that the decision was a mistake.\n\n"
        "He lamented the fact that the families of the town were never consulted.",
        "the families of the town",
        "Jamil Haddad",
        id="a_pronoun_after_a_subhead_refers_to_the_name_opening_the_paragraph",
    ),
    pytest.param(
        "More than 300 drones were recorded over the Kursk region in May. Two villages lost "
        "power, according to the governor.",
        "Two villages lost power",
        "Kursk governor",
        id="the_governor_with_no_governor_named_is_the_last_named_regions",
    ),
    pytest.param(
        "Officials report strikes near the border\n\n"
        "A regional official says one missile struck a school in the city, injuring two.",
        "one missile struck",
        "regional official",
        id="a_subhead_run_into_the_paragraph_is_not_part_of_the_speakers_name",
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "opening", "speaker"), _SPEAKERS)
def test_the_speaker_of_a_claim(text: str, opening: str, speaker: str) -> None:
    assert _speaker_of(_claims(text), opening) == speaker


@pytest.mark.slow
def test_an_abbreviation_speaks_by_the_name_the_text_spells_out() -> None:
    claims = _claims(
        "A tanker was struck twice near the port, according to a report published on Friday.\n\n"
        "The report by the Institute for Maritime Safety Studies (IMSS) found that the second "
        "blast came from inside the hull.\n\n"
        "In a statement, the IMSS said that the crew had been warned.\n\n"
        "In its final report, the institute revealed that the hull had been weakened by rust."
    )
    name = "Institute for Maritime Safety Studies"
    assert _speaker_of(claims, "A tanker was struck") == name
    assert _speaker_of(claims, "the second blast") == name
    assert _speaker_of(claims, "the crew had been warned") == name
    assert _speaker_of(claims, "the hull had been weakened") == name


@pytest.mark.slow
def test_a_namesake_with_other_given_names_is_another_person() -> None:
    claims = _claims(
        "Sadeq Karim Nasser told reporters that the talks had failed.\n\n"
        "Abu Bilal Nasser, 40, agreed.\n\n"
        '"We cannot trust them any more," he told the agency.'
    )
    assert _speaker_of(claims, "We cannot trust") == "Abu Bilal Nasser"
    assert _speaker_of(claims, "the talks had failed") == "Sadeq Karim Nasser"


@pytest.mark.slow
def test_a_title_heading_a_phrase_that_ends_in_an_unrecognized_name() -> None:
    claims = _claims(
        'Spokesperson for the Chilean Foreign Ministry Ana Rojas Vidal said "all parties should '
        'return to the table", criticizing "those who walked out of the talks" for the delay.'
    )
    assert {c.speaker.name for c in claims} == {"Ana Rojas Vidal"}


@pytest.mark.slow
def test_a_possessive_pronoun_is_not_part_of_a_descriptor() -> None:
    claims = _claims(
        "The ambassador denied his Ukrainian counterpart’s accusations of war crimes on Friday."
    )
    charge = next(c for c in claims if c.text == "war crimes")
    assert (charge.speaker.name, charge.stance) == ("Ukrainian counterpart", "accuse")
