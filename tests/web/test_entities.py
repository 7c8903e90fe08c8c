"""Entity pages and their parts: index, detail, mentions over time, co-occurrence graph, links, alias search."""

from __future__ import annotations

import re

import pytest

from chronik.model import Entity
from chronik.web.charts import bar_chart, star_graph
from chronik.web.entityview import alias_queries, mentions_over_time, name_links


def entity_id(client, name: str) -> str:
    found = [e for e in client.get("/api/v1/entities").json() if e["name"] == name]
    assert found, f"no entity {name!r}"
    return found[0]["id"]


@pytest.mark.parametrize("rows,by,bars,undated", [
    ([], None, [], 0),
    ([(None, "undated", 3)], None, [], 3),
    ([("2023-09-13", "day", 2), ("2023-09-14", "day", 1)], "day", [("2023-09-13", 2), ("2023-09-14", 1)], 0),
    ([("2023-09-13", "day", 2), ("2023-09", "month", 1)], "month", [("2023-09", 3)], 0),
    ([("2023-11-02", "day", 2), ("2024-01", "month", 1), (None, "undated", 4)], "month",
     [("2023-11", 2), ("2023-12", 0), ("2024-01", 1)], 4),
    ([("2019-01-01", "day", 1), ("2024-06-01", "day", 2)], "year",
     [("2019", 1), ("2020", 0), ("2021", 0), ("2022", 0), ("2023", 0), ("2024", 2)], 0),
    ([("2023", "year", 1), ("2023-05-01", "day", 1)], "year", [("2023", 2)], 0),
])
def test_entities_mentions_over_time_buckets(rows, by, bars, undated):
    got = mentions_over_time(rows)
    assert got["by"] == by and got["undated"] == undated
    assert [(b["period"], b["count"]) for b in got["bars"]] == bars


def test_entities_bar_chart_heights_follow_counts():
    chart = bar_chart([{"period": "a", "count": 4}, {"period": "b", "count": 0}, {"period": "c", "count": 2}])
    hs = [b["h"] for b in chart["bars"]]
    assert hs[0] > hs[2] > hs[1] == 0
    assert all(b["y"] + b["h"] == pytest.approx(chart["baseline"]) for b in chart["bars"])
    xs = [b["x"] for b in chart["bars"]]
    assert xs == sorted(xs) and xs[-1] + chart["bars"][-1]["w"] <= chart["width"]


def test_entities_star_graph_geometry():
    neighbours = [{"id": f"e{i}", "name": f"N{i}", "articles": n} for i, n in enumerate([5, 3, 1, 1])]
    g = star_graph({"id": "c", "name": "C"}, neighbours)
    c = g["centre"]
    dists = {round(((n["x"] - c["x"]) ** 2 + (n["y"] - c["y"]) ** 2) ** 0.5) for n in g["nodes"]}
    assert len(dists) == 1  # all on one circle
    widths = [n["edge"] for n in g["nodes"]]
    assert widths[0] > widths[1] > widths[2] == widths[3]
    assert all(0 <= n["x"] <= g["size"] and 0 <= n["y"] <= g["size"] for n in g["nodes"])
    many = star_graph({"id": "c", "name": "C"}, neighbours * 5)
    assert len(many["nodes"]) == 12 and many["hidden"] == 8


def test_entities_alias_queries_only_unambiguous_aliases():
    ents = [Entity(id="l1", name="Pjöngjang", label="LOC", aliases=("Pyongyang",), mentions=5),
            Entity(id="p1", name="Wladimir Putin", label="PER", aliases=("Kremlchef", "Machthaber"), mentions=9),
            Entity(id="p2", name="Kim Jong-un", label="PER", aliases=("Machthaber",), mentions=8)]
    assert alias_queries(ents, "Pyongyang") == ["Pjöngjang"]
    assert alias_queries(ents, "Gipfel in pyongyang") == ["Gipfel in Pjöngjang"]
    assert alias_queries(ents, "Kremlchef") == ["Wladimir Putin"]
    assert alias_queries(ents, "Machthaber") == []  # two people share it
    assert alias_queries(ents, "Pjöngjang") == []
    assert name_links(ents)["Kim Jong-un"] == "p2"


