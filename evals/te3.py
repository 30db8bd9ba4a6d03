"""Measure the times stage on TempEval-3 platinum (TIMEX3 spans, types and values).

Reads the TimeML files of ``../shared/peers/te3-platinum`` (beside the repository), rebuilds
each document's plain text and its gold TIMEX3 spans as character offsets, runs our real
pipeline stages (entities for the parse, then times) with the document creation time as the
publication date, and scores strict and relaxed span P/R/F1, type and value accuracy on the
relaxed matches, and value F1 (a relaxed match with the gold value, over gold plus system
counts, as the TempEval-3 scorer's attribute F1). dateparser's ``search_dates`` is scored on the
same files as a side-by-side baseline. Run from the repository root::

    .venv/bin/python -m evals.te3

:func:`evaluate` returns the same figures for the eval gate (tests/evals/test_te3_gate.py).
This module only measures: the TE3 texts are never used to write or tune rules.
"""

from __future__ import annotations

import argparse
import hashlib
import platform
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_FOLDER = REPO_ROOT.parent / "shared" / "peers" / "te3-platinum"
SYSTEMS = ("newsledger", "dateparser")

# The official TempEval-3 figures for HeidelTime-t, the task's best value F1.
REFERENCE = "HeidelTime-t (UzZaman et al. 2013, SemEval-2013 Task 1, Table 4)"
REFERENCE_FIGURES = {"strict_f1": 0.8134, "relaxed_f1": 0.9030, "value_f1": 0.7761}


@dataclass(frozen=True, slots=True)
class Timex:
    """A time expression span with its TIMEX3 type and value (gold or system)."""

    start: int
    end: int
    type: str
    value: str | None


@dataclass(frozen=True, slots=True)
class TmlDocument:
    """One TimeML file: its plain text, the creation date and the gold expressions."""

    name: str
    text: str
    dct: date
    gold: tuple[Timex, ...]


class TmlError(ValueError):
    """A TimeML file that cannot be read as a TE3 document (names the file)."""


def _flatten(element: ET.Element, parts: list[str], gold: list[Timex], offset: int) -> int:
    """Append the text inside ``element`` to ``parts``, recording TIMEX3 spans; new offset."""
    if element.text:
        parts.append(element.text)
        offset += len(element.text)
    for child in element:
        start = offset
        offset = _flatten(child, parts, gold, offset)
        if child.tag == "TIMEX3":
            gold.append(Timex(start, offset, child.get("type", ""), child.get("value")))
        if child.tail:
            parts.append(child.tail)
            offset += len(child.tail)
    return offset


def read_tml(path: Path) -> TmlDocument:
    """Parse a TimeML 1.2.1 file: the TEXT element's plain text and its TIMEX3 offsets."""
    try:
        root = ET.parse(path).getroot()  # local gold files, not untrusted input
    except ET.ParseError as exc:
        raise TmlError(f"{path}: not well-formed TimeML ({exc})") from exc
    text_element = root.find("TEXT")
    creation = root.find(".//TIMEX3[@functionInDocument='CREATION_TIME']")
    if text_element is None or creation is None:
        raise TmlError(f"{path}: no TEXT element or no CREATION_TIME TIMEX3")
    try:
        dct = date.fromisoformat((creation.get("value") or "")[:10])
    except ValueError as exc:
        raise TmlError(f"{path}: creation time is not a date") from exc
    parts: list[str] = []
    gold: list[Timex] = []
    _flatten(text_element, parts, gold, 0)
    return TmlDocument(path.name, "".join(parts), dct, tuple(sorted(gold, key=lambda t: t.start)))


def gold_files(folder: Path) -> list[Path]:
    files = sorted(folder.glob("*.tml"))
    if not files:
        raise FileNotFoundError(f"{folder}: no .tml files")
    return files


def gold_digest(folder: Path) -> str:
    """sha256 over the gold files' names and bytes, so a changed gold set is noticed."""
    digest = hashlib.sha256()
    for path in gold_files(folder):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


# --- the systems ------------------------------------------------------------------------------


def newsledger_times(doc: TmlDocument) -> list[Timex]:
    """Our pipeline: the entities stage (spaCy parse) then the times stage."""
    from newsledger.model import Document, document_id
    from newsledger.pipeline.stage import Analysis
    from newsledger.stages.entities import EntitiesStage
    from newsledger.stages.times import TimesStage

    document = Document(
        id=document_id(doc.text), text=doc.text, language="en", published=doc.dct.isoformat()
    )
    analysis = Analysis(document=document)
    EntitiesStage().run(analysis)
    TimesStage().run(analysis)
    return [Timex(t.start, t.end, t.type, t.value) for t in analysis.times]


