"""Full-text search over German-stemmed text, with snippets cut from the cleaned text."""

from __future__ import annotations

from dataclasses import dataclass

from chronik.store.base import Store
from chronik.text.stems import Stemmer


@dataclass(frozen=True, slots=True, kw_only=True)
class Hit:
    article: str
    title: str | None
    source: str
    score: float
    snippet: str
    marks: tuple[tuple[int, int], ...]  # spans of matched words inside ``snippet``


def snippet(text: str, terms: set[str], stemmer: Stemmer, width: int = 220) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The passage of ``text`` with the most distinct query terms, cut to about ``width`` characters."""
    words = stemmer.spans(text)
    hits = [(s, e, t) for s, e, t in words if t in terms]
    if not hits:
        return text[:width].strip(), ()
    best, best_score = hits[0][0], -1
    for s, _e, _t in hits:
        score = len({t for hs, _he, t in hits if s <= hs < s + width})
        if score > best_score:
            best, best_score = s, score
    start = max(0, best - width // 4)
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = min(len(text), start + width)
    while end < len(text) and not text[end].isspace():
        end += 1
    prefix = "…" if start > 0 else ""
    piece = prefix + text[start:end].replace("\n", " ") + ("…" if end < len(text) else "")
    # (newlines become spaces one for one, so the marks below keep their offsets)
    marks = tuple((s - start + len(prefix), e - start + len(prefix)) for s, e, _ in hits if start <= s and e <= end)
    return piece, marks


def search(store: Store, query: str, *, limit: int = 10, stemmer: Stemmer | None = None) -> list[Hit]:
    stemmer = stemmer or Stemmer()
    terms = list(dict.fromkeys(stemmer.terms(query)))
    hits = []
    for article_id, score in store.search_ids(terms, limit):
        article = store.get_article(article_id)
        text, marks = snippet(article.text, set(terms), stemmer)
        hits.append(Hit(article=article_id, title=article.headline(), source=article.source,
                        score=round(score, 3), snippet=text, marks=marks))
    return hits
