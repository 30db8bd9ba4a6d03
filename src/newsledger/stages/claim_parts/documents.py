"""Documents that speak for their issuer: "TNO's report said" and "a 70-page TNO report found"
are TNO's claims; "the statement said" is the claim of whoever the text said issued the
statement ("the US military said in a statement"); a report introduced without its issuer is the
one the next paragraph names ("according to a report ... The report by X found"). Reports
without a source ("Reports say") are an unknown speaker's."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsledger.model import Speaker
from newsledger.stages.claim_parts.spans import paragraph_bounds
from newsledger.stages.claim_parts.speaker_phrases import UNKNOWN

if TYPE_CHECKING:
    from newsledger.stages.speakers import SpeakerResolver

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


def document_issuer(resolver: SpeakerResolver, token: Any, depth: int) -> Speaker | None:
    """The speaker a document noun stands for; None when the token is no document or the text
    names no issuer for it."""
    if token.lemma_.lower() not in _DOCUMENTS:
        return None
    for child in token.lefts:
        if child.dep_ in {"poss", "compound", "nmod"}:
            entity = resolver.entity_at(child.idx, child.idx + len(child.text))
            if entity is not None:
                return resolver.entity_speaker(entity, child)
            if child.dep_ == "poss":
                return resolver.resolve(child, depth + 1)
    # "BBC News Russian analysis": a name the entities stage missed, written before the noun.
    names = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
    if names:
        first = min(t.left_edge.i for t in names)
        return Speaker(name=resolver.doc[first : token.i].text)
    # "The report by the National Safety Board (NSB) - which a newspaper commissioned": the
    # noun's own "by" names the issuer, before any
    # name deeper in the phrase.
    issuer = _issuer_by(token)
    if issuer is not None:
        return resolver.resolve(issuer, depth + 1)
    # "credible reports received by Amnesty", "an article in the Independent": the issuer
    # named after the noun.
    for inner in token.subtree:
        if inner.dep_ == "pobj" and inner.head.lower_ in {"by", "from", "in"}:
            entity = resolver.entity_at(inner.idx, inner.idx + len(inner.text))
            if entity is not None:
                return resolver.entity_speaker(entity, inner)
    if token.tag_ == "NNS" and all(
        c.lower_ in _VAGUE_DETERMINERS for c in token.lefts if c.dep_ == "det"
    ):
        return Speaker(name=UNKNOWN)  # "Reports say", "some reports suggesting": no source
    if not any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in token.lefts):
        return _issuer_named_next(resolver, token, depth)
    # "the statement said": the statement the nearest earlier mention introduced as a cue's
    # ("the US military said in a statement").
    introduced = next(resolver.earlier_mentions(token), None)
    if introduced is None:
        return None
    preposition = introduced.head
    verb = preposition.head
    if (
        introduced.dep_ == "pobj"
        and preposition.dep_ == "prep"
        and verb.lemma_.lower() in resolver.cue_verbs
    ):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return resolver.resolve(subject, depth + 1)
    return None


def _issuer_by(document: Any) -> Any | None:
    """The issuer a document noun's own "by" names ("the report by TNO"), when it is a name."""
    for child in document.rights:
        if child.dep_ == "prep" and child.lower_ == "by":
            issuer = next((c for c in child.children if c.dep_ == "pobj"), None)
            if issuer is not None and (issuer.pos_ == "PROPN" or issuer.ent_type_):
                return issuer
    return None


def _issuer_named_next(resolver: SpeakerResolver, token: Any, depth: int) -> Speaker | None:
    """ "according to a report into the incident" whose issuer the next paragraph names
    ("The report by X found ..."): a document introduced without its issuer is the one the
    text goes on to describe, when the next mention of that noun, with "the", names one."""
    text = resolver.text
    lemma = token.lemma_.lower()
    _, paragraph_end = paragraph_bounds(text, token.idx)
    following = paragraph_end
    while following < len(text) and text[following].isspace():
        following += 1
    _, next_end = paragraph_bounds(text, following)
    for later in resolver.doc[token.i + 1 :]:
        if later.idx >= next_end:
            break
        if later.lemma_.lower() != lemma or resolver.in_quote(later.idx):
            continue
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in later.lefts):
            return None
        issuer = _issuer_by(later)
        return resolver.resolve(issuer, depth + 1) if issuer is not None else None
    return None
