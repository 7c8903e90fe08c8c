"""BCubed precision, recall and F1 (Bagga and Baldwin 1998; Amigó et al. 2009) for flat clusterings.

For each item, precision is the share of its predicted cluster that shares its gold group, recall the
share of its gold group that shares its predicted cluster; both are averaged over items and F1 is their
harmonic mean. Both mappings must cover the same items, each item in exactly one cluster.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Hashable, Mapping

from chronik.errors import InputError


@dataclass(frozen=True, slots=True, kw_only=True)
class BCubed:
    precision: float
    recall: float
    f1: float


def bcubed(predicted: Mapping[Hashable, Hashable], gold: Mapping[Hashable, Hashable]) -> BCubed:
    """Score ``predicted`` (item -> cluster label) against ``gold`` (item -> group label)."""
    if set(predicted) != set(gold):
        missing = len(set(gold) - set(predicted))
        extra = len(set(predicted) - set(gold))
        raise InputError("bcubed", f"items differ: {missing} gold items unpredicted, {extra} extra")
    if not gold:
        raise InputError("bcubed", "no items to score")
    pairs = Counter((predicted[i], gold[i]) for i in gold)
    pred_size = Counter(predicted[i] for i in gold)
    gold_size = Counter(gold.values())
    # Every item of a (cluster, group) cell of size n has n correct neighbours in both directions.
    precision = sum(n * n / pred_size[p] for (p, _), n in pairs.items()) / len(gold)
    recall = sum(n * n / gold_size[g] for (_, g), n in pairs.items()) / len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return BCubed(precision=precision, recall=recall, f1=f1)
