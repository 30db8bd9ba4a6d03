"""Validation of the claims gold set (``evals/gold/claims/claims.jsonl``) against ../shared.

Checks the file's structure only, never the system: every article id exists in the shared corpus,
every span lies inside the article text, every ``head`` is the start of its span (at most five
words), enumerated fields take allowed values, dates match the contract's pattern and the
contradiction indexes point into the article's claims list.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, get_args

import pytest

from newsledger.model import DATE_PATTERN, ClaimKind, Stance

pytestmark = pytest.mark.shared

GOLD = Path(__file__).resolve().parents[2] / "evals" / "gold" / "claims" / "claims.jsonl"
DATE = re.compile(DATE_PATTERN)
KINDS = set(get_args(ClaimKind))  # the contract's enumerations, from the model
STANCES = set(get_args(Stance))
CLAIM_KEYS = {
    "start",
    "end",
    "head",
    "kind",
    "speaker",
    "speaker_start",
    "speaker_end",
    "role",
    "cue",
    "stance",
    "date",
}


def _gold() -> list[dict[str, Any]]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]


def test_ids_exist_and_are_unique(texts: dict[str, str]) -> None:
    ids = [row["id"] for row in _gold()]
    assert len(ids) == len(set(ids))
    assert len(ids) >= 12
    assert [i for i in ids if i not in texts] == []


def test_claims_are_well_formed(texts: dict[str, str]) -> None:
    problems: list[str] = []
    for row in _gold():
        text = texts[row["id"]]
        assert set(row) == {"id", "claims", "contradictions"}, row["id"]
        for n, claim in enumerate(row["claims"]):
            where = f"{row['id']} claim {n}"
            if set(claim) != CLAIM_KEYS:
                problems.append(f"{where}: keys {sorted(claim)}")
                continue
            start, end = claim["start"], claim["end"]
            ints = isinstance(start, int) and isinstance(end, int)
            if not (ints and 0 <= start < end <= len(text)):
                problems.append(f"{where}: span {start}..{end} outside text")
                continue
            span = text[start:end]
            head = claim["head"]
            if not head or len(head.split()) > 5 or not span.startswith(head):
                problems.append(f"{where}: head {head!r} is not the start of its span")
            if claim["kind"] not in KINDS:
                problems.append(f"{where}: kind {claim['kind']!r}")
            if claim["stance"] not in STANCES:
                problems.append(f"{where}: stance {claim['stance']!r}")
            if not isinstance(claim["speaker"], str) or not claim["speaker"]:
                problems.append(f"{where}: speaker {claim['speaker']!r}")
            s_start, s_end = claim["speaker_start"], claim["speaker_end"]
            if (s_start is None) != (s_end is None):
                problems.append(f"{where}: half a speaker span")
            elif s_start is None:
                if claim["speaker"] != "unknown":
                    problems.append(f"{where}: named speaker without a mention")
            elif not (0 <= s_start < s_end <= len(text)):
                problems.append(f"{where}: speaker span {s_start}..{s_end} outside text")
            elif s_start < end and start < s_end:
                problems.append(f"{where}: speaker mention overlaps the claim span")
            if claim["role"] is not None and not isinstance(claim["role"], str):
                problems.append(f"{where}: role {claim['role']!r}")
            if claim["cue"] is not None and claim["cue"] not in text:
                problems.append(f"{where}: cue {claim['cue']!r} not in text")
            if claim["date"] is not None and not DATE.match(claim["date"]):
                problems.append(f"{where}: date {claim['date']!r}")
    assert problems == []


def test_contradictions_point_into_claims() -> None:
    problems: list[str] = []
    for row in _gold():
        count = len(row["claims"])
        for n, contra in enumerate(row["contradictions"]):
            where = f"{row['id']} contradiction {n}"
            if set(contra) != {"about", "for", "against"} or not contra["about"]:
                problems.append(f"{where}: keys")
                continue
            sides = contra["for"], contra["against"]
            if not all(sides):
                problems.append(f"{where}: an empty side")
            for index in (*sides[0], *sides[1]):
                if not (isinstance(index, int) and 0 <= index < count):
                    problems.append(f"{where}: index {index!r} out of range")
            if set(sides[0]) & set(sides[1]):
                problems.append(f"{where}: a claim on both sides")
            speakers_for = {row["claims"][i]["speaker"] for i in sides[0] if 0 <= i < count}
            speakers_against = {row["claims"][i]["speaker"] for i in sides[1] if 0 <= i < count}
            if speakers_for == speakers_against:
                problems.append(f"{where}: same speakers on both sides")
    assert problems == []
