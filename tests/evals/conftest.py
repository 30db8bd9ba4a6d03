"""Fixtures shared by the eval gates and gold-file tests: pinned baselines, the check of figures
against their floors or ceilings, and the corpus texts the gold points into."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(scope="module")
def baseline(request: pytest.FixtureRequest) -> dict[str, Any]:
    """The pinned floors and gold digest of the gate module asking: its ``BASELINE`` file."""
    path: Path = request.module.BASELINE
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _past_bounds(
    figures: Mapping[str, Any],
    bounds: Mapping[str, Any],
    *,
    ceilings: bool = False,
    prefix: str = "",
) -> dict[str, str]:
    past: dict[str, str] = {}
    for name, bound in bounds.items():
        if isinstance(bound, Mapping):  # one level per view or peer set: "happened.f1"
            past |= _past_bounds(figures[name], bound, ceilings=ceilings, prefix=f"{prefix}{name}.")
        elif (figures[name] > bound) if ceilings else (figures[name] < bound):
            past[f"{prefix}{name}"] = f"{figures[name]:.4f} {'>' if ceilings else '<'} {bound}"
    return past


@pytest.fixture(scope="session")
def past_bounds() -> Callable[..., dict[str, str]]:
    """``check(figures, floors)``: each figure below its floor, as ``{"name": "0.8123 < 0.82"}``
    (names of nested bounds joined with dots); ``ceilings=True`` for figures above ceilings."""
    return _past_bounds


@pytest.fixture(scope="module")
def texts(shared_dir: Path) -> dict[str, str]:
    """Article id → ``text`` of ../shared/corpus/articles.jsonl."""
    corpus = (shared_dir / "corpus" / "articles.jsonl").read_text(encoding="utf-8")
    articles = [json.loads(line) for line in corpus.splitlines() if line.strip()]
    return {article["id"]: article["text"] for article in articles}
