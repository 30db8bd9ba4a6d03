"""Country tables: codes, informal names and demonyms."""

from __future__ import annotations

import pytest

from newsledger.resources.countries import (
    alpha3,
    country,
    country_adjective,
    country_by_demonym,
    country_names,
    normalize_country_name,
)


@pytest.mark.parametrize(
    ("text", "expected_alpha3"),
    [
        ("Russia", "RUS"),
        ("Russian Federation", "RUS"),
        ("United States", "USA"),
        ("the United States", "USA"),
        ("U.S.", "USA"),
        ("US", "USA"),
        ("the U.S.", "USA"),
        ("UK", "GBR"),
        ("Britain", "GBR"),
        ("United Kingdom", "GBR"),
        ("China", "CHN"),
        ("Ukraine", "UKR"),
        ("UA", "UKR"),
        ("ukr", "UKR"),
        ("Côte d'Ivoire", "CIV"),
        ("Ivory Coast", "CIV"),
        ("DR Congo", "COD"),
        ("Palestine", "PSE"),
        ("Georgia", "GEO"),
        ("Jordan", "JOR"),
    ],
)
def test_country_by_code_or_name(text: str, expected_alpha3: str) -> None:
    found = country(text)
    assert found is not None
    assert found.alpha3 == expected_alpha3


def test_country_fields() -> None:
    ukraine = country("Ukraine")
    assert ukraine is not None
    assert (ukraine.alpha2, ukraine.alpha3, ukraine.name) == ("UA", "UKR", "Ukraine")
    assert ukraine.geonameid == 690791


@pytest.mark.parametrize("text", ["", "   ", "Atlantis", "Zorblaxton", "XX", "QQQ"])
def test_unknown_country_is_none(text: str) -> None:
    assert country(text) is None


@pytest.mark.parametrize(
    ("word", "expected_alpha2"),
    [
        ("Ukrainian", "UA"),
        ("Ukrainians", "UA"),
        ("Russian", "RU"),
        ("Chinese", "CN"),
        ("American", "US"),
        ("British", "GB"),
        ("Briton", "GB"),
        ("Israeli", "IL"),
        ("Palestinian", "PS"),
        ("Korean", "KR"),
        ("ukrainian", "UA"),
    ],
)
def test_country_by_demonym(word: str, expected_alpha2: str) -> None:
    found = country_by_demonym(word)
    assert found is not None
    assert found.alpha2 == expected_alpha2


def test_palestinian_is_pse() -> None:
    found = country_by_demonym("Palestinian")
    assert found is not None
    assert found.alpha3 == "PSE"


@pytest.mark.parametrize("word", ["", "Martian", "Kremlin", "forces"])
def test_unknown_demonym_is_none(word: str) -> None:
    assert country_by_demonym(word) is None


def test_alpha3() -> None:
    assert alpha3("UA") == "UKR"
    assert alpha3("ru") == "RUS"
    assert alpha3("ZZ") is None


def test_country_names_include_informal_spellings() -> None:
    names = country_names("US")
    assert "United States" in names
    assert "U.S." in names


def test_normalize_country_name() -> None:
    assert normalize_country_name("the U.S.") == "us"
    assert normalize_country_name("Côte d’Ivoire") == "cote divoire"


@pytest.mark.parametrize(
    ("code", "adjective"),
    [("UA", "Ukrainian"), ("RU", "Russian"), ("IL", "Israeli"), ("CN", "Chinese")],
)
def test_country_adjective_is_the_whole_countrys(code: str, adjective: str) -> None:
    found = country(code)
    assert found is not None
    assert country_adjective(found) == adjective


def test_united_kingdom_takes_its_own_name_not_a_part_of_it() -> None:
    found = country("GB")
    assert found is not None
    assert country_adjective(found) not in {"English", "Scottish", "Welsh", "Northern Irish"}
