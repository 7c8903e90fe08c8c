"""The FastAPI application: options, per-request stores, error bodies, static files."""

from __future__ import annotations

import threading
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from typing import Iterator

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from starlette.exceptions import HTTPException as StarletteHTTPException

from chronik import __version__
from chronik.config import db_url as configured_db_url
from chronik.errors import ChronikError
from chronik.runners import LocalRunner
from chronik.store import Store, open_store
from chronik.web.i18n import Translator, load_strings, pick

API_PREFIX = "/api/v1"


@dataclass(frozen=True, slots=True, kw_only=True)
class WebOptions:
    max_upload_bytes: int = 10 * 1024 * 1024  # per file
    max_upload_files: int = 50
    page_size: int = 50  # default ``limit`` of paginated lists
    max_page_size: int = 500


class WebState:
    """What the app keeps between requests: where the store is, and one lock for writers.

    SQLite connections cannot move between threads, so every request opens its own store
    (:meth:`store`); ingests are serialised by ``ingest_lock``.
    """

    def __init__(self, db_url: str, options: WebOptions, runner: LocalRunner | None = None) -> None:
        self.db_url = db_url
        self.options = options
        self.ingest_lock = threading.Lock()
        self._runner: LocalRunner | None = runner
        self.strings = load_strings()
        folder = str(resources.files("chronik.web").joinpath("templates"))
        self.templates = Jinja2Templates(env=Environment(loader=FileSystemLoader(folder), autoescape=True))

    @contextmanager
    def store(self) -> Iterator[Store]:
        store = open_store(self.db_url)
        try:
            yield store
        finally:
            store.close()

    def runner(self) -> LocalRunner:
        """The ingest runner, built on first use (its models take seconds to load); hold ``ingest_lock``."""
        if self._runner is None:
            self._runner = LocalRunner()
        return self._runner

    def translator(self, request: Request) -> Translator:
        return Translator(pick(request.query_params.get("lang")), self.strings)


def state_of(request: Request) -> WebState:
    return request.app.state.chronik


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith(API_PREFIX)


def build_app(db_url: str | None = None, options: WebOptions | None = None, *,
              runner: LocalRunner | None = None) -> FastAPI:
    from chronik.web.api import router as api_router
    from chronik.web.pages import router as page_router

    app = FastAPI(title="chronik", version=__version__,
                  description="A sourced chronicle from German news: stories, timelines, events, "
                              "articles with their annotations as character spans, shared wire copy, search "
                              "and ingest by upload.",
                  openapi_url=f"{API_PREFIX}/openapi.json", docs_url=None, redoc_url=None)
    app.state.chronik = WebState(str(db_url or configured_db_url()), options or WebOptions(), runner)
    app.include_router(api_router, prefix=API_PREFIX)
    app.include_router(page_router)
    app.mount("/static", StaticFiles(directory=str(resources.files("chronik.web").joinpath("static"))),
              name="static")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if _wants_json(request):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        return _error_page(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError):
        detail = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
                  for e in exc.errors()]
        if _wants_json(request):
            return JSONResponse({"detail": detail}, status_code=422)
        return _error_page(request, 422, "; ".join(f"{'.'.join(map(str, d['loc']))}: {d['msg']}" for d in detail))

    @app.exception_handler(ChronikError)
    async def chronik_error(request: Request, exc: ChronikError):
        if _wants_json(request):
            return JSONResponse({"detail": str(exc)}, status_code=500)
        return _error_page(request, 500, str(exc))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):  # a bug below the web layer: say so, in the right format
        message = f"internal error ({type(exc).__name__}); see the server log"
        if _wants_json(request):
            return JSONResponse({"detail": message}, status_code=500)
        return _error_page(request, 500, message)

    return app


def _error_page(request: Request, status: int, message: str):
    state = state_of(request)
    t = state.translator(request)
    return state.templates.TemplateResponse(request, "error.html", {"t": t, "lang": t.lang, "status": status,
                                                                    "message": message}, status_code=status)
