"""Measure the events stage against our own events gold set (evals/gold/events, issue 6).

For each gold article the text and publication date come from ``../shared/corpus/articles.jsonl``
(beside the repository); the article goes through the real default pipeline as a
``model.Document(language="en", published=<published or None>)`` and its events are scored
against the gold events. Our events carry their sentence (``start``/``end``) and their trigger
words (``trigger``). At sentence level a system event *matches* a gold event when the gold
trigger span lies inside the system event's sentence span and the PLOVER types are equal; at
trigger level, when our trigger overlaps the gold trigger phrase and the types are equal.
Matching is one-to-one and greedy over the candidate pairs, preferring pairs whose actor
countries agree, then pairs whose dates count as right, then the earlier gold and system event.
Reported: event P/R/F1 with the correct type; among matches, the accuracy of actor country,
target country, place, date and aux; and the issue 6 headline, event F1 with correct type,
actor country and date. Everything is computed in three views: all events and events that
happened (auxiliary mode negation, hypothetical or future left out on both sides), both at
sentence level, and all events at trigger level. Run from the repository root (``--errors``
also lists misses, spurious events and wrong actors or dates)::

    .venv/bin/python -m evals.events [--errors]

:func:`evaluate` returns the same figures for the eval gate (tests/evals/test_events_gate.py).
This module only measures: the gold set is never used to write or tune rules.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import platform
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsledger.model import Record

REPO_ROOT = Path(__file__).resolve().parents[1]
GOLD_FILE = REPO_ROOT / "evals" / "gold" / "events" / "events.jsonl"
CORPUS_FILE = REPO_ROOT.parent / "shared" / "corpus" / "articles.jsonl"

# Auxiliary modes of events that did not happen (RECORD.md); "historical" events did happen.
UNREAL_AUX = frozenset({"negation", "hypothetical", "future"})
TYPES = (
    "ASSAULT",
    "ACCUSE",
    "CONSULT",
    "REQUEST",
    "THREATEN",
    "COERCE",
    "RETREAT",
    "AID",
    "AGREE",
    "PROTEST",
    "SUPPORT",
    "SANCTION",
    "MOBILIZE",
    "REJECT",
    "COOPERATE",
    "CONCEDE",
)
TARGET_F1 = 0.70  # issue 6: own gold event F1 with correct type, actor and date
# "trigger": all events, matched at the trigger instead of the sentence (Event.trigger).
VIEWS = ("all", "happened", "trigger")


class GoldError(ValueError):
    """A gold or corpus file that cannot be read as expected (names the file and line)."""


@dataclass(frozen=True, slots=True)
class ScoredEvent:
    """The fields of one event that are scored, gold or system, in a common shape.

    ``start``/``end`` are the gold trigger or the system sentence. ``place`` is a place name.
    ``target_country`` is meaningful only when ``has_target``. ``date_source`` is None for gold.
    """

    start: int
    end: int
    type: str
    actor_country: str | None
    has_target: bool
    target_country: str | None
    place: str | None
    date: str | None
    date_source: str | None
    aux: str | None
    # The system event's trigger words (Event.trigger); None for gold, whose start/end are
    # already the trigger, and for events without one.
    trigger: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    text: str
    published: str | None
    events: tuple[ScoredEvent, ...]


# --- reading ----------------------------------------------------------------------------------


def gold_digest(path: Path = GOLD_FILE) -> str:
    """sha256 of the gold file's bytes, so a changed gold set is noticed."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _gold_event(raw: dict[str, Any]) -> ScoredEvent:
    target = raw.get("target")
    return ScoredEvent(
        start=int(raw["start"]),
        end=int(raw["end"]),
        type=str(raw["type"]),
        actor_country=raw["actor"].get("country"),
        has_target=target is not None,
        target_country=target.get("country") if target is not None else None,
        place=raw.get("place"),
        date=raw.get("date"),
        date_source=None,
        aux=raw.get("aux"),
    )


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise GoldError(f"{path}:{number}: not JSON ({exc})") from exc
    return rows


