"""Plain text: header blocks, detected front matter, datelines, layout repair, boilerplate."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger.ingest.cleaning import clean_body, is_boilerplate_line
from newsledger.ingest.text import parse_text, read_dateline

# The seed article's layout (title line, bare author line, date line, paragraphs broken by page
# layout, a contact footer), in words written for this test.
SEED_SHAPED = """Rebel units cross into a second border province

Maria Kovacs
14 March 2025

Against expectations of a quick settlement, rebel units have opened a new front in the \
border province of Eastmark, officials said on Tuesday.

Regional bloggers first reported the incursion in late February, and three

days later the defence ministry confirmed fighting near the provincial capital.

The government pledged a short truce but accused the rebels of breaking their commitment

to halt attacks on the railway. Both sides blamed each other.



To contact the editors of the Eastmark Herald visit:

example.org/contact
"""

HEADER_SHAPED = """Title: Talks resume in Lakeside after a week of shelling
Outlet: Eastmark Herald
Date: 2024-03-07 07:55:25+00:00
URL: https://example.org/news/talks-resume
Language: en
Authors: Jane Doe, John Roe

Negotiators returned to Lakeside on Thursday.

The talks had stalled after a week of shelling.
"""


def test_header_block() -> None:
    parsed = parse_text(HEADER_SHAPED)
    meta = parsed.metadata
    assert meta.title == "Talks resume in Lakeside after a week of shelling"
    assert meta.outlet == "Eastmark Herald"
    assert meta.published == "2024-03-07 07:55:25+00:00"  # as written; batch parses it
    assert meta.url == "https://example.org/news/talks-resume"
    assert meta.language == "en"
    assert meta.author == "Jane Doe, John Roe"
    assert parsed.text == (
        "Negotiators returned to Lakeside on Thursday.\n\nThe talks had stalled after a week of "
        "shelling."
    )


def test_header_title_repeated_in_the_body_is_dropped() -> None:
    text = "Title: Talks resume\nDate: 2024-03-07\n\nTalks resume\n\nNegotiators met."
    parsed = parse_text(text)
    assert parsed.metadata.title == "Talks resume"
    assert parsed.text == "Negotiators met."


def test_header_like_lines_without_a_body_are_the_text() -> None:
    parsed = parse_text("Title: only this\n")
    assert parsed.text == "Title: only this"


def test_seed_shaped_article() -> None:
    parsed = parse_text(SEED_SHAPED)
    meta = parsed.metadata
    assert meta.title == "Rebel units cross into a second border province"
    assert meta.author == "Maria Kovacs"
    assert meta.published == "14 March 2025"
    text = parsed.text
    assert text.startswith("Against expectations of a quick settlement")
    assert "three days later the defence ministry" in text
    assert "commitment to halt attacks" in text
    assert "\n\nto halt" not in text
    assert "To contact" not in text
    assert "example.org/contact" not in text
    assert text.endswith("Both sides blamed each other.")
    assert text.count("\n\n") == 2  # three real paragraphs


def test_shared_seed_article(shared_dir: Path) -> None:
    raw = (shared_dir / "examples" / "seed-article.txt").read_text(encoding="utf-8")
    parsed = parse_text(raw)
    assert parsed.metadata.title == "Ukrainian forces on the ground in another Russian territory"
    assert parsed.metadata.author == "Andrea Peters"
    assert parsed.metadata.published == "22 April 2025"
    text = parsed.text
    assert "wsws.org/contact" not in text
    assert "To contact" not in text
    assert "two weeks later" in text
    assert "commitment to halt" in text
    assert "\n\nto halt" not in text
    assert "\n\n\n" not in text
    assert not text.startswith("Ukrainian forces on the ground")


def test_bylines() -> None:
    cases = {
        "By Jane Doe": ("Jane Doe", None, None),
        "By Jane Doe and John Roe": ("Jane Doe, John Roe", None, None),
        "BY JANE DOE | April 22, 2025": ("JANE DOE", "April 22, 2025", None),
        "By Jane Doe, Reuters": ("Jane Doe", None, "Reuters"),
        "By Jane Doe, Foreign Correspondent": ("Jane Doe", None, None),
    }
    for byline, (author, published, outlet) in cases.items():
        parsed = parse_text(f"Rebels shell the port\n\n{byline}\n\nThe port was shelled.")
        assert parsed.metadata.title == "Rebels shell the port", byline
        assert parsed.metadata.author == author, byline
        assert parsed.metadata.published == published, byline
        assert parsed.metadata.outlet == outlet, byline
        assert parsed.text == "The port was shelled.", byline


def test_byline_without_title() -> None:
    parsed = parse_text("By Jane Doe\n\nThe port was shelled.")
    assert parsed.metadata.author == "Jane Doe"
    assert parsed.metadata.title is None
    assert parsed.text == "The port was shelled."


def test_a_sentence_starting_with_by_is_not_a_byline() -> None:
    raw = "By the time the troops arrived, the town was empty.\n\nResidents had fled."
    parsed = parse_text(raw)
    assert parsed.metadata.author is None
    assert parsed.text == raw


def test_date_line_in_other_forms() -> None:
    for line in ("Published: 22 April 2025", "Thursday 17 April 2025", "22.04.2025"):
        parsed = parse_text(f"Rebels shell the port\n{line}\n\nThe port was shelled.")
        assert parsed.metadata.published == line
        assert parsed.text == "The port was shelled."


def test_section_label() -> None:
    parsed = parse_text("ANALYSIS\n\nWhy the port matters\n\nBy Jane Doe\n\nThe port is key.")
    assert parsed.metadata.section == "ANALYSIS"
    assert parsed.metadata.title == "Why the port matters"
    assert parsed.metadata.author == "Jane Doe"
    assert parsed.text == "The port is key."


def test_agency_dateline_stays_in_the_text() -> None:
    raw = "Rebels shell the port\n\nPORTVILLE, Aug 7 (Reuters) - Rebels shelled the port."
    parsed = parse_text(raw)
    assert parsed.metadata.outlet == "Reuters"
    assert parsed.text == "PORTVILLE, Aug 7 (Reuters) - Rebels shelled the port."


def test_datelines() -> None:
    reuters = read_dateline("BEIRUT/THE HAGUE, March 7 (Reuters) - A tank crew fired.")
    assert reuters is not None
    assert reuters.outlet == "Reuters"
    assert reuters.published is None  # no year: not a publication date
    ap = read_dateline("HANOI, Vietnam (AP) — The minister said.")
    assert ap is not None
    assert ap.outlet == "AP"
    dated = read_dateline("22 juin 2012. - Cette nuit, les rebelles ont attaqué.")
    assert dated is not None
    assert dated.published == "22 juin 2012"
    assert read_dateline("Kiev, which greeted the news - with disdain - said no.") is None


def test_one_line_text_keeps_its_line() -> None:
    for raw in ("Rebels shelled the port", "Rebels shelled the port.", "Andrea Peters"):
        parsed = parse_text(raw)
        assert parsed.text == raw
        assert parsed.metadata.title is None


def test_detect_title_false_keeps_the_first_line() -> None:
    parsed = parse_text("Short first paragraph\n\nSecond paragraph.", detect_title=False)
    assert parsed.metadata.title is None
    assert parsed.text == "Short first paragraph\n\nSecond paragraph."


def test_hard_wrapped_first_paragraph_is_not_a_title() -> None:
    raw = "Rebel units opened a new front in\nthe border province on Tuesday.\n\nMore text."
    parsed = parse_text(raw)
    assert parsed.metadata.title is None
    assert parsed.text.startswith("Rebel units opened a new front in the border province")


def test_layout_is_normalized() -> None:
    raw = "First paragraph.  \r\nStill first.\r\n\r\n\r\n\r\nSecond paragraph.\t\r\n"
    assert clean_body(raw) == "First paragraph.\nStill first.\n\nSecond paragraph."


def test_real_paragraph_breaks_stay() -> None:
    raw = "The talks failed.\n\nthe rebels said so.\n\nA heading without a stop\n\nThen text."
    # A capitalized start is a new paragraph even after an unterminated one.
    assert clean_body(raw) == raw


def test_broken_paragraphs_and_hyphenation_are_joined() -> None:
    assert clean_body("a new interna-\ntional deal") == "a new international deal"
    assert clean_body("a new interna-\n\ntional deal") == "a new international deal"
    assert clean_body("the truce\nwithin hours.") == "the truce within hours."
    assert clean_body('he said, "no."\n\nthen left') == 'he said, "no."\n\nthen left'


def test_boilerplate_lines_are_removed() -> None:
    raw = "\n\n".join(
        [
            "The port was shelled on Monday.",
            "Subscribe to our newsletter",
            "Sign up for breaking news alerts",
            "Read more: Rebels advance on the port",
            "Share this article",
            "Follow us on Twitter",
            "Click here to get the app",
            "Advertisement",
            "We use cookies to improve your experience on our site.",
            "The mayor said repairs would take weeks.",
            "© 2025 Eastmark Herald",
            "All rights reserved.",
            "https://example.org/contact",
        ]
    )
    assert clean_body(raw) == (
        "The port was shelled on Monday.\n\nThe mayor said repairs would take weeks."
    )


def test_article_sentences_that_mention_boilerplate_words_stay() -> None:
    for sentence in (
        "Protesters refused to subscribe to the official account of events.",
        "Copyright lawyers said the case would take years.",
        "Follow-up talks are planned for May.",
        "Officials said all rights reserved for refugees would be honoured, and more.",
        "Readers can find the full report at example.org/report.",
    ):
        assert not is_boilerplate_line(sentence) or len(sentence) > 250, sentence
        assert clean_body(f"{sentence}\n\nThe talks went on.") == (
            f"{sentence}\n\nThe talks went on."
        )


def test_bare_address_is_removed_only_at_the_end() -> None:
    raw = "The report is online.\n\nexample.org/report\n\nThe talks went on."
    assert clean_body(raw) == raw


@settings(deadline=None, max_examples=300)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_any_text_parses_without_three_newlines(raw: str) -> None:
    parsed = parse_text(raw)
    assert "\n\n\n" not in parsed.text
    assert "\r" not in parsed.text
    assert parsed.text == parsed.text.strip()


@settings(deadline=None, max_examples=200)
@given(
    st.lists(
        st.sampled_from(["Title", "By Jane Doe", "22 April 2025", "", "word", "x.", "ANALYSIS"]),
        max_size=8,
    )
)
def test_front_matter_never_takes_all_the_text(lines: list[str]) -> None:
    raw = "\n".join(lines)
    parsed = parse_text(raw)
    assert bool(parsed.text) == bool(clean_body(raw))


def test_markdown_emphasis_marks_are_removed_but_not_arithmetic() -> None:
    from newsledger.ingest.cleaning import clean_body

    assert clean_body("As the *Guardian* noted, the **Independent** agreed.") == (
        "As the Guardian noted, the Independent agreed."
    )
    assert clean_body("Costs rose 2 * 3 times; a*b stays.") == "Costs rose 2 * 3 times; a*b stays."
