import sqlite3

import pytest

from chronik.errors import ConfigError, DuplicateArticleError, StoreError
from chronik.ingest.article import make_article
from chronik.model import NearDuplicate, Rejection
from chronik.store import CopyLink, open_store
from chronik.store.search import search
from chronik.text.stems import Stemmer


def _article(text, source="a.txt", **kw):
    return make_article(source=source, format="txt", body=text, raw=text.encode(), **kw).replace(text=text)


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "t.db") as s:
        yield s


def test_store_round_trips_an_article_with_raw_bytes(store):
    a = _article("Die Brücke über die Aach wird gebaut.", published="2024-03")
    store.put_article(a, "bruck")
    got = store.get_article(a.id)
    assert got == a and got.raw == a.raw
    assert store.has_article(a.id) and store.count_articles() == 1
    assert store.sources(a.id) == ["a.txt"]
    store.add_source(a.id, "b.txt")
    store.add_source(a.id, "b.txt")
    assert store.sources(a.id) == ["a.txt", "b.txt"]


def test_store_transaction_rolls_back_the_whole_article(store):
    a = _article("Ein Artikel, der nie ganz gespeichert wird.")
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.put_article(a, "artikel")
            raise RuntimeError("killed")
    assert store.count_articles() == 0 and store.pending_dedup() == [] and store.search_ids(["artikel"], 5) == []


def test_store_refuses_the_same_id_twice(store):
    a = _article("Einmal reicht.")
    store.put_article(a, "einmal")
    with pytest.raises(DuplicateArticleError):
        store.put_article(a, "einmal")
    assert store.count_articles() == 1


def test_store_search_german_stems_and_umlaut_spellings(store):
    stem = Stemmer()
    texts = ["Putin reiste nach Pjöngjang zu Gesprächen.", "In Seoul wurde über Raketen gesprochen.",
             "Die grossen Brücken der Stadt."]
    for i, t in enumerate(texts):
        a = _article(t, source=f"{i}.txt")
        store.put_article(a, " ".join(stem.terms(t)))
    hits = search(store, "Pjoengjang")
    assert [h.source for h in hits] == ["0.txt"]
    assert "Pjöngjang" in hits[0].snippet[hits[0].marks[0][0]:hits[0].marks[0][1]]
    assert [h.source for h in search(store, "Gespräch")] == ["0.txt"]
    assert [h.source for h in search(store, "großen Brücke")] == ["2.txt"]
    assert search(store, "Pjöngjang Raketen") == []
    assert search(store, '"; DROP TABLE articles; --') == []


def test_store_rejections_and_dedup_tables(store):
    store.put_rejection(Rejection(source="x.html", stage="ingest", reason="binary content"))
    assert store.rejections() == [Rejection(source="x.html", stage="ingest", reason="binary content")]
    a, b = _article("Erster Text hier."), _article("Zweiter Text dort.", source="b.txt")
    store.put_article(a, "x")
    store.put_article(b, "y")
    assert store.pending_dedup() == [a.id, b.id]
    link = CopyLink(a=a.id, a_start=0, a_end=5, b=b.id, b_start=1, b_end=6, tokens=20)
    store.finish_dedup(a.id, [1, 2, 3], b"\x00" * 8, [link], [NearDuplicate(a=a.id, b=b.id, similarity=0.9)])
    assert store.pending_dedup() == [b.id]
    assert sorted(store.fingerprints()) == [(1, a.id), (2, a.id), (3, a.id)]
    assert store.copy_links() == [link]
    assert store.near_duplicates()[0].similarity == 0.9


def test_store_outlet_line_counts(store):
    store.add_outlet_lines("Talbote", ["Ihr Team", "Abo"])
    store.add_outlet_lines("Talbote", ["Ihr Team"])
    assert store.outlet_line_counts(["Talbote", "X"]) == {"Talbote": {"Ihr Team": 2, "Abo": 1}, "X": {}}


def test_store_url_schemes(tmp_path, monkeypatch):
    with open_store(f"sqlite:///{tmp_path}/u.db") as s:
        assert s.path == tmp_path / "u.db"
    monkeypatch.setenv("CHRONIK_DB", str(tmp_path / "env.db"))
    with open_store() as s:
        assert s.path == tmp_path / "env.db"
    with pytest.raises(ConfigError, match="unknown database URL scheme"):
        open_store("mongodb://x")


def test_store_refuses_a_file_that_is_not_a_database(tmp_path):
    p = tmp_path / "not.db"
    p.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        open_store(p)
