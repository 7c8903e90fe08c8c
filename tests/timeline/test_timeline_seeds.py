"""The seeds end to end: ingest, clusters, stories, timeline (skipped when ../shared is absent)."""

import json

import pytest
from click.testing import CliRunner

from chronik.cli import main


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory):
    from tests.conftest import shared_path

    seeds = shared_path("seeds")
    db = tmp_path_factory.mktemp("seeds") / "s.db"
    res = CliRunner().invoke(main, ["--db", str(db), "ingest", "-q", str(seeds)])
    assert res.exit_code == 0, res.output
    return db


def _export(db, kind):
    return json.loads(CliRunner().invoke(main, ["--db", str(db), "export", kind]).output)


def _names(db):
    return {a["id"]: a["source"].rsplit("/", 1)[1][:3] for a in _export(db, "articles")}


def test_seeds_one_story_and_the_summit_dated_13_september(seeds_db):
    names = _names(seeds_db)
    (story,) = _export(seeds_db, "stories")
    assert sorted(names[a] for a in story["articles"]) == ["000", "001", "002", "003", "004"]
    entries = [e for e in _export(seeds_db, "timeline") if e["kind"] == "event"]
    summit = [e for e in entries if e["date"] == "2023-09-13"]
    assert summit and {"000", "001", "002"} <= {names[a] for a in summit[0]["articles"]}
    assert summit[0]["precision"] == "day" and "Wladimir Putin" in summit[0]["actors"]
    january = [e for e in entries if (e["date"] or "").startswith("2024-01")]
    assert january and [names[a] for a in january[0]["articles"]] == ["003"]


def test_seeds_background_kept_apart_from_the_news(seeds_db):
    background = [e for e in _export(seeds_db, "timeline") if e["kind"] == "background"]
    assert any(e["date"] == "2000-06" and "Juni 2000" in e["summary"] for e in background)


def test_seeds_canonical_entities_have_no_duplicates(seeds_db):
    names = [e["name"] for e in _export(seeds_db, "entities")]
    for wanted in ("Wladimir Putin", "Sergej Lawrow", "Choe Son-hui", "John Kirby", "An Chan-il", "KCNA"):
        assert names.count(wanted) == 1, wanted


def test_seeds_three_event_clusters(seeds_db):
    names = _names(seeds_db)
    groups = sorted(sorted(names[a["id"]] for a in c["articles"]) for c in _export(seeds_db, "clusters"))
    assert groups == [["000", "001", "002"], ["003"], ["004"]]


def test_seeds_timeline_sorted_with_the_planned_trip_and_the_undated_partnership_last(seeds_db):
    names = _names(seeds_db)
    news = [e for e in _export(seeds_db, "timeline") if e["kind"] != "background"]
    assert [(e["date"] or f"after {e['after']}", e["kind"]) for e in news] == [
        ("2023-09-13", "event"), ("2023-10", "planned"), ("2024-01", "event"), ("after 2024-01", "event")]
    assert "Sergej Lawrow" in news[1]["actors"] and [names[a] for a in news[1]["articles"]] == ["002"]
    assert {"Wladimir Putin", "Choe Son-hui"} <= set(news[2]["actors"])
    assert [names[a] for a in news[3]["articles"]] == ["004"] and news[3]["precision"] == "undated"


def test_seeds_dates_pooled_across_the_cluster(seeds_db):
    arts = {a["source"].rsplit("/", 1)[1][:3]: a for a in _export(seeds_db, "articles")}
    assert arts["002"]["published_inferred"]["value"] == "2023-09-14"
    assert arts["003"]["published_inferred"]["value"].startswith("2024-01")
    for name in ("000", "001", "002"):
        wednesdays = [t["value"] for t in arts[name]["timexes"] if t["text"] == "Mittwoch"]
        assert wednesdays and set(wednesdays) == {"2023-09-13"}, name
    # 000 and 001 say only "2023-09": they keep that range, resolved against their sibling's day
    assert arts["000"]["published_inferred"]["earliest"] == "2023-09-01"