def read_gold(gold_file: Path = GOLD_FILE, corpus_file: Path = CORPUS_FILE) -> list[GoldArticle]:
    """The gold articles in the gold file's order, with text and date from the corpus."""
    corpus = {row["id"]: row for row in _read_jsonl(corpus_file)}
    articles: list[GoldArticle] = []
    for row in _read_jsonl(gold_file):
        article = corpus.get(row["id"])
        if article is None:
            raise GoldError(f"{gold_file}: article {row['id']!r} is not in {corpus_file}")
        events = tuple(_gold_event(raw) for raw in row["events"])
        articles.append(GoldArticle(row["id"], article["text"], article.get("published"), events))
    return articles


# --- the system -------------------------------------------------------------------------------


def run_pipeline(article: GoldArticle) -> Record:
    """The real default pipeline on the article, as the CLI would run it."""
    from newsledger.model import Document, document_id
    from newsledger.pipeline.default import default_pipeline

    document = Document(
        id=document_id(article.text),
        text=article.text,
        language="en",
        published=article.published or None,
    )
    return default_pipeline().run(document)


def system_events(record: Record) -> list[ScoredEvent]:
    """The record's events in the scored shape, place ids resolved to the places' names."""
    place_names = {place.id: place.name for place in record.places}
    return [
        ScoredEvent(
            start=event.start,
            end=event.end,
            type=event.type,
            actor_country=event.actor.country,
            has_target=event.target is not None,
            target_country=event.target.country if event.target is not None else None,
            place=place_names.get(event.place) if event.place is not None else None,
            date=event.date,
            date_source=event.date_source,
            aux=event.aux,
            trigger=(event.trigger.start, event.trigger.end) if event.trigger else None,
        )
        for event in record.events
    ]


# --- scoring ----------------------------------------------------------------------------------


def date_right(gold: ScoredEvent, system: ScoredEvent) -> bool:
    """Exact date; a gold date of null is right when ours is null or only the publication date."""
    if gold.date is None:
        return system.date is None or system.date_source == "published"
    return gold.date == system.date


def place_right(gold: ScoredEvent, system: ScoredEvent) -> bool:
    if gold.place is None or system.place is None:
        return gold.place is None and system.place is None
    return gold.place.casefold() == system.place.casefold()


def target_right(gold: ScoredEvent, system: ScoredEvent) -> bool:
    return system.has_target and gold.target_country == system.target_country


def _located(gold: ScoredEvent, system: ScoredEvent, level: str) -> bool:
    """Sentence level: the gold trigger inside the system event's sentence. Trigger level: the
    system trigger overlaps the gold trigger phrase."""
    if level == "trigger":
        return system.trigger is not None and (
            system.trigger[0] < gold.end and gold.start < system.trigger[1]
        )
    return system.start <= gold.start and gold.end <= system.end


def match_events(
    gold: Sequence[ScoredEvent], system: Sequence[ScoredEvent], level: str = "sentence"
) -> list[tuple[ScoredEvent, ScoredEvent]]:
    """One-to-one pairs: the gold trigger inside the system sentence (or, at ``level``
    "trigger", overlapping the system trigger), and the same type.

    Greedy over the candidate pairs, taking first those whose actor countries agree, then those
    whose dates count as right (so the headline figure is not lost to an arbitrary pairing
    when one sentence has several events of a type), then the earlier gold and system event.
    """
    candidates = [
        (g.actor_country != s.actor_country, not date_right(g, s), i, j)
        for i, g in enumerate(gold)
        for j, s in enumerate(system)
        if g.type == s.type and _located(g, s, level)
    ]
    candidates.sort()
    used_gold: set[int] = set()
    used_system: set[int] = set()
    pairs: list[tuple[ScoredEvent, ScoredEvent]] = []
    for _country_differs, _date_wrong, i, j in candidates:
        if i in used_gold or j in used_system:
            continue
        used_gold.add(i)
        used_system.add(j)
        pairs.append((gold[i], system[j]))
    return pairs


