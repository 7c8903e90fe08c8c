"""The cross-article stages, run after each ingest on what the store holds.

In order: canonical entities across articles (mentions get their entity ids); the online
event clusterer (its state is kept in the store, so a new batch only adds); dates pooled
within each event cluster (an article dated only "2023-09" is re-resolved against a sibling
that fixes the day); events for the articles that are new or whose annotations changed;
stories linking the clusters. Each changed article is written once, with its events, in its
own transaction (a run cut short is redone next time: see :meth:`CrossArticle.complete`).
"""

from __future__ import annotations

import pickle
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from chronik import __version__
from chronik.model import Article
from chronik.store import Store
from chronik.stories import ClusterProfile, link_stories
from chronik.timeline.build import TimelineBuilder, _day
from chronik.time import TimeTagger

Progress = Callable[[str, int, int | None], None]
if TYPE_CHECKING:
    from chronik.runners.hints import Hints

_STATE = f"clusterer/{__version__}"
_DONE = "cross/complete"


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
            hints: Hints | None = None) -> CrossReport:
        """``hints``: lemmas and embeddings workers computed (see :mod:`chronik.runners.hints`)."""
        report = CrossReport()
        articles = {a.id: a for a in store.iter_articles()}
        if not articles:
            return report
        store.put_state(_DONE, b"0")
        changed: set[str] = set()
        articles, changed = self._entities(store, articles, changed, report)
        assignments = self._clusters(store, articles, report, hints)
        changed |= self._pool_dates(articles, assignments, report)
        changed |= {aid for aid, a in articles.items() if not a.events and a.sentences and "events_done" not in a.meta}
        for n, aid in enumerate(sorted(changed), 1):
            article = self.events(articles[aid])
            article = article.replace(meta=dict(article.meta) | {"events_done": True})
            articles[aid] = article
            store.update_article(article)
            report.events += len(article.events)
            if progress:
                progress("events", n, len(changed))
        report.stories = len(self._stories(store, articles, assignments))
        store.put_state(_DONE, b"1")
        return report

    def _entities(self, store: Store, articles: dict[str, Article], changed: set[str], report: CrossReport):
        from chronik.entities import Canonicalizer

        result = Canonicalizer().add(articles[k] for k in sorted(articles))
        store.put_entities(result.entities)
        report.entities = len(result.entities)
        out = dict(articles)
        for linked in result.articles:
            if linked.mentions != articles[linked.id].mentions:
                out[linked.id] = linked  # written once, with its events, by run()
                changed.add(linked.id)
        return out, changed

    def _clusters(self, store: Store, articles: dict[str, Article], report: CrossReport,
                  hints: Hints | None = None) -> dict[str, str]:
        from chronik.clusters.features import FeatureExtractor
        from chronik.clusters.online import EventClusterer

        raw = store.get_state(_STATE)
        clusterer = pickle.loads(raw) if raw else EventClusterer()
        known = clusterer.assignments
        new = [a for k, a in sorted(articles.items()) if k not in known]
        if new:
            from chronik.clusters.embed import Embedder

            extractor = hints.extractor(Embedder()) if hints is not None else FeatureExtractor(embedder=Embedder())
            clusterer.add([extractor.from_article(a) for a in new])
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
