"""Invariants of the extractor's output: spans inside the text, known types and roles, records
that round-trip, a stage that pickles, and the export shape."""

from __future__ import annotations

import json
import pickle

from hypothesis import given, settings
from hypothesis import strategies as st

from chronik.events import EventExtractor, events_to_json, load_inventory
from chronik.model import Event
from tests.events.conftest import article

EXTRACTOR = EventExtractor()
TYPES = set(load_inventory())
MODALITIES = {"asserted", "reported", "planned", "speculative", "denied", "negated"}
WORDS = ["Putin", "Kim", "Russland", "traf", "sich", "und", "besuchte", "sagte", "laut", "KCNA", "nicht", "die",
         "Einladung", "angenommen", "hat", ",", ".", "könnte", "Waffenlieferungen", "an", "mit", "am", "Mittwoch",
         "Treffen", "zwischen", "bestreiten", "wurde", "von", "festgenommen", "lud", "ein", "«", "»", "\n"]
NAMES = {"Putin": "PER", "Kim": "PER", "Russland": "LOC", "KCNA": "ORG"}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=0, max_size=30))
def test_events_are_well_formed_for_any_word_salad(words):
    text = " ".join(words)
    art = article(text, {k: v for k, v in NAMES.items() if k in text})
    events = EXTRACTOR(art).events
    for e in events:
        assert 0 <= e.trigger.start < e.trigger.end <= len(text)
        assert e.type in TYPES and e.modality in MODALITIES
        assert all(a.role in ("source", "target") and a.name for a in e.actors)
        assert 0 <= e.sentence < len(art.sentences)
        assert art.sentences[e.sentence].start <= e.trigger.start < art.sentences[e.sentence].end
    assert EXTRACTOR(art).events == events  # deterministic


def test_events_round_trip_and_stage_pickles():
    art = EXTRACTOR(article("Putin und Kim trafen sich am Mittwoch, sagte KCNA.",
                            {"Putin": "PER", "Kim": "PER", "KCNA": "ORG"}, times={"am Mittwoch": "2023-09-13"}))
    assert art.events
    for e in art.events:
        assert Event.from_dict(json.loads(json.dumps(e.to_dict()))) == e
        assert pickle.loads(pickle.dumps(e)) == e
    clone = pickle.loads(pickle.dumps(EXTRACTOR))
    assert clone(art).events == art.events
    assert type(art).from_dict(art.to_dict()).events == art.events


def test_events_to_json_shape():
    art = EXTRACTOR(article("Lawrow werde im nächsten Monat nach Pjöngjang reisen, teilte der Kreml mit.",
                            {"Lawrow": "PER", "Pjöngjang": "LOC", "Kreml": "ORG"},
                            times={"im nächsten Monat": "2023-10"}))
    rows = events_to_json(art, names={})
    assert rows and json.loads(json.dumps(rows)) == rows
    travel = next(r for r in rows if r["type"] == "TRAVEL")
    assert set(travel) >= {"article", "sentence", "trigger", "type", "actors", "time", "place", "attribution", "modality"}
    assert travel["trigger"] == "reisen" and travel["sentence"].startswith("Lawrow werde")
    assert travel["actors"] == [{"name": "Lawrow", "entity": None, "role": "source"}]
    assert travel["time"] == {"value": "2023-10", "precision": "month"}
    assert (travel["place"], travel["attribution"], travel["modality"]) == ("Pjöngjang", "Kreml", "planned")


def test_events_to_json_uses_canonical_names_by_entity():
    art = article("Putin besuchte Pjöngjang.", {"Putin": "PER", "Pjöngjang": "LOC"})
    art = art.replace(mentions=tuple(m.replace(entity="per:putin") if m.label == "PER" else m for m in art.mentions))
    rows = events_to_json(EXTRACTOR(art), names={"per:putin": "Wladimir Putin"})
    assert rows[0]["actors"][0] == {"name": "Wladimir Putin", "entity": "per:putin", "role": "source"}
