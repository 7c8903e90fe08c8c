"""The ``chronik`` command line."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from chronik import __version__
from chronik.errors import ChronikError

HELP = """chronik turns news articles into a sourced chronicle, offline and German first.

\b
Typical use:
  chronik ingest articles/            store a folder of .txt, .html, feeds, WARC, JSONL
  chronik articles                    list what is stored
  chronik search "Pjöngjang Besuch"   full-text search (German stemming)
  chronik export copies --format json wire copy shared between articles

The database is ./chronik.db unless --db or $CHRONIK_DB says otherwise.
"""


class Context:
    def __init__(self, db: str | None) -> None:
        self.db = db
        # a pipe or file gets wide tables rather than rich's 80-column default
        self.out = Console(highlight=False, soft_wrap=True, width=None if sys.stdout.isatty() else 160)
        self.err = Console(stderr=True, highlight=False, soft_wrap=True)

    def store(self):
        from chronik.store import open_store

        return open_store(self.db)


@click.group(help=HELP, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--db", metavar="URL", envvar="CHRONIK_DB", default=None,
              help="Database: a file path or sqlite:///path (default ./chronik.db), or postgresql://...")
@click.version_option(__version__, prog_name="chronik")
@click.pass_context
def main(ctx: click.Context, db: str | None) -> None:
    ctx.obj = Context(db)


def _fail(ctx: Context, exc: ChronikError) -> None:
    ctx.err.print(f"[bold red]error:[/] {escape(str(exc))}")
    sys.exit(2)


def _runner(scheduler: str | None, workers: int | None):
    """The local runner, or the Dask runner when a scheduler or a worker count is given."""
    if scheduler or workers:
        from chronik.runners.dask import DaskRunner

        return DaskRunner(scheduler=scheduler, workers=workers)
    from chronik.runners import LocalRunner

    return LocalRunner()


_DASK_OPTIONS = (
    click.option("--scheduler", metavar="tcp://HOST:PORT", help="Run per-article stages on this Dask cluster."),
    click.option("--workers", type=click.IntRange(1), help="Start a local Dask cluster with this many worker processes."),
)


def _dask_options(fn):
    for option in reversed(_DASK_OPTIONS):
        fn = option(fn)
    return fn


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary table.")
@_dask_options
@click.pass_obj
def ingest(ctx: Context, paths: tuple[Path, ...], quiet: bool, scheduler: str | None, workers: int | None) -> None:
    """Store the articles in PATHS (files or folders, searched recursively).

    \b
    Formats by extension: .txt (optional header lines "date 2023-09", "title ...",
    "source ...", "url ..."), .html, .rss/.atom/.xml feeds, .warc/.warc.gz, .jsonl,
    and any of these gzipped. Re-ingesting the same content changes nothing.
    Bad inputs are reported on stderr with the file and the reason; the rest is stored.
    Exit status: 0 when everything was stored or already present, 1 when anything was
    rejected, 2 on a usage or database error. With --workers N or --scheduler the
    per-article stages run on Dask workers (pip install 'chronik[dask]'); the result is
    the same as the local run.
    """
    try:
        store = ctx.store()
    except ChronikError as exc:
        _fail(ctx, exc)
    with store:
        progress = Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                            TimeElapsedColumn(), console=ctx.err, disable=quiet or not ctx.err.is_terminal,
                            transient=True)
        tasks: dict[str, int] = {}
        labels = {"read": "reading files", "store": "storing articles", "dedup": "finding copies"}

        def tick(phase: str, done: int, total: int | None) -> None:
            if phase not in tasks:
                tasks[phase] = progress.add_task(labels.get(phase, phase), total=total)
            progress.update(tasks[phase], completed=done, total=total)

        try:
            runner = _runner(scheduler, workers)
            with progress:
                report = runner.ingest(paths, store, tick)
        except ChronikError as exc:
            _fail(ctx, exc)
        finally:
            close = getattr(locals().get("runner"), "close", None)
            if close:
                close()
        if report.files == 0:
            ctx.err.print(f"[yellow]warning:[/] no input files in {', '.join(escape(str(p)) for p in paths)}")
        for dup in report.duplicates:
            ctx.err.print(f"[yellow]duplicate:[/] {escape(dup.source)}: same content as {escape(dup.same_as)} (article {dup.article})")
        for rej in report.rejected:
            ctx.err.print(f"[red]rejected:[/] {escape(rej.source)}: {escape(rej.reason)} [dim](stage {rej.stage})[/]")
        if not quiet:
            table = Table(title=f"ingest into {store.url}", show_header=False)
            for label, value in (
                ("files read", report.files),
                ("articles stored", len(report.stored)),
                ("already stored (unchanged)", len(report.unchanged)),
                ("duplicates in this run", len(report.duplicates)),
                ("rejected", len(report.rejected)),
                ("shared passages found", report.dedup.links if report.dedup else 0),
                ("near-duplicate pairs", report.dedup.near_duplicates if report.dedup else 0),
                ("entities (all articles)", report.cross.entities if report.cross else "–"),
                ("event clusters", report.cross.clusters if report.cross else "–"),
                ("stories", report.cross.stories if report.cross else "–"),
                ("dates pooled from siblings", report.cross.reanchored if report.cross else "–"),
                ("articles in the store", store.count_articles()),
            ):
                table.add_row(label, str(value))
            ctx.out.print(table)
    sys.exit(1 if report.rejected else 0)


@main.command()
@click.argument("manifest", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--step", default=64, show_default=True, type=click.IntRange(1), help="Files per step between checkpoints.")
@_dask_options
@click.pass_obj
def backfill(ctx: Context, manifest: Path, step: int, scheduler: str | None, workers: int | None) -> None:
    """Ingest the WARC files listed in MANIFEST (one path a line), resumably.

    A killed run continues where it stopped the next time; nothing is stored twice.
    Progress (files, articles, errors, articles/s) goes to stderr.
    """
    from chronik.runners.backfill import Backfill

    runner = None
    try:
        with ctx.store() as store:
            runner = _runner(scheduler, workers)
            result = Backfill(manifest, store, runner, step=step, progress=lambda p: ctx.err.print(p.line())).run()
    except ChronikError as exc:
        _fail(ctx, exc)
    finally:
        if runner is not None and hasattr(runner, "close"):
            runner.close()
    ctx.out.print(result.line())
    sys.exit(1 if getattr(result, "errors", 0) else 0)


@main.command()
@click.option("--limit", "-n", default=50, show_default=True, help="Show at most this many.")
@click.pass_obj
def articles(ctx: Context, limit: int) -> None:
    """List stored articles: id, date, outlet, language, headline."""
    with ctx.store() as store:
        table = Table(title=f"{store.count_articles()} articles")
        for col in ("id", "published", "outlet", "lang"):
            table.add_column(col, no_wrap=True)
        table.add_column("headline", overflow="fold")
        for i, a in enumerate(store.iter_articles(raw=False)):
            if i >= limit:
                break
            table.add_row(a.id, a.published or "–", a.outlet or "–", a.lang or "–", escape(a.headline(80)))
        ctx.out.print(table)


@main.command()
@click.argument("article_id")
@click.option("--raw", is_flag=True, help="Print the raw input bytes (decoded) instead of the cleaned text.")
@click.pass_obj
def show(ctx: Context, article_id: str, raw: bool) -> None:
    """Print one article's metadata and cleaned text (or its raw input)."""
    with ctx.store() as store:
        article = store.get_article(article_id)
        if article is None:
            ctx.err.print(f"[red]no article with id {escape(article_id)}[/]")
            sys.exit(2)
        if raw:
            click.echo(article.raw.decode("utf-8", errors="replace"))
            return
        for key in ("id", "source", "format", "outlet", "title", "url", "author", "published", "lang"):
            ctx.out.print(f"[bold]{key}:[/] {escape(str(getattr(article, key) or '–'))}")
        inferred = article.published_inferred
        if inferred:
            ctx.out.print(f"[bold]date inferred:[/] {inferred.value or '?'} (between {inferred.earliest} and "
                          f"{inferred.latest}; {escape(inferred.method)})")
        ctx.out.print(f"[bold]removed:[/] {', '.join(sorted({s.label for s in article.removed})) or '–'}")
        if article.timexes:
            ctx.out.print("[bold]time expressions:[/] " + "; ".join(
                f"{escape(article.span_text(t))} = {t.value}{' ' + t.mod if t.mod else ''}" for t in article.timexes))
        ctx.out.print()
        click.echo(article.text)


