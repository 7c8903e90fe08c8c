"""The story page on the seeds: who reported what (novelty per article), and the newcomer's question."""

from __future__ import annotations

import html
import re

from chronik.export import export_novelty
from chronik.store import open_store


def the_story(seeds_client) -> str:
    stories = seeds_client.get("/api/v1/stories").json()
    return max(stories, key=lambda s: s["articles"])["id"]


def test_story_coverage_matches_the_novelty_export(seeds_client, seeds_db):
    sid = the_story(seeds_client)
    page = seeds_client.get(f"/stories/{sid}").text
    with open_store(seeds_db) as store:
        expected = [row for row in export_novelty(store) if row["story"] == sid]
    shown = re.findall(r'<li class="report" id="report-([0-9a-f]+)">', page)
    assert shown == [row["article"] for row in expected] and len(shown) >= 4
    section = html.unescape(page.split('id="coverage-h"', 1)[1])
    for row in expected:
        for sentence in row["novel"]:  # each new sentence is listed (the first three open, the rest folded)
            assert sentence.strip() in section
    assert section.count("Erster Bericht der Geschichte") == 1


def test_story_answers_what_happened_and_who_reported(seeds_client):
    """Russia and North Korea: the summit before the January 2024 invitation, with actors, place and sources."""
    sid = the_story(seeds_client)
    story = seeds_client.get(f"/api/v1/stories/{sid}").json()
    page = seeds_client.get(f"/stories/{sid}").text
    listed = page.split('class="timeline"', 1)[1].split('id="coverage-h"', 1)[0]
    dates = re.findall(r'<p class="when">\s*<time datetime="([^"]+)">', listed)
    assert "2023-09-13" in dates and "2024-01" in dates
    assert listed.index('datetime="2023-09-13"') < listed.index('datetime="2024-01"')
    assert "13. September 2023" in listed and "Januar 2024" in listed
    summit = next(e for e in story["timeline"] if e["date"] == "2023-09-13")
    assert {"Wladimir Putin", "Kim Jong-un"} <= set(summit["actors"])
    assert len(summit["articles"]) >= 3  # several sources for the summit
    block = listed.split('datetime="2023-09-13"', 1)[1].split('</li>\n', 1)[0]
    assert "Akteure" in page and "Ort" in block
    for aid in summit["articles"]:
        assert f'href="/articles/{aid}"' in listed
    # who reported it: every article's reporter (outlet, site or file) in the header and coverage
    reporters = re.search(r"<dt>Berichtet von</dt><dd>([^<(]+)", page)[1]
    assert len([r for r in reporters.split(",") if r.strip()]) == 5
    assert "Wladimir Putin" in page and "Kim Jong-un" in page


def test_story_page_in_english(seeds_client):
    sid = the_story(seeds_client)
    page = seeds_client.get(f"/stories/{sid}?lang=en").text
    assert "Who reported what" in page and "New in this article" in page and "Reported by" in page
    assert "13 September 2023" in page and "January 2024" in page


def test_story_marks_announced_entries(seeds_client):
    sid = the_story(seeds_client)
    planned = [e for e in seeds_client.get(f"/api/v1/stories/{sid}").json()["timeline"] if e["kind"] == "planned"]
    page = seeds_client.get(f"/stories/{sid}").text
    assert page.count('<span class="badge planned">Angekündigt</span>') == len(planned)
