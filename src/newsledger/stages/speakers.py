"""Speakers of claims: from the token a reporting cue names to a ``Speaker`` (name, entity, role).

The claims stage finds *where* a speaker is named (the subject of "said", the object of
"according to"); this module decides *who* that is, by rules of our own (no offline coreference
model exists for spaCy 3.8):

* names resolve to their entity, and a person named by surname or title + surname ("Gen
  Kellogg") takes the full name of the same person given elsewhere in the article ("Keith
  Kellogg"), since a claim's speaker is a canonical full name;
* a pronoun speaker ("he said", "it added") is the nearest earlier *speaker* of the right kind,
  outside quotations, in its paragraph or the one before: in news prose the pronoun after a quote
  refers back to whoever was last quoted, not to a person the quote talks about; failing that,
  the general pronoun rule of :mod:`newsledger.stages.coreference`;
* a definite descriptor ("the ministry", "the institute", "the doctor") is the earlier entity or
  speaker it shortens ("Russian Ministry of Defense", "TNO, an independent research institute",
  "a doctor on the scene"); "the Ukrainian president" is the earlier person of that country with
  that title;
* anything else is named as written, with the modifiers that say who it is ("Residents of
  Russia's Belgorod region", "Officials in Kiev") and without its article.

No speaker is invented: without one the name is "unknown".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import replace
from typing import Any

from newsledger.model import Entity, Speaker
from newsledger.pipeline.stage import Analysis
from newsledger.resources.actors import lookup_actor, sector_for_words
from newsledger.resources.countries import country, country_by_demonym
from newsledger.stages.actors import person_role
from newsledger.stages.coreference import GROUP_PRONOUNS, PERSON_PRONOUNS, resolve

UNKNOWN = "unknown"
_PARENTHESES = re.compile(r"\s*\([^)]*\)")
# Titles and honorifics that precede a surname in news prose; never part of a canonical name.
_TITLES = frozenset(
    {
        "gen",
        "general",
        "lt",
        "col",
        "maj",
        "capt",
        "adm",
        "admiral",
        "rear",
        "president",
        "prime",
        "minister",
        "secretary",
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
        "dame",
        "lord",
        "sen",
        "senator",
        "rep",
        "gov",
        "governor",
        "mayor",
        "judge",
        "pope",
        "king",
        "queen",
        "prince",
    }
)
# Common nouns that name a person ("a doctor on the scene said ... he added"), beside the
# role words of the actor lexicon.
_PERSON_NOUNS = frozenset(
    {
        "resident",
        "doctor",
        "source",
        "witness",
        "eyewitness",
        "expert",
        "analyst",
        "journalist",
        "reporter",
        "correspondent",
        "man",
        "woman",
        "survivor",
        "official",
        "lawyer",
        "professor",
        "researcher",
        "father",
        "mother",
        "son",
        "daughter",
        "driver",
        "worker",
        "activist",
        "protester",
        "farmer",
        "student",
        "teacher",
        "nurse",
        "victim",
    }
)
# Leading words dropped from a speaker named as written: "a press kit", "many Belgorod
# residents", "both independent analysts and sources" (the gold and RECORD name groups without
# their article or quantifier).
_DROPPED_LEADING = frozenset({"a", "an", "the", "many", "both", "several", "some", "another"})
# Prepositions whose phrase says who a group or person is ("Officials in Kiev", "a source inside
# the camp"); "in a statement" or "on Friday" say how or when, and are left out by the time and
# statement checks below.
_IDENTIFYING_PREPS = frozenset({"of", "in", "on", "at", "inside", "from", "near", "within"})
_NOT_IDENTIFYING = frozenset(
    {"statement", "interview", "post", "video", "tweet", "letter", "speech", "report", "call"}
)
# Documents that speak for their issuer ("the report found", "the statement said").
_DOCUMENTS = frozenset(
    {
        "report",
        "statement",
        "study",
        "communique",
        "release",
        "document",
        "analysis",
        "article",
        "story",
    }
)
_VAGUE_DETERMINERS = frozenset({"some", "several", "many", "other", "unconfirmed"})
# Head words of institutions: in a run of names, what follows one is a person ("Chinese Foreign
# Ministry Hua Chunying" → "Hua Chunying").
_INSTITUTION_WORDS = frozenset(
    {"ministry", "office", "department", "agency", "council", "committee", "commission"}
)
_LEFT_DEPS = frozenset({"det", "amod", "compound", "poss", "nummod", "predet", "quantmod", "nmod"})
_MAX_DEPTH = 3


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

    def speaker(self, token: Any | None) -> Speaker:
        return self._speaker(token, 0)

    # --- dispatch -------------------------------------------------------------------------------

    def _speaker(self, token: Any | None, depth: int) -> Speaker:
        if token is None or depth > _MAX_DEPTH:
            return Speaker(name=UNKNOWN)
        if token.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS:
            return self._pronoun(token, depth)
        # "Russian claims": a demonym alone stands for its country's government.
        if token.pos_ == "ADJ" or (token.ent_type_ == "NORP" and not list(token.lefts)):
            country = country_by_demonym(token.text)
            if country is not None:
                return Speaker(name=country.name)
        # "Ukraine's Foreign Minister Andrii Sybiha": the title heads the phrase, the name is
        # its apposition.
        appositions = [c for c in token.children if c.dep_ == "appos"]
        found = [
            (candidate, entity)
            for candidate in [token, *appositions]
            if (entity := self._entity_at(candidate.idx, candidate.idx + len(candidate.text)))
            is not None
        ]
        # "HANOI, Vietnam (AP) — U.S. Defense Secretary Mark Esper": a dateline's place heads
        # the phrase, the person in apposition is the speaker.
        found.sort(key=lambda pair: pair[1].type in {"GPE", "LOC"})
        if found:
            candidate, entity = found[0]
            return self._entity_speaker(entity, candidate)
        person = self._person_in_title(token)
        if person is not None:
            return person
        issuer = self._document_issuer(token, depth)
        if issuer is not None:
            return issuer
        phrase = speaker_phrase(token)
        described = self._described_person(phrase)
        if described is not None:
            return described
        if _is_definite_descriptor(token, phrase):
            earlier = self._descriptor_antecedent(token, depth)
            if earlier is not None:
                return earlier
        named = _proper_name_in(token, phrase) or _name_after_institution(phrase)
        if named is not None:
            return Speaker(name=named)
        return Speaker(name=_phrase_text(self.text, phrase))

    # --- names ----------------------------------------------------------------------------------

    def _entity_speaker(self, entity: Entity, token: Any) -> Speaker:
        mention = next(
            (m for m in entity.mentions if m.start <= token.idx < m.end), entity.mentions[0]
        )
        role = person_role(self.doc, mention.start, mention.end)
        if entity.type == "PERSON" or self._is_person(token) is None:
            entity = self._full_name_entity(entity)
            return Speaker(name=_without_titles(entity.name), entity=entity.id, role=role)
        return Speaker(name=entity.name, entity=entity.id, role=role)

    def _person_in_title(self, token: Any) -> Speaker | None:
        """ "President of the European Commission Ursula von der Leyen": a title heading a phrase
        that ends in a person's name speaks as that person."""
        if not _is_person_title(token.lemma_.lower()) and sector_for_words([token.lower_]) is None:
            return None
        for child in token.rights:
            if child.dep_ not in {"prep", "appos", "compound"}:
                continue
            for inner in child.subtree:
                entity = self._entity_at(inner.idx, inner.idx + len(inner.text))
                if entity is not None and entity.type == "PERSON":
                    return self._entity_speaker(entity, inner)
        return None

    def _full_name_entity(self, entity: Entity) -> Entity:
        """The entity of the same person under a longer name ("Kellogg" → "Keith Kellogg"), or
        the entity renamed by its own longest mention when its name is a surname alone."""
        words = _without_titles(entity.name).split()
        if not words:
            return entity
        if len(words) == 1 and lookup_actor(entity.name) is None:
            longest = max(
                (_without_titles(m.text) for m in entity.mentions),
                key=lambda name: len(name.split()),
            )
            longest_words = longest.split()
            if (
                len(longest_words) > 1
                and longest_words[-1] == words[0]
                and all(w[:1].isupper() for w in longest_words)
                and sector_for_words([w.lower() for w in longest_words]) is None
            ):
                entity = replace(entity, name=longest)
                words = longest_words
        best, best_length = entity, len(words)
        for other in self.analysis.entities:
            if other.type != "PERSON" or other.id == entity.id:
                continue
            other_words = _without_titles(other.name).split()
            if (
                len(other_words) > best_length
                and other_words[-len(words) :] == words
                and all(w[:1].isupper() for w in other_words)
            ):
                best, best_length = other, len(other_words)
        if best is entity and best_length == 1:
            given = self._given_names(entity)
            if given:
                best = replace(entity, name=f"{given} {words[0]}")
        return best

    def _given_names(self, entity: Entity) -> str | None:
        """The given names the entity recognizer left out of a surname-only person ("Oleksandr"
        of "according to Oleksandr Prokudin" tagged "Prokudin"): the capitalized proper nouns
        written just before a mention and compounded into it. Their own entity tag is ignored:
        the small model reads unfamiliar given names as places ("Oleksandr" GPE)."""
        for mention in entity.mentions:
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None or len(span) != 1:
                continue
            head = span[0]
            given: list[str] = []
            position = head.i - 1
            while position >= 0:
                token = self.doc[position]
                if not (
                    token.dep_ == "compound"
                    and token.head.i == head.i
                    and token.pos_ == "PROPN"
                    and token.text[:1].isupper()
                    and token.text.isalpha()
                    and not _is_person_title(token.lemma_.lower())
                ):
                    break
                given.insert(0, token.text)
                position -= 1
            if given:
                return " ".join(given)
        return None

    def _entity_at(self, start: int, end: int) -> Entity | None:
        for entity in self.analysis.entities:
            if entity.type == "NORP":
                continue
            if any(m.start <= start and end <= m.end for m in entity.mentions):
                return entity
        return None

    # --- pronouns -------------------------------------------------------------------------------

    def _pronoun(self, token: Any, depth: int) -> Speaker:
        """The nearest earlier speaker of the pronoun's kind, outside quotations, in this
        paragraph or the one before; failing that, the general pronoun rule."""
        person = token.lower_ in PERSON_PRONOUNS
        floor = self._previous_paragraph_start(token.idx)
        for candidate in reversed(self.doc[: token.i]):
            if candidate.idx < floor:
                break
            if self.in_quote(candidate.idx) or not self._is_cue_subject(candidate):
                continue
            if candidate.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS:
                if (candidate.lower_ in PERSON_PRONOUNS) == person:
                    return self._speaker(candidate, depth + 1)
                continue
            kind = self._is_person(candidate)
            if kind == person or (person and kind is None):
                return self._speaker(candidate, depth + 1)
        # No earlier speaker: the nearest earlier subject of the right kind, a main clause's
        # first ("But Al Saud is aware of the effect Sinwar may have. \"...,\" he said").
        window = [t for t in reversed(self.doc[: token.i]) if t.idx >= floor] if person else []
        for main_only in (True, False):
            for candidate in window:
                if (
                    candidate.dep_ in {"nsubj", "nsubjpass"}
                    and candidate.pos_ in {"PROPN", "NOUN"}
                    and (candidate.head.dep_ == "ROOT" or not main_only)
                    and not self.in_quote(candidate.idx)
                    and self._is_person(candidate) == person
                ):
                    return self._speaker(candidate, depth + 1)
        referent = resolve(token)
        if referent.i == token.i:
            return Speaker(name=UNKNOWN)
        return self._speaker(referent, depth + 1)

    def _is_cue_subject(self, token: Any) -> bool:
        if token.dep_ == "nsubj":
            return bool(token.head.lemma_.lower() in self.cue_verbs)
        if token.dep_ == "pobj" and token.head.dep_ == "agent":
            return bool(token.head.head.lemma_.lower() in self.cue_verbs)
        return False

    def _is_person(self, token: Any) -> bool | None:
        """Whether a token names a person; ``None`` for a name tagged as a place that no place
        was found for ("But Fidan said": the small model's GPE)."""
        entity = self._entity_at(token.idx, token.idx + len(token.text))
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
        return token.tag_ in {"NN", "NNP"} and (lemma in _PERSON_NOUNS or _is_person_title(lemma))

    def _is_place(self, token: Any) -> bool:
        return any(
            m.start <= token.idx < m.end for place in self.analysis.places for m in place.mentions
        )

    def _previous_paragraph_start(self, position: int) -> int:
        own = self.text.rfind("\n", 0, position)
        if own < 0:
            return 0
        # Skip the blank lines between paragraphs, then find where the previous one starts.
        before = own
        while before > 0 and self.text[before - 1] in "\n \t\r":
            before -= 1
        return self.text.rfind("\n", 0, before) + 1

    # --- descriptors ----------------------------------------------------------------------------

    def _document_issuer(self, token: Any, depth: int) -> Speaker | None:
        """A document speaks for whoever issued it: "TNO's report said" and "a 70-page TNO
        report found" are TNO's claims; "the statement said" is the claim of whoever the text
        said issued the statement ("the US military said in a statement")."""
        if token.lemma_.lower() not in _DOCUMENTS:
            return None
        for child in token.lefts:
            if child.dep_ in {"poss", "compound", "nmod"}:
                entity = self._entity_at(child.idx, child.idx + len(child.text))
                if entity is not None:
                    return self._entity_speaker(entity, child)
                if child.dep_ == "poss":
                    return self._speaker(child, depth + 1)
        # "BBC News Russian analysis": a name the entities stage missed, written before the noun.
        names = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
        if names:
            first = min(t.left_edge.i for t in names)
            return Speaker(name=self.doc[first : token.i].text)
        # "credible reports received by Amnesty", "an article in the Independent": the issuer
        # named after the noun.
        for inner in token.subtree:
            if inner.dep_ == "pobj" and inner.head.lower_ in {"by", "from", "in"}:
                entity = self._entity_at(inner.idx, inner.idx + len(inner.text))
                if entity is not None:
                    return self._entity_speaker(entity, inner)
        if token.tag_ == "NNS" and all(
            c.lower_ in _VAGUE_DETERMINERS for c in token.lefts if c.dep_ == "det"
        ):
            return Speaker(name=UNKNOWN)  # "Reports say", "some reports suggesting": no source
        if not any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in token.lefts):
            return None
        lemma = token.lemma_.lower()
        for candidate in reversed(self.doc[: token.i]):
            if candidate.lemma_.lower() != lemma or self.in_quote(candidate.idx):
                continue
            preposition = candidate.head
            verb = preposition.head
            if (
                candidate.dep_ == "pobj"
                and preposition.dep_ == "prep"
                and verb.lemma_.lower() in self.cue_verbs
            ):
                subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                if subject is not None:
                    return self._speaker(subject, depth + 1)
            return None
        return None

    def _described_person(self, phrase: list[Any]) -> Speaker | None:
        """ "the Ukrainian president" → the earlier person of that country with that title."""
        words = [t.lower_ for t in phrase]
        if sector_for_words(words) is None:
            return None
        # "the Ukrainian president", "Ukraine's president"
        countries = {
            c.alpha3
            for t in phrase
            if (c := country_by_demonym(t.text) or (country(t.text) if t.dep_ == "poss" else None))
            is not None
        }
        title = phrase[-1].lower_
        # The earlier person first; a lead paragraph may name the title before the person.
        start = phrase[0].idx
        earlier = [e for e in self.analysis.entities if e.mentions[0].start < start]
        later = [e for e in self.analysis.entities if e.mentions[0].start >= start]
        for entity in [*reversed(earlier), *later]:
            if entity.type != "PERSON":
                continue
            known = lookup_actor(entity.name)
            role = (known.role or "").lower() if known else ""
            if entity.country in countries and title in role:
                return Speaker(
                    name=entity.name, entity=entity.id, role=known.role if known else None
                )
        return None

    def _descriptor_antecedent(self, token: Any, depth: int) -> Speaker | None:
        """ "the ministry" → the nearest earlier entity whose name has that word; "the doctor"
        or "the institute" → the nearest earlier mention of that noun that introduced someone
        ("a doctor on the scene", "TNO, an independent research institute")."""
        lemma = token.lemma_.lower()
        for candidate in reversed(self.doc[: token.i]):
            if candidate.lemma_.lower() != lemma or self.in_quote(candidate.idx):
                continue
            entity = self._entity_at(candidate.idx, candidate.idx + len(candidate.text))
            if entity is not None and entity.type != "PERSON":
                return Speaker(name=entity.name, entity=entity.id)
            # "TNO, an independent research institute": the noun is an apposition of a name.
            if candidate.dep_ == "appos":
                head = candidate.head
                entity = self._entity_at(head.idx, head.idx + len(head.text))
                if entity is not None:
                    return self._entity_speaker(entity, head)
            if not _is_definite_descriptor(candidate, speaker_phrase(candidate)):
                return self._speaker(candidate, depth + 1)
        return None


