"""Reported speech from reporting cues in the parse. A verb from the cue lexicon ("confirmed",
"denied", "accused ... of") reports its clausal complement or its object (indirect speech), with
its subject as speaker; "said X and that Y" makes two claims; "declined to comment on X" is an
evasion, "ruled out X" a denial of X, "called on X to do Y" a request; a nominal cue reports with
its possessor, a naming modifier or an issuing verb as speaker ("Zelensky's announcement that
...", "Russian claims that ...", "Beijing issued a categorical denial"); and a quoted judgement
that is all a cue says of a statement ("denouncing it as “unacceptable”") is the speaker's own
words, a direct claim."""

from __future__ import annotations

from typing import Any

from newsledger.stages.claim_parts.article import ClaimArticle
from newsledger.stages.claim_parts.drafts import Draft, draft_claim
from newsledger.stages.claim_parts.spans import (
    RELATIVE_TAGS,
    clause_span,
    object_with_complement,
    own_clauses,
    request_content,
    span_of,
    starts_with_that,
    strip_span,
    that_conjuncts,
)
from newsledger.stages.claim_parts.subjects import cue_subject

_TIME_LABELS = frozenset({"DATE", "TIME"})
# Verbs of opinion whose clause a reporting verb passes on ("said he believed X").
_OPINION_VERBS = frozenset({"believe", "think"})
# What is seen, not said: "video footage reveals", "images indicate" (the claims guidelines
# leave perception out).
_PERCEPTION_NOUNS = frozenset(
    {"footage", "video", "image", "photo", "photograph", "picture", "imagery", "recording", "clip"}
)
_CONTENT_PREPS = frozenset({"on", "about", "of"})
# Verbs that put out a statement named by their object ("issued a denial", "made a plea").
_ISSUING_VERBS = frozenset({"issue", "make", "release", "deliver"})
# Nouns that only carry the clause they introduce ("the fact that ...").
_CARRIER_NOUNS = frozenset({"fact"})


def claim_from_cue(article: ClaimArticle, token: Any) -> Draft | None:
    """The indirect claim a reporting verb or noun makes; None when ``token`` is no cue."""
    lexicon = article.lexicon
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and lemma in lexicon.decline_verbs:
        return _declined(article, token)
    if token.pos_ == "VERB" and lemma == "call":
        return _called(article, token)
    if (
        token.pos_ == "VERB"
        and lemma == "rule"
        and any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children)
    ):
        # "ruled out Taliban involvement": a denial of the object.
        objects = [c for c in token.children if c.dep_ == "dobj"]
        if objects:
            span = span_of(objects[0].subtree)
            return _said_by_subject(article, token, span, "deny")
        return None
    if token.pos_ == "VERB" and lemma in lexicon.verbs:
        stance = lexicon.verbs[lemma]
        content = _verb_content(article, token)
        if content is None:
            return None
        # "said: 'X'": the quote is the claim, found with its cue below; a cue inside a block
        # quote reports a clause of that quote.
        if article.is_quote_span(*content) and not article.in_quote(token.idx):
            return None
        speaker_token = cue_subject(article, token)
        if speaker_token is not None and speaker_token.lemma_.lower() in _PERCEPTION_NOUNS:
            return None  # "video footage reveals ...": evidence, not a statement
        return draft_claim(article, token, speaker_token, content, kind="indirect", stance=stance)
    if token.pos_ == "NOUN" and lemma in lexicon.nouns:
        return _nominal(article, token, lexicon.nouns[lemma])
    return None


def quoted_complement(article: ClaimArticle, verb: Any) -> list[tuple[int, int]]:
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
        objects[0].pos_ == "PRON" or objects[0].lemma_.lower() in article.lexicon.nouns
    ):
        return []
    own = own_clauses(verb)
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
    if not words or not all(article.in_quote(t.idx) for t in words):
        return []
    fragments = {q for t in words if (q := article.quote_at(t.idx)) is not None}
    return sorted(strip_span(article.text, start, end) for start, end in fragments)


def second_clauses(article: ClaimArticle, cue: Any) -> list[Draft]:
    """ "said X and that Y": each clause with its own "that" is a claim of its own, with
    the speaker and cue of the first."""
    verbs = article.lexicon.verbs
    if cue.pos_ != "VERB" or cue.lemma_.lower() not in verbs:
        return []
    start, end = article.paragraph(cue.idx)
    clause = next((c for c in cue.children if c.dep_ == "ccomp" and start <= c.idx < end), None)
    if clause is None:
        return []
    stance = verbs[cue.lemma_.lower()]  # the cue's, not the first clause's
    drafts = []
    for conjunct in that_conjuncts(clause):
        draft = _said_by_subject(article, cue, clause_span(conjunct), stance)
        if draft is not None:
            drafts.append(draft)
    return drafts


