import pytest

from chronik.entities.corpora import bio, chunks
from chronik.entities.scoring import score


@pytest.mark.parametrize(
    "tags, expected",
    [
        (["B-PER", "I-PER", "O", "B-LOC"], [(0, 2, "PER"), (3, 4, "LOC")]),
        (["I-ORG", "I-ORG", "O"], [(0, 2, "ORG")]),  # conlleval: I- after O starts a chunk
        (["B-PER", "B-PER"], [(0, 1, "PER"), (1, 2, "PER")]),
        (["B-PER", "I-LOC"], [(0, 1, "PER"), (1, 2, "LOC")]),
        (["O", "O"], []),
    ],
)
def test_chunks_follow_conlleval(tags, expected):
    assert chunks(tags) == expected
    assert chunks(bio(len(tags), expected)) == expected


def test_score_is_strict_on_spans_and_labels():
    gold = [["B-PER", "I-PER", "O", "B-LOC", "O", "B-ORG"]]
    pred = [["B-PER", "O", "O", "B-LOC", "O", "B-LOC"]]
    result = score(gold, pred)
    assert result.labels["LOC"].tp == 1 and result.labels["LOC"].fp == 1
    assert result.labels["PER"].tp == 0 and result.labels["PER"].fn == 1
    assert result.labels["ORG"].fn == 1
    assert result.f1() == pytest.approx(2 * (1 / 3) * (1 / 3) / (2 / 3) * 100)


def test_score_perfect_and_empty():
    tags = [["B-PER", "I-PER", "O"], ["O"]]
    assert score(tags, tags).f1() == 100.0
    assert score([["O"]], [["O"]]).f1() == 0.0


def test_score_rejects_misaligned_sentences():
    with pytest.raises(ValueError):
        score([["O", "O"]], [["O"]])
