"""Publication dates as written by publishers, turned into "YYYY-MM-DD", "YYYY-MM" or "YYYY".

Ingest meets dates in header blocks ("Date: 2019-11-20T05:52:50-05:00"), in date lines under a
title ("22 April 2025", "Thursday 17 April 2025", "Published: Apr 22, 2025 10:05 EDT"), in JSONL
lines and in HTML metadata. :func:`parse_published` handles the common English and numeric forms
with regular expressions of our own, because those are exact and fast, and falls back on
dateparser (absolute dates only, a fixed list of languages, no network) for other languages
("22 juin 2012", "17. März 2024"). It is strict on purpose: the whole value must be a date (a
label such as "Published:", a weekday, a time and a trailing note in parentheses may surround
it), and a year must be present, so "We", "Sunday" or a sentence that merely contains a date give
``None``. The date is the one written, in the writer's own time zone: "2024-10-16T00:00+08:00"
is 2024-10-16, never shifted to UTC.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import TYPE_CHECKING

from newsledger.timex.lexicon import MONTH_ABBREVIATIONS, MONTHS

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

__all__ = ["parse_published"]

_MONTHS = {**MONTHS, **MONTH_ABBREVIATIONS}  # one table of month names, in timex
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?"
)
_ORDINAL = r"(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"

# What may surround the date itself: a label before it, a weekday, a time and zone after it.
_LABEL = re.compile(
    r"^(?:(?:first\s+|last\s+)?(?:published|updated|posted|modified|created|issued)|date[d]?)"
    r"(?:\s+(?:on|at))?\s*(?::|-|–|—)?\s*",
    re.IGNORECASE,
)
_LEADING_WEEKDAY = re.compile(rf"^{_WEEKDAY},?\s+", re.IGNORECASE)
_TRAILING_NOTE = re.compile(r"\s*[(\[][^()\[\]]*[)\]]\s*$")
_ZONE = (
    r"(?:Z|[+-]\d{2}(?::?\d{2})?|(?:UTC|GMT)(?:\s*[+-]\d{1,2}(?::?\d{2})?)?|"
    r"[ECMP][SD]?T|BST|IST|JST|KST|HKT|SGT|MSK|SAST|WIB|AEST|AEDT|CES?T|EES?T|WES?T)"
)
_CLOCK = r"(?:\d{1,2}[:.]\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[ap]\.?\s?m\.?)?|\d{1,2}\s*[ap]\.?\s?m\.?)"
_TIME = rf"(?:\s*(?:,|\||-|–|—|at|T)?\s*{_CLOCK}(?:\s*{_ZONE})?)?"

_FORM_PATTERNS = [
    # 2025-04-22, 2025-04-22T10:00:00+02:00, and "2022-02-24/25" (a range: its first day)
    rf"{_YEAR}-(?P<mon>\d{{1,2}})-(?P<day>\d{{1,2}})(?:/\d{{1,2}})?{_TIME}",
    rf"{_YEAR}/(?P<mon>\d{{1,2}})/(?P<day>\d{{1,2}}){_TIME}",
    rf"{_YEAR}\.(?P<mon>\d{{1,2}})\.(?P<day>\d{{1,2}})\.?{_TIME}",
    # 22 April 2025, 22nd of April, 2025, 22 Apr. 2025 10:05
    rf"(?P<day>\d{{1,2}}){_ORDINAL}\.?\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}{_TIME}",
    # April 22, 2025, Apr 22 2025 10:05 EDT
    rf"{_MONTH}\s+(?P<day>\d{{1,2}}){_ORDINAL},?\s+{_YEAR}{_TIME}",
    # 22.04.2025 and 22-04-2025: day first, as everywhere these separators are used
    rf"(?P<day>\d{{1,2}})(?P<sep>[.-])(?P<mon>\d{{1,2}})(?P=sep){_YEAR}{_TIME}",
    # 04/22/2025 or 22/04/2025: decided by whichever number cannot be a month
    rf"(?P<first>\d{{1,2}})/(?P<second>\d{{1,2}})/{_YEAR}{_TIME}",
    # April 2025, 2025-04
    rf"{_MONTH},?\s+{_YEAR}",
    rf"{_YEAR}-(?P<mon>\d{{2}})",
    _YEAR,
]
_FORMS = [re.compile(pattern, re.IGNORECASE) for pattern in _FORM_PATTERNS]

# The fallback only sees short values that contain a plausible year.
_HAS_YEAR = re.compile(r"(?<!\d)(1[89]\d{2}|2[01]\d{2})(?!\d)")
_FALLBACK_MAX_CHARS = 60
_FALLBACK_MAX_WORDS = 8
# Languages the dateparser fallback tries; a fixed list keeps it fast and predictable.
_FALLBACK_LANGUAGES = [
    "en", "fr", "de", "es", "it", "pt", "nl", "sv", "da", "nb", "fi", "pl", "cs", "ro",
    "hu", "el", "tr", "ru", "uk", "ar", "he", "fa",
]  # fmt: skip


def parse_published(value: str) -> str | None:
    """The date in ``value`` as "YYYY-MM-DD", "YYYY-MM" or "YYYY"; None when it is not a date.

    ``value`` must be a date as a whole, optionally with a label ("Published:"), a weekday, a
    time and zone, and a trailing note in parentheses. Ambiguous numeric dates such as
    "03/04/2025" (3 April or 4 March) give None rather than a guess.
    """
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    text = _TRAILING_NOTE.sub("", text)
    text = _LABEL.sub("", text, count=1)
    text = _LEADING_WEEKDAY.sub("", text, count=1).strip(" ,")
    if not text or len(text) > 80:
        return None
    for form in _FORMS:
        match = form.fullmatch(text)
        if match:
            return _from_match(match)
    return _parse_with_dateparser(text)


def _from_match(match: re.Match[str]) -> str | None:
    parts = match.groupdict()
    year = int(parts["year"])
    if parts.get("month"):
        month: int | None = _MONTHS[parts["month"].lower()]
    elif parts.get("mon"):
        month = int(parts["mon"])
    elif parts.get("first"):
        month, day = _month_and_day(int(parts["first"]), int(parts["second"]))
        if month is None:
            return None
        return _format(year, month, day)
    else:
        month = None
    day = int(parts["day"]) if parts.get("day") else None
    return _format(year, month, day)


def _month_and_day(first: int, second: int) -> tuple[int | None, int | None]:
    """Order of a slashed date: month/day in the US, day/month elsewhere; None when unknowable."""
    if first > 12 >= second:
        return second, first
    if second > 12 >= first:
        return first, second
    if first == second:
        return first, second
    return None, None


def _format(year: int, month: int | None, day: int | None) -> str | None:
    if not 1800 <= year <= 2199:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _parse_with_dateparser(text: str) -> str | None:
    if (
        len(text) > _FALLBACK_MAX_CHARS
        or len(text.split()) > _FALLBACK_MAX_WORDS
        or not _HAS_YEAR.search(text)
    ):
        return None
    try:
        data = _date_parser().get_date_data(text)
    # dateparser is third-party code fed with arbitrary text: whatever it fails on is simply
    # not a date we can read, and must not take an article down with it.
    except Exception:
        return None
    if data.date_obj is None:
        return None
    date = data.date_obj
    if data.period == "year":
        return _format(date.year, None, None)
    if data.period == "month":
        return _format(date.year, date.month, None)
    return _format(date.year, date.month, date.day)


@functools.lru_cache(maxsize=1)
def _date_parser() -> DateDataParser:
    from dateparser.date import DateDataParser

    settings = {
        # Absolute dates only: "yesterday" or a bare number must never become today's date.
        "PARSERS": ["absolute-time", "custom-formats"],
        "REQUIRE_PARTS": ["year"],
        "RETURN_AS_TIMEZONE_AWARE": False,
        "DATE_ORDER": "DMY",
        "PREFER_DAY_OF_MONTH": "first",
    }
    return DateDataParser(languages=_FALLBACK_LANGUAGES, settings=settings)
