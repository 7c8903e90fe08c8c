"""Per-event confidence: the shipped weights, the threshold, the features and the export."""

from __future__ import annotations

import pytest

from chronik.events import EventExtractor, ExtractorOptions, events_to_json
from chronik.events.confidence import Confidence, load_weights
from tests.events.conftest import article

TEXT = ("Kremlchef Wladimir Putin hat den nordkoreanischen Machthaber Kim Jong Un empfangen. "
        "Die Türkei macht die PKK für den Anschlag verantwortlich, sagte Ministerpräsident Ahmet Davutoglu.")
NAMES = {"Wladimir Putin": "PER", "Kim Jong Un": "PER", "Türkei": "LOC", "PKK": "ORG", "Ahmet Davutoglu": "PER"}


def test_shipped_weights_load():
    weights, bias, threshold = load_weights()
    assert len(weights) >= 20 and 0.0 < threshold < 1.0
    assert all(isinstance(v, float) for v in weights.values())


def test_score_is_a_logistic_of_the_weights():
    model = Confidence({"a": 2.0, "b": -1.0}, bias=0.5, threshold=0.5)
    assert model.score({}) == pytest.approx(1 / (1 + 2.718281828 ** -0.5), rel=1e-6)
    assert model.score({"a": 1.0}) > model.score({}) > model.score({"b": 1.0})
    assert 0.0 < model.score({"b": 1000.0}) < 1e-12  # clipped, no overflow


def test_events_carry_their_confidence_and_features():
    art = article(TEXT, NAMES)
    threshold = load_weights()[2]
    events = EventExtractor()(art).events
    assert events and all(threshold <= e.confidence <= 1.0 and e.confidence != 1.0 for e in events)
    pairs = EventExtractor().explain(art)
    assert [e.id for e, _ in pairs] == [e.id for e in events]
    meet = next(f for e, f in pairs if e.type == "MEET")
    assert meet["kind=verb"] == 1.0 and "src.before_verb" in meet and "tgt.after_verb" in meet


def test_threshold_drops_events_below_it():
    art = article(TEXT, NAMES)
    assert EventExtractor(ExtractorOptions(min_confidence=1.01))(art).events == ()
    everything = EventExtractor(ExtractorOptions(min_confidence=0.0))(art).events
    assert len(everything) >= len(EventExtractor()(art).events) >= 2


def test_export_has_the_confidence():
    art = EventExtractor()(article(TEXT, NAMES))
    rows = events_to_json(art)
    assert rows and all(r["confidence"] == e.confidence for r, e in zip(rows, sorted(art.events, key=lambda e: e.trigger.start)))


@pytest.mark.parametrize("text, names", [
    ("Das Kartellamt hat die Übernahme durch Deutschlands größten Lebensmittelhändler Edeka geprüft.",
     {"Kartellamt": "ORG", "Deutschlands": "LOC", "Edeka": "ORG"}),
    ("Am Sonntag wurden die Bürgermeister von Ober-Ramstadt und Brombachtal gewählt.",
     {"Ober-Ramstadt": "LOC", "Brombachtal": "LOC"}),
])
def test_a_place_that_only_locates_is_no_source(text, names):
    events = EventExtractor(ExtractorOptions(min_confidence=0.0))(article(text, names)).events
    assert not any(a.role == "source" and a.name in ("Deutschland", "Deutschlands", "Ober-Ramstadt", "Brombachtal")
                   for e in events for a in e.actors), events
