"""Article-level context for events: actor names, places, and the time an event gets.

Names: a mention's surface without a genitive "s" when it stands in genitive position or its
stem is itself mentioned ("Kims" -> "Kim"), and a lone name part becomes the full person name of
the article it belongs to ("Putin" -> "Wladimir Putin"). A ``names`` mapping (entity id ->
canonical name, from the entity store) overrides both.

Time, as an ordered list of strategies (the first that gives a value wins):
``clause``    the nearest time expression of the trigger's clause;
``sentence``  the nearest time expression of the sentence;
``context``   the last time expression of up to ``inherit`` sentences before, same paragraph;
``article``   the article's date (published, else the inferred date) with its precision.
"""

from __future__ import annotations

import bisect
import re
from typing import Callable, Mapping, Sequence

from chronik.model import Article, EventTime, Mention, TimeExpr

_STRIP = " \t\n\"'„“”«»‚‘’()[]{}.,;:!?"
_DAY = re.compile(r"^\d{4}-\d\d-\d\d")
_PRECISION = (
    (re.compile(r"^\d{4}-\d\d-\d\dT"), "time"),
    (re.compile(r"^\d{4}-\d\d-\d\d$"), "day"),
    (re.compile(r"^\d{4}-W\d\d"), "week"),
    (re.compile(r"^\d{4}-\d\d$"), "month"),
    (re.compile(r"^\d{4}-Q\d$"), "quarter"),
    (re.compile(r"^\d{4}-H\d$"), "half-year"),
    (re.compile(r"^\d{4}-(SP|SU|FA|WI)$"), "season"),
    (re.compile(r"^\d{4}$"), "year"),
    (re.compile(r"^\d{3}$"), "decade"),
    (re.compile(r"^\d{2}$"), "century"),
)


def precision(value: str | None) -> str:
    """The precision of a TIMEX3 value ("2023-09-13" -> day, "2023-10" -> month)."""
    if not value:
        return "unknown"
    for pattern, name in _PRECISION:
        if pattern.match(value):
            return name
    return "unknown"


def _time(value: str) -> EventTime:
    """An event time from a TIMEX3 value; a part of day ("2011-03-17TAF") counts as the day."""
    if "T" in value and not re.search(r"T\d", value):
        value = value.split("T")[0]
    return EventTime(value=value, precision=precision(value))


def usable(timex: TimeExpr) -> bool:
    """A resolved date or time (not a duration, a set or an unresolved "XXXX-09")."""
    return timex.label in ("DATE", "TIME") and timex.value[:4].isdigit() and precision(timex.value) != "unknown"


class ActorNames:
    """Display names of an article's mentions (as repaired by :mod:`chronik.events.mentions`)."""

    def __init__(self, article: Article, mentions: Sequence[Mention] | None = None,
                 names: Mapping[str, str] | None = None,
                 countries: Callable[[str], str | None] | None = None,
                 places: Callable[[str], str | None] | None = None) -> None:
        """``countries`` gives the country of a country adjective, ``places`` the name of a
        country written as an abbreviation ("US" -> "USA")."""
        text = article.text
        self.names = names or {}
        self.countries = countries
        self.places = places
        self.mentions = tuple(article.mentions if mentions is None else mentions)
        self.surfaces = [" ".join(text[m.start:m.end].strip(_STRIP).split()) or text[m.start:m.end]
                         for m in self.mentions]
        self.known = {s.lower() for s in self.surfaces}
        self.full = [s for s, m in zip(self.surfaces, self.mentions) if m.label == "PER" and " " in s]
        self._cache: dict[tuple[int, bool], str] = {}

    def name(self, index: int, genitive: bool = False) -> str:
        key = (index, genitive)
        if key not in self._cache:
            self._cache[key] = self._name(index, genitive)
        return self._cache[key]

    def entity(self, index: int) -> str | None:
        return self.mentions[index].entity

    def _name(self, index: int, genitive: bool) -> str:
        m = self.mentions[index]
        if m.entity and m.entity in self.names:
            return self.names[m.entity]
        s = self.surfaces[index]
        if m.label == "LOC" and s.isupper() and self.places is not None:
            return self.places(s) or s  # "US-Regierung": USA
        if " " not in s and s[:1].isupper() and s[-1:] in "emnrs" and self.countries is not None:
            country = self.countries(s.lower())
            if country is not None and country.lower() != s.lower():
                return country  # a country adjective tagged as a name ("Französische Soldaten" opening a sentence)
        if " " not in s and len(s) > 3 and s.endswith("s") and not s.endswith(("ss", "haus")):
            stem = s[:-1]
            if stem.lower() in self.known or genitive or any(stem in f.split() for f in self.full) or (
                    m.label == "LOC" and self.places is not None and self.places(stem) == stem):
                s = stem  # also a country in the genitive: "dem Beitritt Schwedens"
        if " " not in s and s[:1].isupper():
            parts = [f for f in self.full if s in f.split() and f != s]
            if parts:  # a lone name part: the full person name of the article ("Putin" -> "Wladimir Putin")
                s = max(parts, key=lambda f: (f.split()[-1] == s, len(f)))
        return s


