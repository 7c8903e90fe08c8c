"""The JSON API under ``/api/v1``: read routes over the store, and ingest by upload."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, HTTPException, Query, Request, UploadFile

from chronik.web import queries
from chronik.web.app import state_of
from chronik.web.entityview import entity_detail, entity_index
from chronik.web.upload import ingest_uploads, safe_name

router = APIRouter(tags=["api"])

__all__ = ["router", "safe_name"]



def _found(value: Any, what: str, key: str) -> Any:
    if value is None:
        raise HTTPException(status_code=404, detail=f"no {what} with id {key!r}")
    return value


@router.get("/stories", summary="Stories", description="All stories, biggest first, with their number of "
            "articles and events, date span (`span.first`, `span.last`), top actors and outlets.")
def list_stories(request: Request) -> list[dict[str, Any]]:
    with state_of(request).store() as store:
        return queries.stories(store)


@router.get("/stories/{story_id}", summary="One story with its timeline",
            description="The story's summary fields plus `timeline` (its entries in date order; undated "
                        "entries have `date: null` and `precision: undated`) and `article_index` (headline "
                        "and outlet of every article the entries cite). 404 for an unknown id.")
def get_story(request: Request, story_id: str) -> dict[str, Any]:
    with state_of(request).store() as store:
        return _found(queries.story(store, story_id), "story", story_id)


@router.get("/timeline", summary="Timeline",
            description="The chronicle of the whole store, or of the event clusters whose articles match "
                        "the search `q` and/or belong to the story `story` (404 if that story is unknown).")
def get_timeline(request: Request,
                 q: Annotated[str | None, Query(max_length=500, description="German search terms")] = None,
                 story: Annotated[str | None, Query(max_length=200, description="story id")] = None,
                 ) -> list[dict[str, Any]]:
    with state_of(request).store() as store:
        if story and not queries.story_exists(store, story):
            raise HTTPException(status_code=404, detail=f"no story with id {story!r}")
        return queries.timeline_entries(store, q, story)


@router.get("/events", summary="Event mentions",
            description="Event mentions (trigger span, type, actors, time with precision, place, attribution, "
                        "modality) of all articles, or of the article `article` (404 if unknown).")
def list_events(request: Request,
                article: Annotated[str | None, Query(max_length=200, description="article id")] = None,
                ) -> list[dict[str, Any]]:
    with state_of(request).store() as store:
        return _found(queries.events(store, article), "article", article)


@router.get("/articles", summary="Articles (paginated)",
            description="Stored articles in storage order: `items`, with `total`, `limit` and `offset`.")
def list_articles(request: Request,
                  limit: Annotated[int | None, Query(ge=1, description="page size (at most 500)")] = None,
                  offset: Annotated[int, Query(ge=0, description="items to skip")] = 0) -> dict[str, Any]:
    options = state_of(request).options
    limit = limit or options.page_size
    if limit > options.max_page_size:
        raise HTTPException(status_code=422, detail=f"limit must be at most {options.max_page_size}")
    with state_of(request).store() as store:
        return queries.articles_page(store, limit, offset)


@router.get("/articles/{article_id}", summary="One article with its annotations",
            description="Cleaned `text` plus `mentions` (entities), `timexes` (with resolved `value`), "
                        "`events` and `copies` (passages shared with other articles), all as character "
                        "spans (`start`, `end`) into `text`. 404 for an unknown id.")
def get_article(request: Request, article_id: str) -> dict[str, Any]:
    with state_of(request).store() as store:
        return _found(queries.article(store, article_id), "article", article_id)


@router.get("/entities", summary="Entities",
            description="Canonical entities, most mentioned first; `type` (PER, ORG, LOC, MISC) and `q` (part of "
                        "a name or alias) narrow the list.")
def list_entities(request: Request,
                  type: Annotated[str | None, Query(pattern="^(PER|ORG|LOC|MISC)$", description="entity type")] = None,
                  q: Annotated[str, Query(max_length=200, description="part of a name or alias")] = "",
                  ) -> list[dict[str, Any]]:
    with state_of(request).store() as store:
        return entity_index(store, type, q)


@router.get("/entities/{entity_id}", summary="One entity",
            description="The entity with its aliases, `mention_count`, the articles mentioning it in publication "
                        "order (with mention spans, `date` and its `precision`), `over_time` (mention counts "
                        "per day, month or year of publication, `by` saying which, plus `undated`) and "
                        "`cooccurring` (entities sharing articles with it, with the number of shared `articles`).")
def get_entity(request: Request, entity_id: str) -> dict[str, Any]:
    with state_of(request).store() as store:
        return _found(entity_detail(store, entity_id), "entity", entity_id)


@router.get("/copies", summary="Shared passages (wire copy)",
            description="Passages two or more articles share, with each article's span and the article "
                        "that published it first where dates allow.")
def list_copies(request: Request) -> list[dict[str, Any]]:
    with state_of(request).store() as store:
        return queries.copies(store)


@router.get("/search", summary="Full-text search",
            description="German-stemmed search; umlauts may be spelt out (`oe` finds `ö`). Hits carry a "
                        "snippet and the spans of the matched words inside it.")
def get_search(request: Request,
               q: Annotated[str, Query(min_length=1, max_length=500, description="search terms")],
               limit: Annotated[int, Query(ge=1, le=100, description="maximum hits")] = 10) -> list[dict[str, Any]]:
    with state_of(request).store() as store:
        return queries.search_hits(store, q, limit)


@router.post("/ingest", summary="Ingest uploaded files",
             description="Multipart upload (field `files`, one or more). Each file is saved under a safe "
                         "name in a temporary folder and ingested like `chronik ingest`. Returns counts and "
                         "per-file rejections; `results` has one row per uploaded file (`file`, `status`: stored, "
                         "unchanged, duplicate, rejected or mixed, `articles`, `reasons`). 413 if a file is larger than the limit or there are too many.")
def ingest(request: Request, files: Annotated[list[UploadFile], File(description="files to ingest")]) -> dict[str, Any]:
    return ingest_uploads(state_of(request), files)
