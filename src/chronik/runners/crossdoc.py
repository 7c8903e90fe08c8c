"""The cross-article stages, run after each ingest on what the store holds.

In order: canonical entities across articles (mentions, and the actors of events, get their
entity ids); the online event clusterer (its state is kept in the store, so a new batch only
adds); dates pooled within each event cluster (an article dated only "2023-09" is re-resolved
against a sibling that fixes the day); events found again where linking or pooling changed what
they rest on (the others were found when the article was prepared: :mod:`chronik.runners.hints`);
stories linking the clusters. Each changed article is written once (a run cut short is redone
next time: see :meth:`CrossArticle.complete`).
"""

from __future__ import annotations

import pickle
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Callable, Mapping

from chronik import __version__
from chronik.model import Article
from chronik.runners.hints import PREPARED, Hints, relink
from chronik.store import Store
from chronik.stories import ClusterProfile, link_stories
from chronik.timeline.build import TimelineBuilder, _day
from chronik.time import TimeTagger

Progress = Callable[[str, int, int | None], None]

_STATE = f"clusterer/{__version__}"
_DONE = "cross/complete"
_WRITES = 500  # changed articles written per transaction


@dataclass(slots=True)
class CrossReport:
    entities: int = 0
    clusters: int = 0
    stories: int = 0
    reanchored: int = 0
    events: int = 0


def _precise(article: Article) -> str | None:
    """The article's publication day when it is known to the day, else None."""
    inferred = article.published_inferred
    if inferred and inferred.value and len(inferred.value) == 10 and inferred.earliest == inferred.latest:
        return inferred.value
    if article.published and len(article.published) >= 10:
        return article.published[:10]
    return None


