"""Aligning two texts' shared passages from their k-gram matches.

Matching k-grams are chained into runs along a diagonal; runs separated by a few
differing words (an edited word, an inserted place name) are joined into one passage.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, slots=True)
class Run:
    """Words ``a[a0:a1]`` match words ``b[b0:b1]``; ``matched`` words of them are identical."""

    a0: int
    a1: int
    b0: int
    b1: int
    matched: int


def _diagonal_runs(a: list[int], b: list[int], k: int) -> list[Run]:
    """Runs of consecutive matching k-grams along each diagonal (``i - j`` constant), ordered
    by diagonal, then position."""
    return _diagonal_runs_many(a, [b], k)[0]


def _diagonal_runs_many(a: list[int], bs: list[list[int]], k: int) -> list[list[Run]]:
    """:func:`_diagonal_runs` of ``a`` with each of ``bs``, in one vectorised pass: the driver
    aligns every new article with up to ``max_candidates`` stored ones."""
    out: list[list[Run]] = [[] for _ in bs]
    lengths = np.fromiter((len(b) for b in bs), dtype=np.int64, count=len(bs))
    if not a or not lengths.sum():
        return out
    av = np.asarray(a, dtype=np.int64)
    bv = np.concatenate([np.asarray(b, dtype=np.int64) for b in bs])
    owner = np.repeat(np.arange(len(bs)), lengths)
    position = np.arange(len(bv)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    order = np.argsort(bv, kind="stable")
    sorted_b = bv[order]
    lo = np.searchsorted(sorted_b, av, "left")
    counts = np.searchsorted(sorted_b, av, "right") - lo
    total = int(counts.sum())
    if not total:
        return out
    i = np.repeat(np.arange(len(av)), counts)
    within = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
    matched = order[np.repeat(lo, counts) + within]
    c, j = owner[matched], position[matched]
    d = i - j
    # by candidate, diagonal, then position ((d, i) fixes j): one packed key sorts faster than lexsort
    span = int(max(len(av), int(lengths.max()))) + 1
    key = (c * (2 * span) + (d + span)) * span + i
    o = np.argsort(key)
    c, d, i, j = c[o], d[o], i[o], j[o]
    breaks = np.ones(total, dtype=bool)
    breaks[1:] = (c[1:] != c[:-1]) | (d[1:] != d[:-1]) | (i[1:] != i[:-1] + 1)
    starts = np.flatnonzero(breaks)
    ends = np.append(starts[1:], total) - 1
    cols = (c[starts].tolist(), i[starts].tolist(), i[ends].tolist(), j[starts].tolist(), j[ends].tolist())
    for owner_, s, e, t, f in zip(*cols):
        out[owner_].append(Run(s, e + k, t, f + k, e + k - s))
    return out


def align(a: list[int], b: list[int], k: int, *, gap: int = 4, min_words: int = 15) -> list[Run]:
    """Shared passages of two k-gram hash lists, as word ranges, longest chains first."""
    return align_many(a, [b], k, gap=gap, min_words=min_words)[0]


def align_many(a: list[int], bs: list[list[int]], k: int, *, gap: int = 4, min_words: int = 15) -> list[list[Run]]:
    """:func:`align` of ``a`` with each of ``bs``."""
    return [_chain(runs, k, gap, min_words) for runs in _diagonal_runs_many(a, bs, k)]


def _chain(runs: list[Run], k: int, gap: int, min_words: int) -> list[Run]:
    """Joins runs separated by a few differing words into passages; keeps those of ``min_words``."""
    chains: list[Run] = []
    for run in sorted(runs, key=lambda r: (r.a0, r.b0)):
        if chains:
            last = chains[-1]
            da, db = run.a0 - last.a1, run.b0 - last.b1
            if -k < da <= gap and -k < db <= gap and abs(da - db) <= gap:
                overlap = max(0, -da)
                chains[-1] = Run(last.a0, max(last.a1, run.a1), last.b0, max(last.b1, run.b1),
                                 last.matched + run.matched - overlap)
                continue
        chains.append(run)
    return [c for c in chains if c.matched >= min_words]


def _step(fa, fb, i: int, j: int, direction: int, gap: int, anchor: int) -> tuple[int, int] | None:
    """From the boundary (i, j), the nearest position past up to ``gap`` differing words
    where ``anchor`` words match again (fewest skipped words first, then fewest in ``fa``);
    None when there is none."""
    na, nb = len(fa), len(fb)
    for skipped in range(2 * gap + 1):
        for da in range(max(0, skipped - gap), min(skipped, gap) + 1):
            ia, jb = i + direction * da, j + direction * (skipped - da)
            for t in range(anchor):
                x, y = ia + direction * t, jb + direction * t
                if not (0 <= x < na and 0 <= y < nb) or fa[x] != fb[y]:
                    break
            else:
                return ia, jb
    return None


def extend(run: Run, fa, fb, *, gap: int = 4, anchor: int = 3) -> Run:
    """Grow a passage over identical words and small edits on both sides.

    ``fa``/``fb`` are the word forms of the two texts; a run of k-gram matches starts and
    ends up to k-1 words inside the real copy, and an edited word splits it.
    """
    a0, b0, a1, b1, matched = run.a0, run.b0, run.a1, run.b1, run.matched
    while True:
        nxt = _step(fa, fb, a0 - 1, b0 - 1, -1, gap, 1 if (a0 and b0 and fa[a0 - 1] == fb[b0 - 1]) else anchor)
        if nxt is None:
            break
        ia, jb = nxt
        if (ia, jb) == (a0 - 1, b0 - 1):
            a0, b0, matched = a0 - 1, b0 - 1, matched + 1
        else:
            a0, b0 = ia + 1, jb + 1  # the words matched from there are taken on the next turns
    while True:
        nxt = _step(fa, fb, a1, b1, 1, gap, 1 if (a1 < len(fa) and b1 < len(fb) and fa[a1] == fb[b1]) else anchor)
        if nxt is None:
            break
        ia, jb = nxt
        if (ia, jb) == (a1, b1):
            a1, b1, matched = a1 + 1, b1 + 1, matched + 1
        else:
            a1, b1 = ia, jb
    return Run(a0, a1, b0, b1, matched)
