"""Timeline entries from event clusters: one dated, sourced entry per cluster.

The date of an entry is pooled from all its articles, first of the strategies below to
give an answer:

1. ``events``: the time most articles give to the events they report (asserted or
   reported, not planned or denied), among times no earlier than a month before the
   cluster's first publication;
2. ``text``: the same over the articles' day-precise time expressions;
3. ``published``: the earliest publication date of the cluster (to the precision it has);
4. undated: no date at all; the entry then says after which earlier entry it comes.

Sentences about times long before the cluster ("Putins letzter Besuch … war im Juni
2000") become *background* entries, kept apart from the news. Events the reports announce
as planned for a later month ("Lawrow werde im nächsten Monat … reisen") become *planned*
entries at that month: the plan is news, the trip itself is not yet reported.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Callable, Mapping, Sequence

from chronik.entities.titles import genitive_stem
from chronik.model import Article, Entity, Sentence, TimelineEntry

PRECISIONS = {10: "day", 7: "month", 4: "year"}
_QUOTES = "„“\"«»‚'"
_ANAPHORIC = frozenset("Das Dies Diese Dieser Dieses Er Sie Es Dabei Damit Dann Doch Auch Dort Daher Deshalb "
                       "Darauf Dazu Danach Zudem Außerdem Trotzdem This That It He She They".split())


def _is_statement(text: str) -> bool:
    """A full sentence, not a heading, fragment or question."""
    text = text.strip()
    return len(text.split()) >= 6 and text[-1:] in ".!\"“»"
_REPORTED = {"asserted", "reported"}


@dataclass(frozen=True, slots=True, kw_only=True)
class TimelineOptions:
    lookback_days: int = 31  # event times this long before the first report still count as the news
    background_days: int = 365  # sentences about times this long before the news are background
    max_summary: int = 320
    actors: int = 4
    # a place right after one of these in the summary sentence is where it happened ("bei Scharnitzau")
    place_prepositions: tuple[str, ...] = ("in", "im", "bei", "at", "near")


def precision_of(value: str | None) -> str:
    if not value:
        return "undated"
    if "W" in value:
        return "week"
    if "Q" in value:
        return "quarter"
    return PRECISIONS.get(len(value), "day" if len(value) > 10 else "year")


def _day(value: str | None) -> date | None:
    if not value or len(value) < 4 or not value[:4].isdigit():
        return None
    try:
        parts = value[:10].split("-")
        y = int(parts[0])
        if len(parts) > 1 and parts[1][:1] == "W" and parts[1][1:3].isdigit():
            return date.fromisocalendar(y, int(parts[1][1:3]), 1)
        m = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 1
        d = int(parts[2]) if len(parts) > 2 and parts[2][:2].isdigit() else 1
        return date(y, m, d)
    except (ValueError, IndexError):
        return None


def _first_published(articles: Sequence[Article]) -> str | None:
    values = []
    for a in articles:
        inferred = a.published_inferred
        v = (inferred.value if inferred and inferred.value else None) or (a.published[:10] if a.published else None)
        if v:
            values.append(v)
    return min(values, key=lambda v: (v[:10], -len(v))) if values else None


def _supported(candidates: Mapping[str, set[str]]) -> str | None:
    """The value most articles support; ties go to the more precise, then the earlier value."""
    if not candidates:
        return None
    return min(candidates, key=lambda v: (-len(candidates[v]), -len(v), v))


class TimelineBuilder:
    def __init__(self, options: TimelineOptions | None = None) -> None:
        self.options = options or TimelineOptions()

    def cluster_date(self, articles: Sequence[Article]) -> tuple[str | None, str]:
        first = _first_published(articles)
        floor = _day(first)
        if floor is not None:
            floor = date.fromordinal(floor.toordinal() - self.options.lookback_days)

        def ok(value: str | None) -> bool:
            d = _day(value)
            return d is not None and (floor is None or d >= floor) and "X" not in (value or "")

        by_event: dict[str, set[str]] = defaultdict(set)
        by_text: dict[str, set[str]] = defaultdict(set)
        for a in articles:
            for e in a.events:
                if e.modality in _REPORTED and e.time.value and e.time.precision in ("day", "month") and ok(e.time.value):
                    by_event[e.time.value[:10]].add(a.id)
            for t in a.timexes:
                if t.label == "DATE" and len(t.value) == 10 and ok(t.value) and not t.mod:
                    by_text[t.value].add(a.id)
        for name, candidates in (("events", by_event), ("text", by_text)):
            value = _supported(candidates)
            if value:
                return value, name
        if first:
            return first, "published"
        return None, "undated"

    def summary(self, articles: Sequence[Article], value: str | None) -> tuple[str, tuple[Article, Sentence] | None]:
        """A sentence that says what happened, and the article and sentence it comes from.

        News leads say what happened, so the first sentences of the articles are preferred,
        then sentences dated to the entry's date and carrying a reported event; quotes and
        sentences that lean on the one before ("Das vereinbarten …") are taken last.
        """
        best = None
        for rank, a in enumerate(articles):
            body = [i for i, s in enumerate(a.sentences) if _is_statement(a.text[s.start:s.end])]
            for n, i in enumerate(body):
                s = a.sentences[i]
                text = a.text[s.start:s.end].strip()
                dated = any(s.start <= t.start < s.end and value and t.value.startswith(value[:10]) for t in a.timexes)
                evented = any(e.sentence == i and e.modality in _REPORTED for e in a.events)
                leaning = text[:1] in _QUOTES or text.split()[0] in _ANAPHORIC
                key = (leaning, n >= 3, rank, not dated, not evented, n)
                if best is None or key < best[0]:
                    best = (key, text, (a, s))
        if best is None:
            a = articles[0]
            return a.headline(self.options.max_summary), None
        text = best[1]
        if len(text) > self.options.max_summary:
            text = text[: self.options.max_summary - 1].rsplit(" ", 1)[0] + "…"
        return text, best[2]

    def actors_and_place(self, articles: Sequence[Article], entities: Mapping[str, Entity],
                         origin: tuple[Article, Sentence] | None = None,
                         date: str | None = None) -> tuple[tuple[str, ...], str | None]:
        """The people and organisations most articles name; the place the summary sentence
        names, else the place of the events on the entry's ``date`` ("Das gab ... am Dienstag in
        Wien bekannt"), else the place most articles name."""
        support: dict[str, set[str]] = defaultdict(set)
        count: Counter = Counter()
        for a in articles:
            for m in a.mentions:
                key = m.entity or a.text[m.start:m.end]
                support[key].add(a.id)
                count[key] += 1

        def label(key: str) -> str:
            e = entities.get(key)
            return e.label if e else ""

        def name(key: str) -> str:
            e = entities.get(key)
            return e.name if e else key

        ranked = sorted(support, key=lambda k: (-len(support[k]), -count[k], name(k)))
        actors = tuple(name(k) for k in ranked if label(k) in ("PER", "ORG"))[: self.options.actors]
        local = None
        if origin:
            a, s = origin
            places = [m for m in a.mentions if s.start <= m.start < s.end
                      and label(m.entity or a.text[m.start:m.end]) == "LOC"
                      and not _genitive(a.text[m.start:m.end], entities.get(m.entity or ""))]
            local = self._sentence_place(a, s, places)
        if local:
            return actors, name(local)
        on_date = Counter(e.place for a in articles for e in a.events
                          if e.place and e.time.value == date) if date else None
        if on_date:
            return actors, min(on_date, key=lambda p: (-on_date[p], p))
        return actors, next((name(k) for k in ranked if label(k) == "LOC"), None)

    def _sentence_place(self, article: Article, sentence: Sentence, places: Sequence) -> str | None:
        """Of the place mentions in the summary sentence (genitives left out: "die größten
        Baustellen Europas" is no place of the event): the dateline's ("Innsbruck (APN) –"),
        else the first after a place preposition ("die Arbeitsgemeinschaft Hochalm ... bei
        Scharnitzau"), else the first. Returns its entity id (or text)."""
        if not places:
            return None
        text = article.text

        def key(m) -> str:
            return m.entity or text[m.start:m.end]

        first = places[0]
        if not text[sentence.start:first.start].strip() and text[first.end:first.end + 3].lstrip()[:1] in ("(", "–", "-", "/"):
            return key(first)  # a dateline
        prepositions = self.options.place_prepositions
        for m in places:
            before = text[sentence.start:m.start].rstrip().rsplit(None, 1)
            if before and before[-1] in prepositions:
                return key(m)
        return key(first)

    def background(self, articles: Sequence[Article], value: str | None,
                   source_of: Callable[[Article], str]) -> list[TimelineEntry]:
        news = _day(value)
        if news is None:
            return []
        out: dict[tuple[str, str], TimelineEntry] = {}
        for a in articles:
            for t in a.timexes:
                d = _day(t.value)
                if t.label != "DATE" or d is None or "X" in t.value or (news - d).days < self.options.background_days:
                    continue
                sentence = next((s for s in a.sentences if s.start <= t.start < s.end), None)
                if sentence is None:
                    continue
                summary = a.text[sentence.start:sentence.end].strip()
                key = (t.value, " ".join(summary.lower().split()))
                if key in out:  # the same fact in several articles is one entry
                    e = out[key]
                    if a.id not in e.articles:
                        out[key] = e.replace(articles=e.articles + (a.id,),
                                             sources=tuple(dict.fromkeys(e.sources + (source_of(a),))))
                    continue
                out[key] = TimelineEntry(
                    date=t.value, precision=precision_of(t.value), summary=summary,
                    articles=(a.id,), sources=(source_of(a),), kind="background", confidence=0.5, date_method="text",
                )
        return list(out.values())

    def planned(self, articles: Sequence[Article], value: str | None,
                source_of: Callable[[Article], str], entities: Mapping[str, Entity]) -> list[TimelineEntry]:
        """Entries for events reported as planned for a month after the entry's own month."""
        if _day(value) is None:
            return []
        out: dict[tuple[str, str], TimelineEntry] = {}
        for a in articles:
            for e in a.events:
                when = e.time.value
                if (e.modality != "planned" or e.time.precision not in ("day", "month") or _day(when) is None
                        or when[:7] <= value[:7] or e.sentence >= len(a.sentences)):
                    continue
                s = a.sentences[e.sentence]
                summary = a.text[s.start:s.end].strip()
                key = (when, " ".join(summary.lower().split()))
                if key in out:
                    if a.id not in out[key].articles:
                        prev = out[key]
                        out[key] = prev.replace(articles=prev.articles + (a.id,),
                                                sources=tuple(dict.fromkeys(prev.sources + (source_of(a),))))
                    continue
                actors = tuple(dict.fromkeys(
                    (entities[x.entity].name if x.entity in entities else x.name) for x in e.actors))
                out[key] = TimelineEntry(
                    date=when, precision=precision_of(when), summary=summary, actors=actors[: self.options.actors],
                    place=e.place, articles=(a.id,), sources=(source_of(a),), kind="planned", confidence=0.4,
                    date_method="events",
                )
        return list(out.values())

    def entries(self, clusters: Mapping[str, Sequence[Article]], *, entities: Mapping[str, Entity] | None = None,
                stories: Mapping[str, str] | None = None, source_of: Callable[[Article], str] | None = None) -> list[TimelineEntry]:
        """Entries for ``clusters`` (cluster id -> its articles), sorted, undated ones placed last."""
        entities = entities or {}
        stories = stories or {}
        source_of = source_of or (lambda a: a.outlet or a.source.replace("\\", "/").rsplit("/", 1)[-1])
        out: list[TimelineEntry] = []
        bounds: dict[str, str] = {}  # undated cluster -> the latest day its articles can be from
        for cid, articles in clusters.items():
            articles = sorted(articles, key=lambda a: ((_first_published([a]) or "9999"), a.id))
            value, method = self.cluster_date(articles)
            summary, origin = self.summary(articles, value)
            actors, place = self.actors_and_place(articles, entities, origin, value)
            n = len(articles)
            latest = [a.published_inferred.latest if a.published_inferred else None for a in articles]
            if value is None and latest and all(latest):
                bounds[cid] = max(latest)  # type: ignore[type-var]
            confidence = round(min(1.0, 0.5 + 0.1 * n) * {"events": 1.0, "text": 0.9, "published": 0.7}.get(method, 0.5), 2)
            out.append(TimelineEntry(
                date=value, precision=precision_of(value), summary=summary, actors=actors, place=place,
                articles=tuple(a.id for a in articles), sources=tuple(dict.fromkeys(source_of(a) for a in articles)),
                cluster=cid, story=stories.get(cid), confidence=confidence, date_method=method,
            ))
            out.extend(e.replace(cluster=cid, story=stories.get(cid)) for e in self.background(articles, value, source_of))
            out.extend(e.replace(cluster=cid, story=stories.get(cid))
                       for e in self.planned(articles, value, source_of, entities))
        return sort_entries(out, bounds)


