"""The local runner: files in, articles stored, cross-article stages updated.

Per-article stages run in this process, in chunks (memory stays bounded on big inputs),
followed by the per-article half of the cross-article stages (:mod:`chronik.runners.hints`);
articles are stored in transactions of :data:`STORE_BATCH`, deduplicated after each chunk,
and the cross-article stages then merge what is new. The distributed runner calls the same
stage objects and functions.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from chronik.clean import Cleaner, CleanerOptions, candidate_lines, outlet_boilerplate
from chronik.dedup import DedupReport, Deduplicator
from chronik.dedup.detector import DedupSession
from chronik.errors import DuplicateArticleError
from chronik.entities import EntityTagger
from chronik.runners.crossdoc import CrossArticle, CrossReport
from chronik.runners.hints import Hints, Preparer, take_sketches
from chronik.ingest import iter_files, read_file
from chronik.model import Article, Rejection
from chronik.pipeline import Outcome, Pipeline, Stage
from chronik.store import Store
from chronik.text import LanguageStage, SentenceStage
from chronik.text.stems import Stemmer
from chronik.time import TimeTagger
from chronik.time.dct import batch_prior

Progress = Callable[[str, int, int | None], None]  # (phase, done, total)


@dataclass(slots=True)
class Duplicate:
    source: str
    same_as: str  # the source that first carried this content
    article: str


@dataclass(slots=True)
class IngestReport:
    files: int = 0
    stored: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)  # already in the store before this run
    duplicates: list[Duplicate] = field(default_factory=list)  # repeated within this run
    rejected: list[Rejection] = field(default_factory=list)
    dedup: DedupReport | None = None
    cross: CrossReport | None = None


class LocalRunner:
    """Runs ingest and the per-article stages in this process."""

    def __init__(self, *, chunk: int = 500, extra_stages: Iterable[Stage] = ()) -> None:
        self.chunk = chunk
        self.extra_stages = tuple(extra_stages)
        self.language = LanguageStage()
        self.sentences = SentenceStage()
        self.time = TimeTagger()
        self.entities = EntityTagger()
        self.cross = CrossArticle()
        self.stemmer = Stemmer()
        self._preparer: Preparer | None = None
        self._annotated = 0  # articles annotated, up to SETTLE

    def pipeline(self, boilerplate: dict[str, frozenset[str]]) -> Pipeline:
        cleaner = Cleaner(CleanerOptions(outlet_boilerplate=boilerplate))
        return Pipeline([cleaner, self.language, self.sentences, self.time, self.entities, *self.extra_stages])

    def annotate(self, pipeline: Pipeline, article: Article, prior: str | None) -> Outcome:
        """One article through the per-article stages (see :meth:`annotate_many`)."""
        return self.annotate_many(pipeline, [article], prior)[0]

    def annotate_many(self, pipeline: Pipeline, articles: list[Article], prior: str | None) -> list[Outcome]:
        """Articles through the per-article stages, stage by stage over the batch
        (:meth:`Pipeline.run_many`); ``prior`` dates the batch for undated ones.

        Once :data:`SETTLE` articles are through, the models, lexicons and indexes the stages
        loaded on first use are frozen out of the cyclic garbage collector (:func:`gc.freeze`):
        they stay for the process, and walking their objects in every full collection cost about
        5 % of the chain's time."""
        if prior:
            articles = [a if a.published else a.replace(meta=dict(a.meta) | {"dct_prior": prior}) for a in articles]
        outcomes = pipeline.run_many(articles)
        if self._annotated < SETTLE:
            self._annotated += len(articles)
            if self._annotated >= SETTLE:
                gc.freeze()
        return outcomes

    def prepare_batch(self, pipeline: Pipeline, articles: list[Article],
                      prior: str | None) -> tuple[list[tuple[Article, Hints, str]], list[Rejection]]:
        """A batch through the per-article stages and the preparer: each article that came
        through, prepared, with its hints and search terms; and the rejections."""
        annotated: list[Article] = []
        rejected: list[Rejection] = []
        for outcome in self.annotate_many(pipeline, articles, prior):
            if outcome.rejection:
                rejected.append(outcome.rejection)
            else:
                annotated.append(outcome.article)
        return [(prepared, hint, self.terms(prepared)) for prepared, hint in self.preparer.many(annotated)], rejected

    def terms(self, article: Article) -> str:
        """The stemmed search terms the store indexes for an article."""
        return " ".join(self.stemmer.terms(f"{article.title or ''}\n{article.text}"))

    def read(self, paths: Iterable[str | Path], report: IngestReport, progress: Progress | None,
             source_of: Callable[[str], str] | None = None) -> Iterator[Article]:
        files = list(iter_files(paths))
        report.files = len(files)
        for i, path in enumerate(files, 1):
            for item in read_file(path):
                if source_of is not None:
                    item = item.replace(source=source_of(item.source))
                if isinstance(item, Rejection):
                    report.rejected.append(item)
                else:
                    yield item
            if progress:
                progress("read", i, len(files))

    @property
    def preparer(self) -> Preparer:
        """The per-article half of the cross-article stages (built on first use)."""
        if self._preparer is None:
            self._preparer = Preparer()
        return self._preparer

    def ingest(self, paths: Iterable[str | Path], store: Store, progress: Progress | None = None, *,
               source_of: Callable[[str], str] | None = None) -> IngestReport:
        """Reads, annotates and stores ``paths``, then runs dedup and the cross-article stages.
        ``source_of`` renames what each article and rejection records as its source (the web
        upload stores "upload:NAME", not the temporary file it was saved to)."""
        report = IngestReport()
        report.dedup = DedupReport()
        seen: dict[str, str] = {}
        batch: list[Article] = []
        hints: dict[str, Hints] = {}
        dedup = Deduplicator()
        session = None
        for article in self.read(paths, report, progress, source_of):
            if article.id in seen:
                report.duplicates.append(Duplicate(source=article.source, same_as=seen[article.id], article=article.id))
                continue
            seen[article.id] = article.source
            if store.has_article(article.id):
                store.add_source(article.id, article.source)
                report.unchanged.append(article.id)
                continue
            batch.append(article)
            if len(batch) >= self.chunk:
                stored = self._process(batch, store, report, progress, hints)
                session = dedup_pending(dedup, session, store, take_sketches(hints), report, progress, stored)
                batch = []
        stored = self._process(batch, store, report, progress, hints) if batch else {}
        for rejection in report.rejected:
            if rejection.stage == "ingest":
                store.put_rejection(rejection)
        dedup_pending(dedup, session, store, take_sketches(hints), report, progress, stored)
        if report.stored or not self.cross.complete(store):  # new articles, or a run cut short
            report.cross = self.cross.run(store, progress, hints=hints)
        return report

    def _process(self, batch: list[Article], store: Store, report: IngestReport, progress: Progress | None,
                 hints: dict[str, Hints]) -> dict[str, Article]:
        """Annotates, prepares and stores ``batch``; returns the prepared articles by id."""
        outlets = {a.outlet for a in batch if a.outlet}
        pipeline = self.pipeline(outlet_boilerplate(batch, known=store.outlet_line_counts(outlets)))
        # a rough date for the batch lets undated articles fix the years they leave open
        prior = batch_prior([a.published for a in batch]) or batch_prior(store.published_dates())
        out: dict[str, Article] = {}
        for lo in range(0, len(batch), STORE_BATCH):
            prepared, rejected = self.prepare_batch(pipeline, batch[lo:lo + STORE_BATCH], prior)
            for rejection in rejected:
                report.rejected.append(rejection)
                store.put_rejection(rejection)
            done: list[tuple[Article, str]] = []
            for article, hint, terms in prepared:
                hints[article.id] = hint
                out[article.id] = article
                done.append((article, terms))
            store_batch(done, store, report, progress)
        return out


