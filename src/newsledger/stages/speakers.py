"""Speakers of claims: from the token a reporting cue names to a ``Speaker`` (name, entity, role).

The claims stage finds *where* a speaker is named (the subject of "said", the object of
"according to"); this module decides *who* that is, by rules of our own (no offline coreference
model exists for spaCy 3.8). :class:`SpeakerResolver` tries, in order: a pronoun (the last
speaker of its kind, :mod:`~newsledger.stages.claim_parts.pronoun_speakers`); a demonym alone
("Russian claims": its country); a recognized name, under its canonical full name
(:mod:`~newsledger.stages.claim_parts.person_names`) or institution name
(:mod:`~newsledger.stages.claim_parts.institutions`); a title before a name, a document for its
issuer (:mod:`~newsledger.stages.claim_parts.documents`), a descriptor for the earlier speaker
it shortens (:mod:`~newsledger.stages.claim_parts.descriptors`); and anything else as written,
with the modifiers that say who it is ("Residents of Russia's Belgorod region", "Officials in
Kiev") and without its article (:mod:`~newsledger.stages.claim_parts.speaker_phrases`).

No speaker is invented: without one the name is "unknown".
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from typing import Any

from newsledger.model import Entity, Speaker
from newsledger.pipeline.stage import Analysis
from newsledger.resources.actors import lookup_actor
from newsledger.resources.countries import country_by_demonym
from newsledger.stages.actors import person_role
from newsledger.stages.claim_parts.descriptors import (
    described_person,
    descriptor_antecedent,
    person_in_title,
)
from newsledger.stages.claim_parts.documents import document_issuer
from newsledger.stages.claim_parts.institutions import (
    Abbreviations,
    country_institution,
    expansion_at,
    known_institution,
    name_after_institution,
    qualified_name,
    spelled_out_abbreviations,
)
from newsledger.stages.claim_parts.person_names import (
    PERSON_NOUNS,
    full_name_entity,
    is_person_title,
    is_title_word,
    namesake,
    without_titles,
)
from newsledger.stages.claim_parts.pronoun_speakers import pronoun_speaker
from newsledger.stages.claim_parts.spans import paragraph_bounds
from newsledger.stages.claim_parts.speaker_phrases import (
    UNKNOWN,
    is_definite_descriptor,
    phrase_text,
    proper_name_in,
    speaker_phrase,
)
from newsledger.stages.coreference import RESOLVED_PRONOUNS

# How many references a speaker is followed through ("he" → "the institute" → "TNO, an
# institute"), so that a cycle of descriptors ends.
_MAX_DEPTH = 3


def same_speaker(a: Speaker, b: Speaker) -> bool:
    """Whether two claims' speakers are one: the same recognized entity, or the same name."""
    if a.entity is not None and a.entity == b.entity:
        return True
    return a.name == b.name


