"""Plain-text articles, with optional leading header lines (see :mod:`chronik.ingest.header`)."""

from __future__ import annotations

from typing import Iterator

from chronik.errors import InputError
from chronik.ingest.article import make_article
from chronik.ingest.decode import decode
from chronik.ingest.header import parse_header
from chronik.model import Article


def read_txt(source: str, data: bytes) -> Iterator[Article]:
    text, encoding = decode(data, source)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    fields, header_end = parse_header(text)
    if not text[header_end:].strip():
        raise InputError(source, "no article text (empty file or header only)")
    yield make_article(
        source=source, format="txt", body=text, raw=data, header_end=header_end,
        title=fields.get("title"), url=fields.get("url"),
        outlet=fields.get("source") or fields.get("outlet"), author=fields.get("author"),
        published=fields.get("date"), meta={"encoding": encoding, "header": fields},
    )
