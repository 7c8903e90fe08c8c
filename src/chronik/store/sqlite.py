"""SQLite store: one file, WAL journal, one transaction per article, FTS5 search."""

from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator

from chronik.errors import DuplicateArticleError, StoreError
from chronik.model import Article, Entity, Rejection, Story
from chronik.store.base import CopyLink, encode_record
from chronik.store.sql import SQLStore

SCHEMA_VERSION = 2

MIGRATIONS = {
    1: """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL UNIQUE,
        source TEXT NOT NULL,
        format TEXT NOT NULL,
        outlet TEXT,
        title TEXT,
        url TEXT,
        published TEXT,
        lang TEXT,
        ingested_at TEXT NOT NULL,
        record TEXT NOT NULL,
        raw BLOB NOT NULL
    );
    CREATE TABLE article_sources (
        article TEXT NOT NULL REFERENCES articles(id),
        source TEXT NOT NULL,
        PRIMARY KEY (article, source)
    );
    CREATE VIRTUAL TABLE search USING fts5(title, terms, tokenize = 'unicode61 remove_diacritics 0');
    CREATE TABLE rejections (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        stage TEXT NOT NULL,
        reason TEXT NOT NULL,
        at TEXT NOT NULL
    );
    CREATE TABLE outlet_lines (
        outlet TEXT NOT NULL,
        line TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (outlet, line)
    );
    CREATE TABLE pending_dedup (article TEXT PRIMARY KEY REFERENCES articles(id));
    CREATE TABLE fingerprints (hash INTEGER NOT NULL, article TEXT NOT NULL REFERENCES articles(id));
    CREATE INDEX fingerprints_hash ON fingerprints(hash);
    CREATE TABLE signatures (article TEXT PRIMARY KEY REFERENCES articles(id), signature BLOB NOT NULL);
    CREATE TABLE copy_links (
        a TEXT NOT NULL, a_start INTEGER NOT NULL, a_end INTEGER NOT NULL,
        b TEXT NOT NULL, b_start INTEGER NOT NULL, b_end INTEGER NOT NULL,
        tokens INTEGER NOT NULL
    );
    CREATE TABLE near_duplicates (a TEXT NOT NULL, b TEXT NOT NULL, similarity REAL NOT NULL, PRIMARY KEY (a, b));
    """,
    2: """
    CREATE TABLE entities (id TEXT PRIMARY KEY, name TEXT NOT NULL, label TEXT NOT NULL, record TEXT NOT NULL);
    CREATE TABLE clusters (article TEXT PRIMARY KEY REFERENCES articles(id), cluster TEXT NOT NULL);
    CREATE INDEX clusters_cluster ON clusters(cluster);
    CREATE TABLE stories (id TEXT PRIMARY KEY, record TEXT NOT NULL);
    CREATE TABLE state (key TEXT PRIMARY KEY, value BLOB NOT NULL);
    """,
}


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class SQLiteStore(SQLStore):
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.url = f"sqlite:///{self.path}"
        try:
            if self.path.parent and not self.path.parent.exists():
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, isolation_level=None, timeout=30.0)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open SQLite store {self.path}: {exc}") from exc
        self._depth = 0

    def _migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path} has schema version {version}; this chronik knows up to {SCHEMA_VERSION}")
        for v in range(version + 1, SCHEMA_VERSION + 1):
            self.db.execute("BEGIN IMMEDIATE")
            for statement in MIGRATIONS[v].split(";"):
                if statement.strip():
                    self.db.execute(statement)
            self.db.execute(f"PRAGMA user_version = {v}")
            self.db.execute("COMMIT")

    @contextmanager
    def transaction(self):
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self.db.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        else:
            self.db.execute("COMMIT")
        finally:
            self._depth = 0

    # articles ---------------------------------------------------------------------------
    def put_article(self, article: Article, terms: str) -> None:
        with self.transaction():
            if self.has_article(article.id):
                raise DuplicateArticleError(article.id)
            seq = self.db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM articles").fetchone()[0]
            cur = self.db.execute(
                "INSERT INTO articles (id, seq, source, format, outlet, title, url, published, lang,"
                " ingested_at, record, raw) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (article.id, seq, article.source, article.format, article.outlet, article.title,
                 article.url, article.published, article.lang, _now(),
                 encode_record(article), article.raw),
            )
            self.db.execute("INSERT INTO search (rowid, title, terms) VALUES (?, ?, ?)",
                            (cur.lastrowid, "", terms))
            self.db.execute("INSERT INTO article_sources VALUES (?, ?)", (article.id, article.source))
            self.db.execute("INSERT INTO pending_dedup VALUES (?)", (article.id,))

    def add_source(self, article_id: str, source: str) -> None:
        with self.transaction():
            self.db.execute("INSERT OR IGNORE INTO article_sources VALUES (?, ?)", (article_id, source))

    def published_dates(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT published FROM articles WHERE published IS NOT NULL ORDER BY seq")]

    # rejections -------------------------------------------------------------------------
    def put_rejection(self, rejection: Rejection) -> None:
        with self.transaction():
            self.db.execute("INSERT INTO rejections (source, stage, reason, at) VALUES (?,?,?,?)",
                            (rejection.source, rejection.stage, rejection.reason, _now()))

    # search -----------------------------------------------------------------------------
    def search_ids(self, terms: list[str], limit: int) -> list[tuple[str, float]]:
        if not terms:
            return []
        query = " ".join('"' + t.replace('"', '""') + '"' for t in terms)
        rows = self.db.execute(
            "SELECT a.id, bm25(search) FROM search JOIN articles a ON a.rowid = search.rowid"
            " WHERE search MATCH ? ORDER BY bm25(search) LIMIT ?",
            (f"terms : ({query})", limit),
        )
        return [(i, -score) for i, score in rows]

    # outlet boilerplate -----------------------------------------------------------------
    def outlet_line_counts(self, outlets: Iterable[str]) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for outlet in set(outlets):
            rows = self.db.execute("SELECT line, n FROM outlet_lines WHERE outlet = ?", (outlet,))
            out[outlet] = dict(rows.fetchall())
        return out

    def add_outlet_lines(self, outlet: str, lines: Iterable[str]) -> None:
        with self.transaction():
            self.db.executemany(
                "INSERT INTO outlet_lines VALUES (?, ?, 1) ON CONFLICT (outlet, line) DO UPDATE SET n = n + 1",
                [(outlet, line) for line in lines],
            )

    # dedup --------------------------------------------------------------------------------
    def finish_dedup(self, article_id, fingerprints, signature, links, near) -> None:
        with self.transaction():
            self.db.executemany("INSERT INTO fingerprints VALUES (?, ?)", [(h, article_id) for h in set(fingerprints)])
            self.db.execute("INSERT OR REPLACE INTO signatures VALUES (?, ?)", (article_id, signature))
            self.db.executemany(
                "INSERT INTO copy_links VALUES (?,?,?,?,?,?,?)",
                [(c.a, c.a_start, c.a_end, c.b, c.b_start, c.b_end, c.tokens) for c in links],
            )
            self.db.executemany("INSERT OR REPLACE INTO near_duplicates VALUES (?,?,?)",
                                [(n.a, n.b, n.similarity) for n in near])
            self.db.execute("DELETE FROM pending_dedup WHERE article = ?", (article_id,))

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        yield from ((a, bytes(s)) for a, s in self.db.execute("SELECT article, signature FROM signatures").fetchall())

    def copy_links(self) -> list[CopyLink]:
        rows = self.db.execute("SELECT a, a_start, a_end, b, b_start, b_end, tokens FROM copy_links ORDER BY rowid")
        return [CopyLink(a=r[0], a_start=r[1], a_end=r[2], b=r[3], b_start=r[4], b_end=r[5], tokens=r[6]) for r in rows]

    # entities, clusters, stories, state ---------------------------------------------------
    def put_entities(self, entities: Iterable[Entity]) -> None:
        with self.transaction():
            self.db.execute("DELETE FROM entities")
            self.db.executemany("INSERT INTO entities VALUES (?, ?, ?, ?)", [
                (e.id, e.name, e.label, json.dumps(e.to_dict(), ensure_ascii=False)) for e in entities])

    def set_clusters(self, assignments: dict[str, str]) -> None:
        with self.transaction():
            self.db.executemany("INSERT OR REPLACE INTO clusters VALUES (?, ?)", sorted(assignments.items()))

    def put_stories(self, stories: Iterable[Story]) -> None:
        with self.transaction():
            self.db.execute("DELETE FROM stories")
            self.db.executemany("INSERT INTO stories VALUES (?, ?)", [
                (st.id, json.dumps(st.to_dict(), ensure_ascii=False)) for st in stories])

    def stories(self) -> list[Story]:
        return [Story.from_dict(json.loads(r[0])) for r in self.db.execute("SELECT record FROM stories ORDER BY rowid")]

    def put_state(self, key: str, value: bytes) -> None:
        with self.transaction():
            self.db.execute("INSERT OR REPLACE INTO state VALUES (?, ?)", (key, value))

