"""The reference articles in ../shared/seeds: their dates and their "am Mittwoch".

Read at test time (never copied). 000 and 001 carry a header "date 2023-09"; 002-004 have
none. The batch prior (the month 000 and 001 share) is what lets 002's "Donnerstag (14.
September)" pick its year; 003 dates itself from its text; 004 honestly stays open.
"""

from __future__ import annotations

import re

import pytest

from chronik.model import Article
from chronik.time import TimeOptions, TimeTagger, batch_prior

from tests.time.time_helpers import SHARED


@pytest.fixture(scope="module")
def seeds() -> dict[str, Article]:
    folder = SHARED / "seeds"
    if not folder.is_dir():
        pytest.skip(f"seeds not found at {folder} (set CHRONIK_SHARED)")
    out = {}
    for path in sorted(folder.glob("*.txt")):
        body = path.read_text("utf-8")
        header = re.match(r"\s*date (\S+)", body)
        text = body[header.end():] if header else body
        out[path.name[:3]] = Article(id=path.name[:3], source=str(path), format="txt", body=body, text=text,
                                     published=header.group(1) if header else None, lang="de")
    return out


@pytest.fixture(scope="module")
def tagged(seeds) -> dict[str, Article]:
    prior = batch_prior([a.published for a in seeds.values()])
    assert prior == "2023-09"
    stage = TimeTagger(TimeOptions(prior=prior))
    return {key: stage(a) for key, a in seeds.items()}


def _mittwoch(article: Article) -> set[str]:
    return {t.value for t in article.timexes if article.span_text(t) == "Mittwoch"}


def test_seed_002_dated_by_weekday_date_pair(tagged):
    inferred = tagged["002"].published_inferred
    assert inferred.value in ("2023-09-13", "2023-09-14")
    assert "weekday-date" in inferred.method
    assert _mittwoch(tagged["002"]) == {"2023-09-13"}


def test_seed_003_is_january_2024(tagged):
    inferred = tagged["003"].published_inferred
    assert inferred.value == "2024-01"
    assert inferred.earliest == "2024-01-01"


def test_seed_004_stays_open(tagged):
    inferred = tagged["004"].published_inferred
    assert inferred.value is None
    assert inferred.earliest <= "2024-06-19" <= inferred.latest  # the true date lies in the range


def test_seed_000_001_month_dated_then_reanchored(tagged):
    for key in ("000", "001"):
        article = tagged[key]
        assert article.published_inferred.value == "2023-09"
        assert _mittwoch(article) == {"2023-XX-XX"}  # a Wednesday in or near September 2023
        story_date = tagged["002"].published_inferred.value
        better = TimeTagger().reanchor(article, story_date, "story: same meeting as 002")
        assert _mittwoch(better) == {"2023-09-13"}
