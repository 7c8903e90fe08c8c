"""WARC and WARC.gz archives (warcio): every HTML response record is one article.

Records are streamed, never the whole archive in memory. A truncated or corrupt archive
yields the records before the damage and then one rejection naming where it stopped.
"""

from __future__ import annotations

import io
from typing import BinaryIO, Iterator

from chronik.errors import InputError
from chronik.ingest.decode import decode, looks_binary
from chronik.ingest.html import article_from_html
from chronik.model import Article, Rejection

_HTML_TYPES = ("text/html", "application/xhtml")


def read_warc(source: str, stream: BinaryIO) -> Iterator[Article | Rejection]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    count = 0
    try:
        for record in ArchiveIterator(stream):
            ctype = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
            wanted = record.rec_type == "response" and any(t in ctype for t in _HTML_TYPES)
            payload = record.content_stream().read() if wanted else None
            record.raw_stream.read()  # drain, so the check below sees the whole record
            if record.raw_stream.limit > 0:
                raise EOFError(f"record {record.rec_headers.get_header('WARC-Record-ID')} ends early")
            if not wanted:
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI")
            date = record.rec_headers.get_header("WARC-Date")
            where = f"{source}#{uri or count}"
            count += 1
            try:
                if looks_binary(payload):
                    raise InputError(where, "binary content, not HTML")
                html, _enc = decode(payload, where)
                article = article_from_html(where, payload, html, format="warc", url=uri)
            except InputError as exc:
                yield Rejection(source=where, stage="ingest", reason=exc.reason)
                continue
            yield article.replace(meta=dict(article.meta) | {"warc_date": date, "archive": source})
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
        reason = f"truncated or corrupt archive after {count} HTML records ({type(exc).__name__}: {exc})"
        yield Rejection(source=source, stage="ingest", reason=reason)
        return
    if count == 0:
        raise InputError(source, "no HTML response records in the archive")


def read_warc_bytes(source: str, data: bytes) -> Iterator[Article | Rejection]:
    return read_warc(source, io.BytesIO(data))
