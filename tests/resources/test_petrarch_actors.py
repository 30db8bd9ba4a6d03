"""Caller-supplied actor dictionaries in the PETRARCH actors-file format."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsledger.errors import InputError
from newsledger.resources.actors import lookup_actor, lookup_coded_actor, using_actor_dictionary
from newsledger.resources.petrarch_actors import (
    actor_from_code,
    parse_actor_dictionary,
    read_actor_dictionary,
)

# A small dictionary of our own, in the format's every shape: one-line entries, synonyms,
# exact ("_") and prefix phrases, codes on their own lines, dated codes, comments, non-actors.
ACTORS = """\
<!-- A test dictionary
     over two lines -->
VALDORIA_  [VAL]   # a country
+VALDORIAN
+PORT_ESKER
QUARNISH  [QRN]
NORTHERN_LEAGUE_TROOPS [NLGMIL]
MARTA OSK
\t[VALGOV < 20100101]
\t[VALOPP 20100101 - 20151231]
\t[VALREB > 20160101]
TELLAN_GAZETTE [VALMED] [VALJRN]
NOBODY_IN_PARTICULAR [---]
ANYONE_AT_ALL [###]  # "#" inside a code is the code, after it a remark
THE_TWIN_CITIES [VAL/QRN]
"""


@pytest.fixture()
def dictionary_file(tmp_path: Path) -> Path:
    path = tmp_path / "test.actors.txt"
    path.write_text(ACTORS, encoding="utf-8")
    return path


def test_reads_entries_synonyms_and_codes(dictionary_file: Path) -> None:
    actors = read_actor_dictionary(dictionary_file)
    valdoria = actors.lookup("Valdoria")
    assert valdoria is not None and (valdoria.name, valdoria.country) == ("Valdoria", "VAL")
    assert actors.lookup("Valdorian") == valdoria
    assert actors.lookup("Port Esker") == valdoria
    assert actors.lookup("the Valdoria's") == valdoria
    troops = actors.lookup("Northern League troops")
    assert troops is not None and (troops.country, troops.sector) == ("NLG", "MIL")


def test_a_leading_article_in_any_case_is_not_part_of_the_name(dictionary_file: Path) -> None:
    actors = read_actor_dictionary(dictionary_file)
    twins = actors.lookup("the Twin Cities")
    assert twins is not None and twins == actors.lookup("Twin Cities")
    assert [m.country for m in twins.members] == ["VAL", "QRN"]


def test_exact_and_prefix_phrases(dictionary_file: Path) -> None:
    actors = read_actor_dictionary(dictionary_file)
    # "QUARNISH" has no trailing "_": its last word matches as a prefix, as in TABARI.
    quarnish = actors.lookup("Quarnishmen")
    assert quarnish is not None and quarnish.country == "QRN"
    # "VALDORIA_" must match exactly.
    assert actors.lookup("Valdorias") is None
    assert actors.lookup("Esker") is None


def test_undated_code_wins_else_the_last_dated_one(dictionary_file: Path) -> None:
    actors = read_actor_dictionary(dictionary_file)
    marta = actors.lookup("Marta Osk")
    assert marta is not None and (marta.country, marta.sector) == ("VAL", "REB")
    gazette = actors.lookup("Tellan Gazette")
    assert gazette is not None and (gazette.country, gazette.sector) == ("VAL", "MED")
    nobody = actors.lookup("nobody in particular")
    assert nobody is not None and nobody.country is None and nobody.sector is None
    anyone = actors.lookup("anyone at all")
    assert anyone is not None and anyone.country is None


def test_codes_split_into_country_and_sector() -> None:
    assert (actor_from_code("x", "ISRMIL").country, actor_from_code("x", "ISRMIL").sector) == (
        "ISR",
        "MIL",
    )
    hamas = actor_from_code("Hamas", "PSEREBHMS")
    assert (hamas.country, hamas.sector) == ("PSE", "REB")
    agent_only = actor_from_code("x", "IGOEEU")
    assert (agent_only.country, agent_only.sector) == ("IGO", None)
    # A compound code names its actors together: no single country, each one a member.
    together = actor_from_code("x", "elr/gal")
    assert together.country is None
    assert [m.country for m in together.members] == ["ELR", "GAL"]
    same_country = actor_from_code("x", "ISRGOV/ISRMIL")
    assert (same_country.country, same_country.sector) == ("ISR", None)
    assert [m.sector for m in same_country.members] == ["GOV", "MIL"]


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ("+ORPHAN\n", 1, "synonym"),
        ("\t[ABC]\n", 1, "code"),
        ("GOOD [ABC]\nBROKEN [AB C D]\n", 2, "date restriction"),
        ("GOOD [ABC]\nUNCLOSED [ABC\n", 2, "CODE"),
        ("GOOD [ABC]\nNOCODE\nNEXT [DEF]\n", 2, "no [CODE]"),
        ("GOOD [A$C]\n", 1, "actor code"),
    ],
)
def test_bad_lines_are_named(text: str, line: int, problem: str) -> None:
    with pytest.raises(InputError) as error:
        parse_actor_dictionary(text, source="bad.txt")
    assert f"bad.txt:{line}:" in str(error.value)
    assert problem in str(error.value)


def test_bad_files_are_named(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"missing\.txt"):
        read_actor_dictionary(tmp_path / "missing.txt")
    empty = tmp_path / "empty.txt"
    empty.write_text("<!-- nothing -->\n# nor here\n", encoding="utf-8")
    with pytest.raises(InputError, match="no actors"):
        read_actor_dictionary(empty)
    unclosed = tmp_path / "unclosed.txt"
    unclosed.write_text("A [ABC]\n<!-- open\n", encoding="utf-8")
    with pytest.raises(InputError, match="never closed"):
        read_actor_dictionary(unclosed)
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\xff\xfe\x00A")
    with pytest.raises(InputError, match="UTF-8"):
        read_actor_dictionary(binary)


def test_the_dictionary_applies_only_inside_its_block(dictionary_file: Path) -> None:
    actors = read_actor_dictionary(dictionary_file)
    assert lookup_coded_actor("Valdoria") is None
    with using_actor_dictionary(actors):
        found = lookup_coded_actor("Valdoria")
        assert found is not None and found.country == "VAL"
        # Names the caller does not list still come from our lexicon.
        assert lookup_coded_actor("Zelenskyy") == lookup_actor("Zelenskyy")
    assert lookup_coded_actor("Valdoria") is None
