"""Reading the JSON data files shipped in ``newsledger/resources/data``: one place that opens
them and turns a missing or broken file into a :class:`~newsledger.errors.ResourceError` naming
the file, so every lexicon and table loader fails the same way."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from newsledger.errors import ResourceError


def read_data_json(name: str, what: str) -> Any:
    """The parsed content of ``data/<name>``; ``what`` names the table in the error message."""
    path = resources.files("newsledger.resources").joinpath("data", name)
    try:
        with path.open(encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError) as exc:
        raise ResourceError(f"cannot read the {what} {name}: {exc}") from exc
