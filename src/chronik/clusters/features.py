"""What the event clusterer knows about one document: a frozen :class:`DocFeatures` record.

The pipeline fills it from an annotated :class:`~chronik.model.Article` (:meth:`FeatureExtractor.from_article`);
benchmarks fill it from plain text (:meth:`FeatureExtractor.from_text`). Every field but ``id`` may be
empty: the clusterer uses whichever signals a document has.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Iterable

from chronik.clusters.lead import LeadCues
from chronik.model import Article, Record, record

DATA = Path(__file__).parent / "data"
_CONCRETE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?")
_LETTER = re.compile(r"[^\W\d_]")
_POSSESSIVE = re.compile(r"['’]s?$")
_SENTENCE_END = frozenset(".!?:;\"'“”„«»‹›()[]–—-|/•")


@record
class DocFeatures(Record):
    """One document as the clusterer sees it.

    ``lemmas``: lowercased content-word lemmas in text order; ``names``: canonical entity ids or
    names (language-independent where the entity stage links them); ``times``: TIMEX3 values of
    the document's DATE/TIME expressions; ``published_earliest``/``published_latest``: ISO dates
    bounding the publication date (equal when it is known to the day); ``copies``: ids of wire-copy
    passages the document shares with others; ``embedding``: a unit vector (multilingual USE) of
    the document's lead, or empty; ``places`` and ``weekdays``: where and on which weekday the lead
    says the event happened (:mod:`chronik.clusters.lead`).
    """

    id: str
    lang: str | None = None
    lemmas: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    times: tuple[str, ...] = ()
    published_earliest: str | None = None
    published_latest: str | None = None
    copies: tuple[str, ...] = ()
    embedding: tuple[float, ...] = ()
    places: tuple[str, ...] = ()
    weekdays: tuple[str, ...] = ()


def time_terms(values: Iterable[str]) -> tuple[str, ...]:
    """Terms for concrete time values: a day gives itself and its month, a month itself, a year itself.

    Underspecified values (``XXXX-05-10``, ``PAST_REF``) and durations carry no absolute position
    and are dropped.
    """
    out: list[str] = []
    for value in values:
        match = _CONCRETE.match(value)
        if match is None:
            continue
        concrete = match.group()
        out.append(concrete)
        if len(concrete) == 10:
            out.append(concrete[:7])
    return tuple(out)


def published_bounds(article: Article) -> tuple[str | None, str | None]:
    """Earliest and latest ISO day of ``article``'s publication, from ``published`` or the inferred date."""
    inferred = article.published_inferred
    if article.published:
        return _day_bounds(article.published)
    if inferred is not None:
        lo = _day_bounds(inferred.earliest)[0] if inferred.earliest else None
        hi = _day_bounds(inferred.latest)[1] if inferred.latest else None
        if lo or hi:
            return lo, hi
        if inferred.value:
            return _day_bounds(inferred.value)
    return None, None


def _span_days(earliest: str, latest: str) -> int:
    try:
        return date.fromisoformat(latest[:10]).toordinal() - date.fromisoformat(earliest[:10]).toordinal()
    except ValueError:
        return 10**6


def _day_bounds(value: str) -> tuple[str | None, str | None]:
    """``2023-09`` -> (``2023-09-01``, ``2023-09-30``); a full date gives itself twice."""
    match = _CONCRETE.match(value or "")
    if match is None:
        return None, None
    text = match.group()
    year = int(text[:4])
    if len(text) == 10:
        return text, text
    if len(text) == 7:
        month = int(text[5:7])
        if not 1 <= month <= 12:
            return None, None
        nxt = date(year + (month == 12), month % 12 + 1, 1)
        return f"{text}-01", date.fromordinal(nxt.toordinal() - 1).isoformat()
    return f"{text}-01-01", f"{text}-12-31"


@dataclass(frozen=True, slots=True, kw_only=True)
class FeatureOptions:
    """``lead_sentences``: how many leading sentences the embedding reads (a news lead says what
    happened; later paragraphs drift into background); ``headline_caps``: a line whose words are
    mostly capitalised is a headline, not evidence of names; ``cue_sentences``: how many leading
    sentences the lead cues (places, weekdays) are read from."""

    lead_sentences: int = 3
    headline_caps: float = 0.6
    cue_sentences: int = 6


