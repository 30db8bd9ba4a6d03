"""The input layer: files, folders, JSON Lines and stdin turned into Documents, one by one.

:func:`read_articles` is what the CLI and the API call. It takes paths (``.txt``, ``.html``/
``.htm``, ``.jsonl`` files; folders, searched recursively in sorted order for those files,
hidden files and folders skipped) and ``"-"`` for stdin (HTML when it starts, after white space,
with ``<``; otherwise text; JSON Lines only when ``input_format="jsonl"``). Every path is
checked before anything is read, so a missing path or an empty folder raises
:class:`~newsledger.errors.MissingInputError` naming it. After that nothing raises: an input that
cannot be read (empty, binary, too large, a bad JSONL line) comes out as an
:class:`~newsledger.pipeline.runner.ArticleFailure` in its place, and the rest goes on.

Size limit: each article (a file, stdin, or one JSONL line) may be at most ``max_bytes`` bytes;
the default is :data:`DEFAULT_MAX_BYTES` (5 MiB), or the value of the environment variable
``NEWSLEDGER_MAX_BYTES`` when set. A file is measured before it is read and stdin is read to at
most one byte past the limit, so nothing too large is ever held in memory; JSONL files are read
line by line.

Metadata precedence, highest first: :class:`Overrides` (command-line options), the fields of a
JSONL line, what the page or text declares (HTML metadata, a ``Key: value`` header), what is
detected in the text (title line, byline, date line, dateline). A publication date that cannot
be parsed gives ``published=None`` and a warning, never a failure. ``language`` is the given
language as ISO 639-1, or ``"und"`` for the language stage to detect.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Literal

from newsledger.errors import (
    BadArticleError,
    BinaryInputError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    MissingInputError,
    OptionError,
)
from newsledger.ingest.dates import parse_published
from newsledger.ingest.html import INVALID_UTF8_WARNING, decode_html, parse_html
from newsledger.ingest.text import TextMetadata, parse_text
from newsledger.model import Document, document_id
from newsledger.pipeline.runner import ArticleFailure

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_BYTES_ENV",
    "STDIN_SOURCE",
    "UNDETERMINED_LANGUAGE",
    "InputFormat",
    "Overrides",
    "normalize_language",
    "read_articles",
    "resolve_max_bytes",
]

InputFormat = Literal["text", "html", "jsonl"]

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
MAX_BYTES_ENV = "NEWSLEDGER_MAX_BYTES"
STDIN_SOURCE = "<stdin>"
UNDETERMINED_LANGUAGE = "und"  # ISO 639-2 "undetermined": the language stage detects it

_FORMAT_BY_SUFFIX: dict[str, InputFormat] = {
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
}
_SNIFF_BYTES = 8192
# Above this share of control bytes in the first 8 KiB, the input is not text.
_MAX_CONTROL_SHARE = 0.1
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")
_JSONL_META_KEYS = ("title", "author", "published", "outlet", "url", "language")
_SURROGATE = re.compile("[\ud800-\udfff]")
INVALID_UNICODE_WARNING = "invalid Unicode characters replaced with U+FFFD"


@dataclass(frozen=True, slots=True)
class Overrides:
    """Metadata given on the command line; wins over everything else.

    ``published`` is already validated as "YYYY-MM-DD" by the caller.
    """

    title: str | None = None
    author: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None


def resolve_max_bytes(
    max_bytes: int | None = None, environ: Mapping[str, str] | None = None
) -> int:
    """The per-article size limit: ``max_bytes``, else ``$NEWSLEDGER_MAX_BYTES``, else 5 MiB."""
    if max_bytes is not None:
        if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes <= 0:
            raise OptionError(
                f"must be a positive number of bytes, not {max_bytes!r}", option="--max-bytes"
            )
        return max_bytes
    value = (os.environ if environ is None else environ).get(MAX_BYTES_ENV, "").strip()
    if not value:
        return DEFAULT_MAX_BYTES
    if not value.isdigit() or int(value) <= 0:
        raise OptionError(
            f"must be a positive number of bytes, not {value!r}", option=MAX_BYTES_ENV
        )
    return int(value)


def read_articles(
    sources: Sequence[str],
    *,
    input_format: InputFormat | None = None,
    overrides: Overrides = Overrides(),
    max_bytes: int | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Document | ArticleFailure]:
    """Documents (or failures, in their place) from paths, folders and ``"-"`` for stdin.

    Raises :class:`MissingInputError` at once, before anything is read, for a path that does
    not exist or a folder without articles; :class:`OptionError` for a bad size limit.
    ``input_format`` applies to stdin and to files named explicitly; files found in folders
    are read by their suffix.
    """
    limit = resolve_max_bytes(max_bytes)
    inputs = [item for source in sources for item in _plan(source, input_format)]
    return _read_all(inputs, overrides=overrides, limit=limit, stdin=stdin)


@dataclass(frozen=True, slots=True)
class _Input:
    source: str
    path: Path | None  # None for stdin
    format: InputFormat | None  # None: decided from the content


def _plan(source: str, input_format: InputFormat | None) -> list[_Input]:
    if source == "-":
        return [_Input(STDIN_SOURCE, None, input_format)]
    path = Path(source)
    if path.is_dir():
        found = sorted(
            candidate
            for candidate in path.rglob("*")
            if candidate.suffix.lower() in _FORMAT_BY_SUFFIX
            and not any(part.startswith(".") for part in candidate.relative_to(path).parts)
            and candidate.is_file()
        )
        if not found:
            raise MissingInputError("no .txt, .html or .jsonl files", source=source)
        return [_Input(str(f), f, _FORMAT_BY_SUFFIX[f.suffix.lower()]) for f in found]
    if not path.exists():
        raise MissingInputError("does not exist", source=source)
    return [_Input(source, path, input_format or _FORMAT_BY_SUFFIX.get(path.suffix.lower()))]


def _read_all(
    inputs: list[_Input], *, overrides: Overrides, limit: int, stdin: BinaryIO | None
) -> Iterator[Document | ArticleFailure]:
    for item in inputs:
        if item.format == "jsonl":
            yield from _read_jsonl(item, overrides=overrides, limit=limit, stdin=stdin)
            continue
        try:
            data = _read_bytes(item, limit=limit, stdin=stdin)
            yield _read_single(item, data, overrides=overrides)
        except InputError as exc:
            yield ArticleFailure(source=item.source, error=exc.reason)


# --- bytes ----------------------------------------------------------------------------------


def _too_large(size: int | None, limit: int, source: str) -> InputTooLargeError:
    amount = f"{size} bytes" if size is not None else f"more than {limit} bytes"
    return InputTooLargeError(
        f"{amount}, above the limit of {limit} bytes (set --max-bytes or {MAX_BYTES_ENV})",
        source=source,
    )


def _read_bytes(item: _Input, *, limit: int, stdin: BinaryIO | None) -> bytes:
    """The whole input, refused unread when it is above the limit."""
    try:
        if item.path is None:
            stream = _stdin_stream(stdin, item.source)
            data = stream.read(limit + 1)
            if len(data) > limit:
                raise _too_large(None, limit, item.source)
            return data
        if item.path.is_file():
            size = item.path.stat().st_size
            if size > limit:
                raise _too_large(size, limit, item.source)
        # Read one byte past the limit: a file may grow after stat, and a pipe has no size.
        with item.path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=item.source) from exc
    if len(data) > limit:
        raise _too_large(None, limit, item.source)
    return data


def _stdin_stream(stdin: BinaryIO | None, source: str) -> BinaryIO:
    if stdin is not None:
        return stdin
    stream: BinaryIO | None = getattr(sys.stdin, "buffer", None)
    if stream is None:  # no standard input at all (a daemon, a closed descriptor)
        raise EmptyInputError("empty input", source=source)
    return stream


def _check_not_binary(head: bytes, source: str) -> None:
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return
    controls = sum(1 for byte in head if byte < 0x20 and byte not in _TEXT_CONTROLS)
    if b"\x00" in head or (head and controls / len(head) > _MAX_CONTROL_SHARE):
        raise BinaryInputError("binary file, not text", source=source)


def _decode_text(data: bytes) -> tuple[str, tuple[str, ...]]:
    """Bytes as text: BOM dropped; invalid UTF-8 replaced (and said so) rather than refused."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), ()
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace"), (INVALID_UTF8_WARNING,)


