import pickle
import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronik.clusters.features import DocFeatures
from chronik.clusters.online import ClusterOptions, EventClusterer, cluster_documents
from chronik.errors import InputError

# Three made-up events, each reported by several documents: an event's documents share its
# specific words and names; every document also carries story-wide and random filler words.
EVENTS = {
    "quake": (["earthquake", "magnitude", "aftershock", "village", "rubble", "rescue"], ["qeshm", "iran"]),
    "summit": (["summit", "cosmodrome", "invitation", "rocket", "satellite", "visit"], ["putin", "kim", "vostochny"]),
    "trade": (["tariff", "export", "steel", "negotiation", "quota", "import"], ["brussels", "washington"]),
}
FILLER = ["report", "official", "week", "people", "state", "country", "government", "news", "day", "time",
          "year", "city", "group", "public", "local", "world", "national", "plan", "issue", "case"]


def corpus(per_event: int = 6, seed: int = 0) -> tuple[list[DocFeatures], dict[str, str]]:
    rng = random.Random(seed)
    docs, gold = [], {}
    for name, (words, names) in EVENTS.items():
        for i in range(per_event):
            lemmas = rng.sample(words, 4) * 2 + rng.sample(FILLER, 8)
            doc_id = f"{name}-{i:02d}-{rng.randrange(10**6):06d}"
            docs.append(DocFeatures(id=doc_id, lang="en", lemmas=tuple(lemmas), names=tuple(rng.sample(names, 2))))
            gold[doc_id] = name
    return docs, gold


