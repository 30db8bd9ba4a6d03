"""Plain-text articles: metadata from the top of the text, and the cleaned body.

A plain-text article either opens with a header block of ``Key: value`` lines (Title, Author or
Authors, Date, Outlet, URL, Language) ended by a blank line, as in ``corpus/text/``, or with the
front matter a page leaves behind when copied as text: a title line, a byline ("By Jane Doe and
John Roe") or a bare name line ("Andrea Peters"), a date line in any common format, a section
label ("ANALYSIS"). :func:`parse_text` reads that metadata, removes those lines, and cleans the
rest with :func:`newsledger.ingest.cleaning.clean_body`.

A news dateline ("KYIV, Aug 7 (Reuters) - ...", "WASHINGTON (AP) — ...") is read for metadata
(the agency as outlet, a dated dateline as publication date) but stays in the body: it is part
of the article as published, and the place it names is a place mention the later stages use.
Detection never takes the only text there is: when the lines it would remove are all the text,
the text is kept whole and nothing is detected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from newsledger.ingest.cleaning import clean_body, is_boilerplate_line, normalize_layout
from newsledger.ingest.dates import parse_published

__all__ = ["ParsedText", "TextMetadata", "parse_text", "read_dateline"]


@dataclass(frozen=True, slots=True)
class TextMetadata:
    """Metadata found in a text, as written (``published`` is the raw date string)."""

    title: str | None = None
    author: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    section: str | None = None


@dataclass(frozen=True, slots=True)
class ParsedText:
    """A plain-text article split into its metadata and its cleaned body."""

    metadata: TextMetadata
    text: str


# --- header block ------------------------------------------------------------------------------

_HEADER_LINE = re.compile(r"([A-Za-z][A-Za-z _-]{0,24}?)\s*:\s*(.*)")
_HEADER_KEYS = {
    "title": "title",
    "headline": "title",
    "author": "author",
    "authors": "author",
    "byline": "author",
    "date": "published",
    "published": "published",
    "publication date": "published",
    "pubdate": "published",
    "outlet": "outlet",
    "source": "outlet",
    "publisher": "outlet",
    "url": "url",
    "link": "url",
    "language": "language",
    "lang": "language",
}


def _read_header(lines: list[str]) -> tuple[dict[str, str], int] | None:
    """The header block at the top (field -> value) and the index of the line after it."""
    fields: dict[str, str] = {}
    end = 0
    while end < len(lines) and lines[end]:
        match = _HEADER_LINE.fullmatch(lines[end])
        if not match:
            return None
        key = _HEADER_KEYS.get(" ".join(match.group(1).lower().replace("_", " ").split()))
        if key is None:
            return None
        if match.group(2) and key not in fields:
            fields[key] = match.group(2)
        end += 1
    # A block of header-like lines with no article after it is the article itself.
    if not fields or not any(lines[end:]):
        return None
    return fields, end


# --- front matter without a header ------------------------------------------------------------

_SECTION_LABELS = frozenset(
    {
        "analysis",
        "breaking",
        "breaking news",
        "comment",
        "commentary",
        "editorial",
        "exclusive",
        "explainer",
        "fact check",
        "fact-check",
        "feature",
        "in depth",
        "in-depth",
        "interview",
        "investigation",
        "live",
        "news",
        "news analysis",
        "obituary",
        "op-ed",
        "opinion",
        "perspective",
        "review",
        "special report",
        "update",
        # Desk names that pages print above the headline.
        "africa",
        "americas",
        "asia",
        "business",
        "europe",
        "middle east",
        "politics",
        "us news",
        "uk news",
        "world",
        "world news",
    }
)
_NAME_PARTICLES = frozenset(
    {"al", "bin", "da", "de", "del", "della", "der", "di", "du", "el", "ibn", "la", "le", "van",
     "von", "ten", "ter", "y"}
)  # fmt: skip
_NOT_NAMES = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
     "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december", "the", "a", "an", "this", "that", "news", "breaking", "live",
     "update", "updated", "published", "posted", "home", "world", "politics"}
)  # fmt: skip
# News agencies that sign bylines ("By Jane Doe, Reuters") and datelines ("(Reuters)").
_AGENCIES = frozenset(
    {"reuters", "ap", "associated press", "the associated press", "afp", "agence france-presse",
     "bloomberg", "dpa", "ansa", "efe", "tass", "xinhua", "interfax", "ukrinform", "upi", "pa"}
)  # fmt: skip
_ROLE_WORDS = frozenset(
    {"correspondent", "editor", "reporter", "writer", "columnist", "contributor", "staff",
     "bureau", "chief", "analyst", "producer", "in"}
)  # fmt: skip
_NAME_TOKEN = re.compile(r"(?:[^\W\d_][.])+|[^\W\d_][^\W\d_'’.-]*(?:['’-][^\W\d_]+)*\.?")
_NAME_LIST_SPLIT = re.compile(r"\s*,\s*|\s*;\s*|\s+(?:and|&)\s+", re.IGNORECASE)
_BYLINE = re.compile(r"by[:\s]\s*(?P<rest>\S.*)", re.IGNORECASE)
_BYLINE_PARTS = re.compile(r"\s*(?:\||•|·|\s[-–—]\s)\s*")
_MAX_TITLE_CHARS = 200
_MAX_FRONT_LINES = 8


def _is_name(candidate: str, *, allow_caps: bool) -> bool:
    """Whether ``candidate`` looks like one person's name: 2-5 capitalized words."""
    tokens = candidate.split()
    if not 2 <= len(tokens) <= 5:
        return False
    capitalized = 0
    for token in tokens:
        if token.lower() in _NAME_PARTICLES:
            continue
        if not _NAME_TOKEN.fullmatch(token) or token.lower().rstrip(".") in _NOT_NAMES:
            return False
        if not token[0].isupper():
            return False
        if token.isupper() and len(token.rstrip(".")) > 1 and not allow_caps:
            return False
        capitalized += 1
    return capitalized >= 2