@dataclass
class Counts:
    """Running totals over articles for one view (all events, or happened events only)."""

    gold: int = 0
    system: int = 0
    matched: int = 0
    actor_right: int = 0
    with_target: int = 0
    target_right: int = 0
    place_right: int = 0
    dated: int = 0
    date_exact: int = 0
    aux_right: int = 0
    headline: int = 0

    def add(
        self, gold: Sequence[ScoredEvent], system: Sequence[ScoredEvent], level: str = "sentence"
    ) -> None:
        self.gold += len(gold)
        self.system += len(system)
        for g, s in match_events(gold, system, level):
            self.matched += 1
            actor = g.actor_country == s.actor_country
            self.actor_right += actor
            if g.has_target:
                self.with_target += 1
                self.target_right += target_right(g, s)
            self.place_right += place_right(g, s)
            if g.date is not None:
                self.dated += 1
                self.date_exact += g.date == s.date
            self.aux_right += g.aux == s.aux
            self.headline += actor and date_right(g, s)

    def figures(self) -> dict[str, float | int]:
        def ratio(a: int, b: int) -> float:
            return a / b if b else 0.0

        def f1(p: float, r: float) -> float:
            return 2 * p * r / (p + r) if p + r else 0.0

        precision, recall = ratio(self.matched, self.system), ratio(self.matched, self.gold)
        head_p, head_r = ratio(self.headline, self.system), ratio(self.headline, self.gold)
        return {
            "precision": precision,
            "recall": recall,
            "f1": f1(precision, recall),
            "actor_acc": ratio(self.actor_right, self.matched),
            "target_acc": ratio(self.target_right, self.with_target),
            "place_acc": ratio(self.place_right, self.matched),
            "date_acc": ratio(self.date_exact, self.dated),
            "aux_acc": ratio(self.aux_right, self.matched),
            "headline_p": head_p,
            "headline_r": head_r,
            "headline_f1": f1(head_p, head_r),
            "gold_n": self.gold,
            "system_n": self.system,
            "matched_n": self.matched,
            "with_target_n": self.with_target,
            "dated_n": self.dated,
            "headline_n": self.headline,
        }


def happened(events: Iterable[ScoredEvent]) -> list[ScoredEvent]:
    return [event for event in events if event.aux not in UNREAL_AUX]


def error_lines(article: GoldArticle, system: Sequence[ScoredEvent]) -> list[str]:
    """The article's misses, spurious events and headline failures, one line each, for
    reading error categories (``--errors``)."""
    pairs = match_events(article.events, system)
    matched_gold = {id(g) for g, _s in pairs}
    matched_system = {id(s) for _g, s in pairs}
    lines = []

    def quote(start: int, end: int, limit: int = 90) -> str:
        return " ".join(article.text[start:end].split())[:limit]

    for g in article.events:
        if id(g) in matched_gold:
            continue
        same_sentence = [
            s.type
            for s in system
            if s.start <= g.start and g.end <= s.end and id(s) not in matched_system
        ]
        lines.append(
            f"MISS {g.type:9} actor={g.actor_country} date={g.date} aux={g.aux} "
            f"[{quote(g.start, g.end)}] sentence-has={same_sentence}"
        )
    for s in system:
        if id(s) not in matched_system:
            lines.append(
                f"SPUR {s.type:9} actor={s.actor_country} date={s.date} aux={s.aux} "
                f"[{quote(s.start, s.end)}]"
            )
    for g, s in pairs:
        problems = []
        if g.actor_country != s.actor_country:
            problems.append(f"actor {s.actor_country}≠{g.actor_country}")
        if not date_right(g, s):
            problems.append(f"date {s.date}({s.date_source})≠{g.date}")
        if g.has_target and not target_right(g, s):
            ours = s.target_country if s.has_target else "none"
            problems.append(f"target {ours}≠{g.target_country}")
        if not place_right(g, s):
            problems.append(f"place {s.place}≠{g.place}")
        if g.aux != s.aux:
            problems.append(f"aux {s.aux}≠{g.aux}")
        if problems:
            lines.append(f"HEAD {g.type:9} {'; '.join(problems)} [{quote(g.start, g.end)}]")
    return [f"{article.id[:40]} {line}" for line in lines]