# --- phrases --------------------------------------------------------------------------------


def speaker_phrase(token: Any) -> list[Any]:
    """The tokens that say who a speaker is: the head with its left modifiers ("the Ukrainian
    president"), and for a common noun the prepositional phrases and conjuncts that identify it
    ("Residents of Russia's Belgorod region", "analysts and sources in the Rukban camp")."""
    tokens = [
        t
        for child in token.lefts
        if child.dep_ in _LEFT_DEPS and not _is_person_possessor(child)
        for t in child.subtree
    ]
    tokens.append(token)
    if token.pos_ == "NOUN":
        for child in token.rights:
            if child.dep_ == "prep" and child.lower_ in _IDENTIFYING_PREPS:
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects and not _says_how_or_when(objects[0]):
                    tokens.extend(child.subtree)
            elif child.dep_ == "conj" and child.pos_ == "NOUN":
                tokens.extend(t for t in token.rights if t.dep_ == "cc" and t.i < child.i)
                tokens.extend(speaker_phrase(child))
    return sorted(set(tokens), key=lambda t: t.i)


def _is_person_possessor(token: Any) -> bool:
    """ "Nisan Ahmado's source": the source is named by what it is, not by whose it is."""
    return bool(token.dep_ == "poss" and token.ent_type_ == "PERSON")


