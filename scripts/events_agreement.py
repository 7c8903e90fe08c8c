"""Agreement between the gold set's annotator and a second, independent annotation of some of its sentences.

    .venv/bin/python scripts/events_agreement.py                  # tests/events/gold/second_annotator.jsonl
    .venv/bin/python scripts/events_agreement.py --extractor      # also: the extractor against each annotator
    .venv/bin/python scripts/events_agreement.py --errors         # every disagreement, one JSON line each

The second file holds, per sentence id of the gold set, only that annotator's ``events`` (same fields as
the gold set's). The second annotation is scored as if it were a system against the first (the gold
set's matching: overlapping triggers, then the same type in a sentence), so "P" is the share of the
second annotator's events that the first agrees with and "R" the reverse; F1 is symmetric. The same
numbers read as the ceiling an extractor can be measured against with one annotator's gold set.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from chronik.events.benchmark import run_gold
from chronik.events.scoring import as_events, load_gold, load_second, score

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("CHRONIK_SHARED", ROOT / ".." / "shared")) / "data"
GOLD = ROOT / "tests" / "events" / "gold" / "sentences.jsonl"
SECOND = ROOT / "tests" / "events" / "gold" / "second_annotator.jsonl"


def line(name: str, tally) -> str:
    """Events of each side; P/R/F1 of type and type+actors; for attribution, cue and modality the
    share of events both annotated with the same type on which they also agree there."""
    parts = [f"{name:<10} {tally.predicted:>4} {tally.gold:>4}"]
    for key in ("type", "type+actors"):
        parts.append("{:.3f} {:.3f} {:.3f}".format(*tally.prf(key)))
    both = tally.correct["type"]
    for key in ("attribution", "cue", "modality"):
        parts.append(f"{tally.correct[key] / both:.3f}" if both else "  -  ")
    return "  ".join(parts)


HEADER = ("set        2nd  1st   type P/R/F1         type+actors P/R/F1   attrib  cue    modality\n"
          "                      (P: 2nd's events the 1st agrees with)    (on events both typed alike)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--second", type=Path, default=SECOND)
    ap.add_argument("--extractor", action="store_true", help="also score the extractor against each annotator")
    ap.add_argument("--entities", choices=("gold", "system"), default="gold")
    ap.add_argument("--errors", action="store_true", help="print every disagreement as a JSON line")
    args = ap.parse_args()
    gold = load_gold(GOLD)
    first, second = load_second(args.second, gold)
    report = score(first, {s.id: as_events(s) for s in second})
    print(f"{len(first)} sentences; the second annotator scored against the first")
    print(HEADER)
    print(line("all", report.total))
    for split, tally in sorted(report.by["split"].items()):
        print(line(f"  {split}", tally))
    if args.errors:
        for e in report.errors:
            print(json.dumps(e, ensure_ascii=False))
    if args.extractor:
        if not DATA.is_dir():
            raise SystemExit(f"no corpus data at {DATA}: put ../shared beside the repo or set CHRONIK_SHARED")
        ids = {s.id for s in first}
        run = run_gold(GOLD, DATA, entities=args.entities)
        predicted = {k: v for k, v in run.predicted.items() if k in ids}
        print(f"the extractor ({args.entities} entities) against each annotator (P: its events the annotator agrees with)")
        print(line("1st", score(first, predicted).total))
        print(line("2nd", score(second, predicted).total))


if __name__ == "__main__":
    main()