def _sniff_format(data: bytes) -> InputFormat:
    start = data.removeprefix(codecs.BOM_UTF8).lstrip()
    return "html" if start.startswith(b"<") else "text"


# --- one article: a text or HTML file, or stdin ------------------------------------------------


@dataclass
class _Article:
    """What is known about one article so far; turned into a Document at the end."""

    text: str
    metadata: TextMetadata
    source_id: str | None = None
    warnings: list[str] = field(default_factory=list)


def _read_single(item: _Input, data: bytes, *, overrides: Overrides) -> Document:
    if not data.strip():
        raise EmptyInputError("empty input", source=item.source)
    _check_not_binary(data[:_SNIFF_BYTES], item.source)
    input_format = item.format or _sniff_format(data)
    if input_format == "html":
        html, warnings = decode_html(data)
        article = _article_from_html(html, url=None)
    else:
        text, warnings = _decode_text(data)
        parsed = parse_text(text)
        article = _Article(text=parsed.text, metadata=parsed.metadata)
    article.warnings[:0] = warnings
    if input_format == "html" and not article.text:
        raise EmptyInputError("no article text found in the HTML", source=item.source)
    return _build_document(article, overrides=overrides, source=item.source)


def _article_from_html(html: str, *, url: str | None) -> _Article:
    parsed = parse_html(html, url=url)
    return _Article(text=parsed.text, metadata=parsed.metadata, warnings=list(parsed.warnings))


