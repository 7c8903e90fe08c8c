"""HTML pages: main text and metadata (title, date, site, author) via trafilatura."""

from __future__ import annotations

import warnings
from typing import Any, Iterator

from chronik.errors import InputError
from chronik.ingest.article import make_article
from chronik.ingest.decode import decode
from chronik.model import Article

# Dates only from the page's own metadata and markup; never the wall clock or guesses.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def extract_html(html: str, source: str, url: str | None = None) -> dict[str, Any]:
    """trafilatura's text and metadata for one page; raises :class:`InputError` when it finds no text."""
    import trafilatura

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            doc = trafilatura.bare_extraction(
                html, url=url, with_metadata=True, include_comments=False, include_tables=False,
                date_extraction_params=_DATE_PARAMS,
            )
        except Exception as exc:  # trafilatura/lxml raise many kinds on broken markup
            raise InputError(source, f"unparsable HTML ({type(exc).__name__}: {exc})") from exc
    fields = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    text = (fields.get("text") or "").strip()
    if not text:
        raise InputError(source, "no article text found in the HTML")
    return fields


def article_from_html(source: str, raw: bytes, html: str, *, format: str = "html",
                      url: str | None = None, published: str | None = None) -> Article:
    fields = extract_html(html, source, url)
    text = fields["text"].strip()
    return make_article(
        source=source, format=format, body=text, raw=raw, title=fields.get("title"),
        url=fields.get("url") or url, outlet=fields.get("sitename"), author=fields.get("author"),
        published=published or fields.get("date"),
        meta={k: fields[k] for k in ("description", "categories", "tags", "language") if fields.get(k)},
    )


def read_html(source: str, data: bytes) -> Iterator[Article]:
    html, _encoding = decode(data, source)
    if "<" not in html:
        raise InputError(source, "not HTML: no markup found")
    yield article_from_html(source, data, html)
