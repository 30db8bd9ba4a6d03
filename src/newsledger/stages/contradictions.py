"""Contradictions stage: claims on the same matter with opposite stances.

A denial (stance ``deny``) contradicts an assertion or accusation on the same matter by another
speaker. Two signals link them:

* reference: the denial names what it denies as someone's claim ("rejected Ukraine's
  accusation", "Zelensky is wrong"): it then opposes that speaker's latest assertion or
  accusation before it;
* same matter: the matters of the two claims share enough concepts, and their texts are close
  in meaning. A claim's matter is the set of concepts in its text: countries (Ukrainian, Kiev and
  Ukraine are all UKR), places, entities and content lemmas (with military personnel words folded
  into one concept). A short claim ("confirmed these operations") takes its sentence as context.
  Concepts that recur across most claims of the article (the two warring countries, in a war
  report) weigh less. Closeness in meaning is the cosine similarity of sentence embeddings
  (:mod:`newsledger.stages.similarity`); where the embedding model is not installed, the
  concept overlap decides alone.

Linked claims are grouped (union-find); a group with claims on both sides is one contradiction.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any, ClassVar

from newsledger.model import Claim, Contradiction
from newsledger.pipeline.stage import Analysis
from newsledger.resources.countries import alpha3, country_by_demonym
from newsledger.stages.actors import GOVERNMENT_FEATURES
from newsledger.stages.coreference import resolve
from newsledger.stages.similarity import similarity_matrix
from newsledger.stages.speakers import same_speaker

# Without embeddings: share of the smaller matter's weight that two claims must have in common
# to be on the same matter. Chosen on the founding example and the corpus so that "the presence
# of Ukrainian forces in Belgorod" links to "Kiev's forces had crossed the Russian border" but
# not to the truce claims of the same article.
OVERLAP_THRESHOLD = 0.5
# With embeddings: a denial and a claim are on the same matter when
#     SIMILARITY_WEIGHT * cosine + (1 - SIMILARITY_WEIGHT) * concept overlap >= MATTER_THRESHOLD.
# Tuned on our claims gold (evals/gold/claims, 7 contradictions in 16 articles) and the founding
# example: see the sweep in the comment at the end of this module.
SIMILARITY_WEIGHT = 0.9
MATTER_THRESHOLD = 0.45
# A claim of fewer words names no matter on its own ("patently false", "propaganda tricks"):
# its sentence is embedded instead.
_MIN_EMBEDDED_WORDS = 4
# Concept overlap below which a pair is not embedded at all (the cost of the stage is the
# encoding): a denial and a claim that share no concept are not on the same matter.
_MIN_OVERLAP_TO_EMBED = 0.1
# Per denial, those sharing most concepts with it. 4 rather than 6 cut the stage's time by a
# seventh (0.87 -> 0.75 s on the 39 benchmark articles) and changed no contradiction found on
# our gold or the founding example; 3 is the edge (it lost one once "reportedly" sentences
# became claims), see the sweep below.
_MAX_CANDIDATES = 4
_MIN_OWN_CONCEPTS = 3  # a claim with fewer concepts borrows its sentence's
_SUPPORTING = frozenset({"assert", "accuse"})
_CLAIM_NOUNS = frozenset(
    {"accusation", "allegation", "claim", "statement", "remark", "announcement", "report", "charge"}
)
_ACCUSATION_NOUNS = frozenset({"accusation", "allegation", "charge"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_WRONG_WORDS = frozenset({"wrong", "mistaken", "lying", "false", "untrue"})
_FOLDED = {
    "troop": "force",
    "force": "force",
    "army": "force",
    "military": "force",
    "soldier": "force",
    "serviceman": "force",
    "unit": "force",
    "involvement": "involvement",
    "participation": "involvement",
    "involve": "involvement",
    "participate": "involvement",
    "fighter": "fight",
    "fighting": "fight",
    "combat": "fight",
    "knowledge": "know",
    "aware": "know",
    # Attacks are one matter however they are worded.
    "strike": "attack",
    "hit": "attack",
    "bomb": "attack",
    "shell": "attack",
    "shelling": "attack",
    "bombardment": "attack",
    # Civilian buildings, whatever kind the text names.
    "apartment": "building",
    "house": "building",
    "home": "building",
    "residential": "building",
    # A force's being somewhere is one matter however it is worded.
    "presence": "presence",
    "operate": "presence",
    "operation": "presence",
    "deploy": "presence",
    "deployment": "presence",
    "station": "presence",
}
_CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "PROPN"})


class ContradictionsStage:
    """Pair denials with the assertions they oppose."""

    name: ClassVar[str] = "contradictions"
    version: ClassVar[str] = "3"
    requires: ClassVar[frozenset[str]] = frozenset({"parse", "entities", "places", "claims"})
    produces: ClassVar[frozenset[str]] = frozenset({"contradictions"})
    languages: ClassVar[frozenset[str] | None] = frozenset({"en"})

    use_embeddings: ClassVar[bool] = True

    def run(self, analysis: Analysis) -> None:
        analysis.contradictions = find_contradictions(analysis, use_embeddings=self.use_embeddings)


class ConceptOnlyContradictionsStage(ContradictionsStage):
    """The same pairing by shared concepts alone: the embedding model (torch) is never loaded,
    which saves seconds and hundreds of MB for one article, at a lower recall. Its own version
    string tells records made this way apart."""

    version: ClassVar[str] = f"{ContradictionsStage.version}-concepts"
    use_embeddings: ClassVar[bool] = False


def find_contradictions(
    analysis: Analysis, *, use_embeddings: bool = True
) -> tuple[Contradiction, ...]:
    claims = analysis.claims
    if not claims:
        return ()
    index = _mention_concepts(analysis)
    own = {c.id: _own_concepts(analysis, c, index) for c in claims}
    matters = {
        c.id: own[c.id]
        if len(own[c.id]) >= _MIN_OWN_CONCEPTS
        else own[c.id] | _context(analysis, c, index)
        for c in claims
    }
    weights = _weights(matters)
    denials = [c for c in claims if c.stance == "deny"]
    groups = _UnionFind()
    candidates: list[tuple[Claim, Claim, float]] = []
    for denial in denials:
        referenced = _referenced_claims(analysis, denial)
        for other in referenced:
            groups.union(denial.id, other.id)
        if referenced and len(denial.text.split()) < _MIN_EMBEDDED_WORDS:
            # A short denial that names what it denies ("rejected Ukraine's accusation") is
            # about that claim; its own words or its sentence would match any claim of the
            # article's topic.
            continue
        scored = [
            (other, _overlap(matters[denial.id], matters[other.id], weights))
            for other in claims
            if other.stance in _SUPPORTING and _different_speakers(denial, other)
        ]
        # Only the claims sharing most concepts with the denial are embedded (the encoding is
        # the stage's cost); they lost no gold contradiction (see the sweep below).
        scored = [pair for pair in scored if pair[1] >= _MIN_OVERLAP_TO_EMBED]
        scored.sort(key=lambda pair: -pair[1])
        candidates.extend((denial, other, overlap) for other, overlap in scored[:_MAX_CANDIDATES])
    cosine = (
        _cosines(analysis, {c.id for pair in candidates for c in pair[:2]})
        if use_embeddings
        else None
    )
    for denial, other, overlap in candidates:
        similarity = None if cosine is None else cosine[denial.id, other.id]
        if same_matter(overlap, similarity):
            groups.union(denial.id, other.id)

    by_id = {c.id: c for c in claims}
    contradictions = []
    for members in groups.groups():
        ordered = sorted((by_id[m] for m in members), key=lambda c: c.start)
        supporting = [c for c in ordered if c.stance in _SUPPORTING]
        denying = [c for c in ordered if c.stance == "deny"]
        if supporting and denying:
            contradictions.append((supporting, denying))
    contradictions.sort(key=lambda pair: min(c.start for c in pair[0] + pair[1]))
    return tuple(
        Contradiction(
            id=f"x{index}",
            about=_about(supporting, denying, own),
            claims_for=tuple(c.id for c in supporting),
            claims_against=tuple(c.id for c in denying),
        )
        for index, (supporting, denying) in enumerate(contradictions, start=1)
    )


def same_matter(overlap: float, similarity: float | None) -> bool:
    """Whether a denial and a claim are on the same matter, from their concept overlap and, where
    the embedding model is installed, the cosine similarity of their texts."""
    if similarity is None:
        return overlap >= OVERLAP_THRESHOLD
    score = SIMILARITY_WEIGHT * similarity + (1 - SIMILARITY_WEIGHT) * overlap
    return score >= MATTER_THRESHOLD


def _cosines(analysis: Analysis, ids: set[str]) -> dict[tuple[str, str], float] | None:
    """Cosine similarities of the given claims (one batch), by pair of claim ids."""
    chosen = [c for c in analysis.claims if c.id in ids]
    if not chosen:
        return {}
    texts = []
    for claim in chosen:
        text = claim.text
        if len(text.split()) < _MIN_EMBEDDED_WORDS:
            span = analysis.parse.char_span(claim.start, claim.end, alignment_mode="expand")
            if span is not None:
                text = span[0].sent.text
        texts.append(text)
    matrix = similarity_matrix(texts)
    if matrix is None:
        return None
    return {(a.id, b.id): matrix[i][j] for i, a in enumerate(chosen) for j, b in enumerate(chosen)}


# --- matters ----------------------------------------------------------------------------------


def _own_concepts(analysis: Analysis, claim: Claim, index: dict[int, str]) -> frozenset[str]:
    span = analysis.parse.char_span(claim.start, claim.end, alignment_mode="expand")
    return _concepts(index, span) if span is not None else frozenset()


def _context(analysis: Analysis, claim: Claim, index: dict[int, str]) -> frozenset[str]:
    """The concepts of the claim's sentence, for claims too short to name their matter."""
    span = analysis.parse.char_span(claim.start, claim.end, alignment_mode="expand")
    return _concepts(index, span[0].sent) if span is not None else frozenset()


