"""Resumable backfill: kill the driver or a worker mid-run, each article stored once.

The worker kills are timed by a gate in the workers' stages (tests/runners/gate.py): a
worker is killed while it is inside a task, however loaded the machine is.

Run on both store backends (the ``backend`` fixture in tests/conftest.py).
"""

import io
import os
import pickle
import signal
import subprocess
import sys
import textwrap
import threading
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


def _gate(runner, tmp_path, file, per_file=12):
    """Holds the first article of the manifest's file ``file`` in the workers' stages until the test
    opens the gate; returns the gate, the runner's client and the workers' process ids by address."""
    from tests.runners.gate import Gate, GatedStages

    folder = tmp_path / "gate"
    folder.mkdir()
    gate = Gate(folder=str(folder), url=f"https://birkenau.example/bericht-{file * per_file}")
    client = runner.client()
    client.register_plugin(GatedStages(gate))
    return gate, client, client.run(os.getpid)


def _held_worker(gate, pids):
    """Waits until a worker is inside the gated task; its process id and its address."""
    pid = gate.wait_held(1)[0]
    return pid, next(a for a, p in pids.items() if p == pid)


def _in_thread(work, gate):
    """Runs ``work`` beside the backfill and opens ``gate`` when it ends, however it ends (the held
    task goes on); returns the thread and the list its exception lands in."""
    errors: list[BaseException] = []

    def run():
        try:
            work()
        except BaseException as exc:  # reported by the test, not lost in the thread
            errors.append(exc)
        finally:
            gate.open()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, errors


def _restarted(client, pids, workers=2):
    """Waits until the nannies have restarted the killed workers; the processes now running them."""
    deadline = time.time() + 60
    while time.time() < deadline and len(client.scheduler_info()["workers"]) < workers:
        time.sleep(0.1)  # the nanny restarts the killed worker
    return set(client.run(os.getpid).values())


def _stored_once(url, manifest, files, per_file=12):
    with open_store(url) as store:
        ids = [a.id for a in store.iter_articles()]
        urls = sorted(a.url for a in store.iter_articles())
        assert len(ids) == len(set(ids)) == files * per_file
        assert urls == sorted(f"https://birkenau.example/bericht-{n}" for n in range(files * per_file))
        again = Backfill(manifest, store, LocalRunner()).run()  # a resumed run has nothing left to do
        assert again.files_done == files and store.count_articles() == files * per_file
        assert not store.pending_dedup()


def test_backfill_killed_worker_is_retried_and_stores_each_article_once(tmp_path):
    # on SQLite only: what a killed worker changes is the driver's side, the same for both stores
    pytest.importorskip("distributed", reason="dask[distributed] is not installed")
    from chronik.runners.dask import DaskRunner

    files = 5
    manifest = _manifest(tmp_path, files=files)
    url = str(tmp_path / "worker.db")
    with DaskRunner(workers=2) as runner:
        gate, client, pids = _gate(runner, tmp_path, file=1)
        victim: dict = {}

        def kill_the_worker_inside_the_task():
            pid, address = _held_worker(gate, pids)  # a worker is inside the task of teil-1, held at the gate
            victim.update(pid=pid, keys=[str(k) for k in client.processing()[address]])
            os.kill(pid, signal.SIGKILL)

        thread, errors = _in_thread(kill_the_worker_inside_the_task, gate)
        with open_store(url) as store:
            final = Backfill(manifest, store, runner, step=files).run()
        thread.join()
        assert not errors, errors
        assert any(k.startswith("process_file-") for k in victim["keys"])  # the scheduler saw it running the task
        held = gate.held()
        assert len(held) == 2 and held[1] != victim["pid"]  # Dask ran the task again, in another process
        assert victim["pid"] not in _restarted(client, pids)
    assert final.files_done == files and final.stored == files * 12 and final.errors == 0
    _stored_once(url, manifest, files)


