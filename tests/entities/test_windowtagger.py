import numpy as np
import pytest

from chronik.entities.corpora import TaggedSentence
from chronik.entities.lexicon import Lexicon
from chronik.entities.windowtagger import (LABELS, SHAPE_BITS, CrossFitted, WindowTagger, WindowTrainer,
                                           sentence_fold, shape_bits)

PIECES = ["\u2581", "\u2581Ber", "lin", "\u2581Pu", "tin", "\u2581sagte", "\u2581in", "a", "e", "i", "n", "r", "t"]
DIMS = 4


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon()


def tagger(lexicon, seed=0):
    rng = np.random.default_rng(seed)
    table = rng.integers(-127, 128, (len(PIECES), DIMS)).astype(np.int8)
    width = 5 * (DIMS + SHAPE_BITS)
    weights = [rng.normal(size=(width, 6)), rng.normal(size=6), rng.normal(size=(6, len(LABELS))),
               rng.normal(size=len(LABELS))]
    return WindowTagger(PIECES, table, np.full(DIMS, 0.01, np.float32), weights, lexicon)


def naive_windows(model, words):
    def vector(word):
        ids = model.segment(word)
        mean = (model.table[ids].astype(np.float32) * model.scale).mean(axis=0) if ids else np.zeros(DIMS)
        return np.concatenate([mean, shape_bits(word, model.lexicon)])

    pad = np.zeros(DIMS + SHAPE_BITS)
    rows = [pad, pad] + [vector(w) for w in words] + [pad, pad]
    return np.stack([np.concatenate(rows[i:i + 5]) for i in range(len(words))])


def test_batched_windows_are_each_tokens_padded_window(lexicon):
    model = tagger(lexicon)
    sents = [["Berlin", "sagte", ",", "Putin"], ["in"], ["Pu", "tin", "Berlin", "und", "Bonn", "!"]]
    batched = model.windows_many(sents)
    assert np.allclose(batched, np.concatenate([naive_windows(model, s) for s in sents]), atol=1e-6)


def test_features_name_the_favoured_label_and_round_trip(lexicon, tmp_path):
    model = tagger(lexicon)
    sents = [["Berlin", "sagte", "Putin"], [], ["in", "Berlin"]]
    feats = model.features_many(sents)
    assert [len(f) for f in feats] == [3, 0, 2]
    probs = model.probs_many([s for s in sents if s])
    for p, f in zip(probs[0], feats[0]):
        assert f[0] == "mw=" + LABELS[int(p.argmax())]
    assert feats[2] == model.features(["in", "Berlin"])
    model.save(tmp_path / "wt.npz")
    again = WindowTagger.load(tmp_path / "wt.npz", lexicon)
    # float16 weights on disk: the favoured labels stay (random weights, clear margins)
    assert [f[0] for f in again.features(["Berlin", "sagte", "Putin"])] == [f[0] for f in feats[0]]


def test_cross_fitted_stand_in_uses_the_sentences_own_fold(lexicon):
    models = [tagger(lexicon, seed) for seed in range(3)]
    crossed = CrossFitted(models)
    words = ["Putin", "sagte", "in", "Berlin"]
    assert crossed.features(words) == models[sentence_fold(words, 3)].features(words)


def test_trainer_fits_full_and_cross_fitted_models(lexicon):
    pytest.importorskip("sklearn", reason="training needs scikit-learn (not a runtime dependency)")
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(len(PIECES), 8)).astype(np.float32)
    trainer = WindowTrainer(PIECES, vectors, lexicon, dims=DIMS, hidden=8, epochs=30)
    base = [TaggedSentence(("Putin", "sagte", "in", "Berlin"), ("B-PER", "O", "O", "B-LOC")),
            TaggedSentence(("Berlin", "sagte", "Putin", "Pu"), ("B-LOC", "O", "B-PER", "I-PER")),
            TaggedSentence(("in", "Berlin", "sagte"), ("O", "B-LOC", "O"))]
    sents = [TaggedSentence(s.words + (str(i),), s.tags + ("O",)) for i in range(8) for s in base]
    full, crossed = trainer.fit(sents, folds=2)
    assert full.w1.shape == (5 * (DIMS + SHAPE_BITS), 8) and full.w2.shape == (8, len(LABELS))
    assert isinstance(crossed, CrossFitted) and len(crossed.models) == 2
    assert full.features(["Putin", "sagte", "in", "Berlin"])[1][0] == "mw=O"
