"""Cut an article's text into pieces for highlighting, however its spans overlap.

Every span boundary (entity mentions, time expressions, shared passages) starts a new
piece; each piece knows which spans cover it, so the template can wrap it in ``<mark>``
and passage elements without crossing tags. Text stays plain: the template escapes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence


@dataclass(slots=True, kw_only=True)
class Piece:
    text: str
    start: int
    mention: dict[str, Any] | None = None
    timex: dict[str, Any] | None = None
    copy: dict[str, Any] | None = None
    copy_starts: list[dict[str, Any]] = field(default_factory=list)  # passages beginning here (for links)


def _cover(spans: Sequence[dict[str, Any]], start: int, end: int) -> dict[str, Any] | None:
    """The shortest span covering ``[start, end)``."""
    best = None
    for s in spans:
        if s["start"] <= start and end <= s["end"] and (best is None or s["end"] - s["start"] < best["end"] - best["start"]):
            best = s
    return best


def pieces(text: str, *, mentions: Sequence[dict[str, Any]] = (), timexes: Sequence[dict[str, Any]] = (),
           copies: Sequence[dict[str, Any]] = ()) -> list[Piece]:
    """``text`` cut at every span boundary; the pieces concatenate back to ``text``."""
    n = len(text)
    valid = [s for s in (*mentions, *timexes, *copies) if 0 <= s["start"] < s["end"] <= n]
    cuts = sorted({0, n, *(s["start"] for s in valid), *(s["end"] for s in valid)})
    mentions = [s for s in mentions if s in valid]
    timexes = [s for s in timexes if s in valid]
    copies = [s for s in copies if s in valid]
    out = []
    for start, end in zip(cuts, cuts[1:]):
        out.append(Piece(text=text[start:end], start=start, mention=_cover(mentions, start, end),
                         timex=_cover(timexes, start, end), copy=_cover(copies, start, end),
                         copy_starts=[c for c in copies if c["start"] == start]))
    return out
