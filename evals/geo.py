"""Geoparsing evaluation: the places stage measured end to end on public gold sets.

Each corpus in ``../shared/peers`` (GeoWebNews, LGL, TR-News, GeoVirus) gives whole articles and
gold toponyms with coordinates. Every article goes through our real stages up to places
(entities → times → places); a gold toponym is *recognized* when one of our place mentions overlaps
its character span, and its error is the great-circle distance from that place's point to the gold
point. Reported per corpus: recognition recall, accuracy within 161 km (100 miles) over recognized
toponyms, median error, and counts, beside published figures of Mordecai3 (Halterman 2023) and
CLAVIN. The gold files are for measuring only: no rule of the pipeline is written from them.

    .venv/bin/python -m evals.geo            # every corpus, every article
    .venv/bin/python -m evals.geo --limit 50 # the first 50 articles of each
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import math
import os
import platform
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsledger.model import Place

ROOT = Path(__file__).resolve().parents[1]
PEERS = ROOT.parent / "shared" / "peers"
ACCURACY_KM = 161.0  # 100 miles: the customary geocoding threshold

# Published accuracy@161km (fractions). Mordecai3: Halterman 2023, "Mordecai 3: A Neural Geoparser
# and Event Geocoder" (its README; LGL and TR-News on held-out subsets). CLAVIN and others: the
# figures quoted in each corpus README (Gritta et al. 2018, Table 1).
PUBLISHED: dict[str, dict[str, float]] = {
    "geowebnews": {"Mordecai3": 0.941},
    "lgl": {"Mordecai3": 0.827, "CLAVIN": 0.71, "Edinburgh": 0.76, "CamCoder": 0.76},
    "tr-news": {"Mordecai3": 0.873},
    "geovirus": {"CamCoder": 0.82, "CLAVIN": 0.79, "Edinburgh": 0.78},
}


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    phrase: str
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    text: str
    published: str | None  # YYYY-MM-DD where the corpus gives a download/publication time
    toponyms: tuple[GoldToponym, ...]


def _text(element: ET.Element, tag: str) -> str:
    found = element.find(tag)
    return (found.text or "") if found is not None else ""


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _day(text: str) -> str | None:
    day = text.strip()[:10]
    try:
        dt.date.fromisoformat(day)
    except ValueError:
        return None
    return day


@dataclass(frozen=True, slots=True)
class GoldFormat:
    """Where one corpus's XML keeps what we read: the four gold files differ only in tag names."""

    toponym: str  # element of one gold toponym
    coordinates: str | None  # child element holding lat/lon, or None when the toponym does
    lat: str
    lon: str
    phrase: str
    id_attribute: str | None  # article attribute naming it; None: numbered in file order
    published: str | None  # article child with a download time, or None


def _read_corpus(path: Path, prefix: str, form: GoldFormat) -> Iterator[GoldArticle]:
    for index, article in enumerate(ET.parse(path).getroot().iter("article")):
        toponyms = []
        for toponym in article.iter(form.toponym):
            holder = toponym.find(form.coordinates) if form.coordinates else toponym
            if holder is None:
                continue
            lat, lon = _number(_text(holder, form.lat)), _number(_text(holder, form.lon))
            if lat is None or lon is None:
                continue
            toponyms.append(
                GoldToponym(
                    start=int(_text(toponym, "start")),
                    end=int(_text(toponym, "end")),
                    phrase=_text(toponym, form.phrase),
                    lat=lat,
                    lon=lon,
                )
            )
        name = article.get(form.id_attribute) if form.id_attribute else str(index)
        yield GoldArticle(
            id=f"{prefix}-{name}",
            text=_text(article, "text"),
            published=_day(_text(article, form.published)) if form.published else None,
            toponyms=tuple(toponyms),
        )


_GAZTAG = GoldFormat("toponym", "gaztag", "lat", "lon", "phrase", "docid", "dltime")


@dataclass(frozen=True, slots=True)
class Corpus:
    name: str
    label: str
    path: Path  # relative to the peers folder
    read: Callable[[Path], Iterator[GoldArticle]]