class TimeLine:
    """The usable time expressions of an article, by sentence, for picking an event's time."""

    def __init__(self, article: Article, sentence_starts: Sequence[int], inherit: int = 3) -> None:
        self.inherit = inherit
        self.text = article.text
        self.by_sentence: dict[int, list[TimeExpr]] = {}
        self.all_by_sentence: dict[int, list[TimeExpr]] = {}
        for t in article.timexes:
            s = max(bisect.bisect_right(sentence_starts, t.start) - 1, 0)
            self.all_by_sentence.setdefault(s, []).append(t)
            if usable(t):
                self.by_sentence.setdefault(s, []).append(t)
        self.newlines = [i for i, ch in enumerate(self.text) if ch == "\n"]
        inferred = article.published_inferred
        given = article.published
        guess = inferred.value if inferred else None
        # the inferred date when it refines the given one ("2023-09" -> "2023-09-14")
        self.article_date = guess if guess and (not given or guess.startswith(given[:7])) else given

    def in_sentence(self, sentence: int) -> list[TimeExpr]:
        return self.all_by_sentence.get(sentence, [])

    def paragraph(self, offset: int) -> int:
        return bisect.bisect_right(self.newlines, offset)

    def pick(self, sentence: int, trigger: int, clause_span: tuple[int, int], sentence_starts: Sequence[int],
             *, statement: bool = False, quoted: Sequence[tuple[int, int]] = (),
             elsewhere: Sequence[tuple[int, int]] = ()) -> tuple[EventTime, str]:
        """(time, strategy) for a trigger at character ``trigger`` of sentence ``sentence``.
        A statement takes only a time of its own clause (the time of speaking), else the
        article's date; expressions inside quotes count only for triggers inside them, those
        of other relative clauses (``elsewhere``) not at all; "bis 2012", "seit Februar" are
        bounds, not the event's time."""
        inside = any(a <= trigger < b for a, b in quoted)
        here = [t for t in self.by_sentence.get(sentence, []) if not self._bound(t)
                and (inside or not any(a <= t.start < b for a, b in quoted))
                and not any(a <= t.start < b for a, b in elsewhere)]
        in_clause = [t for t in here if clause_span[0] <= t.start < clause_span[1]]
        pools = (("clause", in_clause),) if statement else (("clause", in_clause), ("sentence", here))
        for name, pool in pools:
            if pool:
                best = min(pool, key=lambda t: abs(t.start - trigger))
                return _time(best.value), name
        if statement:
            return self._article(), "article"
        para = self.paragraph(trigger)
        for back in range(1, self.inherit + 1):
            s = sentence - back
            if s < 0 or self.paragraph(sentence_starts[s]) != para:
                break
            pool = [t for t in self.by_sentence.get(s, []) if not self._bound(t)]
            if pool:
                return _time(pool[-1].value), "context"
        return self._article(), "article"

    def _article(self) -> EventTime:
        return _time(self.article_date) if self.article_date else EventTime()

    def _bound(self, t: TimeExpr) -> bool:
        before = self.text[max(0, t.start - 6):t.start].split()
        return bool(before) and before[-1].lower() in ("bis", "seit", "since", "until")

    def after(self, value: str | None) -> bool:
        """Whether ``value`` lies after the article's date (a planned event)."""
        if not value or not self.article_date or not _DAY.match(value):
            return False
        return value[:10] > self.article_date[:10] and len(self.article_date) >= 10
