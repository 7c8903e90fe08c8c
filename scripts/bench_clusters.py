"""Benchmarks of chronik's event clusterer (docs/clusters.md reports their output).

    python scripts/bench_clusters.py ecb   [--no-embeddings] [--no-cues] [--json OUT]
        ECB+ topics 1-25: BCubed at the default threshold, the threshold curve, cross-validation
        across topics (threshold chosen on one half of the topics, scored on the other), batch
        and online (batches of 10/25/50 %, three orders).
    python scripts/bench_clusters.py speed [--docs 10000] [--embeddings] [--json OUT]
        Synthetic documents built from ../shared/data texts (sentences of a source document plus
        noise sentences from others; nothing is written to disk): feature extraction time, then
        clustering time and peak memory in batch mode and online (10 batches), and scaling.

Data is read from ``$CHRONIK_SHARED`` (default ``../shared`` next to the repository).
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import os
import random
import re
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

from chronik.clusters.bcubed import bcubed
from chronik.clusters.ecbplus import read_corpus
from chronik.clusters.evaluate import cross_validate, curve, ecb_features, run_batch, run_online, score
from chronik.clusters.features import FeatureExtractor
from chronik.clusters.online import ClusterOptions, EventClusterer

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CHRONIK_SHARED", ROOT / ".." / "shared"))
THRESHOLDS = [round(x, 2) for x in np.arange(0.03, 0.31, 0.01)]


# -- ECB+ ---------------------------------------------------------------------------------

def bench_ecb(args) -> dict:
    docs = read_corpus(SHARED / "data" / "ecbplus")
    gold = {d.id: d.group for d in docs}
    topic = {d.id: d.topic for d in docs}
    extractor = FeatureExtractor()
    options = ClusterOptions()
    if args.no_cues:  # the clusterer before lead cues (issue 6 comparison)
        options = dataclasses.replace(options, place_penalty=0.0, weekday_penalty=0.0)
    if not args.no_embeddings:
        from chronik.clusters.embed import Embedder

        extractor = FeatureExtractor(embedder=Embedder())
    t0 = time.perf_counter()
    feats = ecb_features(docs, extractor)
    t_feat = time.perf_counter() - t0
    print(f"{len(docs)} documents, {len(set(gold.values()))} gold groups; features in {t_feat:.1f} s", flush=True)

    t0 = time.perf_counter()
    batch = score(run_batch(feats, options), gold)
    t_batch = time.perf_counter() - t0
    print(f"batch @ {options.threshold}: P {batch.precision:.4f} R {batch.recall:.4f} F1 {batch.f1:.4f} ({t_batch:.2f} s)")
    c = curve(feats, gold, THRESHOLDS, options)
    print("curve: " + " ".join(f"{t:.2f}:{f:.3f}" for t, f in zip(THRESHOLDS, c)), flush=True)
    folds = cross_validate(feats, gold, topic, THRESHOLDS, options)
    cv = float(np.mean([f.test_f1 for f in folds]))
    print(f"CV (5 x 2 folds over topics): mean held-out F1 {cv:.4f}, min {min(f.test_f1 for f in folds):.4f}, "
          f"thresholds chosen {sorted({f.threshold for f in folds})}", flush=True)
    online = {}
    for share in (0.1, 0.25, 0.5):
        runs = [score(run_online(feats, options, share=share, seed=s), gold) for s in range(3)]
        online[share] = [dataclasses.asdict(r) for r in runs]
        print(f"online {share:.0%} batches: F1 " + " ".join(f"{r.f1:.4f} (P {r.precision:.3f} R {r.recall:.3f})" for r in runs), flush=True)
    online_cv = cross_validate(feats, gold, topic, THRESHOLDS, options, online=True)
    ocv = float(np.mean([f.test_f1 for f in online_cv]))
    print(f"online 10% CV: mean held-out F1 {ocv:.4f}, thresholds chosen {sorted({f.threshold for f in online_cv})}")
    return {
        "documents": len(docs), "features_s": t_feat, "options": dataclasses.asdict(options),
        "batch": dataclasses.asdict(batch), "batch_s": t_batch, "curve": dict(zip(map(str, THRESHOLDS), c)),
        "cv": cv, "folds": [dataclasses.asdict(f) for f in folds], "online": online, "online_cv": ocv,
    }


# -- synthetic corpus for speed -----------------------------------------------------------

def _smartdata(path: Path) -> list[tuple[str, str, str | None]]:
    text = gzip.open(path).read().decode("utf-8")
    decoder = json.JSONDecoder()
    out, i = [], 0
    while True:
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            return out
        obj, i = decoder.raw_decode(text, i)
        body = (obj.get("text") or {}).get("string") or ""
        day = ((obj.get("date") or {}).get("string") or "")[:10] or None
        out.append(("de", body, day))


def _hipe(path: Path) -> list[tuple[str, str, str | None]]:
    out, words, day, glue = [], [], None, False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# hipe2022:document_id"):
            if words:
                out.append(("de", "".join(words), day))
            words, glue = [], False
        elif line.startswith("# hipe2022:date"):
            day = line.split("=", 1)[1].strip()[:10]
        elif line and not line.startswith(("#", "TOKEN\t")):
            cols = line.split("\t")
            misc = cols[-1]
            words.append(("" if glue or not words else " ") + cols[0])
            glue = "NoSpaceAfter" in misc
            if "EndOfSentence" in misc:
                words.append("\n")
                glue = True
    if words:
        out.append(("de", "".join(words), day))
    return out


def sources() -> list[tuple[str, str, str | None]]:
    """(lang, text, day) of every source document under ../shared/data used for the benchmark."""
    data = SHARED / "data"
    out = [("en", d.text, None) for d in read_corpus(data / "ecbplus")]
    for name in ("train.json.gz", "test.json.gz"):
        if (data / "smartdata" / name).exists():
            out += _smartdata(data / "smartdata" / name)
    for path in sorted((data / "hipe2022-de").glob("*.tsv")):
        out += _hipe(path)
    sentence = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ])")
    docs = []
    for lang, text, day in out:
        lines = [s.strip() for line in text.split("\n") for s in sentence.split(line) if s.strip()]
        if len(lines) >= 2:
            docs.append((lang, "\n".join(lines), day))
    return docs


def synthetic(n: int, seed: int = 0) -> list[tuple[str, str, str, str | None, int]]:
    """``n`` documents (id, lang, text, day, source index): 70 % of a source's sentences plus two noise sentences."""
    rng = random.Random(seed)
    src = sources()
    pools: dict[str, list[str]] = {}
    for lang, text, _ in src:
        pools.setdefault(lang, []).extend(text.split("\n"))
    out = []
    for i in range(n):
        s = rng.randrange(len(src))
        lang, text, day = src[s]
        lines = text.split("\n")
        keep = sorted(rng.sample(range(len(lines)), max(1, round(0.7 * len(lines)))))
        body = [lines[j] for j in keep[:40]]
        for _ in range(2):
            body.insert(rng.randrange(len(body) + 1), rng.choice(pools[lang]))
        out.append((f"syn{i:06d}", lang, "\n".join(body), day, s))
    return out