STORE_BATCH = 50  # articles per transaction, and per batch through the per-article stages
SETTLE = 20  # articles after which what the stages loaded on first use counts as loaded


def store_batch(done: list[tuple[Article, str]], store: Store, report: IngestReport,
                progress: Progress | None) -> None:
    """Stores annotated articles (with their search terms) in one transaction; an article
    another ingester stored meanwhile only gains a source."""
    if not done:
        return
    with store.transaction():
        for article, terms in done:
            if not _put_new(store, article, terms):
                store.add_source(article.id, article.source)
                report.unchanged.append(article.id)
                continue
            if article.outlet:
                store.add_outlet_lines(article.outlet, candidate_lines(article))
            report.stored.append(article.id)
    if progress:
        progress("store", len(report.stored), None)


def _put_new(store: Store, article: Article, terms: str) -> bool:
    """Stores ``article`` unless its id is stored already (also by a concurrent ingester):
    every store's ``put_article`` refuses a stored id with :class:`DuplicateArticleError`."""
    try:
        store.put_article(article, terms)
    except DuplicateArticleError:
        return False
    return True


def dedup_pending(dedup: Deduplicator, session: DedupSession | None, store: Store, sketches,
                  report: IngestReport, progress: Progress | None,
                  articles: dict[str, Article] | None = None) -> DedupSession | None:
    """Dedups what is pending now (in store order, as one run at the end would) and returns
    the session (its index grows), to call again after the next batch is stored.
    ``articles``: the ones just stored, as stored (saves reading them back)."""
    pending = store.pending_dedup()
    if pending:
        session = session or dedup.session(store)
        part = session.process(pending, sketches, (lambda d, t: progress("dedup", d, t)) if progress else None,
                               articles=articles)
        report.dedup.articles += part.articles
        report.dedup.links += part.links
        report.dedup.near_duplicates += part.near_duplicates
    return session
