"""The event gold set and its scorer.

The gold file (``tests/events/gold/sentences.jsonl``) holds one JSON object per sentence:
references into ``../shared/data`` (``corpus``, ``doc``, ``start``, ``end``), ``stratum`` and
``split``, the document's ``dct``, the annotated ``events`` (``type``, ``trigger`` with its
absolute ``trigger_start``, ``actors`` as ``name``/``role``, ``time``, ``attribution`` and its ``attribution_cue``,
``modality``) and, for corpora without entity annotation (KRAUTS), the sentence's entity
``mentions``. The text itself is never stored: :func:`check_gold` verifies that every trigger
and mention is found at its offsets in the corpus text.

Matching: a predicted event matches a gold event of the same sentence whose trigger it
overlaps; left-overs of the same type in the same sentence are paired next. A predicted event is
*correct* when its type and its actors (names and roles, as sets) agree with its match.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from chronik.events.corpora import Document
from chronik.model import Actor, Event, EventTime, Mention, Span

FIELDS = ("type", "actors", "time", "attribution", "cue", "modality")
_STOP = frozenset({"der", "die", "das", "des", "den", "dem", "und", "von", "fur", "the", "of"})


@dataclass(frozen=True, slots=True)
class GoldEvent:
    type: str
    trigger: str
    trigger_start: int
    actors: tuple[tuple[str, str], ...]
    time: str | None
    attribution: str | None
    modality: str
    attribution_cue: str | None = None


@dataclass(frozen=True, slots=True)
class GoldSentence:
    id: str
    corpus: str
    doc: str
    start: int
    end: int
    stratum: str
    split: str
    dct: str | None
    events: tuple[GoldEvent, ...]
    mentions: tuple[Mention, ...] | None = None


def load_gold(path: str | Path) -> list[GoldSentence]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            d = json.loads(line)
            events = tuple(
                GoldEvent(type=e["type"], trigger=e["trigger"], trigger_start=e["trigger_start"],
                          actors=tuple((a["name"], a["role"]) for a in e["actors"]), time=e["time"],
                          attribution=e["attribution"], modality=e["modality"],
                          attribution_cue=e.get("attribution_cue"))
                for e in d["events"])
            mentions = None
            if "mentions" in d:
                mentions = tuple(Mention(start=m["start"], end=m["end"], label=m["label"]) for m in d["mentions"])
            out.append(GoldSentence(id=d["id"], corpus=d["corpus"], doc=d["doc"], start=d["start"], end=d["end"],
                                    stratum=d["stratum"], split=d["split"], dct=d.get("dct"), events=events,
                                    mentions=mentions))
    return out


def check_gold(gold: Sequence[GoldSentence], docs: Mapping[tuple[str, str], Document],
               raw_mentions: Mapping[str, Sequence[str]] | None = None) -> list[str]:
    """Problems with the gold set against the corpus texts (empty when all is well)."""
    problems = []
    seen: set[str] = set()
    for s in gold:
        if s.id in seen:
            problems.append(f"{s.id}: the id is used twice")
        seen.add(s.id)
        doc = docs.get((s.corpus, s.doc))
        if doc is None:
            problems.append(f"{s.id}: document {s.corpus}/{s.doc} not found")
            continue
        if not 0 <= s.start < s.end <= len(doc.text):
            problems.append(f"{s.id}: offsets {s.start}-{s.end} outside the document")
            continue
        for e in s.events:
            if doc.text[e.trigger_start:e.trigger_start + len(e.trigger)] != e.trigger:
                problems.append(f"{s.id}: trigger {e.trigger!r} not at {e.trigger_start}")
            if not s.start <= e.trigger_start < s.end:
                problems.append(f"{s.id}: trigger {e.trigger!r} outside the sentence")
    return problems


def load_second(path: str | Path, gold: Sequence[GoldSentence]) -> tuple[list[GoldSentence], list[GoldSentence]]:
    """A second annotator's events for some gold sentences (lines of ``id`` and ``events``, fields
    as in the gold file): the sentences it covers with the first annotator's events, and the same
    sentences with the second's, in the file's order."""
    by_id = {s.id: s for s in gold}
    first, second = [], []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            row = json.loads(line)
            s = by_id.get(row["id"])
            if s is None:
                raise ValueError(f"{path}:{n}: sentence {row['id']!r} is not in the gold set")
            first.append(s)
            second.append(replace(s, events=tuple(
                GoldEvent(type=e["type"], trigger=e["trigger"], trigger_start=e["trigger_start"],
                          actors=tuple((a["name"], a["role"]) for a in e["actors"]), time=e.get("time"),
                          attribution=e.get("attribution"), modality=e["modality"],
                          attribution_cue=e.get("attribution_cue"))
                for e in row["events"])))
    return first, second


def as_events(sentence: GoldSentence) -> list[Event]:
    """A sentence's annotated events as the extractor's records, to score one annotator as a system."""
    return [Event(id=f"{sentence.id}-{k}", article=sentence.doc, sentence=0,
                  trigger=Span(start=e.trigger_start, end=e.trigger_start + len(e.trigger)), type=e.type,
                  actors=tuple(Actor(name=name, role=role) for name, role in e.actors),
                  time=EventTime(value=e.time), attribution=e.attribution, attribution_cue=e.attribution_cue,
                  modality=e.modality)
            for k, e in enumerate(sentence.events)]


def fold(name: str) -> str:
    name = unicodedata.normalize("NFKC", name).lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        name = name.replace(a, b)
    return re.sub(r"[^a-z0-9]+", " ", name).strip()


def _words(name: str) -> set[str]:
    out = set()
    for w in fold(name).split():
        if w in _STOP or len(w) < 2:
            continue
        out.add(w[:-1] if len(w) > 4 and w.endswith("s") else w)
    return out


def same_name(a: str | None, b: str | None) -> bool:
    """Loose name match: one contains the other, or they share a word (genitive folded)."""
    if not a or not b:
        return False
    fa, fb = fold(a), fold(b)
    if fa and fb and (fa in fb or fb in fa):
        return True
    return bool(_words(a) & _words(b))


def same_cue(gold: str | None, predicted: str | None) -> bool:
    """The reporting verb or phrase as written, compared word for word (case and the "..." of a
    separable verb ignored): "teilte ... mit" == "teilte mit"; both absent counts as agreement."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    return fold(gold.replace("...", " ")).split() == fold(predicted.replace("...", " ")).split()