# --- JSON Lines ---------------------------------------------------------------------------


def _read_jsonl(
    item: _Input, *, overrides: Overrides, limit: int, stdin: BinaryIO | None
) -> Iterator[Document | ArticleFailure]:
    try:
        if item.path is None:
            stream = _stdin_stream(stdin, item.source)
            yield from _read_jsonl_stream(stream, item, overrides=overrides, limit=limit)
            return
        with item.path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
            if not head.strip():
                raise EmptyInputError("empty input", source=item.source)
            _check_not_binary(head, item.source)
            handle.seek(0)
            yield from _read_jsonl_stream(handle, item, overrides=overrides, limit=limit)
    except InputError as exc:
        yield ArticleFailure(source=item.source, error=exc.reason)
    except OSError as exc:
        yield ArticleFailure(source=item.source, error=f"cannot read: {exc.strerror or exc}")


def _read_jsonl_stream(
    stream: BinaryIO, item: _Input, *, overrides: Overrides, limit: int
) -> Iterator[Document | ArticleFailure]:
    articles = 0
    for number, raw, size in _lines(stream, limit):
        if raw is None:
            error = _too_large(size, limit, item.source).reason
            yield ArticleFailure(source=item.source, error=error, line=number)
            continue
        line = raw.removeprefix(codecs.BOM_UTF8) if number == 1 else raw
        if not line.strip():
            continue  # blank lines separate nothing and hold no article
        articles += 1
        try:
            yield _document_from_line(line, item.source, overrides=overrides)
        except InputError as exc:
            yield ArticleFailure(source=item.source, error=exc.reason, line=number)
    if articles == 0:
        raise EmptyInputError("empty input", source=item.source)


