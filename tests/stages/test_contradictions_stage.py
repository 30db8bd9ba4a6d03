"""Contradictions stage: denials paired with the assertions they oppose."""

from __future__ import annotations

import pytest

from newsledger.model import Document, Record, document_id
from newsledger.pipeline.runner import Pipeline
from newsledger.stages.actors import ActorsStage
from newsledger.stages.claims import ClaimsStage
from newsledger.stages.contradictions import OVERLAP_THRESHOLD, ContradictionsStage, same_matter
from newsledger.stages.entities import EntitiesStage
from newsledger.stages.places import PlacesStage
from newsledger.stages.times import TimesStage

pytestmark = pytest.mark.slow
PIPELINE = Pipeline(
    [
        EntitiesStage(),
        TimesStage(),
        PlacesStage(),
        ActorsStage(),
        ClaimsStage(),
        ContradictionsStage(),
    ]
)


def _record(text: str) -> Record:
    return PIPELINE.run(
        Document(id=document_id(text), text=text, language="en", published="2025-05-12")
    )


def _speakers(record: Record, ids: tuple[str, ...]) -> set[str]:
    claims = {c.id: c for c in record.claims}
    return {claims[i].speaker.name for i in ids}


def test_denial_of_the_same_matter_is_a_contradiction() -> None:
    record = _record(
        "Ukrainian officials said that Russian troops had entered the village of Bilohorivka. "
        "The Russian Ministry of Defense denied the presence of Russian troops in Bilohorivka. "
        "Separately, the mayor said that the water supply was restored."
    )
    (contradiction,) = record.contradictions
    assert _speakers(record, contradiction.claims_for) == {"Ukrainian officials"}
    assert _speakers(record, contradiction.claims_against) == {"Russian Ministry of Defense"}
    assert "Bilohorivka" in contradiction.about


def test_rejecting_someones_accusation_opposes_that_accusation() -> None:
    record = _record(
        "Ukraine accused China of supplying drone engines to Russia. "
        "Beijing rejected Ukraine's accusation."
    )
    (contradiction,) = record.contradictions
    assert _speakers(record, contradiction.claims_for) == {"Ukraine"}
    assert _speakers(record, contradiction.claims_against) == {"Beijing"}


def test_unrelated_claims_and_mutual_accusations_are_not_contradictions() -> None:
    record = _record(
        "Kyiv said that Moscow violated the truce. Moscow said that Kyiv violated the truce. "
        "The ministry denied that the budget would be cut."
    )
    assert record.contradictions == ()


def test_same_matter_weighs_embeddings_and_concepts() -> None:
    # Without embeddings the concept overlap decides alone.
    assert same_matter(OVERLAP_THRESHOLD, None)
    assert not same_matter(OVERLAP_THRESHOLD - 0.01, None)
    # With them, a close paraphrase links even with few shared concepts, and sharing concepts
    # is not enough for texts far apart in meaning.
    assert same_matter(0.1, 0.6)
    assert not same_matter(1.0, 0.3)


def test_dismissing_the_claim_opposes_the_claim_just_reported() -> None:
    record = _record(
        "President Lukas Brandt said that his country had been forced to send troops to protect "
        "the border villages.\n\n"
        "The claim was dismissed by the European Commission as baseless propaganda."
    )
    (contradiction,) = record.contradictions
    assert _speakers(record, contradiction.claims_for) == {"Lukas Brandt"}
    assert _speakers(record, contradiction.claims_against) == {"European Commission"}
