"""The JSON API over the demo corpus: status codes, shapes, pagination, errors."""

from __future__ import annotations

import pytest


def first(client, path: str) -> dict:
    rows = client.get(path).json()
    assert rows, f"{path} is empty on the demo corpus"
    return rows[0]


def test_api_stories_list_shape(client):
    r = client.get("/api/v1/stories")
    assert r.status_code == 200
    s = r.json()[0]
    assert set(s) >= {"id", "title", "articles", "events", "span", "top_actors", "outlets"}
    assert s["articles"] >= 2 and s["events"] >= 2
    assert s["span"]["first"] <= s["span"]["last"]
    assert "Alpenländische Presseagentur (APN)" in s["outlets"]


def test_api_story_has_ordered_timeline(client):
    sid = first(client, "/api/v1/stories")["id"]
    story = client.get(f"/api/v1/stories/{sid}").json()
    dates = [e["date"] for e in story["timeline"] if e["date"]]
    assert dates and dates == sorted(dates)
    cited = {a for e in story["timeline"] for a in e["articles"]}
    assert cited <= set(story["article_index"])


def test_api_timeline_filters(client):
    everything = client.get("/api/v1/timeline").json()
    sid = first(client, "/api/v1/stories")["id"]
    in_story = client.get("/api/v1/timeline", params={"story": sid}).json()
    assert in_story and all(e["story"] == sid for e in in_story)
    narrowed = client.get("/api/v1/timeline", params={"q": "Streik"}).json()
    assert 0 < len(narrowed) < len(everything)
    assert client.get("/api/v1/timeline", params={"story": "no-such-story"}).status_code == 404


def test_api_articles_paginate(client):
    page1 = client.get("/api/v1/articles", params={"limit": 5}).json()
    page2 = client.get("/api/v1/articles", params={"limit": 5, "offset": 5}).json()
    assert page1["total"] == page2["total"] == 14
    assert len(page1["items"]) == 5 and page1["offset"] == 0 and page2["offset"] == 5
    assert not {a["id"] for a in page1["items"]} & {a["id"] for a in page2["items"]}
    everything = client.get("/api/v1/articles", params={"limit": 500}).json()["items"]
    assert [a["id"] for a in everything[:10]] == [a["id"] for a in page1["items"] + page2["items"]]
    assert client.get("/api/v1/articles", params={"offset": 100}).json()["items"] == []


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 501}, {"limit": "x"}, {"offset": -1}])
def test_api_articles_bad_parameters_422(client, params):
    r = client.get("/api/v1/articles", params=params)
    assert r.status_code == 422
    assert "detail" in r.json()


def test_api_article_spans_match_text(client):
    aid = first(client, "/api/v1/copies")["articles"][0]["id"]
    a = client.get(f"/api/v1/articles/{aid}").json()
    text = a["text"]
    assert a["mentions"] and a["timexes"] and a["copies"]
    for m in a["mentions"]:
        assert text[m["start"]:m["end"]] == m["text"]
    for t in a["timexes"]:
        assert text[t["start"]:t["end"]] == t["text"] and t["value"]
    for c in a["copies"]:
        assert 0 <= c["start"] < c["end"] <= len(text)
        other = client.get(f"/api/v1/articles/{c['other']}").json()
        assert c["other_end"] <= len(other["text"])
    for e in a["events"]:
        s, t = e["trigger_span"]
        assert text[s:t] == e["trigger"]


def test_api_events_all_and_per_article(client):
    everything = client.get("/api/v1/events").json()
    assert everything
    aid = everything[0]["article"]
    mine = client.get("/api/v1/events", params={"article": aid}).json()
    assert mine and all(e["article"] == aid for e in mine)
    assert client.get("/api/v1/events", params={"article": "nope"}).status_code == 404


def test_api_entities_and_entity(client):
    ents = client.get("/api/v1/entities").json()
    zoeschg = next(e for e in ents if e["name"] == "Annemarie Zöschg")
    one = client.get(f"/api/v1/entities/{zoeschg['id']}").json()
    assert one["name"] == "Annemarie Zöschg" and one["articles"]
    assert all(m["text"] for a in one["articles"] for m in a["mentions"])


def test_api_copies_shape(client):
    copies = client.get("/api/v1/copies").json()
    assert copies and all(len(c["articles"]) >= 2 for c in copies)


@pytest.mark.parametrize("query,expected", [("Zoeschg", "Zöschg"), ("Zöschg", "Zöschg"), ("Kommission", "Kommission")])
def test_api_search_spelt_out_umlauts(client, query, expected):
    hits = client.get("/api/v1/search", params={"q": query}).json()
    assert hits
    assert any(expected in h["snippet"] for h in hits)
    for h in hits:
        for s, e in h["marks"]:
            assert 0 <= s < e <= len(h["snippet"])


def test_api_search_requires_query(client):
    assert client.get("/api/v1/search").status_code == 422
    assert client.get("/api/v1/search", params={"q": ""}).status_code == 422


@pytest.mark.parametrize("path", ["/api/v1/stories/nope", "/api/v1/articles/nope", "/api/v1/entities/nope"])
def test_api_unknown_ids_404_with_message(client, path):
    r = client.get(path)
    assert r.status_code == 404
    assert "nope" in r.json()["detail"]


def test_api_openapi_documents_every_route(client):
    schema = client.get("/api/v1/openapi.json").json()
    paths = schema["paths"]
    for p in ["/api/v1/stories", "/api/v1/stories/{story_id}", "/api/v1/timeline", "/api/v1/events",
              "/api/v1/articles", "/api/v1/articles/{article_id}", "/api/v1/entities",
              "/api/v1/entities/{entity_id}", "/api/v1/copies", "/api/v1/search", "/api/v1/ingest"]:
        assert p in paths, p
        for op in paths[p].values():
            assert op.get("description"), p
    assert not any(p.startswith("/stories") for p in paths)  # pages stay out of the API schema
