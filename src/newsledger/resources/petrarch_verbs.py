"""Caller-supplied verb dictionaries in the PETRARCH / TABARI verbs-file format.

``newsledger extract --verbs FILE`` reads such a file so that a caller who codes CAMEO events with
their own dictionary (as PETRARCH and TABARI users do) has their verbs coded their way; the events
stage then lets it decide every verb it knows (``resources.event_triggers.using_verb_dictionary``).
The format is PETRARCH-1's, as ``_read_verb_dictionary`` in openeventdata/petrarch2's
``PETRreader.py`` reads it and ``PETR.Validate.verbs.txt`` uses it (the ``read_verb_dictionary``
beside it reads PETRARCH-2's newer "(PREP ...)"/"{...}" phrase notation, which is not read here)::

    <!-- comments, possibly over several lines -->
    &TIETYPES                      # a synset: a name, then its phrases on "+" lines
    +MILITARY
    +CULTURAL_EXCHANGE             # "_" or a blank joins the words of a phrase
    +&OTHERSET                     # every phrase of another synset
    --- RESTORE  [064]  ---        # a block: a description and the code of its verbs
    RESTORE                        # a verb; its regular forms (-S, -ED, -ING) are made
    REBUILD {REBUILT REBUILDS}  [065]   # irregular forms (all of them), its own code
    +CORDON_OFF                    # a multi-word verb: "+" marks the word that is the verb
    - NOT * RELATIONS  [112]       # a pattern: prewords * postwords [code]  # remark
    - * &TIETYPES TIES [---]       # the null code: the verb codes nothing here

A block's patterns apply to all its verbs; a verb codes the most specific pattern that holds
around it (``resources.petrarch_verb_patterns``), else its own code or the block's, and the null
code ``---`` makes no event. A verb is found by its surface form, or by its lemma where no form
matches (spaCy knows irregular forms a dictionary may not list); a multi-word verb's other words
must stand next to it (or be its particle: "cordoned the area off") and it is tried before the
single word. A code pair ``[032:033]`` is PETRARCH's symmetric event: the first code for the
source's act toward the target, the second for the reverse. A synset whose name or phrase ends in
"_" matches as written; other phrases match their plural too (a last word ending in "S" is taken
as a plural already), and a synset named in a phrase brings its own phrases. Later definitions of
a verb form win, and blocks whose first verb is the same share their patterns, as in PETRARCH.
Patterns in TABARI's legacy "{...}" notation are skipped, as PETRARCH skips them; an undefined or
circular synset, a pattern without its one "*" or its code, or a line that is neither is an error
naming the line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from newsledger.errors import InputError
from newsledger.resources.event_triggers import VerbCoding
from newsledger.resources.petrarch_files import dictionary_lines, read_dictionary_text, text_digest
from newsledger.resources.petrarch_verb_patterns import (
    SentenceWords,
    VerbPattern,
    match_pattern,
    parse_pattern,
    sentence_words,
    split_code,
)

_CODE = re.compile(r"^[^\s\[\]]+$")
_FINAL_CODE = re.compile(r"\[([^\[\]]*)\]\s*$")
_VERB_WORD = re.compile(r"^\+?[A-Z0-9][A-Z0-9'.-]*$")
_MAX_PHRASES = 10_000  # a synset that expands beyond this is a mistake, not a vocabulary
_CLAUSE_DEPS = frozenset({"conj"})

# Resolves a synset name to its phrases, given the synsets being resolved and the line naming it.
_Resolver = Callable[[str, tuple[str, ...], str], frozenset[tuple[str, ...]]]


@dataclass(frozen=True, slots=True)
class VerbForm:
    """One form of a verb: the verb word and the words that must stand before and after it."""

    verb: str
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class VerbEntry:
    """A verb of the dictionary: its code alone and the block whose patterns it takes."""

    primary: str  # the verb as its line names it ("+CORDON_OFF")
    code: str | None
    reverse_code: str | None
    block: str  # the first verb of its block, which names the block's patterns
    line: int


@dataclass(frozen=True, slots=True)
class VerbDictionary:
    """A caller's verbs, coded in their sentence (``code_for``)."""

    source: str
    # verb word → (form, entry), multi-word forms first, longest first
    forms: dict[str, tuple[tuple[VerbForm, VerbEntry], ...]]
    patterns: dict[str, tuple[VerbPattern, ...]]  # block → its patterns, most specific first
    synsets: dict[str, frozenset[tuple[str, ...]]]
    digest: str = ""  # of the file's text (``petrarch_files.text_digest``)

    def __len__(self) -> int:
        return len({entry.primary for found in self.forms.values() for _f, entry in found})

    @property
    def provenance(self) -> str:
        return f"verbs {self.source} {self.digest}"

    def code_for(self, sentence: Any, verb: Any) -> VerbCoding | None:
        """How the dictionary codes ``verb``, a token of the spaCy sentence ``sentence``: the
        code of the most specific pattern that holds, else the verb's own; None for a verb the
        dictionary does not list."""
        if verb.text.upper() not in self.forms and verb.lemma_.upper() not in self.forms:
            return None  # most verbs: no need to read the sentence
        view = sentence_words(sentence)
        start = getattr(sentence, "start", 0)  # a Span's first token; a whole Doc starts at 0
        position = verb.i - start
        found = self._entry(view, verb, position)
        if found is None:
            return None
        entry, span = found
        clause_end = min(_clause_end(verb) - start, len(view.words) - 1)
        for pattern in self.patterns.get(entry.block, ()):
            bound = match_pattern(
                pattern, view, self.synsets, verb_span=span, clause_end=clause_end
            )
            if bound is not None:
                source, target = bound.get("source"), bound.get("target")
                return VerbCoding(
                    pattern.code,
                    pattern.reverse_code,
                    pattern.line,
                    source=(source[0] + start, source[1] + start) if source else None,
                    target=(target[0] + start, target[1] + start) if target else None,
                )
        return VerbCoding(entry.code, entry.reverse_code, entry.line)

    def _entry(
        self, view: SentenceWords, verb: Any, position: int
    ) -> tuple[VerbEntry, tuple[int, int]] | None:
        """The entry ``verb`` is a form of, and the first and last position of its words."""
        surface, lemma = view.words[position], verb.lemma_.upper()
        candidates = [
            *self.forms.get(surface, ()),
            *(self.forms.get(lemma, ()) if lemma != surface else ()),
        ]
        particles = {c.text.upper() for c in verb.children if c.dep_ == "prt"}
        for form, entry in candidates:
            span = _form_span(form, view, position, particles)
            if span is not None:
                return entry, span
        return None


