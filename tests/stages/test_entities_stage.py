"""Entities stage: the ruler fixes the small model's place errors; mentions merge into entities."""

from __future__ import annotations

import pytest

from newsledger.model import Document, document_id
from newsledger.pipeline.stage import Analysis
from newsledger.stages.entities import EntitiesStage

pytestmark = pytest.mark.slow


def _entities(text: str) -> Analysis:
    analysis = Analysis(document=Document(id=document_id(text), text=text, language="en"))
    EntitiesStage().run(analysis)
    return analysis


def test_conflict_places_are_places_not_people() -> None:
    analysis = _entities(
        "Drones hit Sumy and Belgorod overnight. Kursk was quiet, officials in Kyiv said."
    )
    types = {m.text: e.type for e in analysis.entities for m in e.mentions}
    for name in ("Sumy", "Belgorod", "Kursk", "Kyiv"):
        assert types[name] in {"GPE", "LOC"}, (name, types)


def test_surname_and_lexicon_alias_join_one_entity() -> None:
    text = (
        "Kremlin spokesman Dimitri Peskov spoke on Monday. Later Peskov added a remark. "
        "Farida Osmanova, a local official, said the school was hit. Osmanova left."
    )
    analysis = _entities(text)
    by_name = {e.name: e for e in analysis.entities}
    assert [m.text for m in by_name["Dmitry Peskov"].mentions] == ["Dimitri Peskov", "Peskov"]
    assert [m.text for m in by_name["Farida Osmanova"].mentions] == [
        "Farida Osmanova",
        "Osmanova",
    ]


def test_mentions_drop_articles_and_possessives_and_match_the_text() -> None:
    text = "The Kremlin's reply came late, and the Kremlin said nothing more."
    analysis = _entities(text)
    (kremlin,) = [e for e in analysis.entities if e.name == "Kremlin"]
    assert [m.text for m in kremlin.mentions] == ["Kremlin", "Kremlin"]
    for mention in kremlin.mentions:
        assert text[mention.start : mention.end] == mention.text
    assert analysis.parse is not None and len(list(analysis.parse.sents)) == 1


def test_lowercase_spans_and_feasts_are_not_entities() -> None:
    analysis = _entities(
        'The Kremlin announced an Easter Sunday truce, and an official called Beijing a "major '
        'enabler" of the war.'
    )
    names = {e.name for e in analysis.entities}
    assert "Kremlin" in names and "Beijing" in names
    assert not names & {"Easter Sunday", "enabler", "major enabler"}


def test_two_people_sharing_a_surname_stay_apart_and_a_bare_surname_takes_the_latest() -> None:
    text = (
        "Karim Haddad, the finance minister, spoke on Monday. His sister, Amira Haddad, told "
        "reporters she was proud. Haddad then left for Beirut."
    )
    analysis = _entities(text)
    people = {e.name: [m.text for m in e.mentions] for e in analysis.entities if e.type == "PERSON"}
    assert people == {"Karim Haddad": ["Karim Haddad"], "Amira Haddad": ["Amira Haddad", "Haddad"]}
