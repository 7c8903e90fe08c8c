"""Regenerate the PNGs in docs/screenshots/: stories, story, article, search, entity and upload pages.

Usage: python scripts/screenshots.py [--out docs/screenshots] [--db existing.db]
Needs Debian's chromium (/usr/bin/chromium) and the playwright Python package (no `playwright install`).
Without --db the demo corpus is ingested into a temporary store first, and the upload page is
shot after sending a small sample through it (never into a store given with --db).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.web.browser import chromium, serving  # noqa: E402

from chronik.demo import corpus_path  # noqa: E402
from chronik.runners import LocalRunner  # noqa: E402
from chronik.store import open_store  # noqa: E402
from chronik.web import create_app  # noqa: E402

DESKTOP = {"width": 1100, "height": 900}
PHONE = {"width": 390, "height": 844}


SAMPLE = ("date 2024-04-20\ntitle Felsbach feiert den Durchschlag\nsource Beispielblatt\n\n"
          "Am Samstag haben die Mineure in Felsbach den letzten Meter des Erkundungsstollens durchbrochen. "
          "Bürgermeisterin Karin Obermoser dankte den Arbeitern.\n")


def upload_sample(page) -> None:
    """Send a small article and a junk file through the upload form, so the shot shows progress and results."""
    page.set_input_files("#files", [{"name": "durchschlag.txt", "mimeType": "text/plain", "buffer": SAMPLE.encode()},
                                    {"name": "kaputt.bin", "mimeType": "application/octet-stream",
                                     "buffer": bytes(range(256))}])
    page.locator("form.upload button[type=submit]").click()
    page.wait_for_selector("#upload-status[data-state=done]", timeout=120_000)


def shoot(base: str, out: Path, *, try_upload: bool = False) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with chromium() as browser:
        for suffix, viewport in (("", DESKTOP), ("-phone", PHONE)):
            context = browser.new_context(viewport=viewport, device_scale_factor=1)
            page = context.new_page()
            page.goto(base + "/")
            story = page.locator("main a[href^='/stories/']").first.get_attribute("href")
            page.goto(base + story)
            page.wait_for_selector("#vis .vis-item")
            article = page.locator(".sources a").first.get_attribute("href")
            page.goto(base + "/entities?type=PER")
            entity = page.locator("table.entities td a").first.get_attribute("href")
            shots = [("stories", "/"), ("story", story), ("article", article), ("search", "/search?q=Zoeschg"),
                     ("entity", entity), ("upload", "/upload")]
            for name, path in shots:
                if suffix and name not in ("story", "entity"):
                    continue
                page.goto(base + path)
                if name == "upload" and try_upload:
                    upload_sample(page)
                if name == "story":
                    page.wait_for_selector("#vis .vis-item")
                    page.locator("#vis .vis-item.vis-box, #vis .vis-item.vis-range").first.click()
                    page.evaluate("window.scrollTo(0, 0)")
                target = out / f"{name}{suffix}.png"
                page.screenshot(path=str(target), full_page=False)
                written.append(target)
            context.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--db", help="an existing store (default: ingest the demo corpus into a temporary one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = str(Path(tmp) / "demo.db")
            with open_store(db) as store:
                LocalRunner().ingest([corpus_path()], store)
        with serving(create_app(db)) as base:
            for path in shoot(base, args.out, try_upload=args.db is None):
                print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}  {path.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main()
