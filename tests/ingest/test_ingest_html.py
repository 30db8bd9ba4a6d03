"""HTML pages: article text and metadata through trafilatura, offline."""

from __future__ import annotations

from pathlib import Path

from newsledger.ingest.html import INVALID_UTF8_WARNING, decode_html, parse_html

ARTICLE_PAGE = """<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Rebels shell the port of Eastmark | Eastmark Herald</title>
  <meta property="og:title" content="Rebels shell the port of Eastmark">
  <meta property="og:site_name" content="Eastmark Herald">
  <meta name="author" content="Jane Doe">
  <meta property="article:published_time" content="2025-04-22T10:00:00+02:00">
  <link rel="canonical" href="https://herald.example.org/2025/04/22/port-shelled">
</head>
<body>
  <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
  <li><a href="/sport">Sport</a></li></ul></nav>
  <article>
    <h1>Rebels shell the port of Eastmark</h1>
    <p>Rebel artillery shelled the port of Eastmark on Monday night, damaging two cranes and a
    grain warehouse, the regional governor said on Tuesday.</p>
    <p>The governor said nobody had been killed, but three dock workers were treated in
    hospital for cuts from broken glass. The port authority said repairs would take weeks.</p>
    <p>Rebel commanders denied firing on the port and blamed a government ammunition depot
    that they said had exploded nearby.</p>
    <p>Subscribe to our newsletter</p>
  </article>
  <footer><p>Copyright 2025 Eastmark Herald. All rights reserved.</p>
  <p>Contact us | Privacy policy | Cookie settings</p></footer>
</body>
</html>
"""


def test_article_page_text_and_metadata() -> None:
    parsed = parse_html(ARTICLE_PAGE)
    meta = parsed.metadata
    assert meta.title == "Rebels shell the port of Eastmark"
    assert meta.author == "Jane Doe"
    assert meta.published == "2025-04-22"
    assert meta.outlet == "Eastmark Herald"
    assert meta.url == "https://herald.example.org/2025/04/22/port-shelled"
    assert meta.language == "en-GB"  # as declared; batch normalizes it
    text = parsed.text
    assert text.startswith("Rebel artillery shelled the port of Eastmark on Monday night")
    assert "repairs would take weeks.\n\nRebel commanders denied" in text
    assert "two cranes and a grain warehouse" in text  # the source's line break is gone
    for furniture in ("Home", "Sport", "Subscribe", "All rights reserved", "Privacy policy"):
        assert furniture not in text
    assert "\n\n\n" not in text
    assert parsed.warnings == ()


def test_fragment_and_plain_words() -> None:
    assert parse_html("<p>The port was shelled.</p>").text == "The port was shelled."
    assert parse_html("The port was shelled.").text == "The port was shelled."
    assert parse_html("").text == ""
    assert parse_html("<html><body></body></html>").text == ""


def test_byline_left_in_the_body_becomes_the_author() -> None:
    page = (
        "<html><head><title>Port shelled</title></head><body><article><h1>Port shelled</h1>"
        "<p>By Jane Doe</p><p>Rebel artillery shelled the port on Monday, the governor said."
        "</p></article></body></html>"
    )
    parsed = parse_html(page)
    assert parsed.metadata.author == "Jane Doe"
    assert parsed.text == "Rebel artillery shelled the port on Monday, the governor said."


def test_decode_html_uses_the_declared_charset() -> None:
    page = '<html><head><meta charset="windows-1252"></head><body><p>café</p></body></html>'
    text, warnings = decode_html(page.encode("windows-1252"))
    assert "café" in text
    assert warnings == ()
    text, warnings = decode_html(b"<p>caf\xe9 \xff</p>")
    assert "\ufffd" in text
    assert warnings == (INVALID_UTF8_WARNING,)
    assert decode_html(b"\xef\xbb\xbf<p>x</p>") == ("<p>x</p>", ())


def test_shared_corpus_pages(shared_dir: Path) -> None:
    pages = sorted((shared_dir / "corpus" / "html").glob("*.html"))
    assert pages
    for page in pages:
        html, _ = decode_html(page.read_bytes())
        parsed = parse_html(html)
        assert parsed.text.strip(), page.name
        assert parsed.metadata.title, page.name
        assert "\n\n\n" not in parsed.text, page.name
