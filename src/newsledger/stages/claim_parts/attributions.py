"""Claims attributed by a phrase rather than a reporting verb. "According to X": X is the
speaker of the rest of the sentence, or, mid-sentence, of the clause the phrase hangs on;
"reportedly": the writer passes on what unnamed others report, so the sentence is a claim of an
unknown speaker. Where a reporting verb governs the phrase, that verb's own claim covers it."""

from __future__ import annotations

from typing import Any

from newsledger.stages.claim_parts.article import ClaimArticle
from newsledger.stages.claim_parts.drafts import Draft, draft_claim
from newsledger.stages.claim_parts.spans import RELATIVE_TAGS, span_of


def claim_from_according(article: ClaimArticle, token: Any) -> Draft | None:
    """The claim "according to X" at ``token`` ("according") attributes to X."""
    if token.lower_ != "according":
        return None
    to = next((c for c in token.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
    if source is None:
        return None
    start, end = article.paragraph(token.idx)
    sentence = [t for t in token.sent if start <= t.idx < end]
    phrase_end = max(t.i for t in token.subtree) + 1
    if token.i <= sentence[0].i + 1:
        body = [t for t in sentence if t.i >= phrase_end]
    elif all(t.is_punct for t in sentence if t.i >= phrase_end):
        body = [t for t in sentence if t.i < token.i]
    else:
        # Mid-sentence: "a war that has killed more than 39,000, according to Palestinian
        # tallies, over ten months" sources the clause the phrase hangs on; on a reporting
        # verb ("said, according to the agency, that ...") that verb's own claim covers it.
        clause = token.head
        if clause.pos_ not in {"VERB", "AUX"} or clause.lemma_.lower() in article.lexicon.verbs:
            return None
        inside = {t.i for t in sentence}
        # The clause with its own subject ("Pierpont, according to the Post, objected and
        # left"), not a relative pronoun ("a war that ... killed more than 39,000").
        skipped = {t.i for t in token.subtree} | {
            t.i
            for c in clause.children
            if c.dep_ in {"mark", "relcl"} or c.tag_ in RELATIVE_TAGS
            for t in c.subtree
        }
        body = [t for t in clause.subtree if t.i in inside and t.i not in skipped]
    body = [t for t in body if not t.is_punct or t.text in {"'", "’"}]
    if not body:
        return None
    return draft_claim(
        article,
        token,
        source,
        span_of(body),
        kind="indirect",
        stance="assert",
        cue_text="according to",
    )


def claim_from_reportedly(article: ClaimArticle, token: Any) -> Draft | None:
    """ "The army reportedly shelled the port": the writer passes on what unnamed others
    report, so the sentence is a claim of an unknown speaker (an assertion: the adverb
    attributes, it does not judge)."""
    if token.lower_ != "reportedly" or token.dep_ != "advmod":
        return None
    verbs = article.lexicon.verbs
    if any(v.lemma_.lower() in verbs for v in [token.head, *token.head.ancestors]):
        # "reportedly said that ..." or "officials said troops reportedly crossed": the
        # reporting verb's own claim, with its named speaker, covers the sentence.
        return None
    start, end = article.paragraph(token.idx)
    body = [t for t in token.sent if start <= t.idx < end and not t.is_punct]
    if not body:
        return None
    return draft_claim(article, token, None, span_of(body), kind="indirect", stance="assert")