@main.command()
@click.argument("query", nargs=-1, required=True)
@click.option("--limit", "-n", default=10, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print hits as JSON.")
@click.pass_obj
def search(ctx: Context, query: tuple[str, ...], limit: int, as_json: bool) -> None:
    """Full-text search over German-stemmed text ("Pjoengjang" finds "Pjöngjang").

    All words must occur; hits come best first, each with a snippet.
    """
    from chronik.store.search import search as run_search

    text = " ".join(query)
    with ctx.store() as store:
        hits = run_search(store, text, limit=limit)
    if as_json:
        click.echo(json.dumps([dataclasses.asdict(h) for h in hits], ensure_ascii=False, indent=2))
        return
    if not hits:
        ctx.out.print(f"no article matches {escape(text)!r}")
        return
    for rank, h in enumerate(hits, 1):
        marked, pos = [], 0
        for s, e in h.marks:
            marked.append(escape(h.snippet[pos:s]) + "[bold yellow]" + escape(h.snippet[s:e]) + "[/]")
            pos = e
        marked.append(escape(h.snippet[pos:]))
        ctx.out.print(f"{rank}. [bold]{h.article}[/] {escape(h.title or '')} [dim]{escape(h.source)}[/]")
        ctx.out.print("  " + "".join(marked) + "\n")


@main.command()
@click.argument("kind")
@click.option("--format", "fmt", type=click.Choice(["json"]), default="json", show_default=True)
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Write to this file instead of stdout.")
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=None,
              help="events only: keep the events whose confidence is at least this (fewer, surer events; "
                   "0.8 gave 0.80 precision on unseen news against 0.75 for all, docs/events.md).")
