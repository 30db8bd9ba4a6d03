"""Measure the claims and contradictions stages on our own claims gold set (issue 5).

Reads ``evals/gold/claims/claims.jsonl`` (16 articles of ``../shared/corpus/articles.jsonl``,
annotated before any tuning) and runs the real default pipeline on each article's text, as a
``model.Document`` with the corpus ``published`` date, ``language="en"`` and no title. Our ingest
cleaning is not applied, so system offsets and gold offsets index the same text. System claims are
matched one-to-one to gold claims by span overlap (largest overlap first; a pair needs an overlap
of at least half the shorter span), and the script prints claim span P/R/F1, speaker F1, stance,
kind and date accuracy on the matches, contradiction recall and the stance confusion counts, with
the issue 5 targets beside them. Run from the repository root::

    .venv/bin/python -m evals.claims

:func:`evaluate` returns the same figures for the eval gate (tests/evals/test_claims_gate.py).
This module only measures: no rule or threshold is written or tuned from the gold articles.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import platform
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from newsledger.model import Record, Speaker

REPO_ROOT = Path(__file__).resolve().parents[1]
GOLD_FILE = REPO_ROOT / "evals" / "gold" / "claims" / "claims.jsonl"
DEFAULT_SHARED = REPO_ROOT.parent / "shared"
CORPUS = Path("corpus") / "articles.jsonl"  # inside the shared folder
STANCES = ("assert", "deny", "accuse", "evade", "other")

# A system claim and a gold claim match when their overlap covers this share of the shorter span.
MIN_OVERLAP_SHARE = 0.5

# Issue 5's acceptance targets and the one published peer figure we compare with.
TARGETS = {"speaker_f1": 0.85, "stance_acc": 0.85}
PEER = "citron (BBC R&D), published speaker F1 on direct quotes"
PEER_FIGURES = {"speaker_f1_direct": 0.82}


@dataclass(frozen=True, slots=True)
class GoldClaim:
    """One annotated claim: span, speaker (name and mention), kind, stance and date."""

    start: int
    end: int
    kind: str
    speaker: str
    speaker_start: int | None
    speaker_end: int | None
    stance: str
    date: str | None


@dataclass(frozen=True, slots=True)
class GoldContradiction:
    """Indexes into the article's gold claims: assert/accuse side against the deny side."""

    claims_for: tuple[int, ...]
    claims_against: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    claims: tuple[GoldClaim, ...]
    contradictions: tuple[GoldContradiction, ...]


class GoldError(ValueError):
    """The gold file or the corpus cannot be read as expected (names the file and the id)."""


def read_gold(path: Path = GOLD_FILE) -> list[GoldArticle]:
    articles = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            claims = tuple(
                GoldClaim(
                    c["start"],
                    c["end"],
                    c["kind"],
                    c["speaker"],
                    c["speaker_start"],
                    c["speaker_end"],
                    c["stance"],
                    c["date"],
                )
                for c in row["claims"]
            )
            contradictions = tuple(
                GoldContradiction(tuple(c["for"]), tuple(c["against"]))
                for c in row["contradictions"]
            )
            articles.append(GoldArticle(row["id"], claims, contradictions))
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise GoldError(f"{path}:{number}: not a gold claims line ({exc!r})") from exc
    if not articles:
        raise GoldError(f"{path}: no articles")
    return articles


