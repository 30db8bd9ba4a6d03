"""The shared reader of packaged JSON data files."""

from __future__ import annotations

import pytest

from newsledger.errors import ResourceError
from newsledger.resources.data_files import read_data_json


def test_reads_a_packaged_table() -> None:
    assert "verbs" in read_data_json("reporting_cues.json", "reporting-cue lexicon")


def test_a_missing_file_is_a_resource_error_naming_it() -> None:
    with pytest.raises(ResourceError, match=r"no-such-table\.json"):
        read_data_json("no-such-table.json", "test table")
