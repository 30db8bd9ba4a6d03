"""Caller-supplied actor dictionaries in the PETRARCH / TABARI actors-file format.

``newsledger extract --actors FILE`` reads such a file so that articles about actors our own
lexicon does not know (or codes differently) can be coded the caller's way. The format, as in
openeventdata/petrarch2's ``PETR.Validate.actors.txt`` and the Phoenix actor files::

    ARNOR_  [ARN]                 # a phrase and its code; "_" joins words
    +ARNORIAN                     # a synonym of the entry above
    GOLLUM                        # an entry whose codes follow on their own lines
        [HOB < 950601]            # date-restricted codes
        [HOBREB > 990816]
    <!-- comments, possibly over several lines -->

A phrase ending in "_" must match its last word exactly; without it the last word matches as a
prefix ("ARGENTIN" matches "Argentina" and "Argentine"), as in TABARI. A code's first three
letters are the country (ISO alpha-3 in real dictionaries, anything in test ones) and the next
three the PLOVER sector when they name one ("ISRMIL" → ISR, MIL); "ELR/GAL" names two actors
together (the coded party lists both as members). Codes made only of "-", "+" or "#" mark a
phrase as a non-actor. Of several codes the undated one is used, else the last listed
(PETRARCH lists restrictions oldest first, so that is the current one); the date restrictions are
checked for syntax but not applied, because the actors stage codes names without a date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from newsledger.errors import InputError
from newsledger.resources.actors import KnownActor, normalize_name, sector_codes
from newsledger.resources.petrarch_files import dictionary_lines, read_dictionary_text, text_digest

_CODE = re.compile(r"^[A-Za-z0-9~]+(?:/[A-Za-z0-9~]+)*$|^[-+#]+$")
_RESTRICTION = re.compile(r"^(?:[<>]\s*\d{6,8}|\d{6,8}\s*-\s*\d{6,8})$")


@dataclass
class _Entry:
    """An entry while it is being read: its phrases and the codes listed for it."""

    line: int
    phrases: list[str]
    undated: list[str] = field(default_factory=list)
    dated: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ActorDictionary:
    """A caller's actors, looked up by name as our own lexicon is (``lookup``)."""

    source: str
    exact: dict[str, KnownActor]
    # (number of words, all words but the last) → (last-word prefix, actor), longest first
    prefixes: dict[tuple[int, tuple[str, ...]], tuple[tuple[str, KnownActor], ...]]
    digest: str = ""  # of the file's text (``text_digest``)

    def __len__(self) -> int:
        return len(self.exact) + sum(len(v) for v in self.prefixes.values())

    @property
    def provenance(self) -> str:
        return f"actors {self.source} {self.digest}"

    def lookup(self, text: str) -> KnownActor | None:
        """The actor named by ``text`` ("Arnor", "the Arnorian's"), or None."""
        key = normalize_name(text)
        found = self.exact.get(key)
        if found is not None:
            return found
        words = key.split()
        if not words:
            return None
        for prefix, actor in self.prefixes.get((len(words), tuple(words[:-1])), ()):
            if words[-1].startswith(prefix):
                return actor
        return None


def read_actor_dictionary(path: Path) -> ActorDictionary:
    """Read a PETRARCH actors file; an unreadable or malformed file raises ``InputError``
    naming the file and, for a malformed entry, the line."""
    return parse_actor_dictionary(read_dictionary_text(path, "actors"), source=str(path))


def parse_actor_dictionary(text: str, *, source: str) -> ActorDictionary:
    """Parse the text of a PETRARCH actors file; ``source`` names it in errors."""
    entries: list[_Entry] = []
    current: _Entry | None = None
    for number, line in dictionary_lines(text, source):
        where = f"{source}:{number}"
        if line.startswith("+"):
            if current is None:
                raise InputError("a synonym ('+') before any actor", source=where)
            current.phrases.append(_phrase(line[1:], where))
            continue
        if line.startswith("["):
            if current is None:
                raise InputError("a code ('[...]') before any actor", source=where)
            _add_codes(current, line, where)
            continue
        if current is not None:
            _check_coded(current, source)
        phrase, _bracket, rest = line.partition("[")
        current = _Entry(line=number, phrases=[_phrase(phrase, where)])
        entries.append(current)
        if _bracket:
            _add_codes(current, "[" + rest, where)
    if current is not None:
        _check_coded(current, source)
    if not entries:
        raise InputError("no actors in the file", source=source)
    return replace(_index(entries, source), digest=text_digest(text))


