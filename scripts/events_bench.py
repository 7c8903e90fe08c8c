"""Speed of event extraction, with and without the stages it depends on, on one core.

    .venv/bin/python scripts/events_bench.py            # SmartData news + KRAUTS documents
    .venv/bin/python scripts/events_bench.py --limit 200
    .venv/bin/python scripts/events_bench.py --batch 1    # article by article instead of batches of 50

Each document becomes an article (its text as the raw body) and runs through the cleaner,
language, sentences, time, entities and events stages in this process, stage by stage over
batches of 50 articles as the runners do; the script reports articles per second for the whole
chain and for each stage.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import time
from pathlib import Path

from chronik.clean import Cleaner
from chronik.entities.stage import EntityTagger
from chronik.events import EventExtractor
from chronik.events.corpora import load_documents
from chronik.model import Article
from chronik.runners.local import SETTLE, STORE_BATCH
from chronik.text import LanguageStage, SentenceStage
from chronik.time import TimeTagger

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("CHRONIK_SHARED", ROOT / ".." / "shared")) / "data"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--batch", type=int, default=STORE_BATCH,
                    help=f"articles per batch through the stages (default {STORE_BATCH}, as the runners; 1: article by article)")
    args = ap.parse_args()
    docs = [d for d in load_documents(DATA, ("smartdata", "krauts")).values()]
    if args.limit:
        docs = docs[:args.limit]
    articles = [Article(id=f"a{i}", source=d.doc, format="txt", body=d.text, published=d.dct)
                for i, d in enumerate(docs)]
    stages = [Cleaner(), LanguageStage(), SentenceStage(), TimeTagger(), EntityTagger(), EventExtractor()]
    # warm up: models, grammars, lexicons and gazetteer indexes load once per process, some
    # only when a text first needs them (the place index when a name part is checked): the
    # first SETTLE (20) articles load them, then every article is timed
    for warm in articles[:SETTLE]:
        for stage in stages:
            warm = stage(warm)
    gc.freeze()  # what the runners do after SETTLE articles (chronik.runners.local)
    spent = {stage.name: 0.0 for stage in stages}
    cpu = {stage.name: 0.0 for stage in stages}
    chars = events = 0
    started = time.perf_counter()
    started_cpu = time.process_time()
    for lo in range(0, len(articles), args.batch):
        batch = articles[lo:lo + args.batch]
        for stage in stages:  # stage by stage over the batch, as the runners do (Pipeline.run_many)
            t0, c0 = time.perf_counter(), time.process_time()
            batch = [stage(art) for art in batch]
            spent[stage.name] += time.perf_counter() - t0
            cpu[stage.name] += time.process_time() - c0
        chars += sum(len(art.text) for art in batch)
        events += sum(len(art.events) for art in batch)
    total = time.perf_counter() - started
    total_cpu = time.process_time() - started_cpu
    n = len(articles)
    print(f"{n} articles, {chars / n:.0f} characters each on average, {events} events")
    print(f"whole chain: {n / total:.1f} articles/s wall clock ({total:.1f} s), "
          f"{n / total_cpu:.1f} articles/s per CPU second ({total_cpu:.1f} s); load average {os.getloadavg()[0]:.1f}; "
          f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    for name in spent:
        wall, busy = spent[name], cpu[name]
        print(f"  {name:10} {wall:6.2f} s wall {n / wall if wall else float('inf'):8.1f}/s   "
              f"{busy:6.2f} s CPU {n / busy if busy else float('inf'):8.1f}/s")


if __name__ == "__main__":
    main()
