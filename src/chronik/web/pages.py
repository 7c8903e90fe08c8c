"""Server-rendered pages (Jinja2, autoescaped): stories, a story's timeline, an article, search."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from chronik.web import queries, vistimeline
from chronik.web.app import state_of
from chronik.web.highlight import pieces

router = APIRouter(include_in_schema=False)


def _render(request: Request, template: str, **context: Any) -> HTMLResponse:
    state = state_of(request)
    t = state.translator(request)
    return state.templates.TemplateResponse(request, template, {"t": t, "lang": t.lang,
                                                                 "lq": "?lang=en" if t.lang == "en" else "", **context})


def _found(value: Any, message: str) -> Any:
    if value is None:
        raise HTTPException(status_code=404, detail=message)
    return value


@router.get("/", response_class=HTMLResponse)
def index(request: Request) -> HTMLResponse:
    with state_of(request).store() as store:
        stories = queries.stories(store)
    return _render(request, "index.html", stories=stories)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str) -> HTMLResponse:
    with state_of(request).store() as store:
        story = _found(queries.story(store, story_id), f"no story with id {story_id!r}")
    entries = [e | {"n": i} for i, e in enumerate(story["timeline"])]
    dated = [e for e in entries if e["date"]]
    undated = [e for e in entries if not e["date"]]
    vis = vistimeline.items(entries, state_of(request).translator(request).date, _first_day(story["span"]["first"]))
    return _render(request, "story.html", story=story, dated=dated, undated=undated,
                   index=story["article_index"], vis=vis)


def _first_day(value: str | None) -> str | None:
    span = vistimeline.period(value, "day")
    return span[0].isoformat() if span else None


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str) -> HTMLResponse:
    with state_of(request).store() as store:
        article = _found(queries.article(store, article_id), f"no article with id {article_id!r}")
    parts = pieces(article["text"], mentions=article["mentions"], timexes=article["timexes"],
                   copies=article["copies"])
    return _render(request, "article.html", article=article, pieces=parts)


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: Annotated[str, Query(max_length=500)] = "") -> HTMLResponse:
    hits = None
    if q.strip():
        with state_of(request).store() as store:
            hits = queries.search_hits(store, q, 20)
            for h in hits:
                h["pieces"] = _snippet_pieces(h["snippet"], h["marks"])
    return _render(request, "search.html", q=q, hits=hits)


def _snippet_pieces(snippet: str, marks: list[list[int]]) -> list[tuple[str, bool]]:
    out, pos = [], 0
    for start, end in sorted(marks):
        if start < pos:
            continue
        out.append((snippet[pos:start], False))
        out.append((snippet[start:end], True))
        pos = end
    out.append((snippet[pos:], False))
    return [p for p in out if p[0]]