def _phrase(raw: str, where: str) -> str:
    phrase = raw.strip()
    if not phrase or "]" in phrase:
        raise InputError(f"cannot read {raw.strip()!r} as an actor phrase", source=where)
    return phrase


def _add_codes(entry: _Entry, text: str, where: str) -> None:
    """Codes in ``[CODE]`` or ``[CODE restriction]`` brackets, one or more on a line."""
    rest = text.strip()
    while rest:
        if not rest.startswith("[") or "]" not in rest:
            raise InputError(f"expected '[CODE]', found {rest!r}", source=where)
        inside, rest = rest[1:].split("]", 1)
        rest = rest.strip()
        parts = inside.split(None, 1)
        if not parts or not _CODE.match(parts[0]):
            raise InputError(f"cannot read [{inside}] as an actor code", source=where)
        if len(parts) == 1:
            entry.undated.append(parts[0])
        elif _RESTRICTION.match(parts[1].strip()):
            entry.dated.append(parts[0])
        else:
            raise InputError(f"cannot read the date restriction in [{inside}]", source=where)


def _check_coded(entry: _Entry, source: str) -> None:
    if not entry.undated and not entry.dated:
        raise InputError(
            f"actor {entry.phrases[0]!r} has no [CODE]", source=f"{source}:{entry.line}"
        )


def actor_from_code(name: str, code: str) -> KnownActor:
    """The actor a PETRARCH code stands for: "ISRMIL" → country ISR, sector MIL; a compound
    code "ELR/GAL" stands for its members together, with a country only if they share one."""
    codes = code.split("/")
    if len(codes) == 1:
        return _single_actor(name, code)
    # The file names the members only by their codes.
    parts = [_single_actor(part.upper(), part) for part in codes]
    countries = {part.country for part in parts}
    sectors = {part.sector for part in parts}
    return KnownActor(
        name=name,
        type="ORG",
        country=countries.pop() if len(countries) == 1 else None,
        sector=sectors.pop() if len(sectors) == 1 else None,
        role=None,
        aliases=(),
        members=tuple(parts),
    )


def _single_actor(name: str, code: str) -> KnownActor:
    code = code.upper().lstrip("~")
    if not code.strip("-+#"):
        country, sector = None, None
    else:
        country = code[:3] or None
        sector = code[3:6] if code[3:6] in sector_codes() else None
    return KnownActor(name=name, type="ORG", country=country, sector=sector, role=None, aliases=())


def _index(entries: list[_Entry], source: str) -> ActorDictionary:
    exact: dict[str, KnownActor] = {}
    prefixes: dict[tuple[int, tuple[str, ...]], list[tuple[str, KnownActor]]] = {}
    for entry in entries:
        code = entry.undated[0] if entry.undated else entry.dated[-1]
        name = _display_name(entry.phrases[0])
        actor = actor_from_code(name, code)
        for phrase in entry.phrases:
            exact_match = phrase.endswith("_")
            key = normalize_name(phrase.replace("_", " "))
            if not key:
                continue
            exact.setdefault(key, actor)
            if not exact_match:
                words = key.split()
                prefixes.setdefault((len(words), tuple(words[:-1])), []).append((words[-1], actor))
    return ActorDictionary(
        source=source,
        exact=exact,
        prefixes={k: tuple(sorted(v, key=lambda item: -len(item[0]))) for k, v in prefixes.items()},
    )


def _display_name(phrase: str) -> str:
    """ "NORTH_KOREA" → "North Korea": the phrase as a name."""
    return " ".join(word.capitalize() for word in phrase.replace("_", " ").split())
