"""What the API and the pages show, assembled from a store as JSON-safe dicts.

Every function takes an open :class:`~chronik.store.Store` and returns plain data; the
routes turn ``None`` into a 404. Annotations are character spans into the cleaned text.
"""

from __future__ import annotations

from collections import Counter
from itertools import islice
from typing import Any

from chronik.events.export import events_to_json
from chronik.export import export_copies, export_stories
from chronik.model import Article, TimelineEntry
from chronik.store import Store
from chronik.store.search import search
from chronik.timeline.assemble import timeline
from chronik.web.entityview import alias_queries


def article_summary(store: Store, a: Article) -> dict[str, Any]:
    return {"id": a.id, "headline": a.headline(), "title": a.title, "source": a.source, "outlet": a.outlet,
            "url": a.url, "author": a.author, "published": a.published, "lang": a.lang}


def articles_page(store: Store, limit: int, offset: int) -> dict[str, Any]:
    items = [article_summary(store, a) for a in islice(store.iter_articles(raw=False), offset, offset + limit)]
    return {"total": store.count_articles(), "limit": limit, "offset": offset, "items": items}


def _entry(e: TimelineEntry) -> dict[str, Any]:
    return e.to_dict()


def _span(entries: list[TimelineEntry]) -> dict[str, str | None]:
    dates = sorted(e.date for e in entries if e.date)
    return {"first": dates[0] if dates else None, "last": dates[-1] if dates else None}


def stories(store: Store, top: int = 5) -> list[dict[str, Any]]:
    """Stories with their size, date span, top actors and outlets, biggest first."""
    by_story: dict[str, list[TimelineEntry]] = {}
    for e in timeline(store):
        if e.story:
            by_story.setdefault(e.story, []).append(e)
    out = []
    for s in export_stories(store):
        entries = by_story.get(s["id"], [])
        actors = Counter(a for e in entries for a in e.actors)
        out.append({"id": s["id"], "title": s["title"], "clusters": len(s["clusters"]),
                    "articles": len(s["articles"]), "events": len(entries), "span": _span(entries),
                    "top_actors": [name for name, _ in actors.most_common(top)], "outlets": s["outlets"]})
    return sorted(out, key=lambda s: (-s["articles"], s["id"]))


def story(store: Store, story_id: str) -> dict[str, Any] | None:
    found = next((s for s in stories(store) if s["id"] == story_id), None)
    if found is None:
        return None
    entries = timeline(store, story=story_id)
    titles = {}
    for e in entries:
        for aid in e.articles:
            if aid not in titles:
                a = store.get_article(aid)
                titles[aid] = article_summary(store, a) if a else {"id": aid, "headline": aid}
    return found | {"timeline": [_entry(e) for e in entries], "article_index": titles}


def story_exists(store: Store, story_id: str) -> bool:
    return any(s.id == story_id for s in store.stories())


def timeline_entries(store: Store, query: str | None, story_id: str | None) -> list[dict[str, Any]]:
    return [_entry(e) for e in timeline(store, query or None, story=story_id)]


def _names(store: Store) -> dict[str, str]:
    return {e.id: e.name for e in store.entities()}


def events(store: Store, article_id: str | None) -> list[dict[str, Any]] | None:
    names = _names(store)
    if article_id is None:
        return [row for a in store.iter_articles(raw=False) for row in events_to_json(a, names)]
    a = store.get_article(article_id)
    return None if a is None else events_to_json(a, names)


def copies_of(store: Store, article_id: str) -> list[dict[str, Any]]:
    """Passages this article shares with others: its span and the other article's span."""
    out = []
    for link in store.copy_links():
        if link.a == article_id:
            out.append({"start": link.a_start, "end": link.a_end, "other": link.b,
                        "other_start": link.b_start, "other_end": link.b_end, "tokens": link.tokens})
        elif link.b == article_id:
            out.append({"start": link.b_start, "end": link.b_end, "other": link.a,
                        "other_start": link.a_start, "other_end": link.a_end, "tokens": link.tokens})
    return sorted(out, key=lambda c: (c["start"], c["end"], c["other"]))


def article(store: Store, article_id: str) -> dict[str, Any] | None:
    a = store.get_article(article_id)
    if a is None:
        return None
    names = _names(store)
    shared = copies_of(store, a.id)
    headlines = {}
    for c in shared:
        if c["other"] not in headlines:
            other = store.get_article(c["other"])
            headlines[c["other"]] = other.headline() if other else c["other"]
        c["other_headline"] = headlines[c["other"]]
    return article_summary(store, a) | {
        "sources": store.sources(a.id),
        "text": a.text,
        "sentences": [{"start": s.start, "end": s.end} for s in a.sentences],
        "mentions": [{"start": m.start, "end": m.end, "label": m.label, "entity": m.entity,
                      "name": names.get(m.entity, a.text[m.start:m.end]) if m.entity else a.text[m.start:m.end],
                      "text": a.text[m.start:m.end]} for m in a.mentions],
        "timexes": [{"start": t.start, "end": t.end, "type": t.label, "value": t.value, "mod": t.mod,
                     "anchor": t.anchor, "text": a.text[t.start:t.end]} for t in a.timexes],
        "events": events_to_json(a, names),
        "copies": shared,
    }


def copies(store: Store) -> list[dict[str, Any]]:
    return export_copies(store)


def search_hits(store: Store, query: str, limit: int) -> list[dict[str, Any]]:
    """Hits for ``query``, then for the query with entity aliases replaced by canonical names
    (``via`` says which), so "Pyongyang" also finds "Pjöngjang"."""
    out: dict[str, dict[str, Any]] = {}
    for q in [query, *alias_queries(store.entities(), query)]:
        for h in search(store, q, limit=limit):
            if h.article not in out and len(out) < limit:
                out[h.article] = {"article": h.article, "title": h.title, "source": h.source, "score": h.score,
                                  "snippet": h.snippet, "marks": [list(m) for m in h.marks],
                                  "via": None if q == query else q}
    return list(out.values())
