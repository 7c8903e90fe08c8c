"""Re-run the first runs of the blind sets: each set scored with the code it was first scored with.

    .venv/bin/python scripts/events_first_runs.py                 # blind5-blind22, both entity settings
    .venv/bin/python scripts/events_first_runs.py --splits blind6,blind7 --entities gold

A blind set measures text the rules never saw only on its first run; afterwards it is development data.
This script checks out, for each set, the commit whose rules made its first run (``FIRST_RUNS``, as in
docs/events.md) into a temporary git worktree, runs that commit's extractor on today's gold lines of
the set (in a subprocess, with that worktree's ``src`` first on the path), and scores the events with
today's scorer against the gold set and, where there is one, against the second annotator
(``tests/events/gold/second_annotator.jsonl``): "either" counts an event right when it agrees with
either annotator. Needs git and the repo's history; takes a few minutes.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from chronik.events.scoring import correct_events, load_gold, load_second
from chronik.model import Actor, Event, Span

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("CHRONIK_SHARED", ROOT / ".." / "shared")) / "data"
GOLD = ROOT / "tests" / "events" / "gold" / "sentences.jsonl"
SECOND = GOLD.with_name("second_annotator.jsonl")
# the commit whose rules (and entity model) made each set's first run (docs/events.md, "Unseen text")
FIRST_RUNS = {"blind5": "c18d9ea", "blind6": "8bb2a6f", "blind7": "8bb2a6f", "blind8": "a353059",
              "blind9": "798d35c", "blind10": "190a55e", "blind11": "50fabb3", "blind12": "dfab7f7",
              "blind13": "646d8c4", "blind14": "5980eea", "blind15": "5980eea",
              "blind16": "bc6485d", "blind17": "73c2596", "blind18": "0141716", "blind19": "7a4ab7c",
              "blind20": "765d47c", "blind21": "b6bbf71", "blind22": "57efc50"}
# runs inside the old worktree: that commit's run_gold on the given gold lines, events as JSON lines
_RUN = """
import json, sys
from pathlib import Path
from chronik.events.benchmark import run_gold
run = run_gold(sys.argv[1], Path(sys.argv[2]), entities=sys.argv[3])
for sid, events in run.predicted.items():
    for e in events:
        print(json.dumps({"id": sid, "type": e.type, "start": e.trigger.start, "end": e.trigger.end,
                          "actors": [[a.name, a.role] for a in e.actors]}, ensure_ascii=False))
"""


def first_run(commit: str, lines: list[str], entities: str, tmp: Path) -> dict[str, list[Event]]:
    """The events of ``commit``'s extractor on these gold lines, by sentence id."""
    tree = tmp / commit
    if not tree.exists():
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-f", str(tree), commit],
                       check=True, capture_output=True)
    gold = tmp / f"{commit}-gold.jsonl"
    gold.write_text("".join(lines), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(tree / "src"))
    out = subprocess.run([sys.executable, "-c", _RUN, str(gold), str(DATA), entities], cwd=tree, env=env,
                         check=True, capture_output=True, text=True).stdout
    events: dict[str, list[Event]] = defaultdict(list)
    for line in out.splitlines():
        d = json.loads(line)
        events[d["id"]].append(Event(id=f"{d['id']}-{len(events[d['id']])}", article="", sentence=0,
                                     trigger=Span(start=d["start"], end=d["end"]), type=d["type"],
                                     actors=tuple(Actor(name=n, role=r) for n, r in d["actors"])))
    return events


def _share(k: int, n: int) -> str:
    return f"{k:>4}/{n:<3} {k / n if n else 0:.3f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--splits", default=",".join(FIRST_RUNS))
    ap.add_argument("--entities", choices=("gold", "system", "both"), default="both")
    args = ap.parse_args()
    splits = args.splits.split(",")
    gold = load_gold(GOLD)
    _, second = load_second(SECOND, gold) if SECOND.exists() else ([], [])
    second_by_id = {s.id: s for s in second}
    by_split: dict[str, list[str]] = defaultdict(list)  # the gold file's lines of each split, as written
    for line in GOLD.read_text(encoding="utf-8").splitlines(keepends=True):
        if line.strip():
            by_split[json.loads(line)["split"]].append(line)
    settings = ("gold", "system") if args.entities == "both" else (args.entities,)
    with tempfile.TemporaryDirectory() as tmp:
        try:
            for entities in settings:
                print(f"entities: {'corpus mentions' if entities == 'gold' else 'chronik tagger'}")
                print(f"{'set':<9} {'commit':<8} {'1st annotator':>15} {'2nd annotator':>15} {'either':>15}")
                n_all = ok_all = 0
                for split in splits:
                    commit = FIRST_RUNS[split]
                    predicted = first_run(commit, by_split[split], entities, Path(tmp))
                    sentences = [s for s in gold if s.split == split]
                    n = sum(len(predicted.get(s.id, ())) for s in sentences)
                    right = {s.id: correct_events(s, predicted.get(s.id, [])) for s in sentences}
                    ok = sum(map(len, right.values()))
                    row = f"{split:<9} {commit:<8} {_share(ok, n)}"
                    n_all, ok_all = n_all + n, ok_all + ok
                    if sentences and all(s.id in second_by_id for s in sentences):
                        second_right = {s.id: correct_events(second_by_id[s.id], predicted.get(s.id, []))
                                        for s in sentences}
                        either = sum(len(right[k] | second_right[k]) for k in right)
                        row += f" {_share(sum(map(len, second_right.values())), n)} {_share(either, n)}"
                    print(row, flush=True)
                if n_all:
                    print(f"{'together':<18} {_share(ok_all, n_all)}")
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "prune"], capture_output=True)


if __name__ == "__main__":
    main()
