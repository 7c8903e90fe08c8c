"""A token classifier stacked under the CRF that looks at a capitalised word and its neighbours.

Like :mod:`chronik.entities.wordtypes`, but the logistic regression sees three mean piece
vectors (the word, the word before, the word after; PCA-reduced USE v3 piece vectors) and is
trained on tokens, not word types, so "sagte X" or "X GmbH" push X towards a class even when
neither word was in the training data. Being linear in mean piece vectors, it ships as three
per-piece logit tables (one per position); a token's logits are the sum of the three slots'
mean piece logits.
"""

from __future__ import annotations


import numpy as np

from chronik.entities.wordtypes import CLASSES, PieceLogits, PieceMeans, Segmenter, fit_classes, fold_of

FILE = "context-types.npz"
SLOTS = 3  # the word, the word before, the word after
_HIGH, _MID = 0.5, 0.2
_CACHE_LIMIT = 200_000
_TOP = [f"cc={c}" for c in CLASSES]
_LEVEL = [(None, f"cc{c}=mid", f"cc{c}=hi") for c in CLASSES]


class ContextTypes(PieceLogits):
    """``features(words)`` -> per token, features of the class the context classifier favours.
    ``logits`` has one table per slot: shape (SLOTS, pieces, classes)."""

    def __init__(self, pieces: list[str], logits: np.ndarray, bias: np.ndarray,
                 segmenter: Segmenter | None = None) -> None:
        super().__init__(pieces, logits, bias, segmenter)
        self._zero = np.zeros((SLOTS, len(CLASSES)), np.float32)
        self._cache: dict[str, np.ndarray] = {}

    def word(self, w: str) -> np.ndarray:
        """The word's mean piece logits in each slot, shape (SLOTS, classes)."""
        hit = self._cache.get(w)
        if hit is None:
            ids = self.segment(w)
            hit = self.logits[:, ids].mean(axis=1) if ids else self._zero
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            self._cache[w] = hit
        return hit

    def probs(self, words) -> np.ndarray:
        """Class probabilities of every token, shape (len(words), classes)."""
        w = np.stack([self.word(x) for x in words])  # (n, SLOTS, classes)
        z = w[:, 0] + self.bias
        z[1:] += w[:-1, 1]  # the word before
        z[:-1] += w[1:, 2]  # the word after
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        return p / p.sum(axis=1, keepdims=True)

    def features(self, words, mask=None) -> list[list[str]]:
        """Per token: ``cc=`` the favoured class and, per name class, ``=hi`` (p > 0.5) or
        ``=mid`` (p > 0.2); only for capitalised tokens (or where ``mask`` is true)."""
        if mask is None:
            mask = [w[:1].isupper() for w in words]
        if not any(mask):
            return [[] for _ in words]
        p = self.probs(words)
        top = p.argmax(axis=1).tolist()
        level = np.where(p > _HIGH, 2, np.where(p > _MID, 1, 0)).tolist()
        out = []
        for i, on in enumerate(mask):
            if not on:
                out.append([])
                continue
            feats = [_TOP[top[i]]]
            row = level[i]
            for k in range(1, len(CLASSES)):
                if row[k]:
                    feats.append(_LEVEL[k][row[k]])
            out.append(feats)
        return out


class CrossFitted:
    """Training-time stand-in for :class:`ContextTypes`: a token's features come from the model
    that never saw its word type (``models[crc32(word) % len(models)]``)."""

    def __init__(self, models: list[ContextTypes]) -> None:
        self.models = models

    def features(self, words) -> list[list[str]]:
        k = len(self.models)
        out: list[list[str]] = [[] for _ in words]
        for g, model in enumerate(self.models):
            mask = [w[:1].isupper() and fold_of(w, k) == g for w in words]
            if any(mask):
                for i, feats in enumerate(model.features(words, mask)):
                    if mask[i]:
                        out[i] = feats
        return out


# ---- training (needs the USE embedding table) -------------------------------------------------

class ContextTrainer:
    """Fits :class:`ContextTypes` on the capitalised tokens of tagged sentences."""

    def __init__(self, pieces: list[str], vectors: np.ndarray, dims: int = 64, c: float = 1.0) -> None:
        from sklearn.decomposition import PCA

        self.pieces = pieces
        self.vectors = PCA(n_components=dims, svd_solver="randomized", random_state=0) \
            .fit_transform(vectors).astype(np.float32)
        self.embed = PieceMeans(pieces, self.vectors)
        self.segment = self.embed.segment
        self.c = c

    def rows(self, sentences, extra=()):
        """(X, y, word of each row): capitalised tokens with their neighbours, then ``extra``
        (word, label) pairs as tokens without neighbours."""
        from chronik.entities.corpora import chunks

        zero = np.zeros(self.vectors.shape[1], np.float32)
        X, y, words = [], [], []
        for s in sentences:
            labels = ["O"] * len(s.words)
            for a, b, label in chunks(s.tags):
                labels[a:b] = [label] * (b - a)
            for i, w in enumerate(s.words):
                if not w[:1].isupper():
                    continue
                X.append(np.concatenate([self.embed(w), self.embed(s.words[i - 1]) if i else zero,
                                         self.embed(s.words[i + 1]) if i + 1 < len(s.words) else zero]))
                y.append(CLASSES.index(labels[i]))
                words.append(w)
        for w, label in extra:
            X.append(np.concatenate([self.embed(w), zero, zero]))
            y.append(CLASSES.index(label))
            words.append(w)
        return np.array(X), np.array(y), words

    def _fit(self, X, y) -> ContextTypes:
        coef, bias = fit_classes(X, y, c=self.c, max_iter=150)
        d = self.vectors.shape[1]
        logits = np.stack([self.vectors @ coef[:, k * d:(k + 1) * d].T for k in range(SLOTS)])
        return ContextTypes(self.pieces, logits, bias, self.segment)

    def fit(self, sentences, extra=(), folds: int = 5) -> tuple[ContextTypes, CrossFitted]:
        """The full model (for tagging) and its cross-fitted stand-in (for training the CRF)."""
        X, y, words = self.rows(sentences, extra)
        group = np.array([fold_of(w, folds) for w in words])
        crossed = [self._fit(X[group != g], y[group != g]) for g in range(folds)]
        return self._fit(X, y), CrossFitted(crossed)
