"""Graph pieces of the event clusterer: nearest-neighbour lists, shared-neighbour links and a
sparse average-link agglomeration in which existing clusters are fixed.

Shared nearest neighbours (Jarvis and Patrick 1973; Ertöz, Steinbach and Kumar 2003) make the
similarity of two documents relative to their neighbourhoods: two reports of one event share
their nearest neighbours, two reports of similar events (the same team, another season) do not,
even when their raw similarities are alike.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field

import numpy as np
from scipy.sparse import csr_matrix


class NeighbourLists:
    """The ``k`` most similar earlier-or-later documents of every document, kept up to date.

    Rows are document indices; ``ids[i]`` holds neighbour indices (-1 = empty slot) and
    ``sims[i]`` their similarities, best first. Ties go to the lower index, so the lists depend
    only on the set of documents and their insertion order across batches.
    """

    def __init__(self, k: int) -> None:
        self.k = k
        self.ids = np.full((0, k), -1, dtype=np.int64)
        self.sims = np.zeros((0, k), dtype=np.float64)

    def __len__(self) -> int:
        return self.ids.shape[0]

    def grow(self, n: int) -> None:
        extra = n - len(self)
        if extra > 0:
            self.ids = np.vstack([self.ids, np.full((extra, self.k), -1, dtype=np.int64)])
            self.sims = np.vstack([self.sims, np.zeros((extra, self.k))])

    def offer(self, rows: np.ndarray, cols: np.ndarray, sims: np.ndarray) -> None:
        """Offer candidate neighbours ``cols[t]`` to documents ``rows[t]`` (pairs with sim > 0)."""
        keep = (sims > 0) & (rows != cols)
        rows, cols, sims = rows[keep], cols[keep], sims[keep]
        if rows.size == 0:
            return
        touched = np.unique(rows)
        old_ids = self.ids[touched]
        filled = old_ids >= 0
        old_rows = np.repeat(touched, self.k).reshape(len(touched), self.k)[filled]
        all_rows = np.concatenate([old_rows, rows])
        all_cols = np.concatenate([old_ids[filled], cols])
        all_sims = np.concatenate([self.sims[touched][filled], sims])
        # Drop duplicate (row, col) pairs (a neighbour offered again keeps its newest value).
        order = np.lexsort((np.arange(all_rows.size)[::-1], all_cols, all_rows))
        all_rows, all_cols, all_sims = all_rows[order], all_cols[order], all_sims[order]
        first = np.ones(all_rows.size, dtype=bool)
        first[1:] = (all_rows[1:] != all_rows[:-1]) | (all_cols[1:] != all_cols[:-1])
        all_rows, all_cols, all_sims = all_rows[first], all_cols[first], all_sims[first]
        order = np.lexsort((all_cols, -all_sims, all_rows))
        all_rows, all_cols, all_sims = all_rows[order], all_cols[order], all_sims[order]
        starts = np.searchsorted(all_rows, touched)
        rank = np.arange(all_rows.size) - np.repeat(starts, np.diff(np.append(starts, all_rows.size)))
        top = rank < self.k
        slot_rows = np.searchsorted(touched, all_rows[top])
        new_ids = np.full((len(touched), self.k), -1, dtype=np.int64)
        new_sims = np.zeros((len(touched), self.k))
        new_ids[slot_rows, rank[top]] = all_cols[top]
        new_sims[slot_rows, rank[top]] = all_sims[top]
        self.ids[touched] = new_ids
        self.sims[touched] = new_sims

    def membership(self, n: int) -> csr_matrix:
        """Row ``i`` marks ``{i}`` and its neighbours: shared counts are ``M @ M.T``."""
        rows = np.repeat(np.arange(n), self.k + 1)
        cols = np.concatenate([np.arange(n)[:, None], self.ids[:n]], axis=1).ravel()
        keep = cols >= 0
        data = np.ones(int(keep.sum()))
        return csr_matrix((data, (rows[keep], cols[keep])), shape=(n, n))


@dataclass(slots=True)
class _Item:
    key: str
    size: int
    frozen: bool
    version: int = 0
    members: list[int] = field(default_factory=list)


def agglomerate(pairs: dict[tuple[int, int], float], items: dict[int, _Item], threshold: float,
                supported: set[tuple[int, int]] = frozenset()) -> dict[int, int]:
    """Average-link agglomeration over a sparse graph; returns ``item -> surviving item``.

    ``pairs`` maps an item pair ``(a, b)``, ``a < b``, to the *sum* of member-pair links; the
    average link is that sum over ``size_a * size_b``. Two frozen items (existing clusters)
    never merge; an item merged into a frozen one is frozen. A frozen item only merges with an
    item when the pair is in ``supported`` (some member of the frozen item counts some member
    of the other among its nearest neighbours). Ties are broken by item keys so the result does
    not depend on the order the pairs were built in.
    """
    graph: dict[int, dict[int, float]] = {i: {} for i in items}
    for (a, b), weight in pairs.items():
        graph[a][b] = graph[a].get(b, 0.0) + weight
        graph[b][a] = graph[b].get(a, 0.0) + weight
    support: dict[int, set[int]] = {i: set() for i in items}
    for a, b in supported:
        support[a].add(b)
        support[b].add(a)
    heap: list = []

    def push(a: int, b: int) -> None:
        ia, ib = items[a], items[b]
        if ia.frozen and ib.frozen:
            return
        if (ia.frozen or ib.frozen) and b not in support[a]:
            return
        avg = graph[a][b] / (ia.size * ib.size)
        if avg >= threshold:
            lo, hi = (a, b) if ia.key <= ib.key else (b, a)
            heapq.heappush(heap, (-avg, items[lo].key, items[hi].key, lo, hi, items[lo].version, items[hi].version))

    for a in sorted(graph, key=lambda i: items[i].key):
        for b in graph[a]:
            if items[a].key < items[b].key:
                push(a, b)
    parent = {i: i for i in items}
    while heap:
        _, _, _, a, b, va, vb = heapq.heappop(heap)
        if parent[a] != a or parent[b] != b or items[a].version != va or items[b].version != vb:
            continue
        # Keep the frozen item (an existing cluster keeps its id), else the smaller key.
        keep, gone = (b, a) if items[b].frozen and not items[a].frozen else (a, b)
        ik, ig = items[keep], items[gone]
        ik.size += ig.size
        ik.frozen = ik.frozen or ig.frozen
        ik.members.extend(ig.members)
        ik.version += 1
        parent[gone] = keep
        edges = graph.pop(gone)
        edges.pop(keep, None)
        graph[keep].pop(gone, None)
        for other, weight in edges.items():
            graph[other].pop(gone, None)
            graph[keep][other] = graph[keep].get(other, 0.0) + weight
            graph[other][keep] = graph[keep][other]
        for other in support.pop(gone):
            support[other].discard(gone)
            if other != keep:
                support[other].add(keep)
                support[keep].add(other)
        for other in sorted(graph[keep], key=lambda i: items[i].key):
            push(keep, other)
    out = {}
    for i in items:
        root = i
        while parent[root] != root:
            root = parent[root]
        out[i] = root
    return out