def bench_speed(args) -> dict:
    t0 = time.perf_counter()
    docs = synthetic(args.docs)
    t_build = time.perf_counter() - t0
    chars = sum(len(d[2]) for d in docs)
    print(f"{len(docs)} synthetic documents ({chars / len(docs):.0f} chars on average) built in {t_build:.1f} s", flush=True)
    extractor = FeatureExtractor()
    if args.embeddings:
        from chronik.clusters.embed import Embedder

        extractor = FeatureExtractor(embedder=Embedder())
    t0 = time.perf_counter()
    feats = [extractor.from_text(i, text, lang=lang, published=day) for i, lang, text, day, _ in docs]
    t_feat = time.perf_counter() - t0
    print(f"features in {t_feat:.1f} s ({1000 * t_feat / len(docs):.1f} ms/doc; per-article pipeline work)", flush=True)
    gold = {d[0]: str(d[4]) for d in docs}
    options = ClusterOptions()
    result: dict = {"documents": len(docs), "features_s": t_feat, "embeddings": args.embeddings}

    def timed(fn):
        tracemalloc.start()
        t = time.perf_counter()
        out = fn()
        elapsed = time.perf_counter() - t
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        return out, elapsed, peak

    for n in sorted({len(feats) // 4, len(feats) // 2, len(feats)}):
        assigned, elapsed, peak = timed(lambda: EventClusterer(options).add(feats[:n]))
        q = bcubed(assigned, {i: gold[i] for i in assigned})
        result[f"batch_{n}"] = {"seconds": elapsed, "peak_mib": peak, "f1_vs_source": q.f1}
        print(f"batch {n:6d} docs: {elapsed:6.2f} s, peak {peak:7.1f} MiB (traced), F1 vs source docs {q.f1:.3f}", flush=True)

    clusterer = EventClusterer(options)
    size = max(1, len(feats) // 10)
    per_batch = []
    tracemalloc.start()
    t_all = time.perf_counter()
    for lo in range(0, len(feats), size):
        t = time.perf_counter()
        clusterer.add(feats[lo:lo + size])
        per_batch.append(time.perf_counter() - t)
    t_all = time.perf_counter() - t_all
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    q = bcubed(clusterer.assignments, gold)
    result["online"] = {"seconds": t_all, "per_batch_s": per_batch, "peak_mib": peak, "f1_vs_source": q.f1}
    print(f"online 10 x {size}: {t_all:.2f} s total, per batch " + " ".join(f"{x:.2f}" for x in per_batch)
          + f"; peak {peak:.1f} MiB; F1 vs source docs {q.f1:.3f}")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd", required=True)
    ecb = sub.add_parser("ecb")
    ecb.add_argument("--no-embeddings", action="store_true")
    ecb.add_argument("--no-cues", action="store_true", help="no lead-cue penalties (places, weekdays)")
    ecb.add_argument("--json")
    speed = sub.add_parser("speed")
    speed.add_argument("--docs", type=int, default=10_000)
    speed.add_argument("--embeddings", action="store_true")
    speed.add_argument("--json")
    args = parser.parse_args(argv)
    if not (SHARED / "data").is_dir():
        print(f"no data under {SHARED}; set CHRONIK_SHARED", file=sys.stderr)
        return 2
    result = bench_ecb(args) if args.cmd == "ecb" else bench_speed(args)
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
