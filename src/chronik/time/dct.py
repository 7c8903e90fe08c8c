"""When was an article written? The document creation time (DCT) from metadata and text.

The answer is an :class:`~chronik.model.InferredDate`: a ``value`` (as precise as the
evidence allows, or ``None``), the ``earliest`` and ``latest`` days it can be, and the
``method`` that decided. Named strategies run in order; each narrows a window of possible
days, and the first that pins the date down wins:

``published``
    the date as given (header, metadata). A full date ends the search; a month or a year
    ("date 2023-09") becomes the window the other strategies work in.
``prior``
    a rough date for the whole collection (``TimeOptions.prior``), used only when nothing
    was given: a window one year either side of it, to fix years the text leaves open.
``dateline``
    "BOZEN, 12.04." at the start of a line: the day it was filed.
``weekday-date``
    "Donnerstag (14. September)": only some years put the 14th on a Thursday; with the
    window that fixes the date, and the tense places the DCT: "wird am Donnerstag (14.
    September) besuchen" means on or before it, "berichtete am Donnerstag" on or after.
``text``
    tense bounds: an explicit date reported in the past ("trafen sich zuletzt im September
    2023") lies before the DCT, one announced for the future after it; a month without
    its year ("Anfang Jänner ... bereits") lies within the year before the DCT.

Nothing here reads the clock: an article with no evidence gets ``value=None`` and an
open range.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Sequence

from chronik.model import InferredDate
from chronik.time.dates import add_months, parse_anchor, value_interval
from chronik.time.resolve import FUTURE, PAST, resolve
from chronik.time.tagger import Candidate

YEAR = timedelta(days=366)
WEEK_REACH = 6  # days: a weekday named in news lies within a week of the DCT


@dataclass(slots=True)
class Window:
    """The days the DCT may be: ``lo`` and ``hi`` inclusive, ``None`` = open."""

    lo: date | None = None
    hi: date | None = None
    reasons: list[str] = field(default_factory=list)

    def narrowed(self, lo: date | None, hi: date | None) -> "Window | None":
        new_lo = max(d for d in (self.lo, lo) if d is not None) if self.lo or lo else None
        new_hi = min(d for d in (self.hi, hi) if d is not None) if self.hi or hi else None
        if new_lo is not None and new_hi is not None and new_lo > new_hi:
            return None
        return Window(new_lo, new_hi, list(self.reasons))

    def narrow(self, lo: date | None, hi: date | None, reason: str) -> bool:
        """Narrows in place when consistent; returns whether it did."""
        new = self.narrowed(lo, hi)
        if new is None or (new.lo, new.hi) == (self.lo, self.hi):
            return False
        self.lo, self.hi = new.lo, new.hi
        self.reasons.append(reason)
        return True

    @property
    def day(self) -> date | None:
        return self.lo if self.lo is not None and self.lo == self.hi else None


def _probe(window: Window) -> date:
    return window.lo or window.hi or date(2000, 1, 1)


def _absolute(cand: Candidate) -> tuple[date, date] | None:
    """The days of a date that carries its own year ("September 2023"), else ``None``."""
    if cand.type != "DATE" or not cand.expr[:4].isdigit():
        return None
    probe = date(2000, 1, 1)
    value, kind = resolve(cand.expr, cand.tense, probe, {k: probe for k in ("day", "week", "month", "year")})
    return value_interval(value) if kind is None else None


def _year_options(cand: Candidate, window: Window) -> list[tuple[int, tuple[date, date]]]:
    """Years (around the window) in which a year-less date fits, with its days."""
    head = cand.expr.split()[0][5:]
    weekday = cand.groups.get("weekday")
    lo = (window.lo or window.hi).year - 1 if (window.lo or window.hi) else None
    hi = (window.hi or window.lo).year + 1 if (window.lo or window.hi) else None
    if lo is None or hi is None:
        return []
    out = []
    for year in range(lo, hi + 1):
        span = value_interval(f"{year:04d}-{head.partition('T')[0]}")
        if span is None:
            continue
        if weekday and span[0] == span[1] and span[0].isoweekday() != int(weekday):
            continue
        out.append((year, span))
    return out


def _text(cand: Candidate, text: str) -> str:
    return text[cand.start : cand.end]


def _strategy_dateline(cands: Sequence[Candidate], window: Window, text: str) -> InferredDate | None:
    for cand in cands:
        if "dateline" not in cand.rule.flags:
            continue
        span = _absolute(cand)
        if span is None:
            fits = [s for _, s in _year_options(cand, window) if window.narrowed(s[0], s[1]) is not None]
            span = fits[0] if len(fits) == 1 else None
        if span is not None and window.narrowed(span[0], span[1]) is not None:
            day = span[0].isoformat()
            return InferredDate(value=day, earliest=day, latest=day, method=f"dateline: {_text(cand, text)!r}")
    return None


def _strategy_weekday_date(cands: Sequence[Candidate], window: Window, text: str) -> InferredDate | None:
    for cand in cands:
        weekday = cand.groups.get("weekday")
        if not weekday or "wd=" not in cand.expr:
            continue
        span = _absolute(cand)
        reach = timedelta(days=WEEK_REACH)
        if span is None:
            options = [s for _, s in _year_options(cand, window) if window.narrowed(s[0] - reach, s[1] + reach)]
            if len(options) != 1:
                continue
            span = options[0]
        day = span[0]
        found = Window(window.lo, window.hi)
        bounds = {PAST: (day, day + reach), FUTURE: (day - reach, day)}.get(cand.tense or "", (day - reach, day + reach))
        if not found.narrow(*bounds, f"{_text(cand, text)!r} ({cand.tense or 'no tense'})"):
            if found.narrowed(*bounds) is None:
                continue
        # the same weekday named elsewhere is the same day: its tense narrows further
        for other in cands:
            if other is cand or other.groups.get("weekday") != weekday or not other.expr.startswith("weekday"):
                continue
            if other.tense == PAST:
                found.narrow(day, None, f"{_text(other, text)!r} (past)")
            elif other.tense == FUTURE:
                found.narrow(None, day, f"{_text(other, text)!r} (future)")
        lo, hi = found.lo, found.hi
        if lo is None or hi is None:
            continue
        best = min((lo, hi), key=lambda d: abs((d - day).days))  # news is close to its events
        return InferredDate(
            value=best.isoformat(),
            earliest=lo.isoformat() if lo else None,
            latest=hi.isoformat() if hi else None,
            method="weekday-date: " + "; ".join(found.reasons or [repr(_text(cand, text))]),
        )
    return None


def _strategy_text(cands: Sequence[Candidate], window: Window, text: str) -> InferredDate | None:
    found = Window(window.lo, window.hi)
    explicit_years = set()
    for cand in cands:  # explicit dates: reported ones lie before the DCT, announced ones after
        span = _absolute(cand)
        if span is None or cand.tense not in (PAST, FUTURE):
            continue
        if span[1] - span[0] < timedelta(days=40):
            explicit_years.add(span[0].year)
        if cand.tense == PAST:
            found.narrow(span[0], None, f"{_text(cand, text)!r} (past)")
        else:
            found.narrow(None, span[1], f"{_text(cand, text)!r} (future)")
    recent = False
    for cand in cands:  # a month without its year: within the year before (after) the DCT
        if cand.type != "DATE" or not cand.expr.startswith("????-") or cand.tense not in (PAST, FUTURE):
            continue
        if found.lo is None and found.hi is None:
            continue
        options = []
        for year, span in _year_options(cand, found):
            if cand.tense == PAST:
                lo, hi = span[0], add_months(span[0], 12) - timedelta(days=1)
            else:
                lo, hi = add_months(span[1], -12) + timedelta(days=1), span[1]
            narrowed = found.narrowed(lo, hi)
            if narrowed is not None:
                options.append((year, lo, hi))
        # a year written out ("September 2023") is seldom the year of writing
        preferred = [o for o in options if not ({o[1].year, o[2].year} <= explicit_years)] or options
        if preferred:
            # a reported day lies in the most recent year that fits, an announced one in the nearest
            pick = max if cand.tense == PAST else min
            year, lo, hi = pick(preferred, key=lambda o: o[1])
            narrowed_now = found.narrow(lo, hi, f"{_text(cand, text)!r} ({cand.tense})")
            # only a reported month says the article is recent; an announced one leaves it open
            recent = (narrowed_now and cand.tense == PAST) or recent
    if not found.reasons:
        return None
    lo, hi = found.lo, found.hi
    if lo is not None and lo == hi:
        value: str | None = lo.isoformat()
    elif recent and lo is not None:
        value = f"{lo.year:04d}-{lo.month:02d}"  # news follows soon after what it reports
    else:
        value = None
    return InferredDate(
        value=value,
        earliest=lo.isoformat() if lo else None,
        latest=hi.isoformat() if hi else None,
        method="text: " + "; ".join(found.reasons),
    )


def _strategy_open_pair(cands: Sequence[Candidate], window: Window, text: str) -> InferredDate | None:
    """Without any year to go by, a weekday-date pair still says which years are possible."""
    if window.lo is not None or window.hi is not None:
        return None
    for cand in cands:
        weekday = cand.groups.get("weekday")
        if not weekday or not cand.expr.startswith("????-") or "wd=" not in cand.expr:
            continue
        head = cand.expr.split()[0][5:].partition("T")[0]
        years = [y for y in range(1990, 2061) if (s := value_interval(f"{y:04d}-{head}")) and s[0].isoweekday() == int(weekday)]
        if years:
            listed = ", ".join(str(y) for y in years[:12])
            return InferredDate(
                value=None, earliest=None, latest=None,
                method=f"weekday-date: {_text(cand, text)!r} fixes the day, not the year (between 1990 and 2060: {listed}...)",
            )
    return None


STRATEGIES = (
    ("dateline", _strategy_dateline),
    ("weekday-date", _strategy_weekday_date),
    ("text", _strategy_text),
    ("open pair", _strategy_open_pair),
)


def infer_dct(
    candidates: Sequence[Candidate], text: str, published: str | None = None, prior: str | None = None
) -> InferredDate:
    """The article's creation time from ``published`` (as given), its text and a ``prior``."""
    given = parse_anchor(published)
    if given is not None and given[0] == given[1]:
        day = given[0].isoformat()
        return InferredDate(value=day, earliest=day, latest=day, method="published")
    if given is not None:
        window = Window(given[0], given[1], [f"published {published!r}"])
        month = given[1] - given[0] < timedelta(days=40)
        fallback = InferredDate(
            value=given[0].isoformat()[: 7 if month else 4],
            earliest=given[0].isoformat(),
            latest=given[1].isoformat(),
            method=f"published {published!r}",
        )
    else:
        rough = parse_anchor(prior)
        if rough is not None:
            window = Window(rough[0] - YEAR, rough[1] + YEAR, [f"prior {prior!r}"])
            fallback = InferredDate(
                value=None, earliest=window.lo.isoformat(), latest=window.hi.isoformat(), method=f"prior {prior!r}"
            )
        else:
            window = Window()
            given_note = f"published {published!r} is not a date; " if published else ""
            fallback = InferredDate(
                value=None, earliest=None, latest=None, method=f"none: {given_note}no date in metadata or text"
            )
    for name, strategy in STRATEGIES:
        answer = strategy(candidates, window, text)
        if answer is not None:
            if window.reasons and not answer.method.startswith(window.reasons[0]):
                answer = answer.replace(method=f"{window.reasons[0]}; {answer.method}")
            return answer
    return fallback


def anchor_of(inferred: InferredDate) -> tuple[str | None, tuple[date, date] | None]:
    """What to resolve expressions against: the value if any, else the range if closed."""
    if inferred.value and parse_anchor(inferred.value):
        return inferred.value, parse_anchor(inferred.value)
    lo = parse_anchor(inferred.earliest)
    hi = parse_anchor(inferred.latest)
    if lo and hi:
        return None, (lo[0], hi[1])
    return None, None


def batch_prior(published: Sequence[str | None]) -> str | None:
    """A rough date for a batch of articles from the dates some of them carry.

    For a runner that wants undated articles placed near their siblings: the month they
    share ("2023-09"), else the year, else the median article's year; ``None`` when no
    article has a date. Pass it as ``TimeOptions(prior=...)`` or ``meta["dct_prior"]``.
    """
    spans = sorted(s for s in (parse_anchor(p) for p in published) if s is not None)
    if not spans:
        return None
    lo, hi = spans[0][0], max(s[1] for s in spans)
    if (lo.year, lo.month) == (hi.year, hi.month):
        return f"{lo.year:04d}-{lo.month:02d}"
    if lo.year == hi.year:
        return f"{lo.year:04d}"
    return f"{spans[len(spans) // 2][0].year:04d}"