def _read_names(text: str, *, allow_caps: bool) -> list[str] | None:
    names = [part for part in _NAME_LIST_SPLIT.split(text.strip()) if part]
    if names and all(_is_name(name, allow_caps=allow_caps) for name in names):
        return names
    return None


@dataclass(frozen=True, slots=True)
class _Byline:
    author: str
    published: str | None = None
    outlet: str | None = None


def _read_byline(line: str) -> _Byline | None:
    """ "By Jane Doe", "By Jane Doe and John Roe, Reuters", "By JANE DOE | April 22, 2025"."""
    match = _BYLINE.fullmatch(line)
    if not match or len(line) > 160:
        return None
    parts = _BYLINE_PARTS.split(match.group("rest"))
    # A date after a comma ("By Jane Doe, April 22, 2025") would be split by the name list.
    for comma in (m.start() for m in re.finditer(",", parts[0])):
        if parse_published(parts[0][comma + 1 :]):
            parts[0:1] = [parts[0][:comma], parts[0][comma + 1 :].strip()]
            break
    published: str | None = None
    outlet: str | None = None
    for extra in parts[1:]:
        if published is None and parse_published(extra):
            published = extra
        elif outlet is None and extra.lower() in _AGENCIES:
            outlet = extra
        else:
            return None
    # Names first, then optionally an agency or a date: "Jane Doe and John Roe, Reuters".
    names: list[str] = []
    names_done = False
    for piece in (p for p in _NAME_LIST_SPLIT.split(parts[0].strip()) if p):
        # "By Jane Doe, Foreign Correspondent": the role is not a second author, but "By Our
        # Foreign Staff" is all the byline there is.
        is_role = bool(_ROLE_WORDS.intersection(piece.lower().split()))
        if not names_done and not (is_role and names) and _is_name(piece, allow_caps=True):
            names.append(piece)
            continue
        names_done = True
        if names and is_role:
            continue
        if names and outlet is None and piece.lower() in _AGENCIES:
            outlet = piece
        elif names and published is None and parse_published(piece):
            published = piece
        else:
            return None
    if not names:
        return None
    return _Byline(author=", ".join(names), published=published, outlet=outlet)


def _section_label(line: str) -> str | None:
    label = line.strip(" |•:–—-")
    return label if label.lower() in _SECTION_LABELS else None


def _date_line(line: str) -> str | None:
    return line if len(line) <= 80 and parse_published(line) else None


def _is_title(line: str, following: str | None) -> bool:
    """A first line that reads as a headline and stands alone or above a byline/date line."""
    if len(line) > _MAX_TITLE_CHARS or line[-1] in ".,;" or not any(c.isalpha() for c in line):
        return False
    first_letter = next(c for c in line if c.isalpha())
    if first_letter.islower():
        return False
    # The title is its own block, or the next line is metadata; a first line that runs straight
    # into more prose is the start of a hard-wrapped paragraph, not a headline.
    return (
        following is None
        or _date_line(following) is not None
        or _read_byline(following) is not None
        or _read_names(following, allow_caps=False) is not None
    )


@dataclass
class _FrontMatter:
    title: str | None = None
    author: str | None = None
    published: str | None = None
    outlet: str | None = None
    section: str | None = None
    consumed: int = 0  # lines removed from the top of the body


