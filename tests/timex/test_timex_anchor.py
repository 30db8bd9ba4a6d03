"""Anchoring: TIMEX3 values against a publication date, a reference date and the tense.

These run without a spaCy parse (tense then comes only from future markers such as "will");
the stage tests cover the parsed path.
"""

from __future__ import annotations

from datetime import date

import pytest

from newsledger.timex.anchor import Anchor, Point, record_date, resolve
from newsledger.timex.meaning import CalendarDate, Found, Weekday
from newsledger.timex.normalize import extract_times

PUBLISHED = "2025-04-22"  # a Tuesday


def values(
    text: str, published: str | None = PUBLISHED
) -> dict[str, tuple[str | None, str | None]]:
    return {t.text: (t.value, t.mod) for t in extract_times(text, published)}


@pytest.mark.parametrize(
    ("text", "expression", "value", "mod"),
    [
        ("The decree was signed on 8 April 2025.", "8 April 2025", "2025-04-08", None),
        ("Fighting intensified in late March.", "late March", "2025-03", "END"),
        ("The offensive began in early April.", "early April", "2025-04", "START"),
        ("Elections were held in mid-2024.", "mid-2024", "2024", "MID"),
        ("Kyiv recruited soldiers in February.", "February", "2025-02", None),
        ("The army left in October.", "October", "2024-10", None),
        ("Prices rose last month.", "last month", "2025-03", None),
        ("He resigned last week.", "last week", "2025-W16", None),
        ("Exports fell this year.", "this year", "2025", None),
        ("Exports fell earlier this month.", "earlier this month", "2025-04", None),
        ("A ceasefire was declared yesterday.", "yesterday", "2025-04-21", None),
        ("Officials spoke today.", "today", "2025-04-22", None),
        ("Sirens sounded overnight.", "overnight", "2025-04-21TNI", None),
        ("They talked this morning.", "this morning", "2025-04-22TMO", None),
        ("The minister spoke on Sunday.", "Sunday", "2025-04-20", None),
        ("The minister spoke on Tuesday.", "Tuesday", "2025-04-22", None),
        ("They met last Friday.", "last Friday", "2025-04-18", None),
        ("The minister will speak on Friday.", "Friday", "2025-04-25", None),
        ("He resigned two days ago.", "two days ago", "2025-04-20", None),
        ("He resigned three years ago.", "three years ago", "2022", None),
        ("The dam was built in the 1990s.", "the 1990s", "199", None),
        ("The war began in 2014.", "2014", "2014", None),
        ("A truce held over Easter Sunday.", "Easter Sunday", "2025-04-20", None),
        ("Shops closed for Christmas.", "Christmas", "2024-12-25", None),
        ("The city fasted during Ramadan.", "Ramadan", "2025-03", None),
        ("The summit will take place next month.", "next month", "2025-05", None),
        ("Talks will resume in May.", "May", "2025-05", None),
        ("Kyiv struck in March; talks will resume soon.", "March", "2025-03", None),
        ("The army left last August.", "last August", "2024-08", None),
        (
            "Casualties were high over the previous 24 hours.",
            "the previous 24 hours",
            "PT24H",
            None,
        ),
        ("Strikes happen daily.", "daily", "P1D", None),
        ("He is currently abroad.", "currently", "PRESENT_REF", None),
        ("Results for the first quarter were weak.", "the first quarter", "2025-Q1", None),
    ],
)
def test_value(text: str, expression: str, value: str, mod: str | None) -> None:
    assert values(text)[expression] == (value, mod)


def test_relative_counts_from_the_date_just_given() -> None:
    text = "On April 8 the president spoke. In a statement four days prior, a general agreed."
    assert values(text)["four days prior"] == ("2025-04-04", None)


def test_a_week_later_is_approximate() -> None:
    text = "Russia attacked on April 13. Just a week later, a truce was announced."
    assert values(text)["a week later"] == ("2025-04-20", "APPROX")


def test_weeks_after_a_month_is_a_month() -> None:
    text = "The ministry denied it in late March; two weeks later it evaded the question."
    assert values(text)["two weeks later"] == ("2025-04", "APPROX")


def test_the_next_day_needs_a_day() -> None:
    text = "The vote was on March 3. The next day, protests began."
    assert values(text)["The next day"] == ("2025-03-04", None)
    assert values("The next day, protests began.")["The next day"] == (None, None)


def test_narrative_year_carries_to_yearless_months() -> None:
    text = "In 2014, Russia annexed Crimea. In March, sanctions followed."
    assert values(text)["March"] == ("2014-03", None)


def test_without_publication_date_relative_is_null_absolute_resolves() -> None:
    got = values("Yesterday, on 8 April 2025, troops moved; last week they rested.", None)
    assert got["Yesterday"] == (None, None)
    assert got["last week"] == (None, None)
    assert got["8 April 2025"] == ("2025-04-08", None)


@pytest.mark.parametrize("text", ["It happened on February 30.", "It was the 45th of May."])
def test_impossible_dates_have_no_value(text: str) -> None:
    assert all(value is None for value, _ in values(text).values())


def test_february_29_only_in_leap_years() -> None:
    assert values("It began on February 29, 2024.")["February 29, 2024"] == ("2024-02-29", None)
    assert values("It began on February 29, 2025.")["February 29, 2025"] == (None, None)


def test_clock_time_takes_the_sentence_day() -> None:
    got = values("On April 13 at 10:00 the missiles struck.")
    assert got["10:00"] == ("2025-04-13T10:00", None)


def test_resolve_weekday_by_tense() -> None:
    found = Found(0, 6, "DATE", Weekday(4))
    published = date(2025, 4, 22)
    assert resolve(found, Anchor(published, tense="past")).value == "2025-04-18"
    assert resolve(found, Anchor(published, tense="future")).value == "2025-04-25"


def test_resolve_month_by_tense() -> None:
    found = Found(0, 3, "DATE", CalendarDate(5))
    published = date(2025, 4, 22)
    assert resolve(found, Anchor(published, tense="past")).value == "2024-05"
    assert resolve(found, Anchor(published, tense="future")).value == "2025-05"


def test_point_values() -> None:
    assert Point(date(2025, 4, 14), "week").value == "2025-W16"
    assert Point(date(2025, 4, 1), "quarter").value == "2025-Q2"
    assert Point(date(2025, 3, 1), "month", "END").representative() == date(2025, 3, 27)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-04-08", "2025-04-08"),
        ("2025-03", "2025-03"),
        ("2025", "2025"),
        ("2025-04-13T10:00", "2025-04-13"),
        ("2025-04-21TNI", "2025-04-21"),
        ("2025-Q1", "2025"),
        ("2025-W16", None),
        ("2025-W16-WE", None),
        ("PRESENT_REF", None),
        ("P4D", None),
        ("199", None),
        ("2025-02-30", None),
        ("2025-13", None),
        (None, None),
        ("", None),
    ],
)
def test_record_date(value: str | None, expected: str | None) -> None:
    assert record_date(value) == expected


def test_weekday_after_for_or_by_lies_ahead() -> None:
    assert values("The meeting is scheduled for Friday.")["Friday"] == ("2025-04-25", None)
    assert values("Troops must leave by Thursday.")["Thursday"] == ("2025-04-24", None)
