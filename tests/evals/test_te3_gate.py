"""Eval gate for the times stage: TempEval-3 platinum figures may not fall below pinned floors.

As in trafilatura's tests/eval_gate.py: the floors and a digest of the gold files live in
tests/evals/te3_baseline.json. A changed gold set fails with its own message (the floors were
measured on the old one); a figure below its floor fails naming the figure. Speed is not
asserted.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from evals import te3

BASELINE = Path(__file__).with_name("te3_baseline.json")

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def te3_folder(shared_dir: Path) -> Path:
    folder = shared_dir / "peers" / "te3-platinum"
    if not folder.is_dir():
        pytest.fail(f"{folder} is missing from ../shared")
    return folder


def test_te3_gold_set_is_the_pinned_one(te3_folder: Path, baseline: dict[str, Any]) -> None:
    digest = te3.gold_digest(te3_folder)
    assert digest == baseline["gold"]["sha256"], (
        f"the TE3 gold files in {te3_folder} changed (sha256 {digest}, pinned "
        f"{baseline['gold']['sha256']}): re-measure with `python -m evals.te3` and re-pin "
        "tests/evals/te3_baseline.json on purpose"
    )


@pytest.mark.slow
def test_te3_figures_stay_above_floors(
    te3_folder: Path, baseline: dict[str, Any], past_bounds: Callable[..., dict[str, str]]
) -> None:
    result = te3.evaluate(te3_folder, systems=("newsledger",))
    assert result["gold_n"] == baseline["gold"]["gold_n"]
    figures = result["newsledger"]
    below = past_bounds(figures, baseline["floors"])
    assert not below, f"TE3 figures fell below their floors: {below}"
