"""Speed of the entity layer on one core, in CPU time (time.process_time): best and spread.

    .venv/bin/python scripts/ner_speed.py              # 5 runs each
    .venv/bin/python scripts/ner_speed.py --runs 9 --stage

Rows: model load; ``Recognizer.tag_many`` on the first 3,000 SmartData test sentences with a
fresh recogniser (cold) and again (warm); with ``--stage``, the ``entities`` stage alone over the
SmartData + KRAUTS documents of ``scripts/events_bench.py`` (cleaned, language, sentences first;
one fresh stage per run).
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from chronik.entities.corpora import read_smartdata
from chronik.entities.recognizer import Recognizer

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("CHRONIK_SHARED", ROOT / ".." / "shared")) / "data"


def report(name: str, values: list[float], unit: str) -> None:
    print(f"{name:28} best {max(values) if unit == '/s' else min(values):10.2f}{unit}   "
          f"spread {min(values):.2f}-{max(values):.2f}{unit}   runs {len(values)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--stage", action="store_true", help="also the entities stage over events_bench's documents")
    args = ap.parse_args()
    sents = [s.words for s in read_smartdata(DATA / "smartdata" / "test.json.gz")[:3000]]
    load, cold, warm = [], [], []
    for _ in range(args.runs):
        t = time.process_time()
        rec = Recognizer()
        load.append(time.process_time() - t)
        t = time.process_time()
        rec.tag_many(sents)
        cold.append(len(sents) / (time.process_time() - t))
        t = time.process_time()
        rec.tag_many(sents)
        warm.append(len(sents) / (time.process_time() - t))
        rec.close()
    report("model load", load, " s")
    report("SmartData sentences, cold", cold, "/s")
    report("SmartData sentences, warm", warm, "/s")
    if args.stage:
        from chronik.clean import Cleaner
        from chronik.entities.stage import EntityTagger
        from chronik.events.corpora import load_documents
        from chronik.model import Article
        from chronik.text import LanguageStage, SentenceStage

        docs = list(load_documents(DATA, ("smartdata", "krauts")).values())
        stages = [Cleaner(), LanguageStage(), SentenceStage()]
        articles = []
        for i, d in enumerate(docs):
            art = Article(id=f"a{i}", source=d.doc, format="txt", body=d.text, published=d.dct)
            for stage in stages:
                art = stage(art)
            articles.append(art)
        spent = []
        for _ in range(args.runs):
            tagger = EntityTagger()
            tagger(articles[0])  # the model loads outside the timing, as in events_bench
            t = time.process_time()
            for art in articles:
                tagger(art)
            spent.append(time.process_time() - t)
        report(f"entities stage, {len(articles)} articles", spent, " s")


if __name__ == "__main__":
    main()