def gold_digest(path: Path = GOLD_FILE) -> str:
    """sha256 of the gold file's bytes, so a changed gold set is noticed by the gate."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_corpus(shared: Path, ids: set[str]) -> dict[str, dict[str, Any]]:
    """The corpus rows (text, published) of the wanted ids; every id must be there."""
    path = shared / CORPUS
    if not path.is_file():
        raise FileNotFoundError(f"{path}: corpus file missing")
    rows: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldError(f"{path}:{number}: not a JSON line ({exc})") from exc
            if row.get("id") in ids:
                rows[row["id"]] = row
    missing = sorted(ids - rows.keys())
    if missing:
        raise GoldError(f"{path}: gold ids missing from the corpus: {missing}")
    return rows


def run_system(text: str, published: str | None) -> Record:
    """The real default pipeline on the raw corpus text (no ingest cleaning: offsets agree)."""
    from newsledger.model import Document, document_id
    from newsledger.pipeline.default import default_pipeline

    document = Document(
        id=document_id(text), text=text, language="en", published=published, title=None
    )
    return default_pipeline().run(document)


# --- matching ---------------------------------------------------------------------------------


def span_matches(
    gold: Sequence[tuple[int, int]], system: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """One-to-one (gold index, system index) pairs: largest overlap first, and only pairs whose
    overlap is at least MIN_OVERLAP_SHARE of the shorter of the two spans."""
    candidates = []
    for i, (g_start, g_end) in enumerate(gold):
        for j, (s_start, s_end) in enumerate(system):
            overlap = min(g_end, s_end) - max(g_start, s_start)
            shorter = min(g_end - g_start, s_end - s_start)
            if overlap > 0 and overlap >= MIN_OVERLAP_SHARE * shorter:
                candidates.append((-overlap, i, j))
    candidates.sort()
    used_gold: set[int] = set()
    used_system: set[int] = set()
    pairs = []
    for _overlap, i, j in candidates:
        if i not in used_gold and j not in used_system:
            used_gold.add(i)
            used_system.add(j)
            pairs.append((i, j))
    return pairs


_LEADING_THE = re.compile(r"^the\s+")
_UNITED_STATES = re.compile(r"\b(?:u\.s\.(?=\s|$)|u\.s\b|us\b)")
_SPACES = re.compile(r"\s+")


def normalize_name(name: str) -> str:
    """Casefolded, NFKC, curly apostrophes straightened, white space collapsed, no leading "the",
    accents dropped: "Antonio Guterres" as the text writes it is the gold's "António Guterres"
    (the same name; the gold's canonical spelling is not in the text)."""
    decomposed = unicodedata.normalize("NFKD", name)
    unaccented = "".join(c for c in decomposed if not unicodedata.combining(c))
    folded = unicodedata.normalize("NFKC", unaccented).replace("’", "'").casefold()
    # "US military" and "U.S. military" are the gold's "United States military": one name.
    folded = _UNITED_STATES.sub("united states", folded)
    return _LEADING_THE.sub("", _SPACES.sub(" ", folded).strip())


def speaker_is_right(
    gold: GoldClaim, system_speaker: Speaker, record: Record, text: str | None = None
) -> bool:
    """Right when the names agree after normalization, or when a mention of the system speaker's
    entity overlaps the gold speaker mention (so "Zelensky" resolved to the entity of "he" counts
    when the gold mention is that "he" and the entity holds it).

    With ``text`` (the lenient diagnostic, not the issue 5 measure) a system name equal to the
    gold mention as written also counts: the gold gives canonical names ("Russian Ministry of
    Defense" for "the ministry"), which a speaker with no entity cannot reach by name."""
    if normalize_name(system_speaker.name) == normalize_name(gold.speaker):
        return True
    if text is not None and gold.speaker_start is not None and gold.speaker_end is not None:
        written = text[gold.speaker_start : gold.speaker_end]
        if normalize_name(system_speaker.name) == normalize_name(written):
            return True
    if system_speaker.entity is None or gold.speaker_start is None or gold.speaker_end is None:
        return False
    for entity in record.entities:
        if entity.id == system_speaker.entity:
            # The speaker's entity is the gold speaker when it holds the gold mention, or when
            # one of its mentions is the gold canonical name written out ("he" resolved to the
            # entity of "Volodymyr Zelensky", named "Zelenskyy" by its first mention).
            return any(
                (m.start < gold.speaker_end and gold.speaker_start < m.end)
                or normalize_name(m.text) == normalize_name(gold.speaker)
                for m in entity.mentions
            )
    return False


# --- scoring ----------------------------------------------------------------------------------


@dataclass
class Counts:
    """Running totals over articles."""

    gold: int = 0
    system: int = 0
    matched: int = 0
    speaker_correct: int = 0
    speaker_lenient_correct: int = 0
    stance_correct: int = 0
    kind_correct: int = 0
    dated: int = 0  # matched pairs whose gold date is not null
    date_correct: int = 0
    direct_gold: int = 0
    direct_system: int = 0
    direct_speaker_correct: int = 0
    gold_contradictions: int = 0
    found_contradictions: int = 0
    system_contradictions: int = 0
    right_system_contradictions: int = 0  # system contradictions that find a gold one
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, article: GoldArticle, record: Record, text: str) -> None:
        gold, system = article.claims, record.claims
        self.gold += len(gold)
        self.system += len(system)
        pairs = span_matches([(g.start, g.end) for g in gold], [(s.start, s.end) for s in system])
        self.matched += len(pairs)
        for i, j in pairs:
            g, s = gold[i], system[j]
            self.speaker_correct += speaker_is_right(g, s.speaker, record)
            self.speaker_lenient_correct += speaker_is_right(g, s.speaker, record, text)
            self.stance_correct += g.stance == s.stance
            self.kind_correct += g.kind == s.kind
            self.confusion[(g.stance, s.stance)] += 1
            if g.date is not None:
                self.dated += 1
                self.date_correct += g.date == s.date
        self._add_direct(gold, record)
        self._add_contradictions(article, record, pairs)

    def _add_direct(self, gold: Sequence[GoldClaim], record: Record) -> None:
        """Speaker F1 on direct quotes only (gold direct vs system direct), citron's measure."""
        gold_direct = [g for g in gold if g.kind == "direct"]
        system_direct = [s for s in record.claims if s.kind == "direct"]
        self.direct_gold += len(gold_direct)
        self.direct_system += len(system_direct)
        pairs = span_matches(
            [(g.start, g.end) for g in gold_direct], [(s.start, s.end) for s in system_direct]
        )
        self.direct_speaker_correct += sum(
            speaker_is_right(gold_direct[i], system_direct[j].speaker, record) for i, j in pairs
        )

    def _add_contradictions(
        self, article: GoldArticle, record: Record, pairs: Sequence[tuple[int, int]]
    ) -> None:
        """A gold contradiction is found when one system contradiction has, on opposite sides,
        a claim matched to one of its ``for`` claims and one matched to one of its ``against``."""
        system_id = {i: record.claims[j].id for i, j in pairs}
        self.gold_contradictions += len(article.contradictions)
        self.system_contradictions += len(record.contradictions)
        right: set[str] = set()
        for contradiction in article.contradictions:
            ids_for = {system_id[i] for i in contradiction.claims_for if i in system_id}
            ids_against = {system_id[i] for i in contradiction.claims_against if i in system_id}
            finding = {
                c.id
                for c in record.contradictions
                if (ids_for & set(c.claims_for) and ids_against & set(c.claims_against))
                or (ids_for & set(c.claims_against) and ids_against & set(c.claims_for))
            }
            self.found_contradictions += bool(finding)
            right |= finding
        self.right_system_contradictions += len(right)

    def figures(self) -> dict[str, float | int]:
        def ratio(a: int, b: int) -> float:
            return a / b if b else 0.0

        precision, recall = ratio(self.matched, self.system), ratio(self.matched, self.gold)
        return {
            "span_p": precision,
            "span_r": recall,
            "span_f1": ratio(2 * self.matched, self.gold + self.system),
            "speaker_f1": ratio(2 * self.speaker_correct, self.gold + self.system),
            "speaker_f1_lenient": ratio(2 * self.speaker_lenient_correct, self.gold + self.system),
            "speaker_f1_direct": ratio(
                2 * self.direct_speaker_correct, self.direct_gold + self.direct_system
            ),
            "stance_acc": ratio(self.stance_correct, self.matched),
            "kind_acc": ratio(self.kind_correct, self.matched),
            "date_acc": ratio(self.date_correct, self.dated),
            "contradiction_recall": ratio(self.found_contradictions, self.gold_contradictions),
            "contradiction_precision": ratio(
                self.right_system_contradictions, self.system_contradictions
            ),
            "gold_n": self.gold,
            "system_n": self.system,
            "matched_n": self.matched,
            "speaker_correct_n": self.speaker_correct,
            "speaker_lenient_correct_n": self.speaker_lenient_correct,
            "stance_correct_n": self.stance_correct,
            "kind_correct_n": self.kind_correct,
            "dated_n": self.dated,
            "date_correct_n": self.date_correct,
            "direct_gold_n": self.direct_gold,
            "direct_system_n": self.direct_system,
            "direct_speaker_correct_n": self.direct_speaker_correct,
            "gold_contradictions_n": self.gold_contradictions,
            "found_contradictions_n": self.found_contradictions,
            "system_contradictions_n": self.system_contradictions,
            "right_system_contradictions_n": self.right_system_contradictions,
        }


