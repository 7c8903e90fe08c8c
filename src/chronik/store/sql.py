"""What the SQL backends share: the queries that are the same SQL in SQLite and PostgreSQL.

Statements are written with ``?`` placeholders; a backend whose driver wants another style
(psycopg: ``%s``) sets :attr:`SQLStore.param`. Each backend keeps ``db`` (its connection) and
implements what differs: connecting, migrations, transactions, upserts and search.
"""

from __future__ import annotations

import json
from typing import Any, Iterator

from chronik.errors import StoreError
from chronik.model import Article, Entity, NearDuplicate, Rejection
from chronik.store.base import Store, decode_record, encode_record


class SQLStore(Store):
    param = "?"
    db: Any
    page = 500  # articles fetched per query by iter_articles

    def _run(self, sql: str, params: tuple = ()) -> Any:
        """Execute ``sql`` (written with ``?`` placeholders) on the connection; returns the cursor."""
        return self.db.execute(sql if self.param == "?" else sql.replace("?", self.param), params)

    def close(self) -> None:
        self.db.close()

    def has_article(self, article_id: str) -> bool:
        return self._run("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def sources(self, article_id: str) -> list[str]:
        rows = self._run("SELECT source FROM article_sources WHERE article = ? ORDER BY source", (article_id,))
        return [r[0] for r in rows]

    def get_article(self, article_id: str) -> Article | None:
        row = self._run("SELECT record, raw FROM articles WHERE id = ?", (article_id,)).fetchone()
        return decode_record(*row) if row else None

    def iter_articles(self, *, raw: bool = True) -> Iterator[Article]:
        # page through seq: never the whole store in memory, no cursor held open across the
        # caller's own writes (a PostgreSQL server-side cursor would need a transaction)
        sql = f"SELECT seq, record, {'raw' if raw else 'NULL'} FROM articles WHERE seq > ? ORDER BY seq LIMIT ?"
        last = -1
        while True:
            rows = self._run(sql, (last, self.page)).fetchall()
            for seq, record, data in rows:
                last = seq
                yield decode_record(record, data)
            if len(rows) < self.page:
                return

    def count_articles(self) -> int:
        return self._run("SELECT COUNT(*) FROM articles").fetchone()[0]

    def update_article(self, article: Article) -> None:
        with self.transaction():
            cur = self._run("UPDATE articles SET record = ?, lang = ? WHERE id = ?",
                            (encode_record(article), article.lang, article.id))
            if cur.rowcount != 1:
                raise StoreError(f"cannot update article {article.id}: not stored")

    def rejections(self) -> list[Rejection]:
        rows = self._run("SELECT source, stage, reason FROM rejections ORDER BY id")
        return [Rejection(source=s, stage=st, reason=r) for s, st, r in rows]

    def pending_dedup(self) -> list[str]:
        # written so that SQLite looks up the few pending ids, not scans every article (a join
        # did: 11 ms per call at 10,000 articles, once per file of a backfill)
        rows = self._run("SELECT a.id FROM articles a WHERE a.id IN (SELECT article FROM pending_dedup) ORDER BY a.seq")
        return [r[0] for r in rows]

    def fingerprints(self) -> Iterator[tuple[int, str]]:
        yield from self._run("SELECT hash, article FROM fingerprints")

    def near_duplicates(self) -> list[NearDuplicate]:
        rows = self._run("SELECT a, b, similarity FROM near_duplicates ORDER BY a, b")
        return [NearDuplicate(a=a, b=b, similarity=s) for a, b, s in rows]

    def entities(self) -> list[Entity]:
        rows = self._run("SELECT record FROM entities ORDER BY name, id")
        return [Entity.from_dict(json.loads(r[0])) for r in rows]

    def cluster_assignments(self) -> dict[str, str]:
        return dict(self._run("SELECT article, cluster FROM clusters ORDER BY article").fetchall())

    def get_state(self, key: str) -> bytes | None:
        row = self._run("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
        return bytes(row[0]) if row else None