class FeatureExtractor:
    """Builds :class:`DocFeatures`; holds a lemmatiser, time taggers and (optionally) an embedder.

    ``embedder`` is any object with ``encode(list[str]) -> array`` of unit rows (see
    :class:`chronik.clusters.embed.Embedder`); without one, documents get no embedding.
    """

    def __init__(self, options: FeatureOptions | None = None, *, embedder=None) -> None:
        self.options = options or FeatureOptions()
        self.embedder = embedder
        self._lemmatizers: dict[str, object] = {}
        self._taggers: dict[str, object] = {}

    @cached_property
    def cues(self) -> LeadCues:
        return LeadCues(self._function_words)

    @cached_property
    def _function_words(self) -> dict[str, frozenset[str]]:
        out = {}
        for path in DATA.glob("function_words_*.txt"):
            words = set()
            for line in path.read_text(encoding="utf-8").splitlines():
                if not line.startswith("#"):
                    words.update(line.split())
            out[path.stem.rsplit("_", 1)[1]] = frozenset(words)
        return out

    def lemmatizer(self, lang: str):
        if lang not in self._lemmatizers:
            from chronik.text import Lemmatizer

            self._lemmatizers[lang] = Lemmatizer(lang)
        return self._lemmatizers[lang]

    def tagger(self, lang: str):
        """chronik's time tagger for ``lang`` (``None`` when there is no grammar for it)."""
        if lang not in self._taggers:
            from chronik.errors import ConfigError
            from chronik.time import Tagger

            try:
                self._taggers[lang] = Tagger(lang)
            except (ConfigError, LookupError, OSError):
                self._taggers[lang] = None
        return self._taggers[lang]

    # -- building ------------------------------------------------------------------------

    def from_text(self, doc_id: str, text: str, *, lang: str = "en", published: str | None = None,
                  times: Iterable[str] | None = None, names: Iterable[str] | None = None,
                  copies: Iterable[str] = (), tag_times: bool = True) -> DocFeatures:
        """Features of a plain text; lines are treated as sentence boundaries.

        ``times`` (TIMEX3 values) and ``names`` are taken as given when passed; otherwise times
        come from chronik's time tagger (``tag_times``; without ``published`` only absolute
        expressions, which name their year, count) and names from capitalised words.
        """
        from chronik.text import tokenize

        lang = (lang or "en").lower()[:2]
        tokens = [text[t.start:t.end] for t in tokenize(text)]
        lines = [ln for ln in text.split("\n") if ln.strip()]
        if times is None:
            times = self._tag_times(text, lang, published) if tag_times else ()
        if names is None:
            names = self.capitalised_names(lines, lang)
        earliest, latest = _day_bounds(published) if published else (None, None)
        lead = [line[t.start:t.end] for line in lines[: self.options.cue_sentences] for t in tokenize(line)]
        return DocFeatures(
            id=doc_id, lang=lang, lemmas=self.lemmas(tokens, lang), names=tuple(names),
            times=tuple(times), published_earliest=earliest, published_latest=latest,
            copies=tuple(sorted(set(copies))), embedding=self._embed(lines),
            places=self.cues.places(lead, lang), weekdays=self.cues.weekdays(lead, lang),
        )

    def content(self, article: Article) -> tuple[tuple[str, ...], tuple[float, ...], tuple[str, ...]]:
        """The costly part of :meth:`from_article`, a function of the article's text alone: its
        lemmas, its lead embedding and, for an article without entity mentions, the capitalised
        names that stand in for them (a worker computes them; the driver passes them back in)."""
        from chronik.text import tokenize

        text = article.text or article.body
        lang = (article.lang or "de").lower()[:2]
        tokens = [text[t.start:t.end] for t in tokenize(text)]
        lines = self._lines(article, text)
        names = () if article.mentions else self.capitalised_names(lines, lang)
        return self.lemmas(tokens, lang), self._embed(lines), names

    @staticmethod
    def _lines(article: Article, text: str) -> list[str]:
        if article.sentences:
            return [text[s.start:s.end].replace("\n", " ") for s in article.sentences]
        return [ln for ln in text.split("\n") if ln.strip()]

    def from_article(self, article: Article, *, copies: Iterable[str] = (),
                     content: tuple[tuple[str, ...], tuple[float, ...], tuple[str, ...]] | None = None,
                     lead: tuple | None = None) -> DocFeatures:
        """Features of an annotated article: lemmas of its cleaned text, its entity mentions
        (canonical ids when linked, else the mention text), its time expressions and its
        publication date (given or inferred). ``content`` and ``lead``: what :meth:`content`
        and :meth:`lead` returned for this article, computed elsewhere."""
        text = article.text or article.body
        lang = (article.lang or "de").lower()[:2]
        lemmas, embedding, names = content if content is not None else self.content(article)
        if article.mentions:
            names = tuple(m.entity or text[m.start:m.end].lower() for m in article.mentions)
        # Relative expressions count only when resolved against a publication date known to
        # within a month (a vaguer inferred one can shift them by a year); absolute ones always count.
        earliest, latest = published_bounds(article)
        dated = bool(earliest and latest and _span_days(earliest, latest) <= 31)
        times = tuple(t.value for t in article.timexes
                      if t.label in ("DATE", "TIME") and (dated or t.anchor is None))
        places, weekdays = self._article_cues(article, text, lead)
        return DocFeatures(
            id=article.id, lang=lang, lemmas=tuple(lemmas), names=names, times=times,
            published_earliest=earliest, published_latest=latest,
            copies=tuple(sorted(set(copies))), embedding=tuple(embedding),
            places=places, weekdays=weekdays,
        )

    def lead(self, article: Article) -> tuple[int, tuple, tuple[str, ...]]:
        """The part of the lead cues that rests on the text and the mention spans (a worker
        computes it; see :meth:`_article_cues`): the number of mentions; for an article with
        mentions, the numbers of those in the lead that follow a locative preposition, else the
        places themselves; and the weekdays. The lead is the first ``cue_sentences`` sentences
        (or lines)."""
        from chronik.text import tokenize

        text = article.text or article.body
        lang = (article.lang or "de").lower()[:2]
        n = self.options.cue_sentences
        if article.sentences:
            end = article.sentences[: n][-1].end
        else:
            kept, count = 0, 0
            for ln in text.split("\n"):
                kept += len(ln) + 1
                count += bool(ln.strip())
                if count >= n:
                    break
            end = min(kept, len(text))
        toks = tokenize(text[:end])
        words = [text[t.start:t.end] for t in toks]
        weekdays = self.cues.weekdays(words, lang)
        if not article.mentions:
            return 0, self.cues.places(words, lang), weekdays
        locative = self.cues.words(lang).locative
        before = {t.end: i for i, t in enumerate(toks)}
        after = []
        for k, m in enumerate(article.mentions):
            if m.start >= end:
                continue
            # the token before the mention, skipping the whitespace between them
            gap = m.start
            while gap > 0 and text[gap - 1].isspace():
                gap -= 1
            i = before.get(gap)
            if i is not None and words[i] in locative:
                after.append(k)
        return len(article.mentions), tuple(after), weekdays

    def _article_cues(self, article: Article, text: str, lead: tuple | None = None,
                      ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Lead cues of an article: the weekdays of its lead, and the places after a locative
        preposition there: place mentions (canonical ids) when the article has mentions, else
        capitalised words. ``lead``: what :meth:`lead` returned for this text and these
        mentions (their labels and ids may have changed since: they are read here)."""
        if lead is None or lead[0] != len(article.mentions):
            lead = self.lead(article)
        _, after, weekdays = lead
        if not article.mentions:
            return after, weekdays
        places = set()
        for k in after:
            m = article.mentions[k]
            if m.label == "LOC":
                places.add(m.entity or text[m.start:m.end].lower())
        return tuple(sorted(places)), weekdays

    # -- parts ---------------------------------------------------------------------------

    def lemmas(self, tokens: Iterable[str], lang: str) -> tuple[str, ...]:
        """Lowercased lemmas of the tokens that contain a letter (numbers are left to ``times``),
        function words left out (idf cannot learn them from a handful of documents)."""
        lem = self.lemmatizer(lang)
        function_words = self._function_words.get(lang, frozenset())
        out = []
        for tok in tokens:
            if _LETTER.search(tok) and tok.lower() not in function_words:
                # German lemmas depend on case (nouns are capitalised); English ones do not.
                if lang == "de":
                    out.append(lem.lemma(tok).lower())
                else:
                    out.append(lem.lemma(_POSSESSIVE.sub("", tok.lower()) if lang == "en" else tok.lower()).lower())
        return tuple(out)

    def capitalised_names(self, lines: Iterable[str], lang: str) -> tuple[str, ...]:
        """A fallback for entity names: capitalised words that do not start a sentence, are not
        function words and (German, where every noun is capitalised) are unknown to the
        lemmatiser's dictionary. Headline-case lines are skipped."""
        from chronik.text import tokenize

        function_words = self._function_words.get(lang, frozenset())
        known = None
        if lang == "de":
            from simplemma import is_known

            known = is_known
        out: list[str] = []
        for line in lines:
            words = [line[t.start:t.end] for t in tokenize(line)]
            alpha = [w for w in words if _LETTER.search(w)]
            if not alpha:
                continue
            if (lang != "de" and len(alpha) > 2  # German capitalises nouns: no headline case to see
                    and sum(w[0].isupper() for w in alpha) / len(alpha) > self.options.headline_caps):
                continue
            start = True
            for word in words:
                if not _LETTER.search(word):
                    start = start or word in _SENTENCE_END
                    continue
                if (not start and word[0].isupper() and word.lower() not in function_words
                        and not (known is not None and known(word, lang))):
                    out.append(_POSSESSIVE.sub("", word.lower()) if lang == "en" else word.lower())
                start = False
        return tuple(out)

    def _tag_times(self, text: str, lang: str, published: str | None) -> tuple[str, ...]:
        tagger = self.tagger(lang)
        if tagger is None:
            return ()
        from chronik.time.stage import analyse

        timexes = analyse(tagger, text, published)[0]
        return tuple(t.value for t in timexes if t.label in ("DATE", "TIME") and (published or t.anchor is None))

    def _embed(self, lines: list[str]) -> tuple[float, ...]:
        if self.embedder is None or not lines:
            return ()
        lead = lines[: self.options.lead_sentences]
        vectors = self.embedder.encode(lead)
        mean = vectors.mean(axis=0)
        norm = float((mean * mean).sum()) ** 0.5
        return tuple(float(x) / norm for x in mean) if norm > 0 else ()
