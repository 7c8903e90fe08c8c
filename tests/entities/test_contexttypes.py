import numpy as np
import pytest

from chronik.entities.contexttypes import SLOTS, ContextTrainer, ContextTypes, CrossFitted
from chronik.entities.corpora import TaggedSentence
from chronik.entities.wordtypes import CLASSES

PIECES = ["\u2581", "\u2581Ber", "lin", "\u2581Pu", "tin", "\u2581sagte", "\u2581in", "a", "e", "i", "n", "r", "t"]


def test_context_slots_add_up(tmp_path):
    logits = np.zeros((SLOTS, len(PIECES), len(CLASSES)), np.float32)
    logits[2, PIECES.index("\u2581sagte"), CLASSES.index("PER")] = 8.0  # "X sagte": X a person
    logits[1, PIECES.index("\u2581in"), CLASSES.index("LOC")] = 8.0  # "in X": X a place
    model = ContextTypes(PIECES, logits, np.zeros(len(CLASSES), np.float32))
    words = ["Ber", "sagte", "in", "Ber"]
    feats = model.features(words)
    assert feats[0][:2] == ["cc=PER", "ccPER=hi"]
    assert feats[1] == [] and feats[2] == []  # lower-case words get nothing
    assert feats[3][:2] == ["cc=LOC", "ccLOC=hi"]
    model.save(tmp_path / "ct.npz")
    again = ContextTypes.load(tmp_path / "ct.npz")
    assert again.features(words) == feats


def test_trainer_fits_full_and_cross_fitted_models():
    pytest.importorskip("sklearn", reason="training needs scikit-learn (not a runtime dependency)")
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(len(PIECES), 8)).astype(np.float32)
    trainer = ContextTrainer(PIECES, vectors, dims=4)
    sents = [TaggedSentence(("Putin", "sagte", "in", "Berlin"), ("B-PER", "O", "O", "B-LOC")),
             TaggedSentence(("Berlin", "sagte"), ("B-PER", "O"))] * 3
    X, y, words = trainer.rows(sents, extra=[("Pu", "PER")])
    assert X.shape == (len(words), 3 * 4) and len(y) == len(words) == 10
    full, crossed = trainer.fit(sents, extra=[("Pu", "PER"), ("Ber", "LOC")], folds=2)
    assert full.logits.shape == (SLOTS, len(PIECES), len(CLASSES))
    assert isinstance(crossed, CrossFitted) and len(crossed.models) == 2
    assert full.features(["Putin", "sagte"])[0][0] == "cc=PER"
    assert [bool(f) for f in crossed.features(["Putin", "sagte"])] == [True, False]
