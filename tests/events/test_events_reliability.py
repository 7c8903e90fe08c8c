"""Precision checks (chronik.events.reliability) and the attribution cue, on hand-built articles."""

from __future__ import annotations

import json

import pytest

from chronik.events import EventExtractor, events_to_json
from chronik.events.extractor import ExtractorOptions
from chronik.events.reliability import Reliability
from chronik.events.scoring import same_cue
from chronik.model import Event, Span
from tests.events.conftest import article

EXTRACTOR = EventExtractor()


def _got(text, names, **kw):
    art = article(text, names, **kw)
    return [(e.type, art.text[e.trigger.start:e.trigger.end], {(a.name, a.role) for a in e.actors},
             e.attribution, e.attribution_cue) for e in EXTRACTOR(art).events]


CUES = [
    ("sagte", "Das sei ein Erfolg, sagte Putin.", {"Putin": "PER"}, ("STATEMENT", "sagte", "sagte")),
    ("separable", "Lawrow werde nach Pjöngjang reisen, teilte der Kreml mit.",
     {"Lawrow": "PER", "Pjöngjang": "LOC", "Kreml": "ORG"}, ("TRAVEL", "reisen", "teilte ... mit")),
    ("separable-name-between", "Kim lud Putin ein, teilte KCNA mit.", {"Kim": "PER", "Putin": "PER", "KCNA": "ORG"},
     ("INVITE", "lud", "teilte ... mit")),
    ("laut", "Putin hat die Einladung laut KCNA angenommen.", {"Putin": "PER", "KCNA": "ORG"},
     ("ACCEPT", "angenommen", "laut")),
    ("zufolge", "Putin hat die Einladung dem Bericht zufolge angenommen.", {"Putin": "PER"},
     ("ACCEPT", "angenommen", "zufolge")),
    ("speech-act", "Der WWF fordert Konsequenzen aus dem Gasstreit.", {"WWF": "ORG"},
     ("DEMAND", "fordert", "fordert")),
]


@pytest.mark.parametrize("case", CUES, ids=[c[0] for c in CUES])
def test_attribution_cue_is_the_reporting_word(case):
    _, text, names, (typ, trigger, cue) = case
    events = [g for g in _got(text, names) if g[0] == typ and g[1] == trigger]
    assert events and events[0][4] is not None, _got(text, names)
    assert same_cue(cue, events[0][4]), events


def test_hiess_es_cue_is_written_out():
    got = _got("Kim lud Putin ein, teilte KCNA mit. Putin habe die Einladung angenommen, hieß es weiter.",
               {"Kim": "PER", "Putin": "PER", "KCNA": "ORG"})
    accept = next(g for g in got if g[0] == "ACCEPT")
    assert accept[3] == "KCNA" and accept[4] == "hieß es"


def test_unattributed_event_has_no_cue():
    got = _got("Putin besuchte Pjöngjang.", {"Putin": "PER", "Pjöngjang": "LOC"})
    assert got == [("VISIT", "besuchte", {("Putin", "source"), ("Pjöngjang", "target")}, None, None)]


def test_cue_is_exported_and_round_trips():
    art = EXTRACTOR(article("Putin hat die Einladung laut KCNA angenommen.", {"Putin": "PER", "KCNA": "ORG"}))
    rows = events_to_json(art)
    assert rows[0]["attribution"] == "KCNA" and rows[0]["attribution_cue"] == "laut"
    for e in art.events:
        assert Event.from_dict(json.loads(json.dumps(e.to_dict()))) == e


def test_old_event_records_without_cue_stay_readable():
    old = {"id": "ev-1", "article": "a", "sentence": 0, "trigger": {"start": 0, "end": 5, "label": "MEET"},
           "type": "MEET", "actors": [], "attribution": "KCNA", "modality": "reported"}
    event = Event.from_dict(old)
    assert event.attribution == "KCNA" and event.attribution_cue is None
    assert Event(id="x", article="a", sentence=0, trigger=Span(start=0, end=1, label="MEET"),
                 type="MEET").attribution_cue is None


@pytest.mark.parametrize("gold,pred,same", [
    ("teilte ... mit", "teilte mit", True), ("sagte", "Sagte", True), ("laut", "zufolge", False),
    (None, None, True), ("sagte", None, False), (None, "sagte", False),
    ("machte ... verantwortlich", "verantwortlich", False),
])
def test_same_cue(gold, pred, same):
    assert same_cue(gold, pred) is same


# -- reliability checks ---------------------------------------------------------------------------

def test_missed_name_as_speaker_drops_the_event():
    # "Foppa" is a name the tagger missed: a CRITICIZE without its speaker would be wrong
    assert _got("Die Direktoren kosten über 2 Millionen Euro, kritisiert Foppa.", {}) == []


