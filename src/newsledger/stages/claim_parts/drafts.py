"""A claim as the finders draft it, before ids and dates: speaker, character span, kind, cue,
stance. :func:`draft_claim` is the one place a finder's find becomes a draft, so every source of
claims obeys the same rules: content stays in the cue's paragraph (indirect speech), a cue under
a modal, a negation or an infinitive says nothing was said, "did not deny" is no denial, and the
stance is refined by the content (wishes, requests and speculation are ``other``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsledger.model import Speaker
from newsledger.resources.cues import stance_from_content
from newsledger.stages.claim_parts.article import ClaimArticle
from newsledger.stages.claim_parts.spans import strip_span
from newsledger.stages.claim_parts.stance import (
    MODALS,
    is_request_or_wish,
    is_speculation_or_demand,
)
from newsledger.stages.claim_parts.subjects import named_conjuncts


@dataclass(frozen=True, slots=True)
class Draft:
    """A claim before ids are given: what the parse says, in character offsets."""

    speaker: Speaker
    start: int
    end: int
    kind: str
    cue: str
    stance: str
    cue_pos: int
    # Other speakers of the same statement ("Hamas and Iran have blamed Israel"): one claim each.
    co_speakers: tuple[Speaker, ...] = ()


def draft_claim(
    article: ClaimArticle,
    cue: Any,
    speaker_token: Any | None,
    content: tuple[int, int],
    *,
    kind: str,
    stance: str,
    cue_text: str | None = None,
) -> Draft | None:
    """The draft of what ``cue`` reports in ``content`` (characters), said by the speaker
    ``speaker_token`` names; None when the cue reports nothing said."""
    text = article.text
    start, end = strip_span(text, *content)
    if kind == "indirect":
        paragraph_start, paragraph_end = article.paragraph(cue.idx)
        start, end = strip_span(text, max(start, paragraph_start), min(end, paragraph_end))
    if end - start < 2:
        return None
    if any(c.dep_ == "aux" and c.lower_ in MODALS for c in cue.children):
        return None
    if cue.dep_ == "xcomp" and any(c.dep_ == "neg" for c in cue.head.children):
        return None  # "it was not possible to conclude that ...": nothing was concluded
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in cue.children):
        return None  # "called on Israel to disclose the findings": asked for, not said
    if any(c.dep_ == "neg" for c in cue.children):
        if stance == "assert":
            return None  # "did not reveal the crash location": an absence, not a claim
        # "did not deny" is not a denial (nor an accusation): it stays, as ``other``.
        stance = "other"
    stance = stance_from_content(stance, text[start:end])
    if stance == "assert" and (
        is_request_or_wish(article.doc, start, end)
        or is_speculation_or_demand(article.doc, start, end)
    ):
        stance = "other"
    speaker = article.speakers.speaker(speaker_token)
    co_speakers = tuple(
        article.speakers.speaker(conjunct) for conjunct in named_conjuncts(speaker_token)
    )
    return Draft(speaker, start, end, kind, cue_text or cue.text, stance, cue.idx, co_speakers)
