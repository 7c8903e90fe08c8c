"""A small non-linear window tagger stacked under the CRF.

Each token is represented by its PCA-reduced mean USE v3 piece vector (as in
:mod:`chronik.entities.wordtypes`) and a few shape bits; a one-hidden-layer perceptron (ReLU)
reads the concatenated representations of a five-token window and predicts the token's BIO
label. The CRF gets the tagger's favoured label and confidence bins as features. Unlike the
linear classifiers, the hidden layer can combine a word with its neighbours ("sagte" + unknown
capitalised word, unknown word + "GmbH") and shape with pieces.

Inference is numpy only: what ships (``model/window-tagger.npz``) is the piece list, the
reduced piece table (int8, one scale per dimension) and the two weight matrices. Training
(:class:`WindowTrainer`, scikit-learn's ``MLPClassifier``) is cross-fitted by sentence, so
the CRF learns from out-of-sample probabilities (:class:`CrossFitted`).
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path

import numpy as np

from chronik.entities.wordtypes import Segmenter

FILE = "window-tagger.npz"
LABELS = ("O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")
HALF = 2  # tokens on each side
SHAPE_BITS = 8
TYPE_DIMS = 5  # word-type class probabilities (optional input)
_HIGH, _MID = 0.5, 0.2
_CACHE_LIMIT = 200_000
_TOP = [f"mw={label}" for label in LABELS]
_LEVEL = [(None, f"mw{label}=mid", f"mw{label}=hi") for label in LABELS]
_LATIN = re.compile(r"^[\u2581\u0000-\u024F\u2010-\u2030\u20ac]+$")  # pieces German text can use


def shape_bits(word: str, lexicon) -> np.ndarray:
    """Capitalised, all capitals, has a digit, no letter or digit, a known German word form,
    its lower-case form a known word, has a hyphen inside, one character."""
    low = word.lower()
    return np.array([word[:1].isupper(), word.isupper() and len(word) > 1, any(c.isdigit() for c in word),
                     not any(c.isalnum() for c in word), word in lexicon, low != word and low in lexicon,
                     "-" in word[1:-1], len(word) == 1], np.float32)


class WindowTagger:
    """``probs(words)`` -> BIO label probabilities per token; ``features(words)`` -> CRF features."""

    def __init__(self, pieces: list[str], table: np.ndarray, scale: np.ndarray, weights: list[np.ndarray],
                 lexicon, segmenter: Segmenter | None = None, coarse: bool = False, word_types=None,
                 fixed_types: dict | None = None) -> None:
        self.coarse = coarse  # features: classes of capitalised tokens only (else BIO labels of all)
        # the word-type classifier's class probabilities of capitalised words as inputs too
        # (``fixed_types``: cross-fitted probabilities of the training words, training only)
        self.word_types = word_types
        self.fixed_types = fixed_types or {}
        self.pieces = pieces
        self.table = table  # int8 (pieces, dims); a piece's vector is table * scale
        self.scale = np.asarray(scale, np.float32)
        self.w1, self.b1, self.w2, self.b2 = (np.asarray(w, np.float32) for w in weights)
        self.lexicon = lexicon
        self.segment = segmenter or Segmenter(pieces)
        self.dims = table.shape[1] + SHAPE_BITS + (TYPE_DIMS if word_types is not None else 0)
        # the de-quantised table with a zero row for words no piece covers
        self._table = np.vstack([table.astype(np.float32) * self.scale, np.zeros((1, table.shape[1]), np.float32)])
        self._zero_piece = len(table)
        self._cache: dict[str, np.ndarray] = {}
        self._pad = np.zeros(self.dims, np.float32)

    @classmethod
    def load(cls, path: str | Path, lexicon, word_types=None) -> "WindowTagger":
        with np.load(path) as z:
            if "with_types" in z.files and bool(z["with_types"]) != (word_types is not None):
                raise ValueError(f"{path}: the window tagger {'needs' if z['with_types'] else 'takes no'} word types")
            pieces = bytes(z["pieces"]).decode("utf-8").split("\n")
            return cls(pieces, z["table"], z["scale"], [z["w1"], z["b1"], z["w2"], z["b2"]], lexicon,
                       coarse=bool(z["coarse"]) if "coarse" in z.files else False, word_types=word_types)

    def save(self, path: str | Path) -> None:
        blob = np.frombuffer("\n".join(self.pieces).encode("utf-8"), dtype=np.uint8)
        np.savez_compressed(path, pieces=blob, table=self.table, scale=self.scale,
                            w1=self.w1.astype(np.float16), b1=self.b1, w2=self.w2.astype(np.float16), b2=self.b2,
                            coarse=np.array(self.coarse), with_types=np.array(self.word_types is not None))

    def _fill(self, words) -> None:
        """Cache the representations of the new ``words`` (mean piece vectors in one numpy pass)."""
        new = [w for w in dict.fromkeys(words) if w not in self._cache]
        if not new:
            return
        if len(self._cache) + len(new) > _CACHE_LIMIT:
            self._cache.clear()
            new = list(dict.fromkeys(words))
        ids: list[int] = []
        starts: list[int] = []
        for w in new:
            starts.append(len(ids))
            ids += self.segment(w) or [self._zero_piece]
        counts = np.diff(np.array(starts + [len(ids)]))
        means = np.add.reduceat(self._table[ids], starts, axis=0) / counts[:, None].astype(np.float32)
        lexicon = self.lexicon
        if self.word_types is None:
            for w, mean in zip(new, means):
                self._cache[w] = np.concatenate([mean, shape_bits(w, lexicon)])
            return
        none = np.zeros(TYPE_DIMS, np.float32)
        for w, mean in zip(new, means):
            types = none
            if w[:1].isupper():
                types = self.fixed_types.get(w)
                if types is None:
                    types = self.word_types.probs(w)
                    types = none if types is None else types
            self._cache[w] = np.concatenate([mean, shape_bits(w, lexicon), types])

    def vector(self, word: str) -> np.ndarray:
        self._fill((word,))
        return self._cache[word]

    def windows_many(self, sentences) -> np.ndarray:
        """(tokens, 5 * dims) inputs of all tokens of ``sentences``: each token's window,
        zero-padded at the sentence edges."""
        words = [w for s in sentences for w in s]
        self._fill(words)
        cache = self._cache
        rows = np.stack([cache[w] for w in words] + [self._pad])  # the last row pads
        lengths = np.array([len(s) for s in sentences])
        position = np.arange(len(words)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        length = np.repeat(lengths, lengths)
        index = np.arange(len(words))
        cols = []
        for k in range(-HALF, HALF + 1):
            inside = (position + k >= 0) & (position + k < length)
            cols.append(rows[np.where(inside, index + k, len(words))])
        return np.concatenate(cols, axis=1)

    def windows(self, words) -> np.ndarray:
        return self.windows_many([words])

    def probs_many(self, sentences) -> list[np.ndarray]:
        """Label probabilities of every token of every sentence (one pass through the network)."""
        sentences = [s for s in sentences if len(s)]
        if not sentences:
            return []
        x = self.windows_many(sentences)
        h = np.maximum(x @ self.w1 + self.b1, 0.0)
        z = h @ self.w2 + self.b2
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        out, k = [], 0
        for s in sentences:
            out.append(p[k:k + len(s)])
            k += len(s)
        return out

    def features_many(self, sentences) -> list[list[list[str]]]:
        """Per sentence, per token, the CRF features (empty sentences give empty lists)."""
        probs = iter(self.probs_many(sentences))
        if self.coarse:
            return [_coarse(next(probs), s) if len(s) else [] for s in sentences]
        return [_features(next(probs)) if len(s) else [] for s in sentences]

    def features(self, words) -> list[list[str]]:
        return self.features_many([words])[0] if len(words) else []


_CLASSES = ("O", "PER", "LOC", "ORG", "MISC")
_CTOP = [f"mc={c}" for c in _CLASSES]
_CLEVEL = [(None, f"mc{c}=mid", f"mc{c}=hi") for c in _CLASSES]


def _coarse(p: np.ndarray, words) -> list[list[str]]:
    """Per capitalised token: ``mc=`` the favoured class (B- and I- summed) and, per name class,
    ``=hi`` (p > 0.5) or ``=mid`` (p > 0.2); nothing for other tokens."""
    c = np.concatenate([p[:, :1], p[:, 1::2] + p[:, 2::2]], axis=1)
    top = c.argmax(axis=1).tolist()
    level = np.where(c > _HIGH, 2, np.where(c > _MID, 1, 0)).tolist()
    out = []
    for w, t, row in zip(words, top, level):
        if not w[:1].isupper():
            out.append([])
            continue
        feats = [_CTOP[t]]
        for k in range(1, len(_CLASSES)):
            if row[k]:
                feats.append(_CLEVEL[k][row[k]])
        out.append(feats)
    return out


def _features(p: np.ndarray) -> list[list[str]]:
    """Per token: ``mw=`` the favoured label and, per other label, ``=hi`` (p > 0.5) or ``=mid``
    (p > 0.2)."""
    top = p.argmax(axis=1).tolist()
    level = np.where(p > _HIGH, 2, np.where(p > _MID, 1, 0)).tolist()
    out = []
    for t, row in zip(top, level):
        feats = [_TOP[t]]
        for k in range(1, len(LABELS)):
            if row[k] and k != t:
                feats.append(_LEVEL[k][row[k]])
            elif k == t and row[k] == 1:
                feats.append(_LEVEL[k][1])  # favoured but below 0.5: unsure
        out.append(feats)
    return out


def sentence_fold(words, folds: int) -> int:
    """The cross-fitting group of a sentence (a stable hash of its words)."""
    return zlib.crc32("\u241f".join(words).encode("utf-8")) % folds


class CrossFitted:
    """Training-time stand-in for :class:`WindowTagger`: a sentence's features come from the
    model that never saw it (``models[sentence_fold(words)]``)."""

    def __init__(self, models: list[WindowTagger]) -> None:
        self.models = models

    def features(self, words) -> list[list[str]]:
        return self.models[sentence_fold(words, len(self.models))].features(words)

    def features_many(self, sentences):
        return [self.features(s) for s in sentences]


# ---- training (needs the USE embedding table and scikit-learn) -------------------------------

class WindowTrainer:
    """Fits :class:`WindowTagger` models on tagged sentences over a reduced piece table."""

    def __init__(self, pieces: list[str], vectors: np.ndarray, lexicon, dims: int = 32, hidden: int = 128,
                 epochs: int = 12, alpha: float = 1e-4, seed: int = 0, coarse: bool = False) -> None:
        from sklearn.decomposition import PCA

        keep = [i for i, p in enumerate(pieces) if _LATIN.match(p)]
        reduced = PCA(n_components=dims, svd_solver="randomized", random_state=0) \
            .fit_transform(vectors[keep]).astype(np.float32)
        scale = np.abs(reduced).max(axis=0) / 127.0
        self.pieces = [pieces[i] for i in keep]
        self.table = np.round(reduced / scale).astype(np.int8)
        self.scale = scale.astype(np.float32)
        self.lexicon = lexicon
        self.hidden, self.epochs, self.alpha, self.seed, self.coarse = hidden, epochs, alpha, seed, coarse
        self.dims = dims

    def _base(self, word_types, fixed_types) -> WindowTagger:
        width = 5 * (self.dims + SHAPE_BITS + (TYPE_DIMS if word_types is not None else 0))
        return WindowTagger(self.pieces, self.table, self.scale,
                            [np.zeros((width, 1)), np.zeros(1), np.zeros((1, len(LABELS))), np.zeros(len(LABELS))],
                            self.lexicon, word_types=word_types, fixed_types=fixed_types)

    def rows(self, sentences, word_types=None, fixed_types=None) -> tuple[np.ndarray, np.ndarray]:
        self.base = self._base(word_types, fixed_types)
        X = self.base.windows_many([s.words for s in sentences])
        y = np.array([LABELS.index(t) for s in sentences for t in s.tags])
        return X, y

    def _fit(self, X, y, fixed_types=None) -> WindowTagger:
        import warnings

        from sklearn.exceptions import ConvergenceWarning
        from sklearn.neural_network import MLPClassifier

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            clf = MLPClassifier(hidden_layer_sizes=(self.hidden,), alpha=self.alpha, batch_size=min(256, len(y)),
                                max_iter=self.epochs, random_state=self.seed).fit(X, y)
        w2 = np.zeros((self.hidden, len(LABELS)), np.float32)
        b2 = np.full(len(LABELS), -30.0, np.float32)
        classes = list(clf.classes_)
        if len(classes) == 2:  # sklearn keeps one logit for two classes
            raise ValueError("the window tagger needs more than two labels in training")
        w2[:, classes] = clf.coefs_[1]
        b2[classes] = clf.intercepts_[1]
        return WindowTagger(self.pieces, self.table, self.scale, [clf.coefs_[0], clf.intercepts_[0], w2, b2],
                            self.lexicon, self.base.segment, coarse=self.coarse, word_types=self.base.word_types,
                            fixed_types=fixed_types)

    def fit(self, sentences, folds: int = 5, word_types=None, fixed_types=None) -> tuple[WindowTagger, CrossFitted]:
        """The full model (for tagging) and its cross-fitted stand-in (for training the CRF).
        ``word_types`` (and the training words' cross-fitted ``fixed_types``): see :class:`WindowTagger`."""
        sentences = [s for s in sentences if s.words]
        X, y = self.rows(sentences, word_types, fixed_types)
        group = np.repeat([sentence_fold(s.words, folds) for s in sentences], [len(s.words) for s in sentences])
        crossed = [self._fit(X[group != g], y[group != g], fixed_types) for g in range(folds)]
        return self._fit(X, y), CrossFitted(crossed)