@click.pass_obj
def export(ctx: Context, kind: str, fmt: str, output: Path | None, min_confidence: float | None) -> None:
    """Export KIND as JSON: articles, copies, entities, events, clusters, stories, timeline,
    novelty, duplicates, rejections.

    \b
    Examples:
      chronik export events -o events.json
      chronik export events --min-confidence 0.8
    """
    from chronik.export import EXPORTERS

    if kind not in EXPORTERS:
        raise click.BadParameter(f"unknown kind {kind!r}; choose from {', '.join(EXPORTERS)}", param_hint="KIND")
    if min_confidence is not None and kind != "events":
        raise click.BadParameter("--min-confidence applies to events only", param_hint="--min-confidence")
    with ctx.store() as store:
        data = EXPORTERS[kind](store)
    if min_confidence is not None:
        data = [row for row in data if (row.get("confidence") or 0.0) >= min_confidence]
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if output:
        output.write_text(text + "\n", encoding="utf-8")
        ctx.err.print(f"wrote {len(data)} {kind} to {output}")
    else:
        click.echo(text)


@main.command("timeline")
@click.argument("query", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown", "html"]), default="text", show_default=True)
@click.option("--story", help="Only this story (an id from `chronik export stories`).")
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Write to this file instead of stdout.")
@click.pass_obj
def timeline_command(ctx: Context, query: tuple[str, ...], fmt: str, story: str | None, output: Path | None) -> None:
    """The chronicle: one dated, sourced entry per event, optionally only for QUERY.

    \b
    Dates carry their precision (day, week, month, year); an event no source dates is
    listed as "undated, after ..." the latest event of its story. Background facts
    (times long before the news) are kept apart.
    \b
    Examples:
      chronik timeline
      chronik timeline Pjöngjang --format markdown
      chronik timeline --format html -o chronik.html
    """
    from chronik.timeline import RENDERERS
    from chronik.timeline.assemble import timeline as build

    with ctx.store() as store:
        entries = build(store, " ".join(query) or None, story=story)
    text = RENDERERS[fmt](entries)
    if output:
        output.write_text(text, encoding="utf-8")
        ctx.err.print(f"wrote {len(entries)} entries to {output}")
    elif not entries:
        ctx.out.print("no events" + (f" match {escape(' '.join(query))!r}" if query else " stored yet"))
    else:
        click.echo(text, nl=False)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback by default: "
              "there is no authentication, and uploads write to the store).")