def evaluate(
    gold_file: Path = GOLD_FILE,
    corpus_file: Path = CORPUS_FILE,
    errors: list[str] | None = None,
) -> dict[str, Any]:
    """Figures for both views, per-type and per-aux counts, and the gold set's size and digest;
    with ``errors``, the error lines of every article are appended to it."""
    articles = read_gold(gold_file, corpus_file)
    counts = {view: Counts() for view in VIEWS}
    gold_types: Counter[str] = Counter()
    system_types: Counter[str] = Counter()
    matched_types: Counter[str] = Counter()
    system_aux: Counter[str] = Counter()
    for article in articles:
        system = system_events(run_pipeline(article))
        if errors is not None:
            errors.extend(error_lines(article, system))
        counts["all"].add(article.events, system)
        counts["happened"].add(happened(article.events), happened(system))
        counts["trigger"].add(article.events, system, "trigger")
        gold_types.update(event.type for event in article.events)
        system_types.update(event.type for event in system)
        matched_types.update(g.type for g, _s in match_events(article.events, system))
        system_aux.update(event.aux or "none" for event in system)
    return {
        "documents": len(articles),
        "gold_n": sum(len(article.events) for article in articles),
        "digest": gold_digest(gold_file),
        "all": counts["all"].figures(),
        "happened": counts["happened"].figures(),
        "trigger": counts["trigger"].figures(),
        "types": {
            name: {
                "gold": gold_types[name],
                "system": system_types[name],
                "matched": matched_types[name],
            }
            for name in TYPES
        },
        "system_aux": dict(sorted(system_aux.items())),
    }


# --- the table --------------------------------------------------------------------------------


def _cell(value: float | int) -> str:
    return str(value) if isinstance(value, int) else f"{100 * value:.1f}"


def format_table(result: dict[str, Any]) -> str:
    """The figures as Markdown tables, with when, where and the issue 6 target."""
    columns = [
        ("P", "precision"),
        ("R", "recall"),
        ("F1", "f1"),
        ("actor acc", "actor_acc"),
        ("target acc", "target_acc"),
        ("place acc", "place_acc"),
        ("date acc", "date_acc"),
        ("aux acc", "aux_acc"),
        ("type+actor+date F1", "headline_f1"),
        ("gold n", "gold_n"),
        ("system n", "system_n"),
        ("matched n", "matched_n"),
    ]
    lines = [
        f"Events gold (evals/gold/events): {result['documents']} articles, {result['gold_n']} "
        f"gold events; run {date.today().isoformat()} on {platform.platform()} "
        f"(Python {platform.python_version()})",
        "",
        "| view | " + " | ".join(name for name, _ in columns) + " |",
        "|---" * (len(columns) + 1) + "|",
    ]
    for view in VIEWS:
        figures = result[view]
        lines.append(f"| {view} | " + " | ".join(_cell(figures[k]) for _, k in columns) + " |")
    headline = result["all"]["headline_f1"]
    met = "met" if headline >= TARGET_F1 else "not met"
    lines += [
        "",
        f"Issue 6 target: event F1 with correct type, actor and date ≥ {100 * TARGET_F1:.0f} "
        f"(all events: {_cell(headline)}, {met}; happened only: "
        f"{_cell(result['happened']['headline_f1'])}).",
        "",
        "| type | gold | system | matched |",
        "|---|---:|---:|---:|",
    ]
    for name, row in result["types"].items():
        lines.append(f"| {name} | {row['gold']} | {row['system']} | {row['matched']} |")
    aux = ", ".join(f"{name} {n}" for name, n in result["system_aux"].items())
    lines += [
        "",
        f"System events by aux: {aux}.",
        "",
        "Figures in %. A match: the gold trigger inside our event's sentence and the same PLOVER "
        "type, one-to-one. P = matched / system n, R = matched / gold n. Accuracies are over "
        "matches (target: where gold has a target; date: exact string, where gold has a date). "
        "The headline counts a match only when actor country and date are right too (a gold date "
        "of null is right when ours is null or the publication date). 'happened' leaves out "
        "negation, hypothetical and future events on both sides. 'trigger' matches all events "
        "by trigger overlap (our trigger words overlap the gold trigger phrase) instead of "
        "the sentence.",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--gold", type=Path, default=GOLD_FILE)
    parser.add_argument("--corpus", type=Path, default=CORPUS_FILE)
    parser.add_argument(
        "--errors",
        action="store_true",
        help="also list misses (MISS), spurious events (SPUR) and matches with a wrong actor, "
        "date, target, place or aux (HEAD)",
    )
    args = parser.parse_args(argv)
    errors: list[str] | None = [] if args.errors else None
    try:
        result = evaluate(args.gold, args.corpus, errors)
    except (FileNotFoundError, GoldError) as exc:
        print(f"events: {exc}", file=sys.stderr)
        return 2
    print(format_table(result))
    if errors is not None:
        print("\n" + "\n".join(errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
