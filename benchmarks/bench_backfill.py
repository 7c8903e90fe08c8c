"""Backfill throughput with the Dask runner: 1 worker vs 2 workers.

Builds N synthetic WARC.gz articles (HTML pages made from the German news texts in
../shared/data, paragraphs rotated per copy so every article is distinct; ``--corpus``
chooses which texts) in a temp dir (never committed), then backfills them into a fresh SQLite store with DaskRunner(workers=1) and
DaskRunner(workers=2), back to back, and prints articles/s, the ratio, the split between
the ingest phase (workers annotate, driver stores and dedups each file as it arrives) and
the cross-article phase on the driver (entities, clusters, events, stories), the peak
memory of each worker process and of the driver, and the load average before each run.

    .venv/bin/python benchmarks/bench_backfill.py --n 10000 --per-file 50 [--corpus krauts]

``--step 0`` (the default) backfills the whole manifest in one step: the Dask runner
checkpoints every file anyway, and each step ends with a cross-article run over the store.
"""

from __future__ import annotations

import argparse
import html
import io
import os
import re
import resource
import tempfile
import time
import warnings
from pathlib import Path

from chronik.runners.backfill import Backfill
from chronik.runners.dask import DaskRunner
from chronik.store import open_store

SHARED = Path(os.environ.get("CHRONIK_SHARED", Path(__file__).resolve().parents[1] / ".." / "shared"))


def texts() -> list[str]:
    folder = SHARED / "data" / "krauts" / "KRAUTS_Dolomiten-100_raw-text"
    out = []
    for path in sorted(folder.glob("*")):
        raw = path.read_text(encoding="utf-8", errors="replace")
        raw = re.sub(r"<[^>]+>", " ", raw)
        paras = [p.strip() for p in raw.split("\n") if len(p.strip()) > 40]
        if paras:
            out.append(paras)
    if not out:
        raise SystemExit(f"no texts under {folder} (set CHRONIK_SHARED)")
    return out


def mixed_texts() -> list[list[str]]:
    """Every distinct German news text in ../shared/data: SmartData news documents, the KRAUTS
    Dolomiten articles, and GermEval 2014 news sentences in groups of eight (about 1,060
    texts), each as a list of paragraphs (sentence pairs when a text has one paragraph)."""
    from chronik.events.corpora import read_germeval, read_krauts, read_smartdata
    from chronik.text import split_sentences

    data = SHARED / "data"
    out: list[list[str]] = []
    for doc in [*read_smartdata(data / "smartdata"), *read_krauts(data / "krauts")]:
        paras = [p.strip() for p in doc.text.split("\n") if len(p.strip()) > 40]
        if len(paras) == 1:
            sents = [doc.text[s.start:s.end].strip() for s in split_sentences(paras[0])]
            paras = [" ".join(sents[i : i + 2]) for i in range(0, len(sents), 2)]
        if paras:
            out.append(paras)
    news = [doc.text for doc in read_germeval(data / "germeval2014" / "NER-de-dev.tsv")]
    out += [news[i : i + 8] for i in range(0, len(news) - 7, 8)]
    if not out:
        raise SystemExit(f"no texts under {data} (set CHRONIK_SHARED)")
    return out


def build(folder: Path, n: int, per_file: int, corpus: str = "mixed") -> Path:
    """``corpus``: "mixed" (every distinct news text, each in about n / 1,060 articles) or
    "krauts" (the 100 Dolomiten texts, each in n / 100 articles: a worst case for copy detection)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    source = mixed_texts() if corpus == "mixed" else texts()
    lines = []
    for f in range(0, n, per_file):
        path = folder / f"part-{f // per_file:05d}.warc.gz"
        with open(path, "wb") as fh:
            writer = WARCWriter(fh, gzip=True)
            for i in range(f, min(n, f + per_file)):
                paras = source[i % len(source)]
                k = i // len(source)
                paras = paras[k % len(paras):] + paras[: k % len(paras)]
                body = "".join(f"<p>{html.escape(p)}</p>" for p in paras)
                page = (f"<!DOCTYPE html><html lang='de'><head><title>Meldung {i}</title></head><body><article>"
                        f"<h1>Meldung {i}</h1><p>Ausgabe {i}.</p>{body}</article></body></html>").encode()
                headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
                writer.write_record(writer.create_warc_record(f"https://bench.example/{i}", "response",
                                                              payload=io.BytesIO(page), http_headers=headers))
        lines.append(path.name)
    manifest = folder / "manifest.txt"
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return manifest


def _peak_rss_mib() -> float:
    """This process's peak resident memory (VmHWM: unlike ru_maxrss, not inherited over exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(manifest: Path, db: Path, workers: int, step: int) -> dict:
    files = sum(1 for line in manifest.read_text().splitlines() if line.strip())
    with DaskRunner(workers=workers) as runner, open_store(db) as store:
        client = runner.client()  # cluster start-up is not part of the throughput
        marks: dict[str, float] = {}

        def progress(p) -> None:
            if p.files_done == files and "ingested" not in marks:
                marks["ingested"] = time.monotonic()

        load = os.getloadavg()[0]
        start = time.monotonic()
        final = Backfill(manifest, store, runner, step=step or files, progress=progress).run()
        end = time.monotonic()
        workers_rss = sorted(client.run(_peak_rss_mib).values())
    ingested = marks.get("ingested", end)
    return {"stored": final.stored, "seconds": end - start, "ingest": ingested - start,
            "cross": end - ingested, "workers_rss": workers_rss, "load": load}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--per-file", type=int, default=50)
    parser.add_argument("--step", type=int, default=0, help="files per backfill step (0: all in one)")
    parser.add_argument("--corpus", choices=("mixed", "krauts"), default="mixed",
                        help="mixed: all distinct news texts (~9 articles each at 10,000); "
                             "krauts: 100 texts, 100 articles each (worst case for copy detection)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    warnings.simplefilter("ignore", ResourceWarning)
    with tempfile.TemporaryDirectory() as tmp:
        t = time.monotonic()
        manifest = build(Path(tmp), args.n, args.per_file, args.corpus)
        print(f"built {args.n} articles ({args.corpus}) in {args.n // args.per_file} WARC.gz files"
              f" in {time.monotonic() - t:.0f} s")
        rates = {}
        for workers in args.workers:
            r = measure(manifest, Path(tmp) / f"w{workers}.db", workers, args.step)
            rates[workers] = r["stored"] / r["seconds"]
            print(f"workers={workers}: {r['stored']} articles in {r['seconds']:.1f} s = {rates[workers]:.1f} articles/s"
                  f" (ingest phase {r['ingest']:.1f} s = {r['stored'] / max(r['ingest'], 1e-9):.1f} articles/s,"
                  f" cross-article phase {r['cross']:.1f} s; load before {r['load']:.2f};"
                  f" peak RSS workers {', '.join(f'{m:.0f}' for m in r['workers_rss'])} MiB)", flush=True)
        print(f"driver peak RSS {_peak_rss_mib():.0f} MiB")
        if 1 in rates and 2 in rates:
            print(f"ratio 2/1 = {rates[2] / rates[1]:.2f}")


if __name__ == "__main__":
    main()
