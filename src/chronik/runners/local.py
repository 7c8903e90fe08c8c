"""The local runner: files in, articles stored, cross-article stages updated.

Per-article stages run in this process, in chunks (memory stays bounded on big inputs);
each article is stored in its own transaction; then the incremental cross-article stages
(dedup) process what is new. The distributed runner calls the same stage objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from chronik.clean import Cleaner, CleanerOptions, candidate_lines, outlet_boilerplate
from chronik.dedup import DedupReport, Deduplicator
from chronik.errors import DuplicateArticleError
from chronik.entities import EntityTagger
from chronik.runners.crossdoc import CrossArticle, CrossReport
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

    def pipeline(self, boilerplate: dict[str, frozenset[str]]) -> Pipeline:
        cleaner = Cleaner(CleanerOptions(outlet_boilerplate=boilerplate))
        return Pipeline([cleaner, self.language, self.sentences, self.time, self.entities, *self.extra_stages])

    @staticmethod
    def annotate(pipeline: Pipeline, article: Article, prior: str | None) -> Outcome:
        """One article through the per-article stages; ``prior`` dates the batch for undated ones."""
        if prior and not article.published:
            article = article.replace(meta=dict(article.meta) | {"dct_prior": prior})
        return pipeline(article)

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

    def ingest(self, paths: Iterable[str | Path], store: Store, progress: Progress | None = None, *,
               source_of: Callable[[str], str] | None = None) -> IngestReport:
        """Reads, annotates and stores ``paths``, then runs dedup and the cross-article stages.
        ``source_of`` renames what each article and rejection records as its source (the web
        upload stores "upload:NAME", not the temporary file it was saved to)."""
        report = IngestReport()
        seen: dict[str, str] = {}
        batch: list[Article] = []
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
                self._process(batch, store, report, progress)
                batch = []
        if batch:
            self._process(batch, store, report, progress)
        for rejection in report.rejected:
            if rejection.stage == "ingest":
                store.put_rejection(rejection)
        report.dedup = Deduplicator().run(store, (lambda d, t: progress("dedup", d, t)) if progress else None)
        if report.stored or not self.cross.complete(store):  # new articles, or a run cut short
            report.cross = self.cross.run(store, progress)
        return report

    def _process(self, batch: list[Article], store: Store, report: IngestReport, progress: Progress | None) -> None:
        outlets = {a.outlet for a in batch if a.outlet}
        pipeline = self.pipeline(outlet_boilerplate(batch, known=store.outlet_line_counts(outlets)))
        # a rough date for the batch lets undated articles fix the years they leave open
        prior = batch_prior([a.published for a in batch]) or batch_prior(store.published_dates())
        for article in batch:
            outcome = self.annotate(pipeline, article, prior)
            if outcome.rejection:
                report.rejected.append(outcome.rejection)
                store.put_rejection(outcome.rejection)
                continue
            done = outcome.article
            terms = self.terms(done)
            try:
                with store.transaction():
                    store.put_article(done, terms)
                    if done.outlet:
                        store.add_outlet_lines(done.outlet, candidate_lines(done))
            except DuplicateArticleError:  # another ingester stored it meanwhile
                store.add_source(done.id, done.source)
                report.unchanged.append(done.id)
                continue
            report.stored.append(done.id)
            if progress:
                progress("store", len(report.stored), None)
