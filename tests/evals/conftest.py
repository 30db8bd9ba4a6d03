"""Fixtures shared by the gold-file validation tests: the corpus texts the gold points into."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(scope="module")
def baseline(request: pytest.FixtureRequest) -> dict[str, Any]:
    """The pinned floors and gold digest of the gate module asking: its ``BASELINE`` file."""
    path: Path = request.module.BASELINE
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def texts(shared_dir: Path) -> dict[str, str]:
    """Article id → ``text`` of ../shared/corpus/articles.jsonl."""
    corpus = (shared_dir / "corpus" / "articles.jsonl").read_text(encoding="utf-8")
    articles = [json.loads(line) for line in corpus.splitlines() if line.strip()]
    return {article["id"]: article["text"] for article in articles}
