"""Online event clustering: each batch of documents joins existing clusters or opens new ones.

Method (docs/clusters.md has the why and the scores):

1. **Similarity** of two documents: a weighted mean of cosines over three sparse channels,
   tf-idf over lemmas (sublinear tf, idf from the documents seen so far, each document cut to its
   ``max_terms`` heaviest terms), entity names and concrete time values. For documents in
   different languages the lemma cosine means nothing; the embedding cosine (multilingual USE,
   mapped onto the lemma scale) stands in for it. Documents whose publication dates are more
   than ``window_days`` apart get similarity 0.
2. **Neighbours**: every document keeps its ``k`` most similar documents; candidates come from
   the sparse product of the new rows with all rows (an inverted index over the kept terms,
   very frequent terms excluded), so only documents sharing terms, names or dates are compared.
3. **Link** of two documents: ``sqrt(snn * sim)`` where ``snn`` is the share of their
   neighbourhoods (each with itself) that they have in common.
4. **Agglomeration**: average link over the new documents and the existing clusters they touch;
   merges stop at ``threshold``. Existing clusters never merge with each other or move
   documents: a batch only adds.

Within a batch the documents are sorted by id first, so the result does not depend on the
order they were given in.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import Iterable

import numpy as np
from scipy.sparse import csr_matrix, hstack

from chronik.clusters.features import DocFeatures, time_terms
from chronik.clusters.graph import NeighbourLists, _Item, agglomerate
from chronik.clusters.lead import CueSets
from chronik.clusters.space import TermSpace
from chronik.errors import InputError
from chronik.model import Cluster, ClusterArticle


@dataclass(frozen=True, slots=True, kw_only=True)
class ClusterOptions:
    """Global parameters; the defaults were chosen by cross-validation across ECB+ topics.

    ``threshold``: minimum average link to merge; ``k``: neighbourhood size; ``lemma_weight``,
    ``name_weight``, ``time_weight``: channel weights of the similarity; ``max_terms``: lemma
    terms kept per document; ``window_days``: publication dates further apart never link
    (``None``: no window); ``embedding_scale``: (``lo``, ``hi``) mapping an embedding cosine
    onto the lemma-cosine scale for cross-language pairs (``lo`` -> 0, ``hi`` -> 1);
    ``embedding_weight``: weight of the (mapped) embedding cosine for same-language pairs, on
    the scale of the other weights (0: embeddings serve cross-language pairs only);
    ``candidates``: candidate neighbours scored exactly per new document; ``place_penalty``,
    ``weekday_penalty``: share of the similarity taken off when two leads name places (weekdays)
    and none in common (:mod:`chronik.clusters.lead`).
    """

    threshold: float = 0.10
    k: int = 5
    lemma_weight: float = 1.0
    name_weight: float = 1.0
    time_weight: float = 0.5
    max_terms: int = 60
    window_days: int | None = 10
    embedding_scale: tuple[float, float] = (0.45, 0.95)
    embedding_weight: float = 0.75
    min_similarity: float = 0.15
    candidates: int = 50
    place_penalty: float = 0.7
    weekday_penalty: float = 0.5

    def __getstate__(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def __setstate__(self, state: dict | tuple | list) -> None:
        # by name; an older store pickled the values by position, and fields are only ever
        # appended, so a shorter sequence is a prefix: options added since take their defaults
        if not isinstance(state, dict):
            state = {f.name: v for f, v in zip(fields(self), state)}
        for f in fields(self):
            object.__setattr__(self, f.name, state.get(f.name, f.default))


class EventClusterer:
    """Holds the clustering state; :meth:`add` a batch of :class:`DocFeatures` at a time."""

    def __init__(self, options: ClusterOptions | None = None) -> None:
        self.options = options or ClusterOptions()
        o = self.options
        self.lemmas = TermSpace(max_terms=o.max_terms)
        self.names = TermSpace(max_terms=30)
        self.times = TermSpace()
        self.neighbours = NeighbourLists(o.k)
        self.doc_ids: list[str] = []
        self.index: dict[str, int] = {}
        self.langs: list[str | None] = []
        self.days: list[tuple[int, int] | None] = []
        self.embeddings = np.zeros((0, 0), dtype=np.float32)
        self.has_embedding = np.zeros(0, dtype=bool)
        self.cluster_of: list[str] = []
        self.members: dict[str, list[int]] = {}
        self.places = CueSets()
        self.weekdays = CueSets()

    # -- public --------------------------------------------------------------------------

    def add(self, batch: Iterable[DocFeatures]) -> dict[str, str]:
        """Cluster a batch; returns ``doc id -> cluster id`` for its documents (known ids included)."""
        fresh: dict[str, DocFeatures] = {}
        for doc in batch:
            if doc.id in fresh and fresh[doc.id] != doc:
                raise InputError(doc.id, "two different documents with this id in one batch")
            fresh[doc.id] = doc
        known = {i: self.cluster_of[self.index[i]] for i in fresh if i in self.index}
        docs = [fresh[i] for i in sorted(fresh) if i not in self.index]
        if not docs:
            return known
        start = len(self.doc_ids)
        self._append(docs)
        n = len(self.doc_ids)
        new = np.arange(start, n)
        vectors = self._vectors()
        self._update_neighbours(vectors, new)
        links = self._links(vectors, new)
        assigned = self._assign(new, links)
        assigned.update(known)
        return assigned

    @property
    def assignments(self) -> dict[str, str]:
        """Every document id -> its cluster id."""
        return dict(zip(self.doc_ids, self.cluster_of))

    @property
    def clusters(self) -> dict[str, tuple[str, ...]]:
        """Cluster id -> its document ids (in arrival order)."""
        return {c: tuple(self.doc_ids[i] for i in m) for c, m in self.members.items()}

    def records(self, sources: dict[str, str] | None = None) -> list[Cluster]:
        """The clusters as :class:`~chronik.model.Cluster` records (``sources``: doc id -> path/URL)."""
        sources = sources or {}
        return [Cluster(id=c, articles=tuple(ClusterArticle(id=d, source=sources.get(d, d)) for d in docs))
                for c, docs in sorted(self.clusters.items())]

    # -- steps ---------------------------------------------------------------------------

    def _append(self, docs: list[DocFeatures]) -> None:
        for doc in docs:
            self.index[doc.id] = len(self.doc_ids)
            self.doc_ids.append(doc.id)
            self.langs.append(doc.lang)
            self.days.append(_days(doc))
        self.lemmas.add([doc.lemmas + tuple(f"\u00a7copy:{c}" for c in doc.copies) for doc in docs])
        self.names.add([doc.names for doc in docs])
        self.times.add([time_terms(doc.times) for doc in docs])
        if not hasattr(self, "places"):  # state pickled before lead cues existed
            self.places, self.weekdays = CueSets(), CueSets()
        for cues in (self.places, self.weekdays):
            cues.add([()] * (len(self.doc_ids) - len(docs) - len(cues)))
        self.places.add([doc.places for doc in docs])
        self.weekdays.add([doc.weekdays for doc in docs])
        dim = max((len(d.embedding) for d in docs), default=0)
        dim = max(dim, self.embeddings.shape[1])
        block = np.zeros((len(docs), dim), dtype=np.float32)
        for row, doc in enumerate(docs):
            if doc.embedding:
                if len(doc.embedding) != dim:
                    raise InputError(doc.id, f"embedding has {len(doc.embedding)} dimensions, expected {dim}")
                block[row] = doc.embedding
        if self.embeddings.shape[1] < dim:
            self.embeddings = np.zeros((self.embeddings.shape[0], dim), dtype=np.float32)
        self.embeddings = np.vstack([self.embeddings, block])
        self.has_embedding = np.concatenate([self.has_embedding, [bool(d.embedding) for d in docs]])
        self.neighbours.grow(len(self.doc_ids))

    def _vectors(self) -> dict[str, csr_matrix]:
        o = self.options
        total = o.lemma_weight + o.name_weight + o.time_weight
        lem = self.lemmas.weighted() * np.sqrt(o.lemma_weight / total)
        rest = hstack([self.names.weighted() * np.sqrt(o.name_weight / total),
                       self.times.weighted() * np.sqrt(o.time_weight / total)], format="csr")
        return {"lemmas": lem.tocsr(), "rest": rest, "all": hstack([lem, rest], format="csr")}

    def _update_neighbours(self, vectors: dict[str, csr_matrix], new: np.ndarray) -> None:
        """Candidates by sparse product, exact similarities, then both directions of the lists."""
        o = self.options
        full = vectors["all"]
        transposed = full.T.tocsr()
        rows_out, cols_out = [], []
        for lo in range(0, len(new), 512):
            chunk = new[lo:lo + 512]
            product = (full[chunk] @ transposed).tocsr()
            rows, cols = _top_per_row_pairs(product, o.candidates)
            rows_out.append(chunk[rows])
            cols_out.append(cols)
        extra = self._cross_language_candidates(new)
        rows = np.concatenate(rows_out + [extra[0]])
        cols = np.concatenate(cols_out + [extra[1]])
        sims = self.similarity(vectors, rows, cols)
        sims[sims < o.min_similarity] = 0.0
        self.neighbours.offer(rows, cols, sims)
        self.neighbours.offer(cols, rows, sims)

    def _cross_language_candidates(self, new: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The ``k`` nearest documents in another language by embedding, for each new document
        (different languages share few terms, so the sparse product alone would miss them)."""
        empty = (np.zeros(0, np.int64), np.zeros(0, np.int64))
        langs = np.array([lang or "" for lang in self.langs], dtype=object)
        if not self.has_embedding.any() or len(set(langs[self.has_embedding]) - {""}) < 2:
            return empty
        k = self.options.k
        with_emb = np.flatnonzero(self.has_embedding)
        rows_out, cols_out = [], []
        for lo in range(0, len(new), 512):
            chunk = new[lo:lo + 512]
            chunk = chunk[self.has_embedding[chunk] & (langs[chunk] != "")]
            if chunk.size == 0:
                continue
            cos = self.embeddings[chunk] @ self.embeddings[with_emb].T
            other = (langs[with_emb][None, :] != langs[chunk][:, None]) & (langs[with_emb] != "")[None, :]
            cos = np.where(other, cos, -np.inf)
            m = min(k, cos.shape[1])
            top = np.argpartition(-cos, m - 1, axis=1)[:, :m]
            keep = np.isfinite(np.take_along_axis(cos, top, axis=1))
            rows_out.append(np.repeat(chunk, m)[keep.ravel()])
            cols_out.append(with_emb[top].ravel()[keep.ravel()])
        if not rows_out:
            return empty
        return np.concatenate(rows_out), np.concatenate(cols_out)

    def similarity(self, vectors: dict[str, csr_matrix], rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """Exact similarity of document pairs ``(rows[t], cols[t])``."""
        o = self.options
        if rows.size == 0:
            return np.zeros(0)
        lem = _pair_dots(vectors["lemmas"], rows, cols)
        rest = _pair_dots(vectors["rest"], rows, cols)
        langs = np.array([lang or "" for lang in self.langs], dtype=object)
        cross = (langs[rows] != langs[cols]) & (langs[rows] != "") & (langs[cols] != "")
        total = o.lemma_weight + o.name_weight + o.time_weight
        emb = None
        if cross.any() or o.embedding_weight > 0:
            both = self.has_embedding[rows] & self.has_embedding[cols]
            emb = np.zeros(rows.size)
            if both.any():
                cos = _pair_cosines(self.embeddings, rows[both], cols[both])
                lo, hi = o.embedding_scale
                emb[both] = np.clip((cos - lo) / (hi - lo), 0.0, 1.0)
            lem = np.where(cross, emb * o.lemma_weight / total, lem)
        sims = lem + rest
        if o.embedding_weight > 0 and emb is not None:
            same = ~cross & self.has_embedding[rows] & self.has_embedding[cols]
            sims = np.where(same, (sims * total + emb * o.embedding_weight) / (total + o.embedding_weight), sims)
        if o.place_penalty > 0:
            sims[self.places.conflicts(rows, cols)] *= 1.0 - o.place_penalty
        if o.weekday_penalty > 0:
            sims[self.weekdays.conflicts(rows, cols)] *= 1.0 - o.weekday_penalty
        if o.window_days is not None:
            sims[self._too_far(rows, cols)] = 0.0
        return sims

    def _too_far(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        lo = np.array([d[0] if d else -1 for d in self.days])
        hi = np.array([d[1] if d else -1 for d in self.days])
        dated = (lo[rows] >= 0) & (lo[cols] >= 0)
        gap = np.maximum(lo[cols] - hi[rows], lo[rows] - hi[cols])
        return dated & (gap > self.options.window_days)

    def _links(self, vectors: dict[str, csr_matrix], new: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Links ``sqrt(snn * sim)`` of new documents with every document they share neighbours with."""
        n = len(self.doc_ids)
        member = self.neighbours.membership(n)
        shared = (member[new] @ member.T).tocoo()
        rows, cols = new[shared.row], shared.col
        keep = rows != cols
        rows, cols, counts = rows[keep], cols[keep], shared.data[keep]
        # Each unordered pair of new documents once.
        both_new = cols >= new[0]
        keep = ~both_new | (rows < cols)
        rows, cols, counts = rows[keep], cols[keep], counts[keep]
        sims = self.similarity(vectors, rows, cols)
        links = np.sqrt(np.clip(counts / (self.options.k + 1) * sims, 0.0, None))
        keep = links > 0
        rows, cols, links = rows[keep], cols[keep], links[keep]
        # Does the (earlier) document ``cols[t]`` count ``rows[t]`` among its neighbours?
        reverse = (self.neighbours.ids[cols] == rows[:, None]).any(axis=1)
        return rows, cols, links, reverse

    def _assign(self, new: np.ndarray, links: tuple[np.ndarray, ...]) -> dict[str, str]:
        rows, cols, values, reverse = links
        items: dict[int, _Item] = {}
        for i in new:
            items[int(i)] = _Item(key="\u0001" + self.doc_ids[i], size=1, frozen=False, members=[int(i)])
        # Existing clusters touched by a link become frozen items, numbered after the documents.
        cluster_item: dict[str, int] = {}
        item_of = np.empty(rows.size, dtype=np.int64)
        other_of = np.empty(rows.size, dtype=np.int64)
        base = len(self.doc_ids)
        for t in range(rows.size):
            j = int(cols[t])
            if j >= new[0]:
                other_of[t] = j
            else:
                cid = self.cluster_of[j]
                if cid not in cluster_item:
                    cluster_item[cid] = base + len(cluster_item)
                    items[cluster_item[cid]] = _Item(key=cid, size=len(self.members[cid]), frozen=True)
                other_of[t] = cluster_item[cid]
            item_of[t] = int(rows[t])
        pairs: dict[tuple[int, int], float] = {}
        supported: set[tuple[int, int]] = set()
        for a, b, v, r in zip(item_of.tolist(), other_of.tolist(), values.tolist(), reverse.tolist()):
            key = (a, b) if a < b else (b, a)
            pairs[key] = pairs.get(key, 0.0) + v
            if r and b >= base:
                supported.add(key)
        roots = agglomerate(pairs, items, self.options.threshold, supported)
        item_cluster = {item: cid for cid, item in cluster_item.items()}
        out: dict[str, str] = {}
        groups: dict[int, list[int]] = {}
        for i in new:
            groups.setdefault(roots[int(i)], []).append(int(i))
        for root, docs in groups.items():
            cid = item_cluster.get(root) or min(self.doc_ids[i] for i in docs)
            self.members.setdefault(cid, []).extend(docs)
            for i in docs:
                out[self.doc_ids[i]] = cid
        self.cluster_of.extend(out[self.doc_ids[i]] for i in new)
        return out


def cluster_documents(docs: Iterable[DocFeatures], options: ClusterOptions | None = None) -> dict[str, str]:
    """Batch mode: all documents at once; returns ``doc id -> cluster id``."""
    return EventClusterer(options).add(docs)


def _days(doc: DocFeatures) -> tuple[int, int] | None:
    lo, hi = doc.published_earliest or doc.published_latest, doc.published_latest or doc.published_earliest
    if not lo:
        return None
    try:
        return date.fromisoformat(lo[:10]).toordinal(), date.fromisoformat(hi[:10]).toordinal()
    except ValueError as exc:
        raise InputError(doc.id, f"bad publication date: {exc}") from exc


def _pair_dots(matrix: csr_matrix, rows: np.ndarray, cols: np.ndarray, chunk: int = 50_000) -> np.ndarray:
    out = np.empty(rows.size)
    for lo in range(0, rows.size, chunk):
        r, c = rows[lo:lo + chunk], cols[lo:lo + chunk]
        out[lo:lo + chunk] = np.asarray(matrix[r].multiply(matrix[c]).sum(axis=1)).ravel()
    return out


def _pair_cosines(vectors: np.ndarray, rows: np.ndarray, cols: np.ndarray, chunk: int = 20_000) -> np.ndarray:
    out = np.empty(rows.size)
    for lo in range(0, rows.size, chunk):
        r, c = rows[lo:lo + chunk], cols[lo:lo + chunk]
        out[lo:lo + chunk] = np.einsum("ij,ij->i", vectors[r], vectors[c])
    return out


def _top_per_row_pairs(product: csr_matrix, m: int, cells: int = 4_000_000) -> tuple[np.ndarray, np.ndarray]:
    """(row, col) of each row's ``m`` largest entries of a CSR matrix (ties to the lower column),
    ordered by row, then value (largest first), then column.

    A row's m-th largest value comes from a dense partition of a block of rows (``cells``
    bounds the block); every entry above it is kept and, of the entries equal to it, the ones
    with the lowest columns up to ``m``. Only the kept entries are sorted: sorting all of a
    10,000-document product costs about 1 s per 512 rows, this about 0.1 s."""
    product = product.tocsr()
    n_rows, n_cols = product.shape
    if product.nnz and product.data.min() <= 0:  # a partition of the dense rows assumes positive entries
        return _top_per_row_pairs_sorted(product, m)
    out_rows, out_cols = [], []
    step = max(1, min(n_rows, cells // max(n_cols, 1)))
    for lo in range(0, n_rows, step):
        block = product[lo:lo + step]
        lengths = np.diff(block.indptr)
        rows = np.repeat(np.arange(block.shape[0]), lengths)
        data, cols = block.data, block.indices
        threshold = np.full(block.shape[0], -np.inf)
        full = lengths > m
        if full.any():
            dense = block[np.flatnonzero(full)].toarray()
            threshold[full] = -np.partition(-dense, m - 1, axis=1)[:, m - 1]
        above = data > threshold[rows]
        tied = np.flatnonzero(data == threshold[rows])
        need = m - np.bincount(rows[above], minlength=block.shape[0])
        tied = tied[np.lexsort((cols[tied], rows[tied]))]
        starts = np.searchsorted(rows[tied], rows[tied], side="left")
        keep = above
        keep[tied[np.arange(tied.size) - starts < need[rows[tied]]]] = True
        kept = np.flatnonzero(keep)
        order = kept[np.lexsort((cols[kept], -data[kept], rows[kept]))]
        out_rows.append(rows[order] + lo)
        out_cols.append(cols[order])
    if not out_rows:
        return np.zeros(0, np.int64), np.zeros(0, product.indices.dtype)
    return np.concatenate(out_rows), np.concatenate(out_cols)


def _top_per_row_pairs_sorted(product: csr_matrix, m: int) -> tuple[np.ndarray, np.ndarray]:
    """The same by sorting every entry (any sign)."""
    lengths = np.diff(product.indptr)
    rows = np.repeat(np.arange(product.shape[0]), lengths)
    order = np.lexsort((product.indices, -product.data, rows))
    rank = np.arange(order.size) - np.repeat(product.indptr[:-1], lengths)
    keep = order[rank < m]
    return rows[keep], product.indices[keep]
