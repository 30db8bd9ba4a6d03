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
  "a doctor on the scene"), and an organisation noun with no such antecedent is the organisation
  last heard from; "the Ukrainian president" is the earlier person of that country with that
  title;
* institutions are named canonically: an abbreviation by the name the text spells out before it
  ("Netherlands Organisation for Applied Scientific Research (TNO)"), an institution qualified by
  a country ("Russia's Defense Ministry") by its known name or with the country's adjective
  ("Ukrainian Air Force"); a document speaks for its issuer, named with it or at its next
  mention ("according to a report ... The report by X found");
* a surname the recognizer joined to another person's entity keeps the given names written with
  it ("Abu Hassan Amer" is not "Sadeq Abu Amer");
* anything else is named as written, with the modifiers that say who it is ("Residents of
  Russia's Belgorod region", "Officials in Kiev") and without its article.

No speaker is invented: without one the name is "unknown".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from typing import Any

from newsledger.errors import ResourceError
from newsledger.model import Entity, Speaker
from newsledger.pipeline.stage import Analysis
from newsledger.resources.actors import lookup_actor, sector_for_words
from newsledger.resources.countries import Country, country, country_by_demonym
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
        "head",
        "leader",
        "director",
        "chairman",
        "chairwoman",
        "founder",
        "commander",
        "member",
    }
)
# Leading words dropped from a speaker named as written: "a press kit", "many Belgorod
# residents", "both independent analysts and sources" (the gold and RECORD name groups without
# their article, quantifier or possessive pronoun).
_DROPPED_LEADING = frozenset(
    {"a", "an", "the", "many", "both", "several", "some", "another"}
    # "his Russian counterpart": a possessive pronoun is the article of a descriptor.
    | {"his", "her", "its", "their", "our", "my", "your"}
)
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
# Head nouns of a descriptor that stands for an organisation ("the institute", "the agency").
_ORGANISATION_NOUNS = frozenset(
    {
        "institute",
        "organisation",
        "organization",
        "institution",
        "agency",
        "group",
        "body",
        "company",
        "firm",
        "foundation",
        "centre",
        "center",
        "watchdog",
        "charity",
    }
)
# Offices held for a place, and the GeoNames feature codes of the places they are held for:
# "the governor" of a region, "the mayor" of a town.
_OFFICES_OF_PLACES: dict[str, tuple[str, ...]] = {"governor": ("ADM",), "mayor": ("PPL",)}
_PLACE_KIND_WORDS = frozenset(
    {"the", "region", "oblast", "province", "state", "county", "city", "town", "district"}
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
        # Tokens already resolved as a cue's speaker: the claims stage may take a speaker the
        # parse does not make a subject (a name opening a paragraph the parser ran a subhead
        # into), and a later "he said" refers back to it all the same.
        self.spoken: set[int] = set()
        # Speakers resolved so far, by position: "the institute" with no earlier institute is
        # the organisation last heard from.
        self.resolved: list[tuple[int, Speaker]] = []
        self._abbreviations: dict[str, tuple[int, int, str]] | None = None

    def speaker(self, token: Any | None) -> Speaker:
        if token is None:
            return self._speaker(token, 0)
        self.spoken.add(token.i)
        found = self._speaker(token, 0)
        self.resolved.append((token.idx, found))
        return found

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
            # A title the recognizer tagged as a person ("Spokesperson") names nobody.
            and not (entity.type == "PERSON" and _is_title_word(entity.name))
        ]
        expanded = self._expansion_at(token)
        if expanded is not None:
            return expanded
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
        # The parser may run a subhead into the paragraph: its words name no one here.
        start, end = self._paragraph_bounds(token.idx)
        phrase = [t for t in speaker_phrase(token) if start <= t.idx < end] or [token]
        described = self._described_person(phrase)
        if described is not None:
            return described
        if _is_definite_descriptor(token, phrase):
            earlier = self._descriptor_antecedent(token, depth)
            if earlier is not None:
                return earlier
        named = (
            _proper_name_in(token, phrase)
            or _name_after_institution(phrase)
            or _country_institution(phrase)
        )
        if named is not None:
            return Speaker(name=named)
        written = _phrase_text(self.text, phrase)
        # "Israel's military" or "Ukraine's emergency service", where the actor lexicon lists
        # it as an alias, is the institution's canonical name.
        known = lookup_actor(written)
        if known is not None and known.type != "PERSON":
            return Speaker(name=known.name)
        return Speaker(name=written)

    # --- names ----------------------------------------------------------------------------------

    def _entity_speaker(self, entity: Entity, token: Any) -> Speaker:
        mention = next(
            (m for m in entity.mentions if m.start <= token.idx < m.end), entity.mentions[0]
        )
        role = person_role(self.doc, mention.start, mention.end)
        if entity.type == "PERSON" or self._is_person(token) is None:
            entity = self._full_name_entity(entity)
            other = self._namesake(entity, mention.start, token)
            if other is not None:
                return Speaker(name=other, role=role)
            return Speaker(name=_without_titles(entity.name), entity=entity.id, role=role)
        expansion = self.abbreviations().get(entity.name)
        if expansion is not None and lookup_actor(entity.name) is None:
            # "Netherlands Organisation for Applied Scientific Research (TNO)": the name the
            # text spells out is the canonical one.
            return Speaker(name=expansion[2], entity=entity.id, role=role)
        return Speaker(name=self._qualified_name(entity, token), entity=entity.id, role=role)

    def abbreviations(self) -> dict[str, tuple[int, int, str]]:
        """Abbreviations the text defines ("Full Name (ABBR)"): ABBR → (start, end, full name).
        The full name is the run of capitalized words (with "of", "for", "and", "the" inside)
        written just before the bracket; a person's name before a bracket ("Mark Rutte (VVD)")
        spells out nothing."""
        if self._abbreviations is None:
            self._abbreviations = {}
            for match in _BRACKETED_ABBREVIATION.finditer(self.text):
                if lookup_actor(match.group(1)) is not None:
                    continue  # "(AP)" after a dateline: the lexicon knows the name
                expansion = _name_before(self.text, match.start())
                if expansion is not None and not self._names_a_person(*expansion[:2]):
                    self._abbreviations.setdefault(match.group(1), expansion)
        return self._abbreviations

    def _names_a_person(self, start: int, end: int) -> bool:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span is not None and any(t.ent_type_ == "PERSON" for t in span)

    def _expansion_at(self, token: Any) -> Speaker | None:
        """A token inside a spelled-out name whose abbreviation follows it: the full name,
        with the abbreviation's entity."""
        for abbreviation, (start, end, name) in self.abbreviations().items():
            if start <= token.idx < end:
                entity = next(
                    (
                        e
                        for e in self.analysis.entities
                        if e.name == abbreviation or any(m.text == abbreviation for m in e.mentions)
                    ),
                    None,
                )
                return Speaker(name=name, entity=entity.id if entity is not None else None)
        return None

    def _qualified_name(self, entity: Entity, token: Any) -> str:
        """An institution's name with the country the text qualifies it by: "Russia's Defense
        Ministry" (the recognizer tags only "Defense Ministry") is the known "Russian Ministry of
        Defense"; an institution the lexicon does not know takes the country's adjective
        ("Ukraine's Air Force" → "Ukrainian Air Force"), since two countries each have one."""
        if entity.type in {"PERSON", "GPE", "LOC", "NORP"} or lookup_actor(entity.name):
            return entity.name
        head = token
        while head.dep_ in {"compound", "flat"} and head.head.i > head.i:
            head = head.head
        start = min((m.start for m in entity.mentions if m.start <= token.idx < m.end), default=0)
        for qualifier in head.lefts:
            if qualifier.idx >= start:
                continue
            possessive = qualifier.dep_ == "poss"
            found = (
                country(qualifier.text)
                if possessive
                else country_by_demonym(qualifier.text)
                if qualifier.dep_ in {"amod", "compound"}
                else None
            )
            if found is None:
                continue
            adjective = qualifier.text if not possessive else country_adjective(found)
            written = [f"{qualifier.text}'s {entity.name}", f"{found.name}'s {entity.name}"]
            if adjective:
                written.append(f"{adjective} {entity.name}")
            for name in written:
                known = lookup_actor(name)
                if known is not None and known.type != "PERSON":
                    return known.name
            return f"{adjective} {entity.name}" if adjective else entity.name
        return entity.name

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
            # "Spokesperson for the Chinese Foreign Ministry Hua Chunying", a name the
            # recognizer missed after the institution.
            named = _name_after_institution(list(child.subtree))
            if named is not None:
                return Speaker(name=named)
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

    def _namesake(self, entity: Entity, mention_start: int, token: Any) -> str | None:
        """The full name of another person sharing the entity's surname: given names written
        just before the mention, outside it, that the entity's name does not have ("Abu Hassan
        Amer" where the recognizer tagged only "Amer" and joined it to "Sadeq Abu Amer"). A name
        the recognizer took whole ("Vladmir Putin") or a known actor is the entity's own."""
        if lookup_actor(entity.name) is not None:
            return None
        head = token
        while head.dep_ in {"compound", "flat"} and head.head.i > head.i:
            head = head.head
        given = [
            t.text
            for t in head.lefts
            if t.dep_ == "compound"
            and t.pos_ == "PROPN"
            and t.idx < mention_start
            and t.text[:1].isupper()
            and t.text.isalpha()
            and not _is_title_word(t.text)
        ]
        names = _without_titles(entity.name).split()
        if not given or head.text not in names or set(given) <= set(names):
            return None
        return " ".join([*given, head.text])

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
        if token.i in self.spoken:
            return True
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
        # "The report by the Netherlands Organisation for Applied Scientific Research (TNO) -
        # which was contracted by Reuters": the noun's own "by" names the issuer, before any
        # name deeper in the phrase.
        for child in token.rights:
            if child.dep_ == "prep" and child.lower_ == "by":
                issuer = next((c for c in child.children if c.dep_ == "pobj"), None)
                if issuer is not None and (issuer.pos_ == "PROPN" or issuer.ent_type_):
                    return self._speaker(issuer, depth + 1)
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
            return self._issuer_named_next(token, depth)
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

    def _issuer_named_next(self, token: Any, depth: int) -> Speaker | None:
        """ "according to a report into the incident" whose issuer the next paragraph names
        ("The report by X found ..."): a document introduced without its issuer is the one the
        text goes on to describe, when the next mention of that noun, with "the", names one."""
        lemma = token.lemma_.lower()
        _, paragraph_end = self._paragraph_bounds(token.idx)
        following = paragraph_end
        while following < len(self.text) and self.text[following].isspace():
            following += 1
        _, next_end = self._paragraph_bounds(following)
        for later in self.doc[token.i + 1 :]:
            if later.idx >= next_end:
                break
            if later.lemma_.lower() != lemma or self.in_quote(later.idx):
                continue
            if not any(c.dep_ == "det" and c.lower_ == "the" for c in later.lefts):
                return None
            for child in later.rights:
                if child.dep_ == "prep" and child.lower_ == "by":
                    issuer = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if issuer is not None and (issuer.pos_ == "PROPN" or issuer.ent_type_):
                        return self._speaker(issuer, depth + 1)
            return None
        return None

    def _last_place(self, position: int, features: tuple[str, ...]) -> str | None:
        """The last place named before a position whose GeoNames feature starts with one of
        ``features``, as the text names it without "region"/"oblast" ("Belgorod region" →
        "Belgorod")."""
        best: tuple[int, str] | None = None
        for place in self.analysis.places:
            if not place.feature.startswith(features):
                continue
            for mention in place.mentions:
                if mention.start < position and (best is None or mention.start > best[0]):
                    best = (mention.start, mention.text)
        if best is None:
            return None
        words = [w for w in best[1].split() if w.lower() not in _PLACE_KIND_WORDS]
        return " ".join(words) or None

    def _paragraph_bounds(self, position: int) -> tuple[int, int]:
        start = self.text.rfind("\n", 0, position) + 1
        end = self.text.find("\n", position)
        return start, len(self.text) if end < 0 else end

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
                return Speaker(name=self._qualified_name(entity, candidate), entity=entity.id)
            # "TNO, an independent research institute": the noun is an apposition of a name.
            if candidate.dep_ == "appos":
                head = candidate.head
                entity = self._entity_at(head.idx, head.idx + len(head.text))
                if entity is not None:
                    return self._entity_speaker(entity, head)
            if not _is_definite_descriptor(candidate, speaker_phrase(candidate)):
                return self._speaker(candidate, depth + 1)
        office = _OFFICES_OF_PLACES.get(lemma)
        if office is not None:
            # "according to the governor" with no governor named before: the governor of the
            # region last named (bridging from the place to its office holder).
            place = self._last_place(token.idx, office)
            if place is not None:
                return Speaker(name=f"{place} {lemma}")
        if lemma in _ORGANISATION_NOUNS:
            # "In its final report, the institute revealed ...", no institute named before: the
            # organisation last heard from, the salient one in news prose.
            for position, earlier in reversed(self.resolved):
                if position >= token.idx or earlier.entity is None:
                    continue
                entity = next((e for e in self.analysis.entities if e.id == earlier.entity), None)
                if entity is not None and entity.type == "ORG":
                    return earlier
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


