"""Per-article work for the cross-article stages, done on the worker that annotated the article.

The driver's cross-article stages compare articles with each other, but much of what they
need is a function of one article: its dedup sketch (words, k-gram hashes, fingerprints,
MinHash signature) and the sentence embeddings of its lead. A Dask worker computes these
right after the per-article stages (:class:`HintMaker`) and ships them with the article; the
driver hands them to :meth:`~chronik.dedup.Deduplicator.run` and
:meth:`~chronik.runners.crossdoc.CrossArticle.run`, which use a hint only when it belongs to
the same text and otherwise compute as before, so the results do not change.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Mapping

import numpy as np

from chronik.dedup.detector import Deduplicator, Sketch
from chronik.errors import ConfigError
from chronik.model import Article


def lines_key(sentences: list[str]) -> bytes:
    """The key of one ``encode`` call: a digest of the sentences, in order."""
    return hashlib.blake2b("\x1e".join(sentences).encode("utf-8"), digest_size=16).digest()


class RecordingEmbedder:
    """An embedder that remembers what it encoded (``seen``: key -> float32 rows)."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.seen: dict[bytes, np.ndarray] = {}

    def encode(self, sentences: list[str]) -> np.ndarray:
        out = self.inner.encode(sentences)
        self.seen[lines_key(list(sentences))] = out
        return out


class KnownEmbedder:
    """An embedder answering from embeddings computed elsewhere, else from ``fallback``.

    ``fallback`` is only touched on a miss (a :class:`~chronik.clusters.embed.Embedder` loads
    its model on first use), so a driver whose workers embedded everything loads no model.
    """

    def __init__(self, known: Mapping[bytes, np.ndarray], fallback) -> None:
        self.known = known
        self.fallback = fallback
        self.hits = 0
        self.misses = 0

    def encode(self, sentences: list[str]) -> np.ndarray:
        hit = self.known.get(lines_key(list(sentences)))
        if hit is not None:
            self.hits += 1
            return hit
        self.misses += 1
        return self.fallback.encode(sentences)


@dataclass(slots=True)
class Hints:
    """What the workers computed for the driver's cross-article stages, by article."""

    sketches: dict[str, Sketch] = field(default_factory=dict)
    embeddings: dict[bytes, np.ndarray] = field(default_factory=dict)

    def add(self, article_id: str, sketch: Sketch | None, embeddings: Mapping[bytes, np.ndarray]) -> None:
        if sketch is not None:
            self.sketches[article_id] = sketch
        self.embeddings.update(embeddings)

    def __len__(self) -> int:
        return len(self.sketches)


class HintMaker:
    """Computes an article's hints; one per worker process (holds the embedding model)."""

    def __init__(self, *, embed: bool = True) -> None:
        self.dedup = Deduplicator()
        self.recorder = None
        self.features = None
        if embed:
            from chronik.clusters.embed import Embedder
            from chronik.clusters.features import FeatureExtractor

            self.recorder = RecordingEmbedder(Embedder())
            self.features = FeatureExtractor(embedder=self.recorder)

    def __call__(self, article: Article) -> tuple[Sketch, dict[bytes, np.ndarray]]:
        embeddings: dict[bytes, np.ndarray] = {}
        if self.features is not None:
            self.recorder.seen = {}
            try:
                # the same call the driver makes, so the embedded sentences are the same ones
                self.features.from_article(article)
                embeddings = self.recorder.seen
            except ConfigError:  # no embedding package on this worker: the driver tries
                embeddings = {}
            finally:
                self.recorder.seen = {}
        return self.dedup.sketch(article), embeddings
