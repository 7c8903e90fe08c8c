"""End-to-end tests in headless Chromium over the five seed articles (Russia and North Korea),
plus the upload form with its progress bar. The seeds store is built once per session."""

from __future__ import annotations

import json
import re

import pytest

from tests.web.browser import NEEDS_BROWSER, chromium, first_story, open_page, serving

pytestmark = NEEDS_BROWSER

from chronik.web import create_app  # noqa: E402


@pytest.fixture(scope="module")
def base(seeds_db):
    with serving(create_app(seeds_db)) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


@pytest.fixture
def page(browser):
    context, pg = open_page(browser)
    yield pg
    context.close()


def _entity(pg, base, name) -> str:
    pg.goto(base + "/entities")
    return base + pg.locator("table.entities a", has_text=re.compile(f"^{re.escape(name)}$")).first.get_attribute("href")


def test_seeds_pages_load_without_console_errors(page, base):
    story = first_story(page, base)
    putin = _entity(page, base, "Wladimir Putin")
    for url in [base + "/", story, base + "/entities", base + "/entities?type=PER", putin, base + "/upload",
                base + "/search?q=Pjoengjang", story + "?lang=en", putin + "?lang=en", base + "/upload?lang=en"]:
        page.goto(url)
        assert page.locator("h1").count() == 1, url
        if url.startswith(story):
            page.wait_for_selector("#vis .vis-item")
    page.goto(story)
    page.locator(".sources a").first.click()
    page.wait_for_url(re.compile(r"/articles/"))
    assert page.locator(".text mark.ent").count() > 5
    assert page.errors == []


def _item(page, data, date):
    item = next(i for i in data["items"] if i["group"] == "dated" and i["start"].startswith(date))
    return page.locator("#vis .vis-item", has_text=item["content"][:40]).first


def test_seeds_timeline_summit_before_january_2024(page, base):
    page.goto(first_story(page, base))
    page.wait_for_selector("#vis .vis-item")
    data = json.loads(page.locator("#vis-data").text_content())
    summit, january = _item(page, data, "2023-09-13"), _item(page, data, "2024-01")
    assert summit.is_visible() and january.is_visible()  # the opening window shows the story's events
    assert summit.bounding_box()["x"] < january.bounding_box()["x"]
    listed = page.locator("ol.timeline time").evaluate_all("els => els.map(e => e.getAttribute('datetime'))")
    assert listed.index("2023-09-13") < listed.index("2024-01")


def test_seeds_clicking_the_summit_reveals_its_sources(page, base):
    page.goto(first_story(page, base))
    page.wait_for_selector("#vis .vis-item")
    data = json.loads(page.locator("#vis-data").text_content())
    _item(page, data, "2023-09-13").click()
    entry = page.locator(".entry.selected")
    entry.wait_for()
    assert entry.locator("time").first.get_attribute("datetime") == "2023-09-13"
    sources = entry.locator(".sources a")
    assert sources.count() >= 3 and sources.first.is_visible()
    assert page.evaluate("document.activeElement.classList.contains('selected')")


@pytest.mark.parametrize("query", ["Pjoengjang", "Pyongyang"])
def test_seeds_search_finds_pjoengjang(page, base, query):
    page.goto(base + "/search")
    page.fill("input[type=search]", query)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(f"q={query}"))
    hits = page.locator("ol.hits > li")
    assert hits.count() >= 4
    assert "Pjöngjang" in page.locator("ol.hits").inner_text()


def test_seeds_entity_page_putin(page, base):
    page.goto(_entity(page, base, "Wladimir Putin"))
    assert page.locator("h1").inner_text() == "Wladimir Putin"
    assert page.locator(".aliases li", has_text="Kremlchef").is_visible()
    assert page.locator("svg.bars rect").count() >= 2
    node = page.locator("svg.graph a.node", has_text="Kim Jong-un")
    assert node.count() == 1 and node.is_visible()
    node.click()
    page.wait_for_url(re.compile(r"/entities/per-"))
    assert page.locator("h1").inner_text() == "Kim Jong-un"
    assert page.errors == []


def test_seeds_story_actor_links_to_entity(page, base):
    page.goto(first_story(page, base))
    page.locator("ol.timeline a.entname", has_text="Wladimir Putin").first.click()
    page.wait_for_url(re.compile(r"/entities/"))
    assert page.locator("h1").inner_text() == "Wladimir Putin"


def test_seeds_upload_form_shows_progress_and_result(browser, tmp_path, runner):
    text = ("date 2024-03-05\ntitle Gemeinderat beschließt Radweg\nsource Testblatt\n\n"
            "Der Gemeinderat von Felsbach hat am Dienstag den Bau eines neuen Radwegs beschlossen. "
            "Bürgermeisterin Karin Obermoser sagte, die Arbeiten sollen im Mai beginnen.\n")
    with serving(create_app(str(tmp_path / "upload.db"), runner=runner)) as url:
        context, pg = open_page(browser)
        try:
            pg.goto(url + "/upload")
            pg.focus("#files")  # labelled and reachable
            assert pg.evaluate("document.activeElement.labels[0].textContent") == "Dateien auswählen"
            pg.set_input_files("#files", [{"name": "radweg.txt", "mimeType": "text/plain", "buffer": text.encode()},
                                          {"name": "junk.bin", "mimeType": "application/octet-stream",
                                           "buffer": bytes(range(256))}])
            pg.locator("form.upload button[type=submit]").click()
            pg.wait_for_selector("#upload-status[data-state=done]", timeout=60_000)
            assert pg.locator("#upload-bar").evaluate("e => e.value") == 100
            assert pg.url.endswith("/upload")  # no page load: the script did it
            rows = pg.locator("#result-rows tr")
            assert rows.count() == 2
            assert rows.nth(0).inner_text().startswith("radweg.txt\tgespeichert")
            assert "abgelehnt" in rows.nth(1).inner_text()
            rows.nth(0).locator("a").click()
            pg.wait_for_url(re.compile(r"/articles/"))
            assert "Felsbach" in pg.locator(".text").inner_text()
            assert pg.errors == []
        finally:
            context.close()


@pytest.mark.parametrize("path", ["story", "/entities", "putin", "/upload"])
def test_seeds_phone_width_390_no_sideways_scroll(browser, base, path):
    context, pg = open_page(browser, 390, 844)
    try:
        url = first_story(pg, base) if path == "story" else _entity(pg, base, "Wladimir Putin") if path == "putin" else base + path
        pg.goto(url)
        assert pg.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
        if path == "putin":
            assert pg.locator("svg.graph").bounding_box()["width"] <= 390
    finally:
        context.close()
