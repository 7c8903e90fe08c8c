"""When an article appeared, as precisely as the store knows it.

An article has its own ``published`` (day, month or year) and may have an inferred date
with a range (``earliest`` .. ``latest``). The pages show the best of these and say how
sure it is: ``day``/``month``/``year`` when known to that precision, ``estimated`` when
only a guess inside a wider range exists, ``undated`` otherwise.
"""

from __future__ import annotations

import re

from chronik.model import Article

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTH = re.compile(r"\d{4}-\d{2}")
_YEAR = re.compile(r"\d{4}")


def precision_of(value: str) -> str:
    if _DAY.fullmatch(value[:10]):
        return "day"
    if _MONTH.fullmatch(value[:7]) and len(value) >= 7:
        return "month"
    return "year" if _YEAR.fullmatch(value[:4]) else "undated"


def article_when(article: Article) -> tuple[str | None, str]:
    """``(value, precision)``: the article's publication date as precisely as it is known."""
    inferred = article.published_inferred
    if inferred and inferred.value and inferred.earliest and inferred.earliest == inferred.latest:
        return inferred.earliest[:10], "day"
    if article.published:
        value = article.published[:10]
        return value, precision_of(value)
    if inferred and inferred.earliest and inferred.latest and inferred.earliest[:7] == inferred.latest[:7]:
        return inferred.earliest[:7], "month"
    if inferred and inferred.value:
        return inferred.value[:10], "estimated"
    return None, "undated"


def sort_key(article: Article) -> tuple[str, str]:
    """Publication order: best-known date (undated last), then id."""
    value, _ = article_when(article)
    return (value or "9999"), article.id
