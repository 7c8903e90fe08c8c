"""Ingest throughput and memory, per stage, on a corpus built from ../shared/data.

    python benchmarks/bench_ingest.py [--articles 2000] [--shared ../shared] [--json out.json]

Stages: read, clean, language, sentences, time, entities, store, dedup, then the cross-article
stages (canonical entities, event clusters with embeddings, pooled dates, events, stories).
The corpus is written to a temporary folder (never committed): SmartData documents and
GermEval sentences grouped into articles, in mixed formats (60 % .txt with headers, 20 %
HTML pages, 10 % JSONL, 10 % inside one WARC.gz). Stages run one after another in this
process, so the figures are per core. Peak memory is the process's maximum RSS.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import html
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _smartdata_texts(shared: Path) -> list[str]:
    texts = []
    for name in ("train.json.gz", "test.json.gz"):
        from chronik.ingest.jsonl import json_values

        raw = gzip.open(shared / "data" / "smartdata" / name, "rt", encoding="utf-8").read()
        for doc in json_values(raw):
            text = doc["text"]["string"].strip()
            if len(text) >= 300:
                texts.append(text)
    return texts


def _germeval_texts(shared: Path, per_article: int = 12) -> list[str]:
    sents, cur = [], []
    for line in (shared / "data" / "germeval2014" / "NER-de-dev.tsv").read_text("utf-8").splitlines():
        if line.startswith("#"):
            continue
        if not line.strip():
            if cur:
                sents.append(" ".join(cur))
            cur = []
            continue
        cur.append(line.split("\t")[1])
    return [" ".join(sents[i:i + per_article]) for i in range(0, len(sents), per_article)]


def _warc_record(url: str, page: str, n: int) -> bytes:
    payload = page.encode("utf-8")
    http = (f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {len(payload)}\r\n\r\n").encode() + payload
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\nWARC-Date: 2024-01-01T00:00:00Z\r\n"
            f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{n:012d}>\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n").encode()
    return gzip.compress(head + http + b"\r\n\r\n")


def _page(title: str, text: str, i: int) -> str:
    paras = "".join(f"<p>{html.escape(p)}</p>" for p in text.split(". ") if p)
    return (f"<html><head><title>{html.escape(title)}</title><meta property='og:site_name' content='Blatt {i % 7}'>"
            f"<meta property='article:published_time' content='2024-01-{i % 28 + 1:02d}'></head>"
            f"<body><nav>Start Politik Sport</nav><article><h1>{html.escape(title)}</h1>{paras}</article>"
            "<footer>Impressum Datenschutz</footer></body></html>")


def _krauts_texts(shared: Path) -> list[str]:
    import re

    texts = []
    for folder in sorted((shared / "data" / "krauts").glob("*_raw-text")):
        for f in sorted(folder.iterdir()):
            m = re.search(r"<TEXT>(.*?)</TEXT>", f.read_text("utf-8", errors="replace"), re.S)
            if m:
                texts.append(html.unescape(re.sub(r"<[^>]+>", "", m.group(1))).strip())
    return texts


def build_corpus(shared: Path, n: int, out: Path) -> int:
    texts = list(dict.fromkeys(_smartdata_texts(shared) + _germeval_texts(shared) + _krauts_texts(shared)))[:n]
    out.mkdir(parents=True, exist_ok=True)
    jsonl, warc = [], []
    for i, text in enumerate(texts):
        title = text[:60].rsplit(" ", 1)[0]
        kind = i % 10
        if kind < 6:
            (out / f"a{i:05d}.txt").write_text(
                f"date 2024-01-{i % 28 + 1:02d}\ntitle {title}\nsource Blatt {i % 7}\n\n{text}\n", encoding="utf-8")
        elif kind < 8:
            (out / f"p{i:05d}.html").write_text(_page(title, text, i), encoding="utf-8")
        elif kind == 8:
            jsonl.append(json.dumps({"title": title, "text": text, "published": "2024-02-01", "source": "Feedblatt"}, ensure_ascii=False))
        else:
            warc.append(_warc_record(f"https://blatt.example/{i}", _page(title, text, i), i))
    (out / "lines.jsonl").write_text("\n".join(jsonl) + "\n", encoding="utf-8")
    (out / "crawl.warc.gz").write_bytes(b"".join(warc))
    return len(texts)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(corpus: Path, db: Path) -> dict:
    from chronik.clean import Cleaner, CleanerOptions, candidate_lines, outlet_boilerplate
    from chronik.dedup import Deduplicator
    from chronik.ingest import iter_files, read_file
    from chronik.model import Article
    from chronik.store import open_store
    from chronik.text import LanguageStage, SentenceStage

    stages: dict[str, dict] = {}

    def timed(name, fn):
        t0, c0 = time.perf_counter(), time.process_time()
        result = fn()
        stages[name] = {"wall_s": round(time.perf_counter() - t0, 3), "cpu_s": round(time.process_time() - c0, 3),
                        "peak_rss_mb": round(_rss_mb(), 1)}
        return result

    def read_all():
        unique: dict[str, Article] = {}
        for f in iter_files([corpus]):
            for a in read_file(f):
                if isinstance(a, Article):
                    unique.setdefault(a.id, a)  # the runner skips repeated content the same way
        return list(unique.values())

    articles = timed("read", read_all)
    boiler = outlet_boilerplate(articles)
    cleaner = Cleaner(CleanerOptions(outlet_boilerplate=boiler))
    articles = timed("clean", lambda: [cleaner(a) for a in articles])
    lang = LanguageStage()
    lang.detect("Ein deutscher Satz zum Laden des Modells.")
    articles = timed("language", lambda: [lang(a) for a in articles])
    sent = SentenceStage()
    articles = timed("sentences", lambda: [sent(a) for a in articles])
    from chronik.entities import EntityTagger
    from chronik.time import TimeTagger
    from chronik.time.dct import batch_prior

    prior = batch_prior([a.published for a in articles])
    articles = [a if a.published else a.replace(meta=dict(a.meta) | {"dct_prior": prior}) for a in articles]
    times = TimeTagger()
    articles = timed("time", lambda: [times(a) for a in articles])
    ents = EntityTagger()
    ents.recognizer  # load the model outside the timing (0.3 s)
    gc.freeze()  # what the runners do once SETTLE articles are through: the loaded models leave the collector
    articles = timed("entities", lambda: [ents(a) for a in articles])
    from chronik.runners import LocalRunner

    indexer = LocalRunner()  # the same search terms the runner stores
    store = open_store(db)

    def put_all():
        for a in articles:
            with store.transaction():
                store.put_article(a, indexer.terms(a))
                if a.outlet:
                    store.add_outlet_lines(a.outlet, candidate_lines(a))

    timed("store", put_all)
    report = timed("dedup", lambda: Deduplicator().run(store))
    from chronik.runners.crossdoc import CrossArticle

    cross = timed("cross-article (entities, clusters, dates, events, stories)", lambda: CrossArticle().run(store))
    n = len(articles)
    for s in stages.values():
        s["articles_per_s_per_core"] = round(n / s["cpu_s"], 1) if s["cpu_s"] else None
    total_cpu = sum(s["cpu_s"] for s in stages.values())
    store.close()
    return {"articles": n, "stages": stages, "total": {
        "cpu_s": round(total_cpu, 2), "articles_per_s_per_core": round(n / total_cpu, 1),
        "peak_rss_mb": round(_rss_mb(), 1), "copy_links": report.links, "near_duplicates": report.near_duplicates,
        "clusters": cross.clusters, "stories": cross.stories, "events": cross.events}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args()
    if not (args.shared / "data").exists():
        sys.exit(f"{args.shared / 'data'} not found: pass --shared")
    with tempfile.TemporaryDirectory() as tmp:
        n = build_corpus(args.shared, args.articles, Path(tmp) / "corpus")
        print(f"corpus: {n} articles in {tmp}", file=sys.stderr)
        result = run(Path(tmp) / "corpus", Path(tmp) / "bench.db")
    print("| stage | CPU s | articles/s/core | peak RSS MB |\n|---|---:|---:|---:|")
    for name, s in result["stages"].items():
        print(f"| {name} | {s['cpu_s']} | {s['articles_per_s_per_core']} | {s['peak_rss_mb']} |")
    t = result["total"]
    print(f"| **all** | {t['cpu_s']} | {t['articles_per_s_per_core']} | {t['peak_rss_mb']} |")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
