"""Fit the per-event confidence model and estimate its effect by leave-one-set-out.

    .venv/bin/python scripts/events_confidence.py                # estimate only (prints the curves)
    .venv/bin/python scripts/events_confidence.py --write        # also write src/chronik/events/data/confidence.tsv
    .venv/bin/python scripts/events_confidence.py --entities gold    # events from the corpus's own mentions
    .venv/bin/python scripts/events_confidence.py --sets blind14 --held blind15   # fit on one set, score another
    .venv/bin/python scripts/events_confidence.py --sets all     # leave one set out over every split of the gold set

Every event the extractor reports before the threshold (chronik's entity tagger by default) is
labelled correct when its type and actors agree with the gold set. Fitting sets: the annotated
splits dev, test, heldout and blind2 to blind7 (all development data now); later splits (blind8)
are left out. Estimate: for each set S, fit a small L2-regularised logistic regression on the
other sets, choose the threshold on their own leave-one-set-out scores (the lowest that reaches
the target precision there), and apply model and threshold to S; the held-out scores of all sets
are pooled into one precision/recall curve. The shipped model is fitted on all fitting sets and
takes the threshold that reaches the target on the pooled held-out curve. With ``--sets`` the model
is fitted on other splits (one split: its held-out scores come from five folds of its sentences);
``--held`` scores further splits with that model and threshold, which saw none of their labels.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import tempfile
from pathlib import Path

import numpy as np

from chronik.events.benchmark import run_gold
from chronik.events.confidence import load_weights
from chronik.events.extractor import EventExtractor, ExtractorOptions
from chronik.events.scoring import _match, load_gold, same_actors

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("CHRONIK_SHARED", ROOT / ".." / "shared")) / "data"
GOLD = ROOT / "tests" / "events" / "gold" / "sentences.jsonl"
WEIGHTS = ROOT / "src" / "chronik" / "events" / "data" / "confidence.tsv"
SETS = ("dev", "test", "heldout", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7")
TARGET = 0.85
L2 = 2.0
MIN_COUNT = 4
FOLDS = 5
SHIPPED_THRESHOLD = load_weights()[2]


def _all_splits() -> tuple[str, ...]:
    """Every split of the gold set, in the order of its first sentence."""
    out: dict[str, None] = {}
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        if line.strip():
            out.setdefault(json.loads(line)["split"], None)
    return tuple(out)


class Explaining(EventExtractor):
    """The extractor with no threshold, remembering each event's features by event id."""

    def __init__(self) -> None:
        super().__init__(ExtractorOptions(min_confidence=0.0))
        self.seen: dict[str, dict[str, float]] = {}

    def __call__(self, article):
        pairs = self.explain(article)
        for event, features in pairs:
            self.seen[event.id] = features
        return article.replace(events=tuple(e for e, _ in pairs))


def collect(entities: str, sets=SETS) -> list[dict]:
    """One row per reported event: its set, features and whether type and actors are right."""
    lines = [line for line in GOLD.read_text(encoding="utf-8").splitlines()
             if line.strip() and json.loads(line)["split"] in sets]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fit.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        extractor = Explaining()
        run = run_gold(path, DATA, entities=entities, extractor=extractor)
        gold = {s.id: s for s in load_gold(path)}
    rows = []
    for sid, preds in run.predicted.items():
        s = gold[sid]
        for g, p in _match(s.events, preds):
            if p is None:
                continue
            ok = g is not None and g.type == p.type and same_actors(g.actors, [(a.name, a.role) for a in p.actors])
            rows.append({"set": s.split, "id": sid, "features": extractor.seen[p.id], "ok": bool(ok),
                         "type": p.type, "confidence": p.confidence,
                         "actors": [[a.name, a.role] for a in p.actors],
                         "gold": None if g is None else [g.type, [list(a) for a in g.actors]]})
    return rows