class CrossArticle:
    def __init__(self) -> None:
        self.time = TimeTagger()
        self._events = None

    @property
    def events(self):
        if self._events is None:
            from chronik.events.extractor import EventExtractor

            self._events = EventExtractor()
        return self._events

    @staticmethod
    def complete(store: Store) -> bool:
        """Whether the last cross-article run finished (a killed one is redone next time)."""
        return store.get_state(_DONE) != b"0"

    def run(self, store: Store, progress: Progress | None = None, *,
            hints: Mapping[str, Hints] | None = None) -> CrossReport:
        """``hints``: what the per-article preparation computed, by article id
        (see :mod:`chronik.runners.hints`); without them the same is computed here."""
        report = CrossReport()
        articles = {a.id: a for a in store.iter_articles(raw=False)}  # raw input is not rewritten
        if not articles:
            return report
        hints = {aid: h for aid, h in (hints or {}).items() if aid in articles and h.fits(articles[aid])}
        store.put_state(_DONE, b"0")
        stored = dict(articles)
        articles, rerun = self._entities(store, articles, report, hints)
        assignments = self._clusters(store, articles, report, hints)
        rerun |= self._pool_dates(articles, assignments, report)
        rerun |= {aid for aid, a in articles.items() if a.sentences and "events_done" not in a.meta}
        for n, aid in enumerate(sorted(rerun), 1):
            article = self.events(articles[aid])
            articles[aid] = article.replace(meta=dict(article.meta) | {"events_done": True})
            if progress:
                progress("events", n, len(rerun))
        changed = [aid for aid in sorted(articles) if articles[aid] != stored[aid]]
        for i in range(0, len(changed), _WRITES):  # each changed article written once
            with store.transaction():
                for aid in changed[i : i + _WRITES]:
                    store.update_article(articles[aid])
            if progress:
                progress("write", min(i + _WRITES, len(changed)), len(changed))
        report.events = sum(len(articles[aid].events) for aid in changed)
        report.stories = len(self._stories(store, articles, assignments))
        store.put_state(_DONE, b"1")
        return report

    def _entities(self, store: Store, articles: dict[str, Article], report: CrossReport,
                  hints: Mapping[str, Hints]) -> tuple[dict[str, Article], set[str]]:
        """Canonical entities over all articles; returns the articles linked and the ids of
        those whose events must be found again (not prepared, and their mentions changed).

        A prepared article's events were found with its own entity labels (each mention's
        local entity's); linking may relabel a mention after the votes of other articles, which
        its events do not follow (finding them again costs as much as the whole merge)."""
        from chronik.entities import Canonicalizer

        prepared = {aid: (hints[aid].local if aid in hints else None)
                    for aid, a in articles.items() if a.meta.get(PREPARED)}
        result = Canonicalizer().add((articles[k] for k in sorted(articles)), prepared=prepared)
        store.put_entities(result.entities)
        report.entities = len(result.entities)
        out = dict(articles)
        rerun = set()
        for linked in result.articles:
            before = articles[linked.id]
            if linked.id in prepared:
                out[linked.id] = relink(before, linked)
            elif linked.mentions != before.mentions:
                out[linked.id] = linked
                rerun.add(linked.id)  # not prepared: events follow its mentions, as they always did
        return out, rerun

    def _clusters(self, store: Store, articles: dict[str, Article], report: CrossReport,
                  hints: Mapping[str, Hints]) -> dict[str, str]:
        from chronik.clusters.features import FeatureExtractor
        from chronik.clusters.online import EventClusterer

        raw = store.get_state(_STATE)
        clusterer = pickle.loads(raw) if raw else EventClusterer()
        known = clusterer.assignments
        new = [a for k, a in sorted(articles.items()) if k not in known]
        if new:
            from chronik.clusters.embed import Embedder

            extractor = FeatureExtractor(embedder=Embedder())  # loads its model only when asked
            clusterer.add([extractor.from_article(a, content=hints[a.id].content(), lead=hints[a.id].lead)
                           if a.id in hints else extractor.from_article(a) for a in new])
            store.put_state(_STATE, pickle.dumps(clusterer))
        assignments = {k: v for k, v in clusterer.assignments.items() if k in articles}
        store.set_clusters(assignments)
        report.clusters = len(set(assignments.values()))
        return assignments

    def _pool_dates(self, articles: dict[str, Article], assignments: dict[str, str], report: CrossReport) -> set[str]:
        """Articles without a day-precise date take the earliest day a sibling in their event
        cluster fixes, when that day lies inside their own possible range."""
        members: dict[str, list[str]] = defaultdict(list)
        for aid, cid in assignments.items():
            members[cid].append(aid)
        changed = set()
        for cid, ids in members.items():
            days = sorted(d for d in (_precise(articles[i]) for i in ids) if d)
            if not days:
                continue
            anchor = days[0]
            for aid in ids:
                a = articles[aid]
                inferred = a.published_inferred
                if _precise(a) or (a.meta or {}).get("reanchored") == anchor:
                    continue
                lo = inferred.earliest if inferred and inferred.earliest else None
                hi = inferred.latest if inferred and inferred.latest else None
                if (lo and anchor < lo) or (hi and anchor > hi):
                    continue
                siblings = ", ".join(i for i in ids if _precise(articles[i]) == anchor)
                updated = self.time.reanchor(a, anchor, f"event cluster {cid}: dated by {siblings}")
                # resolve against the sibling's day, but keep the article's own possible range
                pooled = updated.published_inferred.replace(earliest=lo, latest=hi)
                articles[aid] = updated.replace(published_inferred=pooled,
                                                meta=dict(updated.meta) | {"reanchored": anchor})
                changed.add(aid)
                report.reanchored += 1
        return changed

    def _stories(self, store: Store, articles: dict[str, Article], assignments: dict[str, str]):
        entities = {e.id: e for e in store.entities()}
        members: dict[str, list[Article]] = defaultdict(list)
        for aid, cid in assignments.items():
            members[cid].append(articles[aid])
        builder = TimelineBuilder()
        profiles = []
        for cid, arts in sorted(members.items()):
            ents: Counter = Counter()
            terms: Counter = Counter()
            for a in arts:
                for m in a.mentions:
                    e = entities.get(m.entity or "")
                    if e and e.label in ("PER", "ORG", "LOC"):
                        ents[e.id] += 1
                terms.update(w.lower() for w in a.text.split() if len(w) > 5 and w[:1].isupper())
            value, _ = builder.cluster_date(arts)
            day = _day(value)
            profiles.append(ClusterProfile(id=cid, entities=dict(ents), terms=dict(terms),
                                           day=day.toordinal() if day else None))
        stories = link_stories(profiles)
        named = [s.replace(title=", ".join(entities[e].name for e in s.title.split(", ") if e in entities)) for s in stories]
        store.put_stories(named)
        return named
