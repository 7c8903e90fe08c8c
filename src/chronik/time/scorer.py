"""TempEval-3 style evaluation of TIMEX3 annotations.

* strict match: same extent (after trimming whitespace at either end);
* relaxed match: extents overlap (gold and system expressions are paired one to one, the
  largest overlap first);
* value and type F1: among relaxed pairs, those with the same value (type): precision over
  all system expressions, recall over all gold expressions. This equals relaxed F1 times
  the attribute accuracy, as in the TempEval-3 scorer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from chronik.model import TimeExpr
from chronik.time import timeml

METRICS = ("strict", "relaxed", "value", "type")


@dataclass(slots=True)
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0

    def add(self, other: "Counts") -> None:
        for name in ("gold", "system", *METRICS):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def prf(self, metric: str) -> tuple[float, float, float]:
        hits = getattr(self, metric)
        p = hits / self.system if self.system else 0.0
        r = hits / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"gold": self.gold, "system": self.system}
        for metric in METRICS:
            p, r, f = self.prf(metric)
            out[metric] = {"p": round(100 * p, 2), "r": round(100 * r, 2), "f1": round(100 * f, 2)}
        return out


@dataclass(slots=True)
class Report:
    total: Counts = field(default_factory=Counts)
    documents: dict[str, Counts] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {"total": self.total.as_dict(), "documents": len(self.documents), "problems": self.problems}


def _trim(text: str, t: TimeExpr) -> tuple[int, int]:
    start, end = t.start, t.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def score_document(text: str, gold: Sequence[TimeExpr], system: Sequence[TimeExpr]) -> Counts:
    counts = Counts(gold=len(gold), system=len(system))
    g_spans = [_trim(text, g) for g in gold]
    s_spans = [_trim(text, s) for s in system]
    counts.strict = len(set(g_spans) & set(s_spans))
    overlaps = []
    for i, (gs, ge) in enumerate(g_spans):
        for j, (ss, se) in enumerate(s_spans):
            overlap = min(ge, se) - max(gs, ss)
            if overlap > 0:
                exact = (gs, ge) == (ss, se)
                overlaps.append((-int(exact), -overlap, i, j))
    overlaps.sort()
    used_g, used_s = set(), set()
    for _, _, i, j in overlaps:
        if i in used_g or j in used_s:
            continue
        used_g.add(i)
        used_s.add(j)
        counts.relaxed += 1
        counts.value += gold[i].value.strip() == system[j].value.strip()
        counts.type += gold[i].label == system[j].label
    return counts


def score_dirs(gold_dir: str | Path, system_dir: str | Path) -> Report:
    """Scores every gold file against the system file of the same name."""
    gold_dir, system_dir = Path(gold_dir), Path(system_dir)
    report = Report()
    for gold_path in sorted(p for p in gold_dir.iterdir() if p.is_file()):
        system_path = system_dir / gold_path.name
        gold = timeml.read(gold_path)
        if not system_path.is_file():
            report.problems.append(f"{gold_path.name}: no system file")
            system_timexes: tuple[TimeExpr, ...] = ()
        else:
            system = timeml.read(system_path)
            system_timexes = system.timexes
            if system.text != gold.text:
                report.problems.append(f"{gold_path.name}: system text differs from gold text")
                system_timexes = _realign(gold.text, system.text, system.timexes)
        counts = score_document(gold.text, gold.timexes, system_timexes)
        report.documents[gold_path.name] = counts
        report.total.add(counts)
    return report


def _realign(gold: str, system: str, timexes: Iterable[TimeExpr]) -> tuple[TimeExpr, ...]:
    """Maps system spans onto the gold text when they differ only in whitespace."""
    def skeleton(text: str) -> tuple[str, list[int]]:
        chars, where = [], []
        for i, ch in enumerate(text):
            if not ch.isspace():
                chars.append(ch)
                where.append(i)
        return "".join(chars), where

    g_chars, g_where = skeleton(gold)
    s_chars, s_where = skeleton(system)
    if g_chars != s_chars:
        return ()
    index = {pos: k for k, pos in enumerate(s_where)}
    out = []
    for t in timexes:
        ks = [index[i] for i in range(t.start, t.end) if i in index]
        if ks:
            out.append(t.replace(start=g_where[ks[0]], end=g_where[ks[-1]] + 1))
    return tuple(out)


def table(report: Report, title: str = "") -> str:
    """A plain-text table of the totals."""
    lines = [title] if title else []
    t = report.total
    lines.append(f"documents {len(report.documents)}, gold {t.gold}, system {t.system}")
    lines.append(f"{'':10}{'P':>8}{'R':>8}{'F1':>8}")
    for metric in METRICS:
        p, r, f = t.prf(metric)
        lines.append(f"{metric:10}{100 * p:8.2f}{100 * r:8.2f}{100 * f:8.2f}")
    return "\n".join(lines)
