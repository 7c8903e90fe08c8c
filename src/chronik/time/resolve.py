"""Turns a filled rule value (the value language) into a TIMEX3 value, given one anchor day.

The value language, one expression per rule (see ``docs/time.md``):

``2014-03-15``, ``P2W``, ``PRESENT_REF``, ``XXXX-WXX-1``
    a literal value, used as it is.
``????-03-15``, ``????-07``, ``????-SU``, ``????-Q3``, ``????-H2``
    a date whose year is missing: the year (DCT year, one before or one after) is chosen by
    the tense of the sentence, then by nearness to the DCT.
``DCT -1 day``, ``DCT +0 week``, ``DCT -1 year -{month}``, ``REF +1 day T{hour}:{minute}``
    the DCT (or the reference date: the last day-level date mentioned before, else the DCT)
    moved by a number of units and written at that unit's granularity; anything after the
    unit is appended (a time ``T20:00``, a part of day ``TEV``, a month ``-08``).
``weekday 3``, ``weekday 5 past``, ``weekend``, ``weekend future``
    the nearest such day (or weekend) in the direction the tense (or the word) gives.
``decade 60``
    the 1960s or 2060s, whichever began last before the DCT.
``duration 3 W``, ``duration X Y``
    a duration (``P3W``, ``PXY``, ``P2DE``); units Y M W D H MIN S DE (decade) CE (century).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Mapping

from chronik.errors import ConfigError
from chronik.time.dates import distance, fmt, safe_date, season_interval, shift, value_interval

UNITS = ("day", "week", "weekend", "month", "quarter", "half", "year", "decade", "century")
_TIME_UNITS = {"H": "H", "MIN": "M", "S": "S"}
PAST, FUTURE = "past", "future"
TENSE_REACH_DAYS = 240
_YMD = re.compile(r"^(\d{4}|X{4})-(\d\d|XX)(?:-(\d\d|XX))?(?=T|$)")
_DIRECTIONS = (PAST, FUTURE)


def resolve(expr: str, tense: str | None, dct: date, refs: Mapping[str, date]) -> tuple[str, str | None]:
    """The TIMEX3 value of ``expr`` and what it was anchored to (``DCT``, ``REF`` or None).

    ``refs`` maps ``day``, ``week``, ``month`` and ``year`` to the last date mentioned at
    least that precisely (the DCT when there is none).
    """
    value, anchor = _resolve(expr, tense, dct, refs)
    return _possible(value), anchor


def _possible(value: str) -> str:
    """An impossible calendar date ("31. Februar 2014") keeps only its possible fields."""
    m = _YMD.match(value)
    if not m or not m.group(1).isdigit():
        return value
    year, month, day = m.group(1), m.group(2), m.group(3)
    if month.isdigit() and not 1 <= int(month) <= 12:
        return f"{year}-XX" + ("-XX" if day else "") + value[m.end():]
    if day and day.isdigit() and month.isdigit() and safe_date(int(year), int(month), int(day)) is None:
        return f"{year}-{month}-XX" + value[m.end():]
    return value


def _resolve(expr: str, tense: str | None, dct: date, refs: Mapping[str, date]) -> tuple[str, str | None]:
    tokens = expr.split()
    weekday = None
    for token in tokens:
        if token.startswith("wd="):
            weekday = int(token[3:])
    tokens = [t for t in tokens if not t.startswith("wd=")]
    if not tokens:
        raise ConfigError(f"empty value expression {expr!r}")
    head = tokens[0]
    if head == "DCT":
        return _shifted(tokens, dct), "DCT"
    if head == "REF":
        unit = tokens[2] if len(tokens) > 2 else "day"
        return _shifted(tokens, refs[REF_LEVEL.get(unit, "day")]), "REF"
    if head == "nthweek":  # "in der dritten Woche": of the month last mentioned (or the DCT's)
        first = refs["month"].replace(day=1)
        return fmt(first + timedelta(weeks=int(tokens[1]) - 1), "week") + _suffix(tokens[2:]), "REF"
    if head == "weekday":
        return _weekday(tokens, tense, dct), "DCT"
    if head == "weekend":
        return _weekend(tokens, tense, dct), "DCT"
    if head == "decade":
        return _decade(tokens[1], dct), ("DCT" if len(tokens[1]) == 2 else None)
    if head == "duration":
        return duration(tokens[1], tokens[2]), None
    if head == "easter":
        return _easter(tokens, tense, dct)
    if head.startswith("????-"):
        direction, _ = _direction(tokens[1:], tense)
        return _year_missing(head[5:], direction, dct, weekday), "DCT"
    return " ".join(tokens), None


REF_LEVEL = {"day": "day", "week": "week", "weekend": "week", "month": "month", "quarter": "month",
             "half": "month", "year": "year", "decade": "year", "century": "year"}


def _suffix(tokens: list[str]) -> str:
    return "".join(tokens)


def _shifted(tokens: list[str], anchor: date) -> str:
    if len(tokens) < 3 or tokens[2] not in UNITS:
        raise ConfigError(f"expected 'DCT|REF <+n|-n> <unit>', got {' '.join(tokens)!r}")
    unit = tokens[2]
    try:
        n = int(tokens[1])
    except ValueError:  # "einige Tage später": the distance is unknown
        return re.sub(r"\d", "X", fmt(anchor, unit)) + _suffix(tokens[3:])
    try:
        moved = shift(anchor, n, unit)
    except (ValueError, OverflowError):  # "5000 Jahre zuvor": beyond the calendar
        return re.sub(r"\d", "X", fmt(anchor, unit)) + _suffix(tokens[3:])
    return fmt(moved, unit) + _suffix(tokens[3:])


def _direction(tokens: list[str], tense: str | None) -> tuple[str | None, list[str]]:
    rest = list(tokens)
    if rest and rest[0] in _DIRECTIONS:
        return rest.pop(0), rest
    return tense, rest


def _weekday_date(weekday: int, direction: str | None, dct: date) -> date:
    delta = weekday - dct.isoweekday()
    if direction == "past":
        delta = delta - 7 if delta > 0 else delta
    elif direction == "future":
        delta = delta + 7 if delta < 0 else delta
    else:  # nearest: within three days either way
        if delta > 3:
            delta -= 7
        elif delta < -3:
            delta += 7
    return dct + timedelta(days=delta)


def _weekday(tokens: list[str], tense: str | None, dct: date) -> str:
    """News mostly reports: a weekday without tense is the last one (today included)."""
    weekday = int(tokens[1])
    direction, rest = _direction(tokens[2:], tense)
    return _weekday_date(weekday, direction or PAST, dct).isoformat() + _suffix(rest)


def _weekend(tokens: list[str], tense: str | None, dct: date) -> str:
    direction, rest = _direction(tokens[1:], tense)
    if dct.isoweekday() >= 6:
        saturday = dct - timedelta(days=dct.isoweekday() - 6)
    else:
        saturday = _weekday_date(6, direction or "future", dct)
    return fmt(saturday, "weekend") + _suffix(rest)


def _decade(digits: str, dct: date) -> str:
    if len(digits) != 2:
        return digits
    century = dct.year // 100
    start = century * 100 + int(digits)
    if start > dct.year:
        start -= 100
    return f"{start // 10:03d}"


def duration(number: str, unit: str) -> str:
    """``P3W``, ``PT2H``, ``PXY``, ``P2DE`` (two decades, TIMEX2/3 units DE and CE), ``PT1.5H``."""
    if number != "X":
        value = float(number)
        if unit in ("DE", "CE") and not value.is_integer():
            value, unit = value * (10 if unit == "DE" else 100), "Y"
        elif unit == "Y" and not value.is_integer() and (value * 12).is_integer():
            value, unit = value * 12, "M"
        number = str(int(value)) if value.is_integer() else f"{value:g}"
    if unit in _TIME_UNITS:
        return f"PT{number}{_TIME_UNITS[unit]}"
    return f"P{number}{unit}"


def _interval(rest: str, year: int) -> tuple[date, date] | None:
    if rest in ("SP", "SU", "FA", "WI"):
        return season_interval(year, rest)
    return value_interval(f"{year:04d}-{rest}")


def pick_year(interval_of, direction: str | None, dct: date) -> int | None:
    """The year (DCT year, one before or after) whose interval fits the direction best.

    Past: the interval must have begun by the DCT; future: it must not have ended before
    it; then the nearest to the DCT wins. ``None`` when no year gives a valid interval.
    """
    candidates = []
    for year in (dct.year - 1, dct.year, dct.year + 1):
        span = interval_of(year)
        if span is not None:
            candidates.append((year, span))
    if not candidates:
        return None
    if direction == PAST:
        kept = [c for c in candidates if c[1][0] <= dct]
    elif direction == FUTURE:
        kept = [c for c in candidates if c[1][1] >= dct]
    else:
        kept = candidates
    # a date without its year lies within some months of the DCT: when the tense would push
    # it further, the tense belongs to something else ("wurden die Rennen vom 19. Dezember
    # verlegt", written on 16 December)
    kept = [c for c in kept if distance(dct, c[1]) <= TENSE_REACH_DAYS] or candidates
    return min(kept, key=lambda c: (distance(dct, c[1]), abs(c[0] - dct.year)))[0]


def _year_missing(rest: str, direction: str | None, dct: date, weekday: int | None = None) -> str:
    head, sep, tail = rest.partition("T")

    def interval_of(year: int) -> tuple[date, date] | None:
        span = _interval(head, year)
        if span is not None and weekday is not None and span[0] == span[1] and span[0].isoweekday() != weekday:
            return None  # "Donnerstag, 14. September": only years where the 14th is a Thursday
        return span

    if direction is None and re.fullmatch(r"[QH]\d", head):
        return f"{dct.year:04d}-{head}" + sep + tail  # "im ersten Halbjahr": of the DCT's year
    year = pick_year(interval_of, direction, dct)
    if year is None and weekday is not None:
        year = pick_year(lambda y: _interval(head, y), direction, dct)
    if year is None:  # "31. Februar": keep what is possible, never invent a day
        parts = head.split("-")
        return "XXXX-" + "-".join([parts[0]] + ["XX"] * (len(parts) - 1)) + sep + tail
    return f"{year:04d}-{head}" + sep + tail


def easter_sunday(year: int) -> date:
    """Easter Sunday of ``year`` (Gregorian calendar; anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return date(year, month, day + 1)


def _easter(tokens: list[str], tense: str | None, dct: date) -> tuple[str, str | None]:
    offset = int(tokens[1])
    year_token = tokens[2] if len(tokens) > 2 else "????"
    if year_token.isdigit():
        return (easter_sunday(int(year_token)) + timedelta(days=offset)).isoformat(), None

    def interval_of(year: int) -> tuple[date, date]:
        day = easter_sunday(year) + timedelta(days=offset)
        return day, day

    year = pick_year(interval_of, tense, dct)
    return interval_of(year)[0].isoformat(), "DCT"  # type: ignore[arg-type]