CORPORA: dict[str, Corpus] = {
    c.name: c
    for c in (
        Corpus(
            "geowebnews",
            "GeoWebNews",
            Path("geowebnews/GWN.xml"),
            lambda p: _read_corpus(
                p,
                "gwn",
                GoldFormat("toponym", None, "latitude", "longitude", "extractedName", "file", None),
            ),
        ),
        Corpus("lgl", "LGL", Path("lgl/lgl.xml"), lambda p: _read_corpus(p, "lgl", _GAZTAG)),
        Corpus(
            "tr-news",
            "TR-News",
            Path("tr-news/TR-News.xml"),
            lambda p: _read_corpus(p, "tr", _GAZTAG),
        ),
        Corpus(
            "geovirus",
            "GeoVirus",
            Path("geovirus/GeoVirus.xml"),
            lambda p: _read_corpus(
                p, "geovirus", GoldFormat("location", None, "lat", "lon", "name", None, None)
            ),
        ),
    )
}


def gold_path(corpus_name: str, peers: Path = PEERS) -> Path:
    return peers / CORPORA[corpus_name].path


def gold_digest(corpus_name: str, peers: Path = PEERS) -> str:
    """sha256 of the gold file, so a changed gold set cannot pass for the measured one."""
    return hashlib.sha256(gold_path(corpus_name, peers).read_bytes()).hexdigest()


def load_gold(corpus_name: str, limit: int | None = None, peers: Path = PEERS) -> list[GoldArticle]:
    """The corpus's articles in file order, the first ``limit`` of them when given."""
    if corpus_name not in CORPORA:
        raise KeyError(f"unknown corpus {corpus_name!r}; known: {', '.join(CORPORA)}")
    articles = list(CORPORA[corpus_name].read(gold_path(corpus_name, peers)))
    return articles[:limit] if limit is not None else articles


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance on a sphere of the Earth's mean radius."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dlat, dlon = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dlat / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlon / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


@lru_cache(maxsize=1)
def _stages() -> tuple[Any, ...]:
    """The real stages up to places, built once (the entities stage holds the spaCy model)."""
    from newsledger.stages.entities import EntitiesStage
    from newsledger.stages.places import PlacesStage
    from newsledger.stages.times import TimesStage

    return (EntitiesStage(), TimesStage(), PlacesStage())


def geoparse(article: GoldArticle) -> list[tuple[int, int, Place]]:
    """Our place mentions in the article: (start, end, place) for each."""
    from newsledger.model import Document
    from newsledger.pipeline.stage import Analysis

    document = Document(
        id=article.id, text=article.text, language="en", published=article.published
    )
    analysis = Analysis(document=document)
    for stage in _stages():
        stage.run(analysis)
    return [
        (mention.start, mention.end, place)
        for place in analysis.places
        for mention in (*place.mentions, *place.demonyms)
    ]


@dataclass
class Outcome:
    """One gold toponym: recognized or not, and the error when it was."""

    article: str
    gold: GoldToponym
    error_km: float | None  # None: not recognized
    place: Place | None = None  # ours, when recognized


def score_article(article: GoldArticle) -> list[Outcome]:
    ours = geoparse(article)
    outcomes = []
    for gold in article.toponyms:
        overlapping = [o for o in ours if o[0] < gold.end and gold.start < o[1]]
        if not overlapping:
            outcomes.append(Outcome(article.id, gold, None))
            continue
        # The mention overlapping most of the gold span speaks for it.
        best = max(overlapping, key=lambda o: min(o[1], gold.end) - max(o[0], gold.start))
        outcomes.append(
            Outcome(
                article.id,
                gold,
                great_circle_km(best[2].lat, best[2].lon, gold.lat, gold.lon),
                best[2],
            )
        )
    return outcomes


def is_demonym(phrase: str) -> bool:
    """True when a gold toponym is a demonym or national adjective ("Turkish", "Syrians").

    Some gold sets annotate these as toponyms. Our record lists them as a country's ``demonyms``,
    apart from its ``mentions``, and only for a country the article names: a demonym alone makes
    no place (``test_demonyms_are_not_places``). They count as recognized through that list, and
    recall is also printed without them. A phrase that is also a country's name is not one.
    """
    from newsledger.resources.countries import country, country_by_demonym

    return country_by_demonym(phrase) is not None and country(phrase) is None


