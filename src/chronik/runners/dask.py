"""The Dask runner: one task per input file on Dask workers, storing on the driver.

Workers run ``read_file`` and the SAME per-article stage objects as the local runner
(``LocalRunner().pipeline(...)``, built once per worker by a worker plugin); the driver
stores each result in its own transaction, then runs the cross-article stages
(:class:`~chronik.dedup.Deduplicator`, :class:`~chronik.runners.crossdoc.CrossArticle`).

Outlet boilerplate needs the whole batch. With ``boilerplate="batch"`` (the default) a first,
cheap pass (also on the workers) returns each file's article ids, outlets, candidate lines
and dates; the driver decides which copy of each id is processed (the first in input
order, as the local runner does), computes the boilerplate and the date prior over the
batch, and sends them to the second pass. Results are stored in input order as soon as
the files before them are done, so the store ends up identical to the local runner's for
inputs of up to ``LocalRunner.chunk`` articles (the local runner recomputes boilerplate per
chunk of that size; this runner uses one batch). ``boilerplate="file"`` skips the first
pass: each task computes boilerplate over its own file only (cheaper, results may differ
from the local runner when an outlet's articles are spread over several files).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Literal

from chronik.clean import candidate_lines, outlet_boilerplate
from chronik.dedup import DedupReport, Deduplicator
from chronik.errors import DuplicateArticleError, missing_extra
from chronik.ingest import iter_files, read_file
from chronik.model import Article, Rejection
from chronik.runners.hints import HintMaker, Hints
from chronik.runners.local import Duplicate, IngestReport, LocalRunner, Progress
from chronik.store import Store
from chronik.time.dct import batch_prior

PLUGIN = "chronik-stages"


def _dask():
    try:
        import distributed
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise missing_extra("dask", "dask") from exc
    return distributed


def stages_plugin():
    """A worker plugin holding one LocalRunner (its stage objects) per worker process."""
    distributed = _dask()

    class StagesPlugin(distributed.WorkerPlugin):
        name = PLUGIN
        idempotent = True

        def __init__(self) -> None:
            self.runner: LocalRunner | None = None
            self.hints: HintMaker | None = None

        def setup(self, worker) -> None:
            self.runner = LocalRunner()

        def teardown(self, worker) -> None:
            self.runner = None
            self.hints = None

    return StagesPlugin()


def _plugin():
    from distributed import get_worker

    return get_worker().plugins.get(PLUGIN)


def _runner() -> LocalRunner:
    plugin = _plugin()
    return plugin.runner if plugin is not None and plugin.runner is not None else LocalRunner()


def _hint_maker() -> HintMaker:
    plugin = _plugin()
    if plugin is None:
        return HintMaker()
    if plugin.hints is None:  # built on first use: loads the embedding model once per worker
        plugin.hints = HintMaker()
    return plugin.hints


@dataclass(slots=True)
class FileSummary:
    """The first pass over one file: what the driver needs to plan the second."""

    path: str
    ids: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    outlets: list[str | None] = field(default_factory=list)
    lines: list[set[str]] = field(default_factory=list)
    published: list[str | None] = field(default_factory=list)


@dataclass(slots=True)
class FileResult:
    """The second pass over one file: annotated articles (with search terms and hints) and rejections."""

    path: str
    done: list[tuple[Article, str]] = field(default_factory=list)
    hints: Hints = field(default_factory=Hints)  # for the driver's dedup and clusters
    rejected: list[Rejection] = field(default_factory=list)  # pipeline rejections
    unread: list[Rejection] = field(default_factory=list)  # read (ingest) rejections


def summarise_file(path: str) -> FileSummary:
    summary = FileSummary(path)
    for item in read_file(Path(path)):
        if isinstance(item, Article):
            summary.ids.append(item.id)
            summary.sources.append(item.source)
            summary.outlets.append(item.outlet)
            summary.lines.append(candidate_lines(item) if item.outlet else set())
            summary.published.append(item.published)
    return summary


def process_file(path: str, wanted: frozenset[int] | None, boilerplate: dict[str, frozenset[str]] | None,
                 prior: str | None, hints: bool = True) -> FileResult:
    """Runs on a worker: read one file, run the per-article stages on the wanted articles and
    (``hints``) compute their dedup sketches and lead embeddings for the driver."""
    runner = _runner()
    maker = _hint_maker() if hints else None
    result = FileResult(path)
    articles: list[Article] = []
    for item in read_file(Path(path)):
        if isinstance(item, Rejection):
            result.unread.append(item)
            continue
        if wanted is None or len(articles) in wanted:
            articles.append(item)
        else:
            articles.append(None)  # keeps positions; not processed
    todo = [a for a in articles if a is not None]
    if wanted is None:  # per-file mode: the file is the batch
        seen: set[str] = set()
        todo = [a for a in todo if not (a.id in seen or seen.add(a.id))]
        boilerplate = outlet_boilerplate(todo)
        prior = batch_prior([a.published for a in todo])
    pipeline = runner.pipeline(boilerplate or {})
    for article in todo:
        outcome = runner.annotate(pipeline, article, prior)
        if outcome.rejection:
            result.rejected.append(outcome.rejection)
            continue
        result.done.append((outcome.article, runner.terms(outcome.article)))
        if maker is not None:
            result.hints.add(outcome.article.id, *maker(outcome.article))
    return result


class DaskRunner:
    """Runs the per-article stages on a Dask cluster, one task per input file."""

    def __init__(self, scheduler: str | None = None, workers: int | None = None, *,
                 boilerplate: Literal["batch", "file"] = "batch", in_flight: int | None = None,
                 hints: bool = False) -> None:
        if boilerplate not in ("batch", "file"):
            raise ValueError(f"boilerplate must be 'batch' or 'file', not {boilerplate!r}")
        self.scheduler = scheduler
        self.workers = workers
        self.boilerplate = boilerplate
        self.in_flight = in_flight
        # workers compute dedup sketches, lemmas and embeddings for the driver: less driver work,
        # more worker work and traffic; slower where workers and driver share 2 cores (docs/scale.md)
        self.hints = hints
        self.local = LocalRunner()  # for the driver-side cross-article stages only
        self._cluster = None
        self._client = None

    # -- cluster lifetime -------------------------------------------------------------
    def client(self):
        if self._client is None:
            distributed = _dask()
            if self.scheduler:
                self._client = distributed.Client(self.scheduler)
            else:
                # dashboard on a free port: None still tries 8787 and fails to start when another
                # Dask cluster on the machine holds it
                self._cluster = distributed.LocalCluster(
                    n_workers=self.workers or 1, threads_per_worker=1, processes=True,
                    host="127.0.0.1", dashboard_address=":0")
                self._client = distributed.Client(self._cluster)
            self._client.register_plugin(stages_plugin(), name=PLUGIN)
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def __enter__(self) -> DaskRunner:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- ingest -----------------------------------------------------------------------
    def ingest(self, paths: Iterable[str | Path], store: Store, progress: Progress | None = None, *,
               on_file: Callable[[str], None] | None = None) -> IngestReport:
        """``on_file(path)`` is called once a file's articles are all stored (the backfill's checkpoint)."""
        client = self.client()
        report = IngestReport()
        files = [str(p) for p in iter_files(paths)]
        report.files = len(files)
        if self.boilerplate == "batch":
            plans = self._plan(client, files, store, report)
        else:
            plans = [(path, None, None, None) for path in files]
        results = self._run(client, plans, progress)
        seen: dict[str, str] = {}
        unread: list[Rejection] = []
        hints = Hints()
        dedup = Deduplicator()
        session = None  # dedup runs as the files are stored, while later tasks still run
        report.dedup = DedupReport()
        for i, result in enumerate(results, 1):
            unread.extend(result.unread)
            report.rejected.extend(result.unread)
            for rejection in result.rejected:
                report.rejected.append(rejection)
                store.put_rejection(rejection)
            for done, terms in result.done:
                if self.boilerplate == "file":  # no first pass: dedupe here
                    if done.id in seen:
                        report.duplicates.append(Duplicate(source=done.source, same_as=seen[done.id], article=done.id))
                        continue
                    seen[done.id] = done.source
                self._store(done, terms, store, report, progress)
            hints.merge(result.hints)
            session = self._dedup(dedup, session, store, result.hints.sketches, report, progress)
            if on_file:
                on_file(result.path)
            if progress:
                progress("read", i, len(files))
        for rejection in unread:
            store.put_rejection(rejection)
        self._dedup(dedup, session, store, {}, report, progress)  # anything left pending
        cross = self.local.cross
        if report.stored or not cross.complete(store):
            report.cross = cross.run(store, progress, hints=hints)
        return report

    @staticmethod
    def _dedup(dedup: Deduplicator, session, store: Store, sketches, report: IngestReport, progress: Progress | None):
        """Dedups what is pending now (in store order, as a single run at the end would)."""
        pending = store.pending_dedup()
        if pending:
            session = session or dedup.session(store)
            part = session.process(pending, sketches, (lambda d, t: progress("dedup", d, t)) if progress else None)
            report.dedup.articles += part.articles
            report.dedup.links += part.links
            report.dedup.near_duplicates += part.near_duplicates
        return session

    def _plan(self, client, files: list[str], store: Store, report: IngestReport):
        """First pass: which articles to process, and the batch's boilerplate and date prior."""
        summaries = client.gather(client.map(summarise_file, files, pure=False))
        seen: dict[str, str] = {}
        wanted: list[set[int]] = []
        counts: dict[str, Counter] = defaultdict(Counter)
        published: list[str | None] = []
        for summary in summaries:
            keep: set[int] = set()
            for i, (aid, source) in enumerate(zip(summary.ids, summary.sources)):
                if aid in seen:
                    report.duplicates.append(Duplicate(source=source, same_as=seen[aid], article=aid))
                    continue
                seen[aid] = source
                if store.has_article(aid):
                    store.add_source(aid, source)
                    report.unchanged.append(aid)
                    continue
                keep.add(i)
                if summary.outlets[i]:
                    counts[summary.outlets[i]].update(summary.lines[i])
                published.append(summary.published[i])
            wanted.append(keep)
        known = store.outlet_line_counts(set(counts))
        for outlet, lines in known.items():
            counts[outlet].update(lines)
        boilerplate = {o: frozenset(ln for ln, n in c.items() if n >= 3) for o, c in counts.items()}
        prior = batch_prior(published) or batch_prior(store.published_dates())
        return [(s.path, frozenset(w), boilerplate, prior) for s, w in zip(summaries, wanted)]

    def _run(self, client, plans, progress: Progress | None):
        """Submits the tasks (a bounded number in flight), yields results in input order."""
        distributed = _dask()
        limit = self.in_flight or max(2, 2 * len(client.scheduler_info().get("workers", {})) or 2)
        boilerplate = client.scatter([plans[0][2]], broadcast=True)[0] if plans and plans[0][2] is not None else None
        pending = iter(enumerate(plans))
        ready: dict[int, FileResult] = {}
        futures = distributed.as_completed()
        index: dict[str, int] = {}
        following = 0

        def submit() -> bool:
            for i, (path, wanted, _bp, prior) in pending:
                future = client.submit(process_file, path, wanted, boilerplate, prior, self.hints, pure=False)
                index[future.key] = i
                futures.add(future)
                return True
            return False

        for _ in range(limit):
            if not submit():
                break
        for future in futures:
            ready[index.pop(future.key)] = future.result()
            future.release()
            submit()
            while following in ready:
                yield ready.pop(following)
                following += 1

    def _store(self, done: Article, terms: str, store: Store, report: IngestReport, progress: Progress | None) -> bool:
        """Stores one article; False when it was stored already."""
        if store.has_article(done.id):  # stored by another ingester since the plan was made
            store.add_source(done.id, done.source)
            report.unchanged.append(done.id)
            return False
        try:
            with store.transaction():
                store.put_article(done, terms)
                if done.outlet:
                    store.add_outlet_lines(done.outlet, candidate_lines(done))
        except DuplicateArticleError:
            store.add_source(done.id, done.source)
            report.unchanged.append(done.id)
            return False
        report.stored.append(done.id)
        if progress:
            progress("store", len(report.stored), None)
        return True
