"""The ``time`` stage: time expressions and the publication date of an article."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from chronik.errors import ConfigError
from chronik.model import Article, InferredDate, Sentence, TimeExpr
from chronik.time.dates import parse_anchor
from chronik.time.dct import anchor_of, infer_dct
from chronik.time.tagger import Tagger


@dataclass(frozen=True, slots=True, kw_only=True)
class TimeOptions:
    """Options of :class:`TimeTagger`.

    ``lang`` forces a grammar (default: the article's language, ``fallback_lang`` when it is
    unknown; languages without a grammar get no expressions). ``prior`` is a rough date for
    the whole collection ("2023-09"): it only serves to fix years an undated article leaves
    open; an article's ``meta["dct_prior"]`` overrides it.
    """

    lang: str | None = None
    fallback_lang: str = "de"
    prior: str | None = None


def analyse(
    tagger: Tagger | None,
    text: str,
    published: str | None,
    *,
    sentences: Sequence[Sentence] | None = None,
    prior: str | None = None,
) -> tuple[tuple[TimeExpr, ...], InferredDate]:
    """Expressions of ``text`` and its inferred DCT; expressions resolved against the best DCT."""
    candidates = tagger.extract(text, sentences) if tagger is not None else []
    inferred = infer_dct(candidates, text, published, prior)
    if tagger is None:
        return (), inferred
    anchor, window = anchor_of(inferred)
    return tagger.resolve(candidates, anchor, None if anchor else window), inferred


class TimeTagger:
    """Per-article stage: fills ``timexes`` and ``published_inferred``."""

    name = "time"
    requires = ("text", "sentences")
    assigns = ("timexes", "published_inferred")

    def __init__(self, options: TimeOptions | None = None) -> None:
        self.options = options or TimeOptions()
        self._taggers: dict[str, Tagger | None] = {}

    def tagger(self, lang: str) -> Tagger | None:
        """The tagger for ``lang`` (``None`` when there is no grammar for it); kept per object."""
        if lang not in self._taggers:
            try:
                self._taggers[lang] = Tagger(lang)
            except ConfigError:
                self._taggers[lang] = None
        return self._taggers[lang]

    def __call__(self, article: Article) -> Article:
        lang = (self.options.lang or article.lang or self.options.fallback_lang or "").lower()[:2]
        prior = article.meta.get("dct_prior") if article.meta else None
        timexes, inferred = analyse(
            self.tagger(lang) if lang else None,
            article.text,
            article.published,
            sentences=article.sentences,
            prior=prior or self.options.prior,
        )
        return article.replace(timexes=timexes, published_inferred=inferred)


    def reanchor(self, article: Article, dct: str, reason: str) -> Article:
        """The article with its expressions resolved again against a DCT learnt elsewhere.

        For a later, cross-article step: when a story shows that an article dated only
        "2023-09" was written on 2023-09-14, its "am Mittwoch" becomes 2023-09-13. The
        date as given (``published``) is kept; ``published_inferred`` records ``reason``.
        """
        span = parse_anchor(dct)
        if span is None:
            raise ConfigError(f"not a date: {dct!r}")
        lang = (self.options.lang or article.lang or self.options.fallback_lang or "").lower()[:2]
        tagger = self.tagger(lang) if lang else None
        timexes = tagger.resolve(tagger.extract(article.text, article.sentences), dct) if tagger else ()
        inferred = InferredDate(value=dct, earliest=span[0].isoformat(), latest=span[1].isoformat(), method=reason)
        return article.replace(timexes=timexes, published_inferred=inferred)


def tag(text: str, dct: str | None, *, lang: str = "de") -> tuple[TimeExpr, ...]:
    """Time expressions of ``text`` resolved against ``dct`` (a day, a month, a year or None).

    When ``dct`` is not a full date the text is searched for a better one first, as the
    stage does. Builds a new tagger each call: hold a :class:`Tagger` (or the stage) in loops.
    """
    return analyse(Tagger(lang), text, dct)[0]
