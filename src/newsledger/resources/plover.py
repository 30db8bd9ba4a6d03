"""PLOVER event types and modes, with their CAMEO root codes and the ACLED crosswalk.

The table lives in ``data/plover.json``. Its types, modes and CAMEO roots are derived from the
PLOVER manual and ``CAMEO2PLOVER-2021.txt`` (openeventdata/PLOVER, Copyright 2016 Open Event Data
Alliance), so that data file is licensed CC BY-SA 4.0, as its ``_licence`` key says; this loader
is ordinary project code. The events stage asks three questions of it: which types and modes
exist, which CAMEO root an event gets (``cameo_root``), and which ACLED "Event type / Sub-event
type" it corresponds to, if any (``acled_type``: verbal events such as ACCUSE have none).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from newsledger.resources.data_files import read_data_json

_DATA_FILE = "plover.json"

# CAMEO event codes: a root "01".."20" and one digit ("190", "064"), or two nonzero digits that
# refine a three-digit code ("0356", "1711"); CAMEO has no "1010" and no letters ("075A").
_CAMEO_CODE = re.compile(r"^(0[1-9]|1\d|20)(?:\d|[1-9][1-9])$")
# The PLOVER type each CAMEO root is coded as, after the PLOVER README's mapping and
# CAMEO2PLOVER; root 01 (public statement) has no PLOVER type, and 08 (yield) is split below.
_TYPE_BY_ROOT = {
    "02": "REQUEST",
    "03": "AGREE",
    "04": "CONSULT",
    "05": "SUPPORT",
    "06": "COOPERATE",
    "07": "AID",
    "09": "ACCUSE",
    "10": "REQUEST",
    "11": "ACCUSE",
    "12": "REJECT",
    "13": "THREATEN",
    "14": "PROTEST",
    "15": "MOBILIZE",
    "16": "SANCTION",
    "17": "COERCE",
    "18": "ASSAULT",
    "19": "ASSAULT",
    "20": "ASSAULT",
}
_MODE_BY_ROOT = {"09": "investigate", "11": "disapprove", "20": "unconventional"}
# Three-digit codes CAMEO2PLOVER types apart from their root: complaints and lawsuits allege (114,
# 115), an embargo, a blockade and an occupation coerce (163, 191, 192), violent repression
# assaults (175).
_BY_CODE: dict[str, tuple[str, str | None]] = {
    "114": ("ACCUSE", "allege"),
    "115": ("ACCUSE", "allege"),
    "163": ("COERCE", "restrict"),
    "175": ("ASSAULT", None),
    "191": ("COERCE", "restrict"),
    "192": ("COERCE", "seize"),
}


@dataclass(frozen=True, slots=True)
class PloverType:
    """One PLOVER event type: its quad category, modes and CAMEO root codes."""

    name: str
    quad: str
    cameo: str
    modes: tuple[str, ...]
    cameo_by_mode: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class _AcledRule:
    type: str
    acled: str
    mode: str | None = None
    target_sector: str | None = None
    ground: bool | None = None


@dataclass(frozen=True, slots=True)
class _Table:
    types: dict[str, PloverType]
    acled: tuple[_AcledRule, ...]


@lru_cache(maxsize=1)
def _table() -> _Table:
    raw: dict[str, Any] = read_data_json(_DATA_FILE, "PLOVER table")
    types = {
        name: PloverType(
            name=name,
            quad=row["quad"],
            cameo=row["cameo"],
            modes=tuple(row["modes"]),
            cameo_by_mode=tuple(sorted(row.get("cameo_by_mode", {}).items())),
        )
        for name, row in raw["types"].items()
    }
    rules = tuple(
        _AcledRule(
            type=row["type"],
            acled=row["acled"],
            mode=row.get("mode"),
            target_sector=row.get("target_sector"),
            ground=row.get("ground"),
        )
        for row in raw["acled"]
    )
    return _Table(types=types, acled=rules)


def licence() -> str:
    """The licence notice of the PLOVER-derived data file (CC BY-SA 4.0)."""
    path = resources.files("newsledger.resources").joinpath("data", _DATA_FILE)
    with path.open(encoding="utf-8") as handle:
        return str(json.load(handle)["_licence"])


def plover_types() -> tuple[PloverType, ...]:
    """The 16 PLOVER event types, in the manual's order (cooperation first, ASSAULT last)."""
    return tuple(_table().types.values())


def plover_type(name: str) -> PloverType:
    """The PLOVER type called ``name``; ValueError for a name PLOVER does not have."""
    found = _table().types.get(name)
    if found is None:
        raise ValueError(f"unknown PLOVER event type {name!r}")
    return found


def cameo_root(plover_type_name: str, mode: str | None = None) -> str:
    """The CAMEO root code ("01".."20") of a PLOVER type and mode.

    Most types have one root; ASSAULT spreads over 17-20 and ACCUSE over 09/11 by mode. A mode
    the type does not have raises ValueError, so a typo in a lexicon cannot pass silently.
    """
    entry = plover_type(plover_type_name)
    if mode is None:
        return entry.cameo
    if mode not in entry.modes:
        raise ValueError(f"PLOVER type {plover_type_name} has no mode {mode!r}")
    return dict(entry.cameo_by_mode).get(mode, entry.cameo)


def cameo_code_root(code: str) -> str | None:
    """The root ("02") of a CAMEO event code ("023", "0356"), or None for a code that is not
    CAMEO's: letters ("075A"), a root above 20 ("345", "903"), a null code ("---")."""
    found = _CAMEO_CODE.match(code.strip())
    return found.group(1) if found else None


def plover_for_cameo(code: str) -> tuple[str, str | None] | None:
    """The PLOVER type and mode a CAMEO event code is coded as, or None where PLOVER has none.

    The mapping is CAMEO2PLOVER's at the root: 02 appeal and 10 demand are REQUEST, 09
    investigate and 11 disapprove ACCUSE (modes investigate and disapprove), 18-20 ASSAULT (20
    unconventional), and 08 yield splits into CONCEDE (080-083: easing sanctions, dissent,
    acceding to demands) and RETREAT (084-087: releases, easing embargoes, access,
    de-escalation); the few three-digit codes it types apart from their root follow it
    (``_BY_CODE``). Root 01, a public statement, and codes that are not CAMEO's
    (``cameo_code_root``) give None.
    """
    root = cameo_code_root(code)
    if root is None or root == "01":
        return None
    three = code.strip()[:3]
    if three in _BY_CODE:
        return _BY_CODE[three]
    if root == "08":
        return ("RETREAT", None) if three[2] in "4567" else ("CONCEDE", None)
    return _TYPE_BY_ROOT[root], _MODE_BY_ROOT.get(root)


def acled_type(
    plover_type_name: str,
    mode: str | None,
    target_sector: str | None = None,
    *,
    ground: bool = False,
) -> str | None:
    """ACLED "Event type / Sub-event type" of a PLOVER event, or None where ACLED has none.

    ``target_sector`` is the PLOVER sector of the target ("CVL" turns an assault into violence
    against civilians); ``ground`` says the assault was by ground forces (an incursion, an
    invasion, a clash), which ACLED files under Battles. Verbal events (ACCUSE, REJECT, REQUEST,
    ...) have no ACLED counterpart and give None.
    """
    plover_type(plover_type_name)  # validates the name
    for rule in _table().acled:
        if rule.type != plover_type_name:
            continue
        if rule.mode is not None and rule.mode != mode:
            continue
        if rule.target_sector is not None and rule.target_sector != target_sector:
            continue
        if rule.ground is not None and rule.ground != ground:
            continue
        return rule.acled
    return None
