"""Building an :class:`Article` from what a reader found."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from chronik.ingest.ids import content_id
from chronik.model import Article


def outlet_of(url: str | None) -> str | None:
    """The host of ``url`` without ``www.``, as a fallback outlet name."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def make_article(*, source: str, format: str, body: str, raw: bytes, header_end: int = 0,
                 title: str | None = None, url: str | None = None, outlet: str | None = None,
                 author: str | None = None, published: str | None = None,
                 meta: dict[str, Any] | None = None) -> Article:
    """An article with its content-hash id (over the text after any header)."""
    return Article(
        id=content_id(body[header_end:]),
        source=source,
        format=format,
        body=body,
        raw=raw,
        header_end=header_end,
        title=title or None,
        url=url or None,
        outlet=outlet or outlet_of(url),
        author=author or None,
        published=published or None,
        meta=meta or {},
    )
