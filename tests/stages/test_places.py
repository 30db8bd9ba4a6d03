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
        for mention in (*place.mentions, *place.demonyms):
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


def test_a_named_country_lists_its_demonyms_apart_from_its_mentions() -> None:
    text = (
        "Turkish troops crossed the border after Turkey warned Syria. "
        "Syrians fled north; Turkish Airlines cancelled flights."
    )
    analysis = analyse(text)
    assert_offsets(analysis)
    places = {p.name: p for p in analysis.places}
    turkey, syria = places["Turkey"], places["Syria"]
    assert [m.text for m in turkey.mentions] == ["Turkey"]
    assert [(m.text, m.start) for m in turkey.demonyms] == [
        ("Turkish", 0),
        ("Turkish", text.index("Turkish Airlines")),
    ]
    assert [m.text for m in syria.demonyms] == ["Syrians"]


def test_a_demonym_inside_a_longer_place_name_is_not_listed() -> None:
    analysis = analyse("Dominican officials said the Dominican Republic would reopen the border.")
    (place,) = [p for p in analysis.places if p.feature == "PCLI"]
    assert place.country == "DO"
    assert [m.start for m in place.demonyms] == [0]


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


def test_neighbouring_places_pick_the_local_namesake() -> None:
    # Paris beside towns of Illinois is the town in Illinois, not the capital of France.
    analysis = analyse(
        "Flooding closed roads around Paris on Monday. Crews from Danville and Champaign,"
        " Illinois, were sent to help."
    )
    paris = by_mention(analysis)["Paris"]
    assert (paris.country, paris.admin1, paris.feature) == ("US", "Illinois", "PPL")
    assert_offsets(analysis)


def test_a_far_bigger_namesake_in_the_same_country_stays() -> None:
    # Tyler is in Texas, which has an Atlanta of 5,000 people; Atlanta is still the big city.
    atlanta = by_mention(analyse("The firm moved its offices from Tyler to Atlanta last year."))[
        "Atlanta"
    ]
    assert (atlanta.country, atlanta.admin1) == ("US", "Georgia")


def test_suburb_beside_its_city() -> None:
    places = by_mention(analyse("Police in Columbus and Dublin searched for the driver."))
    assert (places["Dublin"].country, places["Dublin"].admin1) == ("US", "Ohio")


def test_counties_are_places() -> None:
    analysis = analyse("Deputies in Laurel County arrested two men on Sunday.")
    county = by_mention(analysis)["Laurel County"]
    assert (county.feature, county.country, county.admin1) == ("ADM2", "US", "Kentucky")


def test_county_list_names_counties_of_one_state() -> None:
    analysis = analyse("Storms damaged homes in Barrow, Jackson and Madison counties on Friday.")
    places = by_mention(analysis)
    # Barrow County exists only in Georgia, so its neighbour Jackson County is Georgia's too.
    assert (places["Barrow"].name, places["Barrow"].admin1) == ("Barrow County", "Georgia")
    assert (places["Jackson"].name, places["Jackson"].admin1) == ("Jackson County", "Georgia")
    assert_offsets(analysis)


def test_state_abbreviations_dateline_and_party_tags_are_places() -> None:
    text = (
        "MANSFIELD, Ohio -- The finalists came from Louisville, Ky., and Sioux Falls, S.D., "
        "said the bill's sponsor, Sen. Jay Rockefeller, D-W.Va."
    )
    analysis = analyse(text)
    places = by_mention(analysis)
    assert (places["MANSFIELD"].name, places["MANSFIELD"].admin1) == ("Mansfield", "Ohio")
    assert (places["Ky."].name, places["Ky."].feature) == ("Kentucky", "ADM1")
    assert places["S.D."].name == "South Dakota"
    assert places["W.Va."].name == "West Virginia"
    assert_offsets(analysis)


def test_town_opening_an_institution_name_with_support() -> None:
    analysis = analyse(
        "Officials in DuPage County said the Lombard Historical Society will reopen in May."
    )
    lombard = by_mention(analysis)["Lombard"]
    assert (lombard.country, lombard.admin1) == ("US", "Illinois")
    assert_offsets(analysis)


def test_institution_name_without_support_gives_no_place() -> None:
    analysis = analyse("The Lombard Historical Society will reopen in May.")
    assert analysis.places == ()


def test_untagged_repeats_of_a_place_are_its_mentions() -> None:
    text = "Flooding hit Moorhead, Minnesota, on Friday. By Saturday the river at Moorhead crested."
    analysis = analyse(text)
    moorhead = next(p for p in analysis.places if p.name == "Moorhead")
    assert [m.start for m in moorhead.mentions] == [text.index("Moorhead"), text.rindex("Moorhead")]
    assert_offsets(analysis)


def test_seas_and_province_aliases() -> None:
    places = by_mention(analyse("Ships crossed the Mediterranean while officials in NSW met."))
    assert (places["Mediterranean"].name, places["Mediterranean"].feature) == (
        "Mediterranean Sea",
        "RGN",
    )
    assert (places["NSW"].name, places["NSW"].country) == ("New South Wales", "AU")


def test_organisation_label_of_a_town_among_its_neighbours() -> None:
    text = "A Rolling Meadows man was charged, Schaumburg police said."
    start = text.index("Rolling")
    town = Mention(start, start + len("Rolling Meadows"), "Rolling Meadows")
    neighbour_start = text.index("Schaumburg")
    neighbour = Mention(neighbour_start, neighbour_start + len("Schaumburg"), "Schaumburg")
    analysis = Analysis(document=Document(id="x", text=text, language="en"))
    analysis.entities = (
        Entity(id="e1", name="Rolling Meadows", type="ORG", mentions=(town,)),
        Entity(id="e2", name="Schaumburg", type="GPE", mentions=(neighbour,)),
    )
    PlacesStage().run(analysis)
    places = by_mention(analysis)
    assert (places["Rolling Meadows"].country, places["Rolling Meadows"].admin1) == (
        "US",
        "Illinois",
    )
    # Alone, the organisation stays an organisation.
    alone = Analysis(document=Document(id="y", text=text, language="en"))
    alone.entities = (Entity(id="e1", name="Rolling Meadows", type="ORG", mentions=(town,)),)
    PlacesStage().run(alone)
    assert alone.places == ()


def test_person_named_like_a_town_stays_a_person() -> None:
    analysis = analyse("Jackson said the vote in Mississippi was close.")
    assert [p.name for p in analysis.places] == ["Mississippi"]


def test_the_eu_after_a_locative_is_a_place() -> None:
    places = by_mention(analyse("Airlines flying in the EU must comply, officials said."))
    assert (places["EU"].name, places["EU"].feature) == ("European Union", "RGN")


def test_a_name_the_text_calls_a_town_is_a_place_whatever_its_tag() -> None:
    # The small model tags this town as a person; "the town of" says what it is.
    analysis = analyse("A drone hit the town of Grayvoron on Sunday.")
    (place,) = analysis.places
    assert (place.name, place.country) == ("Grayvoron", "RU")
