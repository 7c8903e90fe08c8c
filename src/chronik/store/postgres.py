"""PostgreSQL store: the SQLite store's behaviour on a server, for several ingesters at once.

One connection per store object (autocommit outside :meth:`PostgresStore.transaction`).
The schema is created by numbered migrations recorded in ``schema_version``; a session
advisory lock keeps two processes from migrating at once. Search uses a ``tsvector``
column built with the ``simple`` configuration from the *already stemmed* terms the runner
passes to :meth:`PostgresStore.put_article`, so PostgreSQL and SQLite index the same stems
and answer the same queries. Key text columns use the ``"C"`` collation so ``ORDER BY``
gives code-point order, as SQLite does, whatever the server's locale.
"""

from __future__ import annotations

import json
import re
from contextlib import contextmanager
from typing import Iterable, Iterator

from chronik.errors import DuplicateArticleError, StoreError, missing_extra
from chronik.model import Article, Entity, Rejection, Story
from chronik.store.base import CopyLink, encode_record
from chronik.store.sql import SQLStore

try:
    import psycopg
except ImportError:  # pragma: no cover - depends on the installed extras
    psycopg = None

SCHEMA_VERSION = 2
MIGRATION_LOCK = 0x6368726F6E696B  # "chronik": pg_advisory_lock key for migrations

MIGRATIONS = {
    1: """
    CREATE TABLE articles (
        id TEXT COLLATE "C" PRIMARY KEY,
        seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
        source TEXT NOT NULL,
        format TEXT NOT NULL,
        outlet TEXT,
        title TEXT,
        url TEXT,
        published TEXT,
        lang TEXT,
        ingested_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        record TEXT NOT NULL,
        raw BYTEA NOT NULL,
        terms TSVECTOR NOT NULL
    );
    CREATE INDEX articles_terms ON articles USING GIN (terms);
    CREATE TABLE article_sources (
        article TEXT COLLATE "C" NOT NULL REFERENCES articles(id),
        source TEXT COLLATE "C" NOT NULL,
        PRIMARY KEY (article, source)
    );
    CREATE TABLE rejections (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        source TEXT NOT NULL,
        stage TEXT NOT NULL,
        reason TEXT NOT NULL,
        at TIMESTAMPTZ NOT NULL DEFAULT now()
    );
    CREATE TABLE outlet_lines (
        outlet TEXT COLLATE "C" NOT NULL,
        line TEXT COLLATE "C" NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (outlet, line)
    );
    CREATE TABLE pending_dedup (article TEXT COLLATE "C" PRIMARY KEY REFERENCES articles(id));
    CREATE TABLE fingerprints (hash BIGINT NOT NULL, article TEXT COLLATE "C" NOT NULL REFERENCES articles(id));
    CREATE INDEX fingerprints_hash ON fingerprints(hash);
    CREATE TABLE signatures (
        pos BIGINT GENERATED ALWAYS AS IDENTITY,
        article TEXT COLLATE "C" PRIMARY KEY REFERENCES articles(id),
        signature BYTEA NOT NULL
    );
    CREATE TABLE copy_links (
        pos BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        a TEXT NOT NULL, a_start INTEGER NOT NULL, a_end INTEGER NOT NULL,
        b TEXT NOT NULL, b_start INTEGER NOT NULL, b_end INTEGER NOT NULL,
        tokens INTEGER NOT NULL
    );
    CREATE TABLE near_duplicates (
        a TEXT COLLATE "C" NOT NULL, b TEXT COLLATE "C" NOT NULL,
        similarity DOUBLE PRECISION NOT NULL, PRIMARY KEY (a, b)
    );
    """,
    2: """
    CREATE TABLE entities (
        id TEXT COLLATE "C" PRIMARY KEY, name TEXT COLLATE "C" NOT NULL, label TEXT NOT NULL, record TEXT NOT NULL
    );
    CREATE TABLE clusters (article TEXT COLLATE "C" PRIMARY KEY REFERENCES articles(id), cluster TEXT NOT NULL);
    CREATE INDEX clusters_cluster ON clusters(cluster);
    CREATE TABLE stories (pos BIGINT GENERATED ALWAYS AS IDENTITY, id TEXT PRIMARY KEY, record TEXT NOT NULL);
    CREATE TABLE state (key TEXT PRIMARY KEY, value BYTEA NOT NULL);
    """,
}


