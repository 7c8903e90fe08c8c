"""The event scorer: name matching, actor sets, event matching and P/R/F1."""

from __future__ import annotations

import json

import pytest

from chronik.events.scoring import GoldEvent, GoldSentence, check_gold, same_actors, same_name, score
from chronik.events.corpora import Document
from chronik.model import Actor, Event, EventTime, Span


@pytest.mark.parametrize("a, b, same", [
    ("Putin", "Wladimir Putin", True), ("Nordkoreas", "Nordkorea", True), ("Kim Jong-un", "Kim Jong Un", True),
    ("Putin", "Kim", False), ("KCNA", "Nachrichtenagentur KCNA", True), (None, "Putin", False),
])
def test_scoring_same_name(a, b, same):
    assert same_name(a, b) is same


def test_scoring_same_actors_needs_names_and_roles():
    gold = [("Putin", "source"), ("Kim", "target")]
    assert same_actors(gold, [("Wladimir Putin", "source"), ("Kim Jong Un", "target")])
    assert not same_actors(gold, [("Putin", "target"), ("Kim", "source")])
    assert not same_actors(gold, [("Putin", "source")])
    assert same_actors([], [])


def _event(start, end, typ, actors=(), modality="asserted", time=None, attribution=None):
    return Event(id=f"e{start}", article="a", sentence=0, trigger=Span(start=start, end=end, label=typ), type=typ,
                 actors=tuple(Actor(name=n, role=r) for n, r in actors), time=EventTime(value=time),
                 attribution=attribution, modality=modality)


def _gold(events):
    return GoldSentence(id="s1", corpus="c", doc="d", start=0, end=100, stratum="random", split="dev", dct=None,
                        events=tuple(events))


def test_scoring_counts_precision_recall_per_field():
    gold = _gold([
        GoldEvent(type="MEET", trigger="trafen", trigger_start=10, actors=(("Putin", "source"), ("Kim", "source")),
                  time="2023-09-13", attribution=None, modality="asserted"),
        GoldEvent(type="ACCEPT", trigger="angenommen", trigger_start=40, actors=(("Putin", "source"),),
                  time=None, attribution="KCNA", modality="reported"),
    ])
    predicted = [
        _event(10, 16, "MEET", [("Putin", "source"), ("Kim", "source")], time="2023-09-13"),
        _event(40, 50, "ACCEPT", [("Putin", "source")], modality="asserted"),
        _event(70, 75, "ATTACK"),
    ]
    report = score([gold], {"s1": predicted})
    total = report.total
    assert (total.predicted, total.gold) == (3, 2)
    assert total.correct["type"] == 2 and total.correct["type+actors"] == 2
    assert total.correct["attribution"] == 1 and total.correct["modality"] == 1 and total.correct["time"] == 2
    p, r, f = total.prf("type+actors")
    assert p == pytest.approx(2 / 3) and r == 1.0 and f == pytest.approx(0.8)
    assert report.to_dict()["split"]["dev"]["predicted"] == 3


def test_scoring_pairs_same_type_without_overlap():
    gold = _gold([GoldEvent(type="AGREE", trigger="Abkommen", trigger_start=20, actors=(), time=None,
                            attribution=None, modality="asserted")])
    report = score([gold], {"s1": [_event(50, 60, "AGREE")]})
    assert report.total.correct["type+actors"] == 1


def test_scoring_wrong_type_counts_as_detected_only():
    gold = _gold([GoldEvent(type="AGREE", trigger="x", trigger_start=5, actors=(), time=None, attribution=None,
                            modality="asserted")])
    report = score([gold], {"s1": [_event(5, 6, "MEET")]})
    assert report.total.correct["detected"] == 1 and report.total.correct["type"] == 0
    assert report.errors


def test_check_gold_reports_trigger_mismatch():
    doc = Document(corpus="c", doc="d", text="Putin und Kim trafen sich.", dct=None)
    ok = _gold([GoldEvent(type="MEET", trigger="trafen", trigger_start=14, actors=(), time=None, attribution=None,
                          modality="asserted")])
    bad = _gold([GoldEvent(type="MEET", trigger="trafen", trigger_start=3, actors=(), time=None, attribution=None,
                           modality="asserted")])
    assert check_gold([GoldSentence(id="s", corpus="c", doc="d", start=0, end=26, stratum="r", split="dev", dct=None,
                                    events=ok.events)], {("c", "d"): doc}) == []
    problems = check_gold([GoldSentence(id="s", corpus="c", doc="d", start=0, end=26, stratum="r", split="dev",
                                        dct=None, events=bad.events)], {("c", "d"): doc})
    assert problems and "not at 3" in problems[0]


def test_check_gold_reports_an_id_used_twice():
    doc = Document(corpus="c", doc="d", text="Putin und Kim trafen sich. Dann reisten sie ab.", dct=None)
    first = GoldSentence(id="e001", corpus="c", doc="d", start=0, end=26, stratum="r", split="dev", dct=None, events=())
    again = GoldSentence(id="e001", corpus="c", doc="d", start=27, end=47, stratum="r", split="blind21", dct=None,
                         events=())
    assert check_gold([first], {("c", "d"): doc}) == []
    assert check_gold([first, again], {("c", "d"): doc}) == ["e001: the id is used twice"]


def test_scoring_one_annotation_against_another(tmp_path):
    """A second annotator's file (``id`` + ``events``) is scored like a system: identical events
    agree fully; a swapped role costs type+actors but not type."""
    from chronik.events.scoring import as_events, load_second

    gold = _gold([GoldEvent(type="MEET", trigger="trafen", trigger_start=10,
                            actors=(("Putin", "source"), ("Kim", "target")), time=None, attribution="KCNA",
                            modality="reported", attribution_cue="laut")])
    same = {"type": "MEET", "trigger": "trafen", "trigger_start": 10, "time": None, "attribution": "KCNA",
            "attribution_cue": "laut", "modality": "reported",
            "actors": [{"name": "Putin", "role": "source"}, {"name": "Kim", "role": "target"}]}
    swapped = dict(same, actors=[{"name": "Putin", "role": "target"}, {"name": "Kim", "role": "source"}])
    for events, type_actors in (([same], 1), ([swapped], 0)):
        path = tmp_path / "second.jsonl"
        path.write_text(json.dumps({"id": "s1", "events": events}) + "\n", encoding="utf-8")
        first, second = load_second(path, [gold])
        assert first == [gold] and len(second[0].events) == 1
        total = score(first, {s.id: as_events(s) for s in second}).total
        assert total.correct["type"] == 1 and total.correct["type+actors"] == type_actors
        assert total.correct["attribution"] == 1 and total.correct["cue"] == 1 and total.correct["modality"] == 1
    path.write_text(json.dumps({"id": "nope", "events": []}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="nope"):
        load_second(path, [gold])


def test_scoring_correct_events_names_the_right_ones():
    from chronik.events.scoring import correct_events

    gold = _gold([GoldEvent(type="MEET", trigger="trafen", trigger_start=10, actors=(("Putin", "source"),),
                            time=None, attribution=None, modality="asserted")])
    assert correct_events(gold, [_event(70, 75, "ATTACK"), _event(10, 16, "MEET", [("Putin", "source")])]) == {1}
    assert correct_events(gold, [_event(10, 16, "MEET", [("Kim", "source")])]) == set()
