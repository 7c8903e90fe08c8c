"""Shared fixtures: where ../shared is, and builders for input files."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from chronik.config import shared_dir

REPO = Path(__file__).resolve().parents[1]
SHARED = shared_dir(REPO)


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (set CHRONIK_SHARED to the shared folder)")
    return path


@pytest.fixture
def seeds() -> Path:
    return shared_path("seeds")


def html_page(title: str, paragraphs: list[str], *, site: str = "Testblatt", date: str = "2024-03-05") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<!DOCTYPE html><html lang='de'><head>"
        f"<title>{title} | {site}</title>"
        f"<meta property='og:site_name' content='{site}'>"
        f"<meta property='og:title' content='{title}'>"
        f"<meta property='article:published_time' content='{date}T09:30:00+01:00'>"
        "<meta name='author' content='Erika Muster'>"
        "</head><body><nav><a href='/'>Start</a> <a href='/politik'>Politik</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        "<footer>Impressum · Datenschutz · Kontakt</footer></body></html>"
    )


def _warc_record(kind: str, url: str, block: bytes, n: int) -> bytes:
    ctype = "application/http; msgtype=response" if kind == "response" else "application/http; msgtype=request"
    head = (
        "WARC/1.0\r\n"
        f"WARC-Type: {kind}\r\n"
        f"WARC-Target-URI: {url}\r\n"
        "WARC-Date: 2024-03-05T09:30:00Z\r\n"
        f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{n:012d}>\r\n"
        f"Content-Type: {ctype}\r\n"
        f"Content-Length: {len(block)}\r\n\r\n"
    )
    return head.encode() + block + b"\r\n\r\n"


def warc_bytes(pages: list[tuple[str, str]], *, gzipped: bool) -> bytes:
    """A WARC (gzipped per record, as crawlers write it) with a request and an HTML response per page."""
    records = []
    for i, (url, html) in enumerate(pages):
        payload = html.encode("utf-8")
        http = (f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                f"Content-Length: {len(payload)}\r\n\r\n").encode() + payload
        records.append(_warc_record("request", url, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n", 2 * i))
        records.append(_warc_record("response", url, http, 2 * i + 1))
    return b"".join(gzip.compress(r) for r in records) if gzipped else b"".join(records)


def gz(data: bytes) -> bytes:
    return gzip.compress(data)


LONG_DE = [
    "Der Gemeinderat von Talheim hat am Dienstag nach langer Debatte den Bau einer neuen Brücke über den Fluss beschlossen.",
    "Die Kosten werden auf rund zwölf Millionen Euro geschätzt, teilte der Bürgermeister nach der Sitzung mit.",
    "Anwohner hatten seit Jahren über Staus und Umwege geklagt, weil die alte Brücke nur einspurig befahrbar ist.",
    "Baubeginn soll im kommenden Frühjahr sein; die Arbeiten dauern nach Angaben der Verwaltung etwa zwei Jahre.",
]


# -- store backends: every runner test marked with the `backend` fixture runs on both ----------


@pytest.fixture(scope="session")
def pg_server():
    """One throwaway PostgreSQL cluster for the session (tests/store/pg_server.py), or skip."""
    from tests.store.pg_server import PgServer

    server = PgServer()
    reason = server.missing()
    if reason:
        pytest.skip(f"PostgreSQL backend not tested: {reason}")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("PostgreSQL backend not tested: psycopg is not installed (pip install 'chronik[postgres]')")
    server.start()
    try:
        yield server
    finally:
        server.stop()


class Backend:
    """A store backend for a test: ``url(label)`` gives a fresh, empty store location."""

    def __init__(self, name: str, tmp_path: Path, server=None) -> None:
        self.name = name
        self.tmp_path = tmp_path
        self.server = server

    def url(self, label: str = "t") -> str:
        if self.name == "sqlite":
            return str(self.tmp_path / f"{label}.db")
        return self.server.create_database()

    def __repr__(self) -> str:
        return f"Backend({self.name})"


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request, tmp_path) -> Backend:
    """Parametrises a test over the SQLite and the PostgreSQL store."""
    server = request.getfixturevalue("pg_server") if request.param == "postgres" else None
    return Backend(request.param, tmp_path, server)
