"""The tense of the clause a time expression belongs to, which picks the year of "April 8".

"On April 8 Zelensky confirmed" is the last April 8, "talks will resume on April 8" the next one.
With a spaCy parse, the expression's governing verb is found by climbing the dependency tree,
and its tense read from its tag and auxiliaries ("will", "has", a modal). Without a parse, a few
future markers in the sentence are all the evidence there is, and anything else is "unknown"
(None), which the anchor treats as "nearest to the publication date".
"""

from __future__ import annotations

import re
from typing import Any

from newsledger.timex.anchor import Tense

_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "ll"})
_MODAL_AUX = frozenset({"would", "could", "might", "may", "should", "must", "can", "'d"})
_PERFECT_AUX = frozenset({"has", "have", "had", "'ve", "'s"})
# Verbs whose infinitive complement lies ahead: "plans to meet on Friday".
_PROSPECTIVE = frozenset(
    {"plan", "expect", "intend", "schedule", "hope", "want", "aim", "prepare", "promise", "vow"}
)
_FUTURE_WORDS = re.compile(
    r"\b(?:will|shall|won't|going\s+to|(?:is|are)\s+(?:due|set|scheduled|expected)\s+to)\b|'ll\b",
    re.IGNORECASE,
)


def clause_tense(doc: Any, start: int, end: int) -> Tense | None:
    """Tense of the verb governing the text span [start, end) of a spaCy ``Doc``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root
    for _ in range(10):
        if token.pos_ in ("VERB", "AUX") and token.i not in range(span.start, span.end):
            return _verb_tense(token, depth=0)
        if token.head.i == token.i:
            break
        token = token.head
    if token.pos_ in ("VERB", "AUX"):
        return _verb_tense(token, depth=0)
    return None


def _verb_tense(verb: Any, depth: int) -> Tense | None:
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxiliaries}
    if words & _FUTURE_AUX:
        return "future"
    if words & _MODAL_AUX:
        return None
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxiliaries):
        return "past"
    if words & _PERFECT_AUX and verb.tag_ == "VBN":
        return "past"  # the present perfect reports what has happened
    head = verb.head
    if verb.tag_ in ("VB", "VBG") and head.i != verb.i and head.pos_ in ("VERB", "AUX"):
        if verb.tag_ == "VB" and head.lemma_ in _PROSPECTIVE:
            return "future"
        if head.lower_ == "going" and "to" in words:
            return "future"
        return _verb_tense(head, depth + 1) if depth < 3 else None
    if verb.tag_ in ("VBZ", "VBP") or words & {"is", "are", "am"}:
        return "present"
    return None


def sentence_tense(before: str) -> Tense | None:
    """Without a parse: "future" when the clause before an expression has a future marker.

    ``before`` is the sentence up to the expression; only its last clause counts, so "struck on
    April 13; Kyiv will answer" does not push April 13 into the future.
    """
    # A colon ends a clause, but not inside a clock time ("at 15:00 GMT on Saturday").
    clause = re.split(r"[;“”\"]|:(?!\d)|,\s+(?:but|and|while)\b", before)[-1]
    return "future" if _FUTURE_WORDS.search(clause) else None
