"""A growing sparse term space: vocabulary, document frequencies and tf-idf rows for an online corpus.

Raw term counts are kept per document; weights are recomputed from the current document
frequencies whenever asked, so the idf always reflects every document seen so far (it is learnt
from the documents being clustered, never from labels).
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable, Sequence

import numpy as np
from scipy.sparse import csr_matrix, vstack


class TermSpace:
    """Terms of one channel (lemmas, names or times) for all documents added so far.

    Weights are sublinear tf (``1 + log tf``) times idf (``log N/df``); terms seen in fewer than
    ``min_df`` documents (they link nothing) or in more than ``max_df`` of them (a share, with a
    floor of ``max_df_floor`` documents; they link everything and cost quadratic time) weigh
    nothing. Rows are cut to their ``max_terms`` heaviest terms and L2-normalised.
    """

    def __init__(self, *, min_df: int = 2, max_df: float = 0.1, max_df_floor: int = 50,
                 max_terms: int | None = None) -> None:
        self.min_df = min_df
        self.max_df = max_df
        self.max_df_floor = max_df_floor
        self.max_terms = max_terms
        self.vocab: dict[str, int] = {}
        self._df = np.zeros(0, dtype=np.int64)
        self._blocks: list[csr_matrix] = []
        self.n_docs = 0

    def add(self, docs: Sequence[Iterable[str]]) -> None:
        """Append documents (each an iterable of terms, repeats counted)."""
        indptr = [0]
        indices: list[int] = []
        data: list[float] = []
        for terms in docs:
            counts = Counter(terms)
            for term in sorted(counts):
                col = self.vocab.setdefault(term, len(self.vocab))
                indices.append(col)
                data.append(counts[term])
            indptr.append(len(indices))
        block = csr_matrix((np.asarray(data, dtype=np.float64), np.asarray(indices, dtype=np.int64),
                            np.asarray(indptr, dtype=np.int64)), shape=(len(docs), len(self.vocab)))
        if len(self.vocab) > len(self._df):
            self._df = np.concatenate([self._df, np.zeros(len(self.vocab) - len(self._df), np.int64)])
        np.add.at(self._df, block.indices, 1)
        self._blocks.append(block)
        self.n_docs += len(docs)

    def counts(self) -> csr_matrix:
        """Raw term counts of all documents (rows in insertion order)."""
        width = len(self.vocab)
        blocks = [b if b.shape[1] == width else _widen(b, width) for b in self._blocks]
        if not blocks:
            return csr_matrix((0, width))
        merged = vstack(blocks, format="csr") if len(blocks) > 1 else blocks[0]
        self._blocks = [merged]
        return merged

    def idf(self) -> np.ndarray:
        """Current idf per term, 0 for terms outside [min_df, max_df]."""
        n = max(self.n_docs, 1)
        df = self._df.astype(np.float64)
        idf = np.log(n / np.maximum(df, 1.0))
        cap = max(self.max_df * n, self.max_df_floor)
        idf[(df < self.min_df) | (df > cap)] = 0.0
        return idf

    def weighted(self) -> csr_matrix:
        """tf-idf rows of all documents, cut to ``max_terms`` and L2-normalised (empty rows stay 0)."""
        counts = self.counts()
        out = counts.copy()
        out.data = (1.0 + np.log(out.data)) * self.idf()[out.indices]
        out.eliminate_zeros()
        if self.max_terms is not None:
            out = _top_per_row(out, self.max_terms)
        norms = np.sqrt(np.asarray(out.multiply(out).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        out.data /= np.repeat(norms, np.diff(out.indptr))
        return out


def _widen(block: csr_matrix, width: int) -> csr_matrix:
    return csr_matrix((block.data, block.indices, block.indptr), shape=(block.shape[0], width))


def _top_per_row(matrix: csr_matrix, m: int) -> csr_matrix:
    """Keep each row's ``m`` largest entries (ties by column index, so the cut is deterministic)."""
    lengths = np.diff(matrix.indptr)
    if lengths.size == 0 or lengths.max() <= m:
        return matrix
    rows = np.repeat(np.arange(matrix.shape[0]), lengths)
    order = np.lexsort((matrix.indices, -matrix.data, rows))
    rank = np.arange(order.size) - np.repeat(matrix.indptr[:-1], lengths)
    keep = order[rank < m]
    keep.sort()
    kept_rows = rows[keep]
    indptr = np.concatenate([[0], np.cumsum(np.bincount(kept_rows, minlength=matrix.shape[0]))])
    return csr_matrix((matrix.data[keep], matrix.indices[keep], indptr), shape=matrix.shape)
