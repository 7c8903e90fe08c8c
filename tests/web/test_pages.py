"""Server-rendered pages: content, languages, highlighting, errors."""

from __future__ import annotations

import re

import pytest


def story_id(client) -> str:
    return client.get("/api/v1/stories").json()[0]["id"]


def test_pages_index_lists_stories(client):
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert f'href="/stories/{story_id(client)}"' in r.text
    assert "Geschichten" in r.text and "Alpenländische Presseagentur (APN)" in r.text


def test_pages_english_fallback(client):
    r = client.get("/?lang=en")
    assert '<html lang="en">' in r.text and "Stories" in r.text and "Geschichten" not in r.text
    assert f'href="/stories/{story_id(client)}?lang=en"' in r.text


def test_pages_story_timeline_in_order_with_sources(client):
    sid = story_id(client)
    story = client.get(f"/api/v1/stories/{sid}").json()
    r = client.get(f"/stories/{sid}")
    assert r.status_code == 200
    shown = re.findall(r'<p class="when">\s*<time datetime="([^"]+)">', r.text.split('class="timeline"', 1)[1])
    expected = [e["date"] for e in story["timeline"] if e["date"]]
    assert shown == expected
    for e in story["timeline"]:
        for aid in e["articles"]:
            assert f'href="/articles/{aid}"' in r.text
    assert "11. Oktober 2023" in r.text  # a day-precise date shown as a day


def test_pages_undated_entries_get_their_own_section(client):
    # the demo timeline may or may not have undated entries; the page must match the API either way
    sid = story_id(client)
    undated = [e for e in client.get(f"/api/v1/stories/{sid}").json()["timeline"] if not e["date"]]
    assert ('id="undated-h"' in client.get(f"/stories/{sid}").text) == bool(undated)


def test_pages_article_highlights(client):
    copy = client.get("/api/v1/copies").json()[0]
    aid = copy["articles"][0]["id"]
    a = client.get(f"/api/v1/articles/{aid}").json()
    r = client.get(f"/articles/{aid}")
    assert r.status_code == 200
    for t in a["timexes"]:
        assert f'title="{t["type"]}: {t["value"]}"' in r.text
    marks = re.findall(r'<mark class="ent (PER|ORG|LOC|MISC)"', r.text)
    assert len(marks) >= len(a["mentions"])
    other = a["copies"][0]["other"]
    assert f'href="/articles/{other}#c' in r.text and 'class="copy"' in r.text
    # the markup removed, the page shows the cleaned text unchanged
    body = r.text.split('<div class="text">', 1)[1].split("</div>", 1)[0]
    plain = re.sub(r"<a class=\"copylink\"[^>]*>↗</a>", "", body)
    plain = re.sub(r"<[^>]+>", "", plain)
    import html
    assert html.unescape(plain) == a["text"]


def test_pages_search_finds_spelt_out_umlauts(client):
    r = client.get("/search", params={"q": "Zoeschg"})
    assert r.status_code == 200
    assert "<mark>Zöschg</mark>" in r.text or "<mark>Zöschgs</mark>" in r.text


def test_pages_search_form_empty_and_no_hits(client):
    assert 'role="search"' in client.get("/search").text
    assert "Keine Treffer" in client.get("/search", params={"q": "Quastenflosser"}).text


@pytest.mark.parametrize("path", ["/stories/nope", "/articles/nope"])
def test_pages_unknown_ids_404_html(client, path):
    r = client.get(path)
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("text/html") and "nope" in r.text


def test_pages_static_css_and_no_external_assets(client):
    assert client.get("/static/style.css").status_code == 200
    for path in ["/", f"/stories/{story_id(client)}", "/search?q=Tunnel"]:
        text = client.get(path).text
        assert not re.search(r'(src|href)="(https?:)?//', text), path
