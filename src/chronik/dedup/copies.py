"""Pairwise copy links grouped into passages shared by two or more articles, with provenance."""

from __future__ import annotations

import hashlib
from typing import Callable, Iterable

from chronik.disjoint import DisjointSets
from chronik.model import Article, Copy, CopySpan
from chronik.store.base import CopyLink


def _bounds(article: Article) -> tuple[str, str] | None:
    """The earliest and latest possible publication of ``article`` as ISO strings."""
    inferred = article.published_inferred
    if inferred and inferred.earliest and inferred.latest:
        return inferred.earliest, inferred.latest
    if article.published:
        p = article.published
        return p, p + "\uffff"  # "2023-09" spans every day of that month
    return None


def first_publisher(articles: list[Article]) -> tuple[str | None, str]:
    """The article that certainly published first, or None with the reason."""
    bounds = {a.id: _bounds(a) for a in articles}
    undated = [a.id for a in articles if bounds[a.id] is None]
    if undated:
        return None, f"undated: {', '.join(undated)}"
    for a in articles:
        lo_a, hi_a = bounds[a.id]
        if all(hi_a < bounds[b.id][0] for b in articles if b.id != a.id):
            return a.id, f"published {a.published_inferred.value if a.published_inferred and a.published_inferred.value else a.published}, before the others"
    return None, "dates overlap: cannot tell who published first"


def group_copies(links: Iterable[CopyLink], get: Callable[[str], Article | None]) -> list[Copy]:
    """Passages: spans linked directly or through other spans form one passage."""
    sets: DisjointSets[tuple[str, int, int]] = DisjointSets()

    spans: dict[str, list[tuple[int, int]]] = {}
    link_list = list(links)
    for link in link_list:
        spans.setdefault(link.a, []).append((link.a_start, link.a_end))
        spans.setdefault(link.b, []).append((link.b_start, link.b_end))
    # overlapping spans within one article are one node
    node_of: dict[tuple[str, int, int], tuple[str, int, int]] = {}
    for article, items in spans.items():
        merged: list[list[int]] = []
        for s, e in sorted(items):
            if merged and s < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        for s, e in items:
            lo, hi = next(m for m in merged if m[0] <= s and e <= m[1])
            node_of[(article, s, e)] = (article, lo, hi)
    for link in link_list:
        sets.union(node_of[(link.a, link.a_start, link.a_end)], node_of[(link.b, link.b_start, link.b_end)])
    groups: dict[tuple, set[tuple]] = {}
    for node in set(node_of.values()):
        groups.setdefault(sets.find(node), set()).add(node)
    copies = []
    for members in groups.values():
        ordered = sorted(members)
        arts = {a: get(a) for a, _, _ in ordered}
        present = [arts[a] for a in dict.fromkeys(a for a, _, _ in ordered) if arts[a] is not None]
        first, reason = first_publisher(present)
        anchor = next((m for m in ordered if m[0] == first), ordered[0])
        anchor_article = arts[anchor[0]]
        text = anchor_article.text[anchor[1] : anchor[2]] if anchor_article else ""
        key = "|".join(f"{a}:{s}-{e}" for a, s, e in ordered)
        copies.append(Copy(
            id=hashlib.sha256(key.encode()).hexdigest()[:12],
            text=text,
            spans=tuple(CopySpan(article=a, start=s, end=e) for a, s, e in ordered),
            first=first, first_reason=reason,
        ))
    copies.sort(key=lambda c: (c.spans[0].article, c.spans[0].start))
    return copies
