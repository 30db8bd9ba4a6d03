"""Pronoun speakers ("he said", "it added"): the nearest earlier *speaker* of the pronoun's kind,
outside quotations, in its paragraph or the one before. In news prose the pronoun after a quote
refers back to whoever was last quoted, not to a person the quote talks about; failing an earlier
speaker, the nearest earlier subject of that kind, then the general pronoun rule of
:mod:`newsledger.stages.coreference`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsledger.model import Speaker
from newsledger.stages.claim_parts.spans import previous_paragraph_start
from newsledger.stages.claim_parts.speaker_phrases import UNKNOWN
from newsledger.stages.coreference import PERSON_PRONOUNS, RESOLVED_PRONOUNS, resolve

if TYPE_CHECKING:
    from newsledger.stages.speakers import SpeakerResolver


def pronoun_speaker(resolver: SpeakerResolver, token: Any, depth: int) -> Speaker:
    """The speaker a pronoun refers to; "unknown" when it refers to none."""
    person = token.lower_ in PERSON_PRONOUNS
    doc = resolver.doc
    floor = previous_paragraph_start(resolver.text, token.idx)
    for candidate in reversed(doc[: token.i]):
        if candidate.idx < floor:
            break
        if resolver.in_quote(candidate.idx) or not _is_cue_subject(resolver, candidate):
            continue
        if candidate.lower_ in RESOLVED_PRONOUNS:
            if (candidate.lower_ in PERSON_PRONOUNS) == person:
                return resolver.resolve(candidate, depth + 1)
            continue
        kind = resolver.is_person(candidate)
        if kind == person or (person and kind is None):
            return resolver.resolve(candidate, depth + 1)
    # No earlier speaker: the nearest earlier subject of the right kind, a main clause's
    # first ("But the analyst knows the effect the new leader may have. \"...,\" he said").
    window = [t for t in reversed(doc[: token.i]) if t.idx >= floor] if person else []
    for main_only in (True, False):
        for candidate in window:
            if (
                candidate.dep_ in {"nsubj", "nsubjpass"}
                and candidate.pos_ in {"PROPN", "NOUN"}
                and (candidate.head.dep_ == "ROOT" or not main_only)
                and not resolver.in_quote(candidate.idx)
                and resolver.is_person(candidate) == person
            ):
                return resolver.resolve(candidate, depth + 1)
    referent = resolve(token)
    if referent.i == token.i:
        return Speaker(name=UNKNOWN)
    return resolver.resolve(referent, depth + 1)


def _is_cue_subject(resolver: SpeakerResolver, token: Any) -> bool:
    """Whether a token was a speaker: resolved as one already, or a reporting verb's subject or
    passive agent."""
    if token.i in resolver.spoken:
        return True
    if token.dep_ == "nsubj":
        return bool(token.head.lemma_.lower() in resolver.cue_verbs)
    if token.dep_ == "pobj" and token.head.dep_ == "agent":
        return bool(token.head.head.lemma_.lower() in resolver.cue_verbs)
    return False