def test_entities_api_detail_fields(client):
    top = client.get("/api/v1/entities").json()[0]
    body = client.get(f"/api/v1/entities/{top['id']}").json()
    assert {"name", "label", "aliases", "mention_count", "articles", "cooccurring", "over_time"} <= set(body)
    assert body["mention_count"] == sum(len(a["mentions"]) for a in body["articles"]) > 0
    assert sum(b["count"] for b in body["over_time"]["bars"]) + body["over_time"]["undated"] == body["mention_count"]
    counts = [c["articles"] for c in body["cooccurring"]]
    assert counts == sorted(counts, reverse=True)
    assert all(c["articles"] <= len(body["articles"]) for c in body["cooccurring"])
    assert client.get("/api/v1/entities/nope").status_code == 404


def test_entities_index_filters_by_type(client):
    everything = client.get("/entities").text
    people = client.get("/entities", params={"type": "PER"}).text
    rows = lambda html: re.findall(r'<td><a href="/entities/([^"?]+)', html)  # noqa: E731
    labels = {e["id"]: e["label"] for e in client.get("/api/v1/entities").json()}
    assert rows(people) and all(labels[i] == "PER" for i in rows(people))
    assert len(rows(everything)) == len(labels) > len(rows(people))
    assert "People, organisations, places" in client.get("/entities?lang=en").text
    assert client.get("/entities", params={"type": "<script>"}).status_code == 200


def test_entities_page_putin_on_seeds(seeds_client):
    pid = entity_id(seeds_client, "Wladimir Putin")
    kim = entity_id(seeds_client, "Kim Jong-un")
    r = seeds_client.get(f"/entities/{pid}")
    assert r.status_code == 200
    assert "<li>Kremlchef</li>" in r.text
    assert f'<a href="/entities/{kim}" class="node PER">' in r.text  # a node of the graph
    assert re.search(rf'<li><a href="/entities/{kim}">Kim Jong-un</a>.*5 gemeinsame Artikel', r.text)
    assert r.text.count('<rect ') >= 2  # two months with mentions: September 2023, January 2024
    assert "2023-09" in r.text and "2024-01" in r.text
    assert r.text.count('href="/articles/') == 5
    assert "Mentioned together with" in seeds_client.get(f"/entities/{pid}?lang=en").text


def test_entities_names_link_to_entity_pages(seeds_client):
    pid = entity_id(seeds_client, "Wladimir Putin")
    story = seeds_client.get("/api/v1/stories").json()[0]["id"]
    page = seeds_client.get(f"/stories/{story}").text
    assert f'<a class="entname" href="/entities/{pid}">Wladimir Putin</a>' in page
    article = seeds_client.get(f"/api/v1/entities/{pid}").json()["articles"][0]["id"]
    text = seeds_client.get(f"/articles/{article}").text
    assert f'<a class="entlink" href="/entities/{pid}"><mark class="ent PER"' in text
    assert f'<li><a href="/entities/{pid}">Wladimir Putin</a>' in text  # the list of names


def test_entities_search_finds_pjoengjang_both_ways(seeds_client):
    pj = {h["article"] for h in seeds_client.get("/api/v1/search", params={"q": "Pjöngjang", "limit": 20}).json()}
    assert len(pj) >= 3
    for q in ("Pjoengjang", "Pyongyang"):
        got = {h["article"] for h in seeds_client.get("/api/v1/search", params={"q": q, "limit": 20}).json()}
        assert pj <= got, q
    page = seeds_client.get("/search", params={"q": "Pyongyang"}).text
    assert "gefunden als: Pjöngjang" in page


def test_entities_top_actors_on_the_index_link_to_entity_pages(seeds_client):
    pid = entity_id(seeds_client, "Wladimir Putin")
    assert f'<a class="entname" href="/entities/{pid}">Wladimir Putin</a>' in seeds_client.get("/").text
    assert f'href="/entities/{pid}?lang=en"' in seeds_client.get("/?lang=en").text
