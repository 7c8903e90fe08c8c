import random
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from chronik.dedup import Deduplicator, group_copies
from chronik.dedup.passages import align, extend
from chronik.dedup.shingles import Words, kgram_hashes, stable_hash, winnow
from chronik.ingest.article import make_article
from chronik.store import open_store

WIRE = ("Nach Angaben der Feuerwehr brach das Feuer gegen drei Uhr morgens im Dachstuhl der alten Mühle aus. "
        "Die rund vierzig Bewohner der umliegenden Häuser wurden vorsorglich in Sicherheit gebracht, verletzt wurde niemand. "
        "Die Polizei schätzt den Schaden auf mehrere hunderttausend Euro und ermittelt zur Brandursache.")
WIRE_EDITED = WIRE.replace("gegen drei Uhr morgens", "gegen drei Uhr früh").replace("ß", "ss")
A = "Großbrand in Talheim\n\nIn der Nacht auf Sonntag hat es in Talheim gebrannt. " + WIRE + " Der Bürgermeister dankte den Helfern."
B = "Feuer zerstört Mühle\n\nEin Grossbrand hat die Mühle zerstört. " + WIRE_EDITED + " Die Strasse bleibt gesperrt."
C = "Neue Brücke beschlossen\n\nDer Gemeinderat hat den Neubau der Brücke über die Aach beschlossen. Die Kosten liegen bei zwölf Millionen Euro."


def _stored(store, texts, published=None):
    arts = []
    for i, t in enumerate(texts):
        a = make_article(source=f"{i}.txt", format="txt", body=t, raw=t.encode(), published=(published or {}).get(i)).replace(text=t)
        store.put_article(a, "x")
        arts.append(a)
    return arts


def test_words_normalise_case_and_sharp_s():
    assert Words.of("Großen «Mengen»").forms == ("grossen", "mengen")
    assert stable_hash("a b") == stable_hash("a b") and isinstance(stable_hash("x"), int)


def test_winnow_guarantees_a_shared_fingerprint_for_long_matches():
    rnd = random.Random(3)
    shared = [f"w{rnd.randrange(10**6)}" for _ in range(20)]
    a = Words.of(" ".join(["x"] * 5 + shared + ["y"] * 5))
    b = Words.of(" ".join(["z"] * 9 + shared))
    fa, fb = winnow(kgram_hashes(a, 7), 4), winnow(kgram_hashes(b, 7), 4)
    assert fa & fb


def test_align_and_extend_bridge_an_edited_word():
    a, b = Words.of(WIRE), Words.of(WIRE_EDITED)
    runs = align(kgram_hashes(b, 7), kgram_hashes(a, 7), 7, gap=4, min_words=15)
    assert len(runs) == 1
    run = extend(runs[0], b.forms, a.forms)
    assert (run.a0, run.b0) == (0, 0) and run.a1 == len(b) and run.b1 == len(a)


def test_dedup_finds_wire_copy_with_spans_and_first_publisher(tmp_path):
    with open_store(tmp_path / "d.db") as store:
        a, b, c = _stored(store, [A, B, C], published={0: "2024-03-03", 1: "2024-03-04"})
        report = Deduplicator().run(store)
        assert report.articles == 3 and report.links == 1
        (copy,) = group_copies(store.copy_links(), store.get_article)
        assert {s.article for s in copy.spans} == {a.id, b.id}
        for s in copy.spans:
            text = (a if s.article == a.id else b).text[s.start:s.end]
            assert text.startswith("Nach Angaben der Feuerwehr") and text.endswith("zur Brandursache")
        assert copy.first == a.id
        assert Deduplicator().run(store).articles == 0  # nothing pending: idempotent


def test_dedup_near_duplicate_articles(tmp_path):
    long = " ".join(f"Satz {i} über die Sanierung der Brücke in Talheim mit vielen Details." for i in range(40))
    with open_store(tmp_path / "n.db") as store:
        a, b, _ = _stored(store, [long, long + " Ein zusätzlicher Satz am Ende.", C])
        report = Deduplicator().run(store)
        assert report.near_duplicates == 1
        (nd,) = store.near_duplicates()
        assert {nd.a, nd.b} == {a.id, b.id} and nd.similarity > 0.8


def _passages(tmp_path, order, name):
    with open_store(tmp_path / name) as store:
        texts = [A, B, C, A.replace("Talheim", "Tal") + " Noch ein Satz zum Schluss der Meldung."]
        _stored(store, [texts[i] for i in order])
        Deduplicator().run(store)
        return sorted(tuple(sorted((s.article, s.start, s.end) for s in c.spans))
                      for c in group_copies(store.copy_links(), store.get_article))


@settings(max_examples=6, deadline=None)
@given(st.permutations([0, 1, 2, 3]))
def test_dedup_is_order_independent(tmp_path_factory, order):
    tmp = tmp_path_factory.mktemp("o")
    assert _passages(tmp, order, "x.db") == _passages(tmp, [0, 1, 2, 3], "y.db")


def _stored_hits(store, probe) -> dict[str, int]:
    """Per article, how many of ``probe`` the store holds for it (counted from its rows)."""
    return dict(Counter(article for h, article in store.fingerprints() if h in probe))


def test_session_fingerprint_index_counts_as_the_store_does(tmp_path):
    """The session's in-memory fingerprint index (read at its start, grown as it goes) gives
    the counts the store's fingerprint rows give, for articles of an earlier session and of its own."""
    with open_store(tmp_path / "f.db") as store:
        _stored(store, [A, C])
        Deduplicator().run(store)  # an earlier session: A and C are indexed in the store
        b, = _stored(store, [B])
        extra, = _stored(store, [A.replace("Talheim", "Tal") + " Noch ein Satz."])
        dedup = Deduplicator()
        session = dedup.session(store)
        probe = dedup.prepare(b).fingerprints | dedup.prepare(extra).fingerprints
        assert session.hits(probe) == _stored_hits(store, probe) != {}
        session.process(store.pending_dedup())
        assert session.hits(probe) == _stored_hits(store, probe)
        assert set(session.hits(probe)) >= {b.id, extra.id}
        assert store.pending_dedup() == []
