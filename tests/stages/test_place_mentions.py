"""Place mentions found from the fixed forms of news text (no parse needed)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger.stages.place_mentions import region_by_abbreviation, textual_mentions


def found(text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.query) for m in textual_mentions(text)]


@pytest.mark.parametrize(
    ("written", "dotted_only", "state"),
    [
        ("Ky.", True, "Kentucky"),
        ("W. Va.", True, "West Virginia"),
        ("S.C.", True, "South Carolina"),
        ("B.C.", True, "British Columbia"),
        ("KY", False, "Kentucky"),
        ("KY", True, None),  # "IN", "OR", "LA": words or other places outside a container
        ("Paris", False, None),
    ],
)
def test_region_by_abbreviation(written: str, dotted_only: bool, state: str | None) -> None:
    assert region_by_abbreviation(written, dotted_only=dotted_only) == state


def test_dateline_in_capitals() -> None:
    assert found("MANSFIELD, Ohio -- The council met.") == [("MANSFIELD", "MANSFIELD")]
    assert found("Filed March 24, 2009 HUDSON -- Officials said.") == [("HUDSON", "HUDSON")]
    assert found("The FBI said so. NATO forces left.") == []


def test_county_list() -> None:
    assert found("roads in Barrow, Jackson and Madison counties were shut") == [
        ("Barrow", "Barrow County"),
        ("Jackson", "Jackson County"),
        ("Madison", "Madison County"),
    ]
    assert found("in Avoyelles and Rapides parishes") == [
        ("Avoyelles", "Avoyelles Parish"),
        ("Rapides", "Rapides Parish"),
    ]


def test_party_and_home() -> None:
    text = "Sen. Jay Rockefeller, D-W.Va., and Rep. Torrey Westrom, R-Elbow Lake, agreed."
    assert found(text) == [("W.Va.", "West Virginia"), ("Elbow Lake", "Elbow Lake")]


def test_abbreviation_after_a_town() -> None:
    assert found("Louisville, Ky., and Paris, TX, were picked.") == [
        ("Ky.", "Kentucky"),
        ("TX", "Texas"),
    ]
    assert found("It is OK, IN my view.") == []


@settings(deadline=None, max_examples=200)
@given(st.text(max_size=200))
def test_mentions_lie_inside_the_text(text: str) -> None:
    for mention in textual_mentions(text):
        assert 0 <= mention.start < mention.end <= len(text)
        assert mention.query
