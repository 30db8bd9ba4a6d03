"""Claims stage: who said what, when, and with what stance.

Three sources of claims, all read from the dependency parse:

* reporting cues: a verb from the cue lexicon ("confirmed", "denied", "accused ... of") with its
  subject as speaker and its clausal complement or object as the claim (indirect speech); a
  participle or conjoined cue with no subject of its own inherits the subject of the verb it hangs
  from ("Zelensky confirmed these operations, claiming ..."); nominal cues with a possessor, a
  naming modifier or an issuing verb ("Zelensky's announcement that ...", "Russian claims that
  ...", "Beijing issued a categorical denial"); "called on X to do Y" (a request);
* "according to X": X is the speaker of the rest of the sentence;
* quotations (straight or curly): the quote is a direct claim, attributed to the nearest cue of
  its sentence (or of the sentence right after it); a quote without a cue continues the
  attributed quote next to it in its paragraph or, opening a paragraph, the previous paragraph's
  last claim; otherwise its speaker is "unknown" (a fragment alone on its line is a pull quote,
  no claim). A quoted block of another outlet (a quote opening its paragraph and running over a
  paragraph break) is read like the article: its own attributions ("Zelensky acknowledged
  ...") are claims of their speakers, the rest the outlet's narration. A quoted judgement that
  is all a cue says of a statement ("denouncing it as “unacceptable”") is a direct claim.

Content never crosses a paragraph break (the parser may run a subhead into the next sentence).
The stance comes from the cue (deny, accuse, other for requests and vows), refined by the content
(:func:`newsledger.resources.cues.stance_from_content`; wishes, requests, speculation under
"might"/"may"/"could"/"likely to" and "must" laid on another party are ``other``); a negative
statement that follows the same speaker's denial goes on denying. The
date is the governing time expression of the cue's sentence, else that of the same speaker's
previous claim in this paragraph or the one before (a continued statement), else the publication
date. Speakers are resolved by :mod:`newsledger.stages.speakers`; two named speakers of one
statement ("Hamas and Iran blamed ...") get one claim each. No speaker is invented: without one
the name is "unknown".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, ClassVar

from newsledger.model import Claim, Speaker
from newsledger.pipeline.stage import Analysis
from newsledger.resources.cues import cue_lexicon, stance_from_content
from newsledger.stages.dating import date_at
from newsledger.stages.speakers import UNKNOWN, SpeakerResolver, names_a_person

_SUBJECTS = ("nsubj", "nsubjpass")
# Relations through which a cue with no subject of its own takes its governor's subject.
_INHERIT_DEPS = frozenset({"conj", "advcl", "xcomp", "pcomp", "prep", "acl", "ccomp", "pobj"})
_RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})
_TIME_LABELS = frozenset({"DATE", "TIME"})
# A cue under one of these modals reports what someone might say, not what they said.
_MODALS = frozenset({"will", "would", "could", "might", "may", "should", "must", "can"})
# Verbs of opinion whose clause a reporting verb passes on ("said he believed X").
_OPINION_VERBS = frozenset({"believe", "think"})
# What is seen, not said: "video footage reveals", "images indicate" (the claims guidelines
# leave perception out).
_PERCEPTION_NOUNS = frozenset(
    {"footage", "video", "image", "photo", "photograph", "picture", "imagery", "recording", "clip"}
)
# Modals of possibility: a clause under one predicts or speculates (stance ``other``).
_POSSIBILITY_MODALS = frozenset({"might", "may", "could"})
# Verbs whose clause voices a wish, not a fact (stance ``other``).
# Word forms, not lemmas: the small model lemmatizes "hoped" as "hop".
_WISH_VERBS = frozenset(
    {"hope", "hopes", "hoped", "hoping", "pray", "prays", "prayed", "wish", "wishes", "wished"}
)
_CONTENT_PREPS = frozenset({"on", "about", "of"})
# Verbs that put out a statement named by their object ("issued a denial", "made a plea").
_ISSUING_VERBS = frozenset({"issue", "make", "release", "deliver"})
# Relations of the words that modify a noun before it ("A VOA reporter's source").
_NOUN_MODIFIER_DEPS = frozenset(
    {"compound", "flat", "poss", "det", "amod", "case", "nummod", "nmod"}
)
# Nouns that only carry the clause they introduce ("the fact that ...").
_CARRIER_NOUNS = frozenset({"fact"})
# A quote never runs into a paragraph that opens a quote of its own: news prose leaves a
# paragraph's quote unclosed when the next paragraph goes on quoting (“A ... ¶ “B ...”).
_QUOTE = re.compile(r"“((?:(?!\n\s*“)[^”]){2,}?)”|\"((?:(?!\n\s*\")[^\"]){2,}?)\"")
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
    # Other speakers of the same statement ("Hamas and Iran have blamed Israel"): one claim each.
    co_speakers: tuple[Speaker, ...] = ()


class ClaimsStage:
    """Find direct and indirect claims with speaker, cue, stance and date."""

    name: ClassVar[str] = "claims"
    version: ClassVar[str] = "2"
    requires: ClassVar[frozenset[str]] = frozenset({"parse", "entities", "actors", "times"})
    produces: ClassVar[frozenset[str]] = frozenset({"claims"})
    languages: ClassVar[frozenset[str] | None] = frozenset({"en"})

    def run(self, analysis: Analysis) -> None:
        finder = _ClaimFinder(analysis)
        drafts = finder.find()
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
        self.speakers = SpeakerResolver(analysis, self._in_quote, self.lexicon.verbs)

    # --- driver -----------------------------------------------------------------------------

    def find(self) -> list[_Draft]:
        drafts: list[_Draft] = []
        for sentence in self.doc.sents:
            for token in sentence:
                if self._in_quote(token.idx) and not self._is_block_narration(token):
                    continue
                draft = (
                    self._from_cue(token)
                    or self._from_according(token)
                    or self._from_reportedly(token)
                )
                if draft is not None:
                    fragments = self._quoted_complement(token) if draft.kind == "indirect" else []
                    drafts.extend(
                        replace(draft, start=start, end=end, kind="direct")
                        for start, end in fragments
                    )
                    if not fragments:
                        drafts.append(draft)
                    drafts.extend(self._second_clauses(token))
        drafts.extend(self._from_quotes(drafts))
        drafts = self._continued_denials(_dedupe(drafts))
        drafts.extend(
            replace(d, speaker=co, co_speakers=()) for d in drafts for co in d.co_speakers
        )
        return sorted(drafts, key=lambda d: (d.start, d.end))

    # --- reporting cues -----------------------------------------------------------------------

    def _from_cue(self, token: Any) -> _Draft | None:
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and lemma in self.lexicon.decline_verbs:
            return self._declined(token)
        if token.pos_ == "VERB" and lemma == "call":
            return self._called(token)
        if (
            token.pos_ == "VERB"
            and lemma == "rule"
            and any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children)
        ):
            # "ruled out Taliban involvement": a denial of the object.
            objects = [c for c in token.children if c.dep_ == "dobj"]
            if objects:
                span = _span_of(objects[0].subtree)
                return self._draft(token, self._subject(token), span, "indirect", "deny")
            return None
        if token.pos_ == "VERB" and lemma in self.lexicon.verbs:
            stance = self.lexicon.verbs[lemma]
            content = self._verb_content(token)
            if content is None:
                return None
            # "said: 'X'": the quote is the claim, found with its cue below; a cue inside a block
            # quote reports a clause of that quote.
            if self._is_quote_span(*content) and not self._in_quote(token.idx):
                return None
            speaker_token = self._subject(token)
            if speaker_token is not None and speaker_token.lemma_.lower() in _PERCEPTION_NOUNS:
                return None  # "video footage reveals ...": evidence, not a statement
            return self._draft(token, speaker_token, content, "indirect", stance)
        if token.pos_ == "NOUN" and lemma in self.lexicon.nouns:
            return self._nominal(token, self.lexicon.nouns[lemma])
        return None

    def _quoted_complement(self, verb: Any) -> list[tuple[int, int]]:
        """The quoted fragments that alone make up what a cue says of its object ("denouncing
        it as “unacceptable” and a “grave escalation”", "calling them a “pure propaganda
        show”"): the speaker's own words, each a direct claim. Empty when the complement has
        words of the writer's."""
        if verb.pos_ != "VERB":
            return []
        children = list(verb.children)
        objects = [c for c in children if c.dep_ == "dobj"]
        # Only a judgement of something already said ("it", "them", "these accusations",
        # "Russia's claims") is the speaker's words alone; "the attack as “unjustified”"
        # predicates of a thing, and the claim is the whole phrase.
        if not objects or not (
            objects[0].pos_ == "PRON" or objects[0].lemma_.lower() in self.lexicon.nouns
        ):
            return []
        own = _own_clauses(verb)
        complement: list[Any] = []
        linker = next(
            (
                t
                for t in verb.subtree
                if t.i > objects[0].i and t.lower_ == "as" and t.dep_ == "prep" and t.i not in own
            ),
            None,
        )
        if linker is not None:
            complement = [t for t in linker.subtree if t.i != linker.i]
            # "as “unacceptable” and a “grave escalation”": the parser may hang the second
            # description on the verb.
            complement += [
                t
                for c in children
                if c.dep_ == "conj" and c.pos_ == "NOUN" and c.i > linker.i
                for t in c.subtree
            ]
        else:
            predicates = [c for c in children if c.dep_ in {"oprd", "xcomp", "acomp"}]
            if predicates:
                complement = list(predicates[0].subtree)
        words = [t for t in complement if not t.is_punct and t.dep_ not in {"det", "cc"}]
        if not words or not all(self._in_quote(t.idx) for t in words):
            return []
        fragments = {q for t in words for q in self.quotes if q[0] <= t.idx < q[1]}
        return sorted(_strip(self.text, start, end) for start, end in fragments)

    def _declined(self, token: Any) -> _Draft | None:
        """ "declined to comment on X": an evasion."""
        for child in token.children:
            if child.dep_ == "xcomp" and child.lemma_.lower() in self.lexicon.decline_objects:
                span = _span_of(child.subtree)
                return self._draft(token, self._subject(token), span, "indirect", "evade")
        return None

    def _second_clauses(self, cue: Any) -> list[_Draft]:
        """ "said X and that Y": each clause with its own "that" is a claim of its own, with
        the speaker and cue of the first."""
        if cue.pos_ != "VERB" or cue.lemma_.lower() not in self.lexicon.verbs:
            return []
        start, end = self._paragraph(cue.idx)
        clause = next((c for c in cue.children if c.dep_ == "ccomp" and start <= c.idx < end), None)
        if clause is None:
            return []
        drafts = []
        for conjunct in _that_conjuncts(clause):
            stance = self.lexicon.verbs[cue.lemma_.lower()]  # the cue's, not the first clause's
            draft = self._draft(cue, self._subject(cue), _clause_span(conjunct), "indirect", stance)
            if draft is not None:
                drafts.append(draft)
        return drafts

    def _called(self, token: Any) -> _Draft | None:
        """ "called on X to do Y" / "called for Y" is a request (``other``); "called the
        claims false" describes them (its stance comes from the content)."""
        children = list(token.children)
        for child in children:
            if child.dep_ == "prep" and child.lower_ in {"on", "for"}:
                parts = [t for t in child.subtree if t.i != child.i]
                parts += [t for c in children if c.dep_ == "xcomp" for t in c.subtree]
                if parts:
                    return self._draft(
                        token, self._subject(token), _span_of(parts), "indirect", "other"
                    )
        objects = [c for c in children if c.dep_ == "dobj"]
        complements = [c for c in children if c.dep_ in {"oprd", "xcomp", "acomp"}]
        if objects and complements:
            parts = [t for c in (objects[0], complements[0]) for t in c.subtree]
            return self._draft(token, self._subject(token), _span_of(parts), "indirect", "assert")
        return None

    def _nominal(self, token: Any, stance: str) -> _Draft | None:
        """ "Zelensky's announcement that ...", "Beijing issued a categorical denial"."""
        possessor = next((c for c in token.children if c.dep_ == "poss"), None)
        if possessor is None:
            # "Russian claims that ...", "Kremlin claims that ...": the modifier names the source.
            possessor = next(
                (
                    c
                    for c in token.lefts
                    if c.dep_ in {"amod", "compound"} and (c.ent_type_ or c.pos_ == "PROPN")
                ),
                None,
            )
        clause = next((c for c in token.children if c.dep_ in {"acl", "ccomp", "relcl"}), None)
        if possessor is not None and clause is not None and _starts_with_that(clause):
            return self._draft(token, possessor, _clause_span(clause), "indirect", stance)
        if possessor is not None and possessor.dep_ == "poss":
            # "his Russian counterpart's accusations of war crimes": the charge is the claim.
            charge = next(
                (
                    o
                    for c in token.children
                    if c.dep_ == "prep" and c.lower_ == "of"
                    for o in c.children
                    if o.dep_ in {"pobj", "pcomp"}
                ),
                None,
            )
            if charge is not None:
                return self._draft(token, possessor, _span_of(charge.subtree), "indirect", stance)
        head = token.head
        if token.dep_ == "dobj" and head.lemma_.lower() in _ISSUING_VERBS:
            subject = self._subject(head)
            if subject is not None:
                noun_phrase = _span_of(_request_content(token) or token.subtree)
                return self._draft(token, subject, noun_phrase, "indirect", stance)
        return None

    def _verb_content(self, verb: Any) -> tuple[int, int] | None:
        """Character span of what a cue verb reports: its clause, its object, or its topic."""
        # The parser may run a sentence across a paragraph break (a subhead or a line without
        # final punctuation): what lies in another paragraph is not this cue's content.
        start, end = self._paragraph(verb.idx)
        children = [c for c in verb.children if start <= c.idx < end]
        run_in = {t.i for t in self._run_in_clauses(verb, start, end)}
        for child in [*children, *(self.doc[i] for i in sorted(run_in))]:
            if child.dep_ == "ccomp" or child.i in run_in:
                # "said he believed the call had gone well": what was said is what is believed.
                if child.lemma_.lower() in _OPINION_VERBS:
                    opinion = next((c for c in child.children if c.dep_ == "ccomp"), None)
                    if opinion is not None:
                        return _clause_span(opinion)
                return _clause_span(child)
        for child in children:
            # "lamented the fact that X", "noted the fact that X": the noun only carries the
            # clause, which is what is reported.
            if child.dep_ == "dobj" and child.lemma_.lower() in _CARRIER_NOUNS:
                clause = next(
                    (
                        c
                        for c in child.children
                        if c.dep_ in {"acl", "ccomp"} and _starts_with_that(c)
                    ),
                    None,
                )
                if clause is not None:
                    return _clause_span(clause)
        if verb.lemma_.lower() not in self.lexicon.object_cues:
            return None  # "maintained pressure" reports nothing; "maintained that ..." does
        objects = [c for c in children if c.dep_ == "dobj" and c.tag_ not in _RELATIVE_TAGS]
        if objects:
            content = _object_with_complement(verb, objects[0])
            if objects[0].ent_type_ == "PERSON" and len(content) == len(list(objects[0].subtree)):
                # "dismissing Syrsky", "rejected the envoy Smith": a person alone is removed or
                # turned away, not a statement judged ("accused Smith of lying" has its "of").
                return None
            return _span_of(content)
        # "The claim was dismissed by the United States as Russian propaganda": in the passive,
        # the "as" phrase is what the speaker said of the subject.
        passive = any(c.dep_ == "nsubjpass" for c in children)
        preps = _CONTENT_PREPS | {"as"} if passive else _CONTENT_PREPS
        for child in children:
            if child.dep_ == "prep" and child.lower_ in preps:
                objects = [
                    c
                    for c in child.children
                    if c.dep_ in {"pobj", "pcomp"} and c.ent_type_ not in _TIME_LABELS
                ]
                if objects:
                    return _span_of(objects[0].subtree)
        return None

    def _run_in_clauses(self, verb: Any, start: int, end: int) -> list[Any]:
        """The clause a cue reports when the parser hung it on a subhead run into the
        paragraph ("Fires rage after attack" + "Damage was recorded in 50 locations, the
        service said"): the verb heading the part of that complement inside the cue's
        paragraph."""
        found = []
        for child in verb.children:
            if child.dep_ != "ccomp" or start <= child.idx < end:
                continue
            inner = [
                t
                for t in child.subtree
                if start <= t.idx < end
                and t.i < verb.i
                and t.pos_ in {"VERB", "AUX"}
                and not (start <= t.head.idx < end)
            ]
            if inner:
                found.append(inner[0])
        return found

    def _subject(self, verb: Any) -> Any | None:
        """The speaker token of a cue, from its own paragraph: the parser may run a subhead
        into the next paragraph's sentence ("Palestinians react" + "Jamil Al Saadouni, 58,
        told ..."), and then the name that opens the cue's paragraph is the subject."""
        subject = self._parsed_subject(verb)
        paragraph_start, _ = self._paragraph(verb.idx)
        if subject is not None and subject.idx >= paragraph_start:
            return subject
        if subject is None and verb.sent.start_char >= paragraph_start:
            return None  # a cue without a subject in a sentence of its own paragraph
        opening = self._opening_noun(verb, paragraph_start)
        if opening is not None:
            return opening
        for token in self.doc[verb.sent.start : verb.i]:
            if token.idx >= paragraph_start and token.pos_ == "PROPN":
                while token.dep_ in {"compound", "flat"} and token.head.i > token.i:
                    token = token.head  # noqa: PLW2901
                return token
        return None

    def _opening_noun(self, verb: Any, paragraph_start: int) -> Any | None:
        """The head of the noun phrase that opens a cue's paragraph ("A VOA reporter's source
        inside the camp, ..., said"): from its first word up through the words that modify a
        later noun, while the parse keeps them in the paragraph and before the cue."""
        words = [
            t
            for t in self.doc[verb.sent.start : verb.i]
            if t.idx >= paragraph_start and not t.is_space and not t.is_punct
        ]
        if not words:
            return None
        token = words[0]
        while (
            token.dep_ in _NOUN_MODIFIER_DEPS
            and token.i < token.head.i < verb.i
            and token.head.idx >= paragraph_start
        ):
            token = token.head
        return token if token.pos_ in {"NOUN", "PROPN"} else None

    def _parsed_subject(self, verb: Any) -> Any | None:
        """The speaker token of a cue: its subject, a passive agent, or its governor's subject."""
        # "..., Truss adding they will ...": a participle's own subject, which the parser hangs
        # on it as a compound.
        own = [
            c
            for c in verb.lefts
            if c.dep_ in {"compound", "npadvmod"} and c.pos_ == "PROPN" and c.ent_type_
        ]
        if verb.tag_ == "VBG" and own:
            return own[-1]
        current = verb
        for _step in range(12):
            reported = current.i != verb.i and self._is_reported_clause(current)
            for child in current.children:
                if child.dep_ == "nsubj" and not reported:
                    if child.tag_ in _RELATIVE_TAGS and current.dep_ == "relcl":
                        # "agreements that promise": the agreements
                        return _relative_antecedent(child, current.head)
                    return child
                if child.dep_ == "agent" and not reported:
                    # "the deaths were caused by gunshot wounds": the agent of a reported
                    # clause is part of what is reported, not who reports it.
                    objects = [c for c in child.children if c.dep_ == "pobj"]
                    if objects:
                        return objects[0]
            passive = next((c for c in current.children if c.dep_ == "nsubjpass"), None)
            if passive is not None and passive.lower_ != "it" and not reported:
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
        start, end = self._paragraph(token.idx)
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
            if clause.pos_ not in {"VERB", "AUX"} or clause.lemma_.lower() in self.lexicon.verbs:
                return None
            inside = {t.i for t in sentence}
            # The clause with its own subject ("Pierpont, according to the Post, objected and
            # left"), not a relative pronoun ("a war that ... killed more than 39,000").
            skipped = {t.i for t in token.subtree} | {
                t.i
                for c in clause.children
                if c.dep_ in {"mark", "relcl"} or c.tag_ in _RELATIVE_TAGS
                for t in c.subtree
            }
            body = [t for t in clause.subtree if t.i in inside and t.i not in skipped]
        body = [t for t in body if not t.is_punct or t.text in {"'", "’"}]
        if not body:
            return None
        return self._draft(
            token, source, _span_of(body), "indirect", "assert", cue_text="according to"
        )

    # --- "reportedly" ---------------------------------------------------------------------------

    def _from_reportedly(self, token: Any) -> _Draft | None:
        """ "The army reportedly shelled the port": the writer passes on what unnamed others
        report, so the sentence is a claim of an unknown speaker (an assertion: the adverb
        attributes, it does not judge)."""
        if token.lower_ != "reportedly" or token.dep_ != "advmod":
            return None
        if any(v.lemma_.lower() in self.lexicon.verbs for v in [token.head, *token.head.ancestors]):
            # "reportedly said that ..." or "officials said troops reportedly crossed": the
            # reporting verb's own claim, with its named speaker, covers the sentence.
            return None
        start, end = self._paragraph(token.idx)
        body = [t for t in token.sent if start <= t.idx < end and not t.is_punct]
        if not body:
            return None
        return self._draft(token, None, _span_of(body), "indirect", "assert")

    # --- quotations ---------------------------------------------------------------------------

    def _from_quotes(self, indirect: list[_Draft]) -> list[_Draft]:
        """Direct claims. A quote with no cue of its own takes the speaker of the attributed
        quote next to it in its paragraph (\"A,\" he said. \"B\"), or, opening its paragraph,
        of the last claim in the paragraph before (a quoted paragraph that continues a speaker's
        quotes); otherwise its speaker is "unknown"."""
        drafts: list[_Draft] = []
        unattributed: list[tuple[int, int]] = []
        for quote_start, quote_end in self.quotes:
            start, end = _strip(self.text, quote_start, quote_end)
            inner = [d for d in indirect if start <= d.cue_pos < end]
            if inner:
                drafts.extend(self._block_quote_narration(start, end, inner))
                continue
            words = len(self.text[start:end].split())
            if words < _MIN_QUOTE_WORDS or any(d.start < end and start < d.end for d in indirect):
                continue  # partial quotes inside a reported clause belong to that claim
            cue = self._cue_for_quote(start, end)
            if cue is None:
                unattributed.append((start, end))
                continue
            lemma = cue.lemma_.lower()
            stance = self.lexicon.verbs.get(lemma, "assert")
            draft = self._draft(cue, self._subject(cue), (start, end), "direct", stance)
            if draft is not None:
                drafts.append(draft)
        for start, end in unattributed:
            source = self._continued_statement(start, end, drafts, indirect)
            if source is not None and source.speaker.name != UNKNOWN:
                stance = stance_from_content("assert", self.text[start:end])
                if stance == "assert" and self._is_speculation_or_demand(start, end):
                    stance = "other"
                drafts.append(
                    _Draft(source.speaker, start, end, "direct", "", stance, source.cue_pos)
                )
            elif len(
                self.text[start:end].split()
            ) >= _MIN_UNATTRIBUTED_QUOTE_WORDS and not self._is_pull_quote(start, end):
                drafts.append(
                    _Draft(Speaker(name=UNKNOWN), start, end, "direct", "", "assert", start)
                )
        return drafts

    def _block_quote_narration(self, start: int, end: int, inner: list[_Draft]) -> list[_Draft]:
        """The quoted outlet's own narration in a block quote: its paragraphs without an
        attribution of their own, consecutive ones joined, as direct claims of the block's cue.
        A block with no cue of its own gives only its inner attributions (its source is
        unknown, and its narration is then nobody's statement we can name)."""
        cue = self._cue_for_quote(start, end)
        if cue is None:
            return []
        segments: list[tuple[int, int]] = []
        position = start
        while position < end:
            stop = self.text.find("\n", position, end)
            stop = end if stop < 0 else stop
            own = not any(
                (d.start < stop and position < d.end) or position <= d.cue_pos < stop for d in inner
            )
            if own and self.text[position:stop].strip():
                if segments and not self.text[segments[-1][1] : position].strip():
                    segments[-1] = (segments[-1][0], stop)
                else:
                    segments.append((position, stop))
            position = stop + 1
        stance = self.lexicon.verbs.get(cue.lemma_.lower(), "assert")
        drafts = []
        for segment in segments:
            draft = self._draft(cue, self._subject(cue), segment, "direct", stance)
            if draft is not None:
                drafts.append(draft)
        return drafts

    def _is_pull_quote(self, start: int, end: int) -> bool:
        """A quoted fragment alone on its line ("“… prevent the evacuation of ...”"): an
        excerpt set out as a subhead, which repeats the body (not a claim of its own)."""
        paragraph_start, paragraph_end = self._paragraph(start)
        alone = not self.text[paragraph_start:start].strip(" \t\"“'‘") and not self.text[
            end:paragraph_end
        ].strip(" \t\"”'’.")
        return alone and not self.text[start:end][:1].isupper()

    def _continued_statement(
        self, start: int, end: int, quoted: list[_Draft], indirect: list[_Draft]
    ) -> _Draft | None:
        """The claim an unattributed quote continues: the nearest attributed quote in its
        paragraph (the earlier one first), else, when the quote opens its paragraph, the last
        claim of the paragraph before."""
        paragraph_start, paragraph_end = self._paragraph(start)
        same = [d for d in quoted if paragraph_start <= d.start < paragraph_end]
        before = [d for d in same if d.end <= start]
        if before:
            return max(before, key=lambda d: d.end)
        after = [d for d in same if d.start >= end]
        if after:
            return min(after, key=lambda d: d.start)
        if self.text[paragraph_start:start].strip(" \t\"“'‘") != "":
            return None
        if self._is_pull_quote(start, end):
            return None  # not a paragraph continuing someone's quotes
        previous_start, _ = self._paragraph(max(paragraph_start - 2, 0))
        previous = [
            d
            for d in [*quoted, *indirect]
            if previous_start <= d.start < paragraph_start and d.kind in {"direct", "indirect"}
        ]
        return max(previous, key=lambda d: d.end) if previous else None

    def _is_block_narration(self, cue: Any) -> bool:
        """Whether a cue inside a quotation is narration of a quoted outlet, whose own
        attributions are claims of their own ("Kyiv Post reported:" then a quoted block in which
        "Zelensky acknowledged ..."): the quote opens its paragraph and runs over a paragraph
        break (the block-quote layout of news sites), no nested opening mark precedes the token
        (a speaker's multi-paragraph quote reopens each paragraph), and the cue has a subject of
        the third person."""
        quote = next(((s, e) for s, e in self.quotes if s <= cue.idx < e), None)
        if quote is None:
            return False
        start, end = quote
        paragraph_start, _ = self._paragraph(start)
        if "\n" not in self.text[start:end] or self.text[paragraph_start:start].strip(' \t"“'):
            return False
        if "“" in self.text[start : cue.idx]:
            return False
        if cue.lower_ == "according":
            return True
        subject = self._parsed_subject(cue)
        return (
            subject is not None
            and start <= subject.idx < end
            and subject.lower_ not in {"i", "we", "you"}
        )

    def _paragraph(self, position: int) -> tuple[int, int]:
        """[start, end) of the paragraph holding a position: lines are paragraphs in our texts
        (blank lines between them, or one line each)."""
        start = self.text.rfind("\n", 0, position) + 1
        end = self.text.find("\n", position)
        return start, len(self.text) if end < 0 else end

    def _cue_for_quote(self, start: int, end: int) -> Any | None:
        """The reporting verb nearest to a quote in the sentences it touches, outside it, or in
        the sentence that directly follows the quote (\"... ?\" Zelensky said) or directly
        leads into it (He said: \"...\")."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        first = span[0].sent
        last = span[-1].sent
        sentence_start, sentence_end = first.start, last.end
        if sentence_end < len(self.doc) and not self.text[end : self.doc[sentence_end].idx].strip(
            " \t\"”’'.,?!"
        ):
            sentence_end = self.doc[sentence_end].sent.end
        if sentence_start > 0:
            previous = self.doc[sentence_start - 1].sent
            if self.text[previous.end_char - 1 : previous.end_char] == ":":
                sentence_start = previous.start
        # A cue in another paragraph introduces another statement, except a paragraph ending in
        # a colon ("Kyiv Post reported:") before a quote opening its own paragraph: the
        # block-quote layout of news sites.
        paragraph_start, paragraph_end = self._paragraph(start)
        lead_in = (-1, -1)
        before = self.text[:paragraph_start].rstrip()
        if before.endswith(":") and not self.text[paragraph_start:start].strip(" \t\"“'‘"):
            lead_in = self._paragraph(len(before) - 1)
        candidates = [
            t
            for t in self.doc[sentence_start:sentence_end]
            if t.pos_ == "VERB"
            and t.lemma_.lower() in self.lexicon.verbs
            and not self._in_quote(t.idx)
            # "Maria, an elderly resident who asked to change her name, tells the BBC": a
            # relative clause describes the speaker, it does not introduce the quote.
            and t.dep_ != "relcl"
            and (paragraph_start <= t.idx < paragraph_end or lead_in[0] <= t.idx < lead_in[1])
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
        if kind == "indirect":
            paragraph_start, paragraph_end = self._paragraph(cue.idx)
            start, end = _strip(self.text, max(start, paragraph_start), min(end, paragraph_end))
        if end - start < 2:
            return None
        if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in cue.children):
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
        stance = stance_from_content(stance, self.text[start:end])
        if stance == "assert" and (
            self._is_request_or_wish(start, end) or self._is_speculation_or_demand(start, end)
        ):
            stance = "other"
        speaker = self.speakers.speaker(speaker_token)
        co_speakers = tuple(
            self.speakers.speaker(conjunct) for conjunct in _named_conjuncts(speaker_token)
        )
        return _Draft(speaker, start, end, kind, cue_text or cue.text, stance, cue.idx, co_speakers)

    def _continued_denials(self, drafts: list[_Draft]) -> list[_Draft]:
        """A negative statement that follows the same speaker's denial, in its paragraph or the
        next, goes on denying ("... the claim is “patently false,” and that “the United States
        is not preventing people from leaving”"; "“Not the U.S. nor the rebels are
        preventing civilians from leaving,” the source said")."""
        result: list[_Draft] = []
        for draft in drafts:
            if draft.stance == "assert" and self._is_negative(draft.start, draft.end):
                floor = self._paragraph(max(self._paragraph(draft.start)[0] - 2, 0))[0]
                previous = [
                    d
                    for d in result
                    if floor <= d.start < draft.start and _same_speaker(d.speaker, draft.speaker)
                ]
                if previous and previous[-1].stance == "deny":
                    draft = replace(draft, stance="deny")  # noqa: PLW2901
            result.append(draft)
        return result

    def _is_negative(self, start: int, end: int) -> bool:
        """Whether a claim's main clause, or the clause its main verb reports, is negated."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return False
        tops = [t for t in span if not (span.start <= t.head.i < span.end) or t.head.i == t.i]
        # The main clause, what it reports, and any "that" clause ("I can say with confidence
        # that the U.S. does not control ...", which the parser may hang on a noun).
        clauses = [
            *tops,
            *(c for t in tops for c in t.children if c.dep_ == "ccomp"),
            *(t for t in span if any(m.dep_ == "mark" and m.lower_ == "that" for m in t.children)),
        ]
        for clause in clauses:
            children = list(clause.children)
            if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in children):
                continue  # "must not be forced": an obligation, not a fact denied
            subjects = [c for c in children if c.dep_ in _SUBJECTS]
            # "Not the U.S. nor the rebels are preventing ...": the negation on the subject.
            words = [*children, *(g for s in subjects for g in s.children)]
            if any(
                c.dep_ in {"neg", "preconj"} and c.lower_ in {"not", "n't", "n’t", "never"}
                for c in words
            ):
                return True
        return False

    def _is_speculation_or_demand(self, start: int, end: int) -> bool:
        """Whether a claim's main clause predicts or demands rather than states: a modal of
        possibility ("Sinwar might take a step", "its forces are likely to remain") or "must"
        laid on someone other than the speaker ("Moscow must accept a ceasefire", "They must
        understand"). Possibility about the past ("might have been used") is a statement."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return False
        tops = [t for t in span if not (span.start <= t.head.i < span.end) or t.head.i == t.i]
        for top in tops:
            if top.pos_ not in {"VERB", "AUX"}:
                continue
            auxiliaries = [c.lower_ for c in top.children if c.dep_ in {"aux", "auxpass"}]
            # "might take a step" and "could walk away" speculate about what someone will do;
            # "the death toll may be much higher" assesses a state, and "could not be
            # replaced" or "may not declare" state an impossibility or a prohibition.
            negated = any(c.dep_ == "neg" for c in top.children)
            if (
                any(a in _POSSIBILITY_MODALS for a in auxiliaries)
                and "have" not in auxiliaries
                and top.lemma_.lower() != "be"
                and not negated
            ):
                return True
            # "Moscow must accept": an obligation laid on an agent other than the speaker; "its
            # agenda must be clear" states a condition.
            agent = next((c for c in top.children if c.dep_ == "nsubj"), None)
            if (
                "must" in auxiliaries
                and agent is not None
                and agent.lower_ not in {"i", "we"}
                and (agent.pos_ in {"PROPN", "PRON"} or agent.ent_type_ or names_a_person(agent))
            ):
                return True
            # "are likely to remain": the adjective carries the prediction.
            if any(
                c.dep_ == "acomp"
                and c.lower_ == "likely"
                and any(x.dep_ == "xcomp" for x in c.children)
                for c in top.children
            ):
                return True
        return False

    def _is_request_or_wish(self, start: int, end: int) -> bool:
        """Whether a claim asks or wishes rather than states: an object with an infinitive
        ("called on Putin to stop the war" → "Putin to stop the war"), or a clause headed by a
        verb of hoping or praying ("he hoped the swap would ...", "We pray for ...")."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return False
        # The parser hangs "Putin" and "to stop" either on each other or both on the cue, so
        # look at every token whose head lies outside the span.
        tops = [t for t in span if not (span.start <= t.head.i < span.end) or t.head.i == t.i]
        if any(t.pos_ == "VERB" and t.lower_ in _WISH_VERBS and t.dep_ != "relcl" for t in tops):
            return True
        for top in tops:
            if top.tag_ != "VB" or not any(
                c.dep_ == "aux" and c.lower_ == "to" for c in top.children
            ):
                continue
            has_own_subject = any(
                c.dep_ in {"nsubj", "nsubjpass"} and c.i >= span.start for c in top.children
            )
            has_object_before = any(
                t.dep_ in {"dobj", "nsubj", "pobj"} and t.i < top.i for t in tops if t.i != top.i
            )
            if has_own_subject or has_object_before:
                return True
        return False

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
        if t.i > clause.i
        and t.dep_ in {"advcl", "conj"}
        # "called on X to do Y" is a request of its own (see ``_called``).
        and (t.lemma_.lower() in verbs or (t.lemma_.lower() == "call" and t.pos_ == "VERB"))
    ]
    # "... and that Y": a second clause with its own "that" is a claim of its own.
    nested += _that_conjuncts(clause)
    cut = min((min(n.left_edge.i, n.i) for n in nested), default=None)
    tokens = [
        t
        for t in clause.subtree
        if not (t.dep_ == "mark" and t.head.i == clause.i) and (cut is None or t.i < cut)
    ]
    while tokens and (
        (tokens[-1].is_punct and tokens[-1].text not in {"'", "’", '"', "”"})
        or tokens[-1].dep_ == "cc"  # "X and" before a cut "that Y"
    ):
        tokens.pop()
    return _span_of(tokens or [clause])


def _that_conjuncts(clause: Any) -> list[Any]:
    """Clauses conjoined to a complement clause, each with its own "that"."""
    return [
        c
        for c in clause.children
        if c.dep_ == "conj" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
    ]


def _object_with_complement(verb: Any, obj: Any) -> list[Any]:
    """An object with the charge or description that completes it: "China ... of being party
    to the war", "Beijing as a major enabler". The parser may hang "of"/"as" on a nearer noun,
    so any such preposition inside the verb's phrase after the object counts, short of a
    subordinate clause that is a claim of its own ("by claiming that ...")."""
    verbs = cue_lexicon().verbs
    # "responsibility for shooting down the helicopter, which it said crashed in Logar": the
    # relative clause with a cue of its own is a claim of its own.
    extension = next(
        (
            t
            for t in verb.subtree
            if t.i > obj.i
            and t.lower_ in {"of", "as"}
            and t.dep_ == "prep"  # not "as well as"
            and t.i not in _own_clauses(verb)
        ),
        None,
    )
    scope = [*obj.subtree, *(extension.subtree if extension is not None else ())]
    nested = {
        t.i
        for clause in scope
        if clause.i != obj.i
        and (
            (clause.dep_ == "relcl" and any(w.lemma_.lower() in verbs for w in clause.subtree))
            or (
                clause.pos_ == "VERB"
                and clause.lemma_.lower() in verbs
                and any(c.dep_ == "nsubj" for c in clause.children)
            )
        )
        for t in clause.subtree
    }
    tokens = [t for t in obj.subtree if t.i not in nested]
    own_clauses = _own_clauses(verb)
    if extension is not None and extension.i not in nested:
        tokens.extend(t for t in extension.subtree if t.i not in own_clauses | nested)
    return tokens


def _own_clauses(verb: Any) -> set[int]:
    """Tokens of a cue's subordinate clauses that are claims of their own ("..., saying X",
    "by claiming that X")."""
    return {
        t.i
        for child in verb.children
        if child.dep_ in {"advcl", "ccomp", "conj"}
        or (child.dep_ == "prep" and child.lower_ == "by")
        for t in child.subtree
    }


def _request_content(noun: Any) -> list[Any]:
    """What a request asks ("made a plea to Putin to stop the war" → "Putin to stop the
    war"): the addressee of its "to" and the infinitive, which the parser may hang on the noun
    or on the issuing verb. Empty when the noun has no such infinitive."""
    addressee = next(
        (
            o
            for c in [*noun.children, *noun.head.children]
            if c.dep_ == "prep" and c.lower_ == "to" and c.i > noun.i
            for o in c.children
            if o.dep_ == "pobj"
        ),
        None,
    )
    infinitive = next(
        (
            c
            for c in [*noun.children, *noun.head.children]
            if c.dep_ in {"acl", "advcl", "xcomp", "relcl"}
            and c.i > noun.i
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        ),
        None,
    )
    if addressee is None or infinitive is None:
        return []
    tokens = [*addressee.subtree, *infinitive.subtree]
    # "... after Putin announced the operation": a clause of its own ends the request.
    own = {
        t.i
        for c in infinitive.children
        if c.dep_ == "advcl" and any(m.dep_ == "mark" for m in c.children)
        for t in c.subtree
    }
    return [t for t in tokens if t.i not in own]


def _relative_antecedent(pronoun: Any, head: Any) -> Any:
    """The noun a relative pronoun stands for. "Which" never stands for a person, so where the
    parser hangs its clause on a person noun ("the head of the Palestinian Dialogue Group in
    Turkey, which says ..."), it stands for the organisation named inside that noun's phrase."""
    if pronoun.lower_ != "which" or not names_a_person(head):
        return head
    organisations = [
        t
        for t in head.subtree
        if t.i < pronoun.i and t.ent_type_ == "ORG" and t.dep_ not in {"compound", "flat"}
    ]
    return organisations[-1] if organisations else head


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


def _continued_date(earlier: list[Claim], draft: _Draft, text: str) -> str | None:
    """The stated date of the statement a claim continues: the same speaker's previous claim, in
    this paragraph or the one before, when the text dated it ("Putin on Friday denounced ...
    He said ...", "The ministry added ...")."""
    if draft.speaker.name == UNKNOWN:
        return None
    own_paragraph = text.rfind("\n", 0, draft.start)
    previous_paragraph = text.rfind("\n", 0, max(own_paragraph - 1, 0))
    while previous_paragraph > 0 and not text[previous_paragraph:own_paragraph].strip():
        previous_paragraph = text.rfind("\n", 0, previous_paragraph - 1)
    for claim in reversed(earlier):
        if claim.start < previous_paragraph:
            return None
        if _same_speaker(claim.speaker, draft.speaker):
            return claim.date if claim.date_source == "text" else None
    return None


def _same_speaker(a: Speaker, b: Speaker) -> bool:
    if a.entity is not None and a.entity == b.entity:
        return True
    return a.name == b.name


def _named_conjuncts(token: Any | None) -> list[Any]:
    """Names joined to a speaker name: "Hamas and Iran", "Wallace and Truss" (each speaks);
    "Kyiv and its European allies" speak as one (a common noun joins no name)."""
    if token is None or token.pos_ != "PROPN" or not token.ent_type_:
        return []
    return [
        t
        for t in token.conjuncts
        if t.i > token.i and t.pos_ == "PROPN" and t.ent_type_ and t.ent_type_ != "NORP"
    ]


def _dedupe(drafts: list[_Draft]) -> list[_Draft]:
    """One claim per span, in text order; a direct quote wins over an overlapping cue's
    clause."""
    seen: dict[tuple[int, int], _Draft] = {}
    for draft in drafts:
        seen.setdefault((draft.start, draft.end), draft)
    return sorted(seen.values(), key=lambda d: (d.start, d.end))
