"""TimeML in and out: KRAUTS / TempEval-3 style documents with a DCT and a TEXT element.

Reading gives the plain text of TEXT (entities decoded, tags removed), the DCT value and the
TIMEX3 annotations inside TEXT as character spans of that plain text. Writing puts TIMEX3
tags into TEXT and leaves every other byte of the file as it was: the text is never
re-escaped, tags other than TIMEX3 stay where they were, and tids never collide with the
ones the document already uses (the DCT's ``t0``, or TIMEX3 elements outside TEXT).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from chronik.errors import InputError
from chronik.model import TimeExpr

_TEXT = re.compile(r"(<TEXT\b[^>]*>)(.*?)(</TEXT>)", re.S)
_DCT = re.compile(r"<DCT\b[^>]*>.*?<TIMEX3\b([^>]*)>", re.S)
_TAG = re.compile(r"<(/?)([A-Za-z][\w:.-]*)([^>]*?)(/?)>")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9A-Fa-f]+|\w+);")
_ATTR = re.compile(r'([\w:]+)\s*=\s*"([^"]*)"')
_TID = re.compile(r'\btid\s*=\s*"t(\d+)"')


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of TEXT: literal text (``raw`` as in the file, ``plain`` decoded) or a tag."""

    raw: str
    plain: str
    tag: str | None = None  # element name for tags
    closing: bool = False


@dataclass(frozen=True, slots=True)
class TimeMLDoc:
    """A parsed TimeML document."""

    source: str
    content: str  # the whole file
    text: str  # plain text of TEXT
    dct: str | None
    timexes: tuple[TimeExpr, ...]  # TIMEX3 inside TEXT, spans into ``text``
    pieces: tuple[Piece, ...]
    text_span: tuple[int, int]  # where TEXT's content sits in ``content``


def _attrs(text: str) -> dict[str, str]:
    return {k: html.unescape(v) for k, v in _ATTR.findall(text)}


def parse(content: str, source: str = "<string>") -> TimeMLDoc:
    """Parses a TimeML document (raises :class:`InputError` when it has no TEXT)."""
    m = _TEXT.search(content)
    if not m:
        raise InputError(source, "no <TEXT> element")
    dct_match = _DCT.search(content)
    dct = _attrs(dct_match.group(1)).get("value") if dct_match else None
    body = m.group(2)
    pieces: list[Piece] = []
    pos = 0
    for tag in _TAG.finditer(body):
        if tag.start() > pos:
            chunk = body[pos : tag.start()]
            pieces.append(Piece(chunk, html.unescape(chunk)))
        pieces.append(Piece(tag.group(0), "", tag.group(2), bool(tag.group(1))))
        pos = tag.end()
    if pos < len(body):
        chunk = body[pos:]
        pieces.append(Piece(chunk, html.unescape(chunk)))
    text_parts: list[str] = []
    offset = 0
    timexes = []
    open_timex: list[tuple[int, dict[str, str]]] = []
    for piece in pieces:
        if piece.tag is None:
            text_parts.append(piece.plain)
            offset += len(piece.plain)
        elif piece.tag == "TIMEX3" and not piece.closing and not piece.raw.endswith("/>"):
            open_timex.append((offset, _attrs(piece.raw)))
        elif piece.tag == "TIMEX3" and piece.closing and open_timex:
            start, attrs = open_timex.pop()
            timexes.append(
                TimeExpr(
                    start=start,
                    end=offset,
                    label=attrs.get("type", ""),
                    value=attrs.get("value", "").strip(),
                    mod=attrs.get("mod") or None,
                    quant=attrs.get("quant") or None,
                    freq=attrs.get("freq") or None,
                )
            )
    timexes.sort(key=lambda t: (t.start, t.end))
    return TimeMLDoc(source, content, "".join(text_parts), dct, tuple(timexes), tuple(pieces), m.span(2))


def read(path: str | Path) -> TimeMLDoc:
    path = Path(path)
    try:
        content = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read: {exc}") from exc
    return parse(content, str(path))


def _timex_tag(timex: TimeExpr, tid: int) -> str:
    attrs = [f'tid="t{tid}"', f'type="{timex.label}"', f'value="{html.escape(timex.value, quote=True)}"']
    for name in ("mod", "quant", "freq"):
        value = getattr(timex, name)
        if value:
            attrs.append(f'{name}="{html.escape(value, quote=True)}"')
    return "<TIMEX3 " + " ".join(attrs) + ">"


def write(doc: TimeMLDoc, timexes: Iterable[TimeExpr]) -> str:
    """The document with its TIMEX3 tags in TEXT replaced by ``timexes``.

    Expressions that would cross another element's boundary, or overlap an earlier one,
    are left out rather than producing ill-formed XML.
    """
    used = [int(n) for n in _TID.findall(doc.content[: doc.text_span[0]] + doc.content[doc.text_span[1] :])]
    next_tid = max(used, default=0) + 1
    # plain offsets where other elements sit: a timex may not straddle them
    boundaries = []
    offset = 0
    for piece in doc.pieces:
        if piece.tag is None:
            offset += len(piece.plain)
        elif piece.tag != "TIMEX3":
            boundaries.append(offset)
    opens: dict[int, list[str]] = {}
    closes: dict[int, int] = {}
    last_end = -1
    for timex in sorted(timexes, key=lambda t: (t.start, t.end)):
        if timex.start < last_end or timex.end <= timex.start:
            continue
        if any(timex.start < b < timex.end for b in boundaries):
            continue
        opens.setdefault(timex.start, []).append(_timex_tag(timex, next_tid))
        closes[timex.end] = closes.get(timex.end, 0) + 1
        next_tid += 1
        last_end = timex.end
    out: list[str] = []
    offset = 0

    def emit_at(pos: int, opening: bool) -> None:
        if opening:
            out.extend(opens.pop(pos, []))
        else:
            out.append("</TIMEX3>" * closes.pop(pos, 0))

    for piece in doc.pieces:
        if piece.tag == "TIMEX3":
            continue  # old annotations are replaced
        if piece.tag is not None:
            emit_at(offset, False)
            out.append(piece.raw)
            continue
        # walk the raw chunk, keeping entities intact, and insert tags at plain offsets
        raw = piece.raw
        i = 0
        while i < len(raw):
            emit_at(offset, False)
            emit_at(offset, True)
            entity = _ENTITY.match(raw, i) if raw[i] == "&" else None
            if entity:
                step = len(html.unescape(entity.group(0)))
                out.append(entity.group(0))
                i = entity.end()
                offset += step
            else:
                out.append(raw[i])
                i += 1
                offset += 1
        emit_at(offset, False)
    emit_at(offset, False)
    start, end = doc.text_span
    return doc.content[:start] + "".join(out) + doc.content[end:]