def _said_by_subject(
    article: ClaimArticle, cue: Any, content: tuple[int, int], stance: str
) -> Draft | None:
    """The indirect claim of a cue whose speaker is its subject (the common case)."""
    return draft_claim(
        article, cue, cue_subject(article, cue), content, kind="indirect", stance=stance
    )


def _declined(article: ClaimArticle, token: Any) -> Draft | None:
    """ "declined to comment on X": an evasion."""
    for child in token.children:
        if child.dep_ == "xcomp" and child.lemma_.lower() in article.lexicon.decline_objects:
            span = span_of(child.subtree)
            return _said_by_subject(article, token, span, "evade")
    return None


def _called(article: ClaimArticle, token: Any) -> Draft | None:
    """ "called on X to do Y" / "called for Y" is a request (``other``); "called the
    claims false" describes them (its stance comes from the content)."""
    children = list(token.children)
    for child in children:
        if child.dep_ == "prep" and child.lower_ in {"on", "for"}:
            parts = [t for t in child.subtree if t.i != child.i]
            parts += [t for c in children if c.dep_ == "xcomp" for t in c.subtree]
            if parts:
                return _said_by_subject(article, token, span_of(parts), "other")
    objects = [c for c in children if c.dep_ == "dobj"]
    complements = [c for c in children if c.dep_ in {"oprd", "xcomp", "acomp"}]
    if objects and complements:
        parts = [t for c in (objects[0], complements[0]) for t in c.subtree]
        return _said_by_subject(article, token, span_of(parts), "assert")
    return None


def _nominal(article: ClaimArticle, token: Any, stance: str) -> Draft | None:
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
    if possessor is not None and clause is not None and starts_with_that(clause):
        return draft_claim(
            article, token, possessor, clause_span(clause), kind="indirect", stance=stance
        )
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
            return draft_claim(
                article, token, possessor, span_of(charge.subtree), kind="indirect", stance=stance
            )
    head = token.head
    if token.dep_ == "dobj" and head.lemma_.lower() in _ISSUING_VERBS:
        subject = cue_subject(article, head)
        if subject is not None:
            noun_phrase = span_of(request_content(token) or token.subtree)
            return draft_claim(article, token, subject, noun_phrase, kind="indirect", stance=stance)
    return None


def _verb_content(article: ClaimArticle, verb: Any) -> tuple[int, int] | None:
    """Character span of what a cue verb reports: its clause, its object, or its topic."""
    # The parser may run a sentence across a paragraph break (a subhead or a line without
    # final punctuation): what lies in another paragraph is not this cue's content.
    start, end = article.paragraph(verb.idx)
    children = [c for c in verb.children if start <= c.idx < end]
    run_in = {t.i for t in _run_in_clauses(verb, start, end)}
    for child in [*children, *(article.doc[i] for i in sorted(run_in))]:
        if child.dep_ == "ccomp" or child.i in run_in:
            # "said he believed the call had gone well": what was said is what is believed.
            if child.lemma_.lower() in _OPINION_VERBS:
                opinion = next((c for c in child.children if c.dep_ == "ccomp"), None)
                if opinion is not None:
                    return clause_span(opinion)
            return clause_span(child)
    for child in children:
        # "lamented the fact that X", "noted the fact that X": the noun only carries the
        # clause, which is what is reported.
        if child.dep_ == "dobj" and child.lemma_.lower() in _CARRIER_NOUNS:
            clause = next(
                (c for c in child.children if c.dep_ in {"acl", "ccomp"} and starts_with_that(c)),
                None,
            )
            if clause is not None:
                return clause_span(clause)
    if verb.lemma_.lower() not in article.lexicon.object_cues:
        return None  # "maintained pressure" reports nothing; "maintained that ..." does
    objects = [c for c in children if c.dep_ == "dobj" and c.tag_ not in RELATIVE_TAGS]
    if objects:
        content = object_with_complement(verb, objects[0])
        if objects[0].ent_type_ == "PERSON" and len(content) == len(list(objects[0].subtree)):
            # "dismissing Syrsky", "rejected the envoy Smith": a person alone is removed or
            # turned away, not a statement judged ("accused Smith of lying" has its "of").
            return None
        return span_of(content)
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
                return span_of(objects[0].subtree)
    return None


def _run_in_clauses(verb: Any, start: int, end: int) -> list[Any]:
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
