import numpy as np
import pytest

from chronik.clusters.space import TermSpace


def test_term_space_idf_follows_the_documents_seen_so_far():
    space = TermSpace(min_df=2, max_df=1.0)
    space.add([["a", "b"], ["a", "c"]])
    first = space.weighted().toarray()
    assert np.all(first == 0)  # "a" is everywhere, "b" and "c" are too rare
    space.add([["b", "d"], ["d", "e"]])
    weights = space.weighted().toarray()
    col = space.vocab
    assert weights[0, col["b"]] > 0
    assert weights[0, col["b"]] == pytest.approx(weights[0, col["a"]])
    assert weights[1, col["a"]] == pytest.approx(1.0)  # "c" is still too rare to count
    assert weights[3, col["e"]] == 0
    norms = np.linalg.norm(weights, axis=1)
    assert np.allclose(norms[norms > 0], 1.0)


def test_term_space_keeps_the_heaviest_terms_and_drops_common_ones():
    space = TermSpace(min_df=1, max_df=0.5, max_df_floor=0, max_terms=2)
    space.add([["x", "y", "y", "z"], ["x"], ["y", "q"], ["z", "w"]])
    weights = space.weighted()
    assert max(np.diff(weights.indptr)) <= 2
    assert space.idf()[space.vocab["w"]] > 0
    space.add([["x"], ["x"]])  # x now in 4 of 6 documents: over max_df
    assert space.idf()[space.vocab["x"]] == 0
