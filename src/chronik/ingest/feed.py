"""RSS and Atom feeds (feedparser): one article per item, full text when the feed has it."""

from __future__ import annotations

import email.utils
import json
import time
from datetime import datetime
from typing import Iterator

from chronik.errors import InputError
from chronik.ingest.article import make_article
from chronik.ingest.markup import html_to_text
from chronik.model import Article, Rejection


def _date(entry) -> str | None:
    """The item's date in ISO 8601 with its own UTC offset (the local day stays the local day)."""
    for key in ("published", "updated"):
        given = entry.get(key)
        if not given:
            continue
        try:
            return datetime.fromisoformat(given).isoformat()  # Atom: RFC 3339
        except ValueError:
            pass
        try:
            return email.utils.parsedate_to_datetime(given).isoformat()  # RSS: RFC 822
        except (TypeError, ValueError):
            parsed = entry.get(f"{key}_parsed")
            return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed) if parsed else given
    return None


def read_feed(source: str, data: bytes) -> Iterator[Article | Rejection]:
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        reason = getattr(feed, "bozo_exception", None)
        raise InputError(source, f"not an RSS/Atom feed{': ' + str(reason) if reason else ' (no items)'}")
    outlet = feed.feed.get("title")
    for i, entry in enumerate(feed.entries):
        item = f"{source}#item{i + 1}"
        contents = entry.get("content") or []
        html = contents[0].get("value") if contents else entry.get("summary", "")
        text = html_to_text(html or "")
        title = entry.get("title")
        if not text.strip():
            yield Rejection(source=item, stage="ingest", reason="feed item has neither content nor summary")
            continue
        body = f"{title}\n\n{text}" if title and not text.startswith(title) else text
        raw = json.dumps({k: entry.get(k) for k in ("id", "title", "link", "published", "summary")}
                         | {"content": html}, ensure_ascii=False, default=str).encode("utf-8")
        yield make_article(
            source=item, format="feed", body=body, raw=raw, title=title, url=entry.get("link"),
            outlet=outlet, author=entry.get("author"), published=_date(entry),
            meta={"feed": source, "full_text": bool(contents)},
        )
