"""End to end on the founding example (../shared/examples/seed-article.txt): concrete facts of
its record that a careful analyst reads off the article."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsledger.ingest.batch import read_articles
from newsledger.model import Claim, Record
from newsledger.pipeline.default import default_pipeline

pytestmark = [pytest.mark.slow, pytest.mark.shared]


@pytest.fixture(scope="module")
def record(shared_dir: Path) -> Record:
    (document,) = read_articles([str(shared_dir / "examples" / "seed-article.txt")])
    assert not isinstance(document, Exception)
    return default_pipeline().run(document)  # type: ignore[arg-type]


def _claims_by(record: Record, speaker: str) -> list[Claim]:
    return [c for c in record.claims if c.speaker.name == speaker]


def test_document_metadata_and_clean_text(record: Record) -> None:
    document = record.document
    assert document.title == "Ukrainian forces on the ground in another Russian territory"
    assert document.author == "Andrea Peters"
    assert document.published == "2025-04-22"
    assert document.language == "en"
    assert "wsws.org/contact" not in document.text
    assert "To contact the WSWS" not in document.text
    assert "two weeks later the Kremlin evaded" in document.text
    assert "its own commitment to halt hostilities" in document.text
    assert "\n\n\n" not in document.text


def test_every_section_is_filled(record: Record) -> None:
    for section in ("entities", "places", "times", "claims", "events", "contradictions"):
        assert getattr(record, section), section


def test_times_are_normalized_against_the_publication_date(record: Record) -> None:
    values = {(t.text, t.value) for t in record.times}
    assert ("April 8", "2025-04-08") in values
    assert ("four days prior", "2025-04-04") in values
    assert ("August 2024", "2024-08") in values
    late_march = [t for t in record.times if t.text == "late March"]
    assert late_march and all(t.value == "2025-03" and t.mod == "END" for t in late_march)
    assert any(t.text == "Easter Sunday" and t.value == "2025-04-20" for t in record.times)


def test_places_are_geocoded_in_the_right_countries(record: Record) -> None:
    places = {p.name: p for p in record.places}
    assert places["Sumy"].country == "UA"
    assert places["Kharkiv"].country == "UA"  # written "Kharkov"
    assert places["Kyiv"].country == "UA"  # written "Kiev"
    assert places["Belgorod Oblast"].country == "RU"
    assert places["Belgorod Oblast"].feature == "ADM1"
    assert places["Belgorod"].country == "RU"
    assert places["Crimea"].country == "UA"
    assert places["Donbas"].country == "UA"  # written "Donbass"
    assert any(m.text == "Kursk" for p in record.places if p.country == "RU" for m in p.mentions)


def test_entities_are_coded_as_actors(record: Record) -> None:
    entities = {e.name: e for e in record.entities}
    assert entities["Volodymyr Zelensky"].country == "UKR"
    assert entities["Dmitry Peskov"].country == "RUS"
    assert entities["Kremlin"].sector == "GOV"
    assert {m.text for m in entities["Dmitry Peskov"].mentions} == {"Dimitri Peskov", "Peskov"}
    for place_like in ("Belgorod", "Kursk", "Sumy", "Kiev"):
        typed = {e.type for e in record.entities for m in e.mentions if m.text == place_like}
        assert typed <= {"GPE", "LOC"}, (place_like, typed)


def test_peskov_is_quoted_twice_with_dates_and_stances(record: Record) -> None:
    quotes = [c for c in _claims_by(record, "Dmitry Peskov") if c.kind == "direct"]
    assert len(quotes) == 2
    deflection, rebuttal = quotes
    assert deflection.text.startswith("Well, this directly concerns")
    assert (deflection.date, deflection.stance) == ("2025-04-08", "evade")
    assert deflection.speaker.role == "Kremlin Spokesman"
    assert rebuttal.text.endswith("Zelensky is wrong.")
    assert (rebuttal.date, rebuttal.stance) == ("2025-04-10", "deny")


def test_claims_of_the_other_parties(record: Record) -> None:
    (confirmation, *_rest) = _claims_by(record, "Volodymyr Zelensky")
    assert (confirmation.cue, confirmation.stance, confirmation.date) == (
        "confirmed",
        "assert",
        "2025-04-08",
    )
    (cavoli,) = _claims_by(record, "Christopher Cavoli")
    assert (cavoli.date, cavoli.stance) == ("2025-04-04", "assert")
    assert cavoli.text == "Kiev's forces had crossed the Russian border"
    (denial,) = _claims_by(record, "Russian Ministry of Defense")
    assert denial.stance == "deny" and "Ukrainian forces in Belgorod" in denial.text
    assert any(c.stance == "deny" for c in _claims_by(record, "Beijing"))
    assert _claims_by(record, "Roman Kostenko")[0].date == "2025-04-15"
    assert _claims_by(record, "Tammy Bruce")
    assert _claims_by(record, "The Guardian")[0].kind == "direct"


def test_both_contested_matters_are_contradictions(record: Record) -> None:
    claims = {c.id: c for c in record.claims}
    belgorod, china = record.contradictions[:2]
    assert "Belgorod" in belgorod.about
    assert {claims[c].speaker.name for c in belgorod.claims_against} == {
        "Russian Ministry of Defense"
    }
    assert "Volodymyr Zelensky" in {claims[c].speaker.name for c in belgorod.claims_for}
    against = {claims[c].speaker.name for c in china.claims_against}
    assert {"Beijing", "Russia", "Dmitry Peskov"} <= against
    entities = {e.id: e for e in record.entities}
    for claim_id in china.claims_for:
        claim = claims[claim_id]
        assert claim.stance in {"assert", "accuse"}
        speaker_country = entities[claim.speaker.entity].country if claim.speaker.entity else None
        assert speaker_country == "UKR" or "Zelensky" in claim.speaker.name, claim


def test_sumy_attack_is_a_russian_assault_with_dozens_dead(record: Record) -> None:
    sumy = next(p for p in record.places if p.name == "Sumy")
    (attack,) = [e for e in record.events if e.type == "ASSAULT" and e.place == sumy.id]
    assert attack.actor.country == "RUS"
    assert attack.date == "2025-04-13"
    assert attack.fatalities is not None and attack.fatalities >= 24
    assert attack.casualties_approx
    assert attack.aux is None
