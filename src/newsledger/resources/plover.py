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
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from newsledger.resources.data_files import read_data_json

_DATA_FILE = "plover.json"


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