_BRACKETED_ABBREVIATION = re.compile(r"\(([A-Z][A-Z&]{1,8})\)")
_NAME_CONNECTORS = frozenset({"of", "for", "and", "the", "on"})


def _name_before(text: str, bracket: int) -> tuple[int, int, str] | None:
    """(start, end, name) of the capitalized name written right before a bracket, at least two
    capitalized words, connectors ("for", "of") allowed inside but not at its ends."""
    words = list(re.finditer(r"[\w’'.-]+", text[max(0, bracket - 200) : bracket]))
    offset = max(0, bracket - 200)
    if not words or text[offset + words[-1].end() : bracket].strip():
        return None
    kept: list[re.Match[str]] = []
    for word in reversed(words):
        value = word.group()
        joined = not kept or not text[offset + word.end() : offset + kept[0].start()].strip()
        if joined and (value[:1].isupper() or (value in _NAME_CONNECTORS and kept)):
            kept.insert(0, word)
            continue
        break
    while kept and kept[0].group() in _NAME_CONNECTORS:
        kept.pop(0)
    if sum(w.group()[:1].isupper() for w in kept) < 2:
        return None
    start, end = offset + kept[0].start(), offset + kept[-1].end()
    # Only the words of one line; a name never runs across a paragraph break.
    if "\n" in text[start:end]:
        return None
    return start, end, " ".join(text[start:end].split())