def evaluate(
    shared_dir: Path = DEFAULT_SHARED,
    gold_file: Path = GOLD_FILE,
    errors: list[str] | None = None,
) -> dict[str, Any]:
    """Figures over every gold article, the stance confusion counts and the gold digest.

    With ``errors`` (a list), one line per mismatch is appended to it (see :func:`list_errors`).
    """
    articles = read_gold(gold_file)
    corpus = read_corpus(shared_dir, {a.id for a in articles})
    counts = Counts()
    for article in articles:
        row = corpus[article.id]
        record = run_system(row["text"], row.get("published"))
        counts.add(article, record, row["text"])
        if errors is not None:
            errors.extend(list_errors(article, record, row["text"]))
    return {
        "articles": len(articles),
        "digest": gold_digest(gold_file),
        "figures": counts.figures(),
        "confusion": {f"{g}->{s}": n for (g, s), n in sorted(counts.confusion.items())},
    }


# --- error listing (diagnostics for developers; not part of the figures) ---------------------


def _context(text: str, start: int, end: int, words: int = 12) -> str:
    """The first words of a span, on one line."""
    shown = " ".join(text[start:end].split()[:words])
    return shown + (" …" if len(text[start:end].split()) > words else "")


def _written(text: str, start: int | None, end: int | None) -> str:
    return "-" if start is None or end is None else " ".join(text[start:end].split())


