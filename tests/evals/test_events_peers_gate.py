"""Eval gate for the events stage on the peers' event gold sets (evals/events_peers.py).

The floors (measured, rounded down to two decimals, minus 0.01), the ceilings on spurious codes
per sentence (measured, rounded up to two decimals, plus 0.01) and the sha256 of each peer file
read live in tests/evals/events_peers_baseline.json. A changed peer file fails with its own
message; a figure past its floor or ceiling fails naming the set and the figure. Speed is not
asserted.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from evals import events_peers

BASELINE = Path(__file__).with_name("events_peers_baseline.json")

pytestmark = [pytest.mark.shared, pytest.mark.slow]


@pytest.fixture(scope="module")
def peers_dir(shared_dir: Path) -> Path:
    path = shared_dir / "peers"
    missing = [str(name) for name in events_peers.GOLD_FILES if not (path / name).is_file()]
    if missing:
        pytest.fail(f"peer files missing from {path}: {missing}")
    return path


@pytest.fixture(scope="module")
def result(peers_dir: Path) -> dict[str, Any]:
    return events_peers.evaluate(peers_dir)


def test_peer_files_are_the_pinned_ones(peers_dir: Path, baseline: dict[str, Any]) -> None:
    digests = events_peers.peer_digests(peers_dir)
    changed = {
        name: digest for name, digest in digests.items() if baseline["sha256"].get(name) != digest
    }
    assert not changed, (
        f"peer files changed: {changed}; re-measure with `python -m evals.events_peers` and "
        "re-pin tests/evals/events_peers_baseline.json on purpose"
    )


def test_peer_set_sizes(result: dict[str, Any], baseline: dict[str, Any]) -> None:
    for name, size in baseline["sentences"].items():
        assert result[name]["sentences"] == size, name


def test_peer_figures_stay_above_floors(
    result: dict[str, Any], baseline: dict[str, Any], past_bounds: Callable[..., dict[str, str]]
) -> None:
    below = past_bounds(result, baseline["floors"])
    assert not below, f"events peer figures fell below their floors: {below}"


def test_spurious_codes_stay_below_ceilings(
    result: dict[str, Any], baseline: dict[str, Any], past_bounds: Callable[..., dict[str, str]]
) -> None:
    above = past_bounds(result, baseline["ceilings"], ceilings=True)
    assert not above, f"events peer figures rose above their ceilings: {above}"
