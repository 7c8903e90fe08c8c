"""The per-article pipeline: stage by stage over a batch gives what article by article gives, and
an article a stage rejects leaves the batch without touching the others."""

from __future__ import annotations

from chronik.clean import Cleaner
from chronik.errors import InputError
from chronik.model import Article
from chronik.pipeline import Pipeline
from chronik.text import LanguageStage, SentenceStage
from chronik.time import TimeTagger
from tests.conftest import LONG_DE


class _Picky:
    """A stage that rejects articles whose text mentions "Pfingsten"."""

    name = "picky"
    requires = ("text",)
    assigns = ()

    def __call__(self, article: Article) -> Article:
        if "Pfingsten" in article.text:
            raise InputError(article.source, "no holidays")
        return article


def _articles() -> list[Article]:
    texts = [" ".join(LONG_DE[i:] + LONG_DE[:i]) for i in range(4)]
    texts.insert(2, "Die Lehrer könnten noch vor Pfingsten wieder streiken, sagte die Gewerkschaft am Montag.")
    return [Article(id=f"a{i}", source=f"{i}.txt", format="txt", body=t, published="2024-03-01")
            for i, t in enumerate(texts)]


def test_run_many_gives_what_one_by_one_gives_and_keeps_rejections_apart():
    pipeline = Pipeline([Cleaner(), LanguageStage(), SentenceStage(), _Picky(), TimeTagger()])
    articles = _articles()
    one_by_one = [pipeline(a) for a in articles]
    batched = pipeline.run_many(articles)
    assert batched == one_by_one
    assert [o.rejection is not None for o in batched] == [False, False, True, False, False]
    rejected = batched[2].rejection
    assert (rejected.source, rejected.stage, rejected.reason) == ("2.txt", "picky", "2.txt: no holidays")
    assert all(o.article.timexes or o.article.sentences for o in batched if o.article is not None)


def test_run_many_of_nothing_is_nothing():
    assert Pipeline([Cleaner()]).run_many([]) == []