def fit(rows: list[dict], only: tuple[str, ...] = ()) -> tuple[dict[str, float], float]:
    """Weights and bias of an L2-penalised logistic regression over the features seen at least
    MIN_COUNT times (only those starting with one of ``only``, when given)."""
    counts: dict[str, int] = {}
    for r in rows:
        for k in r["features"]:
            counts[k] = counts.get(k, 0) + 1
    names = sorted(k for k, c in counts.items() if c >= MIN_COUNT and (not only or k.startswith(only)))
    index = {k: i for i, k in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for n, r in enumerate(rows):
        for k, v in r["features"].items():
            if k in index:
                x[n, index[k]] = v
    y = np.array([1.0 if r["ok"] else 0.0 for r in rows])
    w = np.zeros(len(names))
    b = float(np.log((y.mean() + 1e-3) / (1 - y.mean() + 1e-3)))
    for _ in range(60):  # Newton steps on the L2-penalised log-likelihood (the bias unpenalised)
        z = x @ w + b
        p = 1 / (1 + np.exp(-z))
        s = p * (1 - p)
        xb = np.hstack([x, np.ones((len(rows), 1))])
        grad = xb.T @ (p - y) + np.append(L2 * w, 0.0)
        hess = xb.T @ (xb * s[:, None]) + np.diag(np.append(np.full(len(names), L2), 1e-6))
        step = np.linalg.solve(hess, grad)
        w -= step[:-1]
        b -= step[-1]
        if np.abs(step).max() < 1e-8:
            break
    return {k: float(w[i]) for k, i in index.items()}, b


def prob(weights: dict[str, float], bias: float, features: dict[str, float]) -> float:
    z = bias + sum(weights.get(k, 0.0) * v for k, v in features.items())
    return float(1 / (1 + np.exp(-z)))


def threshold_for(scored: list[tuple[float, bool]], target: float = TARGET) -> float:
    """The lowest threshold whose kept events reach the target precision while keeping at least
    half of the right events; if none does, the one with the best precision among those keeping
    at least 90 % of the right events (a threshold that buys little precision with much recall is
    not taken)."""
    cands = [0.0] + sorted({round(s, 4) for s, _ in scored})
    right = sum(ok for _, ok in scored) or 1
    best = (-1.0, 0.0)
    for t in cands:
        kept = [ok for s, ok in scored if s >= t]
        if not kept:
            break
        prec, share = sum(kept) / len(kept), sum(kept) / right
        if prec >= target and share >= 0.5:
            return t
        if share >= 0.9 and prec > best[0] + 1e-9:
            best = (prec, t)
    return best[1]


def group_of(row: dict, sets) -> str:
    """The held-out group of an event: its set, or with one set one of five folds of its sentences."""
    if len(sets) > 1:
        return row["set"]
    return f"{row['set']}#{hashlib.sha1(row['id'].encode()).digest()[0] % FOLDS}"


def loso(rows: list[dict], sets=SETS, only: tuple[str, ...] = (), target: float = TARGET
         ) -> list[tuple[str, float, bool, float]]:
    """Held-out (group, score, ok, threshold chosen without the group) for every event: the groups
    are the sets (leave one set out), or five folds of the sentences when there is one set; the
    threshold comes from the other groups' own held-out scores (five folds when one set is left)."""
    groups = sorted({group_of(r, sets) for r in rows})
    out = []
    for held in groups:
        train = [r for r in rows if group_of(r, sets) != held]
        inner_sets = tuple(s for s in sets if any(r["set"] == s for r in train)) if len(sets) > 1 else sets
        inner = [(s, ok) for _, s, ok, _ in _held_scores(train, inner_sets, only)]
        t = threshold_for(inner, target)
        w, b = fit(train, only)
        out += [(held, prob(w, b, r["features"]), r["ok"], t) for r in rows if group_of(r, sets) == held]
    return out


def _held_scores(rows: list[dict], sets, only: tuple[str, ...]) -> list[tuple[str, float, bool, float]]:
    """Each event scored by a model fitted without its group (no threshold chosen)."""
    groups = sorted({group_of(r, sets) for r in rows})
    out = []
    for held in groups:
        w, b = fit([r for r in rows if group_of(r, sets) != held], only)
        out += [(held, prob(w, b, r["features"]), r["ok"], 0.0) for r in rows if group_of(r, sets) == held]
    return out


def score_held(rows: list[dict], held_sets: list[str], weights: dict[str, float], bias: float, t: float,
               gold_events: dict[str, int]) -> None:
    """Print each held set's precision and recall without and with the model and its threshold."""
    for name in held_sets:
        part = [r for r in rows if r["set"] == name]
        kept = [r["ok"] for r in part if prob(weights, bias, r["features"]) >= t]
        shipped = [r["ok"] for r in part if r["confidence"] >= SHIPPED_THRESHOLD]
        n_gold = gold_events.get(name, 0) or 1
        print(f"  {name:8} no threshold: {sum(r['ok'] for r in part)}/{len(part)} "
              f"P {sum(r['ok'] for r in part) / max(len(part), 1):.3f} | shipped model: {sum(shipped)}/{len(shipped)} "
              f"P {sum(shipped) / max(len(shipped), 1):.3f} | this model at {t:.3f}: {sum(kept)}/{len(kept)} "
              f"P {sum(kept) / max(len(kept), 1):.3f} (right events kept {sum(kept)}/{sum(r['ok'] for r in part)}, "
              f"R {sum(kept) / n_gold:.3f} of {gold_events.get(name, 0)} gold events)")
        right = sum(r["ok"] for r in part)
        for label, score in (("this model", lambda r: prob(weights, bias, r["features"])),
                             ("shipped model", lambda r: r["confidence"])):
            curve = []
            for cut in (0.6, 0.7, 0.8, 0.9):
                k = [r["ok"] for r in part if score(r) >= cut]
                curve.append(f"{cut:.1f}: {sum(k)}/{len(k)} P {sum(k) / max(len(k), 1):.3f}, right kept {sum(k)}/{right}")
            print(f"    {label:13} " + " | ".join(curve))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--entities", choices=("gold", "system"), default="system")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--cache", type=Path, help="read/write the collected rows here (JSON)")
    ap.add_argument("--sets", default=",".join(SETS),
                    help="the splits the model is fitted on (comma-separated; 'all': every split of the gold set)")
    ap.add_argument("--held", default="", help="splits scored with the fitted model and threshold (comma-separated)")
    ap.add_argument("--target", type=float, default=TARGET,
                    help="precision the threshold must reach while keeping half the right events (above 1: "
                         "never, so the threshold is the best precision keeping 90 %% of them)")
    ap.add_argument("--only", default="", help="fit only the features starting with these prefixes (comma-separated)")
    args = ap.parse_args()
    only = tuple(s for s in args.only.split(",") if s)
    sets = _all_splits() if args.sets == "all" else tuple(args.sets.split(","))
    held_sets = [s for s in args.held.split(",") if s]
    if args.cache and args.cache.exists():
        rows = json.loads(args.cache.read_text(encoding="utf-8"))
    else:
        rows = collect(args.entities, sets + tuple(held_sets))
        if args.cache:
            args.cache.write_text(json.dumps(rows), encoding="utf-8")
    gold_events: dict[str, int] = {}
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        gold_events[d["split"]] = gold_events.get(d["split"], 0) + len(d["events"])
    fitting = [r for r in rows if r["set"] in sets]
    n_gold = sum(gold_events.get(s, 0) for s in sets)
    ok_all = sum(r["ok"] for r in fitting)
    print(f"events reported (no threshold): {len(fitting)}, right in type+actors {ok_all} "
          f"(P {ok_all / len(fitting):.3f}, R {ok_all / n_gold:.3f} of {n_gold} gold events)")
    held = loso(fitting, sets, only, args.target)
    kept = [(s, ok) for _, s, ok, t in held if s >= t]
    c = sum(ok for _, ok in kept)
    print(f"held-out ({'leave one set out' if len(sets) > 1 else f'{FOLDS} folds'}), each group's threshold "
          f"chosen without it: kept {len(kept)}, right {c}: P {c / max(len(kept), 1):.3f}, R {c / n_gold:.3f}")
    for name in sorted({g for g, *_ in held}):
        part = [(s, ok, t) for st, s, ok, t in held if st == name]
        k = [ok for s, ok, t in part if s >= t]
        base = sum(ok for _, ok, _ in part)
        print(f"  {name:9} threshold {part[0][2]:.3f}: P {base}/{len(part)} -> {sum(k)}/{len(k)}, "
              f"right events kept {sum(k)}/{base}")
    print("pooled held-out curve (threshold: kept, P, R)")
    pooled = [(s, ok) for _, s, ok, _ in held]
    for t in (0.0, 0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95):
        k = [ok for s, ok in pooled if s >= t]
        print(f"  {t:.2f}: {len(k):4d}  P {sum(k) / max(len(k), 1):.3f}  R {sum(k) / n_gold:.3f}")
    t = threshold_for(pooled, args.target)
    k = [ok for s, ok in pooled if s >= t]
    print(f"pooled threshold {t:.3f}: kept {len(k)}, P {sum(k) / max(len(k), 1):.3f}, R {sum(k) / n_gold:.3f}")
    weights, bias = fit(fitting, only)
    print(f"weights (fitted on {', '.join(sets)}):")
    for key, v in sorted(weights.items(), key=lambda kv: kv[1]):
        print(f"  {v:+.2f} {key}")
    if held_sets:
        print(f"held sets, scored with these weights and threshold {t:.3f} (shipped threshold {SHIPPED_THRESHOLD:.3f}):")
        score_held(rows, held_sets, weights, bias, t, gold_events)
    if args.write:
        lines = ["# per-event confidence: logistic weights over how an event was built (chronik.events.confidence)",
                 f"# fitted by scripts/events_confidence.py on {len(fitting)} events of splits {', '.join(sets)} "
                 f"({args.entities} entities); threshold from the pooled held-out curve",
                 f"#bias\t{bias:.4f}", f"#threshold\t{t:.4f}"]
        lines += [f"{key}\t{v:.4f}" for key, v in sorted(weights.items())]
        WEIGHTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"written {WEIGHTS}")


if __name__ == "__main__":
    main()