def _country_institution(phrase: list[Any]) -> str | None:
    """ "Ukraine's Air Force", a name the recognizer missed: the known institution, else the
    name with the country's adjective ("Ukrainian Air Force"), as for a recognized one."""
    if len(phrase) < 3 or phrase[0].dep_ != "poss" or phrase[1].dep_ != "case":
        return None
    rest = phrase[2:]
    found = country(phrase[0].text)
    if found is None or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in rest):
        return None
    name = " ".join(t.text for t in rest)
    adjective = country_adjective(found)
    for written in (f"{found.name}'s {name}", f"{adjective} {name}"):
        known = lookup_actor(written)
        if known is not None and known.type != "PERSON":
            return known.name
    return f"{adjective} {name}" if adjective else None


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


@lru_cache(maxsize=1)
def _country_adjectives() -> dict[str, tuple[str, ...]]:
    """Alpha-2 code → the country's adjectives ("UA" → "Ukrainian"), from the demonym table the
    countries module reads (its first word column is the adjective)."""
    path = resources.files("newsledger.resources").joinpath("data", "demonyms.tsv")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ResourceError(f"cannot read the demonym table {path}: {exc}") from exc
    table: dict[str, tuple[str, ...]] = {}
    for line in lines:
        if line.strip() and not line.startswith("#"):
            alpha2, *words = line.split("\t")
            if words and words[0]:
                table[alpha2] = (*table.get(alpha2, ()), words[0])
    return table


