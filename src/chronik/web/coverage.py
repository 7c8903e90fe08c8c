"""Who reported a story, when, and what each article added (novelty).

Novelty is :class:`chronik.stories.NoveltyScorer` over the story's articles, the same
computation as ``chronik export novelty``: articles in order of their earliest possible
publication date; a sentence is new when no earlier article of the story carried most of
its content words in one sentence.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from chronik.model import Article
from chronik.store import Store
from chronik.stories import NoveltyScorer
from chronik.timeline.assemble import cluster_members
from chronik.web.dates import article_when


def reporter(article: Article) -> str:
    """Who published it: the outlet, else the web site of its URL, else the file it came from."""
    if article.outlet:
        return article.outlet
    if article.url:
        host = urlsplit(article.url).hostname
        if host:
            return host.removeprefix("www.")
    path = article.source.partition("#")[0]
    return PurePosixPath(path.replace("\\", "/")).name or article.source


def cited(article: Article, top: int = 6) -> list[str]:
    """Whom the article attributes its events to ("laut KCNA", "nach Angaben von ..."), most often first."""
    counts: dict[str, int] = {}
    for e in article.events:
        if e.attribution and len(e.attribution) > 2:
            counts[e.attribution] = counts.get(e.attribution, 0) + 1
    return [name for name, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]]


def story_articles(store: Store, story_id: str) -> list[Article]:
    members, story_of = cluster_members(store)
    out: dict[str, Article] = {}
    for cid, arts in sorted(members.items()):
        if story_of.get(cid) == story_id:
            for a in arts:
                out.setdefault(a.id, a)
    return list(out.values())


def coverage(articles: list[Article], scorer: NoveltyScorer | None = None) -> list[dict[str, Any]]:
    """Per article of a story, in publication order: who, when, headline, and its new sentences."""
    by_id = {a.id: a for a in articles}
    out = []
    for n in (scorer or NoveltyScorer())(articles):
        a = by_id[n.article]
        value, precision = article_when(a)
        out.append({"id": a.id, "headline": a.headline(), "reporter": reporter(a), "outlet": a.outlet,
                    "url": a.url, "date": value, "precision": precision, "first_in_story": n.first_in_story,
                    "novel": [a.text[a.sentences[i].start:a.sentences[i].end].strip() for i in n.novel],
                    "known": len(n.known), "cites": cited(a)})
    return out
