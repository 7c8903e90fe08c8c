"""Per-article work for the cross-article stages, done on the worker that annotated the article.

The driver's cross-article stages compare articles with each other, but much of what they
need is a function of one article: its dedup sketch (words, k-gram hashes, fingerprints,
MinHash signature), the lemmas of its tokens and the sentence embeddings of its lead. A Dask
worker computes these right after the per-article stages (:class:`HintMaker`) and ships them with the article; the
driver hands them to :meth:`~chronik.dedup.Deduplicator.run` and
:meth:`~chronik.runners.crossdoc.CrossArticle.run`, which use a hint only when it belongs to
the same text and otherwise compute as before, so the results do not change.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Mapping

import numpy as np

from chronik.clusters.features import FeatureExtractor
from chronik.dedup.detector import Deduplicator, Sketch
from chronik.errors import ConfigError
from chronik.model import Article


SEP = "\x1f"  # joins an article's lemmas (a unit separator never occurs in a lemma)


def lines_key(sentences: list[str], lang: str = "") -> bytes:
    """The key of one ``encode`` (or ``lemmas``) call: a digest of its strings, in order."""
    return hashlib.blake2b(("\x1e".join(sentences) + "\x1d" + lang).encode("utf-8"), digest_size=16).digest()


class RecordingFeatures(FeatureExtractor):
    """A feature extractor that remembers the lemmas it computed (``lemmas_seen``: key -> lemmas)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.lemmas_seen: dict[bytes, str] = {}

    def lemmas(self, tokens, lang: str) -> tuple[str, ...]:
        tokens = list(tokens)
        out = super().lemmas(tokens, lang)
        if all(lemma and SEP not in lemma for lemma in out):  # else it could not be split back
            self.lemmas_seen[lines_key(tokens, lang)] = SEP.join(out)
        return out


class KnownFeatures(FeatureExtractor):
    """A feature extractor that takes lemmas computed elsewhere for the same tokens."""

    def __init__(self, known_lemmas: Mapping[bytes, str], *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.known_lemmas = known_lemmas
        self.lemma_misses = 0

    def lemmas(self, tokens, lang: str) -> tuple[str, ...]:
        tokens = list(tokens)
        hit = self.known_lemmas.get(lines_key(tokens, lang))
        if hit is None:
            self.lemma_misses += 1
            return super().lemmas(tokens, lang)
        return tuple(hit.split(SEP)) if hit else ()


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
    lemmas: dict[bytes, str] = field(default_factory=dict)  # joined by SEP: one string, not thousands

    def add(self, article_id: str, sketch: Sketch | None, embeddings: Mapping[bytes, np.ndarray],
            lemmas: Mapping[bytes, str] | None = None) -> None:
        if sketch is not None:
            self.sketches[article_id] = sketch
        self.embeddings.update(embeddings)
        self.lemmas.update(lemmas or {})

    def merge(self, other: Hints) -> None:
        """Takes ``other``'s lemmas and embeddings (not its sketches, which dedup consumes)."""
        self.embeddings.update(other.embeddings)
        self.lemmas.update(other.lemmas)

    def extractor(self, fallback_embedder) -> FeatureExtractor:
        """A feature extractor for the driver that uses these hints and computes the rest."""
        return KnownFeatures(self.lemmas, embedder=KnownEmbedder(self.embeddings, fallback_embedder))


class HintMaker:
    """Computes an article's hints; one per worker process (holds the embedding model)."""

    def __init__(self, *, features: bool = True) -> None:
        self.dedup = Deduplicator()
        self.recorder = None
        self.features = None
        if features:
            from chronik.clusters.embed import Embedder

            self.recorder = RecordingEmbedder(Embedder())
            self.features = RecordingFeatures(embedder=self.recorder)

    def __call__(self, article: Article) -> tuple[Sketch, dict[bytes, np.ndarray], dict[bytes, str]]:
        embeddings: dict[bytes, np.ndarray] = {}
        lemmas: dict[bytes, str] = {}
        if self.features is not None:
            self.recorder.seen, self.features.lemmas_seen = {}, {}
            try:
                # the same call the driver makes, so the lemmatised tokens and embedded
                # sentences are the same ones
                self.features.from_article(article)
            except ConfigError:  # no embedding package on this worker: the driver tries
                pass
            embeddings, lemmas = self.recorder.seen, self.features.lemmas_seen
            self.recorder.seen, self.features.lemmas_seen = {}, {}
        return self.dedup.sketch(article), embeddings, lemmas
