"""The patterns of a PETRARCH verb dictionary, read from their lines and matched against a sentence.

A pattern line ``- SAID WOULD * NEW_&TIETYPES TIES [064]`` codes its verb (``*``) 064 when the words
before it (prewords) and after it (postwords) are found in the sentence. Words are upper-case
surface forms; ``_`` joins words that must be adjacent (articles, a possessive ``'s`` and numbers in
between do not count, as PETRARCH's matcher steps over them too), a space lets other words come
between; ``&NAME`` matches any phrase of that synset; ``+`` marks the target, ``$`` the source,
``^`` a noun phrase skipped over and ``%`` a compound (coordinated) actor, each standing for one
noun phrase; the phrases ``+`` and ``$`` match are the event's target and source. PETRARCH
matched on the phrases of a Treebank parse; here the sentence is spaCy's: prewords are searched
among the words before the verb in its sentence (nearest first), postwords among the words after
it in its own clause (the verb's subtree, up to a coordinated verb, which tells another
clause), each in order, and a noun phrase is one of spaCy's noun chunks. Patterns
are tried most specific first, as PETRARCH's search finds them: more postwords first, then more
prewords, then the order of the file.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Any, Literal

from newsledger.errors import InputError

ElementKind = Literal["word", "synset", "target", "source", "skip", "compound"]
# What a match binds: "target" / "source" → first and last position of the noun phrase.
Bindings = dict[str, tuple[int, int]]

_MARKERS: dict[str, ElementKind] = {"+": "target", "$": "source", "^": "skip", "%": "compound"}
# Characters with a meaning in the format; a pattern word is made of anything else.
_RESERVED = frozenset("*&+$^%{}()[]#<>|~")
_ARTICLES = frozenset({"THE", "A", "AN"})


@dataclass(frozen=True, slots=True)
class PatternElement:
    """One element of a pattern, listed walking away from the verb."""

    kind: ElementKind
    text: str  # the upper-case word, or the synset's name ("&TIETYPES")
    adjacent: bool  # joined by "_" to the element before it (nearer the verb), or to the verb


@dataclass(frozen=True, slots=True)
class VerbPattern:
    """A pattern line: what must surround the verb for ``code`` to apply."""

    pre: tuple[PatternElement, ...]  # the prewords, nearest the verb first
    post: tuple[PatternElement, ...]  # the postwords, in reading order
    code: str | None  # None for the null code "---"
    reverse_code: str | None
    line: int

    def synsets(self) -> Iterator[str]:
        for element in (*self.pre, *self.post):
            if element.kind == "synset":
                yield element.text


def parse_pattern(body: str, code: str, *, line: int, where: str) -> VerbPattern:
    """The pattern of a line's text between its "-" and its "[code]"; ``where`` names the line
    in errors."""
    # A "_" before a blank or at the end joins nothing: PETRARCH reads it as an open match.
    body = body.replace("_ ", " ").strip().rstrip("_")
    items: list[tuple[bool, str]] = []  # (joined by "_" to the item before, item)
    for chunk in body.split():
        for number, part in enumerate(chunk.split("_")):
            if not part:
                raise InputError(f"an empty word in the pattern {body!r}", source=where)
            items.append((number > 0, part))
    verbs = [k for k, (_joined, item) in enumerate(items) if item == "*"]
    if len(verbs) != 1:
        raise InputError(f"a pattern needs one '*' (the verb), found {len(verbs)}", source=where)
    at = verbs[0]
    pre = [
        _element(item, joined_to_next, where)
        for (_joined, item), (joined_to_next, _next) in pairwise(items[: at + 1])
    ]
    post = [_element(item, joined, where) for joined, item in items[at + 1 :]]
    primary, reverse = split_code(code)
    return VerbPattern(
        pre=tuple(reversed(pre)), post=tuple(post), code=primary, reverse_code=reverse, line=line
    )


def split_code(code: str) -> tuple[str | None, str | None]:
    """ "064" → ("064", None); "032:033" → ("032", "033"): PETRARCH's symmetric pair, the first
    for the source's act toward the target, the second for the target's toward the source;
    the null code "---" → None."""
    first, _colon, second = code.partition(":")
    return _null(first), _null(second) if second else None


def _null(code: str) -> str | None:
    return None if code.strip() == "---" else code.strip()


def _element(item: str, adjacent: bool, where: str) -> PatternElement:
    if item in _MARKERS:
        return PatternElement(_MARKERS[item], item, adjacent)
    if item.startswith("&") and len(item) > 1 and not _RESERVED & set(item[1:]):
        return PatternElement("synset", item.upper(), adjacent)
    if _RESERVED & set(item):
        raise InputError(f"cannot read {item!r} as a pattern word", source=where)
    return PatternElement("word", item.upper(), adjacent)


@dataclass(frozen=True, slots=True)
class SentenceWords:
    """A parsed sentence as the patterns see it: upper-case words, those that adjacency steps
    over, and its noun phrases (first and last position, and whether they coordinate actors)."""

    words: tuple[str, ...]
    transparent: tuple[bool, ...]
    phrases_from: Mapping[int, tuple[int, bool]]  # first position → last position, coordinated
    phrases_to: Mapping[int, tuple[int, bool]]  # last position → first position, coordinated


# Every verb of a sentence is looked up in turn (and a speech verb twice): the sentence's view
# is made once.
@lru_cache(maxsize=8)
def sentence_words(sentence: Any) -> SentenceWords:
    """The pattern view of a spaCy sentence ``Span`` (or ``Doc``); positions count from its
    first token."""
    start = getattr(sentence, "start", 0)  # a Span's first token; a whole Doc starts at 0
    words = tuple(token.text.upper() for token in sentence)
    transparent = tuple(
        token.tag_ == "POS" or token.like_num or (token.dep_ == "det" and word in _ARTICLES)
        for token, word in zip(sentence, words, strict=True)
    )
    phrases_from: dict[int, tuple[int, bool]] = {}
    phrases_to: dict[int, tuple[int, bool]] = {}
    end = start + len(words)
    chunks = [
        c for c in _doc_noun_chunks(getattr(sentence, "doc", sentence)) if start <= c[0] < end
    ]
    for first, last, _reach in chunks:
        phrases_from[first - start] = (last - start, False)
        phrases_to[last - start] = (first - start, False)
    for first, last, reach in chunks:
        # "Arnor and Gondor": a compound actor runs on to the end of its last conjunct.
        if reach > last:
            phrases_from[first - start] = (reach - start, True)
            phrases_to[reach - start] = (first - start, True)
    return SentenceWords(words, transparent, phrases_from, phrases_to)


# A dictionary codes every verb of a sentence, each asking for the sentence's noun phrases, and
# spaCy finds a span's noun chunks by walking the whole document's: the document's are found
# once (the few latest documents are kept, so a long batch holds no more than those alive).
@lru_cache(maxsize=4)
def _doc_noun_chunks(doc: Any) -> tuple[tuple[int, int, int], ...]:
    """Each noun chunk of the document as (first token, last token, last token of its last
    conjunct or its own last token)."""
    try:
        chunks = [(c.start, c.end - 1, c.root) for c in doc.noun_chunks]
    except ValueError:  # a parse without the dependency labels noun chunks need
        chunks = [(t.i, t.i, t) for t in doc if t.pos_ in {"NOUN", "PROPN", "PRON"}]
    found = []
    for first, last, root in chunks:
        conjuncts = [c.right_edge.i for c in root.children if c.dep_ == "conj"]
        found.append((first, last, max([last, *conjuncts])))
    return tuple(found)


@dataclass(frozen=True, slots=True)
class _Search:
    """A walk away from the verb: ``step`` +1 (postwords) or -1 (prewords), within positions
    ``low``..``high`` of the sentence."""

    step: int
    low: int
    high: int
    view: SentenceWords
    synsets: Mapping[str, frozenset[tuple[str, ...]]]

    def inside(self, position: int) -> bool:
        return self.low <= position <= self.high

    def sequence(self, elements: tuple[PatternElement, ...], position: int) -> Bindings | None:
        """The noun phrases ``elements`` bind if they match walking on from ``position`` (the
        last word used), empty when they bind none; None when they do not match."""
        if not elements:
            return {}
        element = elements[0]
        for start in self._starts(position, element.adjacent):
            for end in self._ends(element, start):
                rest = self.sequence(elements[1:], end)
                if rest is not None:
                    if element.kind in {"target", "source"}:
                        rest.setdefault(element.kind, (min(start, end), max(start, end)))
                    return rest
        return None

    def _starts(self, position: int, adjacent: bool) -> Iterator[int]:
        """Where the next element may begin: anywhere further on, or for an element joined by
        "_" the next word, or past articles, numbers and possessives the word after them."""
        start = position + self.step
        while self.inside(start):
            yield start
            if adjacent and not self.view.transparent[start]:
                return
            start += self.step

    def _ends(self, element: PatternElement, start: int) -> Iterator[int]:
        """The last positions of the ways ``element`` can match beginning at ``start``."""
        words = self.view.words
        if element.kind == "word":
            if words[start] == element.text:
                yield start
            return
        if element.kind == "synset":
            for phrase in self.synsets.get(element.text, frozenset()):
                walked = phrase if self.step > 0 else tuple(reversed(phrase))
                end = start + self.step * (len(walked) - 1)
                if self.inside(end) and all(
                    words[start + self.step * k] == word for k, word in enumerate(walked)
                ):
                    yield end
            return
        phrases = self.view.phrases_from if self.step > 0 else self.view.phrases_to
        found = phrases.get(start)
        if found is None:
            return
        end, coordinated = found
        if self.inside(end) and (element.kind != "compound" or coordinated):
            yield end


def match_pattern(
    pattern: VerbPattern,
    view: SentenceWords,
    synsets: Mapping[str, frozenset[tuple[str, ...]]],
    *,
    verb_span: tuple[int, int],
    clause_end: int,
) -> Bindings | None:
    """Whether ``pattern`` holds around the verb at ``verb_span`` (its first and last word,
    with the words of a multi-word verb), postwords being sought up to ``clause_end``: the
    first and last position of the noun phrases its ``+`` (target) and ``$`` (source) markers
    matched, or None when it does not hold."""
    first, last = verb_span
    after = _Search(1, last + 1, clause_end, view, synsets).sequence(pattern.post, last)
    if after is None:
        return None
    before = _Search(-1, 0, first - 1, view, synsets).sequence(pattern.pre, first)
    return None if before is None else {**before, **after}
