"""The input layer: files, folders, JSONL, stdin, limits, bad input, metadata precedence."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsledger.errors import MissingInputError, OptionError
from newsledger.ingest.batch import (
    DEFAULT_MAX_BYTES,
    MAX_BYTES_ENV,
    Overrides,
    normalize_language,
    read_articles,
    resolve_max_bytes,
)
from newsledger.model import Document, document_id
from newsledger.pipeline.runner import ArticleFailure

ARTICLE = """Rebels shell the port

By Jane Doe
22 April 2025

The port of Eastmark was shelled on Monday, the governor said.

Repairs will take weeks.
"""
PAGE = (
    '<html lang="fr"><head><title>Le port bombardé</title></head><body><article>'
    "<p>Le port a été bombardé lundi soir, a déclaré le gouverneur de la région.</p>"
    "</article></body></html>"
)


def _documents(items: list[Document | ArticleFailure]) -> list[Document]:
    assert all(isinstance(item, Document) for item in items), items
    return [item for item in items if isinstance(item, Document)]


def _one(sources: list[str], **kwargs: object) -> Document | ArticleFailure:
    (item,) = list(read_articles(sources, **kwargs))  # type: ignore[arg-type]
    return item


def test_text_file(tmp_path: Path) -> None:
    path = tmp_path / "port.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    document = _one([str(path)])
    assert isinstance(document, Document)
    assert document.title == "Rebels shell the port"
    assert document.author == "Jane Doe"
    assert document.published == "2025-04-22"
    assert document.language == "und"  # left for the language stage
    assert document.source_id is None
    assert document.text == (
        "The port of Eastmark was shelled on Monday, the governor said.\n\nRepairs will take weeks."
    )
    assert document.id == document_id(document.text)
    assert document.warnings == ()


def test_html_file_and_language_normalized(tmp_path: Path) -> None:
    path = tmp_path / "port.html"
    path.write_text(PAGE, encoding="utf-8")
    document = _one([str(path)])
    assert isinstance(document, Document)
    assert document.title == "Le port bombardé"
    assert document.language == "fr"
    assert document.text.startswith("Le port a été bombardé lundi soir")


def test_folder_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Second article.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First article.", encoding="utf-8")
    (tmp_path / "c.htm").write_text("<p>Third article.</p>", encoding="utf-8")
    (tmp_path / "notes.md").write_text("Not an article.", encoding="utf-8")
    (tmp_path / ".hidden" / "x.txt").write_text("Hidden.", encoding="utf-8")
    texts = [d.text for d in _documents(list(read_articles([str(tmp_path)])))]
    assert texts == ["First article.", "Second article.", "Third article."]


def test_missing_path_raises_before_anything_is_read(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("An article.", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    with pytest.raises(MissingInputError) as info:
        read_articles([str(good), str(missing)])  # raises at the call, not on iteration
    assert str(missing) in str(info.value)


def test_folder_without_articles(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("Not an article.", encoding="utf-8")
    with pytest.raises(MissingInputError, match=r"no \.txt, \.html or \.jsonl files"):
        read_articles([str(tmp_path)])


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"", "empty input"),
        (b"  \n\n\t\n", "empty input"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file, not text"),
        (bytes(range(1, 32)) * 20, "binary file, not text"),
    ],
)
def test_unreadable_files_become_failures(tmp_path: Path, content: bytes, error: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    assert _one([str(path)]) == ArticleFailure(source=str(path), error=error, line=None)


def test_too_large_file(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("The port was shelled. " * 10, encoding="utf-8")  # 220 bytes
    failure = _one([str(path)], max_bytes=100)
    assert failure == ArticleFailure(
        source=str(path),
        error="220 bytes, above the limit of 100 bytes (set --max-bytes or NEWSLEDGER_MAX_BYTES)",
    )
    assert isinstance(_one([str(path)], max_bytes=220), Document)


def test_size_limit_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert resolve_max_bytes(environ={}) == DEFAULT_MAX_BYTES == 5 * 1024 * 1024
    assert resolve_max_bytes(environ={MAX_BYTES_ENV: "1234"}) == 1234
    assert resolve_max_bytes(77, environ={MAX_BYTES_ENV: "1234"}) == 77
    with pytest.raises(OptionError, match=MAX_BYTES_ENV):
        resolve_max_bytes(environ={MAX_BYTES_ENV: "lots"})
    with pytest.raises(OptionError, match="--max-bytes"):
        resolve_max_bytes(0)
    path = tmp_path / "a.txt"
    path.write_text("The port was shelled on Monday.", encoding="utf-8")
    monkeypatch.setenv(MAX_BYTES_ENV, "10")
    failure = _one([str(path)])
    assert isinstance(failure, ArticleFailure)
    assert "above the limit of 10 bytes" in failure.error


def test_invalid_utf8_bom_and_utf16(tmp_path: Path) -> None:
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"The port was shelled.\xff\xfe The governor said so.")
    document = _one([str(broken)])
    assert isinstance(document, Document)
    assert "\ufffd" in document.text
    assert document.warnings == ("invalid UTF-8 decoded with replacement characters",)
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbfThe port was shelled.")
    document = _one([str(bom)])
    assert isinstance(document, Document)
    assert document.text == "The port was shelled."
    assert document.warnings == ()
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes("Le port a été bombardé.".encode("utf-16"))
    document = _one([str(utf16)])
    assert isinstance(document, Document)
    assert document.text == "Le port a été bombardé."


def test_unparsed_header_date_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Title: Port shelled\nDate: sometime soon\n\nThe port.", encoding="utf-8")
    document = _one([str(path)])
    assert isinstance(document, Document)
    assert document.published is None
    assert document.warnings == ("unparsed publication date: 'sometime soon'",)


def test_header_date_without_a_day_is_not_an_anchor(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Title: Port shelled\nDate: April 2025\n\nThe port.", encoding="utf-8")
    document = _one([str(path)])
    assert isinstance(document, Document)
    assert document.published is None
    assert document.warnings == ("publication date without a day: 'April 2025'",)


def test_section_label_is_kept_as_metadata(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("ANALYSIS\n\n" + ARTICLE, encoding="utf-8")
    document = _one([str(path)])
    assert isinstance(document, Document)
    assert document.section == "ANALYSIS"
    assert not document.text.startswith("ANALYSIS")


def test_stdin_text_and_html() -> None:
    text = _one(["-"], stdin=io.BytesIO(ARTICLE.encode()))
    assert isinstance(text, Document)
    assert text.author == "Jane Doe"
    html = _one(["-"], stdin=io.BytesIO(b"  \n" + PAGE.encode()))
    assert isinstance(html, Document)
    assert html.title == "Le port bombardé"
    assert "<p>" not in html.text
    # --input-format decides over the sniffing.
    forced = _one(["-"], stdin=io.BytesIO(b"<p>Not markup here.</p>"), input_format="text")
    assert isinstance(forced, Document)
    assert forced.text == "<p>Not markup here.</p>"


def test_stdin_problems() -> None:
    assert _one(["-"], stdin=io.BytesIO(b"")) == ArticleFailure("<stdin>", "empty input")
    too_large = _one(["-"], stdin=io.BytesIO(b"x" * 50), max_bytes=20)
    assert isinstance(too_large, ArticleFailure)
    assert too_large.error.startswith("more than 20 bytes, above the limit of 20 bytes")


def _jsonl(*lines: object) -> str:
    return "".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines)


def test_jsonl_good_and_bad_lines_keep_their_order(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    path.write_text(
        _jsonl(
            {"id": "a", "text": "Kyiv said talks would resume.", "published": "2025-05-01"},
            "{not json",
            [1, 2],
            {"id": "c", "title": "Only metadata"},
            {"id": "d", "text": 5},
            {"id": "e", "text": "Fine.", "author": ["x"]},
            "",
            {"id": 7, "text": "Moscow denied the report.", "language": "EN"},
            {"id": "g", "text": "", "html": "<p>The port was shelled.</p>"},
        ),
        encoding="utf-8",
    )
    items = list(read_articles([str(path)]))
    assert [type(item).__name__ for item in items] == [
        "Document", "ArticleFailure", "ArticleFailure", "ArticleFailure", "ArticleFailure",
        "ArticleFailure", "Document", "Document",
    ]  # fmt: skip
    first, bad_json, array, no_text, wrong_type, wrong_meta, seventh, html = items
    assert isinstance(first, Document)
    assert first.source_id == "a"
    assert first.published == "2025-05-01"
    assert bad_json == ArticleFailure(
        str(path), "invalid JSON: Expecting property name enclosed in double quotes (column 2)", 2
    )
    assert array == ArticleFailure(str(path), "not a JSON object but an array", 3)
    assert no_text == ArticleFailure(str(path), "neither 'text' nor 'html' given", 4)
    assert wrong_type == ArticleFailure(str(path), "'text' must be a string, not a number", 5)
    assert wrong_meta == ArticleFailure(str(path), "'author' must be a string, not an array", 6)
    assert isinstance(seventh, Document)
    assert seventh.source_id == "7"  # kept as given, as a string
    assert seventh.language == "en"
    assert isinstance(html, Document)
    assert html.text == "The port was shelled."


def test_jsonl_title_key_and_precedence(tmp_path: Path) -> None:
    text = "Rebels shell the port\n\nBy Jane Doe\n\nThe port was shelled."
    path = tmp_path / "a.jsonl"
    path.write_text(
        _jsonl(
            {"text": text},  # no title key: detected
            {"text": text, "title": ""},  # the text has no title line
            {"text": text, "title": "Given title", "author": "Given Author"},
            {"text": "The port.", "published": "soon", "language": "Klingon"},
        ),
        encoding="utf-8",
    )
    detected, untitled, given, odd = _documents(list(read_articles([str(path)])))
    assert detected.title == "Rebels shell the port"
    assert detected.author == "Jane Doe"
    assert detected.text == "The port was shelled."
    assert untitled.title is None
    assert untitled.text.startswith("Rebels shell the port")
    assert given.title == "Given title"
    assert given.author == "Given Author"  # the line wins over the detected byline
    assert odd.published is None
    assert odd.language == "und"
    assert odd.warnings == (
        "unparsed publication date: 'soon'",
        "unrecognized language: 'Klingon'",
    )


def test_overrides_win(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(_jsonl({"text": ARTICLE, "title": "T0", "published": "2020-01-01"}))
    overrides = Overrides(title="T", author="A", published="2025-05-13", outlet="O", url="U")
    document = _one([str(path)], overrides=overrides)
    assert isinstance(document, Document)
    found = (document.title, document.author, document.published, document.outlet, document.url)
    assert found == ("T", "A", "2025-05-13", "O", "U")


def test_jsonl_line_above_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(
        _jsonl({"text": "Short."}, {"text": "Long. " * 50}, {"text": "Short again."}),
        encoding="utf-8",
    )
    first, long, last = list(read_articles([str(path)], max_bytes=100))
    assert isinstance(first, Document)
    assert isinstance(long, ArticleFailure)
    assert long.line == 2
    assert "above the limit of 100 bytes" in long.error
    assert isinstance(last, Document)
    assert last.text == "Short again."


def test_jsonl_from_stdin_and_empty_jsonl(tmp_path: Path) -> None:
    data = _jsonl({"text": "One."}, {"text": "Two."}).encode()
    items = list(read_articles(["-"], input_format="jsonl", stdin=io.BytesIO(data)))
    assert [d.text for d in _documents(items)] == ["One.", "Two."]
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n", encoding="utf-8")
    assert _one([str(empty)]) == ArticleFailure(str(empty), "empty input")


def test_lone_surrogates_are_replaced(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "The port \\ud800 was shelled.", "title": "T\\udcff"}\n')
    document = _one([str(path)])
    assert isinstance(document, Document)
    assert document.text == "The port \ufffd was shelled."
    assert document.title == "T\ufffd"
    assert document.warnings == ("invalid Unicode characters replaced with U+FFFD",)
    assert document.id == document_id(document.text)


def test_html_without_text_and_empty_jsonl_on_stdin(tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_text("<html><head><title>Nothing</title></head><body></body></html>")
    assert _one([str(page)]) == ArticleFailure(str(page), "no article text found in the HTML")
    empty = _one(["-"], input_format="jsonl", stdin=io.BytesIO(b"\n"))
    assert empty == ArticleFailure("<stdin>", "empty input")


def test_normalize_language() -> None:
    assert normalize_language("en-US") == "en"
    assert normalize_language("fr_FR") == "fr"
    assert normalize_language("FRA") == "fr"
    assert normalize_language("German") == "de"
    assert normalize_language("iw") == "he"
    assert normalize_language("und") is None
    assert normalize_language("Klingon") is None


@settings(deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600))
def test_any_stdin_bytes_give_a_document_or_a_failure(data: bytes) -> None:
    for input_format in (None, "jsonl"):
        items = list(read_articles(["-"], input_format=input_format, stdin=io.BytesIO(data)))
        for item in items:
            assert isinstance(item, Document | ArticleFailure)
            if isinstance(item, Document):
                assert item.text.strip()
                assert "\n\n\n" not in item.text


@settings(deadline=None, max_examples=150)
@given(st.text(max_size=500))
def test_any_text_reads_without_raising(text: str) -> None:
    (item,) = list(read_articles(["-"], input_format="text", stdin=io.BytesIO(text.encode())))
    if isinstance(item, Document):
        assert "\n\n\n" not in item.text
    else:
        assert item.error in ("empty input", "binary file, not text")


def test_shared_corpus_texts_and_jsonl(shared_dir: Path) -> None:
    corpus = shared_dir / "corpus"
    texts = list(read_articles([str(corpus / "text")]))
    assert len(texts) == len(list((corpus / "text").glob("*.txt")))
    by_file = {}
    for path, document in zip(sorted((corpus / "text").glob("*.txt")), texts, strict=True):
        assert isinstance(document, Document), document
        assert document.text.strip()
        assert document.title
        assert document.language != "und"
        by_file[f"text/{path.name}"] = document
    jsonl_path = corpus / "articles.jsonl"
    documents = list(read_articles([str(jsonl_path)]))
    with jsonl_path.open(encoding="utf-8") as handle:
        lines = [json.loads(line) for line in handle if line.strip()]
    assert len(documents) == len(lines)
    for document, line in zip(documents, lines, strict=True):
        assert isinstance(document, Document), document
        assert document.text.strip()
        assert document.source_id == line["id"]
        assert document.title == " ".join(line["title"].split())
        assert document.published == line["published"]
        assert document.language == line["language"]
        # The same article read from its text file gets the same id.
        assert document.id == by_file[line["file"]].id
