"""What PETRARCH's dictionary files (actors, verbs) share: reading one, its comments, its digest.

Both formats (``resources.petrarch_actors``, ``resources.petrarch_verbs``) are UTF-8 text with
``<!-- ... -->`` comment blocks and ``#`` remarks; a record names the file it was coded with by
its path and a digest of its content.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

from newsledger.errors import InputError


def read_dictionary_text(path: Path, kind: str) -> str:
    """The text of a dictionary file; an unreadable one raises ``InputError`` naming it."""
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text ({exc.reason})", source=str(path)) from exc
    except OSError as exc:
        raise InputError(f"cannot read the {kind} file ({exc.strerror})", source=str(path)) from exc


def text_digest(text: str) -> str:
    """ "sha256:" and the first 16 hex digits of the text's sha256: names a dictionary's
    content in records, whatever its path."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def dictionary_lines(text: str, source: str) -> Iterator[tuple[int, str]]:
    """The numbered lines of a dictionary file that say something, comments and remarks taken
    out; a ``<!--`` never closed raises ``InputError`` naming ``source``."""
    in_comment = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line, in_comment = without_comments(raw, in_comment)
        line = line.strip()
        if line:
            yield number, line
    if in_comment:
        raise InputError("a '<!--' comment is never closed", source=source)


def without_comments(line: str, in_comment: bool) -> tuple[str, bool]:
    """The line without ``<!-- ... -->`` blocks and ``#`` remarks, and whether a block is open
    (PETRARCH's dictionary files share these). A "#" inside a code ("[###]") is part of the
    code, not a remark."""
    kept = ""
    rest = line
    while rest:
        if in_comment:
            end = rest.find("-->")
            if end < 0:
                return _without_remark(kept), True
            rest, in_comment = rest[end + 3 :], False
            continue
        start = rest.find("<!")
        if start < 0:
            kept += rest
            break
        kept += rest[:start]
        rest, in_comment = rest[start + 2 :], True
    return _without_remark(kept), in_comment


def _without_remark(line: str) -> str:
    depth = 0
    for position, char in enumerate(line):
        if char == "[":
            depth += 1
        elif char == "]":
            depth = max(0, depth - 1)
        elif char == "#" and depth == 0:
            return line[:position]
    return line