def country_adjective(found: Country) -> str | None:
    """The adjective of a country ("Ukraine" → "Ukrainian"). Where the table has several
    ("English", "Scottish", "British", "United Kingdom" for GB), the one closest to the
    country's own name: the adjective of the whole country, not of a part."""
    adjectives = _country_adjectives().get(found.alpha2.upper(), ())
    if not adjectives:
        return None
    return max(adjectives, key=lambda word: _common_prefix(word.lower(), found.name.lower()))


def _common_prefix(a: str, b: str) -> int:
    length = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        length += 1
    return length


def names_a_person(token: Any) -> bool:
    """Whether a token names a person: a person's name, or a noun or title for one ("the head
    of the group", "the doctor", "spokesman")."""
    if token.ent_type_:
        return bool(token.ent_type_ == "PERSON")
    lemma = token.lemma_.lower()
    return lemma in _PERSON_NOUNS or _is_person_title(lemma)


def _is_title_word(word: str) -> bool:
    """Whether a capitalized word before a surname is a title ("Director", "Colonel",
    "Ambassador"), not a given name."""
    lower = word.lower()
    if " " in lower:
        return False
    return (
        _is_person_title(lower) or lower in _PERSON_NOUNS or sector_for_words([lower]) is not None
    )


def _is_person_title(lemma: str) -> bool:
    return lemma in _TITLES or lemma in {"spokesman", "spokeswoman", "spokesperson", "chief"}
