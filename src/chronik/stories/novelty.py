"""Novelty: per article, the sentences that no earlier article of its story carried.

A sentence counts as reported before when most of its content words already stand
together in one sentence of an article published earlier in the same story (stems
compared, so inflection and ß/ss do not matter). Articles are ordered by their
earliest possible publication date, then by id, so the result is deterministic.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from chronik.model import Article
from chronik.text.stems import Stemmer

# short function words that carry no claim; the stems of these are ignored
_STOP = frozenset("""der die das den dem des ein eine einer eines einem einen und oder aber auch
nicht noch nur schon sich sie er es wir ihr ich du man sein seine ihre ihr im in am an auf aus bei
mit nach von vor zu zum zur für über unter um bis durch gegen ohne als wie so dass ob wenn weil hat
haben hatte hatten ist sind war waren wird werden wurde wurden habe sei seien kann könnte soll sollte
muss müsse will wollte diese dieser dieses jetzt dann heute da hier wo was wer the a an of to and in
on for with at by from is are was were be has have had it its that this""".split())


@dataclass(frozen=True, slots=True, kw_only=True)
class NoveltyOptions:
    min_words: int = 5  # shorter sentences (headings) are neither novel nor old
    overlap: float = 0.6  # share of a sentence's content stems found in one earlier sentence


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleNovelty:
    article: str
    novel: tuple[int, ...]  # indices into article.sentences
    known: tuple[int, ...]
    first_in_story: bool


def _order_key(article: Article) -> tuple[str, str]:
    """By best-known date; an article known only within a range counts at its latest day
    (it cannot be shown to come earlier), an undated one last."""
    inferred = article.published_inferred
    day = None
    if inferred:
        day = inferred.value if inferred.value and inferred.earliest == inferred.latest else inferred.latest or inferred.value
    return (day or article.published or "9999")[:10], article.id


class NoveltyScorer:
    def __init__(self, options: NoveltyOptions | None = None) -> None:
        self.options = options or NoveltyOptions()
        self.stemmer = Stemmer()

    def content(self, text: str) -> frozenset[str]:
        words = [w for w in self.stemmer.terms(text) if w not in _STOP and not w.isdigit()]
        return frozenset(words)

    def __call__(self, articles: Sequence[Article]) -> list[ArticleNovelty]:
        o = self.options
        seen: list[frozenset[str]] = []
        index: dict[str, set[int]] = {}
        out = []
        for n, article in enumerate(sorted(articles, key=_order_key)):
            novel, known, mine = [], [], []
            for i, s in enumerate(article.sentences):
                stems = self.content(article.text[s.start:s.end])
                if len(stems) < o.min_words:
                    continue
                hits: dict[int, int] = {}
                for stem in stems:
                    for j in index.get(stem, ()):
                        hits[j] = hits.get(j, 0) + 1
                best = max(hits.values(), default=0)
                (known if best >= o.overlap * len(stems) else novel).append(i)
                mine.append(stems)
            for stems in mine:  # this article's sentences count only for later articles
                for stem in stems:
                    index.setdefault(stem, set()).add(len(seen))
                seen.append(stems)
            out.append(ArticleNovelty(article=article.id, novel=tuple(novel), known=tuple(known), first_in_story=n == 0))
        return out
