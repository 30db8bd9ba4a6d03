"""Claims stage: who said what, when, and with what stance.

Three sources of claims, all read from the dependency parse, each in a module of
:mod:`newsledger.stages.claim_parts`:

* reporting cues (:mod:`~newsledger.stages.claim_parts.reported`): a verb or noun from the cue
  lexicon with its speaker and what it reports (indirect speech), "called on X to do Y" (a
  request), a quoted judgement that is all a cue says of a statement (a direct claim);
* attributing phrases (:mod:`~newsledger.stages.claim_parts.attributions`): "according to X" and
  "reportedly";
* quotations (:mod:`~newsledger.stages.claim_parts.quotes`): direct claims attributed to the
  nearest cue, split quotes continuing an attributed one, block quotes of another outlet.

Content never crosses a paragraph break (the parser may run a subhead into the next sentence).
The stance comes from the cue (deny, accuse, other for requests and vows), refined by the content
(:func:`newsledger.resources.cues.stance_from_content` and
:mod:`~newsledger.stages.claim_parts.stance`: wishes, requests, speculation under
"might"/"may"/"could"/"likely to" and "must" laid on another party are ``other``); a negative
statement that follows the same speaker's denial goes on denying. The date is the governing time
expression of the cue's sentence, else that of the same speaker's previous claim in this
paragraph or the one before (a continued statement), else the publication date. Speakers are
resolved by :mod:`newsledger.stages.speakers`; two named speakers of one statement ("Hamas and
Iran blamed ...") get one claim each. No speaker is invented: without one the name is "unknown".
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from newsledger.model import Claim
from newsledger.pipeline.stage import Analysis
from newsledger.stages.claim_parts.article import ClaimArticle
from newsledger.stages.claim_parts.attributions import claim_from_according, claim_from_reportedly
from newsledger.stages.claim_parts.drafts import Draft
from newsledger.stages.claim_parts.quotes import claims_from_quotes, is_block_narration
from newsledger.stages.claim_parts.reported import (
    claim_from_cue,
    quoted_complement,
    second_clauses,
)
from newsledger.stages.claim_parts.spans import previous_paragraph_start
from newsledger.stages.claim_parts.speaker_phrases import UNKNOWN
from newsledger.stages.claim_parts.stance import is_negative
from newsledger.stages.dating import date_at
from newsledger.stages.speakers import same_speaker


class ClaimsStage:
    """Find direct and indirect claims with speaker, cue, stance and date."""

    name: ClassVar[str] = "claims"
    version: ClassVar[str] = "3"
    requires: ClassVar[frozenset[str]] = frozenset({"parse", "entities", "actors", "times"})
    produces: ClassVar[frozenset[str]] = frozenset({"claims"})
    languages: ClassVar[frozenset[str] | None] = frozenset({"en"})

    def run(self, analysis: Analysis) -> None:
        drafts = find_drafts(ClaimArticle(analysis))
        claims: list[Claim] = []
        for index, draft in enumerate(drafts, start=1):
            date, source = date_at(analysis, draft.cue_pos, outside=(draft.start, draft.end))
            if source != "text":
                continued = _continued_date(claims, draft, analysis.document.text)
                if continued is not None:
                    date, source = continued, "text"
            text = analysis.document.text[draft.start : draft.end]
            claims.append(
                Claim(
                    id=f"c{index}",
                    speaker=draft.speaker,
                    text=text,
                    kind=draft.kind,  # type: ignore[arg-type]
                    cue=draft.cue,
                    stance=draft.stance,  # type: ignore[arg-type]
                    start=draft.start,
                    end=draft.end,
                    date=date,
                    date_source=source,  # type: ignore[arg-type]
                )
            )
        analysis.claims = tuple(claims)


def find_drafts(article: ClaimArticle) -> list[Draft]:
    """Every claim of the article, in text order: from cues and attributing phrases sentence by
    sentence (outside quotations, except a quoted outlet's narration), then from quotations."""
    drafts: list[Draft] = []
    for sentence in article.doc.sents:
        for token in sentence:
            if article.in_quote(token.idx) and not is_block_narration(article, token):
                continue
            draft = (
                claim_from_cue(article, token)
                or claim_from_according(article, token)
                or claim_from_reportedly(article, token)
            )
            if draft is not None:
                fragments = quoted_complement(article, token) if draft.kind == "indirect" else []
                drafts.extend(
                    replace(draft, start=start, end=end, kind="direct") for start, end in fragments
                )
                if not fragments:
                    drafts.append(draft)
                drafts.extend(second_clauses(article, token))
    drafts.extend(claims_from_quotes(article, drafts))
    drafts = _continued_denials(article, _dedupe(drafts))
    # Built before extending: a generator over ``drafts`` would walk the list it appends to.
    shared = [replace(d, speaker=co, co_speakers=()) for d in drafts for co in d.co_speakers]
    drafts.extend(shared)
    return sorted(drafts, key=lambda d: (d.start, d.end))


def _continued_denials(article: ClaimArticle, drafts: list[Draft]) -> list[Draft]:
    """A negative statement that follows the same speaker's denial, in its paragraph or the
    next, goes on denying ("... the claim is “patently false,” and that “the United States
    is not preventing people from leaving”"; "“Not the U.S. nor the rebels are
    preventing civilians from leaving,” the source said")."""
    result: list[Draft] = []
    for draft in drafts:
        if draft.stance == "assert" and is_negative(article.doc, draft.start, draft.end):
            floor = article.paragraph(max(article.paragraph(draft.start)[0] - 2, 0))[0]
            previous = [
                d
                for d in result
                if floor <= d.start < draft.start and same_speaker(d.speaker, draft.speaker)
            ]
            if previous and previous[-1].stance == "deny":
                draft = replace(draft, stance="deny")  # noqa: PLW2901
        result.append(draft)
    return result


def _continued_date(earlier: list[Claim], draft: Draft, text: str) -> str | None:
    """The stated date of the statement a claim continues: the same speaker's previous claim, in
    this paragraph or the one before, when the text dated it ("Putin on Friday denounced ...
    He said ...", "The ministry added ...")."""
    if draft.speaker.name == UNKNOWN:
        return None
    floor = previous_paragraph_start(text, draft.start)
    for claim in reversed(earlier):
        if claim.start < floor:
            return None
        if same_speaker(claim.speaker, draft.speaker):
            return claim.date if claim.date_source == "text" else None
    return None


def _dedupe(drafts: list[Draft]) -> list[Draft]:
    """One claim per span, in text order; a direct quote wins over an overlapping cue's
    clause."""
    seen: dict[tuple[int, int], Draft] = {}
    for draft in drafts:
        seen.setdefault((draft.start, draft.end), draft)
    return sorted(seen.values(), key=lambda d: (d.start, d.end))
