"""The PLOVER table: types, modes, CAMEO roots and the ACLED crosswalk."""

from __future__ import annotations

from typing import get_args

import pytest

from newsledger.model import PloverType
from newsledger.resources.event_triggers import trigger_lexicon
from newsledger.resources.plover import acled_type, cameo_root, licence, plover_type, plover_types

PLOVER_16 = set(get_args(PloverType))  # the contract's sixteen types


def test_the_sixteen_types_with_the_manuals_modes() -> None:
    assert {t.name for t in plover_types()} == PLOVER_16
    assert plover_type("RETREAT").modes == (
        "withdraw",
        "release",
        "disarm",
        "ceasefire",
        "access",
        "resign",
    )
    assert "drone" in plover_type("ASSAULT").modes
    assert plover_type("ASSAULT").quad == "material conflict"


def test_the_data_file_carries_its_share_alike_licence() -> None:
    assert "CC BY-SA 4.0" in licence()


@pytest.mark.parametrize(
    ("event", "mode", "root"),
    [
        ("AGREE", None, "03"),
        ("CONSULT", "phone", "04"),
        ("RETREAT", "ceasefire", "08"),
        ("CONCEDE", None, "08"),
        ("ACCUSE", "investigate", "09"),
        ("ACCUSE", "allege", "11"),
        ("REQUEST", None, "10"),
        ("REJECT", None, "12"),
        ("MOBILIZE", "troops", "15"),
        ("SANCTION", "expel", "16"),
        ("COERCE", "arrest", "17"),
        ("ASSAULT", "abduct", "18"),
        ("ASSAULT", "aerial", "19"),
        ("ASSAULT", None, "19"),
        ("ASSAULT", "unconventional", "20"),
    ],
)
def test_cameo_roots(event: str, mode: str | None, root: str) -> None:
    assert cameo_root(event, mode) == root


def test_unknown_types_and_modes_are_refused() -> None:
    with pytest.raises(ValueError, match="FIGHT"):
        cameo_root("FIGHT", None)
    with pytest.raises(ValueError, match="bombing"):
        cameo_root("ASSAULT", "bombing")


@pytest.mark.parametrize(
    ("event", "mode", "sector", "ground", "acled"),
    [
        ("ASSAULT", "drone", None, False, "Explosions/Remote violence / Air/drone strike"),
        ("ASSAULT", "aerial", "CVL", False, "Explosions/Remote violence / Air/drone strike"),
        (
            "ASSAULT",
            "heavy-weapons",
            None,
            False,
            "Explosions/Remote violence / Shelling/artillery/missile attack",
        ),
        ("ASSAULT", None, "MIL", True, "Battles / Armed clash"),
        ("ASSAULT", "firearms", "CVL", False, "Violence against civilians / Attack"),
        ("ASSAULT", None, "CVL", True, "Violence against civilians / Attack"),
        ("ASSAULT", None, None, False, None),
        ("PROTEST", "demo", None, False, "Protests / Peaceful protest"),
        ("PROTEST", "riot", None, False, "Riots / Violent demonstration"),
        ("RETREAT", "ceasefire", None, False, "Strategic developments / Agreement"),
        ("AGREE", None, None, False, "Strategic developments / Agreement"),
        ("COERCE", "arrest", "CVL", False, "Strategic developments / Arrests"),
        ("ACCUSE", "allege", None, False, None),
        ("REJECT", None, None, False, None),
        ("REQUEST", None, None, False, None),
    ],
)
def test_acled_crosswalk(
    event: str, mode: str | None, sector: str | None, ground: bool, acled: str | None
) -> None:
    assert acled_type(event, mode, sector, ground=ground) == acled


def test_every_trigger_names_a_real_type_and_mode() -> None:
    lexicon = trigger_lexicon()
    entries = [
        *(e for es in lexicon.nouns.values() for e in es),
        *(e for es in lexicon.verbs.values() for e in es),
    ]
    assert len(entries) > 50  # the check below must have something to check
    for entry in entries:
        cameo_root(entry.type, entry.mode)  # raises on a typo
    for mode in lexicon.assault_modifiers.values():
        cameo_root("ASSAULT", mode)
    for mode in lexicon.protest_strikes.values():
        cameo_root("PROTEST", mode)
