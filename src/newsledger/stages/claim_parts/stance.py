"""Stance read from the parse of a claim's own words, beside the cue's stance and the content
phrases of :func:`newsledger.resources.cues.stance_from_content`: whether a claim asks or wishes
("called on Putin to stop the war", "he hoped ..."), predicts or demands ("Sinwar might take a
step", "Moscow must accept a ceasefire") rather than states (stance ``other``), and whether its
main clause is negated (a negative statement after the same speaker's denial goes on denying)."""

from __future__ import annotations

from typing import Any

from newsledger.stages.claim_parts.person_names import names_a_person

_SUBJECTS = ("nsubj", "nsubjpass")
# A cue under one of these modals reports what someone might say, not what they said.
MODALS = frozenset({"will", "would", "could", "might", "may", "should", "must", "can"})
# Modals of possibility: a clause under one predicts or speculates (stance ``other``).
_POSSIBILITY_MODALS = frozenset({"might", "may", "could"})
# Verbs whose clause voices a wish, not a fact (stance ``other``).
# Word forms, not lemmas: the small model lemmatizes "hoped" as "hop".
_WISH_VERBS = frozenset(
    {"hope", "hopes", "hoped", "hoping", "pray", "prays", "prayed", "wish", "wishes", "wished"}
)


def _span_and_tops(doc: Any, start: int, end: int) -> tuple[Any, list[Any]] | None:
    """The parsed span of a claim and its top tokens: those whose head lies outside the span
    (the parser may hang a claim's parts on the cue, so a claim can have several)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    tops = [t for t in span if not (span.start <= t.head.i < span.end) or t.head.i == t.i]
    return span, tops


def is_negative(doc: Any, start: int, end: int) -> bool:
    """Whether a claim's main clause, or the clause its main verb reports, is negated."""
    parsed = _span_and_tops(doc, start, end)
    if parsed is None:
        return False
    span, tops = parsed
    # The main clause, what it reports, and any "that" clause ("I can say with confidence
    # that the U.S. does not control ...", which the parser may hang on a noun).
    clauses = [
        *tops,
        *(c for t in tops for c in t.children if c.dep_ == "ccomp"),
        *(t for t in span if any(m.dep_ == "mark" and m.lower_ == "that" for m in t.children)),
    ]
    for clause in clauses:
        children = list(clause.children)
        if any(c.dep_ == "aux" and c.lower_ in MODALS for c in children):
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


def is_speculation_or_demand(doc: Any, start: int, end: int) -> bool:
    """Whether a claim's main clause predicts or demands rather than states: a modal of
    possibility ("Sinwar might take a step", "its forces are likely to remain") or "must"
    laid on someone other than the speaker ("Moscow must accept a ceasefire", "They must
    understand"). Possibility about the past ("might have been used") is a statement."""
    parsed = _span_and_tops(doc, start, end)
    if parsed is None:
        return False
    _, tops = parsed
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


def is_request_or_wish(doc: Any, start: int, end: int) -> bool:
    """Whether a claim asks or wishes rather than states: an object with an infinitive
    ("called on Putin to stop the war" → "Putin to stop the war"), or a clause headed by a
    verb of hoping or praying ("he hoped the swap would ...", "We pray for ...")."""
    # The parser hangs "Putin" and "to stop" either on each other or both on the cue, so
    # look at every token whose head lies outside the span.
    parsed = _span_and_tops(doc, start, end)
    if parsed is None:
        return False
    span, tops = parsed
    if any(t.pos_ == "VERB" and t.lower_ in _WISH_VERBS and t.dep_ != "relcl" for t in tops):
        return True
    for top in tops:
        if top.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in top.children):
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
