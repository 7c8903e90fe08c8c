"""Shared helpers for the event tests: where ../shared is, and hand-built articles."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from chronik.model import Article, Mention, TimeExpr
from chronik.text import split_sentences

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("CHRONIK_SHARED", ROOT / ".." / "shared"))
GOLD = Path(__file__).resolve().parent / "gold" / "sentences.jsonl"
BASELINE = Path(__file__).resolve().parent / "baseline.json"


@pytest.fixture(scope="session")
def data_dir() -> Path:
    data = SHARED / "data"
    if not all((data / name).is_dir() for name in ("smartdata", "krauts", "germeval2014", "hipe2022-de")):
        pytest.skip(f"shared data not found at {data} (set CHRONIK_SHARED)")
    return data


def article(text: str, names: dict[str, str] | None = None, *, times: dict[str, str] | None = None,
            published: str | None = "2023-09-14", lang: str = "de") -> Article:
    """An article with the given mentions ({surface: label}, every occurrence) and time
    expressions ({surface: value}) placed by hand."""
    mentions = []
    for surface, label in (names or {}).items():
        start = text.find(surface)
        while start != -1:
            mentions.append(Mention(start=start, end=start + len(surface), label=label))
            start = text.find(surface, start + len(surface))
    timexes = []
    for surface, value in (times or {}).items():
        start = text.find(surface)
        assert start != -1, surface
        timexes.append(TimeExpr(start=start, end=start + len(surface), label="DATE", value=value))
    mentions.sort(key=lambda m: (m.start, -m.end))
    kept: list[Mention] = []
    for m in mentions:  # the longest name wins where two overlap ("Kim Jong Un" over "Kim")
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    return Article(id="t1", source="test", format="txt", body=text, text=text, published=published, lang=lang,
                   sentences=split_sentences(text), mentions=tuple(kept), timexes=tuple(timexes))
