"""A demo store ingested once per session, and clients over it and over a fresh store."""

from __future__ import annotations

import pytest

fastapi = pytest.importorskip("fastapi", reason="the web extra (fastapi) is not installed")

from fastapi.testclient import TestClient  # noqa: E402

from chronik.demo import corpus_path  # noqa: E402
from chronik.runners import LocalRunner  # noqa: E402
from chronik.store import open_store  # noqa: E402
from chronik.web import create_app  # noqa: E402
from chronik.web.app import WebOptions  # noqa: E402


@pytest.fixture(scope="session")
def runner() -> LocalRunner:
    """One ingest runner for the whole session: its models load once."""
    return LocalRunner()


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory, runner) -> str:
    db = tmp_path_factory.mktemp("web") / "demo.db"
    with open_store(db) as store:
        runner.ingest([corpus_path()], store)
    return str(db)


@pytest.fixture(scope="session")
def client(demo_db) -> TestClient:
    """Read-only tests share this client; tests that write use ``fresh``."""
    return TestClient(create_app(demo_db))


@pytest.fixture
def fresh(tmp_path, runner) -> TestClient:
    """A client over an empty store with a small upload limit (4 KiB per file, 3 files)."""
    return TestClient(create_app(str(tmp_path / "fresh.db"), WebOptions(max_upload_bytes=4096, max_upload_files=3),
                                 runner=runner))


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory, runner) -> str:
    """The five seed articles ingested once per session (skipped when ../shared/seeds is absent)."""
    from tests.conftest import SHARED

    folder = SHARED / "seeds"
    files = sorted(str(p) for p in folder.glob("*.txt")) if folder.is_dir() else []
    if not files:
        pytest.skip(f"{folder} is absent or empty (set CHRONIK_SHARED to the shared folder)")
    db = tmp_path_factory.mktemp("web-seeds") / "seeds.db"
    with open_store(db) as store:
        report = runner.ingest(files, store)
    assert len(report.stored) == 5 and not report.rejected, report
    return str(db)


@pytest.fixture(scope="session")
def seeds_client(seeds_db) -> TestClient:
    return TestClient(create_app(seeds_db))
