"""Pronoun resolution shared by the claims and events stages."""

from __future__ import annotations

import pytest

from newsledger.stages.coreference import antecedent, resolve
from newsledger.stages.entities import load_pipeline, model_name

pytestmark = pytest.mark.slow


def _resolve(text: str, pronoun: str, occurrence: int = 0) -> str:
    doc = load_pipeline(model_name())(text)
    tokens = [t for t in doc if t.text == pronoun]
    return str(resolve(tokens[occurrence]).text)


def test_person_pronoun_takes_the_nearest_person_subject() -> None:
    assert _resolve("Andrii Sybiha spoke in Brussels. He said the strikes must stop.", "He") == (
        "Sybiha"
    )


def test_possessive_without_a_person_subject_takes_the_nearest_name() -> None:
    text = "Officials discussed Zelensky's announcement that his military was operating there."
    assert _resolve(text, "his") == "Zelensky"


def test_pronoun_in_a_fronted_clause_points_ahead() -> None:
    text = "Even as it has tried to skirt the issue, the Kremlin has continued its pressure."
    assert _resolve(text, "it") == "Kremlin"


def test_relative_pronoun_stands_for_the_noun_it_modifies() -> None:
    doc = load_pipeline(model_name())("Kursk is a region that Kiev invaded in August.")
    that = next(t for t in doc if t.text == "that")
    assert antecedent(that).text == "region"


def test_unresolvable_pronoun_is_returned_as_it_is() -> None:
    assert _resolve("They said nothing.", "They") == "They"


def test_pronoun_inside_a_nouns_clause_does_not_point_ahead() -> None:
    text = (
        "When asked about Zelensky's announcement that his army had advanced, Kremlin "
        "spokesman Dmitry Peskov declined to comment."
    )
    assert _resolve(text, "his") == "Zelensky"