def _concepts(index: dict[int, str], tokens: Any) -> frozenset[str]:
    concepts: set[str] = set()
    for token in tokens:
        if token.pos_ == "PRON":
            # "its forces", "they": the concept of whom the pronoun stands for.
            token = resolve(token)  # noqa: PLW2901
        entity_concept = index.get(token.idx)
        if entity_concept is not None:
            concepts.add(entity_concept)
            continue
        if (
            token.pos_ in _CONTENT_POS
            and not token.is_stop
            and token.ent_type_
            not in {
                "DATE",
                "TIME",
                "CARDINAL",
                "ORDINAL",
            }
        ):
            lemma = token.lemma_.lower()
            concepts.add(_FOLDED.get(lemma, lemma))
    return frozenset(concepts)


def _mention_concepts(analysis: Analysis) -> dict[int, str]:
    """Character position → concept, for every position inside a place or entity mention.

    Countries stand for their capitals, governments, armies and demonyms ("Kiev", "the Kremlin"
    and "Ukrainian" are UKR, RUS, UKR); other places and entities stand for themselves. Places
    win over entities.
    """
    index: dict[int, str] = {}
    for place in analysis.places:
        if place.feature.startswith(GOVERNMENT_FEATURES) and place.country:
            concept = f"country:{alpha3(place.country) or place.country}"
        else:
            concept = f"place:{place.id}"
        for m in place.mentions:
            index.update(dict.fromkeys(range(m.start, m.end), concept))
    for entity in analysis.entities:
        # A state's organs stand for the state: "its forces" after "the Russian Ministry of
        # Defense" are Russian forces, as in "a Russian strike".
        state_organ = entity.type == "ORG" and entity.sector in {"GOV", "MIL"}
        if (entity.type in {"GPE", "NORP"} or state_organ) and entity.country:
            concept = f"country:{entity.country}"
        else:
            concept = f"entity:{entity.id}"
        for m in entity.mentions:
            for position in range(m.start, m.end):
                index.setdefault(position, concept)
    return index