def _read_front_matter(
    lines: list[str], *, detect_title: bool, known_title: str | None
) -> _FrontMatter:
    """Title, byline, date and section lines at the top of ``lines`` (a header-less body)."""
    found = _FrontMatter()
    title_seen = False  # a title line was read, so a bare name line below it is a byline
    # The last line is never front matter: there must be an article below what is removed.
    last = max((i for i, line in enumerate(lines) if line), default=0)
    index = 0
    seen = 0
    while index < last and seen < _MAX_FRONT_LINES:
        line = lines[index]
        if not line:
            index += 1
            continue
        seen += 1
        following = lines[index + 1] if index + 1 < len(lines) and lines[index + 1] else None
        if is_boilerplate_line(line):
            pass
        elif found.section is None and found.title is None and _section_label(line):
            found.section = _section_label(line)
        elif (
            known_title is not None
            and not title_seen
            and " ".join(line.split()).casefold() == " ".join(known_title.split()).casefold()
        ):
            title_seen = True  # the header's title repeated as the first line of the body
        elif found.published is None and _date_line(line):
            found.published = line
        elif found.author is None and (byline := _read_byline(line)):
            found.author = byline.author
            found.published = found.published or byline.published
            found.outlet = byline.outlet
        elif (
            found.author is None
            and title_seen
            and (names := _read_names(line, allow_caps=False)) is not None
        ):
            found.author = ", ".join(names)
        elif (
            detect_title
            and not title_seen
            and found.author is None
            and found.published is None
            and _is_title(line, following)
        ):
            found.title = line
            title_seen = True
        else:
            break
        index += 1
        found.consumed = index
    return found


# --- datelines -------------------------------------------------------------------------------

_PLACE = (
    r"[A-Z][\w'’.-]*(?:[ /][A-Z][\w'’.-]*){0,5}(?:,\s*[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,3})?"
)
_SHORT_DATE = r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,?\s+\d{4})?"
_AGENCY_DATELINE = re.compile(
    rf"(?P<place>{_PLACE})(?:,\s*(?P<date>{_SHORT_DATE}))?\s*"
    r"\((?P<agency>[A-Z][\w .&'-]{0,40})\)\s*(?:--|[-–—])\s"
)
_DATED_DATELINE = re.compile(r"(?P<date>\d{1,2}\.?\s+[^\W\d_]+\.?\s+\d{4})\.?\s*(?:--|[-–—])\s")


@dataclass(frozen=True, slots=True)
class Dateline:
    """What a dateline says: the agency that filed the story and a date written with a year."""

    outlet: str | None
    published: str | None


def read_dateline(paragraph: str) -> Dateline | None:
    """Read "KYIV, Aug 7 (Reuters) - ..." or "22 juin 2012. - ..." at the start of a paragraph."""
    match = _AGENCY_DATELINE.match(paragraph)
    if match:
        date = match.group("date")
        published = date if date and parse_published(date) else None
        return Dateline(outlet=match.group("agency").strip(), published=published)
    match = _DATED_DATELINE.match(paragraph)
    if match and parse_published(match.group("date")):
        return Dateline(outlet=None, published=match.group("date"))
    return None


# --- the whole text ---------------------------------------------------------------------------


def parse_text(
    raw: str, *, detect_title: bool = True, known_title: str | None = None
) -> ParsedText:
    """Metadata and cleaned body of a plain-text article.

    ``detect_title=False`` says the text has no title line (a JSONL line that gives ``title``),
    so the first line is never taken for one. ``known_title`` is a title known from elsewhere
    (HTML metadata): a first line repeating it is removed as the title line. Metadata values are
    as written; the caller parses ``published`` and normalizes ``language``.
    """
    lines = normalize_layout(raw).split("\n")
    metadata = TextMetadata()
    header = _read_header(lines)
    if header is not None:
        fields, end = header
        metadata = TextMetadata(**fields)
        lines = lines[end:]
    known_title = metadata.title or known_title
    front = _read_front_matter(
        lines, detect_title=detect_title and known_title is None, known_title=known_title
    )
    body = clean_body("\n".join(lines[front.consumed :]))
    if not body:
        # The front-matter lines were all the text there is: keep it whole.
        return ParsedText(metadata=metadata, text=clean_body("\n".join(lines)))
    metadata = replace(
        metadata,
        title=metadata.title or front.title,
        author=metadata.author or front.author,
        published=metadata.published or front.published,
        outlet=metadata.outlet or front.outlet,
        section=front.section,
    )
    dateline = read_dateline(body)
    if dateline is not None:
        metadata = replace(
            metadata,
            outlet=metadata.outlet or dateline.outlet,
            published=metadata.published or dateline.published,
        )
    return ParsedText(metadata=metadata, text=body)
