"""Server-rendered pages (Jinja2, autoescaped): stories, a story, an article, entities, search, upload."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile as StarletteUpload

from chronik.web import queries, vistimeline
from chronik.web.app import state_of
from chronik.web.charts import bar_chart, star_graph
from chronik.web.coverage import coverage, reporter, story_articles
from chronik.web.entityview import LABELS, entity_detail, entity_index, name_links
from chronik.web.highlight import pieces
from chronik.web.upload import chosen, ingest_uploads

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
        links = name_links(store.entities())
    return _render(request, "index.html", stories=stories, links=links)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str) -> HTMLResponse:
    with state_of(request).store() as store:
        story = _found(queries.story(store, story_id), f"no story with id {story_id!r}")
        articles = story_articles(store, story_id)
        links = name_links(store.entities())
    reports = coverage(articles)
    reporters = sorted({reporter(a) for a in articles})
    entries = [e | {"n": i} for i, e in enumerate(story["timeline"])]
    dated = [e for e in entries if e["date"]]
    undated = [e for e in entries if not e["date"]]
    vis = vistimeline.items(entries, state_of(request).translator(request).date, _first_day(story["span"]["first"]))
    when = {r["id"]: {"reporter": r["reporter"], "date": r["date"], "precision": r["precision"]} for r in reports}
    index = {aid: a | when.get(aid, {}) for aid, a in story["article_index"].items()}
    return _render(request, "story.html", story=story, dated=dated, undated=undated, index=index, vis=vis,
                   coverage=reports, reporters=reporters, links=links)


def _first_day(value: str | None) -> str | None:
    span = vistimeline.period(value, "day")
    return span[0].isoformat() if span else None


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str) -> HTMLResponse:
    with state_of(request).store() as store:
        article = _found(queries.article(store, article_id), f"no article with id {article_id!r}")
    parts = pieces(article["text"], mentions=article["mentions"], timexes=article["timexes"],
                   copies=article["copies"])
    named: dict[str, dict[str, Any]] = {}
    for m in article["mentions"]:
        if m["entity"]:
            row = named.setdefault(m["entity"], {"id": m["entity"], "name": m["name"], "label": m["label"], "n": 0})
            row["n"] += 1
    people = sorted(named.values(), key=lambda r: (-r["n"], r["name"]))
    return _render(request, "article.html", article=article, pieces=parts, named=people)


@router.get("/entities", response_class=HTMLResponse)
def entities_page(request: Request, type: Annotated[str, Query(max_length=10)] = "",
                  q: Annotated[str, Query(max_length=200)] = "") -> HTMLResponse:
    label = type if type in LABELS else ""
    with state_of(request).store() as store:
        rows = entity_index(store, label or None, q)
    return _render(request, "entities.html", entities=rows, label=label, q=q, labels=LABELS)


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(request: Request, entity_id: str) -> HTMLResponse:
    with state_of(request).store() as store:
        entity = _found(entity_detail(store, entity_id), f"no entity with id {entity_id!r}")
    chart = bar_chart(entity["over_time"]["bars"])
    graph = star_graph({"id": entity["id"], "name": entity["name"], "label": entity["label"]}, entity["cooccurring"])
    return _render(request, "entity.html", entity=entity, chart=chart, graph=graph)


@router.get("/upload", response_class=HTMLResponse)
def upload_page(request: Request) -> HTMLResponse:
    state = state_of(request)
    return _render(request, "upload.html", result=None, options=state.options)


@router.post("/upload", response_class=HTMLResponse)
async def upload_post(request: Request) -> HTMLResponse:
    """The upload form without JavaScript: a plain multipart post, answered with the result page.

    The form is read by hand: a browser sends an empty file input as a nameless part, which
    is no ``UploadFile`` and would otherwise be a 422.
    """
    state = state_of(request)
    form = await request.form(max_files=state.options.max_upload_files + 1)
    try:
        picked = chosen([f for f in form.getlist("files") if isinstance(f, StarletteUpload)])
        if not picked:
            return _render(request, "upload.html", result=None, options=state.options, nothing=True)
        result = await run_in_threadpool(ingest_uploads, state, picked)
    finally:
        await form.close()
    return _render(request, "upload.html", result=result, options=state.options)


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
