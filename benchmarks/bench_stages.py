"""Time per stage beside the spaCy floor, and the cold extract time of the founding example.

The spaCy floor is ``nlp(text)`` with the plain model: what any spaCy-based extractor pays. Each
stage's time is printed as a share of that floor (targets from the issues: times < 5%, places
< 10%, events < 15%, claims + contradictions < 20%). Articles: the founding example and the
English articles of ../shared/corpus (skipped where ../shared is absent); our own example always.
With ``--actors``/``--verbs`` the stages code with those caller dictionaries, as ``extract`` does.
Prints figures only.

    .venv/bin/python benchmarks/bench_stages.py
    .venv/bin/python benchmarks/bench_stages.py --verbs my.verbs.txt --actors my.actors.txt
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import time
from collections import defaultdict
from contextlib import ExitStack
from pathlib import Path

import spacy

from newsledger.ingest.batch import read_articles
from newsledger.model import Document
from newsledger.pipeline.default import default_stages
from newsledger.pipeline.stage import Analysis
from newsledger.resources.actors import using_actor_dictionary
from newsledger.resources.event_triggers import using_verb_dictionary
from newsledger.resources.petrarch_actors import read_actor_dictionary
from newsledger.resources.petrarch_verbs import read_verb_dictionary
from newsledger.stages.entities import model_name

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
REPEATS = 3


def documents() -> list[Document]:
    sources = [str(ROOT / "examples")]
    if SHARED.is_dir():
        sources.append(str(SHARED / "examples" / "seed-article.txt"))
    found = [d for d in read_articles(sources) if isinstance(d, Document)]
    corpus = SHARED / "corpus" / "articles.jsonl"
    if corpus.is_file():
        with corpus.open(encoding="utf-8") as f:
            english = [line for line in f if json.loads(line).get("language") == "en"]
        path = Path("/tmp/newsledger-bench-en.jsonl")
        path.write_text("".join(english), encoding="utf-8")
        found += [d for d in read_articles([str(path)]) if isinstance(d, Document)]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--actors", type=Path, help="a PETRARCH actors file to code with")
    parser.add_argument("--verbs", type=Path, help="a PETRARCH verbs file to code with")
    args = parser.parse_args()
    with ExitStack() as dictionaries:
        if args.actors is not None:
            dictionaries.enter_context(using_actor_dictionary(read_actor_dictionary(args.actors)))
        if args.verbs is not None:
            dictionaries.enter_context(using_verb_dictionary(read_verb_dictionary(args.verbs)))
        time_stages()
    if args.actors is None and args.verbs is None:
        time_cold_extract()


def time_stages() -> None:
    docs = documents()
    stages = default_stages()
    plain = spacy.load(model_name())
    stage_seconds: dict[str, float] = defaultdict(float)
    floor = 0.0
    words = sum(len(d.text.split()) for d in docs)
    for doc in docs:  # warm-up: model loads, gazetteer opens
        analysis = Analysis(document=doc)
        for stage in stages:
            stage.run(analysis)
    for doc in docs:
        start = time.perf_counter()
        for _ in range(REPEATS):
            plain(doc.text)
        floor += (time.perf_counter() - start) / REPEATS
        for _ in range(REPEATS):
            analysis = Analysis(document=doc)
            for stage in stages:
                start = time.perf_counter()
                stage.run(analysis)
                stage_seconds[stage.name] += (time.perf_counter() - start) / REPEATS

    print(
        f"{len(docs)} articles, {words:,} words; {platform.processor() or platform.machine()}, "
        f"{sys.version.split()[0]}"
    )
    print(f"{'stage':<16}{'seconds':>10}{'ms/article':>12}{'% of spaCy floor':>18}")
    print(f"{'spaCy floor':<16}{floor:>10.3f}{1000 * floor / len(docs):>12.1f}{100.0:>17.1f}%")
    for name, seconds in stage_seconds.items():
        share = 100 * seconds / floor
        print(f"{name:<16}{seconds:>10.3f}{1000 * seconds / len(docs):>12.1f}{share:>17.1f}%")
    total = sum(stage_seconds.values())
    print(
        f"{'all stages':<16}{total:>10.3f}{1000 * total / len(docs):>12.1f}"
        f"{100 * total / floor:>17.1f}%   ({words / total:,.0f} words/s)"
    )


def time_cold_extract() -> None:
    seed = SHARED / "examples" / "seed-article.txt"
    target = seed if seed.is_file() else ROOT / "examples" / "kharkiv-strike.txt"
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "newsledger.cli", "extract", str(target), "--format", "json"],
        check=True,
        capture_output=True,
    )
    print(
        f"cold `newsledger extract {target.name}` (process start, model load, extract): "
        f"{time.perf_counter() - start:.2f} s"
    )


if __name__ == "__main__":
    main()
