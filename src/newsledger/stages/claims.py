"""Claims stage: who said what, when, and with what stance.

Three sources of claims, all read from the dependency parse:

* reporting cues: a verb from the cue lexicon ("confirmed", "denied", "accused ... of") with its
  subject as speaker and its clausal complement or object as the claim (indirect speech); a
  participle or conjoined cue with no subject of its own inherits the subject of the verb it hangs
  from ("Zelensky confirmed these operations, claiming ..."); nominal cues with a possessor or an
  issuing verb ("Zelensky's announcement that ...", "Beijing issued a categorical denial");
* "according to X": X is the speaker of the rest of the sentence;
* quotations (straight or curly): the quote is a direct claim, attributed to the nearest cue of
  its sentence, or to "unknown" when the text names no speaker.

Speakers are resolved to entities: names through the entities stage, pronouns to the latest
fitting entity before them, descriptors ("the Ukrainian president") to the earlier person of that
country with that title. No speaker is invented: without one the name is "unknown".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, ClassVar

from newsledger.model import Claim, Entity, Speaker
from newsledger.pipeline.stage import Analysis
from newsledger.resources.actors import lookup_actor, sector_for_words
from newsledger.resources.countries import country_by_demonym
from newsledger.resources.cues import cue_lexicon, stance_from_content
from newsledger.stages.actors import person_role
from newsledger.stages.coreference import GROUP_PRONOUNS, PERSON_PRONOUNS, resolve
from newsledger.stages.dating import date_at

_SUBJECTS = ("nsubj", "nsubjpass")
# Relations through which a cue with no subject of its own takes its governor's subject.
_INHERIT_DEPS = frozenset({"conj", "advcl", "xcomp", "pcomp", "prep", "acl", "ccomp", "pobj"})
_RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})
_TIME_LABELS = frozenset({"DATE", "TIME"})
# A cue under one of these modals reports what someone might say, not what they said.
_MODALS = frozenset({"will", "would", "could", "might", "may", "should", "must", "can"})
_CONTENT_PREPS = frozenset({"on", "about", "of"})
_QUOTE = re.compile(r"“([^”]{2,}?)”|\"([^\"]{2,}?)\"")
_MIN_UNATTRIBUTED_QUOTE_WORDS = 8  # shorter unattributed quotes are scare quotes, not claims
_MIN_QUOTE_WORDS = 3


@dataclass(frozen=True, slots=True)
class _Draft:
    """A claim before ids are given: what the parse says, in character offsets."""

    speaker: Speaker
    start: int
    end: int
    kind: str
    cue: str
    stance: str
    cue_pos: int


class ClaimsStage:
    """Find direct and indirect claims with speaker, cue, stance and date."""

    name: ClassVar[str] = "claims"
    version: ClassVar[str] = "1"
    requires: ClassVar[frozenset[str]] = frozenset({"parse", "entities", "actors", "times"})
    produces: ClassVar[frozenset[str]] = frozenset({"claims"})
    languages: ClassVar[frozenset[str] | None] = frozenset({"en"})

    def run(self, analysis: Analysis) -> None:
        finder = _ClaimFinder(analysis)
        drafts = finder.find()
        claims = []
        for index, draft in enumerate(drafts, start=1):
            date, source = date_at(analysis, draft.cue_pos, outside=(draft.start, draft.end))
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


class _ClaimFinder:
    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.doc = analysis.parse
        self.text = analysis.document.text
        self.lexicon = cue_lexicon()
        self.quotes = [
            (m.start(1) if m.group(1) is not None else m.start(2), m.end(0) - 1)
            for m in _QUOTE.finditer(self.text)
        ]

    # --- driver -----------------------------------------------------------------------------

    def find(self) -> list[_Draft]:
        drafts: list[_Draft] = []
        for sentence in self.doc.sents:
            for token in sentence:
                if self._in_quote(token.idx):
                    continue
                draft = self._from_cue(token) or self._from_according(token)
                if draft is not None:
                    drafts.append(draft)
        drafts.extend(self._from_quotes(drafts))
        return _dedupe(drafts)

    # --- reporting cues -----------------------------------------------------------------------

    def _from_cue(self, token: Any) -> _Draft | None:
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and lemma in self.lexicon.decline_verbs:
            return self._declined(token)
        if token.pos_ == "VERB" and lemma in self.lexicon.verbs:
            stance = self.lexicon.verbs[lemma]
            content = self._verb_content(token)
            if content is None or self._is_quote_span(*content):
                return None
            speaker_token = self._subject(token)
            return self._draft(token, speaker_token, content, "indirect", stance)
        if token.pos_ == "NOUN" and lemma in self.lexicon.nouns:
            return self._nominal(token, self.lexicon.nouns[lemma])
        return None

    def _declined(self, token: Any) -> _Draft | None:
        """ "declined to comment on X": an evasion."""
        for child in token.children:
            if child.dep_ == "xcomp" and child.lemma_.lower() in self.lexicon.decline_objects:
                span = _span_of(child.subtree)
                return self._draft(token, self._subject(token), span, "indirect", "evade")
        return None

    def _nominal(self, token: Any, stance: str) -> _Draft | None:
        """ "Zelensky's announcement that ...", "Beijing issued a categorical denial"."""
        possessor = next((c for c in token.children if c.dep_ == "poss"), None)
        clause = next((c for c in token.children if c.dep_ in {"acl", "ccomp", "relcl"}), None)
        if possessor is not None and clause is not None and _starts_with_that(clause):
            return self._draft(token, possessor, _clause_span(clause), "indirect", stance)
        head = token.head
        if token.dep_ == "dobj" and head.lemma_.lower() in {"issue", "make", "release", "deliver"}:
            subject = self._subject(head)
            if subject is not None:
                noun_phrase = _span_of(token.subtree)
                return self._draft(token, subject, noun_phrase, "indirect", stance)
        return None

    def _verb_content(self, verb: Any) -> tuple[int, int] | None:
        """Character span of what a cue verb reports: its clause, its object, or its topic."""
        children = list(verb.children)
        for child in children:
            if child.dep_ == "ccomp":
                return _clause_span(child)
        if verb.lemma_.lower() not in self.lexicon.object_cues:
            return None  # "maintained pressure" reports nothing; "maintained that ..." does
        objects = [c for c in children if c.dep_ == "dobj" and c.tag_ not in _RELATIVE_TAGS]
        if objects:
            return _span_of(_object_with_complement(verb, objects[0]))
        for child in children:
            if child.dep_ == "prep" and child.lower_ in _CONTENT_PREPS:
                objects = [
                    c
                    for c in child.children
                    if c.dep_ in {"pobj", "pcomp"} and c.ent_type_ not in _TIME_LABELS
                ]
                if objects:
                    return _span_of(objects[0].subtree)
        return None

    def _subject(self, verb: Any) -> Any | None:
        """The speaker token of a cue: its subject, a passive agent, or its governor's subject."""
        current = verb
        for _step in range(12):
            reported = current.i != verb.i and self._is_reported_clause(current)
            for child in current.children:
                if child.dep_ == "nsubj" and not reported:
                    if child.tag_ in _RELATIVE_TAGS and current.dep_ == "relcl":
                        return current.head  # "agreements that promise": the agreements
                    return child
                if child.dep_ == "agent":
                    objects = [c for c in child.children if c.dep_ == "pobj"]
                    if objects:
                        return objects[0]
            passive = next((c for c in current.children if c.dep_ == "nsubjpass"), None)
            if passive is not None and passive.lower_ != "it":
                return None  # "X was reported": X is what was reported, not who reports
            if current.dep_ not in _INHERIT_DEPS or current.head.i == current.i:
                return None
            current = current.head
        return None

    def _is_reported_clause(self, token: Any) -> bool:
        """Whether a verb heads what another cue reports: "denied that its forces struck"."""
        return bool(token.dep_ == "ccomp" and token.head.lemma_.lower() in self.lexicon.verbs)

    # --- "according to X" ---------------------------------------------------------------------

    def _from_according(self, token: Any) -> _Draft | None:
        if token.lower_ != "according":
            return None
        to = next((c for c in token.children if c.lower_ == "to"), None)
        source = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
        if source is None:
            return None
        sentence = token.sent
        phrase_end = max(t.i for t in token.subtree) + 1
        if token.i <= sentence.start + 1:
            body = [t for t in sentence if t.i >= phrase_end]
        elif all(t.is_punct for t in sentence if t.i >= phrase_end):
            body = [t for t in sentence if t.i < token.i]
        else:
            return None  # mid-sentence "according to": the main verb's own claim covers it
        body = [t for t in body if not t.is_punct or t.text in {"'", "’"}]
        if not body:
            return None
        return self._draft(
            token, source, _span_of(body), "indirect", "assert", cue_text="according to"
        )

    # --- quotations ---------------------------------------------------------------------------

    def _from_quotes(self, indirect: list[_Draft]) -> list[_Draft]:
        drafts = []
        for quote_start, quote_end in self.quotes:
            start, end = _strip(self.text, quote_start, quote_end)
            words = len(self.text[start:end].split())
            if words < _MIN_QUOTE_WORDS or any(d.start < end and start < d.end for d in indirect):
                continue  # partial quotes inside a reported clause belong to that claim
            cue = self._cue_for_quote(start, end)
            if cue is None:
                if words < _MIN_UNATTRIBUTED_QUOTE_WORDS:
                    continue
                drafts.append(
                    _Draft(Speaker(name="unknown"), start, end, "direct", "", "assert", start)
                )
                continue
            lemma = cue.lemma_.lower()
            stance = self.lexicon.verbs.get(lemma, "assert")
            draft = self._draft(cue, self._subject(cue), (start, end), "direct", stance)
            if draft is not None:
                drafts.append(draft)
        return drafts

    def _cue_for_quote(self, start: int, end: int) -> Any | None:
        """The reporting verb nearest to a quote in the sentences it touches, outside it."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        first = span[0].sent
        last = span[-1].sent
        # A cue in another paragraph introduces another statement.
        paragraph_start = self.text.rfind("\n\n", 0, start)
        paragraph_end = self.text.find("\n\n", end)
        paragraph_end = len(self.text) if paragraph_end < 0 else paragraph_end
        candidates = [
            t
            for t in self.doc[first.start : last.end]
            if t.pos_ == "VERB"
            and t.lemma_.lower() in self.lexicon.verbs
            and not self._in_quote(t.idx)
            and paragraph_start < t.idx < paragraph_end
        ]
        if not candidates:
            return None
        return min(candidates, key=lambda t: min(abs(t.idx - start), abs(t.idx - end)))

    # --- building a claim -----------------------------------------------------------------------

    def _draft(
        self,
        cue: Any,
        speaker_token: Any | None,
        content: tuple[int, int],
        kind: str,
        stance: str,
        *,
        cue_text: str | None = None,
    ) -> _Draft | None:
        start, end = _strip(self.text, *content)
        if end - start < 2:
            return None
        if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in cue.children):
            return None
        if any(c.dep_ == "neg" for c in cue.children):
            # "did not deny" is not a denial, "did not confirm" is not an assertion.
            stance = "other"
        stance = stance_from_content(stance, self.text[start:end])
        speaker = self._speaker(speaker_token)
        return _Draft(speaker, start, end, kind, cue_text or cue.text, stance, cue.idx)

    def _speaker(self, token: Any | None) -> Speaker:
        if token is None:
            return Speaker(name="unknown")
        if token.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS:
            return self._pronoun_speaker(token)
        phrase = _noun_phrase(token)
        # "Ukraine's Foreign Minister Andrii Sybiha": the title heads the phrase, the name is
        # its apposition.
        for candidate in [token, *(c for c in token.children if c.dep_ == "appos")]:
            entity = self._entity_at(candidate.idx, candidate.idx + len(candidate.text))
            if entity is not None:
                token = candidate
                break
        if entity is not None:
            mention = next(m for m in entity.mentions if m.start <= token.idx < m.end)
            role = person_role(self.doc, mention.start, mention.end)
            return Speaker(name=entity.name, entity=entity.id, role=role)
        described = self._described_person(phrase)
        if described is not None:
            return described
        name = self.text[phrase[0].idx : phrase[-1].idx + len(phrase[-1].text)]
        return Speaker(name=_without_article(name))

    def _pronoun_speaker(self, token: Any) -> Speaker:
        """A pronoun speaker is whoever it refers to; "unknown" when nothing fits."""
        referent = resolve(token)
        if referent.i == token.i:
            return Speaker(name="unknown")
        return self._speaker(referent)

    def _described_person(self, phrase: list[Any]) -> Speaker | None:
        """ "the Ukrainian president" → the earlier person of that country with that title."""
        words = [t.lower_ for t in phrase]
        if sector_for_words(words) is None:
            return None
        countries = {c.alpha3 for t in phrase if (c := country_by_demonym(t.text)) is not None}
        title = phrase[-1].lower_
        for entity in reversed(self.analysis.entities):
            if entity.type != "PERSON" or entity.mentions[0].start >= phrase[0].idx:
                continue
            known = lookup_actor(entity.name)
            role = (known.role or "").lower() if known else ""
            if entity.country in countries and title in role:
                return Speaker(
                    name=entity.name, entity=entity.id, role=known.role if known else None
                )
        return None

    def _entity_at(self, start: int, end: int) -> Entity | None:
        for entity in self.analysis.entities:
            if entity.type in {"NORP"}:
                continue
            if any(m.start <= start and end <= m.end for m in entity.mentions):
                return entity
        return None

    def _in_quote(self, position: int) -> bool:
        return any(start <= position < end for start, end in self.quotes)

    def _is_quote_span(self, start: int, end: int) -> bool:
        start, end = _strip(self.text, start, end)
        return any(q_start - 1 <= start and end <= q_end + 1 for q_start, q_end in self.quotes)


# --- helpers on spans -------------------------------------------------------------------------


def _span_of(tokens: Any) -> tuple[int, int]:
    tokens = list(tokens)
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def _clause_span(clause: Any) -> tuple[int, int]:
    """A complement clause without its complementizer ("that") and trailing punctuation, cut
    before a nested reporting clause that is a claim of its own ("..., saying that ...")."""
    verbs = cue_lexicon().verbs
    nested = [
        t
        for t in clause.subtree
        if t.i > clause.i and t.dep_ in {"advcl", "conj"} and t.lemma_.lower() in verbs
    ]
    cut = min((min(n.left_edge.i, n.i) for n in nested), default=None)
    tokens = [
        t
        for t in clause.subtree
        if not (t.dep_ == "mark" and t.head.i == clause.i) and (cut is None or t.i < cut)
    ]
    while tokens and tokens[-1].is_punct and tokens[-1].text not in {"'", "’", '"', "”"}:
        tokens.pop()
    return _span_of(tokens or [clause])


def _object_with_complement(verb: Any, obj: Any) -> list[Any]:
    """An object with the charge or description that completes it: "China ... of being party
    to the war", "Beijing as a major enabler". The parser may hang "of"/"as" on a nearer noun,
    so any such preposition inside the verb's phrase after the object counts, short of a
    subordinate clause that is a claim of its own ("by claiming that ...")."""
    tokens = list(obj.subtree)
    own_clauses = {
        t.i
        for child in verb.children
        if child.dep_ in {"advcl", "ccomp", "conj"}
        or (child.dep_ == "prep" and child.lower_ == "by")
        for t in child.subtree
    }
    for token in verb.subtree:
        if token.i > obj.i and token.lower_ in {"of", "as"} and token.i not in own_clauses:
            tokens.extend(t for t in token.subtree if t.i not in own_clauses)
            break
    return tokens


def _starts_with_that(clause: Any) -> bool:
    return any(t.dep_ == "mark" and t.lower_ == "that" for t in clause.children)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span past white space, surrounding quote marks and a final comma/period."""
    junk = ' \t\n"“”,'
    while start < end and text[start] in junk:
        start += 1
    while end > start and text[end - 1] in junk:
        end -= 1
    return start, end


def _noun_phrase(token: Any) -> list[Any]:
    """The token with its left modifiers: "Russian military bloggers", "the Ukrainian president"."""
    left = [t for t in token.lefts if t.dep_ in {"det", "amod", "compound", "poss", "nummod"}]
    tokens = [t for child in left for t in child.subtree] + [token]
    return sorted(tokens, key=lambda t: t.i)


def _without_article(name: str) -> str:
    for article in ("the ", "The "):
        name = name.removeprefix(article)
    return name


def _dedupe(drafts: list[_Draft]) -> list[_Draft]:
    """One claim per span, in text order; a direct quote wins over an overlapping cue's clause."""
    seen: dict[tuple[int, int], _Draft] = {}
    for draft in drafts:
        seen.setdefault((draft.start, draft.end), draft)
    return sorted(seen.values(), key=lambda d: (d.start, d.end))
