"""Timelines from what the store holds: clusters, their articles, entities and stories."""

from __future__ import annotations

from collections import defaultdict

from chronik.model import Article, TimelineEntry
from chronik.store import Store
from chronik.text.stems import Stemmer
from chronik.timeline.build import TimelineBuilder, TimelineOptions


def cluster_members(store: Store) -> tuple[dict[str, list[Article]], dict[str, str]]:
    """Event cluster id -> its articles, and cluster id -> story id."""
    articles = {a.id: a for a in store.iter_articles(raw=False)}
    members: dict[str, list[Article]] = defaultdict(list)
    for aid, cid in store.cluster_assignments().items():
        if aid in articles:
            members[cid].append(articles[aid])
    story_of = {cid: s.id for s in store.stories() for cid in s.clusters}
    return dict(members), story_of


def timeline(store: Store, query: str | None = None, *, story: str | None = None,
             options: TimelineOptions | None = None) -> list[TimelineEntry]:
    """The chronicle of the store, or of the clusters whose articles match ``query`` / belong to ``story``."""
    members, story_of = cluster_members(store)
    if query:
        hits = {aid for aid, _ in store.search_ids(list(dict.fromkeys(Stemmer().terms(query))), 100_000)}
        members = {cid: arts for cid, arts in members.items() if any(a.id in hits for a in arts)}
    if story:
        members = {cid: arts for cid, arts in members.items() if story_of.get(cid) == story}
    entities = {e.id: e for e in store.entities()}
    return TimelineBuilder(options).entries(members, entities=entities, stories=story_of)