def summarize(outcomes: list[Outcome], articles: int, seconds: float) -> dict[str, Any]:
    errors = [o.error_km for o in outcomes if o.error_km is not None]
    within = sum(1 for e in errors if e <= ACCURACY_KM)
    places = [o for o in outcomes if not is_demonym(o.gold.phrase)]
    places_found = sum(1 for o in places if o.error_km is not None)
    demonyms_found = sum(1 for o in outcomes if o.error_km is not None) - places_found
    return {
        "articles": articles,
        "gold_toponyms": len(outcomes),
        "recognized": len(errors),
        "recall": len(errors) / len(outcomes) if outcomes else 0.0,
        "demonym_toponyms": len(outcomes) - len(places),
        "demonyms_recognized": demonyms_found,
        "recall_without_demonyms": places_found / len(places) if places else 0.0,
        "accuracy_161km": within / len(errors) if errors else 0.0,
        "median_km": statistics.median(errors) if errors else None,
        "seconds": round(seconds, 1),
    }


def evaluate_outcomes(
    corpus_name: str, limit: int | None = None, peers: Path = PEERS
) -> tuple[dict[str, Any], list[Outcome]]:
    articles = load_gold(corpus_name, limit, peers)
    started = time.perf_counter()
    outcomes = [outcome for article in articles for outcome in score_article(article)]
    return summarize(outcomes, len(articles), time.perf_counter() - started), outcomes


def evaluate(corpus_name: str, limit: int | None = None, peers: Path = PEERS) -> dict[str, Any]:
    """Metrics for one corpus (first ``limit`` articles when given): recall, accuracy_161km,
    median_km, gold_toponyms, recognized, demonym_toponyms, demonyms_recognized,
    recall_without_demonyms, articles,
    seconds."""
    return evaluate_outcomes(corpus_name, limit, peers)[0]


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f}"


def print_table(corpus_name: str, metrics: dict[str, Any]) -> None:
    label = CORPORA[corpus_name].label
    median = metrics["median_km"]
    print(
        f"\n## {label}  ({metrics['articles']} articles, {metrics['gold_toponyms']} gold"
        f" toponyms with coordinates, {metrics['recognized']} recognized,"
        f" {metrics['seconds']} s)"
    )
    print("| system | recall | recall, demonyms left out | acc@161km | median km |")
    print("|---|---:|---:|---:|---:|")
    print(
        f"| newsledger | {_percent(metrics['recall'])}"
        f" | {_percent(metrics['recall_without_demonyms'])}"
        f" ({metrics['demonyms_recognized']} of {metrics['demonym_toponyms']} demonyms found)"
        f" | {_percent(metrics['accuracy_161km'])}"
        f" | {'—' if median is None else f'{median:.0f}'} |"
    )
    for system, accuracy in PUBLISHED.get(corpus_name, {}).items():
        print(f"| {system} (published) | — | — | {_percent(accuracy)} | — |")


def print_errors(outcomes: list[Outcome], count: int) -> None:
    """The most frequent unrecognized gold phrases and wrong resolutions: where to look next."""
    missed = Counter(o.gold.phrase for o in outcomes if o.error_km is None)
    wrong = Counter(
        (o.gold.phrase, o.place.name, o.place.feature, o.place.country or "")
        for o in outcomes
        if o.place is not None and o.error_km is not None and o.error_km > ACCURACY_KM
    )
    print(f"\nunrecognized ({sum(missed.values())}):")
    print(", ".join(f"{phrase} ×{n}" for phrase, n in missed.most_common(count)))
    print(f"\nwrong by more than {ACCURACY_KM:.0f} km ({sum(wrong.values())}):")
    print(", ".join(f"{g} → {n} {f} {c} ×{k}" for (g, n, f, c), k in wrong.most_common(count)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N articles per corpus")
    parser.add_argument(
        "--errors", type=int, default=0, metavar="N", help="print the N most frequent misses"
    )
    parser.add_argument("corpora", nargs="*", default=list(CORPORA), help="corpus names")
    args = parser.parse_args(argv)
    if not PEERS.is_dir():
        print(f"{PEERS} is absent: nothing to measure", file=sys.stderr)
        return 2
    print(f"# newsledger geoparsing eval — {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC")
    print(
        f"machine: {platform.node()} {platform.machine()} {platform.processor() or ''}"
        f" {os.cpu_count()} cpu, Python {platform.python_version()}"
    )
    for name in args.corpora:
        metrics, outcomes = evaluate_outcomes(name, args.limit)
        print_table(name, metrics)
        if args.errors:
            print_errors(outcomes, args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
