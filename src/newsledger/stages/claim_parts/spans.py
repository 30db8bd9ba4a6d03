"""Character spans the claim finders read off the text and the parse: paragraphs, a span
stripped of quote marks, and the content of a reporting cue (its complement clause cut before a
clause that is a claim of its own, its object with the charge that completes it, the addressee
and infinitive of a request). spaCy tokens are untyped here (``Any``), as in the events stage's
helpers."""

from __future__ import annotations

from typing import Any

from newsledger.resources.cues import cue_lexicon

# Tags of relative pronouns ("which", "who", "whose"): never a speaker or a reported object.
RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})


def paragraph_bounds(text: str, position: int) -> tuple[int, int]:
    """[start, end) of the paragraph holding a position: lines are paragraphs in our texts
    (blank lines between them, or one line each)."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end < 0 else end


def previous_paragraph_start(text: str, position: int) -> int:
    """Where the paragraph before the one holding a position starts (0 in the first one),
    past the blank lines between them: "this paragraph or the one before" is where a
    pronoun's speaker or a continued statement's date is looked for."""
    own = text.rfind("\n", 0, position)
    if own < 0:
        return 0
    # Skip the blank lines between paragraphs, then find where the previous one starts.
    before = own
    while before > 0 and text[before - 1] in "\n \t\r":
        before -= 1
    return text.rfind("\n", 0, before) + 1


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span past white space, surrounding quote marks and a final comma/period."""
    junk = ' \t\n"“”,'
    while start < end and text[start] in junk:
        start += 1
    while end > start and text[end - 1] in junk:
        end -= 1
    return start, end


def span_of(tokens: Any) -> tuple[int, int]:
    """[start, end) in characters from the first to the last of some tokens."""
    tokens = list(tokens)
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def compound_head(token: Any) -> Any:
    """The word a name part is compounded into ("Abu" of "Abu Amer" → "Amer")."""
    while token.dep_ in {"compound", "flat"} and token.head.i > token.i:
        token = token.head
    return token


def starts_with_that(clause: Any) -> bool:
    return any(t.dep_ == "mark" and t.lower_ == "that" for t in clause.children)


def that_conjuncts(clause: Any) -> list[Any]:
    """Clauses conjoined to a complement clause, each with its own "that"."""
    return [
        c
        for c in clause.children
        if c.dep_ == "conj" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
    ]


def clause_span(clause: Any) -> tuple[int, int]:
    """A complement clause without its complementizer ("that") and trailing punctuation, cut
    before a nested reporting clause that is a claim of its own ("..., saying that ...")."""
    verbs = cue_lexicon().verbs
    nested = [
        t
        for t in clause.subtree
        if t.i > clause.i
        and t.dep_ in {"advcl", "conj"}
        # "called on X to do Y" is a request of its own (see ``reported._called``).
        and (t.lemma_.lower() in verbs or (t.lemma_.lower() == "call" and t.pos_ == "VERB"))
    ]
    # "... and that Y": a second clause with its own "that" is a claim of its own.
    nested += that_conjuncts(clause)
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
    return span_of(tokens or [clause])


def own_clauses(verb: Any) -> set[int]:
    """Tokens of a cue's subordinate clauses that are claims of their own ("..., saying X",
    "by claiming that X")."""
    return {
        t.i
        for child in verb.children
        if child.dep_ in {"advcl", "ccomp", "conj"}
        or (child.dep_ == "prep" and child.lower_ == "by")
        for t in child.subtree
    }


def object_with_complement(verb: Any, obj: Any) -> list[Any]:
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
            and t.i not in own_clauses(verb)
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
    verb_clauses = own_clauses(verb)
    if extension is not None and extension.i not in nested:
        tokens.extend(t for t in extension.subtree if t.i not in verb_clauses | nested)
    return tokens


def request_content(noun: Any) -> list[Any]:
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
