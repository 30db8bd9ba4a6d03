"""Places stage: toponyms resolved against the offline gazetteer, on real spaCy parses."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsledger.model import Document, Entity, Mention, Place, document_id
from newsledger.pipeline.stage import Analysis
from newsledger.stages.entities import EntitiesStage
from newsledger.stages.places import PlacesStage, toponym_span

pytestmark = pytest.mark.slow


def analyse(text: str) -> Analysis:
    """Entities (the real stage: spaCy plus the gazetteer ruler), then places."""
    analysis = Analysis(document=Document(id=document_id(text), text=text, language="en"))
    EntitiesStage().run(analysis)
    PlacesStage().run(analysis)
    return analysis


def by_mention(analysis: Analysis) -> dict[str, Place]:
    return {m.text: p for p in analysis.places for m in p.mentions}


def assert_offsets(analysis: Analysis) -> None:
    text = analysis.document.text
    for place in analysis.places:
        for mention in place.mentions:
            assert text[mention.start : mention.end] == mention.text


def test_exonym_resolves_to_the_gazetteer_name() -> None:
    analysis = analyse("Russian forces struck Kharkov overnight.")
    (place,) = analysis.places
    assert (place.id, place.name, place.country, place.admin1) == (
        "p1",
        "Kharkiv",
        "UA",
        "Kharkiv Oblast",
    )
    assert [m.text for m in place.mentions] == ["Kharkov"]
    assert place.geonameid == 706483
    assert 0.0 <= place.confidence <= 1.0
    assert_offsets(analysis)


def test_container_pattern_picks_the_small_namesake() -> None:
    analysis = analyse("The festival was held in Paris, Texas, last weekend.")
    paris = by_mention(analysis)["Paris"]
    assert (paris.country, paris.admin1) == ("US", "Texas")
    assert by_mention(analysis)["Texas"].feature == "ADM1"
    assert_offsets(analysis)


def test_bare_name_picks_the_capital() -> None:
    analysis = analyse("The minister flew to Paris for talks.")
    paris = by_mention(analysis)["Paris"]
    assert (paris.country, paris.feature) == ("FR", "PPLC")


def test_georgia_the_country_and_georgia_the_state() -> None:
    country = by_mention(analyse("Russia and Georgia fought a war in 2008."))["Georgia"]
    assert (country.country, country.feature) == ("GE", "PCLI")
    analysis = analyse("The company moved its headquarters to Atlanta, Georgia, in May.")
    state = by_mention(analysis)["Georgia"]
    assert (state.country, state.feature, state.name) == ("US", "ADM1", "Georgia")
    assert by_mention(analysis)["Atlanta"].admin1 == "Georgia"


def test_possessive_and_article_are_not_part_of_the_mention() -> None:
    text = "Kiev's forces crossed into the Belgorod region on Monday."
    analysis = analyse(text)
    places = by_mention(analysis)
    assert places["Kiev"].name == "Kyiv"
    assert places["Belgorod region"].name == "Belgorod Oblast"
    assert places["Belgorod region"].feature == "ADM1"
    assert_offsets(analysis)


def test_front_direction_names_its_place() -> None:
    analysis = analyse("Troops were pulled away from the Kursk direction in March.")
    kursk = by_mention(analysis)["Kursk"]
    assert (kursk.country, kursk.name) == ("RU", "Kursk")


def test_mentions_of_one_place_merge_in_order() -> None:
    text = "Shelling hit Sumy on Sunday. Officials in Sumy said 30 people died. Kyiv protested."
    analysis = analyse(text)
    assert [p.name for p in analysis.places] == ["Sumy", "Kyiv"]
    assert [p.id for p in analysis.places] == ["p1", "p2"]
    sumy = analysis.places[0]
    assert [m.start for m in sumy.mentions] == [text.index("Sumy"), text.rindex("Sumy")]
    assert_offsets(analysis)


def test_demonyms_are_not_places() -> None:
    analysis = analyse("Ukrainian and Russian officials met in Istanbul.")
    assert [p.name for p in analysis.places] == ["Istanbul"]


def test_unknown_toponym_gives_no_place() -> None:
    text = "Rebels seized Zorblaxton Heights overnight."
    start = text.index("Zorblaxton")
    mention = Mention(start=start, end=start + len("Zorblaxton Heights"), text="Zorblaxton Heights")
    analysis = Analysis(document=Document(id=document_id(text), text=text, language="en"))
    analysis.entities = (Entity(id="e1", name=mention.text, type="GPE", mentions=(mention,)),)
    PlacesStage().run(analysis)
    assert analysis.places == ()


def test_toponym_span_trims_and_extends() -> None:
    text = "the Belgorod oblast and Kiev's forces and the Kursk direction"
    assert toponym_span(text, 0, 12) == (4, 19, "Belgorod oblast")
    kiev = text.index("Kiev")
    assert toponym_span(text, kiev, kiev + 6) == (kiev, kiev + 4, "Kiev")
    kursk = text.index("Kursk")
    assert toponym_span(text, kursk, kursk + 15) == (kursk, kursk + 5, "Kursk")
    assert toponym_span(text, 0, 3) is None


@pytest.mark.shared
def test_founding_example(shared_dir: Path) -> None:
    text = (shared_dir / "examples" / "seed-article.txt").read_text(encoding="utf-8")
    analysis = analyse(text)
    assert_offsets(analysis)
    found = {(p.name, p.country, p.feature) for p in analysis.places}
    names = {p.name for p in analysis.places}
    assert ("Belgorod Oblast", "RU", "ADM1") in found
    assert ("Belgorod", "RU", "PPLA") in found
    assert ("Sumy", "UA", "PPLA") in found
    assert ("Kharkiv", "UA", "PPLA") in found
    assert ("Crimea", "UA", "ADM1") in found
    assert ("Donbas", "UA", "RGN") in found
    assert ("Kyiv", "UA", "PPLC") in found
    assert ("Moscow", "RU", "PPLC") in found
    assert ("Beijing", "CN", "PPLC") in found
    assert {("Ukraine", "UA", "PCLI"), ("Russia", "RU", "PCLI"), ("China", "CN", "PCLI")} <= found
    # "Kursk, Russia, a region that Kiev invaded": the apposition makes it the oblast.
    assert ("Kursk Oblast", "RU", "ADM1") in found
    washington = next(p for p in analysis.places if p.name == "Washington")
    assert (washington.country, washington.admin1, washington.feature) == (
        "US",
        "District of Columbia",
        "PPLC",
    )
    assert "Congress" not in names
    kharkiv = next(p for p in analysis.places if p.name == "Kharkiv")
    assert [m.text for m in kharkiv.mentions] == ["Kharkov"]
    donbas = next(p for p in analysis.places if p.name == "Donbas")
    assert [m.text for m in donbas.mentions] == ["Donbass"]
    belgorod_city = next(p for p in analysis.places if p.name == "Belgorod")
    assert all(m.text == "Belgorod" for m in belgorod_city.mentions)
    assert len({p.id for p in analysis.places}) == len(analysis.places)


def test_region_word_only_joins_a_name_it_completes() -> None:
    analysis = analyse("The airfield lies in the Ukraine region of Donetsk, near Kramatorsk.")
    places = by_mention(analysis)
    assert (places["Ukraine"].name, places["Ukraine"].feature) == ("Ukraine", "PCLI")
    assert (places["Donetsk"].name, places["Donetsk"].feature) == ("Donetsk Oblast", "ADM1")
    assert_offsets(analysis)


def test_generic_direction_words_are_not_places() -> None:
    analysis = Analysis(document=Document(id="x", text="Western leaders met.", language="en"))
    mention = Mention(start=0, end=7, text="Western")
    analysis.entities = (Entity(id="e1", name="Western", type="NORP", mentions=(mention,)),)
    analysis.entities = (
        *analysis.entities,
        Entity(id="e2", name="Western", type="GPE", mentions=(mention,)),
    )
    PlacesStage().run(analysis)
    assert analysis.places == ()


@pytest.mark.parametrize(
    ("sentence", "name", "admin1"),
    [
        ("Firefighters were called to a house in Athens, Ga., on Monday.", "Athens", "Georgia"),
        ("The mill in Alexandria, La., closed last year.", "Alexandria", "Louisiana"),
        ("She grew up in Springfield, IL, before moving away.", "Springfield", "Illinois"),
    ],
)
def test_state_abbreviation_is_the_container(sentence: str, name: str, admin1: str) -> None:
    analysis = analyse(sentence)
    town = by_mention(analysis)[name]
    assert (town.country, town.admin1) == ("US", admin1)
    assert_offsets(analysis)


def test_person_label_after_a_locative_is_a_known_place() -> None:
    text = "Protests spread in Jordan on Friday, Jordan said."
    analysis = Analysis(document=Document(id="x", text=text, language="en"))
    after_in, as_subject = Mention(19, 25, "Jordan"), Mention(37, 43, "Jordan")
    analysis.entities = (
        Entity(id="e1", name="Jordan", type="PERSON", mentions=(after_in, as_subject)),
    )
    PlacesStage().run(analysis)
    (place,) = analysis.places
    assert (place.name, place.country, place.feature) == ("Jordan", "JO", "PCLI")
    assert place.mentions == (after_in,)


def test_person_label_of_an_unknown_or_small_place_stays_a_person() -> None:
    text = "He met voters in Smithers Bellweather and in Zorblaxton."
    analysis = Analysis(document=Document(id="x", text=text, language="en"))
    analysis.entities = (
        Entity(
            id="e1",
            name="Smithers Bellweather",
            type="PERSON",
            mentions=(Mention(17, 37, "Smithers Bellweather"),),
        ),
        Entity(id="e2", name="Zorblaxton", type="ORG", mentions=(Mention(45, 55, "Zorblaxton"),)),
    )
    PlacesStage().run(analysis)
    assert analysis.places == ()
