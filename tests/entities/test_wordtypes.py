from collections import Counter

import numpy as np
import pytest

from chronik.entities.corpora import TaggedSentence, bioes, chunks, from_bioes
from chronik.entities.wordtypes import CLASSES, Segmenter, Trainer, WordTypes, type_counts

PIECES = ["\u2581", "\u2581Ber", "lin", "\u2581Pu", "tin", "\u2581der", "a", "b", "e", "i", "l", "n", "r", "t"]


def test_segmenter_longest_match_first():
    seg = Segmenter(PIECES)
    assert [PIECES[i] for i in seg("Berlin")] == ["\u2581Ber", "lin"]
    assert [PIECES[i] for i in seg("Putin")] == ["\u2581Pu", "tin"]
    assert [PIECES[i] for i in seg("x")] == ["\u2581"]  # uncovered characters are skipped


def test_word_types_probabilities_and_features(tmp_path):
    logits = np.zeros((len(PIECES), len(CLASSES)), np.float32)
    logits[PIECES.index("\u2581Pu"), CLASSES.index("PER")] = 4.0
    logits[PIECES.index("tin"), CLASSES.index("PER")] = 4.0
    model = WordTypes(PIECES, logits, np.zeros(len(CLASSES), np.float32))
    p = model.probs("Putin")
    assert p.shape == (len(CLASSES),) and abs(p.sum() - 1) < 1e-5
    assert model.features("Putin")[:2] == ["wc=PER", "wcPER=hi"]
    assert model.features("putin") == []  # only capitalised words are scored
    model.save(tmp_path / "wt.npz")
    again = WordTypes.load(tmp_path / "wt.npz")
    assert again.pieces == PIECES
    assert again.features("Putin") == model.features("Putin")
    assert np.allclose(again.probs("Berlin"), model.probs("Berlin"), atol=1e-3)


def test_trainer_learns_piece_logits_and_cross_fits():
    pytest.importorskip("sklearn", reason="training needs scikit-learn (not a runtime dependency)")
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(len(PIECES), 8)).astype(np.float32)
    trainer = Trainer(PIECES, vectors)
    sents = [TaggedSentence(("Putin", "in", "Berlin"), ("B-PER", "O", "B-LOC")),
             TaggedSentence(("Der", "Putin"), ("O", "B-PER"))]
    counts = type_counts(sents)
    assert counts["Putin"] == Counter(PER=2) and counts["Der"] == Counter(O=1) and "in" not in counts
    model = trainer.fit(counts, extra=[("Berlinr", "LOC")])
    assert model.logits.shape == (len(PIECES), len(CLASSES))
    assert CLASSES[int(model.probs("Putin").argmax())] == "PER"
    assert model.probs("Putin")[CLASSES.index("ORG")] < 1e-6  # a class never seen never wins
    crossed = trainer.cross_fit(counts, extra=[("Berlinr", "LOC"), ("Pu", "PER"), ("Der", "O")], folds=2)
    assert set(crossed) == set(counts)
    assert all(f[0].startswith("wc=") for f in crossed.values())


@pytest.mark.parametrize("tags", [
    ("B-PER", "I-PER", "O", "B-LOC"),
    ("B-ORG", "I-ORG", "I-ORG", "B-ORG", "O", "I-MISC"),
    ("O", "O"),
])
def test_bioes_round_trip(tags):
    encoded = bioes(tags)
    assert all(t == "O" or t[:2] in ("B-", "I-", "E-", "S-") for t in encoded)
    assert chunks(from_bioes(encoded)) == chunks(tags)


def test_bioes_marks_single_and_end_tokens():
    assert bioes(("B-PER", "O", "B-LOC", "I-LOC")) == ("S-PER", "O", "B-LOC", "E-LOC")


def test_features_many_follow_the_class_probabilities():
    rng = np.random.default_rng(1)
    model = WordTypes(PIECES, rng.normal(size=(len(PIECES), len(CLASSES))).astype(np.float32),
                      rng.normal(size=len(CLASSES)).astype(np.float32))
    words = ["Putin", "Berlin", "Bertin", "Pu", "der", "Der", "X", "Lina", "Ärger"]
    many = model.features_many(words)
    assert set(many) == set(words)
    for w in words:  # the most likely class, then each name class above 0.5 (hi) or 0.2 (mid)
        p = model.probs(w)
        expected = [] if p is None or not w[:1].isupper() else [f"wc={CLASSES[int(p.argmax())]}"] + [
            f"wc{c}={'hi' if p[k] > 0.5 else 'mid'}" for k, c in enumerate(CLASSES) if k and p[k] > 0.2]
        assert many[w] == expected == model.features(w)
    assert model.features_many([]) == {}


def test_perceptron_word_types_batch_and_round_trip(tmp_path):
    pytest.importorskip("sklearn", reason="training needs scikit-learn (not a runtime dependency)")
    pieces = ["\u2581", "\u2581Ber", "lin", "\u2581Pu", "tin", "\u2581sagte", "a", "e", "i", "n", "r", "t"]
    vectors = np.random.default_rng(0).normal(size=(len(pieces), 8)).astype(np.float32)
    counts = {"Berlin": Counter(LOC=3), "Putin": Counter(PER=4), "Sagte": Counter(O=2), "Tina": Counter(PER=1),
              "Lina": Counter(ORG=2)}
    model = Trainer(pieces, vectors, hidden=4).fit(counts)
    assert model.layer is not None and model.logits.shape == (len(pieces), 4)
    words = ["Berlin", "Putin", "Tina", "Bertin"]
    batch = model.features_many(words)
    assert all(batch[w] == model.features(w) for w in words)
    assert all(abs(float(model.probs(w).sum()) - 1.0) < 1e-5 for w in words)
    model.save(tmp_path / "wt.npz")
    assert WordTypes.load(tmp_path / "wt.npz").features_many(words) == batch
