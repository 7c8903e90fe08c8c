"""The seed articles (../shared/seeds): the events a reader expects, with the real stages."""

from __future__ import annotations

import re

import pytest

from chronik.events import EventExtractor
from tests.events.conftest import SHARED

CAPTION = re.compile(r"©|^\s*\d+ / \d+|\bAFP\s*$|Pool Sputnik|/Imago", re.M)


@pytest.fixture(scope="module")
def seed_articles():
    seeds = SHARED / "seeds"
    files = sorted(seeds.glob("*.txt"))
    if not files:
        pytest.skip(f"no seed articles in {seeds} (set CHRONIK_SHARED)")
    from chronik.clean import Cleaner
    from chronik.errors import ConfigError
    from chronik.ingest import read_file
    from chronik.text import LanguageStage, SentenceStage

    try:
        from chronik.entities.stage import EntityTagger
        from chronik.time import TimeOptions, TimeTagger, batch_prior
    except ImportError as exc:
        pytest.skip(f"time or entity stage not importable: {exc}")
    entities = EntityTagger()
    try:
        entities.recognizer  # noqa: B018 - the model must be installed
    except ConfigError as exc:
        pytest.skip(f"entity model missing: {exc}")
    raw = [next(iter(read_file(path))) for path in files]
    prior = batch_prior([a.published for a in raw])  # undated seeds sit near their dated siblings
    stages = [Cleaner(), LanguageStage(), SentenceStage(), TimeTagger(TimeOptions(prior=prior)), entities,
              EventExtractor()]
    out = []
    for art in raw:
        for stage in stages:
            art = stage(art)
        out.append(art)
    return out


def _events(articles, typ):
    return [(a, e) for a in articles for e in a.events if e.type == typ]


def _has(event, name, role=None):
    return any(name in a.name and (role is None or a.role == role) for a in event.actors)


def test_seeds_wostotschny_meeting_putin_kim_13_september(seed_articles):
    meetings = [e for _, e in _events(seed_articles, "MEET") if _has(e, "Putin") and _has(e, "Kim")]
    assert any(e.time.value == "2023-09-13" and e.time.precision == "day" for e in meetings), meetings
    assert any(e.place and re.search("Wostotschny|Vostochny", e.place) for e in meetings), meetings


def test_seeds_invitation_and_acceptance_attributed_to_kcna(seed_articles):
    invites = [e for _, e in _events(seed_articles, "INVITE")
               if _has(e, "Kim", "source") and _has(e, "Putin", "target")]
    assert any(e.attribution == "KCNA" and e.modality == "reported" for e in invites), invites
    accepts = [e for _, e in _events(seed_articles, "ACCEPT") if _has(e, "Putin", "source")]
    assert any(e.attribution == "KCNA" for e in accepts), accepts


def test_seeds_lawrow_trip_planned_for_october(seed_articles):
    trips = [e for _, e in _events(seed_articles, "TRAVEL") if _has(e, "Lawrow", "source")]
    assert any(e.modality == "planned" and e.time.value == "2023-10" and e.place == "Pjöngjang"
               and e.attribution == "Kreml" for e in trips), trips


def test_seeds_choe_son_hui_visit(seed_articles):
    visits = [e for _, e in _events(seed_articles, "VISIT") if _has(e, "Choe Son-hui", "source")]
    assert any(_has(e, "Russland", "target") and e.modality == "asserted" for e in visits), visits


def test_seeds_partnership_signed_in_pjoengjang(seed_articles):
    signed = [e for _, e in _events(seed_articles, "AGREE") if _has(e, "Putin", "source") and _has(e, "Kim", "source")]
    assert any(e.place == "Pjöngjang" for e in signed), signed


def test_seeds_weapons_deliveries_denied(seed_articles):
    denied = [(a, e) for a, e in _events(seed_articles, "TRADE") if e.modality == "denied"]
    assert any("Waffenlieferungen" in a.text[e.trigger.start:e.trigger.end] for a, e in denied), denied
    denials = _events(seed_articles, "DENY")
    assert any(_has(e, "Kreml", "source") for _, e in denials)


def test_seeds_an_chan_il_assessment_attributed_to_him(seed_articles):
    said = [e for _, e in _events(seed_articles, "STATEMENT") if _has(e, "An Chan-il", "source")]
    assert said and all(e.attribution == "An Chan-il" for e in said)


def test_seeds_no_event_from_captions(seed_articles):
    for art in seed_articles:
        for event in art.events:
            raw = art.offsets.to_raw(event.trigger.start)
            line_start = art.body.rfind("\n", 0, raw) + 1
            line_end = art.body.find("\n", raw)
            line = art.body[line_start:line_end if line_end != -1 else len(art.body)]
            assert not CAPTION.search(line), (art.source, line)