def _says_how_or_when(token: Any) -> bool:
    return bool(token.ent_type_ in {"DATE", "TIME"} or token.lemma_.lower() in _NOT_IDENTIFYING)


def _phrase_text(text: str, phrase: list[Any]) -> str:
    """The phrase as written, without a leading article or quantifier that is not its head."""
    # "both X and Y" drops its "both"; "Both sides" keeps it (the quantifier is the meaning).
    has_conjunction = any(t.dep_ == "cc" for t in phrase)
    while (
        len(phrase) > 1
        and phrase[0].lower_ in _DROPPED_LEADING
        and (phrase[0].lower_ != "both" or has_conjunction)
    ):
        phrase = phrase[1:]
    name = text[phrase[0].idx : phrase[-1].idx + len(phrase[-1].text)]
    # "European Union (EU) leaders": the bracketed abbreviation repeats the name.
    name = _PARENTHESES.sub(" ", name)
    return " ".join(name.split()).strip(" ,")


def _is_definite_descriptor(token: Any, phrase: list[Any]) -> bool:
    """ "the ministry", "the doctor": a common noun with "the" and no name of its own."""
    return (
        token.pos_ == "NOUN"
        and any(t.lower_ == "the" and t.dep_ == "det" and t.head.i == token.i for t in phrase)
        and not any(t.pos_ == "PROPN" or t.ent_type_ for t in phrase)
    )


