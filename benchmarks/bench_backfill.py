"""Backfill throughput with the Dask runner: 1 worker vs 2 workers.

Builds N synthetic WARC.gz articles (HTML pages made from the KRAUTS raw texts in
../shared/data, varied per copy so every article is distinct) in a temp dir (never
committed), then backfills them into a fresh SQLite store with DaskRunner(workers=1) and
DaskRunner(workers=2) and prints articles/s and the ratio.

    .venv/bin/python benchmarks/bench_backfill.py --n 2000 --per-file 50
"""

from __future__ import annotations

import argparse
import html
import io
import os
import re
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


def build(folder: Path, n: int, per_file: int) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    source = texts()
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


def measure(manifest: Path, db: Path, workers: int, step: int) -> tuple[int, float]:
    with DaskRunner(workers=workers) as runner, open_store(db) as store:
        runner.client()  # cluster start-up is not part of the throughput
        start = time.monotonic()
        final = Backfill(manifest, store, runner, step=step).run()
        return final.stored, time.monotonic() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--per-file", type=int, default=50)
    parser.add_argument("--step", type=int, default=64, help="files per backfill step")
    args = parser.parse_args()
    warnings.simplefilter("ignore", ResourceWarning)
    with tempfile.TemporaryDirectory() as tmp:
        manifest = build(Path(tmp), args.n, args.per_file)
        rates = {}
        for workers in (1, 2):
            stored, seconds = measure(manifest, Path(tmp) / f"w{workers}.db", workers, args.step)
            rates[workers] = stored / seconds
            print(f"workers={workers}: {stored} articles in {seconds:.1f} s = {rates[workers]:.1f} articles/s")
        print(f"ratio 2/1 = {rates[2] / rates[1]:.2f}")


if __name__ == "__main__":
    main()
