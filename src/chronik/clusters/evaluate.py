"""Scoring the event clusterer on ECB+: batch and online runs, threshold curves and
cross-validation across topics (parameters chosen on some topics, scored on the others).
"""

from __future__ import annotations

import dataclasses
import random
from dataclasses import dataclass
from typing import Iterable, Sequence

from chronik.clusters.bcubed import BCubed, bcubed
from chronik.clusters.ecbplus import EcbDocument
from chronik.clusters.features import DocFeatures, FeatureExtractor
from chronik.clusters.online import ClusterOptions, EventClusterer


def ecb_features(docs: Iterable[EcbDocument], extractor: FeatureExtractor | None = None) -> list[DocFeatures]:
    """Features of ECB+ documents: English lemmas, capitalised names, times from chronik's tagger."""
    extractor = extractor or FeatureExtractor()
    return [extractor.from_text(d.id, d.text, lang="en") for d in docs]


def run_batch(feats: Sequence[DocFeatures], options: ClusterOptions) -> dict[str, str]:
    return EventClusterer(options).add(feats)


def run_online(feats: Sequence[DocFeatures], options: ClusterOptions, *, share: float = 0.1,
               seed: int = 0) -> dict[str, str]:
    """Documents arrive in batches of ``share`` of the corpus, in a fixed pseudo-random order."""
    order = sorted(feats, key=lambda f: f.id)
    random.Random(seed).shuffle(order)
    size = max(1, round(len(order) * share))
    clusterer = EventClusterer(options)
    for lo in range(0, len(order), size):
        clusterer.add(order[lo:lo + size])
    return clusterer.assignments


def score(assigned: dict[str, str], gold: dict[str, str]) -> BCubed:
    return bcubed(assigned, {i: gold[i] for i in assigned})


@dataclass(frozen=True, slots=True, kw_only=True)
class Fold:
    train_topics: tuple[int, ...]
    test_topics: tuple[int, ...]
    threshold: float
    train_f1: float
    test_f1: float


def curve(feats: Sequence[DocFeatures], gold: dict[str, str], thresholds: Sequence[float],
          options: ClusterOptions, *, online: bool = False) -> list[float]:
    """BCubed F1 at each threshold."""
    out = []
    for th in thresholds:
        opts = dataclasses.replace(options, threshold=th)
        assigned = run_online(feats, opts) if online else run_batch(feats, opts)
        out.append(score(assigned, gold).f1)
    return out


def topic_splits(topics: Sequence[int], repeats: int = 5, seed: int = 0) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Two-fold splits of the topics: odd/even first, then ``repeats - 1`` random halves."""
    topics = sorted(topics)
    splits = [(tuple(t for t in topics if t % 2), tuple(t for t in topics if t % 2 == 0))]
    rng = random.Random(seed)
    for _ in range(repeats - 1):
        shuffled = topics[:]
        rng.shuffle(shuffled)
        half = len(shuffled) // 2
        splits.append((tuple(sorted(shuffled[:half])), tuple(sorted(shuffled[half:]))))
    return splits


def cross_validate(feats: Sequence[DocFeatures], gold: dict[str, str], topic_of: dict[str, int],
                   thresholds: Sequence[float], options: ClusterOptions, *, repeats: int = 5,
                   online: bool = False) -> list[Fold]:
    """Threshold chosen on one half of the topics (clustered alone), scored on the other half."""
    by_topic: dict[int, list[DocFeatures]] = {}
    for f in feats:
        by_topic.setdefault(topic_of[f.id], []).append(f)
    cache: dict[tuple[int, ...], list[float]] = {}

    def half_curve(topics: tuple[int, ...]) -> list[float]:
        if topics not in cache:
            subset = [f for t in topics for f in by_topic[t]]
            cache[topics] = curve(subset, gold, thresholds, options, online=online)
        return cache[topics]

    folds = []
    for a, b in topic_splits(sorted(by_topic), repeats):
        for train, test in ((a, b), (b, a)):
            tr = half_curve(train)
            top = max(tr)
            plateau = [i for i, f in enumerate(tr) if f == top]
            best = plateau[len(plateau) // 2]  # the middle of the best plateau
            folds.append(Fold(train_topics=train, test_topics=test, threshold=thresholds[best],
                              train_f1=tr[best], test_f1=half_curve(test)[best]))
    return folds


def cv_f1(folds: Sequence[Fold]) -> float:
    """Mean held-out F1 over folds."""
    return sum(f.test_f1 for f in folds) / len(folds)
