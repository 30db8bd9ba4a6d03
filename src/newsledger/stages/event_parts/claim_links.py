"""Which claims of the claims stage report an event.

An event is linked to the claims that assert it: those whose text contains one of its trigger
words, or whose cue is the trigger itself ("Russia rejected ..."), so a reader can trace each
event to who said it happened.
"""

from __future__ import annotations

from typing import Any

from newsledger.model import Claim


def claims_reporting(
    claims: tuple[Claim, ...], positions: list[int], event_type: str, sentence: Any
) -> tuple[str, ...]:
    """Ids of claims that assert the event: their text contains one of its trigger words, or
    their cue is the trigger itself ("Russia rejected ...")."""
    stances = {"assert", "accuse"} | ({"deny"} if event_type == "REJECT" else set())
    cue_words = {sentence.doc[p].lower_ for p in positions}
    start, end = sentence.start_char, sentence.end_char
    found: list[str] = []
    for claim in claims:
        if claim.stance not in stances:
            continue
        offsets = (sentence.doc[p].idx for p in positions)
        inside = any(claim.start <= o < claim.end for o in offsets)
        own_cue = start <= claim.start < end and claim.cue.lower() in cue_words
        if inside or own_cue:
            found.append(claim.id)
    return tuple(found)
