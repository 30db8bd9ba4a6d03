"""Eval gate for the events stage: figures on our events gold set may not fall below their floors.

As tests/evals/test_te3_gate.py: the floors (measured value rounded down to two decimals, minus
0.01) and the sha256 of ``evals/gold/events/events.jsonl`` live in
tests/evals/events_baseline.json. A changed gold file fails with its own message (the floors were
measured on the old one); a figure below its floor fails naming the view and the figure. Speed is
not asserted.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from evals import events

BASELINE = Path(__file__).with_name("events_baseline.json")

pytestmark = [pytest.mark.shared, pytest.mark.slow]


@pytest.fixture(scope="module")
def corpus_file(shared_dir: Path) -> Path:
    path = shared_dir / "corpus" / "articles.jsonl"
    if not path.is_file():
        pytest.fail(f"{path} is missing from ../shared")
    return path


def test_events_gold_file_is_the_pinned_one(baseline: dict[str, Any]) -> None:
    digest = events.gold_digest(events.GOLD_FILE)
    assert digest == baseline["gold"]["sha256"], (
        f"{events.GOLD_FILE} changed (sha256 {digest}, pinned {baseline['gold']['sha256']}): "
        "re-measure with `python -m evals.events` and re-pin tests/evals/events_baseline.json "
        "on purpose"
    )


def test_events_figures_stay_above_floors(
    corpus_file: Path, baseline: dict[str, Any], past_bounds: Callable[..., dict[str, str]]
) -> None:
    result = events.evaluate(events.GOLD_FILE, corpus_file)
    assert result["documents"] == baseline["gold"]["documents"]
    assert result["gold_n"] == baseline["gold"]["gold_n"]
    below = past_bounds(result, baseline["floors"])
    assert not below, f"events figures fell below their floors: {below}"