def dateparser_times(doc: TmlDocument) -> list[Timex]:
    """dateparser's search_dates: substrings located in order, values as days (no granularity)."""
    from dateparser.search import search_dates

    base = datetime(doc.dct.year, doc.dct.month, doc.dct.day)
    settings = {
        "RELATIVE_BASE": base,
        "PREFER_DATES_FROM": "current_period",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    found: Sequence[tuple[str, datetime]] = (
        search_dates(doc.text, languages=["en"], settings=settings) or []
    )
    times: list[Timex] = []
    cursor = 0
    for substring, moment in found:
        start = doc.text.find(substring, cursor)
        if start < 0:
            start = doc.text.find(substring)  # reported out of order: take its first occurrence
        if start < 0:
            continue
        cursor = start + len(substring)
        times.append(Timex(start, cursor, "DATE", moment.date().isoformat()))
    return times


# --- scoring ----------------------------------------------------------------------------------


@dataclass
class Counts:
    """Running totals over documents for one system."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_correct: int = 0
    value_correct: int = 0

    def add(self, gold: Sequence[Timex], system: Sequence[Timex]) -> None:
        self.gold += len(gold)
        self.system += len(system)
        exact = {(g.start, g.end) for g in gold}
        self.strict += len({(s.start, s.end) for s in system} & exact)
        for g, s in relaxed_matches(gold, system):
            self.relaxed += 1
            self.type_correct += g.type == s.type
            self.value_correct += g.value is not None and g.value == s.value

    def figures(self) -> dict[str, float | int]:
        def ratio(a: int, b: int) -> float:
            return a / b if b else 0.0

        def f1(p: float, r: float) -> float:
            return 2 * p * r / (p + r) if p + r else 0.0

        sp, sr = ratio(self.strict, self.system), ratio(self.strict, self.gold)
        rp, rr = ratio(self.relaxed, self.system), ratio(self.relaxed, self.gold)
        return {
            "strict_p": sp,
            "strict_r": sr,
            "strict_f1": f1(sp, sr),
            "relaxed_p": rp,
            "relaxed_r": rr,
            "relaxed_f1": f1(rp, rr),
            "type_acc": ratio(self.type_correct, self.relaxed),
            "value_acc": ratio(self.value_correct, self.relaxed),
            "value_f1": ratio(2 * self.value_correct, self.gold + self.system),
            "gold_n": self.gold,
            "system_n": self.system,
        }


def relaxed_matches(gold: Sequence[Timex], system: Sequence[Timex]) -> list[tuple[Timex, Timex]]:
    """One-to-one pairs of overlapping spans: exact matches first, then the largest overlaps."""
    pairs = [
        (min(g.end, s.end) - max(g.start, s.start), (g.start, g.end) == (s.start, s.end), i, j)
        for i, g in enumerate(gold)
        for j, s in enumerate(system)
        if g.start < s.end and s.start < g.end
    ]
    pairs.sort(key=lambda p: (not p[1], -p[0], p[2], p[3]))
    used_gold: set[int] = set()
    used_system: set[int] = set()
    matches = []
    for _overlap, _exact, i, j in pairs:
        if i in used_gold or j in used_system:
            continue
        used_gold.add(i)
        used_system.add(j)
        matches.append((gold[i], system[j]))
    return matches


Tagger = Callable[[TmlDocument], list[Timex]]
_TAGGERS: dict[str, Tagger] = {"newsledger": newsledger_times, "dateparser": dateparser_times}


def evaluate(folder: Path = DEFAULT_FOLDER, systems: Iterable[str] = SYSTEMS) -> dict[str, Any]:
    """Figures per system on every ``*.tml`` in ``folder``, plus the gold set's size and digest."""
    documents = [read_tml(path) for path in gold_files(folder)]
    result: dict[str, Any] = {
        "documents": len(documents),
        "gold_n": sum(len(d.gold) for d in documents),
        "digest": gold_digest(folder),
    }
    for system in systems:
        counts = Counts()
        for doc in documents:
            counts.add(doc.gold, _TAGGERS[system](doc))
        result[system] = counts.figures()
    return result


def format_table(result: dict[str, Any], systems: Iterable[str] = SYSTEMS) -> str:
    """The figures as a Markdown table, with when, where and the published reference."""
    columns = [
        ("strict P", "strict_p"),
        ("strict R", "strict_r"),
        ("strict F1", "strict_f1"),
        ("relaxed P", "relaxed_p"),
        ("relaxed R", "relaxed_r"),
        ("relaxed F1", "relaxed_f1"),
        ("type acc", "type_acc"),
        ("value acc", "value_acc"),
        ("value F1", "value_f1"),
        ("gold n", "gold_n"),
        ("system n", "system_n"),
    ]

    def cell(value: float | int | None) -> str:
        if value is None:
            return "–"
        return str(value) if isinstance(value, int) else f"{100 * value:.1f}"

    lines = [
        f"TempEval-3 platinum: {result['documents']} documents, {result['gold_n']} gold TIMEX3; "
        f"run {date.today().isoformat()} on {platform.platform()} "
        f"(Python {platform.python_version()})",
        "",
        "| system | " + " | ".join(name for name, _ in columns) + " |",
        "|---" * (len(columns) + 1) + "|",
    ]
    for system in systems:
        figures = result[system]
        lines.append(f"| {system} | " + " | ".join(cell(figures[k]) for _, k in columns) + " |")
    reference = [REFERENCE_FIGURES.get(key) for _, key in columns]
    lines.append(f"| {REFERENCE} | " + " | ".join(cell(v) for v in reference) + " |")
    lines += [
        "",
        "Figures in %. Value F1 = 2 × (relaxed match with the gold value) / (gold n + system n). "
        "dateparser has no types or granularity: every match is a DATE valued as a day.",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--system", choices=SYSTEMS, action="append", dest="systems")
    args = parser.parse_args(argv)
    systems = tuple(args.systems or SYSTEMS)
    try:
        result = evaluate(args.folder, systems)
    except (FileNotFoundError, TmlError) as exc:
        print(f"te3: {exc}", file=sys.stderr)
        return 2
    print(format_table(result, systems))
    return 0


if __name__ == "__main__":
    sys.exit(main())
