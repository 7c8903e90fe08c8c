"""Timeline entries as vis-timeline items: each date spans exactly what is known of it.

A day is a point; a week, month, quarter or year is a range over the whole period, so a
month-precision event is never drawn as if it happened on the first. Undated entries go into
a lane of their own, placed after the date they are known to follow (or at the start of the
story) only so that they can be drawn; the lane says that the position means nothing.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any, Callable, Iterable, Mapping

DATED, UNDATED = "dated", "undated"


def _next_month(year: int, month: int) -> date:
    return date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)


def period(value: str | None, precision: str) -> tuple[date, date] | None:
    """``(start, end)`` of a timeline date (end exclusive; equal for a day), or None if unreadable."""
    if not value:
        return None
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
        try:
            start = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        except ValueError:
            return None
        return start, start + timedelta(days=7)
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
        year, q = int(m[1]), int(m[2])
        return date(year, 3 * q - 2, 1), _next_month(year, 3 * q)
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not m:
        return None
    year = int(m[1])
    try:
        if precision == "day" and m[3]:
            day = date(year, int(m[2]), int(m[3]))
            return day, day
        if precision in ("day", "month", "week", "quarter") and m[2]:
            month = int(m[2])
            if precision == "quarter":
                first = 3 * ((month - 1) // 3) + 1
                return date(year, first, 1), _next_month(year, first + 2)
            return date(year, month, 1), _next_month(year, month)
        return date(year, 1, 1), date(year + 1, 1, 1)
    except ValueError:
        return None


def _label(summary: str, limit: int = 60) -> str:
    summary = " ".join(summary.split())
    return summary if len(summary) <= limit else summary[: limit - 1].rstrip() + "…"


def items(entries: Iterable[Mapping[str, Any]], show_date: Callable[[str | None, str], str],
          fallback: str | None) -> list[dict[str, Any]]:
    """One item per entry, ``id`` = its position in ``entries`` (the list anchors are ``entry-<id>``).

    ``show_date(value, precision)`` renders a date for the tooltip; ``fallback`` (ISO day) places
    undated entries that follow no known date. Entries whose date cannot be read count as undated.
    """
    out: list[dict[str, Any]] = []
    for i, e in enumerate(entries):
        span = period(e.get("date"), e.get("precision") or "")
        summary = e.get("summary") or ""
        item: dict[str, Any] = {"id": i, "content": _label(summary), "entry": f"entry-{i}"}
        if span:
            start, end = span
            item |= {"group": DATED, "start": start.isoformat(),
                     "title": f"{show_date(e.get('date'), e.get('precision') or '')}: {summary}",
                     "className": f"p-{e.get('precision')} {e.get('kind') or ''}".strip()}
            item |= {"type": "box"} if start == end else {"type": "range", "end": end.isoformat()}
        else:
            after = period(e.get("after"), "day")
            where = after[0] if after else (date.fromisoformat(fallback) if fallback else None)
            if where is None:
                continue
            item |= {"group": UNDATED, "start": where.isoformat(), "type": "box",
                     "title": f"{show_date(None, 'undated')}: {summary}", "className": "undated"}
        out.append(item)
    return out
