"""Incremental near-duplicate and wire-copy detection over the store.

Each article waiting in the store's dedup queue is compared with everything stored before
it: near-duplicate articles by MinHash LSH over word 5-grams, shared passages by winnowed
k-gram fingerprints (candidates) and k-gram alignment (spans). Each article's results are
written in one transaction, so an interrupted run resumes where it stopped; the outcome
does not depend on the order in which articles arrive.
"""

from __future__ import annotations

import hashlib
import sys
from array import array
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Mapping

import numpy as np

from chronik.dedup.passages import align_many, extend
from chronik.dedup.shingles import Words, kgram_hashes, winnow
from chronik.model import Article, NearDuplicate
from chronik.store.base import CopyLink, Store


SCHEME = "affine32"  # datasketch's hashing scheme; stored signatures depend on it


@dataclass(frozen=True, slots=True, kw_only=True)
class DedupOptions:
    k: int = 7  # words per k-gram for passages
    window: int = 4  # winnowing window: runs of k + window - 1 words always share a fingerprint
    min_shared: int = 2  # fingerprints two articles must share to be aligned
    min_words: int = 15  # shortest passage reported as a copy
    gap: int = 4  # differing words allowed inside one passage
    max_candidates: int = 50  # most-similar stored articles aligned per new article
    shingle: int = 5  # words per shingle for MinHash
    num_perm: int = 128
    threshold: float = 0.8  # estimated Jaccard from which two articles are near-duplicates
    cache: int = 20_000  # prepared articles kept in memory for aligning candidates (~7 KB each)


@dataclass(slots=True)
class DedupReport:
    articles: int = 0
    links: int = 0
    near_duplicates: int = 0


@dataclass(slots=True)
class _Prepared:
    words: Words
    kgrams: list[int]
    fingerprints: set[int] = field(default_factory=set)


def _arrays(prepared: _Prepared) -> _Prepared:
    """The offsets and k-gram hashes as machine-integer arrays (they index and iterate as
    Python ints, in a fraction of the memory and pickle size); fingerprints kept."""
    words = prepared.words
    if isinstance(prepared.kgrams, array):
        return prepared
    return _Prepared(Words(forms=words.forms, starts=array("i", words.starts), ends=array("i", words.ends)),
                     array("q", prepared.kgrams), prepared.fingerprints)


def _compact(prepared: _Prepared) -> _Prepared:
    """What aligning a candidate needs, in about 7 KB instead of 50: interned word forms and
    machine-integer arrays (:func:`_arrays`; a worker's sketch arrives with them), no fingerprints."""
    prepared = _arrays(prepared)
    words = prepared.words
    return _Prepared(Words(forms=tuple(map(sys.intern, words.forms)), starts=words.starts, ends=words.ends),
                     prepared.kgrams)


@dataclass(frozen=True, slots=True)
class Sketch:
    """What dedup needs of one article, computed where the article is (a Dask worker): its
    words, k-gram hashes, fingerprints and MinHash signature, for a text with this digest."""

    digest: bytes
    prepared: _Prepared
    signature: bytes


def text_digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


class Deduplicator:
    """Compares the store's pending articles with all stored ones (holds per-run caches)."""

    def __init__(self, options: DedupOptions | None = None) -> None:
        self.options = options or DedupOptions()
        self._prepared: dict[str, _Prepared] = {}

    def prepare(self, article: Article) -> _Prepared:
        hit = self._hit(article.id)
        return hit if hit is not None else self._prepare(article)

    def _prepared_id(self, store: Store, article_id: str) -> _Prepared:
        hit = self._hit(article_id)
        return hit if hit is not None else self._prepare(store.get_article(article_id))

    def _hit(self, article_id: str) -> _Prepared | None:
        """A cached preparation, moved to the young end: the first copy of a wire story is a
        candidate for every later copy, however many articles come in between."""
        hit = self._prepared.pop(article_id, None)
        if hit is not None:
            self._prepared[article_id] = hit
        return hit

    def _prepare(self, article: Article) -> _Prepared:
        hit = self._prepared_text(article.text)
        self._remember(article.id, hit)
        return hit

    def _prepared_text(self, text: str) -> _Prepared:
        words = Words.of(text)
        kgrams = kgram_hashes(words, self.options.k)
        return _Prepared(words, kgrams, winnow(kgrams, self.options.window))

    def _remember(self, article_id: str, prepared: _Prepared) -> None:
        """Bounded (least recently used out first): a huge backfill re-reads older articles instead.
        Kept compact (see :func:`_compact`): in a backfill every stored copy of a text is a
        candidate for its next copy, so the cache must hold about as many articles as there are."""
        self._prepared[article_id] = _compact(prepared)
        while len(self._prepared) > self.options.cache:
            del self._prepared[next(iter(self._prepared))]

    def sketch(self, article: Article) -> Sketch:
        """The per-article half of :meth:`run`, to compute away from the driver."""
        prep = self._prepared_text(article.text)  # not cached: the driver caches what it is sent
        sig = self.signature(prep.words).hashvalues.astype(np.uint64).tobytes()
        return Sketch(text_digest(article.text), _arrays(prep), sig)

    def signature(self, words: Words):
        from datasketch import MinHash

        m = MinHash(num_perm=self.options.num_perm, seed=1, scheme=SCHEME)
        n = self.options.shingle
        shingles = {" ".join(words.forms[i : i + n]).encode("utf-8") for i in range(max(len(words) - n + 1, 1))}
        m.update_batch(list(shingles))
        return m

    def run(self, store: Store, progress: Callable[[int, int], None] | None = None,
            sketches: Mapping[str, Sketch] | None = None) -> DedupReport:
        """Compares each pending article with those before it. ``sketches`` (by article id)
        saves recomputing what a worker already computed; one whose text digest does not
        match the stored article is ignored."""
        pending = store.pending_dedup()
        if not pending:
            return DedupReport()
        return self.session(store).process(pending, sketches, progress)

    def session(self, store: Store) -> DedupSession:
        """An index over the signatures stored so far, for processing pending articles in
        steps (the Dask runner dedups each file as soon as it is stored)."""
        return DedupSession(self, store)

    def _links(self, store: Store, article: Article, prep: _Prepared, hits: Mapping[str, int]) -> list[CopyLink]:
        """Copy links of ``article`` to the stored articles ``hits`` counts its fingerprints in."""
        o = self.options
        links = []
        ranked = sorted((-n, i) for i, n in hits.items() if n >= o.min_shared and i != article.id)
        others = [other_id for _n, other_id in sorted(ranked[: o.max_candidates], key=lambda t: t[1])]
        preps = [self._prepared_id(store, other_id) for other_id in others]
        found_all = align_many(prep.kgrams, [p.kgrams for p in preps], o.k, gap=o.gap, min_words=o.min_words)
        for other_id, oprep, passages in zip(others, preps, found_all):
            w, ow = prep.words, oprep.words
            for found in passages:
                run = extend(found, w.forms, ow.forms, gap=o.gap)
                links.append(CopyLink(
                    a=other_id, a_start=ow.starts[run.b0], a_end=ow.ends[run.b1 - 1],
                    b=article.id, b_start=w.starts[run.a0], b_end=w.ends[run.a1 - 1],
                    tokens=run.matched,
                ))
        return links


