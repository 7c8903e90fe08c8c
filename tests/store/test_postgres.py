"""The store tests of test_sqlite.py, run on both backends, plus PostgreSQL specifics.

A throwaway PostgreSQL cluster (tests/store/pg_server.py) is started once per session;
each test gets a fresh database.
"""

from __future__ import annotations

import threading

import pytest

from chronik.errors import StoreError
from chronik.model import Entity, Rejection
from chronik.store import open_store
from chronik.errors import DuplicateArticleError
from chronik.store.postgres import redact
from chronik.text.stems import Stemmer
from tests.store.pg_server import free_port
from tests.store.test_sqlite import (  # noqa: F401  (collected here again, on both backends)
    _article,
    test_store_outlet_line_counts,
    test_store_rejections_and_dedup_tables,
    test_store_round_trips_an_article_with_raw_bytes,
    test_store_search_german_stems_and_umlaut_spellings,
    test_store_transaction_rolls_back_the_whole_article,
)

TEXTS = [
    "Putin reiste nach Pjöngjang zu Gesprächen mit Kim Jong Un über Rüstung.",
    "In Seoul wurde über Raketen und die Gespräche in Pjöngjang gesprochen.",
    "Die grossen Brücken der Stadt werden saniert; der Gemeinderat stimmte zu.",
    "Der Gemeinderat in Konstanz beschloss die Sanierung der Brücke über den Rhein.",
    "Bundeskanzler Scholz sprach mit Präsident Macron über Raketen und Rüstungsexporte.",
    "Hochwasser an der Aach: Die Feuerwehr sperrte die Brücke am Montagabend.",
    "Die Feuerwehr Singen rückte 14-mal aus, meist wegen Hochwasser und Sturm.",
    "Macron und Scholz trafen sich in Paris; Gespräche über die Ukraine folgten.",
]


@pytest.fixture(scope="session")
def pg(pg_server):
    return pg_server  # tests/conftest.py: one cluster for the whole session


@pytest.fixture(params=["sqlite", "postgres"])
def store(request, tmp_path):
    url = tmp_path / "t.db" if request.param == "sqlite" else request.getfixturevalue("pg").create_database()
    with open_store(url) as s:
        yield s


@pytest.fixture
def pg_url(pg):
    return pg.create_database()


def _stored(store, texts):
    stem = Stemmer()
    ids = []
    for i, t in enumerate(texts):
        a = _article(t, source=f"{i}.txt")
        store.put_article(a, " ".join(stem.terms(t)))
        ids.append(a.id)
    return ids


def test_store_refuses_the_same_id_twice_on_both_backends(store):
    a = _article("Einmal reicht.")
    store.put_article(a, "einmal")
    expected = DuplicateArticleError
    with pytest.raises(expected):
        store.put_article(a, "einmal")
    assert store.count_articles() == 1 and store.pending_dedup() == [a.id]
    b = _article("Danach geht es weiter.", source="b.txt")
    store.put_article(b, "danach")  # the failed insert left no broken transaction behind
    assert [x.id for x in store.iter_articles()] == [a.id, b.id]


def test_store_nested_transactions_join_the_outer_one(store):
    a, b = _article("Erster Artikel im Block."), _article("Zweiter Artikel im Block.", source="b.txt")
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.put_article(a, "erst")
            with store.transaction():
                store.put_article(b, "zweit")
            store.put_state("k", b"v")
            raise RuntimeError("killed after the inner block")
    assert store.count_articles() == 0 and store.get_state("k") is None
    with store.transaction():
        with store.transaction():
            store.put_article(a, "erst")
    assert store.has_article(a.id)