def _weights(matters: dict[str, frozenset[str]]) -> dict[str, float]:
    """Inverse claim frequency: a concept in every claim says little about which matter."""
    counts: Counter[str] = Counter()
    for concepts in matters.values():
        counts.update(concepts)
    total = len(matters)
    return {concept: math.log(1 + total / count) for concept, count in counts.items()}


def _overlap(a: frozenset[str], b: frozenset[str], weights: dict[str, float]) -> float:
    if not a or not b:
        return 0.0
    shared = sum(weights[c] for c in a & b)
    smaller = min(sum(weights[c] for c in a), sum(weights[c] for c in b))
    return shared / smaller if smaller else 0.0


# --- references ---------------------------------------------------------------------------------


def _referenced_claims(analysis: Analysis, denial: Claim) -> list[Claim]:
    """Claims a denial names: "rejected Ukraine's accusation", "so Zelensky is wrong"."""
    doc = analysis.parse
    span = doc.char_span(denial.start, denial.end, alignment_mode="expand")
    targets: set[str] = set()
    wanted = _SUPPORTING
    for token in span or []:
        if token.lemma_.lower() in _CLAIM_NOUNS:
            if token.lemma_.lower() in _ACCUSATION_NOUNS:
                wanted = frozenset({"accuse"})  # "rejected the accusations": an accusation
            for child in token.children:
                if child.dep_ == "poss":
                    targets |= _entity_keys(analysis, child.idx) or _demonym_keys(child)
        if token.lower_ in _WRONG_WORDS and token.dep_ in {"acomp", "attr"}:
            for child in token.head.children:
                if child.dep_ == "nsubj":
                    targets |= _entity_keys(analysis, child.idx)
    if not targets:
        previous = _anaphoric_reference(analysis, denial)
        return [previous] if previous is not None else []
    found = []
    for key in targets:
        earlier = [
            c
            for c in analysis.claims
            if c.start < denial.start
            and c.stance in _SUPPORTING
            and key in _speaker_keys(analysis, c)
        ]
        preferred = [c for c in earlier if c.stance in wanted] or earlier
        if preferred:
            found.append(preferred[-1])
    return found