def _form_span(
    form: VerbForm, view: SentenceWords, position: int, particles: set[str]
) -> tuple[int, int] | None:
    """Where the form's words stand around the verb at ``position``, or None if they do not."""
    first = last = position
    for word in reversed(form.before):
        first = _next_word(view, first, -1)
        if first < 0 or view.words[first] != word:
            return None
    for number, word in enumerate(form.after):
        following = _next_word(view, last, 1)
        if following < len(view.words) and view.words[following] == word:
            last = following
        elif number == len(form.after) - 1 and word in particles:
            continue  # "cordoned the area off": the particle after the verb's object
        else:
            return None
    return first, last


def _next_word(view: SentenceWords, position: int, step: int) -> int:
    """The next position that is not an article, number or possessive."""
    position += step
    while 0 <= position < len(view.words) and view.transparent[position]:
        position += step
    return position


def _clause_end(verb: Any) -> int:
    """The last token of the verb's own clause: its subtree, up to a verb coordinated with it
    ("met the envoy and signed the accord": "signed" tells another clause)."""
    end = int(verb.right_edge.i)
    for child in verb.children:
        if child.i > verb.i and child.dep_ in _CLAUSE_DEPS and child.pos_ in {"VERB", "AUX"}:
            end = min(end, int(child.left_edge.i) - 1)
    return end


def read_verb_dictionary(path: Path) -> VerbDictionary:
    """Read a PETRARCH verbs file; an unreadable or malformed file raises ``InputError``
    naming the file and, for a malformed line, the line."""
    return parse_verb_dictionary(read_dictionary_text(path, "verbs"), source=str(path))


@dataclass
class _Block:
    """A block while it is being read."""

    line: int
    code: str
    first_verb: str | None = None


@dataclass
class _Reading:
    """Everything read so far."""

    source: str
    forms: dict[tuple[str, tuple[str, ...], tuple[str, ...]], tuple[VerbForm, VerbEntry]] = field(
        default_factory=dict
    )
    patterns: dict[str, list[VerbPattern]] = field(default_factory=dict)
    synsets: dict[str, list[tuple[int, bool, str]]] = field(default_factory=dict)
    synset_lines: dict[str, int] = field(default_factory=dict)
    singular_synsets: set[str] = field(default_factory=set)  # named with a final "_"


