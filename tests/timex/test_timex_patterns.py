"""Finding time expressions: spans and meanings from the regex rules, on sentences of our own."""

from __future__ import annotations

import pytest

from newsledger.timex.meaning import CalendarDate, Deictic, Feast, Fixed, Shift
from newsledger.timex.patterns import find_times


def spans(text: str) -> list[str]:
    return [text[f.start : f.end] for f in find_times(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks resumed on April 8 in Geneva.", ["April 8"]),
        ("The decree was signed on 8 April 2025.", ["8 April 2025"]),
        ("The file is dated 2025-04-08.", ["2025-04-08"]),
        ("Fighting intensified in late March.", ["late March"]),
        ("The offensive began in early April.", ["early April"]),
        ("Elections are expected by mid-2024.", ["mid-2024"]),
        ("The troops crossed the border in August 2024.", ["August 2024"]),
        ("He resigned last week.", ["last week"]),
        ("Prices rose last month.", ["last month"]),
        ("Exports fell earlier this month.", ["earlier this month"]),
        ("The talks collapsed two weeks later.", ["two weeks later"]),
        ("A ceasefire was declared yesterday.", ["yesterday"]),
        ("The minister spoke on Tuesday.", ["Tuesday"]),
        ("They met last Friday.", ["last Friday"]),
        ("Sirens sounded overnight.", ["overnight"]),
        ("The army announced a 30-hour truce.", ["30-hour"]),
        ("Drones strike the city daily.", ["daily"]),
        ("Shelling has continued since August 2024.", ["August 2024"]),
        ("The dam was built in the 1990s.", ["the 1990s"]),
        ("Profits fell in the first quarter of 2024.", ["the first quarter of 2024"]),
        ("A truce was agreed for Easter Sunday.", ["Easter Sunday"]),
        # The zone belongs to the clock time's extent, as in TimeML's "3:00 p.m. EST".
        ("Markets close at 10:00 a.m. local time.", ["10:00 a.m. local time"]),
        ("Casualties over the previous 24 hours were high.", ["the previous 24 hours"]),
    ],
)
def test_finds_expression(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The memory of World War II is near and dear.",
        "The plan targets 18 to 24-year-olds.",
        "The city has a population of around 400,000.",
        "The agency sent 2000 troops to the border.",
        "The People's Daily said so.",
        "It was the Six-Day War.",
        "It may rain, and they march on.",
        "They signed the Good Friday Agreement.",
        "A second allegation surfaced.",
    ],
)
def test_not_a_time(text: str) -> None:
    assert spans(text) == []


def test_meanings_of_the_founding_kinds() -> None:
    text = "On April 8 he spoke; four days prior the general testified. In late March it began."
    found = find_times(text)
    assert found[0].meaning == CalendarDate(4, 8)
    assert found[1].meaning == Shift(4, "day", -1, "reference")
    assert found[2].meaning == CalendarDate(3) and found[2].mod == "END"


def test_duration_and_set_values() -> None:
    text = "A 30-hour truce, a one-day pause, three years of war, weekly talks, every Monday."
    values = {text[f.start : f.end]: (f.type, f.meaning) for f in find_times(text)}
    assert values["30-hour"] == ("DURATION", Fixed("PT30H"))
    assert values["one-day"] == ("DURATION", Fixed("P1D"))
    assert values["three years"] == ("DURATION", Fixed("P3Y"))
    assert values["weekly"] == ("SET", Fixed("P1W"))
    assert values["every Monday"] == ("SET", Fixed("XXXX-WXX-1"))


def test_relative_to_publication_and_reference() -> None:
    text = "Two days ago the mayor resigned. The next day, a new one was named."
    found = find_times(text)
    assert found[0].meaning == Shift(2, "day", -1, "publication")
    assert found[1].meaning == Deictic("day", 1, "reference")


def test_after_an_undated_event_is_a_duration() -> None:
    text = "Troops remain, 18 years after Washington invaded."
    (found,) = find_times(text)
    assert text[found.start : found.end] == "18 years"
    assert found.type == "DURATION" and found.meaning == Fixed("P18Y")


def test_feast_with_year() -> None:
    (found,) = find_times("Orthodox Easter 2024 was quiet.")
    assert found.meaning == Feast("orthodox easter", 2024)


@pytest.mark.parametrize("text", ["February 30", "the 45th of May", "the year 20250"])
def test_impossible_dates_do_not_crash(text: str) -> None:
    for found in find_times(text):
        assert 0 <= found.start < found.end <= len(text)
    assert "20250" not in "".join(spans(text))
