"""Events as JSON for ``chronik export events`` (DESIGN.md)."""

from __future__ import annotations

from typing import Any, Mapping

from chronik.model import Article, Event


def event_to_json(article: Article, event: Event, names: Mapping[str, str] | None = None) -> dict[str, Any]:
    """One event mention: ``article``, ``sentence`` (its text; ``sentence_index``), ``trigger``
    (its text; ``trigger_span``), ``type``, ``actors`` (``name``, ``entity``, ``role``), ``time``
    (``value``, ``precision``), ``place``, ``attribution`` and its ``attribution_cue`` (the reporting
    verb or phrase), ``modality``, ``confidence`` (0-1: how sure the extractor is that type and actors
    are right). ``names`` (entity id ->
    canonical name) renames actors whose mention carries an entity id."""
    names = names or {}
    sentence = article.sentences[event.sentence] if 0 <= event.sentence < len(article.sentences) else None
    return {
        "id": event.id,
        "article": event.article,
        "sentence": article.text[sentence.start:sentence.end] if sentence else None,
        "sentence_index": event.sentence,
        "trigger": article.text[event.trigger.start:event.trigger.end],
        "trigger_span": [event.trigger.start, event.trigger.end],
        "type": event.type,
        "actors": [{"name": names.get(a.entity, a.name) if a.entity else a.name, "entity": a.entity, "role": a.role}
                   for a in event.actors],
        "time": {"value": event.time.value, "precision": event.time.precision},
        "place": event.place,
        "attribution": event.attribution,
        "attribution_cue": event.attribution_cue,
        "modality": event.modality,
        "confidence": event.confidence,
    }


def events_to_json(article: Article, names: Mapping[str, str] | None = None) -> list[dict[str, Any]]:
    """The article's event mentions as JSON-safe dicts, in text order."""
    return [event_to_json(article, e, names) for e in sorted(article.events, key=lambda e: e.trigger.start)]