def test_common_noun_subject_keeps_an_actorless_event():
    got = _got("Der Mann wurde in Bozen festgenommen.", {"Bozen": "LOC"})
    assert [g[0] for g in got] == ["ARREST"]


def test_missed_name_in_coordination_drops_the_statement():
    text = "Das sei eine gute Lösung, sagen Stauder und Hammerle Pöder."
    assert _got(text, {"Hammerle Pöder": "PER"}) == []
    assert [g[0] for g in _got(text, {"Hammerle Pöder": "PER", "Stauder": "PER"})] == ["STATEMENT"]


def test_misc_actor_is_not_an_actor():
    assert _got("Das sei gut, bestätigt Drei Jahre.", {"Drei Jahre": "MISC"}) == []


def test_misc_mention_counts_when_the_name_is_labelled_elsewhere():
    art = article("Putin reiste ab. Der Kreml teilte mit, dass Putin Kim einlud.",
                  {"Putin": "PER", "Kim": "PER", "Kreml": "ORG"})
    mentions = tuple(m.replace(label="MISC") if art.text[m.start:m.end] == "Kim" else m for m in art.mentions)
    kim_elsewhere = article("Kim lachte. Putin reiste ab. Der Kreml teilte mit, dass Putin Kim einlud.",
                            {"Putin": "PER", "Kim": "PER", "Kreml": "ORG"})
    second = tuple(m.replace(label="MISC") if m.start > 20 and kim_elsewhere.text[m.start:m.end] == "Kim" else m
                   for m in kim_elsewhere.mentions)
    alone = [e for e in EXTRACTOR(art.replace(mentions=mentions)).events if e.type == "INVITE"]
    known = [e for e in EXTRACTOR(kim_elsewhere.replace(mentions=second)).events if e.type == "INVITE"]
    assert [{(a.name, a.role) for a in e.actors} for e in alone] == [{("Putin", "source")}]
    assert known and {(a.name, a.role) for a in known[0].actors} == {("Putin", "source"), ("Kim", "target")}


def test_unattached_organisation_drops_an_actorless_event():
    text = "Im Versandzentrum des Händlers Amazon hat die Gewerkschaft zum Streik aufgerufen."
    assert [g for g in _got(text, {"Amazon": "ORG"}) if g[0] == "PROTEST"] == []


def test_negated_statement_is_dropped():
    assert _got("Die Sparkasse will keine Stellungnahme abgeben.", {"Sparkasse": "ORG"}) == []


def test_speculative_event_in_direct_speech_opened_earlier_is_dropped():
    text = ("Seidner sagte: „Das ist schwierig. Dann werde vielleicht eine Lieferung aus Nordtirol eine Option“, "
            "sagte Seidner.")
    got = _got(text, {"Seidner": "PER", "Nordtirol": "LOC"})
    assert not [g for g in got if g[0] == "TRADE"], got


def test_quoted_claim_of_fact_stays():
    text = "„Kim lud Putin höflich ein“, erklärte die Nachrichtenagentur KCNA."
    got = _got(text, {"Kim": "PER", "Putin": "PER", "KCNA": "ORG"})
    invite = [g for g in got if g[0] == "INVITE"]
    assert invite and invite[0][2] == {("Kim", "source"), ("Putin", "target")}
    assert invite[0][3] == "KCNA" and invite[0][4] == "erklärte"


@pytest.mark.parametrize("word,missed", [
    ("Foppa", True), ("Apogenix", True), ("EU-Staats-", True), ("Polizei", False),
    ("Einvernehmensprotokoll", False), ("Gewerkschaft", False), ("Mittwoch", False),
])
def test_missed_name_test(word, missed):
    rel = Reliability("de")
    from chronik.events.analysis import analyse
    from chronik.events.view import Tok
    from chronik.events.lexicon import load_lexicon

    text = f"Damals kam {word} nach Hause."
    start = text.index(word)
    toks = [Tok(i=0, start=0, end=6, text="Damals", lower="damals", lemma="damals"),
            Tok(i=1, start=7, end=10, text="kam", lower="kam", lemma="kommen"),
            Tok(i=2, start=start, end=start + len(word), text=word, lower=word.lower(), lemma=word)]
    view = analyse(text, 0, len(text), toks, [], load_lexicon("de"))
    assert rel.missed_name(view, view.toks[2]) is missed


def test_options_are_unchanged_by_reliability():
    # the reliability checks apply whatever the options; STATEMENTs off still drops statements only
    text = "Kim lud Putin ein, teilte KCNA mit."
    quiet = EventExtractor(ExtractorOptions(statements=False))(
        article(text, {"Kim": "PER", "Putin": "PER", "KCNA": "ORG"})).events
    assert [(e.type, e.attribution_cue) for e in quiet] == [("INVITE", "teilte ... mit")]
