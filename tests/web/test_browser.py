"""End-to-end tests in headless Chromium (Debian's package) driven by Playwright over the demo store."""

from __future__ import annotations

import json
import re

import pytest

from tests.web.browser import NEEDS_BROWSER, chromium, first_story, open_page, serving

pytestmark = NEEDS_BROWSER

from chronik.web import create_app  # noqa: E402


@pytest.fixture(scope="module")
def base(demo_db):
    with serving(create_app(demo_db)) as url:
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


def test_pages_load_without_console_errors(page, base):
    page.goto(base + "/")
    story = first_story(page, base)
    page.goto(story)
    page.wait_for_selector("#vis .vis-item")
    article = page.locator(".sources a").first.get_attribute("href")
    page.goto(base + article)
    assert page.locator(".text").inner_text().strip()
    page.goto(base + "/search?q=Nordkorea")
    page.goto(base + "/stories/no-such-story")
    assert page.locator("h1").count() == 1
    # the one expected error: the deliberate 404 of the unknown story
    assert len(page.errors) == 1 and "404" in page.errors[0], page.errors
    page.errors.clear()
    page.goto(base + "/?lang=en")
    assert page.errors == []


def test_story_events_in_date_order(page, base):
    page.goto(first_story(page, base))
    dates = page.locator("ol.timeline .when time").evaluate_all("els => els.map(e => e.getAttribute('datetime'))")
    assert len(dates) >= 2
    days = [re.match(r"\d{4}(-\d{2})?(-\d{2})?", d)[0] for d in dates]
    assert days == sorted(days)
    # the interactive timeline draws the same dated entries left to right in the same order
    page.wait_for_selector("#vis .vis-item")
    data = json.loads(page.locator("#vis-data").text_content())
    starts = [i["start"] for i in data["items"] if i["group"] == "dated"]
    assert len(starts) == len(dates) and starts == sorted(starts)
    lefts = page.evaluate("""() => {
        const tl = document.querySelectorAll('#vis .vis-item');
        return Array.from(tl).map(e => [e.textContent, e.getBoundingClientRect().left]); }""")
    assert lefts, "no timeline items drawn"


def test_month_precision_is_a_range(page, base):
    page.goto(first_story(page, base))
    data = json.loads(page.locator("#vis-data").text_content())
    for item in data["items"]:
        if "p-month" in item.get("className", ""):
            assert item["type"] == "range" and item["start"].endswith("-01") and item["end"].endswith("-01")
        if "p-day" in item.get("className", ""):
            assert item["type"] == "box" and "end" not in item


def test_clicking_an_event_reveals_its_sources(page, base):
    page.goto(first_story(page, base))
    page.wait_for_selector("#vis .vis-item")
    page.locator("[data-zoom=fit]").click()
    item = page.locator("#vis .vis-item.vis-box, #vis .vis-item.vis-range").first
    item.click()
    entry = page.locator(".entry.selected")
    entry.wait_for()
    assert entry.count() == 1
    assert page.evaluate("document.activeElement.classList.contains('selected')")
    source = entry.locator(".sources a").first
    assert source.is_visible()
    box = entry.bounding_box()
    assert box is not None and -2 <= box["y"] < 900  # scrolled into view
    source.click()
    page.wait_for_url(re.compile(r"/articles/"))
    assert page.locator(".text").inner_text().strip()


def test_search_spelt_out_umlaut(page, base):
    page.goto(base + "/search")
    page.fill("input[type=search]", "Zoeschg")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=Zoeschg"))
    assert "Zöschg" in page.locator("main").inner_text()


def test_keyboard_tab_reaches_first_timeline_link(page, base):
    page.goto(first_story(page, base))
    first = page.locator("ol.timeline a").first.get_attribute("href")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('ol.timeline') !== null"):
            break
    assert page.evaluate("document.activeElement.getAttribute('href')") == first
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/(articles|entities)/"))  # an actor's entity page or a source


def test_phone_sized_screen_has_no_sideways_scroll(browser, base):
    context, pg = open_page(browser, 375, 740)
    try:
        pg.goto(base + "/")
        pg.goto(first_story(pg, base))
        pg.wait_for_selector("#vis .vis-item")
        assert pg.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    finally:
        context.close()
