"""The stage contract and the per-article pipeline.

A stage is a small object with one job: it takes an :class:`~chronik.model.Article`,
returns a new one with the fields it ``assigns`` filled, and may rely on the fields it
``requires``. Its options are one keyword-only frozen dataclass. The local runner and the
distributed runner call the same stage objects.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Iterable, Protocol, runtime_checkable

from chronik.errors import ChronikError, ConfigError
from chronik.model import Article, Rejection

# Fields every article has once ingested.
INGESTED = ("id", "source", "format", "body", "raw", "header_end", "title", "url", "outlet",
            "author", "published", "meta")


@runtime_checkable
class Stage(Protocol):
    name: ClassVar[str]
    requires: ClassVar[tuple[str, ...]]
    assigns: ClassVar[tuple[str, ...]]

    def __call__(self, article: Article) -> Article: ...


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one article became: the annotated article, or the reason it was rejected."""

    article: Article | None = None
    rejection: Rejection | None = None


class Pipeline:
    """Per-article stages in order; checks at construction that each stage's inputs exist."""

    def __init__(self, stages: Iterable[Stage]) -> None:
        self.stages = tuple(stages)
        have = set(INGESTED)
        for stage in self.stages:
            missing = [f for f in stage.requires if f not in have]
            if missing:
                raise ConfigError(f"stage {stage.name!r} requires {missing}, which no earlier stage assigns")
            have.update(stage.assigns)
        self.assigns = frozenset(have)

    def __call__(self, article: Article) -> Outcome:
        return self.run_many([article])[0]

    def run_many(self, articles: Iterable[Article]) -> list[Outcome]:
        """What calling the pipeline on each article gives, computed stage by stage over the
        whole batch: a stage's models and tables stay in the processor's caches from one article
        to the next (a quarter faster than article by article on the bench corpus). An article a
        stage rejects leaves the batch; the others go on."""
        work: list[Article | Outcome] = list(articles)
        for stage in self.stages:
            for k, article in enumerate(work):
                if isinstance(article, Outcome):
                    continue
                try:
                    work[k] = stage(article)
                except (ChronikError, ValueError, LookupError, ArithmeticError) as exc:
                    reason = str(exc) or type(exc).__name__
                    work[k] = Outcome(rejection=Rejection(source=article.source, stage=stage.name, reason=reason))
        return [item if isinstance(item, Outcome) else Outcome(article=item) for item in work]


def default_pipeline() -> Pipeline:
    """The standard per-article stages, in order."""
    from chronik.clean import Cleaner
    from chronik.text import LanguageStage, SentenceStage

    return Pipeline([Cleaner(), LanguageStage(), SentenceStage()])
