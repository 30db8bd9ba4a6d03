"""Reporting cues: the verbs and nouns that introduce claims, and the stance each implies.

``data/reporting_cues.json`` (ours, Apache-2.0) maps lemmas to a default stance ("deny" for
*deny*, "accuse" for *accuse*, "assert" for *say*), and lists phrases whose presence in a claim's
content changes its stance: a quote that sends questions elsewhere is an evasion, one that calls
the other side "wrong" is a denial, whatever verb introduced it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsledger.resources.data_files import read_data_json


@dataclass(frozen=True, slots=True)
class CueLexicon:
    verbs: dict[str, str]
    nouns: dict[str, str]
    object_cues: frozenset[str]
    decline_verbs: frozenset[str]
    decline_objects: frozenset[str]
    evasive_content: tuple[str, ...]
    denying_content: tuple[str, ...]
    accusing_content: tuple[str, ...]


@lru_cache(maxsize=1)
def cue_lexicon() -> CueLexicon:
    data = read_data_json("reporting_cues.json", "reporting-cue lexicon")
    return CueLexicon(
        verbs=dict(data["verbs"]),
        nouns=dict(data["nouns"]),
        object_cues=frozenset(data["object_cues"]),
        decline_verbs=frozenset(data["decline_verbs"]),
        decline_objects=frozenset(data["decline_objects"]),
        evasive_content=tuple(data["evasive_content"]),
        denying_content=tuple(data["denying_content"]),
        accusing_content=tuple(data["accusing_content"]),
    )


def stance_from_content(default: str, content: str) -> str:
    """Refine a cue's default stance by what the claim says.

    Evasions win whatever the cue ("should be addressed to the presidency"). A neutral cue
    ("said", "told") takes its stance from the content: a flat denial ("is patently false",
    "propaganda") is a denial; ascribing wrongful or deliberate conduct ("against international
    law", "a war crime", "deliberately") is an accusation; a question is neither (``other``).
    A negated phrase does not count ("not possible to conclude that this was intentional").
    """
    lexicon = cue_lexicon()
    lowered = content.casefold()
    if _mentions_any(lowered, lexicon.evasive_content, negatable=False):
        return "evade"
    if default != "assert":
        return default
    if _mentions_any(lowered, lexicon.denying_content):
        return "deny"
    if _mentions_any(lowered, lexicon.accusing_content):
        return "accuse"
    if lowered.rstrip(" .\"'”’").endswith("?"):
        return "other"
    return default


_NEGATION = re.compile(r"\b(?:not|no|never|nor|without)\b|n't\b|n’t\b")
_NEGATION_WINDOW = 8  # words before a phrase in which a negation cancels it


def _mentions_any(text: str, phrases: tuple[str, ...], *, negatable: bool = True) -> bool:
    """Whole-word matches only ("lies" must not match "families"); a final "*" in a phrase
    matches any word ending. With ``negatable``, an occurrence with a negation among the few
    words before it does not count."""
    for match in _phrase_pattern(phrases).finditer(text):
        if not negatable:
            return True
        before = text[: match.start()].split()[-_NEGATION_WINDOW:]
        if not _NEGATION.search(" ".join(before)):
            return True
    return False


@lru_cache(maxsize=16)
def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = [
        re.escape(p[:-1]) + r"\w*" if p.endswith("*") else re.escape(p) + r"\b" for p in phrases
    ]
    return re.compile(r"\b(?:" + "|".join(alternatives) + ")")