def test_store_entities_clusters_stories_state_and_updates(store):
    ids = _stored(store, TEXTS[:3])
    ents = [Entity(id="e2", name="Ärzte", label="ORG"), Entity(id="e1", name="Zoo", label="ORG"),
            Entity(id="e3", name="Aach", label="LOC")]
    store.put_entities(ents)
    store.put_entities(ents[:2] + ents[2:])  # replaces, does not add
    assert [e.id for e in store.entities()] == ["e3", "e1", "e2"]  # code-point order on both backends
    store.set_clusters({ids[1]: "c1", ids[0]: "c1"})
    store.set_clusters({ids[1]: "c2"})
    assert store.cluster_assignments() == {ids[0]: "c1", ids[1]: "c2"}
    store.put_state("clusterer", b"\x00\xffstate")
    store.put_state("clusterer", b"\x00\xffnew")
    assert store.get_state("clusterer") == b"\x00\xffnew" and store.get_state("nope") is None
    assert store.stories() == []
    first = store.get_article(ids[0])
    store.update_article(first.replace(lang="de", title="Neu"))
    assert store.get_article(ids[0]).title == "Neu" and store.get_article(ids[0]).raw == first.raw
    with pytest.raises(StoreError, match="not stored"):
        store.update_article(_article("Nie gespeichert.", source="x.txt"))
    assert store.published_dates() == []


def test_store_search_gives_the_same_ids_on_both_backends(tmp_path, pg_url):
    stem = Stemmer()
    with open_store(tmp_path / "s.db") as lite, open_store(pg_url) as pgs:
        _stored(lite, TEXTS)
        _stored(pgs, TEXTS)
        vocab = sorted({t for text in TEXTS for t in stem.terms(text)})
        queries = [[t] for t in vocab] + [list(stem.terms(t))[i:i + 2] for t in TEXTS for i in range(0, 6, 2)]
        queries += [list(stem.terms(q)) for q in ("Raketen Gemeinderat", "nichtda", "Pjöngjang Gespräche",
                                                  "Brücke Rhein", "Feuerwehr 14-mal")]
        compared = 0
        for q in queries:
            want, got = lite.search_ids(q, 100), pgs.search_ids(q, 100)
            assert {i for i, _ in got} == {i for i, _ in want}, q
            assert all(s > 0 for _, s in got)
            compared += bool(want)
        assert compared >= len(vocab)  # the queries do hit articles
        hits = pgs.search_ids(list(stem.terms("Raketen")), 1)
        assert len(hits) == 1 and len(pgs.search_ids(list(stem.terms("Raketen")), 10)) == 2 and pgs.search_ids([], 5) == [] and pgs.search_ids(["-"], 5) == []