def list_errors(article: GoldArticle, record: Record, text: str) -> list[str]:
    """One tab-separated line per mismatch, the category first, so ``sort | uniq -c`` and
    ``grep`` can count them: ``speaker`` (gold name [mention as written] vs ours), ``stance``,
    ``kind``, ``date``, ``missed`` (gold claim without a match), ``spurious`` (system claim
    without a match), ``contradiction`` (gold contradiction not found)."""
    gold, system = article.claims, record.claims
    pairs = span_matches([(g.start, g.end) for g in gold], [(s.start, s.end) for s in system])
    short_id = article.id[:40]
    lines = []
    for i, j in pairs:
        g, s = gold[i], system[j]
        context = _context(text, g.start, g.end)
        if not speaker_is_right(g, s.speaker, record):
            mention = _written(text, g.speaker_start, g.speaker_end)
            lines.append(
                f"speaker\t{short_id}\tgold {g.speaker!r} [{mention}] vs ours "
                f"{s.speaker.name!r} (entity {s.speaker.entity}) cue {s.cue!r}\t{g.kind}\t{context}"
            )
        if g.stance != s.stance:
            lines.append(f"stance\t{short_id}\t{g.stance}->{s.stance} cue {s.cue!r}\t{context}")
        if g.kind != s.kind:
            lines.append(f"kind\t{short_id}\t{g.kind}->{s.kind}\t{context}")
        if g.date is not None and g.date != s.date:
            lines.append(f"date\t{short_id}\t{g.date} vs {s.date} ({s.date_source})\t{context}")
    matched_gold = {i for i, _ in pairs}
    matched_system = {j for _, j in pairs}
    for i, g in enumerate(gold):
        if i not in matched_gold:
            lines.append(
                f"missed\t{short_id}\t{g.kind} {g.stance} {g.speaker!r}\t"
                f"{_context(text, g.start, g.end)}"
            )
    for j, s in enumerate(system):
        if j not in matched_system:
            lines.append(
                f"spurious\t{short_id}\t{s.kind} {s.stance} {s.speaker.name!r}\t"
                f"{_context(text, s.start, s.end)}"
            )
    system_id = {i: system[j].id for i, j in pairs}
    for contradiction in article.contradictions:
        ids_for = {system_id[i] for i in contradiction.claims_for if i in system_id}
        ids_against = {system_id[i] for i in contradiction.claims_against if i in system_id}
        found = any(
            (ids_for & set(c.claims_for) and ids_against & set(c.claims_against))
            or (ids_for & set(c.claims_against) and ids_against & set(c.claims_for))
            for c in record.contradictions
        )
        if not found:
            first_for = gold[contradiction.claims_for[0]]
            first_against = gold[contradiction.claims_against[0]]
            against_words = _context(text, first_against.start, first_against.end, 8)
            lines.append(
                f"contradiction\t{short_id}\tfor {first_for.speaker!r} "
                f"{_context(text, first_for.start, first_for.end, 8)}\tagainst "
                f"{first_against.speaker!r} {against_words}"
                f"\tmatched for {sorted(ids_for)} against {sorted(ids_against)}; system "
                f"{[(c.claims_for, c.claims_against) for c in record.contradictions]}"
            )
    return lines


