import pytest

from chronik.clusters.bcubed import bcubed
from chronik.errors import InputError


def test_bcubed_perfect_clustering_scores_one():
    gold = {"a": 1, "b": 1, "c": 2}
    result = bcubed({"a": "x", "b": "x", "c": "y"}, gold)
    assert (result.precision, result.recall, result.f1) == (1.0, 1.0, 1.0)


def test_bcubed_one_big_cluster_has_full_recall_and_low_precision():
    gold = {"a": 1, "b": 1, "c": 2, "d": 2}
    result = bcubed({i: "all" for i in gold}, gold)
    assert result.recall == 1.0
    assert result.precision == pytest.approx(0.5)
    assert result.f1 == pytest.approx(2 / 3)


def test_bcubed_singletons_have_full_precision():
    gold = {"a": 1, "b": 1, "c": 1, "d": 2}
    result = bcubed({i: i for i in gold}, gold)
    assert result.precision == 1.0
    # recall per item: 1/3 for the three of group 1, 1 for d
    assert result.recall == pytest.approx((3 * (1 / 3) + 1) / 4)


def test_bcubed_hand_example():
    # predicted {a,b,c} {d,e}; gold {a,b} {c,d,e}
    gold = {"a": "g1", "b": "g1", "c": "g2", "d": "g2", "e": "g2"}
    pred = {"a": "p1", "b": "p1", "c": "p1", "d": "p2", "e": "p2"}
    result = bcubed(pred, gold)
    # precision: a,b 2/3; c 1/3; d,e 1 -> (2/3+2/3+1/3+1+1)/5
    assert result.precision == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5)
    # recall: a,b 1; c 1/3; d,e 2/3
    assert result.recall == pytest.approx((1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5)
    p, r = result.precision, result.recall
    assert result.f1 == pytest.approx(2 * p * r / (p + r))


def test_bcubed_labels_are_only_names():
    gold = {"a": 1, "b": 1, "c": 2}
    assert bcubed({"a": 5, "b": 5, "c": 9}, gold) == bcubed({"a": "q", "b": "q", "c": "r"}, gold)


@pytest.mark.parametrize("pred", [{"a": 1}, {"a": 1, "b": 1, "z": 2}])
def test_bcubed_rejects_different_items(pred):
    with pytest.raises(InputError):
        bcubed(pred, {"a": 1, "b": 1})


def test_bcubed_rejects_empty_input():
    with pytest.raises(InputError):
        bcubed({}, {})
