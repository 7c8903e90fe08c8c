"""conlleval-style strict span scoring on outer BIO chunks: per label and overall."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from chronik.entities.corpora import chunks


@dataclass(frozen=True, slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return 100.0 * self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return 100.0 * self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass(frozen=True, slots=True)
class Score:
    """Strict span scores: a predicted chunk counts only if its span and label are both right."""

    labels: dict[str, Counts] = field(default_factory=dict)

    def overall(self, labels: Iterable[str] | None = None) -> Counts:
        total = Counts()
        for label, counts in self.labels.items():
            if labels is None or label in labels:
                total = total + counts
        return total

    def f1(self, labels: Iterable[str] | None = None) -> float:
        return self.overall(None if labels is None else set(labels)).f1

    def table(self) -> str:
        rows = [f"{'label':<12}{'prec':>8}{'rec':>8}{'F1':>8}{'gold':>7}{'pred':>7}"]
        items = sorted(self.labels.items()) + [("PER/LOC/ORG", self.overall({"PER", "LOC", "ORG"})),
                                               ("all", self.overall())]
        for label, c in items:
            rows.append(f"{label:<12}{c.precision:8.2f}{c.recall:8.2f}{c.f1:8.2f}"
                        f"{c.tp + c.fn:7d}{c.tp + c.fp:7d}")
        return "\n".join(rows)

    def to_dict(self) -> dict:
        out = {label: {"precision": round(c.precision, 2), "recall": round(c.recall, 2),
                       "f1": round(c.f1, 2), "gold": c.tp + c.fn, "pred": c.tp + c.fp}
               for label, c in sorted(self.labels.items())}
        out["PER/LOC/ORG"] = round(self.f1({"PER", "LOC", "ORG"}), 2)
        out["all"] = round(self.f1(), 2)
        return out


def score(gold: Iterable[Iterable[str]], predicted: Iterable[Iterable[str]]) -> Score:
    """Score sentence-aligned BIO tag sequences (``gold[i]`` and ``predicted[i]`` same length)."""
    tp: dict[str, int] = {}
    fp: dict[str, int] = {}
    fn: dict[str, int] = {}
    for g_tags, p_tags in zip(gold, predicted, strict=True):
        g_tags, p_tags = list(g_tags), list(p_tags)
        if len(g_tags) != len(p_tags):
            raise ValueError(f"sentence lengths differ: {len(g_tags)} gold vs {len(p_tags)} predicted")
        g = set(chunks(g_tags))
        p = set(chunks(p_tags))
        for _, _, label in g & p:
            tp[label] = tp.get(label, 0) + 1
        for _, _, label in p - g:
            fp[label] = fp.get(label, 0) + 1
        for _, _, label in g - p:
            fn[label] = fn.get(label, 0) + 1
    labels = set(tp) | set(fp) | set(fn)
    return Score({lab: Counts(tp.get(lab, 0), fp.get(lab, 0), fn.get(lab, 0)) for lab in labels})
