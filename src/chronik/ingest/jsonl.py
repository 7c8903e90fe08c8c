"""JSON Lines: one article per line (keys ``text``/``body``/``content``, ``title``, ``url``,
``published``/``date``, ``source``/``outlet``, ``author``)."""

from __future__ import annotations

import json
from typing import Any, Iterator

from chronik.ingest.article import make_article
from chronik.ingest.decode import decode
from chronik.ingest.markup import html_to_text
from chronik.model import Article, Rejection

TEXT_KEYS = ("text", "body", "content", "maintext")
DATE_KEYS = ("published", "date", "date_publish", "datePublished")


def json_values(text: str) -> Iterator[Any]:
    """The JSON values of a text that holds several, one after another (concatenated JSON)."""
    decoder = json.JSONDecoder()
    i = 0
    while True:
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            return
        value, i = decoder.raw_decode(text, i)
        yield value


def read_jsonl(source: str, data: bytes) -> Iterator[Article | Rejection]:
    text, _encoding = decode(data, source)
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejection(source=where, stage="ingest", reason=f"invalid JSON: {exc.msg} at column {exc.colno}")
            continue
        if not isinstance(obj, dict):
            yield Rejection(source=where, stage="ingest", reason="a JSON line must be an object")
            continue
        body = next((obj[k] for k in TEXT_KEYS if isinstance(obj.get(k), str) and obj[k].strip()), None)
        if body is None:
            yield Rejection(source=where, stage="ingest", reason=f"no article text (none of the keys {', '.join(TEXT_KEYS)})")
            continue
        body = html_to_text(body) if "<" in body and "</" in body else body.strip()
        title = obj.get("title") if isinstance(obj.get("title"), str) else None
        published = next((str(obj[k]) for k in DATE_KEYS if obj.get(k)), None)
        yield make_article(
            source=where, format="jsonl", body=body, raw=line.encode("utf-8"), title=title,
            url=obj.get("url"), outlet=obj.get("source") or obj.get("outlet"), author=obj.get("author"),
            published=published,
        )
