"""The record model: JSON round trip, schema, ids and offset checks."""

from __future__ import annotations

import jsonschema
import pytest

from newsledger.model import (
    ActorRef,
    Claim,
    Contradiction,
    Document,
    Entity,
    Event,
    Mention,
    Place,
    Record,
    Speaker,
    StageRun,
    TimeExpr,
    check_offsets,
    document_id,
    from_jsonable,
    json_schema,
)

TEXT = "Russia struck Sumy on April 13, Kyiv said."


def _record() -> Record:
    return Record(
        document=Document(id=document_id(TEXT), text=TEXT, language="en", published="2025-04-22"),
        entities=(
            Entity(
                id="e1",
                name="Russia",
                type="GPE",
                mentions=(Mention(0, 6, "Russia"),),
                country="RUS",
                sector="GOV",
            ),
        ),
        places=(
            Place(
                id="p1",
                name="Sumy",
                lat=50.9,
                lon=34.8,
                feature="PPLA",
                confidence=0.9,
                mentions=(Mention(14, 18, "Sumy"),),
                geonameid=692194,
                country="UA",
                admin1="Sumy Oblast",
            ),
        ),
        times=(
            TimeExpr(id="t1", text="April 13", start=22, end=30, type="DATE", value="2025-04-13"),
        ),
        claims=(
            Claim(
                id="c1",
                speaker=Speaker(name="Kyiv"),
                text="Russia struck Sumy on April 13",
                kind="indirect",
                cue="said",
                stance="assert",
                start=0,
                end=30,
                date="2025-04-22",
                date_source="published",
            ),
        ),
        events=(
            Event(
                id="v1",
                type="ASSAULT",
                actor=ActorRef(name="Russia", entity="e1", country="RUS", sector="GOV"),
                target=ActorRef(
                    name="Ukraine and Moldova",
                    members=(ActorRef(name="Ukraine", country="UKR"), ActorRef(name="Moldova")),
                ),
                text=TEXT,
                start=0,
                end=len(TEXT),
                place="p1",
                date="2025-04-13",
                date_source="text",
                cameo="18",
                reported_by=("c1",),
            ),
        ),
        contradictions=(
            Contradiction(id="x1", about="strike", claims_for=("c1",), claims_against=()),
        ),
        pipeline=(StageRun(name="events", version="4", dictionaries=("verbs v.txt sha256:00",)),),
    )


def test_round_trip_through_json_keeps_every_field() -> None:
    record = _record()
    assert Record.from_json(record.to_json()) == record


def test_record_json_starts_with_schema_and_validates() -> None:
    data = _record().to_dict()
    assert next(iter(data)) == "schema"
    assert data["schema"] == "newsledger.record/1"
    jsonschema.validate(data, json_schema())


@pytest.mark.parametrize(
    ("path", "bad_value"),
    [
        (("events", 0, "type"), "EXPLODE"),
        (("claims", 0, "stance"), "maybe"),
        (("document", "published"), "22 April 2025"),
        (("places", 0, "confidence"), 1.5),
        (("events", 0, "cameo"), "21"),
    ],
)
def test_schema_rejects_values_outside_the_contract(
    path: tuple[object, ...], bad_value: object
) -> None:
    data = _record().to_dict()
    target = data
    for key in path[:-1]:
        target = target[key]  # type: ignore[index]
    target[path[-1]] = bad_value  # type: ignore[index]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json_schema())


def test_schema_allows_added_fields_but_not_missing_ones() -> None:
    data = _record().to_dict()
    data["document"]["section"] = "ANALYSIS"
    jsonschema.validate(data, json_schema())
    del data["document"]["language"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json_schema())


def test_a_record_from_before_the_added_fields_still_validates_and_loads() -> None:
    data = _record().to_dict()
    del data["places"][0]["demonyms"]
    del data["events"][0]["trigger"]
    del data["events"][0]["actor"]["members"]
    jsonschema.validate(data, json_schema())
    assert Record.from_dict(data) == _record()
    del data["events"][0]["target"]["members"]
    del data["pipeline"][0]["dictionaries"]
    jsonschema.validate(data, json_schema())
    loaded = Record.from_dict(data)
    assert loaded.events[0].target is not None and loaded.events[0].target.members == ()
    assert loaded.pipeline[0].dictionaries == ()


def test_from_json_names_the_field_with_a_wrong_type() -> None:
    data = _record().to_dict()
    data["times"][0]["start"] = "22"
    with pytest.raises(TypeError, match=r"Record.times\[0\].start"):
        from_jsonable(Record, data)


def test_document_id_ignores_white_space_layout_and_unicode_form() -> None:
    assert document_id("Kyiv  said\n\nthat") == document_id("Kyiv said that")
    assert document_id("Zaporizhzhia\u0301") == document_id("Zaporizhzhi\u00e1")
    assert document_id("Kyiv said") != document_id("Kiev said")
    assert len(document_id("x")) == 16


def test_check_offsets_finds_spans_that_do_not_match_the_text() -> None:
    assert check_offsets(_record()) == []
    from dataclasses import replace

    record = _record()
    shifted = replace(record, times=(replace(record.times[0], start=21, end=29),))
    assert check_offsets(shifted) == ["TimeExpr t1: [21:29] 'April 13'"]
