"""Event clusters linked into stories: storylines that share their actors and their topic.

Two clusters belong to one story when they share enough of their *core* entities (the
people, organisations and places most mentioned in each) or, sharing at least one core
entity, enough of their vocabulary. Stories are the connected components of these links,
so the result depends only on the set of clusters, not on the order they arrived in; a new
cluster either joins the stories it links to (merging them) or starts its own.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Mapping

from chronik.disjoint import DisjointSets
from chronik.model import Story


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryOptions:
    core: int = 8  # entities per cluster that count as its core
    min_entity_overlap: float = 0.25  # weighted Jaccard of core entities that links two clusters
    min_term_cosine: float = 0.2  # vocabulary cosine that links clusters sharing a core entity
    max_gap_days: int = 730  # clusters further apart in time never link


@dataclass(frozen=True, slots=True, kw_only=True)
class ClusterProfile:
    """What story linking knows of an event cluster."""

    id: str
    entities: Mapping[str, float]  # canonical entity -> weight (mentions)
    terms: Mapping[str, float]  # content term -> weight
    day: int | None = None  # ordinal of the cluster's date, if known
    title: str = ""


def _core(profile: ClusterProfile, n: int) -> dict[str, float]:
    top = sorted(profile.entities.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
    total = sum(w for _, w in top) or 1.0
    return {k: w / total for k, w in top}


def _weighted_jaccard(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    keys = a.keys() | b.keys()
    num = sum(min(a.get(k, 0.0), b.get(k, 0.0)) for k in keys)
    den = sum(max(a.get(k, 0.0), b.get(k, 0.0)) for k in keys)
    return num / den if den else 0.0


def _cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(w * b.get(k, 0.0) for k, w in a.items())
    na = math.sqrt(sum(w * w for w in a.values()))
    nb = math.sqrt(sum(w * w for w in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def linked(a: ClusterProfile, b: ClusterProfile, options: StoryOptions) -> bool:
    if a.day is not None and b.day is not None and abs(a.day - b.day) > options.max_gap_days:
        return False
    ca, cb = _core(a, options.core), _core(b, options.core)
    if not (ca.keys() & cb.keys()):
        return False
    return _weighted_jaccard(ca, cb) >= options.min_entity_overlap or _cosine(a.terms, b.terms) >= options.min_term_cosine


def link_stories(profiles: Iterable[ClusterProfile], options: StoryOptions | None = None) -> list[Story]:
    """Stories over the given clusters (connected components of the links), largest first."""
    options = options or StoryOptions()
    items = sorted(profiles, key=lambda p: p.id)
    sets = DisjointSets(p.id for p in items)

    by_entity: dict[str, list[int]] = {}
    for i, p in enumerate(items):
        for e in _core(p, options.core):
            by_entity.setdefault(e, []).append(i)
    seen: set[tuple[int, int]] = set()
    for members in by_entity.values():
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                i, j = members[x], members[y]
                if (i, j) in seen:
                    continue
                seen.add((i, j))
                if linked(items[i], items[j], options):
                    sets.union(items[i].id, items[j].id)
    groups: dict[str, list[ClusterProfile]] = {}
    for p in items:
        groups.setdefault(sets.find(p.id), []).append(p)
    stories = []
    for members in groups.values():
        ids = tuple(sorted(p.id for p in members))
        entities: Counter = Counter()
        for p in members:
            entities.update(p.entities)
        title = ", ".join(e for e, _ in entities.most_common(3))
        sid = "s" + hashlib.sha256("|".join(ids).encode()).hexdigest()[:11]
        stories.append(Story(id=sid, title=title, clusters=ids))
    stories.sort(key=lambda s: (-len(s.clusters), s.id))
    return stories
