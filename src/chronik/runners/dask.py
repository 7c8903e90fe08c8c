"""The Dask runner: one task per input file on Dask workers, storing on the driver.

Workers run ``read_file``, the SAME per-article stage objects as the local runner
(``LocalRunner().pipeline(...)``, built once per worker by a worker plugin) and the same
:class:`~chronik.runners.hints.Preparer` (local entities, events, dedup sketch, lemmas and
lead embedding); the driver stores each file's articles in one transaction, deduplicates them
with the workers' sketches while later tasks still run, and at the end merges: canonical
entities, clusters and stories (:class:`~chronik.runners.crossdoc.CrossArticle`).

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

A killed worker loses nothing: its nanny restarts it, Dask reruns its task elsewhere and the
driver stores each file once (see :meth:`DaskRunner._run`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Callable, Iterable, Literal

from chronik.clean import candidate_lines, outlet_boilerplate
from chronik.dedup import DedupReport, Deduplicator
from chronik.errors import WorkerError, missing_extra
from chronik.ingest import iter_files, read_file
from chronik.model import Article, Rejection
from chronik.runners.hints import Hints, take_sketches
from chronik.runners.local import (STORE_BATCH, Duplicate, IngestReport, LocalRunner, Progress, dedup_pending,
                                   store_batch)
from chronik.store import Store
from chronik.time.dct import batch_prior

PLUGIN = "chronik-stages"
RETRIES = 3  # times a file whose task was cancelled is submitted again (Dask reruns killed tasks itself)
RESUME = "the files before it are stored; run again to resume"

# Dask's defaults suit interactive work: a statistical profiler samples every worker thread
# every 10 ms, the event loops tick every 20 ms and system monitors poll twice a second. On a
# 2-core machine that costs about 12 % of a core with two idle workers (measured; 1.7 % with
# these settings) and taxes every task. chronik's tasks are long (a whole file), so the local
# cluster it starts runs without the profiler and with slower housekeeping; an external
# cluster (``scheduler=``) keeps its own configuration.
THROUGHPUT_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "200ms",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "1s",
}


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

        def setup(self, worker) -> None:
            self.runner = LocalRunner()

        def teardown(self, worker) -> None:
            self.runner = None

    return StagesPlugin()


def given(value):
    """A task returning its argument: data for every task (the batch's boilerplate) that the
    scheduler can compute again from the task when every worker holding it has died."""
    return value


def _plugin():
    from distributed import get_worker

    return get_worker().plugins.get(PLUGIN)


def _runner() -> LocalRunner:
    plugin = _plugin()
    return plugin.runner if plugin is not None and plugin.runner is not None else LocalRunner()


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
    """The second pass over one file: prepared articles (with search terms and hints) and rejections."""

    path: str
    done: list[tuple[Article, str]] = field(default_factory=list)
    hints: dict[str, Hints] = field(default_factory=dict)  # for the driver's dedup and merge
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
                 prior: str | None) -> FileResult:
    """Runs on a worker: read one file, run the per-article stages on the wanted articles and
    prepare them for the driver's cross-article stages."""
    runner = _runner()
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
    for lo in range(0, len(todo), STORE_BATCH):
        prepared, rejected = runner.prepare_batch(pipeline, todo[lo:lo + STORE_BATCH], prior)
        result.rejected.extend(rejected)
        for article, hint, terms in prepared:
            result.hints[article.id] = hint
            result.done.append((article, terms))
    return result


class DaskRunner:
    """Runs the per-article stages on a Dask cluster, one task per input file."""

    def __init__(self, scheduler: str | None = None, workers: int | None = None, *,
                 boilerplate: Literal["batch", "file"] = "batch", in_flight: int | None = None) -> None:
        if boilerplate not in ("batch", "file"):
            raise ValueError(f"boilerplate must be 'batch' or 'file', not {boilerplate!r}")
        self.scheduler = scheduler
        self.workers = workers
        self.boilerplate = boilerplate
        self.in_flight = in_flight
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
                import dask

                # dashboard on a free port: None still tries 8787 and fails to start when another
                # Dask cluster on the machine holds it
                with dask.config.set(THROUGHPUT_CONFIG):  # the workers take the config they start with
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
        hints: dict[str, Hints] = {}
        dedup = Deduplicator()
        session = None  # dedup runs as the files are stored, while later tasks still run
        report.dedup = DedupReport()
        for i, result in enumerate(results, 1):
            unread.extend(result.unread)
            report.rejected.extend(result.unread)
            for rejection in result.rejected:
                report.rejected.append(rejection)
                store.put_rejection(rejection)
            done = []
            for article, terms in result.done:
                if self.boilerplate == "file":  # no first pass: dedupe here
                    if article.id in seen:
                        report.duplicates.append(Duplicate(source=article.source, same_as=seen[article.id],
                                                           article=article.id))
                        continue
                    seen[article.id] = article.source
                done.append((article, terms))
            store_batch(done, store, report, progress)
            session = dedup_pending(dedup, session, store, take_sketches(result.hints), report, progress,
                                    {article.id: article for article, _ in done})
            hints.update(result.hints)
            if on_file:
                on_file(result.path)
            if progress:
                progress("read", i, len(files))
        for rejection in unread:
            store.put_rejection(rejection)
        dedup_pending(dedup, session, store, {}, report, progress)  # anything left pending
        cross = self.local.cross
        if report.stored or not cross.complete(store):
            report.cross = cross.run(store, progress, hints=hints)
        return report

    def _plan(self, client, files: list[str], store: Store, report: IngestReport):
        """First pass: which articles to process, and the batch's boilerplate and date prior."""
        distributed = _dask()
        futures = client.map(summarise_file, files, pure=False)
        try:
            summaries = client.gather(futures)
        except distributed.client.FutureCancelledError as exc:  # nothing stored yet: a rerun plans again
            path = {f.key: p for f, p in zip(futures, files)}[exc.key]
            raise WorkerError(path, f"Dask cancelled its first pass ({exc.reason}); run again") from exc
        except distributed.KilledWorker as exc:
            path = {f.key: p for f, p in zip(futures, files)}[exc.task]
            raise WorkerError(path, f"the Dask workers reading it died {exc.allowed_failures + 1} times "
                                    f"(KilledWorker); run again") from exc
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
        """Submits the tasks (a bounded number in flight), yields results in input order.

        A worker that dies mid-task is restarted by its nanny and Dask reruns the task on a live
        worker; a result lost with its worker is computed again. The batch's boilerplate reaches
        the workers as the result of a task (:func:`given`), not as scattered data: Dask forgets
        scattered data whose last holder dies, and with it every task that needs it (the run
        used to fail with ``FutureCancelledError: ... already forgotten``). A task cancelled all
        the same is submitted again, up to :data:`RETRIES` times. A file whose workers died more
        often than the scheduler allows (``KilledWorker``) ends the run with a
        :class:`~chronik.errors.WorkerError` naming it, once the files before it are stored.
        """
        distributed = _dask()
        limit = self.in_flight or max(2, 2 * len(client.scheduler_info().get("workers", {})) or 2)
        shared = plans[0][2] if plans else None  # one boilerplate for the batch, or None per file
        boilerplate = None
        pending = iter(range(len(plans)))
        ready: dict[int, FileResult | WorkerError] = {}
        futures = distributed.as_completed()
        live: dict[str, tuple[int, object]] = {}  # future key -> (plan index, future)
        tries: Counter[int] = Counter()
        following = 0

        def submit(i: int) -> None:
            nonlocal boilerplate
            path, wanted, _bp, prior = plans[i]
            if shared is not None and (boilerplate is None or boilerplate.cancelled()):
                boilerplate = client.submit(given, shared, pure=False)
            # files run in input order, as the driver stores them (separate submits share a priority,
            # so a worker could start a later file first)
            future = client.submit(process_file, path, wanted, boilerplate, prior, pure=False, priority=-i)
            live[future.key] = (i, future)
            futures.add(future)

        for i in islice(pending, limit):
            submit(i)
        try:
            for future in futures:
                i, _ = live.pop(future.key)
                try:
                    ready[i] = future.result()
                except distributed.client.FutureCancelledError as exc:
                    tries[i] += 1
                    if tries[i] <= RETRIES:
                        submit(i)
                        continue
                    ready[i] = WorkerError(plans[i][0], f"Dask cancelled its task {tries[i]} times "
                                                        f"(last: {exc.reason}); {RESUME}")
                except distributed.KilledWorker as exc:
                    ready[i] = WorkerError(plans[i][0], f"the Dask workers running it died {exc.allowed_failures + 1} "
                                                        f"times (KilledWorker); {RESUME}")
                finally:
                    future.release()
                for j in islice(pending, 1):
                    submit(j)
                while following in ready:
                    result = ready.pop(following)
                    if isinstance(result, WorkerError):
                        raise result
                    yield result
                    following += 1
        finally:  # given up, or the caller stopped: nothing left running for this ingest
            if live and client.status == "running":
                client.cancel([future for _, future in live.values()])