def test_backfill_every_worker_killed_while_the_driver_stores_loses_nothing(tmp_path):
    """Every worker dies at once, while one runs a task and the driver checkpoints the file it
    has just stored: every copy of the batch's boilerplate dies with them. Dask computes it again and reruns the tasks
    (it used to forget the scattered copy and every task that needed it: FutureCancelledError)."""
    pytest.importorskip("distributed", reason="dask[distributed] is not installed")
    from chronik.runners.dask import DaskRunner

    files = 4
    manifest = _manifest(tmp_path, files=files)
    url = str(tmp_path / "all.db")
    with DaskRunner(workers=2) as runner:
        gate, client, pids = _gate(runner, tmp_path, file=1)
        killed = []

        def kill_every_worker(progress):  # called by the driver as it checkpoints a stored file
            if killed or progress.files_done < 1:
                return
            try:
                gate.wait_held(1)  # teil-1 is inside its task
                for pid in pids.values():
                    os.kill(pid, signal.SIGKILL)
                    killed.append(pid)
            finally:
                gate.open()

        with open_store(url) as store:
            final = Backfill(manifest, store, runner, step=files, progress=kill_every_worker).run()
        assert sorted(killed) == sorted(pids.values())
        assert len(gate.held()) == 2  # teil-1 ran again
        assert not _restarted(client, pids) & set(killed)
    assert final.files_done == files and final.stored == files * 12 and final.errors == 0
    _stored_once(url, manifest, files)


def test_backfill_cancelled_task_is_submitted_again(tmp_path):
    """A task the scheduler cancels (here the test does, as a scheduler restart would) is submitted again."""
    pytest.importorskip("distributed", reason="dask[distributed] is not installed")
    from distributed import Future

    from chronik.runners.dask import DaskRunner

    files = 3
    manifest = _manifest(tmp_path, files=files)
    url = str(tmp_path / "cancel.db")
    with DaskRunner(workers=2) as runner:
        gate, client, pids = _gate(runner, tmp_path, file=1)
        cancelled = []

        def cancel_the_held_task():
            _, address = _held_worker(gate, pids)
            keys = [k for k in client.processing()[address] if str(k).startswith("process_file-")]
            client.cancel([Future(k, client) for k in keys], force=True)
            cancelled.extend(keys)

        thread, errors = _in_thread(cancel_the_held_task, gate)
        with open_store(url) as store:
            final = Backfill(manifest, store, runner, step=files).run()
        thread.join()
        assert not errors, errors
    assert cancelled and len(gate.held()) == 2  # teil-1 ran again under a new key
    assert final.files_done == files and final.stored == files * 12
    _stored_once(url, manifest, files)


def test_backfill_file_whose_workers_keep_dying_stops_the_run_resumably(tmp_path):
    """A file whose task kills more workers than the scheduler allows ends the run with an error
    naming it; the files before it stay stored and checkpointed, and a rerun completes."""
    pytest.importorskip("distributed", reason="dask[distributed] is not installed")
    import dask

    from chronik.errors import WorkerError
    from chronik.runners.dask import DaskRunner

    files = 3
    manifest = _manifest(tmp_path, files=files)
    url = str(tmp_path / "dies.db")
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), DaskRunner(workers=2) as runner:
        gate, client, pids = _gate(runner, tmp_path, file=1)  # the scheduler above gives up on a task at its first dead worker

        def kill_the_worker_inside_the_task():
            os.kill(gate.wait_held(1)[0], signal.SIGKILL)

        thread, errors = _in_thread(kill_the_worker_inside_the_task, gate)
        with open_store(url) as store, pytest.raises(WorkerError) as failed:
            Backfill(manifest, store, runner, step=files).run()
        thread.join()
        assert not errors, errors
        assert set(pids.values()) - _restarted(client, pids)
    assert failed.value.source == str(tmp_path / "teil-1.warc.gz")
    assert "KilledWorker" in failed.value.reason and "teil-1.warc.gz" in str(failed.value)
    again = pickle.loads(pickle.dumps(failed.value))
    assert (again.source, again.reason, str(again)) == (failed.value.source, failed.value.reason, str(failed.value))
    with open_store(url) as store:
        resumed = Backfill(manifest, store, LocalRunner())
        assert done_files(url, resumed.key) == 1 and store.count_articles() == 12  # teil-0, stored and checkpointed
        final = resumed.run()  # stores teil-1 and teil-2
    assert final.files_done == files and final.stored == files * 12
    _stored_once(url, manifest, files)


def test_backfill_bad_manifest_line_counts_an_error(tmp_path):
    manifest = _manifest(tmp_path, files=1, per_file=3)
    manifest.write_text(manifest.read_text() + "fehlt.warc.gz\n", encoding="utf-8")
    with open_store(tmp_path / "e.db") as store:
        final = Backfill(manifest, store, LocalRunner()).run()
    assert final.stored == 3 and final.errors >= 1
