"""The embedding-signal measurement (evals/events_embeddings.py): its type descriptions, its
text views and its variants, on small inputs of our own; the real model ranks types."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from evals import events_embeddings as emb
from newsledger.resources.plover import plover_types


def _event(type_name: str, start: int = 0) -> emb.ScoredEvent:
    return emb._sentence_event((start, start + 10), type_name)


def _rows(*favoured: str) -> Any:
    """One similarity row per event: 0.5 for the favoured type, 0.1 for every other."""
    rows = np.full((len(favoured), len(emb.TYPE_NAMES)), 0.1, dtype=np.float32)
    for row, name in enumerate(favoured):
        rows[row, emb.TYPE_NAMES.index(name)] = 0.5
    return rows


def test_every_plover_type_has_descriptions() -> None:
    assert set(emb.TYPE_NAMES) == {t.name for t in plover_types()}
    assert all(emb.TYPE_DESCRIPTIONS[name] for name in emb.TYPE_NAMES)


def test_trigger_window_keeps_ten_words_either_side() -> None:
    words = [f"w{i}" for i in range(30)]
    text = " ".join(words[:15]) + " attacked " + " ".join(words[15:])
    start = text.index("attacked")
    window = emb.trigger_window(text, start, start + len("attacked"), (0, len(text)))
    assert window.split() == [*words[5:15], "attacked", *words[15:25]]


def test_variants_veto_retype_and_detect() -> None:
    events = [_event("ASSAULT"), _event("AGREE", 20)]
    rows = _rows("ASSAULT", "ASSAULT")  # the second event looks like an assault, not an agreement
    no_empty = np.zeros((0, len(emb.TYPE_NAMES)), dtype=np.float32)
    kept = emb.veto(0.3)(events, rows, (), no_empty)
    assert [e.type for e in kept] == ["ASSAULT"]
    retyped = emb.retype(0.2)(events, rows, (), no_empty)
    assert [e.type for e in retyped] == ["ASSAULT", "ASSAULT"]
    assert [e.type for e in emb.retype(0.5)(events, rows, (), no_empty)] == ["ASSAULT", "AGREE"]
    assert emb.veto_rank(16.0)(events, rows, (), no_empty) == events
    added = emb.detect(0.45)([], no_empty, ((30, 60),), _rows("PROTEST"))
    assert [(e.type, e.start) for e in added] == [("PROTEST", 30)]
    assert emb.detect(0.6)([], no_empty, ((30, 60),), _rows("PROTEST")) == []


@pytest.mark.slow
def test_the_model_ranks_an_attack_nearer_assault_than_agreement() -> None:
    pytest.importorskip("sentence_transformers")
    scorer = emb.TypeScorer.build()
    (row,) = scorer.scores(["Artillery shelled the town overnight, killing four people."])
    assert row[emb.TYPE_NAMES.index("ASSAULT")] > row[emb.TYPE_NAMES.index("AGREE")]
