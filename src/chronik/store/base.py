"""The storage interface every backend implements (SQLite and PostgreSQL; their shared SQL is
in :mod:`chronik.store.sql`).

Writes happen inside :meth:`Store.transaction`; one article is stored in one transaction,
so a run killed halfway leaves either the whole article or nothing. Records go in and come
out as :mod:`chronik.model` records.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Iterable, Iterator

from chronik.model import Article, Entity, NearDuplicate, Rejection, Story


@dataclass(frozen=True, slots=True, kw_only=True)
class CopyLink:
    """Two articles share a passage: ``a[a_start:a_end]`` ~ ``b[b_start:b_end]`` (cleaned text)."""

    a: str
    a_start: int
    a_end: int
    b: str
    b_start: int
    b_end: int
    tokens: int  # matched words


def encode_record(article: Article) -> str:
    """An article as the JSON a store keeps (its raw bytes go in a column of their own)."""
    record = article.to_dict()
    record.pop("raw")
    return json.dumps(record, ensure_ascii=False)


def decode_record(record: str, raw: bytes) -> Article:
    """The article a store kept as :func:`encode_record` JSON plus its raw bytes (None: left out)."""
    return Article.from_dict(json.loads(record) | {"raw": None}).replace(raw=bytes(raw) if raw is not None else b"")


class Store(ABC):
    """A chronik database. Backends are chosen by URL scheme (see :func:`chronik.store.open_store`)."""

    url: str

    @abstractmethod
    def transaction(self) -> AbstractContextManager[None]: ...

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # articles ---------------------------------------------------------------------------
    @abstractmethod
    def has_article(self, article_id: str) -> bool: ...

    @abstractmethod
    def put_article(self, article: Article, terms: str) -> None:
        """Store a new article with its search terms and mark it pending for dedup.

        Raises :class:`~chronik.errors.DuplicateArticleError` when the id is already stored.
        """

    @abstractmethod
    def add_source(self, article_id: str, source: str) -> None:
        """Record that ``source`` also carried an already stored article."""

    @abstractmethod
    def sources(self, article_id: str) -> list[str]: ...

    @abstractmethod
    def get_article(self, article_id: str) -> Article | None: ...

    @abstractmethod
    def iter_articles(self, *, raw: bool = True) -> Iterator[Article]:
        """All articles in the order they were stored, read a page at a time. ``raw=False``:
        without their raw input bytes (``raw`` is empty), for readers of text and annotations:
        the raw HTML is most of an article's size."""

    @abstractmethod
    def count_articles(self) -> int: ...

    @abstractmethod
    def update_article(self, article: Article) -> None:
        """Replace a stored article's record (annotations a cross-article stage changed); raw input stays."""

    @abstractmethod
    def published_dates(self) -> list[str]:
        """The ``published`` values (as given) of the stored articles that have one."""

    # rejections -------------------------------------------------------------------------
    @abstractmethod
    def put_rejection(self, rejection: Rejection) -> None: ...

    @abstractmethod
    def rejections(self) -> list[Rejection]: ...

    # search -----------------------------------------------------------------------------
    @abstractmethod
    def search_ids(self, terms: list[str], limit: int) -> list[tuple[str, float]]:
        """Ids of articles containing all ``terms`` (stems), best first, with a score."""

    # outlet boilerplate -----------------------------------------------------------------
    @abstractmethod
    def outlet_line_counts(self, outlets: Iterable[str]) -> dict[str, dict[str, int]]: ...

    @abstractmethod
    def add_outlet_lines(self, outlet: str, lines: Iterable[str]) -> None: ...

    # dedup --------------------------------------------------------------------------------
    @abstractmethod
    def pending_dedup(self) -> list[str]:
        """Ids of stored articles not yet compared with the others, in storage order."""

    @abstractmethod
    def finish_dedup(self, article_id: str, fingerprints: Iterable[int], signature: bytes,
                     links: Iterable[CopyLink], near: Iterable[NearDuplicate]) -> None: ...

    @abstractmethod
    def fingerprints(self) -> Iterator[tuple[int, str]]:
        """Every stored (fingerprint, article) pair, for an in-memory index."""

    @abstractmethod
    def signatures(self) -> Iterator[tuple[str, bytes]]: ...

    @abstractmethod
    def copy_links(self) -> list[CopyLink]: ...

    @abstractmethod
    def near_duplicates(self) -> list[NearDuplicate]: ...

    # entities, clusters, stories ---------------------------------------------------------
    @abstractmethod
    def put_entities(self, entities: Iterable[Entity]) -> None:
        """Replace the canonical entities."""

    @abstractmethod
    def entities(self) -> list[Entity]: ...

    @abstractmethod
    def set_clusters(self, assignments: dict[str, str]) -> None:
        """Record (or move) articles' event clusters: article id -> cluster id."""

    @abstractmethod
    def cluster_assignments(self) -> dict[str, str]: ...

    @abstractmethod
    def put_stories(self, stories: Iterable[Story]) -> None:
        """Replace the stories."""

    @abstractmethod
    def stories(self) -> list[Story]: ...

    @abstractmethod
    def put_state(self, key: str, value: bytes) -> None:
        """Keep a cross-article stage's state (e.g. the online clusterer) between runs."""

    @abstractmethod
    def get_state(self, key: str) -> bytes | None: ...
