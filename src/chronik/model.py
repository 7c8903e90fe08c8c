"""chronik's records: one frozen, typed dataclass per concept.

Annotations are character spans (``start``, ``end``) into an article's *cleaned* text plus
a label; :class:`OffsetMap` maps cleaned offsets back to the raw text. Every record
round-trips through ``to_dict``/``from_dict`` (JSON-safe) and pickle, because the
distributed runner ships them between processes.
"""

from __future__ import annotations

import base64
import bisect
import dataclasses
import functools
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping


_PLAIN = (str, int, float, type(None))


def _encode(value: Any) -> Any:
    if isinstance(value, _PLAIN):
        return value
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, bytes):
        return {"$bytes": base64.b64encode(value).decode("ascii")}
    if isinstance(value, (tuple, list)):
        return [_encode(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _encode(v) for k, v in value.items()}
    return value


def _decode(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    decoder = _decoder(hint)
    return value if decoder is None else decoder(value)


@functools.cache
def _decoder(hint: Any) -> Callable[[Any], Any] | None:
    """The function that turns a JSON value (never None) back into a ``hint``-typed one, or
    None where the JSON value is already it; built once per type, as the type decides it."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        inner = _decoder(args[0]) if len(args) == 1 else None
        return None if inner is None else (lambda v: None if v is None else inner(v))
    if isinstance(hint, type) and issubclass(hint, Record):
        return hint.from_dict
    if hint is bytes:
        return lambda v: base64.b64decode(v["$bytes"]) if isinstance(v, dict) else bytes(v)
    if origin is tuple:
        args = typing.get_args(hint)
        item = _decoder(args[0]) if args else None
        if item is None:
            return tuple
        return lambda v: tuple(None if x is None else item(x) for x in v)
    if origin in (dict, Mapping) or hint in (dict, Mapping):
        return dict
    return None


@functools.cache
def _field_hints(cls: type) -> dict[str, Any]:
    """The resolved type of each field of a record class (pure, so memoised per class)."""
    hints = typing.get_type_hints(cls)
    return {f.name: hints[f.name] for f in dataclasses.fields(cls)}


@functools.cache
def _field_decoders(cls: type) -> dict[str, Callable[[Any], Any] | None]:
    return {name: _decoder(hint) for name, hint in _field_hints(cls).items()}


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


class Record:
    """Mixin giving a frozen dataclass JSON-safe ``to_dict``/``from_dict``."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        return {name: _encode(getattr(self, name)) for name in _field_names(type(self))}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]):
        decoders = _field_decoders(cls)
        kwargs = {}
        for k, v in data.items():
            if k in decoders:
                decoder = decoders[k]
                kwargs[k] = v if v is None or decoder is None else decoder(v)
        return cls(**kwargs)

    def replace(self, **changes: Any):
        return dataclasses.replace(self, **changes)


record = dataclass(frozen=True, slots=True, kw_only=True)


@record
class Segment(Record):
    """``text[clean:clean+length] == raw[raw:raw+length]``."""

    clean: int
    raw: int
    length: int


@record
class OffsetMap(Record):
    """Maps offsets in the cleaned text to offsets in the raw text.

    The cleaned text is the concatenation of the raw slices named by ``segments``; the
    segments are sorted and do not overlap on either side.
    """

    segments: tuple[Segment, ...] = ()

    def to_raw(self, offset: int) -> int:
        """Raw offset of cleaned ``offset`` (an end offset maps to the end of its segment)."""
        if not self.segments:
            return offset
        starts = [s.clean for s in self.segments]
        i = max(bisect.bisect_right(starts, offset) - 1, 0)
        seg = self.segments[i]
        if offset > seg.clean + seg.length and i + 1 < len(self.segments):
            seg = self.segments[i + 1]
        return seg.raw + min(max(offset - seg.clean, 0), seg.length)

    def to_raw_span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            raw = self.to_raw(start)
            return raw, raw
        return self.to_raw(start), self.to_raw(end - 1) + 1


@record
class Span(Record):
    """A labelled span of the cleaned text."""

    start: int
    end: int
    label: str = ""


@record
class Token(Record):
    start: int
    end: int
    lemma: str = ""
    pos: str = ""


@record
class Sentence(Record):
    start: int
    end: int


@record
class InferredDate(Record):
    """A publication date with its uncertainty: ``earliest`` <= true date <= ``latest``."""

    value: str | None = None
    earliest: str | None = None
    latest: str | None = None
    method: str = ""


@record
class TimeExpr(Record):
    """A TIMEX3 time expression: ``label`` is DATE, TIME, DURATION or SET."""

    start: int
    end: int
    label: str
    value: str
    mod: str | None = None
    anchor: str | None = None  # the value it was resolved against (usually the DCT)
    quant: str | None = None
    freq: str | None = None


@record
class Mention(Record):
    """An entity mention: ``label`` is PER, ORG, LOC or MISC; ``entity`` its canonical id."""

    start: int
    end: int
    label: str
    entity: str | None = None


@record
class Entity(Record):
    id: str
    name: str
    label: str
    aliases: tuple[str, ...] = ()
    mentions: int = 0


@record
class Actor(Record):
    name: str
    entity: str | None = None
    role: str = ""


@record
class EventTime(Record):
    value: str | None = None
    precision: str = "unknown"


@record
class Event(Record):
    id: str
    article: str
    sentence: int
    trigger: Span
    type: str
    actors: tuple[Actor, ...] = ()
    time: EventTime = field(default_factory=EventTime)
    place: str | None = None
    attribution: str | None = None
    attribution_cue: str | None = None  # the reporting verb or phrase ("sagte", "laut", "teilte ... mit")
    modality: str = "asserted"
    # how sure the extractor is that type and actors are right (0-1; 1.0 when it does not say)
    confidence: float = 1.0


@record
class Article(Record):
    """One news article as stored: raw input, extracted text, cleaned text and annotations.

    ``body`` is the raw text (a ``.txt`` file's decoded text, or the text extracted from
    HTML, a feed item or a JSON line); ``text`` is the cleaned text and ``offsets`` maps it
    back into ``body``; ``raw`` is the input's own bytes, kept so nothing is lost.
    """

    id: str
    source: str
    format: str
    body: str
    raw: bytes = b""
    text: str = ""
    offsets: OffsetMap = field(default_factory=OffsetMap)
    header_end: int = 0
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    published_inferred: InferredDate | None = None
    lang: str | None = None
    sentences: tuple[Sentence, ...] = ()
    removed: tuple[Span, ...] = ()  # boilerplate spans of ``body``, labelled by rule
    timexes: tuple[TimeExpr, ...] = ()
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    meta: Mapping[str, Any] = field(default_factory=dict)

    def span_text(self, span: Span | Sentence | Mention | TimeExpr | Token) -> str:
        return self.text[span.start : span.end]

    def headline(self, width: int = 100) -> str:
        """The title, else the first line of the cleaned text, cut to ``width`` characters."""
        line = self.title or next((ln.strip() for ln in self.text.splitlines() if ln.strip()), "")
        return line if len(line) <= width else line[: width - 1].rstrip() + "…"


@record
class CopySpan(Record):
    article: str
    start: int
    end: int


@record
class Copy(Record):
    """A passage shared by two or more articles (wire copy), with where it stands."""

    id: str
    text: str
    spans: tuple[CopySpan, ...]
    first: str | None = None  # the article that published it first, where dates allow
    first_reason: str = ""


@record
class NearDuplicate(Record):
    a: str
    b: str
    similarity: float


@record
class Rejection(Record):
    """An input that was not stored: which file, at which stage, and why."""

    source: str
    stage: str
    reason: str


@record
class ClusterArticle(Record):
    id: str
    source: str


@record
class Cluster(Record):
    id: str
    story: str | None = None
    articles: tuple[ClusterArticle, ...] = ()


@record
class Story(Record):
    id: str
    title: str = ""
    clusters: tuple[str, ...] = ()


@record
class TimelineEntry(Record):
    """One dated line of a chronicle: an event cluster, or a background fact kept apart.

    ``precision`` is day, week, month, quarter, year or undated (then ``after`` names the
    latest earlier date the entry must follow); ``kind`` is ``event``, ``background`` or
    ``planned`` (an event reported as planned for a later date).
    """

    date: str | None
    precision: str
    summary: str
    actors: tuple[str, ...] = ()
    place: str | None = None
    articles: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    kind: str = "event"
    cluster: str | None = None
    story: str | None = None
    confidence: float = 0.0
    after: str | None = None
    date_method: str = ""