class DedupSession:
    """The MinHash LSH index over the stored signatures and an index of the stored
    fingerprints, both read once and grown as articles are processed (an ingester running
    at the same time is not seen until the next session, as with the signatures)."""

    def __init__(self, dedup: Deduplicator, store: Store) -> None:
        from datasketch import MinHashLSH

        self.dedup = dedup
        self.store = store
        o = dedup.options
        self.lsh = MinHashLSH(threshold=o.threshold, num_perm=o.num_perm)
        self.sigs: dict = {}
        for article_id, raw in store.signatures():
            m = self._lean(raw)
            self.sigs[article_id] = m
            self.lsh.insert(article_id, m)
        # fingerprint -> articles (as numbers into ``ids``): one dictionary lookup per
        # fingerprint instead of an SQL query per article (one count per stored row)
        self.ids: list[str] = []
        self._number: dict[str, int] = {}
        self.postings: dict[int, list[int]] = {}
        for h, article_id in store.fingerprints():
            self._post((h,), article_id)

    def _post(self, hashes, article_id: str) -> None:
        n = self._number.get(article_id)
        if n is None:
            n = self._number[article_id] = len(self.ids)
            self.ids.append(article_id)
        postings = self.postings
        for h in hashes:
            p = postings.get(h)
            if p is None:
                postings[h] = [n]
            else:
                p.append(n)

    def hits(self, fingerprints) -> dict[str, int]:
        """Per stored article, how many of ``fingerprints`` it has."""
        counts: Counter = Counter()
        get = self.postings.get
        for h in set(fingerprints):
            p = get(h)
            if p:
                counts.update(p)
        ids = self.ids
        return {ids[n]: c for n, c in counts.items()}

    @staticmethod
    def _lean(raw: bytes):
        from datasketch import LeanMinHash

        # straight from the hash values: going through MinHash would draw its permutations again
        return LeanMinHash(seed=1, hashvalues=np.frombuffer(raw, dtype=np.uint64), scheme=SCHEME)

    def process(self, pending: list[str], sketches: Mapping[str, Sketch] | None = None,
                progress: Callable[[int, int], None] | None = None, *,
                articles: Mapping[str, Article] | None = None) -> DedupReport:
        """Dedups ``pending`` (ids in store order, not yet processed) against all before them,
        in one transaction. ``articles``: the pending articles as stored, when the caller holds
        them (saves reading them back)."""
        with self.store.transaction():
            return self._process(pending, sketches or {}, progress, articles or {})

    def _process(self, pending, sketches, progress, articles) -> DedupReport:
        from datasketch import LeanMinHash

        dedup, store, o = self.dedup, self.store, self.dedup.options
        report = DedupReport()
        for done, article_id in enumerate(pending, 1):
            article = articles.get(article_id) or store.get_article(article_id)
            sketch = sketches.get(article_id)
            if sketch is not None and sketch.digest == text_digest(article.text):
                prep = sketch.prepared
                dedup._remember(article_id, prep)
                sig = self._lean(sketch.signature)
            else:
                prep = dedup._prepare(article)  # fresh: a cached preparation has no fingerprints
                sig = LeanMinHash(dedup.signature(prep.words))
            links = dedup._links(store, article, prep, self.hits(prep.fingerprints))
            near = []
            for other in self.lsh.query(sig):
                sim = float(sig.jaccard(self.sigs[other]))
                if sim >= o.threshold:
                    a, b = sorted((article_id, other))
                    near.append(NearDuplicate(a=a, b=b, similarity=round(sim, 4)))
            store.finish_dedup(article_id, prep.fingerprints, sig.hashvalues.astype(np.uint64).tobytes(), links, near)
            self._post(set(prep.fingerprints), article_id)
            self.lsh.insert(article_id, sig)
            self.sigs[article_id] = sig
            report.articles += 1
            report.links += len(links)
            report.near_duplicates += len(near)
            if progress:
                progress(done, len(pending))
        return report
