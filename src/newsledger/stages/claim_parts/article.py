"""The article as the claim finders read it: its text and parse, where its quotations and
paragraphs are, the reporting-cue lexicon, and the one speaker resolver that remembers who has
spoken so far. Content never crosses a paragraph break (the parser may run a subhead into the
next sentence), so every finder asks here for the paragraph of a position."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from newsledger.pipeline.stage import Analysis
from newsledger.resources.cues import CueLexicon, cue_lexicon
from newsledger.stages.claim_parts.spans import paragraph_bounds, strip_span
from newsledger.stages.speakers import SpeakerResolver

# A quote never runs into a paragraph that opens a quote of its own: news prose leaves a
# paragraph's quote unclosed when the next paragraph goes on quoting (“A ... ¶ “B ...”).
_QUOTE = re.compile(r"“((?:(?!\n\s*“)[^”]){2,}?)”|\"((?:(?!\n\s*\")[^\"]){2,}?)\"")


class ClaimArticle:
    """One article read for claims: ``quotes`` are the [start, end) spans inside quote marks,
    ``speakers`` resolves the speaker tokens of its cues."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.doc: Any = analysis.parse
        self.text = analysis.document.text
        self.lexicon: CueLexicon = cue_lexicon()
        # In text order and disjoint (one regex match each), so a position's quote is found
        # by bisection: the finders ask for every token.
        self.quotes = [
            (m.start(1) if m.group(1) is not None else m.start(2), m.end(0) - 1)
            for m in _QUOTE.finditer(self.text)
        ]
        self._quote_starts = [start for start, _ in self.quotes]
        self.speakers = SpeakerResolver(analysis, self.in_quote, self.lexicon.verbs)

    def quote_at(self, position: int) -> tuple[int, int] | None:
        """The [start, end) span of the quotation holding a position, if any."""
        index = bisect_right(self._quote_starts, position) - 1
        if index >= 0 and position < self.quotes[index][1]:
            return self.quotes[index]
        return None

    def in_quote(self, position: int) -> bool:
        return self.quote_at(position) is not None

    def is_quote_span(self, start: int, end: int) -> bool:
        """Whether a span is one quotation, give or take its marks."""
        start, end = strip_span(self.text, start, end)
        return any(q_start - 1 <= start and end <= q_end + 1 for q_start, q_end in self.quotes)

    def paragraph(self, position: int) -> tuple[int, int]:
        """[start, end) of the paragraph holding a position."""
        return paragraph_bounds(self.text, position)