def same_actors(gold: Iterable[tuple[str, str]], predicted: Iterable[tuple[str, str]]) -> bool:
    gold, predicted = list(gold), list(predicted)
    if len(gold) != len(predicted):
        return False
    left = list(gold)
    for name, role in predicted:
        hit = next((g for g in left if g[1] == role and same_name(g[0], name)), None)
        if hit is None:
            return False
        left.remove(hit)
    return True


@dataclass
class Tally:
    predicted: int = 0
    gold: int = 0
    correct: Counter = field(default_factory=Counter)  # field -> count of correct predicted events

    def add(self, other: "Tally") -> None:
        self.predicted += other.predicted
        self.gold += other.gold
        self.correct.update(other.correct)

    def prf(self, key: str) -> tuple[float, float, float]:
        c = self.correct[key]
        p = c / self.predicted if self.predicted else 1.0
        r = c / self.gold if self.gold else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def to_dict(self) -> dict:
        out: dict = {"predicted": self.predicted, "gold": self.gold}
        for key in ("detected", "type", "type+actors", "time", "attribution", "cue", "modality", "all"):
            p, r, f = self.prf(key)
            out[key] = {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "correct": self.correct[key]}
        return out


@dataclass
class Report:
    total: Tally = field(default_factory=Tally)
    by: dict[str, dict[str, Tally]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(Tally)))
    errors: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"total": self.total.to_dict(),
                **{dim: {k: v.to_dict() for k, v in sorted(groups.items())} for dim, groups in self.by.items()}}


