"""Quality gates: the shipped model on SmartData test and HIPE-2022 German dev, its speed and
load time. Floors live in baseline.json (a little below the measured scores)."""

import itertools
import json
import time
from pathlib import Path

import pytest

from chronik.entities.corpora import read_hipe, read_smartdata
from chronik.entities.scoring import score

BASELINE = json.loads((Path(__file__).parent / "baseline.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def smartdata_test(shared):
    return read_smartdata(shared / "data" / "smartdata" / "test.json.gz")


@pytest.fixture(scope="module")
def smartdata_scores(recognizer, smartdata_test):
    predicted = recognizer.tag_many([s.words for s in smartdata_test])
    return score([s.tags for s in smartdata_test], predicted)


@pytest.mark.slow
@pytest.mark.parametrize("label", ["PER", "LOC", "ORG", "PER/LOC/ORG", "all"])
def test_gate_smartdata_test_f1(smartdata_scores, label):
    labels = {"PER/LOC/ORG": {"PER", "LOC", "ORG"}, "all": None}.get(label, {label})
    measured = smartdata_scores.f1(labels)
    floor = BASELINE["smartdata_test"][label]
    assert measured >= floor, f"SmartData test {label} F1 {measured:.2f} < floor {floor}"


@pytest.mark.slow
@pytest.mark.parametrize("label", ["PER/LOC/ORG", "all"])
def test_gate_smartdata_test_documents_f1(recognizer, smartdata_test, label):
    """As the pipeline stage tags: whole documents, names propagated, role nouns used."""
    predicted = []
    for _, group in itertools.groupby(smartdata_test, key=lambda s: s.doc):
        predicted += recognizer.tag_document([s.words for s in group])
    result = score([s.tags for s in smartdata_test], predicted)
    measured = result.f1({"PER", "LOC", "ORG"} if label == "PER/LOC/ORG" else None)
    floor = BASELINE["smartdata_test_documents"][label]
    assert measured >= floor, f"SmartData test (documents) {label} F1 {measured:.2f} < floor {floor}"


@pytest.mark.slow
@pytest.mark.parametrize("part", ["hipe2020", "newseye", "sonar"])
def test_gate_hipe_dev_f1(shared, recognizer, part):
    path = shared / "data" / "hipe2022-de" / f"HIPE-2022-v2.1-{part}-dev-de.tsv"
    if not path.exists():
        pytest.skip(f"{path} missing")
    sents = read_hipe(path)
    measured = score([s.tags for s in sents], recognizer.tag_many([s.words for s in sents]))
    floor = BASELINE[f"hipe_{part}_dev"]["PER/LOC/ORG"]
    assert measured.f1({"PER", "LOC", "ORG"}) >= floor, f"HIPE {part} dev {measured.f1():.2f} < {floor}"


@pytest.mark.slow
def test_gate_speed_cold(smartdata_test):
    """Single-core throughput of a fresh recogniser on text it has not seen (cold cache),
    in CPU time so that other processes on the machine do not make the gate flaky."""
    from chronik.entities.recognizer import Recognizer

    sents = [s.words for s in smartdata_test[:3000]]
    tokens = sum(len(s) for s in sents)
    best = 0.0
    for _ in range(3):
        with Recognizer() as rec:
            t = time.process_time()
            rec.tag_many(sents)
            best = max(best, 1 / (time.process_time() - t))
    assert best * len(sents) >= BASELINE["sentences_per_second"], f"{best * len(sents):.0f} sentences/s"
    assert best * tokens >= BASELINE["tokens_per_second"], f"{best * tokens:.0f} tokens/s"


def test_gate_model_loads_fast():
    from chronik.entities.recognizer import Recognizer

    best = float("inf")
    for _ in range(2):
        t = time.process_time()  # CPU time: robust to other processes on the machine
        rec = Recognizer()
        best = min(best, time.process_time() - t)
        rec.close()
    assert best < BASELINE["load_seconds"], f"model load took {best:.2f}s"


def test_model_file_is_small():
    from importlib import resources

    with resources.as_file(resources.files("chronik.entities.model").joinpath("ner-crf.bin")) as path:
        assert path.stat().st_size < 20 * 2**20
