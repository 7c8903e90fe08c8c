"""Calendar arithmetic on TIMEX3 values: parsing anchors, shifting, formatting, merging.

Everything here is a pure function of its arguments: no clock, no time zone. A TIMEX3
calendar value is written at a *granularity* (``day`` ``2023-09-13``, ``week`` ``2023-W37``,
``month`` ``2023-09``, ``quarter`` ``2023-Q3``, ``half`` ``2023-H2``, ``season``
``2023-SU``, ``year`` ``2023``, ``decade`` ``202``, ``century`` ``20``, ``weekend``
``2023-W37-WE``).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

# season -> (start month, start day, end month, end day, starts in the previous year)
SEASONS = {
    "SP": (3, 20, 6, 20, False),
    "SU": (6, 21, 9, 22, False),
    "FA": (9, 23, 12, 20, False),
    "WI": (12, 21, 3, 19, True),
}

_ANCHOR = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_VALUE = re.compile(
    r"^(?P<year>\d{4})(?:-(?:(?P<month>\d{2})(?:-(?P<day>\d{2}))?"
    r"|W(?P<week>\d{2})(?P<we>-WE)?|Q(?P<q>[1-4])|H(?P<h>[12])|(?P<season>SP|SU|FA|WI)))?(?P<rest>T.*)?$"
)


def parse_anchor(value: str | None) -> tuple[date, date] | None:
    """The days an anchor such as ``2023-09-13T10:00+02:00``, ``2023-09`` or ``2023`` covers.

    The date is taken as written (a time zone offset never moves it to another day).
    Returns ``None`` for anything that does not start with a year.
    """
    if not value:
        return None
    m = _ANCHOR.match(value)
    if not m:
        return None
    year = int(m.group(1))
    if not 1000 <= year <= 2999:  # a news article's date; anything else is a data error
        return None
    if m.group(3):
        try:
            day = date(year, int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
        return day, day
    if m.group(2):
        month = int(m.group(2))
        if not 1 <= month <= 12:
            return None
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    return date(year, 1, 1), date(year, 12, 31)


def value_interval(value: str) -> tuple[date, date] | None:
    """The days a calendar value covers (``None`` for durations, references, X-forms)."""
    m = _VALUE.match(value.strip())
    if not m:
        return None
    year = int(m.group("year"))
    if not 1 <= year <= 9998:
        return None
    try:
        if m.group("day"):
            day = date(year, int(m.group("month")), int(m.group("day")))
            return day, day
        if m.group("month"):
            month = int(m.group("month"))
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        if m.group("week"):
            monday = date.fromisocalendar(year, int(m.group("week")), 1)
            if m.group("we"):
                return monday + timedelta(days=5), monday + timedelta(days=6)
            return monday, monday + timedelta(days=6)
        if m.group("q"):
            q = int(m.group("q"))
            end = 3 * q
            return date(year, end - 2, 1), date(year, end, calendar.monthrange(year, end)[1])
        if m.group("h"):
            return (date(year, 1, 1), date(year, 6, 30)) if m.group("h") == "1" else (date(year, 7, 1), date(year, 12, 31))
        if m.group("season"):
            return season_interval(year, m.group("season"))
    except ValueError:
        return None
    return date(year, 1, 1), date(year, 12, 31)


def season_interval(year: int, season: str) -> tuple[date, date]:
    sm, sd, em, ed, previous = SEASONS[season]
    return date(year - 1 if previous else year, sm, sd), date(year, em, ed)


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def shift(day: date, n: int, unit: str) -> date:
    """``day`` moved by ``n`` units (day, week, month, quarter, half, year, decade, century)."""
    if unit in ("day",):
        return day + timedelta(days=n)
    if unit in ("week", "weekend"):
        return day + timedelta(weeks=n)
    months = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}[unit]
    return add_months(day, n * months)


def fmt(day: date, unit: str) -> str:
    """``day`` written at the granularity ``unit``."""
    if unit == "day":
        return day.isoformat()
    if unit in ("week", "weekend"):
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}" + ("-WE" if unit == "weekend" else "")
    if unit == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if unit == "half":
        return f"{day.year:04d}-H{1 if day.month <= 6 else 2}"
    if unit == "year":
        return f"{day.year:04d}"
    if unit == "decade":
        return f"{day.year // 10:03d}"
    if unit == "century":
        return f"{day.year // 100:02d}"
    raise ValueError(f"unknown unit {unit!r}")


def safe_date(year: int, month: int, day: int) -> date | None:
    """``date(year, month, day)``, or ``None`` for impossible dates ("31. Februar")."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _fields(value: str) -> tuple[list[str], str]:
    head, sep, tail = value.partition("T")
    return head.split("-"), sep + tail


def merge(values: list[str], *, cascade: bool = True) -> str:
    """Field-wise common part of values resolved against different anchors.

    ``2023-08-30`` and ``2023-09-27`` give ``2023-XX-XX``; fields that differ become X, so
    nothing more precise than the evidence is ever claimed. With ``cascade`` (for values
    computed from the anchor, like "gestern") every field finer than an unknown one is
    unknown too; without it (month and day written in the text, "14. September") they stay.
    """
    first = values[0]
    if all(v == first for v in values):
        return first
    split = [_fields(v) for v in values]
    heads = [h for h, _ in split]
    if len({len(h) for h in heads}) != 1 or not first[:1].isdigit():
        return first if all(not v[:1].isdigit() for v in values) and len(set(values)) == 1 else _blank(first)
    out = []
    for parts in zip(*heads):
        if len(set(parts)) == 1:
            out.append(parts[0])
        else:
            out.append(re.sub(r"\d", "X", parts[0]))
    if cascade and any("X" in p for p in out):
        # once a field is unknown, every finer field is unknown too
        seen = False
        for i, p in enumerate(out):
            if seen:
                out[i] = re.sub(r"\d", "X", p)
            seen = seen or "X" in p
    tails = {t for _, t in split}
    tail = tails.pop() if len(tails) == 1 else re.sub(r"\d", "X", split[0][1])
    return "-".join(out) + tail


def _blank(value: str) -> str:
    return re.sub(r"\d", "X", value)


def distance(day: date, interval: tuple[date, date]) -> int:
    """Days between ``day`` and the nearest day of ``interval`` (0 inside it)."""
    lo, hi = interval
    if day < lo:
        return (lo - day).days
    if day > hi:
        return (day - hi).days
    return 0