@click.option("--port", default=8000, show_default=True, type=int)
@click.pass_obj
def serve(ctx: Context, host: str, port: int) -> None:
    """Serve the web pages and the JSON API (/api/v1, schema at /api/v1/openapi.json).

    Needs the web extra: pip install 'chronik[web]'.
    """
    from chronik.web import create_app

    try:
        import uvicorn

        app = create_app(ctx.db)
    except (ImportError, ChronikError) as exc:
        _fail(ctx, exc if isinstance(exc, ChronikError) else ChronikError(f"{exc}: pip install 'chronik[web]'"))
    ctx.err.print(f"chronik on http://{host}:{port}/ (database {escape(str(ctx.db or 'chronik.db'))})")
    uvicorn.run(app, host=host, port=port, log_level="warning")


@main.group("eval")
def evaluate() -> None:
    """Score system output against gold annotations."""


def _register_stage_commands() -> None:
    from chronik.clusters.commands import eval_clusters
    from chronik.entities.commands import eval_ner, ner_tag
    from chronik.events.commands import eval_events
    from chronik.time.commands import eval_timex_command, timeml_command

    main.add_command(timeml_command)
    main.add_command(ner_tag, name="ner-tag")
    evaluate.add_command(eval_timex_command, name="timex")
    evaluate.add_command(eval_ner, name="ner")
    evaluate.add_command(eval_events, name="events")
    evaluate.add_command(eval_clusters, name="clusters")


_register_stage_commands()


@main.command()
@click.pass_obj
def rejections(ctx: Context) -> None:
    """List inputs that were rejected, with the stage and the reason."""
    with ctx.store() as store:
        rows = store.rejections()
    if not rows:
        ctx.out.print("no rejected inputs")
    for r in rows:
        ctx.out.print(f"{escape(r.source)}: {escape(r.reason)} [dim](stage {r.stage})[/]")


@main.command()
@click.option("--query", "-q", default="Tunnel Wasser", show_default=True, help="Search to run on the demo data.")
@click.pass_obj
def demo(ctx: Context, query: str) -> None:
    """Ingest the bundled demo corpus, then show its articles, shared passages, a search and the timeline."""
    from chronik.demo import corpus_path

    invoke = click.get_current_context().invoke
    ctx.out.rule(f"[bold]chronik demo[/]: ingesting {corpus_path()}")
    try:
        invoke(ingest, paths=(corpus_path(),), quiet=False)
    except SystemExit as exc:
        if exc.code not in (0, None):
            ctx.err.print("[yellow]some demo inputs were rejected (see above)[/]")
    ctx.out.rule("[bold]articles")
    invoke(articles, limit=50)
    ctx.out.rule("[bold]wire copy shared between articles")
    from chronik.export import export_copies

    with ctx.store() as store:
        for copy in export_copies(store):
            where = ", ".join(f"{a['source'].split('/')[-1]} [{a['start']}:{a['end']}]" for a in copy["articles"])
            ctx.out.print(f"[bold]{len(copy['articles'])} articles[/]: {escape(where)}")
            ctx.out.print(f"  first: {copy['first'] or '?'} ({escape(copy['first_reason'])})")
            ctx.out.print(f"  [italic]{escape(copy['text'][:240])}…[/]\n")
    ctx.out.rule(f"[bold]search: {escape(query)}")
    invoke(search, query=(query,), limit=5, as_json=False)
    ctx.out.rule("[bold]timeline")
    invoke(timeline_command, query=(), fmt="text", story=None, output=None)


if __name__ == "__main__":  # pragma: no cover
    main()
