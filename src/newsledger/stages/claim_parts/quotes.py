"""Direct claims from quotations (straight or curly quote marks). A quote is attributed to the
nearest reporting cue of its sentence, of the sentence right after it (\"...,\" Zelensky said)
or of a sentence leading into it (He said: \"...\"); a quote without a cue continues the
attributed quote next to it in its paragraph or, opening a paragraph, the previous paragraph's
last claim (split quotes); otherwise its speaker is "unknown", and a fragment alone on its line
is a pull quote, no claim. A quoted block of another outlet (a quote opening its paragraph and
running over a paragraph break) is read like the article: its own attributions ("Zelensky
acknowledged ...") are claims of their speakers, the rest is the outlet's narration."""

from __future__ import annotations

from typing import Any

from newsledger.model import Speaker
from newsledger.resources.cues import stance_from_content
from newsledger.stages.claim_parts.article import ClaimArticle
from newsledger.stages.claim_parts.drafts import Draft, draft_claim
from newsledger.stages.claim_parts.spans import strip_span
from newsledger.stages.claim_parts.speaker_phrases import UNKNOWN
from newsledger.stages.claim_parts.stance import is_speculation_or_demand
from newsledger.stages.claim_parts.subjects import cue_subject, parsed_subject

_MIN_UNATTRIBUTED_QUOTE_WORDS = 8  # shorter unattributed quotes are scare quotes, not claims
_MIN_QUOTE_WORDS = 3


def claims_from_quotes(article: ClaimArticle, indirect: list[Draft]) -> list[Draft]:
    """Direct claims of the article's quotations, given the claims of its reporting cues
    (``indirect``): a quote inside one of those belongs to that claim."""
    text = article.text
    drafts: list[Draft] = []
    unattributed: list[tuple[int, int]] = []
    for quote_start, quote_end in article.quotes:
        start, end = strip_span(text, quote_start, quote_end)
        inner = [d for d in indirect if start <= d.cue_pos < end]
        if inner:
            drafts.extend(_block_quote_narration(article, start, end, inner))
            continue
        words = len(text[start:end].split())
        if words < _MIN_QUOTE_WORDS or any(d.start < end and start < d.end for d in indirect):
            continue  # partial quotes inside a reported clause belong to that claim
        cue = _cue_for_quote(article, start, end)
        if cue is None:
            unattributed.append((start, end))
            continue
        lemma = cue.lemma_.lower()
        stance = article.lexicon.verbs.get(lemma, "assert")
        draft = draft_claim(
            article, cue, cue_subject(article, cue), (start, end), kind="direct", stance=stance
        )
        if draft is not None:
            drafts.append(draft)
    for start, end in unattributed:
        source = _continued_statement(article, start, end, drafts, indirect)
        if source is not None and source.speaker.name != UNKNOWN:
            stance = stance_from_content("assert", text[start:end])
            if stance == "assert" and is_speculation_or_demand(article.doc, start, end):
                stance = "other"
            drafts.append(Draft(source.speaker, start, end, "direct", "", stance, source.cue_pos))
            continue
        long_enough = len(text[start:end].split()) >= _MIN_UNATTRIBUTED_QUOTE_WORDS
        if long_enough and not _is_pull_quote(article, start, end):
            drafts.append(Draft(Speaker(name=UNKNOWN), start, end, "direct", "", "assert", start))
    return drafts


def is_block_narration(article: ClaimArticle, cue: Any) -> bool:
    """Whether a cue inside a quotation is narration of a quoted outlet, whose own
    attributions are claims of their own ("Kyiv Post reported:" then a quoted block in which
    "Zelensky acknowledged ..."): the quote opens its paragraph and runs over a paragraph
    break (the block-quote layout of news sites), no nested opening mark precedes the token
    (a speaker's multi-paragraph quote reopens each paragraph), and the cue has a subject of
    the third person."""
    text = article.text
    quote = article.quote_at(cue.idx)
    if quote is None:
        return False
    start, end = quote
    paragraph_start, _ = article.paragraph(start)
    if "\n" not in text[start:end] or text[paragraph_start:start].strip(' \t"“'):
        return False
    if "“" in text[start : cue.idx]:
        return False
    if cue.lower_ == "according":
        return True
    subject = parsed_subject(article, cue)
    return (
        subject is not None
        and start <= subject.idx < end
        and subject.lower_ not in {"i", "we", "you"}
    )


