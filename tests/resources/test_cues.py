"""Reporting cues: the stance a claim's content gives it when its cue is neutral."""

from __future__ import annotations

import pytest

from newsledger.resources.cues import cue_lexicon, stance_from_content


@pytest.mark.parametrize(
    ("content", "stance"),
    [
        ("the claims are patently false", "deny"),
        ("it was nothing but propaganda", "deny"),
        ("the strike violated international humanitarian law", "accuse"),
        ("what they did is against international law", "accuse"),
        ("it is not possible to conclude that this was intentional targeting", "assert"),
        ("will the talks ever resume?", "other"),
        ("questions should be addressed to the ministry", "evade"),
        ("the bridge was rebuilt in two months", "assert"),
        ("families left the city", "assert"),  # "lies" is a whole word only
    ],
)
def test_a_neutral_cue_takes_its_stance_from_the_content(content: str, stance: str) -> None:
    assert stance_from_content("assert", content) == stance


def test_a_cue_with_a_stance_of_its_own_keeps_it() -> None:
    assert stance_from_content("accuse", "the claims are false") == "accuse"
    assert stance_from_content("deny", "they attacked civilians deliberately") == "deny"
    # An evasion wins whatever the cue.
    assert stance_from_content("deny", "no comment") == "evade"


def test_request_and_promise_verbs_are_other() -> None:
    verbs = cue_lexicon().verbs
    assert {verbs[v] for v in ("urge", "vow", "threaten", "promise", "appeal")} == {"other"}