def _anaphoric_reference(analysis: Analysis, denial: Claim) -> Claim | None:
    """The claim "the claim" points back to: "The claim was dismissed by the United States as
    Russian propaganda" denies the nearest earlier assertion or accusation of another speaker.
    Only a claim noun with a definite determiner and nothing naming whose claim it is, as the
    subject or object of the denying verb."""
    span = analysis.parse.char_span(denial.start, denial.end, alignment_mode="expand")
    if span is None:
        return None
    for token in span[0].sent:
        if (
            token.lemma_.lower() in _CLAIM_NOUNS
            and token.dep_ in {"nsubjpass", "dobj"}
            and token.head.lower_ == denial.cue.lower()
            and any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in token.children)
            and not any(c.dep_ in {"poss", "amod", "compound"} for c in token.children)
        ):
            earlier = [
                c
                for c in analysis.claims
                if c.end <= denial.start
                and c.stance in _SUPPORTING
                and _different_speakers(c, denial)
            ]
            return max(earlier, key=lambda c: c.start) if earlier else None
    return None


def _entity_keys(analysis: Analysis, position: int) -> set[str]:
    for entity in analysis.entities:
        if any(m.start <= position < m.end for m in entity.mentions):
            keys = {f"entity:{entity.id}"}
            if entity.country:
                keys.add(f"country:{entity.country}")
            return keys
    return set()


def _demonym_keys(possessor: Any) -> set[str]:
    """ "his Russian counterpart's accusations": the possessor's country, from a demonym."""
    for token in possessor.subtree:
        found = country_by_demonym(token.text)
        if found is not None:
            return {f"country:{found.alpha3}"}
    return set()


def _speaker_keys(analysis: Analysis, claim: Claim) -> set[str]:
    if claim.speaker.entity is None:
        return set()
    entity = next((e for e in analysis.entities if e.id == claim.speaker.entity), None)
    if entity is None:
        return set()
    keys = {f"entity:{entity.id}"}
    if entity.country:
        keys.add(f"country:{entity.country}")
    return keys


def _different_speakers(a: Claim, b: Claim) -> bool:
    return not same_speaker(a.speaker, b.speaker)


