"""Which token a reporting cue names as its speaker: its subject, a passive agent, or, for a
participle or conjoined cue with no subject of its own, the subject of the verb it hangs from
("Zelensky confirmed these operations, claiming ..."); a relative "which" stands for the
organisation, not the person, its clause hangs on; and where the parser ran a subhead into the
cue's paragraph, the name that opens the paragraph. Who that token *is* is for
:mod:`newsledger.stages.speakers`; two named speakers of one statement ("Hamas and Iran blamed
...") are found here too."""

from __future__ import annotations

from typing import Any

from newsledger.stages.claim_parts.article import ClaimArticle
from newsledger.stages.claim_parts.person_names import names_a_person
from newsledger.stages.claim_parts.spans import RELATIVE_TAGS, compound_head

# Relations through which a cue with no subject of its own takes its governor's subject.
_INHERIT_DEPS = frozenset({"conj", "advcl", "xcomp", "pcomp", "prep", "acl", "ccomp", "pobj"})
# Relations of the words that modify a noun before it ("A VOA reporter's source").
_NOUN_MODIFIER_DEPS = frozenset(
    {"compound", "flat", "poss", "det", "amod", "case", "nummod", "nmod"}
)


def cue_subject(article: ClaimArticle, verb: Any) -> Any | None:
    """The speaker token of a cue, from its own paragraph: the parser may run a subhead
    into the next paragraph's sentence ("Palestinians react" + "Jamil Al Saadouni, 58,
    told ..."), and then the name that opens the cue's paragraph is the subject."""
    subject = parsed_subject(article, verb)
    paragraph_start, _ = article.paragraph(verb.idx)
    if subject is not None and subject.idx >= paragraph_start:
        return subject
    if subject is None and verb.sent.start_char >= paragraph_start:
        return None  # a cue without a subject in a sentence of its own paragraph
    opening = _opening_noun(article, verb, paragraph_start)
    if opening is not None:
        return opening
    for token in article.doc[verb.sent.start : verb.i]:
        if token.idx >= paragraph_start and token.pos_ == "PROPN":
            return compound_head(token)
    return None


def _opening_noun(article: ClaimArticle, verb: Any, paragraph_start: int) -> Any | None:
    """The head of the noun phrase that opens a cue's paragraph ("A VOA reporter's source
    inside the camp, ..., said"): from its first word up through the words that modify a
    later noun, while the parse keeps them in the paragraph and before the cue."""
    words = [
        t
        for t in article.doc[verb.sent.start : verb.i]
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


def parsed_subject(article: ClaimArticle, verb: Any) -> Any | None:
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
        reported = current.i != verb.i and _is_reported_clause(article, current)
        for child in current.children:
            if child.dep_ == "nsubj" and not reported:
                if child.tag_ in RELATIVE_TAGS and current.dep_ == "relcl":
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


def _is_reported_clause(article: ClaimArticle, token: Any) -> bool:
    """Whether a verb heads what another cue reports: "denied that its forces struck"."""
    return bool(token.dep_ == "ccomp" and token.head.lemma_.lower() in article.lexicon.verbs)


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


def named_conjuncts(token: Any | None) -> list[Any]:
    """Names joined to a speaker name: "Hamas and Iran", "Wallace and Truss" (each speaks);
    "Kyiv and its European allies" speak as one (a common noun joins no name)."""
    if token is None or token.pos_ != "PROPN" or not token.ent_type_:
        return []
    return [
        t
        for t in token.conjuncts
        if t.i > token.i and t.pos_ == "PROPN" and t.ent_type_ and t.ent_type_ != "NORP"
    ]
