"""The offline gazetteer: index build, lookups and EntityRuler patterns."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger.resources.gazetteer import (
    Candidate,
    build_index,
    cache_path,
    lookup,
    normalize_toponym,
    place_patterns,
)


def best(name: str) -> Candidate:
    """The most populous candidate of a name (what lookup lists first)."""
    candidates = lookup(name)
    assert candidates, f"{name!r} not found"
    return candidates[0]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Belgorod", "belgorod"),
        ("the Donbass", "donbass"),
        ("Kharkivs’ka Oblast’", "kharkivska oblast"),
        ("Zaporizhzhia-region", "zaporizhzhia region"),
        ("Île-de-France", "ile de france"),
        ("  New   York ", "new york"),
        ("U.S.", "us"),
    ],
)
def test_normalize_toponym(text: str, key: str) -> None:
    assert normalize_toponym(text) == key


@given(st.text(max_size=40))
@settings(deadline=None)
def test_normalize_toponym_is_idempotent(text: str) -> None:
    once = normalize_toponym(text)
    assert normalize_toponym(once) == once


@pytest.mark.slow
@pytest.mark.parametrize("spelling", ["Belgorod oblast", "Belgorod Oblast", "Belgorod region"])
def test_region_word_finds_the_oblast(spelling: str) -> None:
    (region,) = lookup(spelling)
    assert (region.name, region.country, region.feature) == ("Belgorod Oblast", "RU", "ADM1")
    assert region.admin1_code == "RU.09"


@pytest.mark.slow
def test_bare_name_is_the_city() -> None:
    (city,) = lookup("Belgorod")
    assert (city.name, city.country, city.feature) == ("Belgorod", "RU", "PPLA")
    assert city.admin1 == "Belgorod Oblast"
    assert city.geonameid == 578072
    assert 50 < city.lat < 51 and 36 < city.lon < 37


@pytest.mark.slow
def test_alternate_spellings() -> None:
    kharkiv = best("Kharkov")
    assert (kharkiv.name, kharkiv.country, kharkiv.geonameid) == ("Kharkiv", "UA", 706483)
    assert kharkiv.alternate
    kyiv = best("Kiev")
    assert (kyiv.name, kyiv.feature) == ("Kyiv", "PPLC")
    assert best("KHARKIV").name == "Kharkiv"


@pytest.mark.slow
def test_region_word_after_an_exonym() -> None:
    region = best("Kharkov region")
    assert (region.name, region.feature) == ("Kharkiv Oblast", "ADM1")
    assert best("Sumy Oblast").admin1_code == "UA.21"


@pytest.mark.slow
def test_informal_regions() -> None:
    donbas = best("Donbass")
    assert (donbas.name, donbas.country, donbas.feature, donbas.geonameid) == (
        "Donbas",
        "UA",
        "RGN",
        None,
    )
    # Between Donetsk (48.0 N, 37.8 E) and Luhansk (48.6 N, 39.3 E).
    assert 47.5 < donbas.lat < 49 and 37.5 < donbas.lon < 39.5
    sahel = [c for c in lookup("the Sahel") if c.feature == "RGN"]
    assert [(c.name, c.country) for c in sahel] == [("Sahel", None)]


@pytest.mark.slow
def test_crimea_is_a_ukrainian_region() -> None:
    crimea = best("Crimea")
    assert (crimea.name, crimea.country, crimea.feature) == ("Crimea", "UA", "ADM1")
    assert 44 < crimea.lat < 46.5 and 32.5 < crimea.lon < 36.7


@pytest.mark.slow
def test_countries_and_capitals() -> None:
    assert {(c.name, c.feature) for c in lookup("Ukraine")} >= {("Ukraine", "PCLI")}
    georgia = {(c.country, c.feature) for c in lookup("Georgia")}
    assert {("GE", "PCLI"), ("US", "ADM1")} <= georgia
    washington = {(c.admin1, c.feature) for c in lookup("Washington")}
    assert ("District of Columbia", "PPLC") in washington
    assert (best("Beijing").name, best("Beijing").country) == ("Beijing", "CN")
    assert best("Europe").feature == "CONT"


@pytest.mark.slow
def test_unknown_names_give_nothing() -> None:
    assert lookup("Zorblaxton") == []
    assert lookup("") == []
    assert lookup("   ") == []


@pytest.mark.slow
def test_place_patterns() -> None:
    patterns = place_patterns()
    phrases = {p["pattern"]: p["label"] for p in patterns}
    assert len(phrases) == len(patterns)
    for name in ("Belgorod", "Kursk", "Sumy", "Kyiv", "Kiev", "Kharkov", "Crimea", "Jordan"):
        assert phrases.get(name) == "GPE", name
    assert phrases["Belgorod oblast"] == "GPE"
    assert phrases["Georgia"] == "GPE"
    assert phrases["Donbass"] == "LOC"
    assert phrases["Sahel"] == "LOC"
    for word in ("Nice", "Reading", "Mobile", "Bath", "March", "Victoria"):
        assert word not in phrases, word
    assert not [p for p in phrases if " " not in p and p.islower()]
    assert set(phrases.values()) == {"GPE", "LOC"}


def test_cache_path_honours_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("NEWSLEDGER_CACHE", str(tmp_path))
    path = cache_path()
    assert path.parent == tmp_path
    assert path.name.startswith("gazetteer-") and path.suffix == ".sqlite"


@pytest.mark.slow
def test_build_index_writes_a_complete_database(tmp_path: Path) -> None:
    folder = tmp_path / "nested"
    folder.mkdir()
    # An index from older data goes; another process's build in progress and other files stay.
    for name in ("gazetteer-1-olddata.sqlite", "gazetteer-1-other.sqlite42.tmp", "notes.txt"):
        (folder / name).write_text("x")
    target = build_index(folder / "gazetteer-1-current.sqlite")
    assert target == folder / "gazetteer-1-current.sqlite"
    assert sorted(p.name for p in folder.iterdir()) == [
        "gazetteer-1-current.sqlite",
        "gazetteer-1-other.sqlite42.tmp",
        "notes.txt",
    ]  # no temp file of this build left, the stale index removed
    connection = sqlite3.connect(target)
    try:
        (places,) = connection.execute("SELECT count(*) FROM places").fetchone()
        (kharkov,) = connection.execute(
            "SELECT p.name FROM names n JOIN places p ON p.id = n.place WHERE n.norm = 'kharkov'"
        ).fetchone()
    finally:
        connection.close()
    assert places > 100_000
    assert kharkov == "Kharkiv"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "south", "north", "west", "east"),
    [
        # The middle of the contiguous states, not the populous east nor Alaska's pull north-west.
        ("United States", 35.0, 42.0, -104.0, -93.0),
        # East of the Urals: the span of the country, not the population median near Moscow.
        ("Russia", 50.0, 65.0, 60.0, 110.0),
        # Across the antimeridian: in the Pacific beside the islands, not in the Atlantic.
        ("New Zealand", -47.0, -34.0, 166.0, 179.0),
        ("Fiji", -19.5, -15.0, 176.0, 180.0),
        ("Texas", 28.0, 34.0, -103.0, -96.0),
    ],
)
def test_country_and_region_points_are_central(
    name: str, south: float, north: float, west: float, east: float
) -> None:
    place = next(c for c in lookup(name) if c.feature in {"PCLI", "ADM1"})
    assert south < place.lat < north and west < place.lon < east, (place.lat, place.lon)


def test_counties_and_their_states() -> None:
    laurel = [c for c in lookup("Laurel County") if c.feature == "ADM2"]
    assert [(c.country, c.admin1) for c in laurel] == [("US", "Kentucky")]
    assert 36.5 < laurel[0].lat < 37.6 and -84.5 < laurel[0].lon < -83.7
    assert {c.admin1 for c in lookup("Henry County")} >= {"Tennessee", "Georgia", "Illinois"}


def test_province_names_that_a_city_shares() -> None:
    # The province is a region by its own name; the city is found too.
    features = {(c.name, c.feature) for c in lookup("Quebec")}
    assert ("Quebec", "ADM1") in features
    assert best("NSW").name == "New South Wales"


def test_seas_and_oceans() -> None:
    assert best("the Mediterranean").name == "Mediterranean Sea"
    assert any(c.name == "Pacific Ocean" and c.feature == "RGN" for c in lookup("Pacific"))


def test_large_region_points_reach_their_hinterland() -> None:
    # Queensland's towns crowd its east coast; its point is inland, west of the Great Dividing
    # Range, not beside Brisbane.
    queensland = next(c for c in lookup("Queensland") if c.feature == "ADM1")
    assert queensland.lon < 148.0 and queensland.lat > -24.0


def test_european_union_is_a_region_by_both_names() -> None:
    assert any(c.name == "European Union" and c.feature == "RGN" for c in lookup("EU"))
    assert best("the European Union").feature == "RGN"
    # No ruler pattern: "the EU said" stays the tagger's organisation.
    assert not {"EU", "European Union"} & {p["pattern"] for p in place_patterns()}
