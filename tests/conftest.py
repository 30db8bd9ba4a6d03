"""Shared fixtures: the location of ../shared, which tests may read but never copy from."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the repository: skipped where absent, a failure under CI."""
    if not SHARED.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"CI is set but {SHARED} is missing")
        pytest.skip(f"{SHARED} is absent")
    return SHARED


@pytest.fixture(scope="session", autouse=True)
def every_record_is_checked() -> Iterator[None]:
    """Validate every record the test suite produces against the JSON Schema and check that
    every span matches the text: observed where records are made, so no test can skip it."""
    import jsonschema

    from newsledger.model import Record, check_offsets, json_schema
    from newsledger.pipeline.stage import Analysis

    validator = jsonschema.Draft202012Validator(json_schema())
    original = Analysis.to_record

    def checked(self: Analysis) -> Record:
        record = original(self)
        validator.validate(record.to_dict())
        problems = check_offsets(record)
        assert not problems, problems
        return record

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Analysis, "to_record", checked)
        yield
