"""Publication dates in the forms publishers write them, and what is not a date."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger.ingest.dates import parse_published


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("22 April 2025", "2025-04-22"),
        ("April 22, 2025", "2025-04-22"),
        ("2025-04-22", "2025-04-22"),
        ("Published: 22 April 2025", "2025-04-22"),
        ("Thursday 17 April 2025", "2025-04-17"),
        ("Tuesday, April 22, 2025", "2025-04-22"),
        ("22.04.2025", "2025-04-22"),
        ("2025-04-22T10:00:00+02:00", "2025-04-22"),
        ("Apr 22, 2025 10:05 EDT", "2025-04-22"),
        ("Updated April 22, 2025 at 3:42 p.m. ET", "2025-04-22"),
        ("22nd of April, 2025", "2025-04-22"),
        ("Sept. 3, 2024", "2024-09-03"),
        ("Mon, 22 Apr 2025 10:05:00 GMT", "2025-04-22"),
        ("04/22/2025", "2025-04-22"),
        ("22/04/2025", "2025-04-22"),
        # The date as written, in the writer's time zone, not shifted to UTC.
        ("2024-10-16 00:00:00+08:00", "2024-10-16"),
        ("2025-11-06 04:05:23.161000+01:00", "2025-11-06"),
        # Only as precise as the value is.
        ("April 2025", "2025-04"),
        ("2025-04", "2025-04"),
        ("2025", "2025"),
        # Header values with a note, as in the corpus headers.
        ("2019-11 (not in page metadata)", "2019-11"),
        ("2019-11-18 (from URL)", "2019-11-18"),
        ("2022-02-24/25 (sources dated 24 Feb 2022)", "2022-02-24"),
        # Other languages, through the dateparser fallback.
        ("22 juin 2012", "2012-06-22"),
        ("17. März 2024", "2024-03-17"),
    ],
)
def test_common_forms(value: str, expected: str) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "We",
        "Sunday",
        "May",
        "yesterday",
        "12",
        "",
        "   ",
        "Andrea Peters",
        "By Jane Doe",
        "Russia attacked the city on 22 April 2025",  # contains a date, is not one
        "31 February 2025",  # no such day
        "2025-13-01",
        "03/04/2025",  # 3 April or 4 March: not guessed
        "next Blursday",
    ],
)
def test_not_a_date(value: str) -> None:
    assert parse_published(value) is None


@settings(deadline=None, max_examples=200)
@given(st.text(max_size=80))
def test_never_raises_and_returns_a_contract_date(value: str) -> None:
    result = parse_published(value)
    assert result is None or re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", result)
