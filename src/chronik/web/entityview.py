"""What the entity pages show: the index by type, and one entity with its articles,
mentions over time and the entities it shares articles with.

The store has no query "articles mentioning entity X", so :func:`entity_detail` reads
the articles once and collects everything in that one pass.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from chronik.model import Article, Entity
from chronik.store import Store
from chronik.web.coverage import reporter
from chronik.web.dates import article_when, sort_key

LABELS = ("PER", "ORG", "LOC", "MISC")


def entity_index(store: Store, label: str | None = None, query: str = "") -> list[dict[str, Any]]:
    """Entities, most mentioned first, of one type and/or whose name or alias contains ``query``."""
    needle = query.strip().casefold()
    out = []
    for e in store.entities():
        if label and e.label != label:
            continue
        if needle and not any(needle in n.casefold() for n in (e.name, *e.aliases)):
            continue
        out.append(e.to_dict())
    return sorted(out, key=lambda e: (-e["mentions"], e["name"]))


def name_links(entities: list[Entity]) -> dict[str, str]:
    """Canonical name -> entity id (the most mentioned entity wins a shared name), for linking names."""
    out: dict[str, str] = {}
    for e in sorted(entities, key=lambda e: (-e.mentions, e.id)):
        out.setdefault(e.name, e.id)
    return out


def _bucket(value: str | None, by: str) -> str | None:
    if not value:
        return None
    return value[:10] if by == "day" else value[:7] if by == "month" else value[:4]


def _months(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def mentions_over_time(rows: list[tuple[str | None, str, int]], max_bars: int = 36) -> dict[str, Any]:
    """Mention counts per period from ``(date, precision, mentions)`` per article.

    Per day when every dated article falls in one month and is known to the day, else per
    month (empty months shown as zero), per year when that would exceed ``max_bars``.
    Articles without any date are counted apart (``undated``).
    """
    dated = [(v, p, n) for v, p, n in rows if v and len(v) >= 7]
    coarse = [(v, p, n) for v, p, n in rows if v and len(v) < 7]  # known to the year only
    undated = sum(n for v, _, n in rows if not v)
    if not dated and not coarse:
        return {"by": None, "bars": [], "undated": undated}
    months = sorted({v[:7] for v, _, _ in dated})
    if dated and not coarse and len(months) == 1 and all(p == "day" for _, p, _ in dated):
        by = "day"
    elif dated and not coarse and len(_months(months[0], months[-1])) <= max_bars:
        by = "month"
    else:
        by = "year"
    counts: Counter[str] = Counter()
    for v, _, n in dated + coarse:
        counts[_bucket(v, by)] += n
    if by == "month":
        keys = _months(months[0], months[-1])
    elif by == "year":
        years = sorted(counts)
        keys = [str(y) for y in range(int(years[0]), int(years[-1]) + 1)]
    else:
        keys = sorted(counts)
    return {"by": by, "bars": [{"period": k, "count": counts.get(k, 0)} for k in keys], "undated": undated}


def _summary(a: Article, mentions: list[dict[str, Any]]) -> dict[str, Any]:
    value, precision = article_when(a)
    return {"id": a.id, "headline": a.headline(), "title": a.title, "source": a.source, "outlet": a.outlet,
            "url": a.url, "author": a.author, "published": a.published, "lang": a.lang, "reporter": reporter(a),
            "date": value, "precision": precision, "mentions": mentions}


def entity_detail(store: Store, entity_id: str, top: int = 30) -> dict[str, Any] | None:
    """One entity with its articles (publication order), mentions over time and co-occurring entities."""
    entities = {e.id: e for e in store.entities()}
    found = entities.get(entity_id)
    if found is None:
        return None
    seen: list[tuple[Article, list[dict[str, Any]]]] = []
    shared: Counter[str] = Counter()
    for a in store.iter_articles(raw=False):
        spans = [{"start": m.start, "end": m.end, "text": a.text[m.start:m.end]}
                 for m in a.mentions if m.entity == entity_id]
        if not spans:
            continue
        seen.append((a, spans))
        shared.update({m.entity for m in a.mentions if m.entity and m.entity != entity_id and m.entity in entities})
    seen.sort(key=lambda pair: sort_key(pair[0]))
    articles = [_summary(a, spans) for a, spans in seen]
    cooccurring = [{"id": oid, "name": entities[oid].name, "label": entities[oid].label, "articles": n}
                   for oid, n in sorted(shared.items(), key=lambda kv: (-kv[1], entities[kv[0]].name))[:top]]
    over_time = mentions_over_time([(r["date"], r["precision"], len(r["mentions"])) for r in articles])
    return found.to_dict() | {"mention_count": sum(len(r["mentions"]) for r in articles),
                              "articles": articles, "cooccurring": cooccurring, "over_time": over_time}


def alias_queries(entities: list[Entity], query: str, limit: int = 3) -> list[str]:
    """``query`` rewritten with canonical names where it names an entity by an alias.

    "Pyongyang" becomes "Pjöngjang" when an entity called Pjöngjang has that alias. Only
    aliases that belong to one entity alone count ("Machthaber" naming two people does not),
    matched against the whole query or one of its words.
    """
    owners: dict[str, set[str]] = {}
    for e in entities:
        for n in (e.name, *e.aliases):
            owners.setdefault(n.casefold(), set()).add(e.id)
    words = query.split()
    folded = [w.casefold() for w in words]
    whole = " ".join(folded)
    out: list[str] = []
    for e in sorted(entities, key=lambda e: (-e.mentions, e.id)):
        for alias in e.aliases:
            key = alias.casefold()
            if len(key) < 3 or owners.get(key) != {e.id} or key == e.name.casefold():
                continue
            if key == whole:
                rewritten = e.name
            elif " " not in key and key in folded:
                rewritten = " ".join(e.name if w == key else words[i] for i, w in enumerate(folded))
            else:
                continue
            if rewritten.casefold() != whole and rewritten not in out:
                out.append(rewritten)
    return out[:limit]