class SpeakerResolver:
    """Resolve speaker tokens of one article; ``in_quote`` tells positions inside quotations,
    ``cue_verbs`` the reporting-verb lemmas (whose subjects are earlier speakers)."""

    def __init__(
        self, analysis: Analysis, in_quote: Callable[[int], bool], cue_verbs: Collection[str]
    ) -> None:
        self.analysis = analysis
        self.doc = analysis.parse
        self.text = analysis.document.text
        self.in_quote = in_quote
        self.cue_verbs = cue_verbs
        # Tokens already resolved as a cue's speaker: the claims stage may take a speaker the
        # parse does not make a subject (a name opening a paragraph the parser ran a subhead
        # into), and a later "he said" refers back to it all the same.
        self.spoken: set[int] = set()
        # Speakers resolved so far, by position: "the institute" with no earlier institute is
        # the organisation last heard from.
        self.resolved: list[tuple[int, Speaker]] = []
        self._abbreviations: Abbreviations | None = None

    def speaker(self, token: Any | None) -> Speaker:
        """The speaker a cue's speaker token names, remembered for later pronouns and
        descriptors; "unknown" for no token."""
        if token is None:
            return self.resolve(token, 0)
        self.spoken.add(token.i)
        found = self.resolve(token, 0)
        self.resolved.append((token.idx, found))
        return found

    def resolve(self, token: Any | None, depth: int) -> Speaker:
        """The speaker a token names, ``depth`` references into a chain of them."""
        if token is None or depth > _MAX_DEPTH:
            return Speaker(name=UNKNOWN)
        if token.lower_ in RESOLVED_PRONOUNS:
            return pronoun_speaker(self, token, depth)
        # "Russian claims": a demonym alone stands for its country's government.
        if token.pos_ == "ADJ" or (token.ent_type_ == "NORP" and not list(token.lefts)):
            country = country_by_demonym(token.text)
            if country is not None:
                return Speaker(name=country.name)
        expanded = expansion_at(self.abbreviations(), self.analysis.entities, token)
        if expanded is not None:
            return expanded
        # "Ukraine's Foreign Minister Andrii Sybiha": the title heads the phrase, the name is
        # its apposition.
        appositions = [c for c in token.children if c.dep_ == "appos"]
        found = [
            (candidate, entity)
            for candidate in [token, *appositions]
            if (entity := self.entity_at(candidate.idx, candidate.idx + len(candidate.text)))
            is not None
            # A title the recognizer tagged as a person ("Spokesperson") names nobody.
            and not (entity.type == "PERSON" and is_title_word(entity.name))
        ]
        # "VILNIUS, Lithuania (AP) — Defence Minister Ona Petraitė": a dateline's place heads
        # the phrase, the person in apposition is the speaker.
        found.sort(key=lambda pair: pair[1].type in {"GPE", "LOC"})
        if found:
            candidate, entity = found[0]
            return self.entity_speaker(entity, candidate)
        person = person_in_title(self, token)
        if person is not None:
            return person
        issuer = document_issuer(self, token, depth)
        if issuer is not None:
            return issuer
        # The parser may run a subhead into the paragraph: its words name no one here.
        start, end = paragraph_bounds(self.text, token.idx)
        phrase = [t for t in speaker_phrase(token) if start <= t.idx < end] or [token]
        described = described_person(self.analysis, phrase)
        if described is not None:
            return described
        if is_definite_descriptor(token, phrase):
            earlier = descriptor_antecedent(self, token, depth)
            if earlier is not None:
                return earlier
        named = (
            proper_name_in(token, phrase)
            or name_after_institution(phrase)
            or country_institution(phrase)
        )
        if named is not None:
            return Speaker(name=named)
        written = phrase_text(self.text, phrase)
        # "Israel's military" or "Ukraine's emergency service", where the actor lexicon lists
        # it as an alias, is the institution's canonical name.
        return Speaker(name=known_institution(written) or written)

    def entity_speaker(self, entity: Entity, token: Any) -> Speaker:
        """The speaker a recognized entity names at ``token``: a person by the full name, an
        institution by its canonical name, with the role the text gives the mention."""
        mention = next(
            (m for m in entity.mentions if m.start <= token.idx < m.end), entity.mentions[0]
        )
        role = person_role(self.doc, mention.start, mention.end)
        if entity.type == "PERSON" or self.is_person(token) is None:
            entity = full_name_entity(entity, self.analysis)
            other = namesake(entity, mention.start, token)
            if other is not None:
                return Speaker(name=other, role=role)
            return Speaker(name=without_titles(entity.name), entity=entity.id, role=role)
        expansion = self.abbreviations().get(entity.name)
        if expansion is not None and lookup_actor(entity.name) is None:
            # "Netherlands Organisation for Applied Scientific Research (TNO)": the name the
            # text spells out is the canonical one.
            return Speaker(name=expansion[2], entity=entity.id, role=role)
        return Speaker(name=qualified_name(entity, token), entity=entity.id, role=role)

    def abbreviations(self) -> Abbreviations:
        """The abbreviations this article spells out (read once)."""
        if self._abbreviations is None:
            self._abbreviations = spelled_out_abbreviations(self.text, self.doc)
        return self._abbreviations

    def earlier_mentions(self, token: Any) -> Iterator[Any]:
        """Earlier words of the same lemma as ``token``, outside quotations, nearest first:
        where a descriptor or a document ("the ministry", "the statement") was introduced."""
        lemma = token.lemma_.lower()
        for candidate in reversed(self.doc[: token.i]):
            if candidate.lemma_.lower() == lemma and not self.in_quote(candidate.idx):
                yield candidate

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity (not a nationality) with a mention covering [start, end)."""
        for entity in self.analysis.entities:
            if entity.type == "NORP":
                continue
            if any(m.start <= start and end <= m.end for m in entity.mentions):
                return entity
        return None

    def is_person(self, token: Any) -> bool | None:
        """Whether a token names a person; ``None`` for a name tagged as a place that no place
        was found for ("But Fidan said": the small model's GPE)."""
        entity = self.entity_at(token.idx, token.idx + len(token.text))
        if entity is not None:
            if (
                entity.type in {"GPE", "LOC"}
                and token.pos_ == "PROPN"
                and not self._is_place(token)
            ):
                return None
            return entity.type == "PERSON"
        if token.ent_type_:
            return bool(token.ent_type_ == "PERSON")
        lemma = token.lemma_.lower()
        return token.tag_ in {"NN", "NNP"} and (lemma in PERSON_NOUNS or is_person_title(lemma))

    def _is_place(self, token: Any) -> bool:
        return any(
            m.start <= token.idx < m.end for place in self.analysis.places for m in place.mentions
        )