def sort_entries(entries: list[TimelineEntry], bounds: Mapping[str, str] | None = None) -> list[TimelineEntry]:
    """Dated entries by date (coarser after finer on the same prefix); undated ones after the
    latest dated event entry of their story, saying so. ``bounds`` (cluster id -> the latest
    day its undated articles can be from) keeps that claim true: only event entries dated no
    later than the bound count."""
    bounds = bounds or {}
    dated = sorted((e for e in entries if e.date),
                   key=lambda e: (_day(e.date) or date.min, -len(e.date), e.kind != "event", e.summary))
    events = [e for e in dated if e.kind == "event"]

    def after(entry: TimelineEntry) -> str | None:
        bound = _day(bounds.get(entry.cluster or ""))
        earlier = [e.date for e in events if e.story == entry.story
                   and (bound is None or (_day(e.date) or date.max) <= bound)]
        return max(earlier, key=lambda d: (_day(d) or date.min, -len(d or ""))) if earlier else None

    undated = [e.replace(after=after(e)) for e in entries if not e.date]
    return dated + sorted(undated, key=lambda e: e.summary)


def _genitive(surface: str, entity: Entity | None) -> bool:
    """Is ``surface`` the genitive of the entity's name ("Europas", "Bayerns")?"""
    stem = genitive_stem(surface)
    return entity is not None and stem is not None and stem in (entity.name, *entity.aliases)