def test_postgres_concurrent_ingesters_store_each_article_once(pg_url):
    stem = Stemmer()
    articles = [_article(f"Meldung Nummer {i}: Der Gemeinderat tagte zum {i}. Mal.", source=f"{i}.txt",
                         outlet="Talbote") for i in range(50)]
    stores = [open_store(pg_url), open_store(pg_url)]
    barrier = threading.Barrier(2)
    stored: list[list[str]] = [[], []]
    errors: list[BaseException] = []

    def ingest(k: int) -> None:
        try:
            barrier.wait()
            # the second ingester runs backwards: the two meet in the middle, racing on the same ids
            for a in (articles if k == 0 else articles[::-1]):
                try:
                    with stores[k].transaction():  # as the local runner does
                        stores[k].put_article(a, " ".join(stem.terms(a.text)))
                        stores[k].add_outlet_lines("Talbote", ["Ihr Talbote", "Abo"])
                    stored[k].append(a.id)
                except DuplicateArticleError:
                    stores[k].add_source(a.id, f"copy-{k}")
        except BaseException as exc:  # surfaced in the main thread
            errors.append(exc)

    threads = [threading.Thread(target=ingest, args=(k,)) for k in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    for s in stores:
        s.close()
    assert not errors
    assert sorted(stored[0] + stored[1]) == sorted(a.id for a in articles)  # each stored by exactly one
    with open_store(pg_url) as s:
        assert s.count_articles() == 50
        assert sorted(s.pending_dedup()) == sorted(a.id for a in articles)
        assert [x.id for x in s.iter_articles()] == [x for x, _ in sorted(
            ((a.id, s.db.execute("SELECT seq FROM articles WHERE id = %s", (a.id,)).fetchone()[0])
             for a in articles), key=lambda p: p[1])]
        # only article writes that committed count their outlet lines
        assert s.outlet_line_counts(["Talbote"]) == {"Talbote": {"Ihr Talbote": 50, "Abo": 50}}
        assert all(len(s.sources(a.id)) == 2 for a in articles)
        assert len(s.search_ids(["gemeinderat"], 100)) == 50


def test_store_iter_articles_pages_in_storage_order_with_or_without_raw(store, monkeypatch):
    monkeypatch.setattr(type(store), "page", 3)
    ids = _stored(store, TEXTS)
    full = list(store.iter_articles())
    assert [a.id for a in full] == ids and all(a.raw for a in full)
    lean = list(store.iter_articles(raw=False))
    assert [a.raw for a in lean] == [b""] * len(ids)
    assert [a.replace(raw=b"") for a in full] == lean
    store.update_article(lean[0].replace(title="Neu"))  # an update leaves the raw bytes alone
    assert store.get_article(ids[0]).raw == full[0].raw and store.get_article(ids[0]).title == "Neu"


def test_postgres_migrations_are_recorded_and_not_repeated(pg_url):
    with open_store(pg_url) as s:
        assert s.schema_version() == 2
        s.put_rejection(Rejection(source="x", stage="ingest", reason="r"))
    with open_store(pg_url.replace("postgresql://", "postgres://")) as s:  # both schemes, same store
        assert s.schema_version() == 2 and len(s.rejections()) == 1
        s.db.execute("INSERT INTO schema_version (version) VALUES (99)")
    with pytest.raises(StoreError, match="schema version 99"):
        open_store(pg_url)


def test_postgres_unreachable_server_is_a_store_error():
    with pytest.raises(StoreError, match=r"cannot open PostgreSQL store postgresql://u:\*\*\*@127.0.0.1"):
        open_store(f"postgresql://u:secret@127.0.0.1:{free_port()}/x?connect_timeout=5")
    assert redact("postgresql://u:pw@h/db") == "postgresql://u:***@h/db"
    assert redact("postgresql://u@h/db") == "postgresql://u@h/db"


def _snapshot(store):
    from chronik.store.search import search

    queries = ["Brücke", "Kommission Tunnel", "Streik", "Pjöngjang", "Regierung", "Polizei"]
    return {
        "articles": list(store.iter_articles()),
        "sources": {a.id: store.sources(a.id) for a in store.iter_articles()},
        "rejections": store.rejections(),
        "pending": store.pending_dedup(),
        "signatures": sorted(store.signatures()),
        "copy_links": store.copy_links(),
        "near": store.near_duplicates(),
        "entities": store.entities(),
        "clusters": store.cluster_assignments(),
        "stories": store.stories(),
        "published": store.published_dates(),
        "search": {q: sorted((h.article, h.snippet, h.marks) for h in search(store, q)) for q in queries},
    }


@pytest.mark.parametrize("corpus", ["seeds", "demo"])
def test_runner_gives_the_same_results_on_both_backends(corpus, tmp_path, pg_url, request):
    from chronik.demo import corpus_path
    from chronik.runners import LocalRunner

    folder = request.getfixturevalue("seeds") if corpus == "seeds" else corpus_path()
    snapshots = []
    for url in (tmp_path / "r.db", pg_url):
        with open_store(url) as s:
            first = LocalRunner().ingest([folder], s)
            again = LocalRunner().ingest([folder], s)  # idempotent: nothing stored twice
            assert first.stored and not again.stored and len(again.unchanged) == len(first.stored)
            snapshots.append(_snapshot(s))
    lite, pgs = snapshots
    assert lite["articles"] and lite["clusters"] and any(lite["search"].values())
    for key in lite:
        assert pgs[key] == lite[key], key


def test_cli_ingest_and_export_with_a_postgresql_url(pg_url):
    import json

    from click.testing import CliRunner

    from chronik.cli import main
    from chronik.demo import corpus_path

    runner = CliRunner()
    res = runner.invoke(main, ["--db", pg_url, "ingest", str(corpus_path())])
    assert res.exit_code == 0, res.output + res.stderr
    articles = json.loads(runner.invoke(main, ["--db", pg_url, "export", "articles"]).output)
    with open_store(pg_url) as s:
        assert len(articles) == s.count_articles() > 0