def _block_quote_narration(
    article: ClaimArticle, start: int, end: int, inner: list[Draft]
) -> list[Draft]:
    """The quoted outlet's own narration in a block quote: its paragraphs without an
    attribution of their own, consecutive ones joined, as direct claims of the block's cue.
    A block with no cue of its own gives only its inner attributions (its source is
    unknown, and its narration is then nobody's statement we can name)."""
    text = article.text
    cue = _cue_for_quote(article, start, end)
    if cue is None:
        return []
    segments: list[tuple[int, int]] = []
    position = start
    while position < end:
        stop = text.find("\n", position, end)
        stop = end if stop < 0 else stop
        own = not any(
            (d.start < stop and position < d.end) or position <= d.cue_pos < stop for d in inner
        )
        if own and text[position:stop].strip():
            if segments and not text[segments[-1][1] : position].strip():
                segments[-1] = (segments[-1][0], stop)
            else:
                segments.append((position, stop))
        position = stop + 1
    stance = article.lexicon.verbs.get(cue.lemma_.lower(), "assert")
    drafts = []
    for segment in segments:
        draft = draft_claim(
            article, cue, cue_subject(article, cue), segment, kind="direct", stance=stance
        )
        if draft is not None:
            drafts.append(draft)
    return drafts


def _is_pull_quote(article: ClaimArticle, start: int, end: int) -> bool:
    """A quoted fragment alone on its line ("“… prevent the evacuation of ...”"): an
    excerpt set out as a subhead, which repeats the body (not a claim of its own)."""
    text = article.text
    paragraph_start, paragraph_end = article.paragraph(start)
    alone = not text[paragraph_start:start].strip(" \t\"“'‘") and not text[end:paragraph_end].strip(
        " \t\"”'’."
    )
    return alone and not text[start:end][:1].isupper()


def _continued_statement(
    article: ClaimArticle, start: int, end: int, quoted: list[Draft], indirect: list[Draft]
) -> Draft | None:
    """The claim an unattributed quote continues: the nearest attributed quote in its
    paragraph (the earlier one first), else, when the quote opens its paragraph, the last
    claim of the paragraph before."""
    paragraph_start, paragraph_end = article.paragraph(start)
    same = [d for d in quoted if paragraph_start <= d.start < paragraph_end]
    before = [d for d in same if d.end <= start]
    if before:
        return max(before, key=lambda d: d.end)
    after = [d for d in same if d.start >= end]
    if after:
        return min(after, key=lambda d: d.start)
    if article.text[paragraph_start:start].strip(" \t\"“'‘") != "":
        return None
    if _is_pull_quote(article, start, end):
        return None  # not a paragraph continuing someone's quotes
    previous_start, _ = article.paragraph(max(paragraph_start - 2, 0))
    previous = [
        d
        for d in [*quoted, *indirect]
        if previous_start <= d.start < paragraph_start and d.kind in {"direct", "indirect"}
    ]
    return max(previous, key=lambda d: d.end) if previous else None


def _cue_for_quote(article: ClaimArticle, start: int, end: int) -> Any | None:
    """The reporting verb nearest to a quote in the sentences it touches, outside it, or in
    the sentence that directly follows the quote (\"... ?\" Zelensky said) or directly
    leads into it (He said: \"...\")."""
    doc, text = article.doc, article.text
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    first = span[0].sent
    last = span[-1].sent
    sentence_start, sentence_end = first.start, last.end
    if sentence_end < len(doc) and not text[end : doc[sentence_end].idx].strip(" \t\"”’'.,?!"):
        sentence_end = doc[sentence_end].sent.end
    if sentence_start > 0:
        previous = doc[sentence_start - 1].sent
        if text[previous.end_char - 1 : previous.end_char] == ":":
            sentence_start = previous.start
    # A cue in another paragraph introduces another statement, except a paragraph ending in
    # a colon ("Kyiv Post reported:") before a quote opening its own paragraph: the
    # block-quote layout of news sites.
    paragraph_start, paragraph_end = article.paragraph(start)
    lead_in = (-1, -1)
    before = text[:paragraph_start].rstrip()
    if before.endswith(":") and not text[paragraph_start:start].strip(" \t\"“'‘"):
        lead_in = article.paragraph(len(before) - 1)
    candidates = [
        t
        for t in doc[sentence_start:sentence_end]
        if t.pos_ == "VERB"
        and t.lemma_.lower() in article.lexicon.verbs
        and not article.in_quote(t.idx)
        # "Maria, an elderly resident who asked to change her name, tells the BBC": a
        # relative clause describes the speaker, it does not introduce the quote.
        and t.dep_ != "relcl"
        and (paragraph_start <= t.idx < paragraph_end or lead_in[0] <= t.idx < lead_in[1])
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda t: min(abs(t.idx - start), abs(t.idx - end)))