def _lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, line bytes or None when above the limit, size), never a whole line in memory
    when it is too large."""
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        content = line.rstrip(b"\r\n")
        if len(content) <= limit:
            yield number, content, len(content)
            continue
        size = len(content)
        while not line.endswith(b"\n"):
            line = stream.readline(1 << 20)
            if not line:
                break
            size += len(line.rstrip(b"\r\n"))
        yield number, None, size


def _document_from_line(raw: bytes, source: str, *, overrides: Overrides) -> Document:
    text, warnings = _decode_text(raw)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadArticleError(
            f"invalid JSON: {exc.msg} (column {exc.colno})", source=source
        ) from exc
    except RecursionError as exc:
        raise BadArticleError("invalid JSON: nested too deeply", source=source) from exc
    if not isinstance(value, dict):
        raise BadArticleError(f"not a JSON object but {_json_type(value)}", source=source)
    article = _article_from_object(value, source)
    article.warnings[:0] = warnings
    return _build_document(article, overrides=overrides, source=source)


def _json_type(value: Any) -> str:
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    return "null"


def _string_field(obj: dict[str, Any], key: str, source: str) -> str | None:
    """A string field of a JSONL object; null and "" count as absent."""
    value = obj.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise BadArticleError(f"'{key}' must be a string, not {_json_type(value)}", source=source)
    return value


def _article_from_object(obj: dict[str, Any], source: str) -> _Article:
    text = _string_field(obj, "text", source)
    html = _string_field(obj, "html", source)
    meta = {key: _string_field(obj, key, source) for key in _JSONL_META_KEYS}
    source_id = obj.get("id")
    if isinstance(source_id, bool) or not isinstance(source_id, str | int | None):
        raise BadArticleError(
            f"'id' must be a string or an integer, not {_json_type(source_id)}", source=source
        )
    if text is None and html is None:
        raise BadArticleError("neither 'text' nor 'html' given", source=source)
    # A "title" key, even "" or null, says the text has no title line to look for.
    has_title_key = "title" in obj
    if text is not None:
        parsed = parse_text(text, detect_title=not has_title_key)
        article = _Article(text=parsed.text, metadata=parsed.metadata)
    else:
        assert html is not None
        article = _article_from_html(html, url=meta["url"])
    found = article.metadata
    article.metadata = TextMetadata(
        title=meta["title"] if has_title_key else found.title,
        author=meta["author"] or found.author,
        published=meta["published"] or found.published,
        outlet=meta["outlet"] or found.outlet,
        url=meta["url"] or found.url,
        language=meta["language"] or found.language,
        section=found.section,
    )
    article.source_id = None if source_id in (None, "") else str(source_id)
    return article


# --- the Document ---------------------------------------------------------------------------


def _build_document(article: _Article, *, overrides: Overrides, source: str) -> Document:
    if not article.text.strip():
        raise EmptyInputError("empty input", source=source)
    meta = article.metadata
    warnings = list(article.warnings)
    published = overrides.published
    if published is None and meta.published:
        published = parse_published(meta.published)
        if published is None:
            warnings.append(f"unparsed publication date: {meta.published!r}")
        elif len(published) != len("YYYY-MM-DD"):
            # The contract's ``published`` is a day: the anchor of relative dates. A month
            # alone would anchor "yesterday" to a guess.
            warnings.append(f"publication date without a day: {meta.published!r}")
            published = None
    language = UNDETERMINED_LANGUAGE
    if meta.language:
        code = normalize_language(meta.language)
        if code is None:
            warnings.append(f"unrecognized language: {meta.language!r}")
        else:
            language = code
    fields = {
        "text": article.text,
        "source_id": article.source_id,
        "title": overrides.title or _tidy(meta.title),
        "author": overrides.author or _tidy(meta.author),
        "outlet": overrides.outlet or _tidy(meta.outlet),
        "url": overrides.url or _tidy(meta.url),
        "section": _tidy(meta.section),
    }
    # Lone surrogates (a JSON "\ud800" escape, undecodable bytes in argv) cannot be written out
    # as UTF-8 and would break the id; they become U+FFFD like any other undecodable text.
    for key, value in fields.items():
        if value is not None and _SURROGATE.search(value):
            fields[key] = _SURROGATE.sub("\ufffd", value)
            warnings.append(INVALID_UNICODE_WARNING)
    text = fields.pop("text")
    assert text is not None
    return Document(
        id=document_id(text),
        text=text,
        language=language,
        published=published,
        warnings=tuple(dict.fromkeys(warnings)),
        **fields,
    )


def _tidy(value: str | None) -> str | None:
    if value is None:
        return None
    return " ".join(value.split()) or None


# --- languages ------------------------------------------------------------------------------

# ISO 639-2/3 codes and English or native names of languages news arrives in, to ISO 639-1.
_LANGUAGE_ALIASES = {
    "eng": "en", "english": "en", "fra": "fr", "fre": "fr", "french": "fr", "français": "fr",
    "francais": "fr", "deu": "de", "ger": "de", "german": "de", "deutsch": "de", "rus": "ru",
    "russian": "ru", "русский": "ru", "ukr": "uk", "ukrainian": "uk", "українська": "uk",
    "spa": "es", "spanish": "es", "español": "es", "espanol": "es", "ita": "it",
    "italian": "it", "italiano": "it", "por": "pt", "portuguese": "pt", "português": "pt",
    "pol": "pl", "polish": "pl", "polski": "pl", "nld": "nl", "dut": "nl", "dutch": "nl",
    "nederlands": "nl", "swe": "sv", "swedish": "sv", "svenska": "sv", "fin": "fi",
    "finnish": "fi", "suomi": "fi", "dan": "da", "danish": "da", "nor": "no",
    "norwegian": "no", "nob": "nb", "nno": "nn", "ara": "ar", "arabic": "ar", "heb": "he",
    "hebrew": "he", "fas": "fa", "per": "fa", "persian": "fa", "farsi": "fa", "tur": "tr",
    "turkish": "tr", "zho": "zh", "chi": "zh", "chinese": "zh", "jpn": "ja",
    "japanese": "ja", "kor": "ko", "korean": "ko", "ell": "el", "gre": "el", "greek": "el",
    "ces": "cs", "cze": "cs", "czech": "cs", "slk": "sk", "slo": "sk", "slovak": "sk",
    "ron": "ro", "rum": "ro", "romanian": "ro", "hun": "hu", "hungarian": "hu", "bul": "bg",
    "bulgarian": "bg", "srp": "sr", "serbian": "sr", "hrv": "hr", "croatian": "hr",
    "bel": "be", "belarusian": "be", "kat": "ka", "geo": "ka", "georgian": "ka", "hye": "hy",
    "arm": "hy", "armenian": "hy", "aze": "az", "azerbaijani": "az", "hin": "hi",
    "hindi": "hi", "urd": "ur", "urdu": "ur", "ind": "id", "indonesian": "id", "vie": "vi",
    "vietnamese": "vi", "tha": "th", "thai": "th", "lit": "lt", "lithuanian": "lt",
    "lav": "lv", "latvian": "lv", "est": "et", "estonian": "et", "cat": "ca",
    "catalan": "ca", "slv": "sl", "slovenian": "sl", "swa": "sw", "swahili": "sw",
    "pus": "ps", "pashto": "ps", "kur": "ku", "kurdish": "ku",
    # Codes withdrawn from ISO 639-1 that old pages still declare.
    "iw": "he", "in": "id", "ji": "yi",
}  # fmt: skip
_LANGUAGE_TAG = re.compile(r"[a-z]{2,3}")


def normalize_language(value: str) -> str | None:
    """ISO 639-1 code of a language tag or name ("en-US", "fr_FR", "FRA", "French"); None if
    unknown. Three-letter codes without a two-letter equivalent are returned as they are."""
    tag = value.strip().lower().replace("_", "-")
    if tag in _LANGUAGE_ALIASES:
        return _LANGUAGE_ALIASES[tag]
    primary = tag.split("-", 1)[0]
    if primary in _LANGUAGE_ALIASES:
        return _LANGUAGE_ALIASES[primary]
    if primary in ("und", "mul", "zxx", "mis"):  # ISO's "no particular language" codes
        return None
    if _LANGUAGE_TAG.fullmatch(primary):
        return primary
    return None
