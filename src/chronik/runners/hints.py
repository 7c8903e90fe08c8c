"""The per-article half of the cross-article stages, done where the article was annotated.

The cross-article stages compare articles with each other, but most of what they need is a
function of one article: its dedup sketch (words, k-gram hashes, fingerprints, MinHash
signature), its local entities (names split, title references added, mentions grouped within
the article), its events, and the lemmas and lead embedding the event clusterer reads.
:class:`Preparer` computes all of it right after the per-article stages (on a Dask worker, or
in the local runner: both runners take the same path, so their stores agree) and returns the
article ready to store plus its :class:`Hints` for the process that merges.

Mentions of a prepared article carry provisional entity ids ``~k`` (k: the local entity they
belong to) and that local entity's label, and the actors of its events carry the same ids; the cross-article stage replaces them with
canonical ids (:func:`relink`). A hint is used only for the text it was computed from (its
digest is checked); otherwise the merging process computes the same thing itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

import numpy as np

from chronik.dedup.detector import Deduplicator, Sketch, text_digest
from chronik.errors import ConfigError
from chronik.model import Article

PREPARED = "prepared"  # meta key: the article went through Preparer (names split, events found)
SEP = "\x1f"  # joins an article's lemmas (a unit separator never occurs in a lemma)


@dataclass(slots=True)
class Hints:
    """What the preparing process computed for one article, for the merging one."""

    digest: bytes  # of the article's text, to check the hint belongs to it
    sketch: Sketch | None = None
    local: tuple | None = None  # tuple[LocalEntity, ...]
    lemmas: str | None = None  # joined by SEP: one string travels cheaper than hundreds
    embedding: np.ndarray | None = None  # float64: gives back the very floats it was made of
    names: tuple[str, ...] = ()  # capitalised names, for an article without mentions
    lead: tuple | None = None  # FeatureExtractor.lead: the lead's locative mentions and weekdays

    def content(self) -> tuple[tuple[str, ...], tuple[float, ...], tuple[str, ...]] | None:
        """What :meth:`FeatureExtractor.content` returned, as ``from_article`` takes it back."""
        if self.lemmas is None or self.embedding is None:
            return None
        return (tuple(self.lemmas.split(SEP)) if self.lemmas else ()), tuple(self.embedding.tolist()), self.names

    def fits(self, article: Article) -> bool:
        return self.digest == text_digest(article.text)


def provisional(article: Article, local: tuple) -> Article:
    """Mentions get the id ``~k`` of the local entity k they belong to, and its label."""
    mentions = list(article.mentions)
    for k, entity in enumerate(local):
        for i in entity.mentions:
            mentions[i] = mentions[i].replace(entity=f"~{k}", label=entity.label)
    return article.replace(mentions=tuple(mentions))


def relink(before: Article, linked: Article) -> Article:
    """``linked`` (``before`` with canonical mention ids) with its events' actors relinked too:
    an actor carries the id of the mention it came from, so the old id maps to the new one."""
    if len(before.mentions) != len(linked.mentions):
        raise ValueError(f"article {linked.id}: mentions changed while linking")
    new_ids: dict[str, str] = {}
    for old, new in zip(before.mentions, linked.mentions):
        if old.entity and new.entity:
            new_ids.setdefault(old.entity, new.entity)
    events = tuple(
        e.replace(actors=tuple(a.replace(entity=new_ids.get(a.entity, a.entity)) if a.entity else a
                               for a in e.actors))
        for e in linked.events)
    return linked.replace(events=events) if events != linked.events else linked


class Preparer:
    """Prepares annotated articles for the cross-article stages; one per process (it holds
    the gazetteers, the event lexicon and, with ``features``, the embedding model)."""

    def __init__(self, *, features: bool = True) -> None:
        from chronik.entities import Canonicalizer
        from chronik.events.extractor import EventExtractor

        self.canonical = Canonicalizer()
        self.events = EventExtractor()
        self.dedup = Deduplicator()
        self.features = None
        if features:
            from chronik.clusters.embed import Embedder
            from chronik.clusters.features import FeatureExtractor

            self.features = FeatureExtractor(embedder=Embedder())

    def __call__(self, article: Article) -> tuple[Article, Hints]:
        return self.many([article])[0]

    def many(self, articles: Sequence[Article]) -> list[tuple[Article, Hints]]:
        """Each article prepared, step by step over the batch (entities, then events, then the
        rest; as :meth:`chronik.pipeline.Pipeline.run_many` runs the stages)."""
        staged = [self.canonical.prepare(article) for article in articles]
        events = [self.events(provisional(prepared, local)) for prepared, local in staged]
        return [self._finish(prepared, local) for prepared, (_, local) in zip(events, staged)]

    def _finish(self, prepared: Article, local: tuple) -> tuple[Article, Hints]:  # local: tuple[LocalEntity, ...]
        prepared = prepared.replace(meta=dict(prepared.meta) | {PREPARED: True, "events_done": True})
        hints = Hints(digest=text_digest(prepared.text), sketch=self.dedup.sketch(prepared), local=local)
        if self.features is not None:
            try:
                lemmas, embedding, names = self.features.content(prepared)
            except ConfigError:  # no embedding package here: the merging process tries
                pass
            else:
                if all(lemma and SEP not in lemma for lemma in lemmas):  # else it could not be split back
                    hints.lemmas, hints.embedding = SEP.join(lemmas), np.asarray(embedding, dtype=np.float64)
                    hints.names = names
            hints.lead = self.features.lead(prepared)
        return prepared, hints


def take_sketches(hints: Mapping[str, Hints]) -> dict[str, Sketch]:
    """The dedup sketches among ``hints``, taken out of them (dedup needs them once; the
    deduplicator checks their digests itself)."""
    out = {}
    for aid, h in hints.items():
        if h.sketch is not None:
            out[aid], h.sketch = h.sketch, None
    return out