def parse_verb_dictionary(text: str, *, source: str) -> VerbDictionary:
    """Parse the text of a PETRARCH verbs file; ``source`` names it in errors."""
    reading = _Reading(source)
    block: _Block | None = None
    synset: str | None = None  # the synset whose "+" lines are being read
    for number, line in dictionary_lines(text, source):
        where = f"{source}:{number}"
        if line.startswith("+") and synset is not None:
            reading.synsets[synset].append((number, line.endswith("_"), line[1:].strip()))
            continue
        synset = None
        if line.startswith("&"):
            synset = _synset_name(line, where)
            if synset.endswith("_"):
                synset = synset.rstrip("_")
                reading.singular_synsets.add(synset)
            if synset in reading.synsets:
                raise InputError(f"synset {synset} is defined twice", source=where)
            reading.synsets[synset] = []
            reading.synset_lines[synset] = number
        elif line.startswith("---"):
            block = _Block(line=number, code=_header_code(line, where))
        elif line.startswith("-"):
            if block is None or block.first_verb is None:
                raise InputError("a pattern ('-') before any verb", source=where)
            _add_pattern(reading, block.first_verb, line[1:], number, where)
        else:
            if block is None:
                raise InputError("a verb before any '--- VERB [code] ---' block", source=where)
            _add_verb(reading, block, line, number, where)
    if not reading.forms:
        raise InputError("no verbs in the file", source=source)
    return replace(_finish(reading), digest=text_digest(text))


def _synset_name(line: str, where: str) -> str:
    parts = line.split()
    name = parts[0].upper()
    bare = name[1:].rstrip("_")
    if len(parts) > 1 or not bare or not _VERB_WORD.match(bare):
        raise InputError(f"cannot read {line!r} as a synset name", source=where)
    return name


def _code_of(text: str, where: str) -> tuple[str, str | None]:
    """The text before a final "[code]" and the code, or the text and None without one."""
    found = _FINAL_CODE.search(text)
    if found is None:
        if "[" in text or "]" in text:
            raise InputError(f"expected '[CODE]' in {text.strip()!r}", source=where)
        return text, None
    code = found.group(1).strip()
    if not _CODE.match(code):
        raise InputError(f"cannot read [{found.group(1)}] as an event code", source=where)
    return text[: found.start()], code


def _header_code(line: str, where: str) -> str:
    """The code of a "--- DESCRIPTION [code] ---" line: the first one, "---" when none."""
    inner = line.strip("-").strip()
    if "[" not in inner:
        return "---"
    close = inner.find("]", inner.find("["))
    if close < 0:
        raise InputError(f"expected '[CODE]' in {line!r}", source=where)
    code = inner[inner.find("[") + 1 : close].strip()
    if not _CODE.match(code):
        raise InputError(f"cannot read [{code}] as an event code", source=where)
    return code


def _add_pattern(reading: _Reading, block: str, text: str, number: int, where: str) -> None:
    body, code = _code_of(text, where)
    if code is None:
        raise InputError("a pattern without its [code]", source=where)
    if "{" in body or "}" in body:
        return  # TABARI's legacy notation, which PETRARCH skips too
    reading.patterns.setdefault(block, []).append(
        parse_pattern(body, code, line=number, where=where)
    )


def _add_verb(reading: _Reading, block: _Block, line: str, number: int, where: str) -> None:
    text, code = _code_of(line, where)
    irregular: list[str] = []
    if "{" in text or "}" in text:
        opening, closing = text.find("{"), text.find("}")
        if opening < 0 or closing < opening or text[closing + 1 :].strip():
            raise InputError(f"cannot read the forms in {line!r}", source=where)
        irregular = text[opening + 1 : closing].split()
        text = text[:opening]
    primary = _verb_form(text, where)
    if block.first_verb is None:
        block.first_verb = text.strip().upper()
    primary_code, reverse = split_code(code or block.code)
    entry = VerbEntry(
        primary=text.strip().upper(),
        code=primary_code,
        reverse_code=reverse,
        block=block.first_verb,
        line=number,
    )
    forms = [primary, *(_verb_form(form, where) for form in irregular)]
    if not irregular:
        forms.extend(
            VerbForm(inflected, primary.before, primary.after)
            for inflected in _regular_forms(primary.verb)
        )
    for form in forms:
        reading.forms[(form.verb, form.before, form.after)] = (form, entry)


def _verb_form(text: str, where: str) -> VerbForm:
    """ "KLM_NOP_+RST" → RST after KLM NOP; "+CORDON_OFF" → CORDON before OFF; "LASH OUT" →
    LASH before OUT (without a "+", the first word is the verb)."""
    words = [w for w in re.split(r"[\s_]+", text.strip().upper()) if w]
    if not words or not all(_VERB_WORD.match(w) for w in words):
        raise InputError(f"cannot read {text.strip()!r} as a verb", source=where)
    marked = [k for k, word in enumerate(words) if word.startswith("+")]
    if len(marked) > 1:
        raise InputError(f"more than one '+' in the verb {text.strip()!r}", source=where)
    at = marked[0] if marked else 0
    words = [w.lstrip("+") for w in words]
    return VerbForm(words[at], tuple(words[:at]), tuple(words[at + 1 :]))


