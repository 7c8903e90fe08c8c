import gc
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

from chronik.clean import Cleaner
from chronik.model import Article
from chronik.pipeline import Pipeline
from chronik.runners import LocalRunner
from chronik.runners.local import SETTLE
from chronik.store import open_store
from tests.conftest import LONG_DE, html_page


def _corpus(folder, n):
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"{i:04d}.txt").write_text(
            f"date 2024-03-{i % 28 + 1:02d}\nsource Blatt {i % 3}\n\nMeldung Nummer {i}: " + " ".join(LONG_DE[i % 4:] + LONG_DE[: i % 4]),
            encoding="utf-8")
    return folder


def test_runner_ingest_is_idempotent_and_reports_duplicates(tmp_path):
    folder = _corpus(tmp_path / "in", 6)
    (folder / "copy-of-0.txt").write_bytes((folder / "0000.txt").read_bytes())
    (folder / "bad.html").write_bytes(b"\x00\x01junk" * 50)
    with open_store(tmp_path / "r.db") as store:
        first = LocalRunner().ingest([folder], store)
        assert len(first.stored) == 6 and len(first.duplicates) == 1 and len(first.rejected) == 1
        assert first.duplicates[0].same_as.endswith("0000.txt")
        before = [a.to_dict() for a in store.iter_articles()]
        again = LocalRunner().ingest([folder], store)
        assert again.stored == [] and len(again.unchanged) == 6
        assert [a.to_dict() for a in store.iter_articles()] == before
        assert len(store.rejections()) == 2  # the bad file is logged each time it is offered


def test_runner_bad_files_do_not_touch_what_is_stored(tmp_path):
    good = _corpus(tmp_path / "good", 3)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "x.warc.gz").write_bytes(b"\x1f\x8b\x08\x00broken")
    (bad / "page.html").write_text(html_page("Gut", LONG_DE), encoding="utf-8")
    with open_store(tmp_path / "r.db") as store:
        LocalRunner().ingest([good], store)
        snapshot = [a.to_dict() for a in store.iter_articles()]
        report = LocalRunner().ingest([bad], store)
        assert len(report.stored) == 1 and len(report.rejected) == 2
        assert [a.to_dict() for a in store.iter_articles()][:3] == snapshot


def test_runner_killed_run_leaves_no_half_article_and_resumes(tmp_path):
    folder = _corpus(tmp_path / "many", 400)
    db = tmp_path / "k.db"
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen([sys.executable, "-m", "chronik.cli", "--db", str(db), "ingest", "-q", str(folder)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    count = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
        try:
            with sqlite3.connect(db, timeout=1) as con:
                count = con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        except sqlite3.Error:
            continue
        if count >= 20:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        indexed = con.execute("SELECT COUNT(*) FROM search").fetchone()[0]
        sourced = con.execute("SELECT COUNT(DISTINCT article) FROM article_sources").fetchone()[0]
    assert 0 < stored and stored == indexed == sourced
    with open_store(db) as store:
        for a in store.iter_articles():
            assert a.text and a.sentences and json.dumps(a.to_dict())
        report = LocalRunner().ingest([folder], store)
        assert len(report.stored) + len(report.unchanged) == 400
        assert store.count_articles() == 400 and store.pending_dedup() == []


def test_runner_cross_article_run_cut_short_is_redone(tmp_path, monkeypatch):
    from chronik.runners.crossdoc import CrossArticle

    folder = _corpus(tmp_path / "in", 4)
    with open_store(tmp_path / "c.db") as store:
        calls = []
        original = CrossArticle._stories

        def dying(self, *args):
            calls.append(1)
            raise KeyboardInterrupt("killed")

        monkeypatch.setattr(CrossArticle, "_stories", dying)
        try:
            LocalRunner().ingest([folder], store)
        except KeyboardInterrupt:
            pass
        assert calls and not CrossArticle.complete(store) and store.stories() == []
        monkeypatch.setattr(CrossArticle, "_stories", original)
        report = LocalRunner().ingest([folder], store)  # nothing new, but the cut run is redone
        assert report.stored == [] and report.cross is not None
        assert CrossArticle.complete(store) and store.stories()


def test_runner_freezes_what_the_stages_loaded_after_settle_articles():
    """After SETTLE annotated articles, the objects alive (the stages' models, lexicons and
    indexes) leave the cyclic collector's reach; not before, and only once."""
    gc.unfreeze()
    runner, pipeline = LocalRunner(), Pipeline([Cleaner()])
    article = Article(id="a", source="a.txt", format="txt", body="Meldung: " + " ".join(LONG_DE))
    try:
        for _ in range(SETTLE - 1):
            assert runner.annotate(pipeline, article, None).article is not None
        assert gc.get_freeze_count() == 0
        runner.annotate(pipeline, article, None)
        frozen = gc.get_freeze_count()
        assert frozen > 0
        runner.annotate(pipeline, article, None)
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