def format_table(result: dict[str, Any]) -> str:
    """The figures as Markdown tables, with when, where, the targets and the peer figure."""
    f = result["figures"]
    rows = [
        ("claim span P", "span_p", f"{f['matched_n']} / {f['system_n']} system"),
        ("claim span R", "span_r", f"{f['matched_n']} / {f['gold_n']} gold"),
        ("claim span F1", "span_f1", ""),
        (
            "speaker F1",
            "speaker_f1",
            f"2×{f['speaker_correct_n']} / ({f['gold_n']}+{f['system_n']})",
        ),
        (
            "speaker F1, lenient (name = gold mention as written)",
            "speaker_f1_lenient",
            f"2×{f['speaker_lenient_correct_n']} / ({f['gold_n']}+{f['system_n']})",
        ),
        (
            "speaker F1, direct quotes only",
            "speaker_f1_direct",
            f"2×{f['direct_speaker_correct_n']} / ({f['direct_gold_n']}+{f['direct_system_n']})",
        ),
        ("stance accuracy (matched)", "stance_acc", f"{f['stance_correct_n']} / {f['matched_n']}"),
        ("kind accuracy (matched)", "kind_acc", f"{f['kind_correct_n']} / {f['matched_n']}"),
        (
            "date accuracy (matched, gold dated)",
            "date_acc",
            f"{f['date_correct_n']} / {f['dated_n']}",
        ),
        (
            "contradiction recall",
            "contradiction_recall",
            f"{f['found_contradictions_n']} / {f['gold_contradictions_n']} "
            f"({f['system_contradictions_n']} system contradictions)",
        ),
        (
            "contradiction precision",
            "contradiction_precision",
            f"{f['right_system_contradictions_n']} / {f['system_contradictions_n']} system "
            "contradictions hold a gold one",
        ),
    ]

    def cell(value: float | None) -> str:
        return "–" if value is None else f"{100 * value:.1f}"

    lines = [
        f"Claims gold (evals/gold/claims): {result['articles']} articles, {f['gold_n']} gold "
        f"claims, {f['gold_contradictions_n']} contradictions; run {date.today().isoformat()} on "
        f"{platform.platform()} (Python {platform.python_version()})",
        "",
        "| figure | newsledger | counts | issue 5 target | peer |",
        "|---|---:|---|---:|---:|",
    ]
    for name, key, counts in rows:
        target = TARGETS.get(key)
        peer = PEER_FIGURES.get(key)
        lines.append(
            f"| {name} | {cell(f[key])} | {counts} | "
            f"{'≥ ' + cell(target) if target is not None else '–'} | {cell(peer)} |"
        )
    lines += ["", "Stance confusion on matched claims (rows gold, columns system):", ""]
    lines.append("| gold \\ system | " + " | ".join(STANCES) + " | total |")
    lines.append("|---" * (len(STANCES) + 2) + "|")
    confusion = result["confusion"]
    for gold_stance in STANCES:
        cells = [confusion.get(f"{gold_stance}->{s}", 0) for s in STANCES]
        lines.append(f"| {gold_stance} | " + " | ".join(map(str, cells)) + f" | {sum(cells)} |")
    lines += [
        "",
        f"Figures in %. Matching: one-to-one, largest overlap first, overlap ≥ "
        f"{MIN_OVERLAP_SHARE:.0%} of the shorter span. Speaker F1 = 2 × (matched pair with the "
        "right speaker) / (gold n + system n). Peer: " + PEER + " (its own data, not ours).",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("shared", nargs="?", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--errors",
        action="store_true",
        help="also list every mismatch, one tab-separated line each, category first",
    )
    args = parser.parse_args(argv)
    errors: list[str] | None = [] if args.errors else None
    try:
        result = evaluate(args.shared, errors=errors)
    except (FileNotFoundError, GoldError) as exc:
        print(f"claims: {exc}", file=sys.stderr)
        return 2
    if errors:
        print("\n".join(errors))
        print()
    print(json.dumps(result, indent=2) if args.json else format_table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
