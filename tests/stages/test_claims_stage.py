"""Claims stage on small fixtures: cues, quotes, speakers, stances, dates."""

from __future__ import annotations

import pytest

from newsledger.model import Claim, Document, document_id
from newsledger.pipeline.runner import Pipeline
from newsledger.stages.actors import ActorsStage
from newsledger.stages.claims import ClaimsStage
from newsledger.stages.entities import EntitiesStage
from newsledger.stages.places import PlacesStage
from newsledger.stages.times import TimesStage

pytestmark = pytest.mark.slow
PIPELINE = Pipeline([EntitiesStage(), TimesStage(), PlacesStage(), ActorsStage(), ClaimsStage()])


def _claims(text: str, published: str = "2025-05-12") -> tuple[Claim, ...]:
    document = Document(id=document_id(text), text=text, language="en", published=published)
    return PIPELINE.run(document).claims


def test_reported_speech_with_speaker_cue_and_date() -> None:
    (claim,) = _claims(
        "On May 9, Ukrainian President Volodymyr Zelensky said that talks had failed."
    )
    assert claim.speaker.name == "Volodymyr Zelensky"
    assert (claim.text, claim.kind, claim.cue, claim.stance) == (
        "talks had failed",
        "indirect",
        "said",
        "assert",
    )
    assert (claim.date, claim.date_source) == ("2025-05-09", "text")


def test_denial_negated_denial_and_accusation() -> None:
    claims = _claims(
        "The Russian Ministry of Defense denied that its forces struck the market. "
        "The governor did not deny the report. "
        "Ukraine accused Russia of shelling the port."
    )
    stances = {c.speaker.name: c.stance for c in claims}
    assert stances["Russian Ministry of Defense"] == "deny"
    assert stances["governor"] == "other"
    assert stances["Ukraine"] == "accuse"
    accusation = next(c for c in claims if c.speaker.name == "Ukraine")
    assert accusation.text == "Russia of shelling the port"


def test_direct_quote_after_its_cue_and_evasion() -> None:
    text = (
        'Kremlin spokesman Dmitry Peskov told reporters, "Such questions should be addressed to '
        'the Ministry of Defense."'
    )
    (claim,) = _claims(text)
    assert claim.kind == "direct"
    assert claim.text == "Such questions should be addressed to the Ministry of Defense."
    assert text[claim.start : claim.end] == claim.text
    assert claim.speaker.name == "Dmitry Peskov"
    assert claim.stance == "evade"
    assert (claim.date, claim.date_source) == ("2025-05-12", "published")


def test_according_to_and_pronoun_speaker() -> None:
    claims = _claims(
        "According to the United Nations, 40 civilians were killed. "
        "Andrii Sybiha spoke in Brussels. He said that the strikes must stop."
    )
    speakers = [(c.speaker.name, c.cue) for c in claims]
    assert ("United Nations", "according to") in speakers
    assert ("Andrii Sybiha", "said") in speakers


def test_quotes_without_speaker_and_unbalanced_marks_do_not_crash() -> None:
    claims = _claims(
        'Analysts called it "a frozen conflict". "This war will not end soon because neither side '
        'can win it outright on the battlefield," a banner read. An "unclosed quote runs on'
    )
    long_quote = [c for c in claims if c.text.startswith("This war will not end")]
    assert len(long_quote) == 1
    assert all(c.text != "a frozen conflict" for c in claims)


def test_future_and_modal_cues_are_not_claims_made() -> None:
    claims = _claims("Officials fear that voters will conclude that the army cannot win.")
    assert all(c.cue != "conclude" for c in claims)
