from hypothesis import given
from hypothesis import strategies as st

from chronik.disjoint import DisjointSets


@given(st.lists(st.tuples(st.integers(0, 20), st.integers(0, 20)), max_size=30), st.randoms())
def test_disjoint_sets_grouping_does_not_depend_on_join_order(pairs, rnd):
    a, b = DisjointSets(range(21)), DisjointSets(range(21))
    for x, y in pairs:
        a.union(x, y)
    shuffled = list(pairs)
    rnd.shuffle(shuffled)
    for x, y in shuffled:
        b.union(y, x)
    assert [a.find(i) for i in range(21)] == [b.find(i) for i in range(21)]
    assert all(a.find(i) <= i for i in range(21))  # the smallest member is the root
