"""The Dask runner against the local runner, on a real LocalCluster on loopback.

Each comparison runs on both store backends (the ``backend`` fixture in tests/conftest.py):
the local and the Dask runner must leave the same store behind on SQLite and on PostgreSQL.
"""

import os
from pathlib import Path

import pytest

pytest.importorskip("distributed", reason="dask[distributed] is not installed (pip install 'chronik[dask]')")

from chronik.demo import corpus_path  # noqa: E402
from chronik.runners import LocalRunner  # noqa: E402
from chronik.runners.dask import DaskRunner  # noqa: E402
from chronik.store import open_store  # noqa: E402

# distributed's own sockets are sometimes collected late; not ours to fix
pytestmark = [pytest.mark.filterwarnings("ignore::ResourceWarning"),
              pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")]

SHARED = Path(os.environ.get("CHRONIK_SHARED", Path(__file__).resolve().parents[2] / ".." / "shared"))


@pytest.fixture(scope="module")
def dask_runner():
    with DaskRunner(workers=2) as runner:
        yield runner


def _snapshot(store):
    articles = {a.id: (a.text, a.title, a.published, tuple(store.sources(a.id))) for a in store.iter_articles()}
    copies = sorted((c.a, c.a_start, c.a_end, c.b, c.b_start, c.b_end) for c in store.copy_links())
    near = sorted(repr(n) for n in store.near_duplicates())
    order = [a.id for a in store.iter_articles()]
    clusters = sorted(store.cluster_assignments().items())  # the workers' embeddings give the same clusters
    return articles, copies, near, order, clusters


def _compare(backend, dask_runner, inputs):
    with open_store(backend.url("local")) as store:
        local = LocalRunner().ingest(inputs, store)
        expected = _snapshot(store)
    with open_store(backend.url("dask")) as store:
        report = dask_runner.ingest(inputs, store)
        got = _snapshot(store)
    assert report.files == local.files
    assert sorted(report.stored) == sorted(local.stored) and report.stored
    assert sorted(d.article for d in report.duplicates) == sorted(d.article for d in local.duplicates)
    assert sorted(r.source for r in report.rejected) == sorted(r.source for r in local.rejected)
    assert got[0] == expected[0]  # same ids, same cleaned texts, titles, dates and sources
    assert got[1] == expected[1]  # same copies
    assert got[2] == expected[2]  # same near-duplicates
    assert got[3] == expected[3]  # stored in the same order
    assert got[4] == expected[4] and got[4]  # same event clusters
    return report


def test_dask_equals_local_on_demo_corpus(backend, dask_runner):
    _compare(backend, dask_runner, [corpus_path()])


def test_dask_equals_local_on_seeds(backend, dask_runner):
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"seed articles not found at {seeds} (set CHRONIK_SHARED)")
    _compare(backend, dask_runner, [seeds])


def test_dask_second_run_stores_nothing(backend, dask_runner):
    with open_store(backend.url("again")) as store:
        first = dask_runner.ingest([corpus_path()], store)
        again = dask_runner.ingest([corpus_path()], store)
        assert again.stored == [] and sorted(again.unchanged) == sorted(first.stored)
        assert store.count_articles() == len(first.stored)


def test_dask_per_file_boilerplate_stores_the_same_articles(tmp_path, dask_runner):
    address = dask_runner.client().scheduler.address  # a second client on the same cluster
    with DaskRunner(scheduler=address, boilerplate="file") as runner, open_store(tmp_path / "f.db") as store:
        report = runner.ingest([corpus_path()], store)
    with open_store(tmp_path / "l.db") as store:
        local = LocalRunner().ingest([corpus_path()], store)
    assert sorted(report.stored) == sorted(local.stored)
    assert sorted(d.article for d in report.duplicates) == sorted(d.article for d in local.duplicates)


def test_dask_runner_rejects_unknown_boilerplate_mode():
    with pytest.raises(ValueError):
        DaskRunner(workers=1, boilerplate="outlet")


def test_dask_local_cluster_starts_when_port_8787_is_taken(tmp_path):
    """Another Dask cluster on the machine holds the default dashboard port: ours still starts."""
    import socket

    holder = socket.socket()
    try:
        holder.bind(("0.0.0.0", 8787))
    except OSError:
        holder.close()
        pytest.skip("port 8787 is already taken on this machine; the condition under test holds anyway")
    holder.listen()
    try:
        (tmp_path / "in").mkdir()
        (tmp_path / "in" / "a.txt").write_text(
            "date 2024-03-05\ntitle Radweg\n\nDer Gemeinderat von Felsbach hat am Dienstag den Bau eines neuen "
            "Radwegs beschlossen. Die Arbeiten sollen im Mai beginnen.\n", encoding="utf-8")
        with DaskRunner(workers=1) as runner, open_store(tmp_path / "d.db") as store:
            report = runner.ingest([tmp_path / "in"], store)
        assert len(report.stored) == 1
    finally:
        holder.close()
