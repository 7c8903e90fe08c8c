"""Lines that repeat across articles of one outlet: the outlet's own page furniture.

A short line found in at least ``min_articles`` different articles of the same outlet is
that outlet's boilerplate (a slogan, a sign-off, a recurring teaser). Counting is by
article, so one article repeating a line does not count twice.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Iterable, Mapping

from chronik.clean.cleaner import normalise_line
from chronik.model import Article

MAX_WORDS = 15


def candidate_lines(article: Article) -> set[str]:
    """The article's short lines, normalised: what may count as outlet boilerplate."""
    lines = (normalise_line(ln) for ln in article.body[article.header_end :].split("\n"))
    return {ln for ln in lines if ln and len(ln.split()) <= MAX_WORDS}


def outlet_boilerplate(articles: Iterable[Article], *, min_articles: int = 3,
                       known: Mapping[str, Mapping[str, int]] | None = None) -> dict[str, frozenset[str]]:
    """Per outlet, the lines seen in ``min_articles`` or more articles (``known``: counts already stored)."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for outlet, lines in (known or {}).items():
        counts[outlet].update(lines)
    for article in articles:
        if article.outlet:
            counts[article.outlet].update(candidate_lines(article))
    return {
        outlet: frozenset(line for line, n in counter.items() if n >= min_articles)
        for outlet, counter in counts.items()
    }