def partition(assigned: dict[str, str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for doc, cid in assigned.items():
        groups.setdefault(cid, set()).add(doc)
    return {frozenset(g) for g in groups.values()}


def test_clusterer_separates_distinct_events():
    docs, gold = corpus()
    assigned = cluster_documents(docs)
    assert partition(assigned) == partition(gold)


@settings(max_examples=25, deadline=None)
@given(st.permutations(corpus(per_event=4, seed=3)[0]))
def test_clusterer_result_does_not_depend_on_order_within_a_batch(docs):
    reference = cluster_documents(sorted(docs, key=lambda d: d.id))
    assert cluster_documents(docs) == reference


def test_online_batches_keep_earlier_assignments_and_cover_every_document():
    docs, gold = corpus(per_event=8, seed=1)
    random.Random(7).shuffle(docs)
    clusterer = EventClusterer()
    seen: dict[str, str] = {}
    for lo in range(0, len(docs), 5):
        batch = docs[lo:lo + 5]
        result = clusterer.add(batch)
        assert set(result) == {d.id for d in batch}
        assignments = clusterer.assignments
        assert all(assignments[d] == c for d, c in seen.items())  # nothing moves
        seen.update(result)
        members = [d for ids in clusterer.clusters.values() for d in ids]
        assert sorted(members) == sorted(seen)  # every document in exactly one cluster
        assert all(assignments[d] == c for c, ids in clusterer.clusters.items() for d in ids)
    assert partition(clusterer.assignments) == partition(gold)


def test_online_single_batch_equals_batch_mode_and_readding_is_a_no_op():
    docs, _ = corpus(seed=2)
    clusterer = EventClusterer()
    first = clusterer.add(docs)
    assert first == cluster_documents(docs)
    assert clusterer.add(docs[:3]) == {d.id: first[d.id] for d in docs[:3]}
    assert clusterer.assignments == first


def test_online_rejects_two_different_documents_with_one_id():
    a = DocFeatures(id="x", lemmas=("a",))
    b = DocFeatures(id="x", lemmas=("b",))
    with pytest.raises(InputError):
        EventClusterer().add([a, b])


def test_clusterer_state_pickles_and_continues_identically():
    docs, _ = corpus(seed=4)
    clusterer = EventClusterer()
    clusterer.add(docs[:9])
    copy = pickle.loads(pickle.dumps(clusterer))
    assert copy.add(docs[9:]) == clusterer.add(docs[9:])
    assert copy.assignments == clusterer.assignments


def test_publication_dates_far_apart_never_link():
    background, _ = corpus(per_event=2, seed=6)  # other documents, so that idf is not zero
    base = DocFeatures(id="a", lang="en", lemmas=("flood", "river", "dam", "flood") * 3, names=("elbe",))
    other = ["b", "c", "d"]
    near = [base] + [base.replace(id=i) for i in other]
    assert len({cluster_documents(near + background)[i] for i in "abcd"}) == 1
    dated = [base.replace(published_earliest="2020-05-01", published_latest="2020-05-01")]
    dated += [base.replace(id=i, published_earliest="2021-05-01", published_latest="2021-05-02") for i in other]
    assigned = cluster_documents(dated + background)
    assert assigned["a"] != assigned["b"] and len({assigned[i] for i in other}) == 1
    windowless = cluster_documents(dated + background, ClusterOptions(window_days=None))
    assert len({windowless[i] for i in "abcd"}) == 1


def _unit(v):
    v = np.asarray(v, dtype=float)
    return tuple(float(x) for x in v / np.linalg.norm(v))


def test_cross_language_documents_link_through_embeddings():
    rng = np.random.default_rng(0)
    event, noise = rng.normal(size=16), rng.normal(size=(6, 16))
    docs = []
    for i in range(3):
        docs.append(DocFeatures(id=f"de{i}", lang="de", lemmas=("hochwasser", "deich", "pegel", "evakuierung") * 2,
                                names=("elbe", "dresden"), embedding=_unit(event + 0.2 * noise[i])))
        docs.append(DocFeatures(id=f"en{i}", lang="en", lemmas=("flood", "dike", "gauge", "evacuation") * 2,
                                names=("elbe", "dresden"), embedding=_unit(event + 0.2 * noise[3 + i])))
    background, _ = corpus(per_event=3, seed=8)  # English documents on other events
    assigned = cluster_documents(docs + background)
    assert len({assigned[d.id] for d in docs}) == 1
    assert not {assigned[d.id] for d in docs} & {assigned[d.id] for d in background}
    # Without embeddings and names nothing links the two languages.
    bare = [d.replace(embedding=(), names=()) for d in docs]
    assigned = cluster_documents(bare + background)
    assert {assigned[f"de{i}"] for i in range(3)}.isdisjoint({assigned[f"en{i}"] for i in range(3)})


def test_documents_without_features_become_singletons():
    docs = [DocFeatures(id=f"e{i}") for i in range(3)]
    assert cluster_documents(docs) == {"e0": "e0", "e1": "e1", "e2": "e2"}


def test_records_list_clusters_with_sources():
    docs, _ = corpus(per_event=3, seed=5)
    clusterer = EventClusterer()
    clusterer.add(docs)
    records = clusterer.records({docs[0].id: "file.txt"})
    assert sum(len(r.articles) for r in records) == len(docs)
    by_id = {a.id: a.source for r in records for a in r.articles}
    assert by_id[docs[0].id] == "file.txt" and by_id[docs[1].id] == docs[1].id


def test_options_pickled_by_position_in_an_older_store_take_defaults_for_new_fields():
    assert pickle.loads(pickle.dumps(ClusterOptions(threshold=0.2))) == ClusterOptions(threshold=0.2)
    # what unpickling does with a state an older chronik stored: the values by position,
    # from before place_penalty and weekday_penalty existed
    restored = ClusterOptions.__new__(ClusterOptions)
    restored.__setstate__([0.3, 7, 1.0, 1.0, 0.5, 60, 10, (0.45, 0.95), 0.75, 0.15, 50])
    assert restored == ClusterOptions(threshold=0.3, k=7)


def test_top_pairs_per_row_equal_a_full_sort_with_ties_and_small_blocks():
    """The partition shortcut keeps the same entries, in the same order, as sorting them all."""
    from scipy.sparse import random as sparse_random

    from chronik.clusters.online import _top_per_row_pairs, _top_per_row_pairs_sorted

    rng = np.random.default_rng(7)
    for _ in range(200):
        rows, cols = int(rng.integers(1, 30)), int(rng.integers(1, 50))
        matrix = sparse_random(rows, cols, density=float(rng.random()), random_state=rng, format="csr")
        matrix.data = np.round(matrix.data * int(rng.integers(1, 4))) + 1  # few distinct values: ties
        m = int(rng.integers(1, 10))
        fast = _top_per_row_pairs(matrix, m, cells=int(rng.integers(1, 400)))
        full = _top_per_row_pairs_sorted(matrix, m)
        assert np.array_equal(fast[0], full[0]) and np.array_equal(fast[1], full[1])
    negative = sparse_random(5, 8, density=0.7, random_state=rng, format="csr")
    negative.data -= 0.5  # the shortcut assumes positive entries: falls back to sorting
    assert all(np.array_equal(a, b) for a, b in zip(_top_per_row_pairs(negative, 3),
                                                    _top_per_row_pairs_sorted(negative, 3)))
