"""How far a tagger that never misses an actor's name would take event precision.

Runs the gold set with chronik's own entity tagger, then adds a mention for every gold actor name
the tagger left untagged in its sentence (every occurrence of the name, as the label given by
``--label``; spans that overlap a tagged mention are left alone), and prints precision for type
and actors on the modern splits, on old print (blind18-20) and on all splits. The gap between the
two runs is what better name tagging alone could still gain.

    CHRONIK_SHARED=../shared python scripts/events_name_oracle.py [--label ORG]
"""

from __future__ import annotations

import argparse
import os
import re
from pathlib import Path

from chronik.events import EventExtractor
from chronik.events.benchmark import run_gold
from chronik.events.scoring import correct_events, load_gold
from chronik.model import Article, Mention

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "events" / "gold" / "sentences.jsonl"
OLD_PRINT = ("blind18", "blind19", "blind20")


class WithGoldNames:
    """The extractor, given each article's tagged mentions plus the gold actor names it missed."""

    def __init__(self, gold, label: str) -> None:
        self.extractor = EventExtractor()
        self.label = label
        self.by_article: dict[str, list] = {}
        for s in gold:
            self.by_article.setdefault(f"{s.corpus}:{s.doc}", []).append(s)

    def __call__(self, art: Article) -> Article:
        mentions = list(art.mentions)
        for s in self.by_article.get(art.id, ()):
            names = {name for e in s.events for name, _ in e.actors}
            for name in sorted(names):
                for found in re.finditer(re.escape(name), art.text[s.start:s.end]):
                    a, b = s.start + found.start(), s.start + found.end()
                    if not any(m.start < b and a < m.end for m in mentions):
                        mentions.append(Mention(start=a, end=b, label=self.label))
        return self.extractor(art.replace(mentions=tuple(sorted(mentions, key=lambda m: (m.start, m.end)))))


def precision(gold, predicted) -> dict[str, tuple[int, int]]:
    out = {"modern": [0, 0], "old print": [0, 0], "all": [0, 0]}
    for s in gold:
        preds = predicted.get(s.id, [])
        right = len(correct_events(s, preds))
        for key in ("old print" if s.split in OLD_PRINT else "modern", "all"):
            out[key][0] += right
            out[key][1] += len(preds)
    return {k: (a, b) for k, (a, b) in out.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--label", default="ORG", choices=("ORG", "PER", "LOC"),
                    help="label of the added mentions (default ORG)")
    args = ap.parse_args()
    data = Path(os.environ.get("CHRONIK_SHARED", ROOT.parent / "shared")) / "data"
    if not data.is_dir():
        raise SystemExit(f"shared data not found at {data} (set CHRONIK_SHARED)")
    gold = load_gold(GOLD)
    runs = {"own tagger": run_gold(GOLD, data, entities="system"),
            "own tagger + missed gold names": run_gold(GOLD, data, entities="system",
                                                       extractor=WithGoldNames(gold, args.label))}
    for name, run in runs.items():
        figures = precision(gold, run.predicted)
        print(f"{name}: " + "; ".join(f"{k} {a}/{b} = {a / b:.3f}" for k, (a, b) in figures.items()))


if __name__ == "__main__":
    main()
