"""Validation of the events gold set (``evals/gold/events/events.jsonl``) against ../shared.

Checks the file's structure only, never the system: every article id exists in the shared corpus,
every trigger span and sentence span lies inside the article text, the trigger lies inside its
sentence, every ``head`` is the start of its span (at most five words), enumerated fields (PLOVER
type, mode, auxiliary mode, sector, country codes) take allowed values and dates match the
contract's pattern.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, get_args

import pytest

from newsledger.model import DATE_PATTERN, AuxMode, PloverType
from newsledger.resources.plover import plover_types

pytestmark = pytest.mark.shared

GOLD = Path(__file__).resolve().parents[2] / "evals" / "gold" / "events" / "events.jsonl"
DATE = re.compile(DATE_PATTERN)
ALPHA3 = re.compile(r"^[A-Z]{3}$")
ALPHA2 = re.compile(r"^[A-Z]{2}$")
# The contract's enumerations and the PLOVER table's modes, read from the package: one list each.
TYPES = set(get_args(PloverType))
MODES: dict[str, set[str]] = {t.name: set(t.modes) for t in plover_types()}
AUX = {None, *get_args(AuxMode)}
# PLOVER sector codes (frequent, then less frequent).
SECTORS = {"COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK"} | {
    "AGR",
    "BUS",
    "CRM",
    "CVL",
    "EDU",
    "ELI",
    "JRN",
    "LAB",
    "MED",
    "REF",
    "OPP",
    "PRE",
    "REL",
    "SOC",
}
EVENT_KEYS = {
    "start",
    "end",
    "head",
    "sentence_start",
    "sentence_end",
    "type",
    "mode",
    "aux",
    "actor",
    "target",
    "place",
    "place_country",
    "date",
    "fatalities",
    "injured",
    "casualties_approx",
    "reported_by_speaker",
}
PARTY_KEYS = {"name", "country", "sector"}


def _gold() -> list[dict[str, Any]]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]


def _party_problems(where: str, party: Any) -> list[str]:
    if not isinstance(party, dict) or set(party) != PARTY_KEYS:
        return [f"{where}: malformed {party!r}"]
    problems: list[str] = []
    if not isinstance(party["name"], str) or not party["name"].strip():
        problems.append(f"{where}: empty name")
    country = party["country"]
    if country is not None and not ALPHA3.match(country):
        problems.append(f"{where}: country {country!r} is not alpha-3 / IGO code")
    if party["sector"] is not None and party["sector"] not in SECTORS:
        problems.append(f"{where}: sector {party['sector']!r}")
    return problems


def _count_problems(where: str, event: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    for key in ("fatalities", "injured"):
        value = event[key]
        if value is not None and not (isinstance(value, int) and value >= 0):
            problems.append(f"{where}: {key} {value!r}")
    if not isinstance(event["casualties_approx"], bool):
        problems.append(f"{where}: casualties_approx not a bool")
    elif event["casualties_approx"] and event["fatalities"] is None and event["injured"] is None:
        problems.append(f"{where}: casualties_approx without a count")
    return problems


def _event_problems(where: str, event: dict[str, Any], text: str) -> list[str]:
    if set(event) != EVENT_KEYS:
        return [f"{where}: keys {sorted(event)}"]
    problems: list[str] = []
    start, end = event["start"], event["end"]
    s_start, s_end = event["sentence_start"], event["sentence_end"]
    if not all(isinstance(x, int) for x in (start, end, s_start, s_end)):
        return [f"{where}: offsets are not integers"]
    if not (0 <= s_start <= start < end <= s_end <= len(text)):
        return [f"{where}: span {start}..{end} not inside sentence {s_start}..{s_end} / text"]
    head = event["head"]
    if not head or len(head.split()) > 5 or not text[start:end].startswith(head):
        problems.append(f"{where}: head {head!r} is not the start of its span")
    if event["type"] not in TYPES:
        problems.append(f"{where}: type {event['type']!r}")
    elif event["mode"] is not None and event["mode"] not in MODES.get(event["type"], set()):
        problems.append(f"{where}: mode {event['mode']!r} for {event['type']}")
    if event["aux"] not in AUX:
        problems.append(f"{where}: aux {event['aux']!r}")
    problems += _party_problems(f"{where} actor", event["actor"])
    if event["target"] is not None:
        problems += _party_problems(f"{where} target", event["target"])
    place, country = event["place"], event["place_country"]
    if place is not None and (not isinstance(place, str) or not place.strip()):
        problems.append(f"{where}: place {place!r}")
    if country is not None and (place is None or not ALPHA2.match(country)):
        problems.append(f"{where}: place_country {country!r} (place {place!r})")
    if event["date"] is not None and not DATE.match(event["date"]):
        problems.append(f"{where}: date {event['date']!r}")
    problems += _count_problems(where, event)
    speaker = event["reported_by_speaker"]
    if speaker is not None and (not isinstance(speaker, str) or not speaker.strip()):
        problems.append(f"{where}: reported_by_speaker {speaker!r}")
    return problems


def test_ids_exist_and_are_unique(texts: dict[str, str]) -> None:
    ids = [row["id"] for row in _gold()]
    assert len(ids) == len(set(ids))
    assert len(ids) >= 12
    assert [i for i in ids if i not in texts] == []


def test_events_are_well_formed(texts: dict[str, str]) -> None:
    problems: list[str] = []
    for row in _gold():
        assert set(row) == {"id", "events"}, row["id"]
        assert row["events"], f"{row['id']}: no events"
        text = texts[row["id"]]
        for n, event in enumerate(row["events"]):
            problems += _event_problems(f"{row['id']} event {n}", event, text)
    assert problems == []


def test_events_are_in_text_order_and_not_duplicated() -> None:
    for row in _gold():
        spans = [(event["start"], event["end"]) for event in row["events"]]
        assert spans == sorted(spans), row["id"]
        assert len(spans) == len(set(spans)), row["id"]
