"""Resumable backfill: kill the driver or a worker mid-run, each article stored once.

Run on both store backends (the ``backend`` fixture in tests/conftest.py).
"""

import io
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from chronik.runners import LocalRunner
from chronik.runners.backfill import Backfill
from chronik.store import open_store
from tests.runners.raw import count, done_files

# warcio's writer leaves its spooled temp files to the collector; distributed its sockets
pytestmark = [pytest.mark.filterwarnings("ignore::ResourceWarning"),
              pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")]

# our own German sentences (not from ../shared)
SATZ = [
    "Der Stadtrat von Birkenau hat am Mittwoch einen neuen Haushalt für das kommende Jahr verabschiedet.",
    "Die Verwaltung rechnet mit höheren Ausgaben für Schulen, Kindergärten und den Nahverkehr.",
    "Mehrere Fraktionen kritisierten die Pläne, weil die Rücklagen der Gemeinde deutlich schrumpfen.",
    "Der Kämmerer verteidigte den Entwurf und verwies auf steigende Energiepreise in der Region.",
    "Im Frühjahr soll zudem mit der Sanierung des Hallenbads begonnen werden, hieß es nach der Sitzung.",
    "Bürgerinnen und Bürger können ihre Einwände bis Ende des Monats im Rathaus vorbringen.",
]


def _page(n):
    body = "".join(f"<p>Meldung {n}: {s} Fall {n}, Absatz {k}.</p>" for k, s in enumerate(SATZ[n % 3 :] + SATZ[: n % 3]))
    return (f"<!DOCTYPE html><html lang='de'><head><title>Bericht {n} aus Birkenau</title>"
            f"<meta property='article:published_time' content='2024-05-{n % 28 + 1:02d}'></head>"
            f"<body><article><h1>Bericht {n} aus Birkenau</h1>{body}</article></body></html>").encode()


def write_warc(path, numbers):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for n in numbers:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(f"https://birkenau.example/bericht-{n}", "response",
                                               payload=io.BytesIO(_page(n)), http_headers=headers)
            writer.write_record(record)


def _manifest(tmp_path, files=3, per_file=12):
    lines = []
    for f in range(files):
        path = tmp_path / f"teil-{f}.warc.gz"
        write_warc(path, range(f * per_file, (f + 1) * per_file))
        lines.append(path.name)
    manifest = tmp_path / "manifest.txt"
    manifest.write_text("# Testarchiv\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return manifest


def test_backfill_local_is_resumable_and_reports_progress(tmp_path, backend):
    manifest = _manifest(tmp_path, files=3, per_file=4)
    seen = []
    with open_store(backend.url("b")) as store:
        final = Backfill(manifest, store, LocalRunner(), step=1, progress=seen.append).run()
        assert final.files_done == 3 and final.stored == 12 and final.errors == 0
        assert [p.files_done for p in seen] == [0, 1, 2, 3]
        assert store.count_articles() == 12
        again = Backfill(manifest, store, LocalRunner(), step=1).run()  # nothing left to do
        assert again.files_done == 3 and again.stored == 12 and store.count_articles() == 12


@pytest.mark.parametrize("runner", ["local", "dask"])
def test_backfill_killed_driver_resumes_and_stores_each_article_once(tmp_path, backend, runner):
    if runner == "dask":
        pytest.importorskip("distributed", reason="dask[distributed] is not installed")
    per_file = 12
    manifest = _manifest(tmp_path, files=3, per_file=per_file)
    db = backend.url("kill")
    # local: one file per step; dask: one step for all files, checkpointed per file by the runner
    make, step = ("LocalRunner()", 1) if runner == "local" else ("DaskRunner(workers=1)", 3)
    script = textwrap.dedent(f"""
        from chronik.runners import LocalRunner
        from chronik.runners.dask import DaskRunner
        from chronik.runners.backfill import Backfill
        from chronik.store import open_store
        with open_store({db!r}) as store:
            Backfill({str(manifest)!r}, store, {make}, step={step}).run()
    """)
    with open_store(db) as store:
        key = Backfill(manifest, store, LocalRunner()).key
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    deadline = time.time() + 60
    while time.time() < deadline and proc.poll() is None and done_files(db, key) < 1:
        time.sleep(0.02)
    killed = proc.poll() is None
    os.killpg(proc.pid, signal.SIGKILL)  # the driver and, for dask, the cluster it started
    proc.wait()
    assert killed, "the backfill finished before it could be killed"
    done_before = done_files(db, key)
    assert 1 <= done_before < 3
    with open_store(db) as store:
        final = Backfill(manifest, store, LocalRunner(), step=1).run()
        assert final.files_done == 3
        ids = [a.id for a in store.iter_articles()]
        urls = sorted(a.url for a in store.iter_articles())
    assert len(ids) == len(set(ids)) == 3 * per_file
    assert urls == sorted(f"https://birkenau.example/bericht-{n}" for n in range(3 * per_file))
    indexed = count(db, "search") if backend.name == "sqlite" else count(db, "articles", "terms")
    assert indexed == count(db, "article_sources", "DISTINCT article") == 3 * per_file


def test_backfill_killed_worker_is_retried_and_stores_each_article_once(tmp_path):
    # on SQLite only: what a killed worker changes is the driver's side, the same for both stores
    pytest.importorskip("distributed", reason="dask[distributed] is not installed")
    from chronik.runners.dask import DaskRunner

    files, per_file = 5, 12
    manifest = _manifest(tmp_path, files=files, per_file=per_file)
    url = str(tmp_path / "worker.db")
    with DaskRunner(workers=2) as runner:
        client = runner.client()
        pids = client.run(os.getpid)  # worker address -> process id
        victim: dict = {}

        def kill_a_busy_worker(progress):
            if victim or progress.files_done < 1:
                return
            deadline = time.time() + 30
            while time.time() < deadline:  # wait until a worker is inside a task, then SIGKILL it
                busy = [w for w, keys in client.processing().items() if keys and w in pids]
                if busy:
                    victim.update(address=busy[0], keys=list(client.processing()[busy[0]]))
                    os.kill(pids[busy[0]], signal.SIGKILL)
                    return
                time.sleep(0.01)

        with open_store(url) as store:
            final = Backfill(manifest, store, runner, step=files, progress=kill_a_busy_worker).run()
            ids = [a.id for a in store.iter_articles()]
            urls = sorted(a.url for a in store.iter_articles())
        assert victim and victim["keys"], "no worker was killed while running a task"
        deadline = time.time() + 30
        while time.time() < deadline and len(client.scheduler_info()["workers"]) < 2:
            time.sleep(0.1)  # the nanny restarts the killed worker
        assert pids[victim["address"]] not in client.run(os.getpid).values()
    assert final.files_done == files and final.stored == files * per_file
    assert len(ids) == len(set(ids)) == files * per_file
    assert urls == sorted(f"https://birkenau.example/bericht-{n}" for n in range(files * per_file))
    with open_store(url) as store:  # a resumed run has nothing left to do
        again = Backfill(manifest, store, LocalRunner()).run()
        assert again.files_done == files and store.count_articles() == files * per_file


def test_backfill_bad_manifest_line_counts_an_error(tmp_path):
    manifest = _manifest(tmp_path, files=1, per_file=3)
    manifest.write_text(manifest.read_text() + "fehlt.warc.gz\n", encoding="utf-8")
    with open_store(tmp_path / "e.db") as store:
        final = Backfill(manifest, store, LocalRunner()).run()
    assert final.stored == 3 and final.errors >= 1
