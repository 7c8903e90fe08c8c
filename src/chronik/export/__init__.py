"""JSON exports of what the store holds (``chronik export KIND --format json``).

Each exporter returns a list of JSON-safe objects; the shapes are stable interfaces
(see DESIGN.md).
"""

from __future__ import annotations

from typing import Any, Callable

from chronik.dedup import group_copies
from chronik.store import Store


def export_articles(store: Store) -> list[dict[str, Any]]:
    out = []
    for a in store.iter_articles(raw=False):
        inferred = a.published_inferred.to_dict() if a.published_inferred else None
        out.append({
            "id": a.id, "source": a.source, "sources": store.sources(a.id), "format": a.format,
            "outlet": a.outlet, "title": a.title, "headline": a.headline(), "url": a.url,
            "author": a.author, "published": a.published, "published_inferred": inferred,
            "lang": a.lang, "text": a.text, "sentences": len(a.sentences),
            "removed": [{"start": s.start, "end": s.end, "label": s.label, "text": a.body[s.start:s.end]}
                        for s in a.removed],
            "timexes": [{"start": t.start, "end": t.end, "text": a.text[t.start:t.end], "type": t.label,
                         "value": t.value, "mod": t.mod, "anchor": t.anchor} for t in a.timexes],
        })
    return out


def export_copies(store: Store) -> list[dict[str, Any]]:
    cache: dict = {}

    def get(article_id):
        if article_id not in cache:
            cache[article_id] = store.get_article(article_id)
        return cache[article_id]

    out = []
    for copy in group_copies(store.copy_links(), get):
        out.append({
            "id": copy.id, "text": copy.text, "first": copy.first, "first_reason": copy.first_reason,
            "articles": [{"id": s.article, "source": get(s.article).source, "start": s.start, "end": s.end,
                          "text": get(s.article).text[s.start:s.end]} for s in copy.spans],
        })
    return out


def export_entities(store: Store) -> list[dict[str, Any]]:
    return [e.to_dict() for e in store.entities()]


def export_events(store: Store) -> list[dict[str, Any]]:
    from chronik.events.export import events_to_json

    names = {e.id: e.name for e in store.entities()}
    return [row for a in store.iter_articles(raw=False) for row in events_to_json(a, names)]


def export_clusters(store: Store) -> list[dict[str, Any]]:
    from chronik.timeline.assemble import cluster_members

    members, story_of = cluster_members(store)
    return [{"id": cid, "story": story_of.get(cid),
             "articles": [{"id": a.id, "source": a.source} for a in sorted(arts, key=lambda a: a.id)]}
            for cid, arts in sorted(members.items())]


def export_stories(store: Store) -> list[dict[str, Any]]:
    from chronik.timeline.assemble import cluster_members

    members, _ = cluster_members(store)
    out = []
    for s in store.stories():
        arts = [a for c in s.clusters for a in members.get(c, [])]
        out.append(s.to_dict() | {"articles": sorted(a.id for a in arts),
                                  "outlets": sorted({a.outlet for a in arts if a.outlet})})
    return out


def export_novelty(store: Store) -> list[dict[str, Any]]:
    """Per article: its story, and the sentences no earlier article of that story carried."""
    from chronik.stories import NoveltyScorer
    from chronik.timeline.assemble import cluster_members

    members, story_of = cluster_members(store)
    by_story: dict[str, list] = {}
    for cid, arts in members.items():
        by_story.setdefault(story_of.get(cid) or cid, []).extend(arts)
    scorer = NoveltyScorer()
    out = []
    for story, arts in sorted(by_story.items()):
        texts = {a.id: a for a in arts}
        for n in scorer(arts):
            a = texts[n.article]
            out.append({"article": a.id, "source": a.source, "story": story, "first_in_story": n.first_in_story,
                        "novel": [a.text[a.sentences[i].start:a.sentences[i].end] for i in n.novel],
                        "known": len(n.known)})
    return out


def export_timeline(store: Store) -> list[dict[str, Any]]:
    from chronik.timeline.assemble import timeline

    return [e.to_dict() for e in timeline(store)]


def export_duplicates(store: Store) -> list[dict[str, Any]]:
    return [n.to_dict() for n in store.near_duplicates()]


def export_rejections(store: Store) -> list[dict[str, Any]]:
    return [r.to_dict() for r in store.rejections()]


EXPORTERS: dict[str, Callable[[Store], list[dict[str, Any]]]] = {
    "articles": export_articles,
    "copies": export_copies,
    "entities": export_entities,
    "events": export_events,
    "clusters": export_clusters,
    "stories": export_stories,
    "timeline": export_timeline,
    "novelty": export_novelty,
    "duplicates": export_duplicates,
    "rejections": export_rejections,
}
