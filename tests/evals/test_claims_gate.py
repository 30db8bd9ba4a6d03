"""Eval gate for the claims stage: figures on our claims gold may not fall below pinned floors.

As tests/evals/test_te3_gate.py: the floors and a sha256 of ``evals/gold/claims/claims.jsonl``
live in tests/evals/claims_baseline.json. A changed gold file fails with its own message (the
floors were measured on the old one); a figure below its floor fails naming the figure. The
matching rule the figures rest on is checked on hand-made spans. Speed is not asserted.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from evals import claims
from newsledger.model import Claim, Document, Record, Speaker

BASELINE = Path(__file__).with_name("claims_baseline.json")

pytestmark = pytest.mark.shared


def test_claims_gold_file_is_the_pinned_one(baseline: dict[str, Any]) -> None:
    digest = claims.gold_digest()
    assert digest == baseline["gold"]["sha256"], (
        f"{claims.GOLD_FILE} changed (sha256 {digest}, pinned {baseline['gold']['sha256']}): "
        "re-measure with `python -m evals.claims` and re-pin tests/evals/claims_baseline.json "
        "on purpose"
    )


def test_matching_is_one_to_one_largest_overlap_first() -> None:
    # Gold [0, 10) overlaps system [0, 8) by 8 and [5, 20) by 5: the larger overlap wins, and
    # gold [12, 20) then takes [5, 20) (overlap 8 = all of the shorter span).
    assert claims.span_matches([(0, 10), (12, 20)], [(0, 8), (5, 20)]) == [(0, 0), (1, 1)]


def test_matching_needs_half_of_the_shorter_span() -> None:
    # Overlap 5 of a 10-character shorter span is enough; 4 of 10 is not.
    assert claims.span_matches([(0, 10)], [(5, 30)]) == [(0, 0)]
    assert claims.span_matches([(0, 10)], [(6, 30)]) == []


def test_speaker_names_compare_casefolded_without_the() -> None:
    assert claims.normalize_name("The  Ministry") == claims.normalize_name("ministry")
    assert claims.normalize_name("Israel’s military") == "israel's military"
    assert claims.normalize_name("Theresa May") == "theresa may"


@pytest.mark.slow
def test_claims_figures_stay_above_floors(
    shared_dir: Path, baseline: dict[str, Any], past_bounds: Callable[..., dict[str, str]]
) -> None:
    result = claims.evaluate(shared_dir)
    figures = result["figures"]
    assert result["articles"] == baseline["gold"]["articles"]
    assert figures["gold_n"] == baseline["gold"]["gold_n"]
    assert figures["gold_contradictions_n"] == baseline["gold"]["contradictions_n"]
    below = past_bounds(figures, baseline["floors"])
    assert not below, f"claims figures fell below their floors: {below}"


def test_speaker_names_compare_without_accents_and_with_us_spelled_out() -> None:
    # The text writes "Antonio Guterres"; the gold's canonical name is "António Guterres".
    assert claims.normalize_name("Antonio Guterres") == claims.normalize_name("António Guterres")
    assert claims.normalize_name("US military") == claims.normalize_name("United States military")
    assert claims.normalize_name("the U.S. Department of Defense") == (
        "united states department of defense"
    )
    assert claims.normalize_name("Justus Meyer") == "justus meyer"  # "us" only as a word


def test_error_listing_names_each_mismatch_by_category() -> None:
    text = "Kyiv said the bridge fell. Moscow denied it. Nobody else spoke at all today."
    gold = claims.GoldArticle(
        "a1",
        (
            claims.GoldClaim(10, 25, "indirect", "Ukraine", 0, 4, "assert", "2025-05-09"),
            claims.GoldClaim(34, 36, "indirect", "Russia", 27, 33, "deny", None),
        ),
        (claims.GoldContradiction((0,), (1,)),),
    )
    system = Claim(
        id="c1",
        speaker=Speaker(name="unknown"),
        text=text[10:25],
        kind="indirect",
        cue="said",
        stance="deny",
        start=10,
        end=25,
        date="2025-05-12",
        date_source="published",
    )
    record = Record(document=Document(id="d1", text=text, language="en"), claims=(system,))
    categories = [line.split("\t")[0] for line in claims.list_errors(gold, record, text)]
    assert categories == ["speaker", "stance", "date", "missed", "contradiction"]