def _regular_forms(verb: str) -> tuple[str, ...]:
    """PETRARCH's regular forms of a verb: -S (-ES after S, X, Z), -ED (-D after E), -ING
    (dropping an E); a Y after a consonant becomes -IES and -IED."""
    if verb.endswith("Y") and len(verb) > 1 and verb[-2] not in "AEIOU":
        return (f"{verb[:-1]}IES", f"{verb[:-1]}IED", f"{verb}ING")
    third = f"{verb}ES" if verb[-1] in "SXZ" else f"{verb}S"
    if verb.endswith("E"):
        return (third, f"{verb}D", f"{verb[:-1]}ING")
    return (third, f"{verb}ED", f"{verb}ING")


def _finish(reading: _Reading) -> VerbDictionary:
    synsets = _resolve_synsets(reading)
    for patterns in reading.patterns.values():
        for pattern in patterns:
            for name in pattern.synsets():
                if name not in synsets:
                    raise InputError(
                        f"synset {name} is not defined", source=f"{reading.source}:{pattern.line}"
                    )
    by_verb: dict[str, list[tuple[VerbForm, VerbEntry]]] = {}
    for form, entry in reading.forms.values():
        by_verb.setdefault(form.verb, []).append((form, entry))
    return VerbDictionary(
        source=reading.source,
        forms={
            verb: tuple(sorted(found, key=lambda item: -len(item[0].before + item[0].after)))
            for verb, found in by_verb.items()
        },
        patterns={
            block: tuple(
                sorted(
                    patterns,
                    key=lambda p: (-len(p.post), -len(p.pre), p.line),
                )
            )
            for block, patterns in reading.patterns.items()
        },
        synsets=synsets,
    )


def _resolve_synsets(reading: _Reading) -> dict[str, frozenset[tuple[str, ...]]]:
    """Every synset's phrases, with the phrases of the synsets it names and the plurals."""
    resolved: dict[str, frozenset[tuple[str, ...]]] = {}

    def resolve(name: str, trail: tuple[str, ...], where: str) -> frozenset[tuple[str, ...]]:
        if name in resolved:
            return resolved[name]
        if name not in reading.synsets:
            raise InputError(f"synset {name} is not defined", source=where)
        if name in trail:
            raise InputError(f"synset {name} contains itself", source=where)
        members = reading.synsets[name]
        if not members:
            raise InputError(
                f"synset {name} has no phrases",
                source=f"{reading.source}:{reading.synset_lines[name]}",
            )
        phrases: set[tuple[str, ...]] = set()
        for number, exact, member in members:
            member_where = f"{reading.source}:{number}"
            plurals = not (exact or name in reading.singular_synsets or member.startswith("&"))
            for phrase in _member_phrases(member, (*trail, name), member_where, resolve):
                phrases.add(phrase)
                if plurals and not phrase[-1].endswith("S"):
                    # A last word in -S is taken as a plural already ("DOLLARS").
                    phrases.add((*phrase[:-1], _plural(phrase[-1])))
            if len(phrases) > _MAX_PHRASES:
                raise InputError(f"synset {name} expands to too many phrases", source=member_where)
        resolved[name] = frozenset(phrases)
        return resolved[name]

    for name in reading.synsets:
        resolve(name, (), f"{reading.source}:{reading.synset_lines[name]}")
    return resolved


def _member_phrases(
    member: str, trail: tuple[str, ...], where: str, resolve: _Resolver
) -> Iterator[tuple[str, ...]]:
    """The phrases a "+" line stands for: its words, a synset named in it standing for each of
    that synset's phrases."""
    words = [w for w in re.split(r"[\s_]+", member.upper()) if w]
    if not words:
        raise InputError("an empty synset phrase", source=where)
    expansions: list[tuple[tuple[str, ...], ...]] = []
    for word in words:
        if word.startswith("&"):
            expansions.append(tuple(resolve(word, trail, where)))
        elif set(word) & set("*+$^%{}()[]<>|~"):
            raise InputError(f"cannot read {word!r} in a synset phrase", source=where)
        else:
            expansions.append(((word,),))
    phrases: list[tuple[str, ...]] = [()]
    for options in expansions:
        phrases = [(*phrase, *option) for phrase in phrases for option in options]
        if len(phrases) > _MAX_PHRASES:
            raise InputError("a synset phrase expands to too many phrases", source=where)
    yield from phrases


def _plural(word: str) -> str:
    """The plural of a synset phrase's last word, as PETRARCH makes it."""
    if word.endswith("Y") and len(word) > 1 and word[-2] not in "AEIOU":
        return f"{word[:-1]}IES"
    if word[-1] in "XZ" or word.endswith(("CH", "SH")):
        return f"{word}ES"
    return f"{word}S"
