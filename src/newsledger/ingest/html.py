"""HTML pages: the article body and its metadata, extracted with trafilatura, offline.

trafilatura finds the main text of a page (dropping navigation, comments and sidebars) and its
metadata: title, author, date, site name (our outlet) and canonical URL. It never fetches
anything here: it is given the page we already have. The page language comes from the page's own
declaration (``<html lang>``, ``Content-Language``, ``og:locale``); the language stage detects it
when the page declares none. The extracted text then gets the same cleaning as plain text
(boilerplate lines, broken paragraphs) and the same front-matter reading, so a byline left at
the top of the body becomes the author when the page metadata has none.

Bytes are decoded here because a page may declare its own charset: UTF-8 first, then the
declared charset, and only then UTF-8 with replacement characters (with a warning).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, replace
from typing import Any

from newsledger.ingest.text import TextMetadata, parse_text

__all__ = ["ParsedHtml", "decode_html", "parse_html"]

INVALID_UTF8_WARNING = "invalid UTF-8 decoded with replacement characters"
NO_ARTICLE_WARNING = "no article body found in the HTML; kept all the page's text"

# Author values that content-management systems fill in when nobody signed the article.
_PLACEHOLDER_AUTHORS = frozenset(
    {"username", "admin", "administrator", "anonymous", "anónimo", "anonyme", "unknown", "none"}
)
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._:-]+)""", re.I)


@dataclass(frozen=True, slots=True)
class ParsedHtml:
    """An HTML page reduced to article metadata (as found) and cleaned body text."""

    metadata: TextMetadata
    text: str
    warnings: tuple[str, ...] = ()


def decode_html(data: bytes) -> tuple[str, tuple[str, ...]]:
    """Page bytes as text: UTF-8, else the charset the page declares, else UTF-8 with U+FFFD."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        pass
    declared = _DECLARED_CHARSET.search(data[:8192])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii")), ()
        except (LookupError, UnicodeDecodeError):
            pass
    return data.decode("utf-8", errors="replace"), (INVALID_UTF8_WARNING,)


def parse_html(html: str, *, url: str | None = None) -> ParsedHtml:
    """Article metadata and cleaned body text of an HTML page (never fetched, only read)."""
    import trafilatura

    tree = trafilatura.load_html(html)
    if tree is None:
        # trafilatura refuses fragments ("<p>...</p>", what a user may pipe in): give them a page.
        html = f"<html><body>{html}</body></html>"
        tree = trafilatura.load_html(html)
    if tree is None:
        return ParsedHtml(metadata=TextMetadata(url=url), text="")
    language = _declared_language(tree)
    extracted = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        # Tables and image captions come out as loose cells and fragments, not article prose.
        include_tables=False,
        include_images=False,
        include_links=False,
        date_extraction_params={"extensive_search": True, "original_date": True},
    )
    found: dict[str, Any] = {}
    if isinstance(extracted, dict):
        found = extracted
    elif extracted is not None:
        found = extracted.as_dict()
    warnings: tuple[str, ...] = ()
    body = found.get("text") or ""
    if not body.strip():
        body = trafilatura.html2txt(html) or ""
        warnings = (NO_ARTICLE_WARNING,) if body.strip() else ()
    title = _clean(found.get("title"))
    # trafilatura puts one paragraph on each line; our text separates paragraphs by a blank line.
    parsed = parse_text(body.replace("\n", "\n\n"), detect_title=False, known_title=title)
    metadata = replace(
        parsed.metadata,
        title=title,
        author=_authors(found.get("author")) or parsed.metadata.author,
        published=_clean(found.get("date")) or parsed.metadata.published,
        outlet=_clean(found.get("sitename")) or parsed.metadata.outlet,
        url=_clean(found.get("url")) or url,
        language=language,
    )
    return ParsedHtml(metadata=metadata, text=parsed.text, warnings=warnings)


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def _authors(value: object) -> str | None:
    """trafilatura's "A; B; a" as "A, B": duplicates and CMS placeholders dropped."""
    text = _clean(value)
    if text is None:
        return None
    names: dict[str, str] = {}
    for name in (part.strip() for part in text.split(";")):
        if name and name.casefold() not in _PLACEHOLDER_AUTHORS:
            names.setdefault(name.casefold(), name)
    return ", ".join(names.values()) or None


def _declared_language(tree: Any) -> str | None:
    """The language the page declares for itself, as written ("en-US", "fr_FR", "de")."""
    queries = (
        "/html/@lang",
        "/html/@xml:lang",
        "//meta[translate(@http-equiv,'CONTENT-LANGUAGE','content-language')"
        "='content-language']/@content",
        "//meta[@property='og:locale']/@content",
    )
    for query in queries:
        try:
            values = tree.xpath(query, namespaces={"xml": "http://www.w3.org/XML/1998/namespace"})
        except ValueError:
            continue
        for value in values:
            text = str(value).strip()
            if text:
                return text
    return None
