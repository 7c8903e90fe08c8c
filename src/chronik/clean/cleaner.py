"""Boilerplate removal with an offset map back to the raw text.

The cleaned text is a concatenation of slices of the article's ``body``: whole lines are
dropped by the first matching *line rule*, parts of lines by *inline rules*, runs of blank
lines collapse to one, and every removal is recorded as a labelled span of the body. The
rules are general (line shape, a small multilingual lexicon, repetition inside the article
and across articles of one outlet), not strings taken from particular pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from typing import Callable, Mapping

from chronik.model import Article, OffsetMap, Segment, Span

_WS = re.compile(r"\s+")


def normalise_line(line: str) -> str:
    """The form lines are compared in: whitespace collapsed, ends stripped."""
    return _WS.sub(" ", line).strip()


def data_lines(name: str) -> list[str]:
    """The lines of data file ``name`` of this package, stripped, without blanks and comments."""
    text = resources.files("chronik.clean").joinpath(name).read_text("utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


@dataclass(frozen=True, slots=True, kw_only=True)
class CleanerOptions:
    # the lexicon of calls to action only removes lines up to this many words
    max_boilerplate_words: int = 40
    # a line repeating another line (or part of a longer one) is dropped from this length on
    repeat_min_chars: int = 25
    # per outlet: normalised lines seen in several articles of that outlet (see boilerplate.py)
    outlet_boilerplate: Mapping[str, frozenset[str]] = field(default_factory=dict)


@dataclass(slots=True)
class _Line:
    start: int  # body offsets, without the newline
    end: int
    text: str
    drop: str | None = None  # the rule that dropped it
    cut: list[tuple[int, int, str]] = field(default_factory=list)  # inline removals (body offsets)

    @property
    def norm(self) -> str:
        return normalise_line(self.text)


class Cleaner:
    """Per-article stage: fills ``text``, ``offsets`` and ``removed`` from ``body``."""

    name = "clean"
    requires = ("body", "header_end")
    assigns = ("text", "offsets", "removed")

    def __init__(self, options: CleanerOptions | None = None) -> None:
        self.options = options or CleanerOptions()

    # -- data --------------------------------------------------------------------------
    @cached_property
    def _calls(self) -> re.Pattern:
        return re.compile("|".join(f"(?:{p})" for p in data_lines("calls_to_action.txt")), re.I)

    @cached_property
    def _agencies(self) -> str:
        names = sorted(data_lines("agencies.txt"), key=len, reverse=True)
        return "|".join(re.escape(n) for n in names)

    @cached_property
    def _glued_agency(self) -> re.Pattern:
        # a credit right after a sentence, before the next sentence or the line end: a known
        # agency ("… getroffen. AFP"), a name with slashes ("… ab. Lea Roth/Pool XY/AP"), or
        # at the line end any short all-caps agency code ("… stand. APN")
        return re.compile(
            rf"(?<=[.!?»“\"])[ \t]+(?:(?:{self._agencies})(?:/[\w-]+)*"
            rf"|[A-ZÄÖÜ][\w.'’-]*(?: [\w.'’&-]+){{0,5}}/[\w.'’& -]*?(?:{self._agencies}|Pool[\w ]*)"
            rf"|[A-ZÄÖÜ]{{2,5}}(?=[ \t]*$))"
            rf"(?=[ \t]+[A-ZÄÖÜ„\"«»]|[ \t]*$)"
        )

    @cached_property
    def _signature(self) -> re.Pattern:
        return re.compile(rf"^\(?\s*(?:{self._agencies}|red|sda|dpa|afp|ap)(?:\s*[/,]\s*[\w-]{{2,12}})*\s*\)?$", re.I)

    @cached_property
    def _credit_line(self) -> re.Pattern:
        # "Vorname Name/Pool Agentur/AP": capitalised words joined by slashes, no sentence
        return re.compile(r"^[A-ZÄÖÜ][\w.'’-]*(?: [\w.'’&-]+){0,6}(?:\s*/\s*[\w.'’&-]+(?: [\w.'’&-]+){0,4}){1,4}$")

    # -- rules -------------------------------------------------------------------------
    @cached_property
    def line_rules(self) -> tuple[tuple[str, Callable[[str, str | None], bool]], ...]:
        """Ordered, named line rules; the first that matches drops the line."""
        return (
            ("gallery_counter", lambda s, _o: bool(_GALLERY_LINE.match(s))),
            ("photo_credit", self._is_photo_credit),
            ("caption_credit", self._is_caption_with_agency),
            ("publication_stub", lambda s, _o: bool(_STUB.match(s))),
            ("agency_signature", lambda s, _o: bool(self._signature.match(s))),
            ("call_to_action", self._is_call_to_action),
            ("outlet_repeat", self._is_outlet_repeat),
        )

    def _is_photo_credit(self, s: str, _outlet: str | None) -> bool:
        if _PHOTO_MARK.search(s):
            return True
        if len(s) > 90 or s[-1:] in ".!?:\"“»" or "/" not in s:
            return False
        if not self._credit_line.match(s):
            return False
        parts = [p.strip() for p in s.split("/")]
        return any(re.fullmatch(rf"(?:{self._agencies})|Pool.*|.*Pool|Fotos?|Archiv", p) for p in parts)

    def _is_caption_with_agency(self, s: str, _outlet: str | None) -> bool:
        hits = list(self._glued_agency.finditer(s))
        # a name/agency credit marks a caption anywhere; a bare agency name only twice or at the end
        return any("/" in m.group() for m in hits) or len(hits) >= 2 or (
            len(hits) == 1 and not s[hits[0].end():].strip())

    def _is_call_to_action(self, s: str, _outlet: str | None) -> bool:
        return len(s.split()) <= self.options.max_boilerplate_words and bool(self._calls.search(s))

    def _is_outlet_repeat(self, s: str, outlet: str | None) -> bool:
        known = self.options.outlet_boilerplate.get(outlet or "", frozenset())
        return len(s.split()) <= 15 and normalise_line(s) in known

    # -- cleaning ----------------------------------------------------------------------
    def __call__(self, article: Article) -> Article:
        text, offsets, removed = self.clean(article.body, article.header_end, outlet=article.outlet)
        return article.replace(text=text, offsets=offsets, removed=removed)

    def clean(self, body: str, header_end: int = 0, *, outlet: str | None = None) -> tuple[str, OffsetMap, tuple[Span, ...]]:
        lines = self._lines(body, header_end)
        for line in lines:
            s = line.text.strip()
            if not s:
                continue
            line.drop = next((name for name, rule in self.line_rules if rule(s, outlet)), None)
            if line.drop is None:
                m = _GALLERY_LEAD.match(line.text)
                if m and _ordered_counter(m.group(1), m.group(2)):
                    line.cut.append((line.start, line.start + m.end(), "gallery_counter"))
        self._drop_repeats(lines)
        return self._assemble(body, header_end, lines)

    @staticmethod
    def _lines(body: str, header_end: int) -> list[_Line]:
        out = []
        pos = header_end
        for raw in body[header_end:].split("\n"):
            out.append(_Line(start=pos, end=pos + len(raw), text=raw))
            pos += len(raw) + 1
        return out

    def _drop_repeats(self, lines: list[_Line]) -> None:
        """Captions, teasers and kickers that repeat another line of the same article."""
        kept = [ln for ln in lines if ln.drop is None and ln.text.strip()]
        norms = [ln.norm for ln in kept]
        bare = [n.rstrip(".!?…") for n in norms]  # a teaser may end where its sentence went on
        minimum = self.options.repeat_min_chars
        for i, line in enumerate(kept):
            n = norms[i]
            if len(n) < minimum or len(n) > 600:
                continue
            for j, other in enumerate(norms):
                if i == j:
                    continue
                if (len(other) > len(n) and bare[i] in other) or (j < i and other == n):
                    line.drop = "repeated_line"
                    break
                if j < i and _shares_tail(n, other, minimum):
                    line.drop = "repeated_line"
                    break

    @staticmethod
    def _assemble(body: str, header_end: int, lines: list[_Line]) -> tuple[str, OffsetMap, tuple[Span, ...]]:
        removed: list[Span] = []
        if header_end:
            removed.append(Span(start=0, end=header_end, label="header"))
        pieces: list[tuple[int, int]] = []  # raw spans kept, in order
        blank_since = None  # body offset of the newline of the first blank line seen since the last kept line
        have_text = False
        for line in lines:
            if line.drop:
                removed.append(Span(start=line.start, end=line.end, label=line.drop))
                continue
            if not line.text.strip():
                if have_text and blank_since is None:
                    blank_since = line.end
                continue
            spans = _subtract((line.start, line.end), [(a, b) for a, b, _ in line.cut])
            removed.extend(Span(start=a, end=b, label=lab) for a, b, lab in line.cut)
            spans = [s for s in (_strip(body, a, b) for a, b in spans) if s[1] > s[0]]
            if not spans:
                continue
            if have_text:
                pieces.append((prev_end, prev_end + 1))  # the previous kept line's newline
                if blank_since is not None and blank_since < len(body):
                    pieces.append((blank_since, blank_since + 1))
            pieces.extend(spans)
            prev_end = line.end
            have_text = True
            blank_since = None
        segments: list[Segment] = []
        out: list[str] = []
        clean = 0
        for a, b in pieces:
            if segments and segments[-1].raw + segments[-1].length == a:
                last = segments[-1]
                segments[-1] = Segment(clean=last.clean, raw=last.raw, length=last.length + b - a)
            else:
                segments.append(Segment(clean=clean, raw=a, length=b - a))
            out.append(body[a:b])
            clean += b - a
        return "".join(out), OffsetMap(segments=tuple(segments)), tuple(removed)


def _strip(body: str, a: int, b: int) -> tuple[int, int]:
    while a < b and body[a].isspace():
        a += 1
    while b > a and body[b - 1].isspace():
        b -= 1
    return a, b


def _subtract(span: tuple[int, int], cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out, pos = [], span[0]
    for a, b in sorted(cuts):
        if a > pos:
            out.append((pos, a))
        pos = max(pos, b)
    if pos < span[1]:
        out.append((pos, span[1]))
    return out


def _shares_tail(a: str, b: str, minimum: int) -> bool:
    """``a`` is ``b``'s ending with a short kicker or dateline glued in front."""
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n >= minimum and n >= 0.75 * len(a)


def _ordered_counter(a: str, b: str) -> bool:
    return 0 < int(a) <= int(b)


_GALLERY_LINE = re.compile(r"^\s*(\d{1,3})\s*/\s*(\d{1,3})\s*$")
_GALLERY_LEAD = re.compile(r"^\s*(\d{1,3})\s*/\s*(\d{1,3})[ \t]+(?=[A-ZÄÖÜ„\"«»])")
_PHOTO_MARK = re.compile(r"©|\(c\)\s|^\s*(?:Fotos?|Bild(?:er)?|Photos?|Image|Quelle)\s*:|(?:Fotos?|Bild)\s*:\s*[^.]{2,60}$", re.I)
_STUB = re.compile(
    r"^(?:publiziert|veröffentlicht|aktualisiert|erstellt|stand|published|updated|last updated|zuletzt aktualisiert)"
    r"(?:\s*(?:am|um|on|at|:|,|\||-|\d{1,4}[./:-]?|[A-Za-zÄÖÜäöü]+\.?(?=\s+\d)|uhr|h))*\s*$",
    re.I,
)