def _match(gold: Sequence[GoldEvent], predicted: Sequence[Event]) -> list[tuple[GoldEvent | None, Event | None]]:
    pairs: list[tuple[GoldEvent | None, Event | None]] = []
    left_g = list(gold)
    left_p = list(predicted)
    for p in list(left_p):
        hit = next((g for g in left_g if p.trigger.start < g.trigger_start + len(g.trigger)
                    and g.trigger_start < p.trigger.end), None)
        if hit is not None:
            pairs.append((hit, p))
            left_g.remove(hit)
            left_p.remove(p)
    for p in list(left_p):
        hit = next((g for g in left_g if g.type == p.type), None)
        if hit is not None:
            pairs.append((hit, p))
            left_g.remove(hit)
            left_p.remove(p)
    pairs += [(g, None) for g in left_g] + [(None, p) for p in left_p]
    return pairs


def correct_events(sentence: GoldSentence, predicted: Sequence[Event]) -> set[int]:
    """Indices of the predicted events that are right in type and actors against the sentence's
    annotation (the matching of :func:`score`)."""
    right = {id(p) for g, p in _match(sentence.events, predicted)
             if g is not None and p is not None and g.type == p.type
             and same_actors(g.actors, [(a.name, a.role) for a in p.actors])}
    return {k for k, p in enumerate(predicted) if id(p) in right}


def score_sentence(sentence: GoldSentence, predicted: Sequence[Event]) -> tuple[Tally, list[dict]]:
    tally = Tally(predicted=len(predicted), gold=len(sentence.events))
    errors = []
    for g, p in _match(sentence.events, predicted):
        if g is None or p is None:
            errors.append({"id": sentence.id, "gold": _show_gold(g), "predicted": _show_event(p)})
            continue
        tally.correct["detected"] += 1
        if g.type != p.type:
            errors.append({"id": sentence.id, "gold": _show_gold(g), "predicted": _show_event(p)})
            continue
        ok = {
            "type": True,
            "actors": same_actors(g.actors, [(a.name, a.role) for a in p.actors]),
            "time": g.time is None or (p.time.value or "") == g.time,
            "attribution": (g.attribution is None and p.attribution is None) or same_name(g.attribution, p.attribution),
            "cue": same_cue(g.attribution_cue, p.attribution_cue),
            "modality": g.modality == p.modality,
        }
        tally.correct["type"] += 1
        for key in ("time", "attribution", "cue", "modality"):
            tally.correct[key] += ok[key]
        tally.correct["type+actors"] += ok["actors"]
        tally.correct["all"] += all(ok.values())
        if not all(ok.values()):
            errors.append({"id": sentence.id, "wrong": [k for k, v in ok.items() if not v],
                           "gold": _show_gold(g), "predicted": _show_event(p)})
    return tally, errors


def score(gold: Sequence[GoldSentence], predicted: Mapping[str, Sequence[Event]]) -> Report:
    """Scores predicted events (by gold sentence id) against the gold set."""
    report = Report()
    for s in gold:
        tally, errors = score_sentence(s, predicted.get(s.id, ()))
        report.total.add(tally)
        for dim, key in (("split", s.split), ("corpus", s.corpus), ("stratum", s.stratum)):
            report.by[dim][key].add(tally)
        for e in s.events:
            report.by["gold_type"][e.type].gold += 1
        for p in predicted.get(s.id, ()):
            report.by["gold_type"][p.type].predicted += 1
        report.errors.extend(errors)
    for s in gold:
        t, _ = score_sentence(s, predicted.get(s.id, ()))
        for g, p in _match(s.events, predicted.get(s.id, ())):
            if g is not None and p is not None and g.type == p.type:
                bucket = report.by["gold_type"][g.type]
                bucket.correct["type"] += 1
                bucket.correct["type+actors"] += same_actors(g.actors, [(a.name, a.role) for a in p.actors])
    return report


def _show_gold(g: GoldEvent | None) -> dict | None:
    if g is None:
        return None
    return {"type": g.type, "trigger": g.trigger, "actors": [list(a) for a in g.actors], "time": g.time,
            "attribution": g.attribution, "attribution_cue": g.attribution_cue, "modality": g.modality}


def _show_event(p: Event | None) -> dict | None:
    if p is None:
        return None
    return {"type": p.type, "trigger": [p.trigger.start, p.trigger.end],
            "actors": [[a.name, a.role] for a in p.actors], "time": p.time.value,
            "attribution": p.attribution, "attribution_cue": p.attribution_cue, "modality": p.modality}
