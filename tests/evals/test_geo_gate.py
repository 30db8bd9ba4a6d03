"""Geoparsing quality gate: the places stage on public gold sets may not fall below its floors.

Like adbar/trafilatura's ``tests/eval_gate.py``: each corpus of ``../shared/peers`` is measured with
:func:`evals.geo.evaluate` on a fixed, deterministic subset (its first articles, to keep the gate
well under a minute), and recall and accuracy within 161 km are compared with the floors pinned in
``geo_baseline.json`` (measured value rounded down, minus 0.01). The gold files' sha256 digests are
pinned too, so a changed gold set is noticed instead of silently moving the floors.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from evals.geo import evaluate, gold_digest  # the repository root is on pytest's pythonpath

pytestmark = [pytest.mark.slow, pytest.mark.shared]

BASELINE: dict[str, Any] = json.loads(
    (Path(__file__).with_name("geo_baseline.json")).read_text(encoding="utf-8")
)


@pytest.mark.parametrize("corpus", sorted(BASELINE["corpora"]))
def test_gold_file_is_the_measured_one(shared_dir: Path, corpus: str) -> None:
    expected = BASELINE["corpora"][corpus]["sha256"]
    assert gold_digest(corpus, shared_dir / "peers") == expected


@pytest.mark.parametrize("corpus", sorted(BASELINE["corpora"]))
def test_geoparsing_stays_above_floor(shared_dir: Path, corpus: str) -> None:
    pinned = BASELINE["corpora"][corpus]
    metrics = evaluate(corpus, limit=pinned["articles"], peers=shared_dir / "peers")
    assert metrics["articles"] == pinned["articles"]
    assert metrics["gold_toponyms"] == pinned["gold_toponyms"]
    assert metrics["recall"] >= pinned["recall_floor"], metrics
    assert metrics["recall_without_demonyms"] >= pinned["recall_without_demonyms_floor"], metrics
    assert metrics["accuracy_161km"] >= pinned["accuracy_161km_floor"], metrics