def _about(supporting: list[Claim], denying: list[Claim], own: dict[str, frozenset[str]]) -> str:
    """One line: what a reported denial denies, else what the first claim asserts."""
    for claim in denying:
        if (
            claim.kind == "indirect"
            and len(own[claim.id]) >= _MIN_OWN_CONCEPTS
            and not any(noun in claim.text.lower() for noun in _CLAIM_NOUNS)
        ):
            return _one_line(claim.text)
    first = supporting[0]
    return _one_line(f"{first.speaker.name}: {first.text}")


def _one_line(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)

    def groups(self) -> list[list[str]]:
        grouped: dict[str, list[str]] = {}
        for item in self.parent:
            grouped.setdefault(self.find(item), []).append(item)
        return list(grouped.values())


# Threshold sweep (2026-11-25), weight w and threshold t of ``same_matter``, on our claims gold
# (16 articles, 7 gold contradictions; `python -m evals.claims`) and the founding example, with
# 32 word pieces per text, _MIN_OVERLAP_TO_EMBED = 0.1 and _MAX_CANDIDATES = 6. R = gold
# contradictions found; P = system contradictions holding a gold one / system contradictions;
# + = the founding example's groups take in claims of another matter (the Easter truce, UK
# intelligence's "no link"). Without the filter and the cap (every pair embedded) recall is the
# same in the cells tried (w 0.8-1.0, t 0.4-0.5) and precision equal or lower (4/4-4/7).
#
#   w \ t |  0.35        0.40        0.45        0.50        0.55
#   0.0   | R2/7 P2/3   R2/7 P2/2   R2/7 P2/2   R2/7 P2/2   R2/7 P2/2   (concepts only)
#   0.5   | R4/7 P4/6   R3/7 P3/4   R2/7 P2/2   R2/7 P2/2   R2/7 P2/2
#   0.6   | R4/7 P4/4+  R3/7 P3/5   R3/7 P3/4   R2/7 P2/2   R2/7 P2/2
#   0.7   | R4/7 P4/5+  R4/7 P4/5   R3/7 P3/4   R2/7 P2/2   R2/7 P2/2
#   0.8   | R4/7 P4/5+  R4/7 P4/4+  R4/7 P4/5   R2/7 P2/2   R2/7 P2/2
#   0.9   | R4/7 P4/5+  R4/7 P4/5+  R4/7 P4/5   R4/7 P4/4   R2/7 P2/2
#   1.0   | R4/7 P4/4+  R4/7 P4/5+  R4/7 P4/5+  R4/7 P4/4   R3/7 P3/3   (embeddings only)
#
# Chosen: w = 0.9, t = 0.45, a cell whose four neighbours also find 4 of 7 and where the founding
# example's two matters stay clean. The embedding carries most of the weight (without it, only
# the two denials that name what they deny are linked); the overlap share keeps claims of one war
# report that only share its topic (cosine about 0.4 between any two) apart. Seven
# contradictions are few: the plateau, not its best cell, is the evidence. The three still missed
# have a denial that the claims stage reads as an assertion ("We don't target journalists") or
# does not find.
#
# Cost sweep (2026-11-25, second round), at w = 0.9, t = 0.45: word pieces x candidates per
# denial, gold contradictions found (all cells keep the founding example's two matters clean):
#
#   pieces \ cap |  6     4     3     2
#   32           |  4/7   4/7   4/7   -
#   28           |  -     -     4/7   -
#   24           |  5/7   5/7   5/7   4/7
#   20           |  -     -     3/7   -
#
# Kept 32 pieces (24 finds one more, but 20 and 28 do not: a spike, not a plateau). With the
# claims stage's "reportedly" sentences (more assertions compete for the slots), 32 pieces find
# 4/7 at caps 6, 5 and 4 but 3/7 at cap 3: kept 4, one above the edge. Raising
# _MIN_OVERLAP_TO_EMBED to 0.15 or 0.2 loses one at cap 4.
#
# With the 8-bit quantized encoder (stages/similarity.py; cosines move by up to 0.08), 32 pieces,
# cap 4, w = 0.9: t 0.40 R5/7 P5/7, t 0.45 R4/7 P4/5 (unchanged), t 0.50 R4/7 P4/4; cap 6 at
# t 0.45 also R4/7 P4/5; the founding example's two matters stay clean.