def _proper_name_in(token: Any, phrase: list[Any]) -> str | None:
    """A person named after a descriptor the entities stage missed: "another Belgorod resident
    Natalya" → "Natalya"; the name is the last run of proper nouns ending the phrase."""
    head = token
    if token.pos_ == "NOUN":
        head = next((c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"), token)
    if head.pos_ != "PROPN" or head.i == phrase[0].i:
        return None
    if not any(t.pos_ == "NOUN" and t.i < head.i for t in [*phrase, token]):
        return None  # "Belgorod residents": no descriptor before a name
    run = [head]
    doc = head.doc
    while (
        run[0].i > 0 and doc[run[0].i - 1].pos_ == "PROPN" and doc[run[0].i - 1].dep_ == "compound"
    ):
        run.insert(0, doc[run[0].i - 1])
    if sector_for_words([t.lower_ for t in run]) is not None:
        return None  # "President" is a title, not a name
    return " ".join(t.text for t in run)


def _name_after_institution(phrase: list[Any]) -> str | None:
    """ "Chinese Foreign Ministry Hua Chunying" (tagged as one organisation) → "Hua Chunying"."""
    if not phrase or phrase[-1].pos_ != "PROPN":
        return None
    last = max((i for i, t in enumerate(phrase) if t.lower_ in _INSTITUTION_WORDS), default=None)
    if last is None:
        return None
    rest = phrase[last + 1 :]
    if not rest or not all(t.pos_ == "PROPN" for t in rest):
        return None
    return " ".join(t.text for t in rest)


def _without_titles(name: str) -> str:
    # An editor's insertion ("the minister [Mykhailo Fedorov]") leaves its bracket on the name.
    words = name.strip(" []()").split()
    while len(words) > 1 and words[0].lower().rstrip(".") in _TITLES:
        words = words[1:]
    return " ".join(words)


def _is_person_title(lemma: str) -> bool:
    return lemma in _TITLES or lemma in {"spokesman", "spokeswoman", "spokesperson", "chief"}