def redact(url: str) -> str:
    """``url`` without its password, for messages."""
    return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1:***@", url)


class PostgresStore(SQLStore):
    param = "%s"  # psycopg's placeholders

    def __init__(self, url: str) -> None:
        if psycopg is None:
            raise missing_extra("psycopg", "postgres")
        self.url = str(url)
        try:
            self.db = psycopg.connect(self.url, autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(f"cannot open PostgreSQL store {redact(self.url)}: {exc}") from exc
        try:
            self._migrate()
        except BaseException:
            self.db.close()
            raise
        self._depth = 0

    def _migrate(self) -> None:
        db = self.db
        db.execute("SELECT pg_advisory_lock(%s)", (MIGRATION_LOCK,))
        try:
            db.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                       " version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())")
            version = db.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise StoreError(f"{redact(self.url)} has schema version {version};"
                                 f" this chronik knows up to {SCHEMA_VERSION}")
            for v in range(version + 1, SCHEMA_VERSION + 1):
                with db.transaction():
                    for statement in MIGRATIONS[v].split(";"):
                        if statement.strip():
                            db.execute(statement)
                    db.execute("INSERT INTO schema_version (version) VALUES (%s)", (v,))
        except psycopg.Error as exc:
            raise StoreError(f"cannot migrate PostgreSQL store {redact(self.url)}: {exc}") from exc
        finally:
            db.execute("SELECT pg_advisory_unlock(%s)", (MIGRATION_LOCK,))

    def schema_version(self) -> int:
        return self.db.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()[0]

    @contextmanager
    def transaction(self):
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._depth = 1
        try:
            with self.db.transaction():
                yield
        finally:
            self._depth = 0

    # articles ---------------------------------------------------------------------------
    def put_article(self, article: Article, terms: str) -> None:
        """Store a new article; raise :class:`DuplicateArticleError` if its id is already stored.

        ``INSERT ... ON CONFLICT DO NOTHING``: a concurrent insert of the same id waits for the
        other transaction and then inserts nothing, so the article is stored exactly once.
        """
        with self.transaction():
            cur = self.db.execute(
                "INSERT INTO articles (id, source, format, outlet, title, url, published, lang, record, raw, terms)"
                " VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s, to_tsvector('simple', %s))"
                " ON CONFLICT (id) DO NOTHING",
                (article.id, article.source, article.format, article.outlet, article.title, article.url,
                 article.published, article.lang, encode_record(article), article.raw, terms),
            )
            if cur.rowcount != 1:
                raise DuplicateArticleError(article.id)
            self.db.execute("INSERT INTO article_sources VALUES (%s, %s)", (article.id, article.source))
            self.db.execute("INSERT INTO pending_dedup VALUES (%s)", (article.id,))

    def add_source(self, article_id: str, source: str) -> None:
        with self.transaction():
            self.db.execute("INSERT INTO article_sources VALUES (%s, %s) ON CONFLICT DO NOTHING", (article_id, source))

    def published_dates(self) -> list[str]:
        rows = self.db.execute("SELECT published FROM articles WHERE published IS NOT NULL ORDER BY seq")
        return [r[0] for r in rows]

    # rejections -------------------------------------------------------------------------
    def put_rejection(self, rejection: Rejection) -> None:
        with self.transaction():
            self.db.execute("INSERT INTO rejections (source, stage, reason) VALUES (%s,%s,%s)",
                            (rejection.source, rejection.stage, rejection.reason))

    # search -----------------------------------------------------------------------------
    def search_ids(self, terms: list[str], limit: int) -> list[tuple[str, float]]:
        """Articles whose stems include every term, ranked by ``ts_rank`` (ties: storage order)."""
        query = " ".join(t for t in terms if t.strip())
        if not query:
            return []
        rows = self.db.execute(
            "WITH q AS (SELECT plainto_tsquery('simple', %s) AS q)"
            " SELECT a.id, ts_rank(a.terms, q.q) AS rank FROM articles a, q"
            " WHERE numnode(q.q) > 0 AND a.terms @@ q.q ORDER BY rank DESC, a.seq LIMIT %s",
            (query, limit),
        )
        return [(i, float(score)) for i, score in rows]

    # outlet boilerplate -----------------------------------------------------------------
    def outlet_line_counts(self, outlets: Iterable[str]) -> dict[str, dict[str, int]]:
        wanted = sorted(set(outlets))
        out: dict[str, dict[str, int]] = {o: {} for o in wanted}
        rows = self.db.execute("SELECT outlet, line, n FROM outlet_lines WHERE outlet = ANY(%s)", (wanted,))
        for outlet, line, n in rows:
            out[outlet][line] = n
        return out

    def add_outlet_lines(self, outlet: str, lines: Iterable[str]) -> None:
        # sorted, so concurrent ingesters lock the same rows in the same order (no deadlock)
        params = [(outlet, line) for line in sorted(lines)]
        if not params:
            return
        with self.transaction(), self.db.cursor() as cur:
            cur.executemany(
                "INSERT INTO outlet_lines VALUES (%s, %s, 1)"
                " ON CONFLICT (outlet, line) DO UPDATE SET n = outlet_lines.n + 1",
                params,
            )

    # dedup --------------------------------------------------------------------------------
    def finish_dedup(self, article_id, fingerprints, signature, links, near) -> None:
        with self.transaction():
            self.db.execute("INSERT INTO fingerprints (hash, article) SELECT h, %s FROM unnest(%s::bigint[]) AS h",
                            (article_id, sorted(set(fingerprints))))
            self.db.execute("INSERT INTO signatures (article, signature) VALUES (%s, %s)"
                            " ON CONFLICT (article) DO UPDATE SET signature = excluded.signature",
                            (article_id, signature))
            with self.db.cursor() as cur:
                cur.executemany(
                    "INSERT INTO copy_links (a, a_start, a_end, b, b_start, b_end, tokens) VALUES (%s,%s,%s,%s,%s,%s,%s)",
                    [(c.a, c.a_start, c.a_end, c.b, c.b_start, c.b_end, c.tokens) for c in links],
                )
                cur.executemany("INSERT INTO near_duplicates VALUES (%s,%s,%s)"
                                " ON CONFLICT (a, b) DO UPDATE SET similarity = excluded.similarity",
                                [(n.a, n.b, n.similarity) for n in near])
            self.db.execute("DELETE FROM pending_dedup WHERE article = %s", (article_id,))

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        rows = self.db.execute("SELECT article, signature FROM signatures ORDER BY pos").fetchall()
        yield from ((a, bytes(s)) for a, s in rows)

    def copy_links(self) -> list[CopyLink]:
        rows = self.db.execute("SELECT a, a_start, a_end, b, b_start, b_end, tokens FROM copy_links ORDER BY pos")
        return [CopyLink(a=r[0], a_start=r[1], a_end=r[2], b=r[3], b_start=r[4], b_end=r[5], tokens=r[6]) for r in rows]

    # entities, clusters, stories, state ---------------------------------------------------
    def put_entities(self, entities: Iterable[Entity]) -> None:
        rows = [(e.id, e.name, e.label, json.dumps(e.to_dict(), ensure_ascii=False)) for e in entities]
        with self.transaction():
            self.db.execute("DELETE FROM entities")
            with self.db.cursor() as cur:
                cur.executemany("INSERT INTO entities VALUES (%s, %s, %s, %s)", rows)

    def set_clusters(self, assignments: dict[str, str]) -> None:
        with self.transaction(), self.db.cursor() as cur:
            cur.executemany("INSERT INTO clusters VALUES (%s, %s)"
                            " ON CONFLICT (article) DO UPDATE SET cluster = excluded.cluster",
                            sorted(assignments.items()))

    def put_stories(self, stories: Iterable[Story]) -> None:
        rows = [(st.id, json.dumps(st.to_dict(), ensure_ascii=False)) for st in stories]
        with self.transaction():
            self.db.execute("DELETE FROM stories")
            with self.db.cursor() as cur:
                cur.executemany("INSERT INTO stories (id, record) VALUES (%s, %s)", rows)

    def stories(self) -> list[Story]:
        rows = self.db.execute("SELECT record FROM stories ORDER BY pos")
        return [Story.from_dict(json.loads(r[0])) for r in rows]

    def put_state(self, key: str, value: bytes) -> None:
        with self.transaction():
            self.db.execute("INSERT INTO state VALUES (%s, %s) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                            (key, value))

