"""Reporting cues: the verbs and nouns that introduce claims, and the stance each implies.

``data/reporting_cues.json`` (ours, Apache-2.0) maps lemmas to a default stance ("deny" for
*deny*, "accuse" for *accuse*, "assert" for *say*), and lists phrases whose presence in a claim's
content changes its stance: a quote that sends questions elsewhere is an evasion, one that calls
the other side "wrong" is a denial, whatever verb introduced it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class CueLexicon:
    verbs: dict[str, str]
    nouns: dict[str, str]
    object_cues: frozenset[str]
    decline_verbs: frozenset[str]
    decline_objects: frozenset[str]
    evasive_content: tuple[str, ...]
    denying_content: tuple[str, ...]


@lru_cache(maxsize=1)
def cue_lexicon() -> CueLexicon:
    path = resources.files("newsledger.resources").joinpath("data", "reporting_cues.json")
    with path.open(encoding="utf-8") as f:
        data = json.load(f)
    return CueLexicon(
        verbs=dict(data["verbs"]),
        nouns=dict(data["nouns"]),
        object_cues=frozenset(data["object_cues"]),
        decline_verbs=frozenset(data["decline_verbs"]),
        decline_objects=frozenset(data["decline_objects"]),
        evasive_content=tuple(data["evasive_content"]),
        denying_content=tuple(data["denying_content"]),
    )


def stance_from_content(default: str, content: str) -> str:
    """Refine a cue's default stance by what the claim says: evasions and flat denials."""
    lexicon = cue_lexicon()
    lowered = content.casefold()
    if _mentions_any(lowered, lexicon.evasive_content):
        return "evade"
    if default == "assert" and _mentions_any(lowered, lexicon.denying_content):
        return "deny"
    return default


def _mentions_any(text: str, phrases: tuple[str, ...]) -> bool:
    """Whole-word matches only: "lies" must not match "families"."""
    return any(re.search(rf"\b{re.escape(phrase)}\b", text) for phrase in phrases)
