"""The temporal tagger: rules find candidates, overlaps are settled, values are resolved.

1. Every rule's regex runs over the text; each match is a candidate.
2. Longest candidates win; among equally long ones the earlier rule wins. ``NONE`` rules
   (negative rules: "Paragraph 17", "2000 Stellen") win like any other and are then dropped,
   taking the overlapped candidates with them.
3. Enumerations borrow from their right neighbour ("18. und 19. Dezember",
   "von 10 bis 18 Uhr", "sechs bis acht Monate"): values ``inherit day|hour|num X``.
4. Each candidate gets the tense of its sentence (:mod:`chronik.time.tense`).
5. Values are resolved left to right against the DCT and the reference date (the last
   day-level date so far). A DCT known only to a month, a year or not at all is handled by
   resolving against several anchor days and keeping only the fields they agree on.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Mapping, Sequence

from chronik.model import Sentence, TimeExpr
from chronik.time.dates import fmt, merge, parse_anchor, value_interval
from chronik.time.grammar import Grammar, Rule, load_grammar
from chronik.time.resolve import REF_LEVEL, resolve
from chronik.time.scan import Scanner
from chronik.time.tense import TenseFinder, sentence_spans

# Anchor days used when there is no DCT at all: values that differ between them are unknown.
OPENING = 12  # characters: how far into its sentence an expression still "opens" it
NO_DCT_PROBES = (date(1911, 3, 14), date(1957, 8, 21), date(2046, 11, 30))

_INHERIT_DAY = re.compile(r"^(\S*?)(\d{4}|\?{4})-(\d\d)-(\d\d)")
_INHERIT_HOUR = re.compile(r"T(\d\d):(\d\d)")
_INHERIT_NUM = re.compile(r"^(duration) (\S+) ")
_MONTH_NO_YEAR = re.compile(r"^\?{4}-\d\d(?:-\d\d)?(?:\s|T|$)")
_MONTH_TOLD = re.compile(r"^\d{4}-\d\d(?:-\d\d)?(?:\s|T|$)")
_CLOCK = re.compile(r"T\d\d:\d\d")
_YEAR_MISSING = re.compile(r"^\?{4}-")
_EXPLICIT_YEAR = re.compile(r"^(\d{4})-")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A matched expression before resolution."""

    start: int
    end: int
    rule: Rule
    expr: str  # the rule's value with groups filled in
    groups: Mapping[str, str]  # normalised values of the named groups
    mod: str | None = None
    tense: str | None = None
    sentence: tuple[int, int] = (0, 0)
    sentence_no: int = 0
    label: str | None = None  # overrides the rule's type (enumerations take their partner's)

    @property
    def type(self) -> str:
        return self.label or self.rule.type


class Tagger:
    """Finds and normalises time expressions in one language; holds the compiled grammar."""

    def __init__(self, lang: str = "de", grammar: Grammar | None = None) -> None:
        self.lang = lang
        self.grammar = grammar or load_grammar(lang)
        self.tenses = TenseFinder(self.grammar)
        self.scanner = Scanner(self.grammar.rules)
        connector = self.grammar.categories.get("connector")
        self._connector = re.compile(r"\s*(?:" + connector.pattern + r")\s*", re.IGNORECASE) if connector else None

    # -- finding ---------------------------------------------------------------------------

    def extract(self, text: str, sentences: Sequence[Sentence] | None = None) -> list[Candidate]:
        """The candidates of ``text``: non-overlapping, enumerations filled, tense set."""
        matches = []
        for rule, m in self.scanner.matches(text, self.grammar.applicable(text)):
            start, end = m.span("t") if "t" in rule.regex.groupindex else m.span()
            while start < end and text[start] in " \t":  # line-start rules match indentation
                start += 1
            if end <= start:
                continue
            matches.append((start, end, rule, m))
        matches.sort(key=lambda x: (x[0] - x[1], x[2].order, x[0]))
        taken = bytearray(len(text) + 1)
        chosen = []
        for start, end, rule, m in matches:
            if taken.find(1, start, end) != -1:
                continue
            taken[start:end] = b"\x01" * (end - start)
            if rule.type != "NONE":
                chosen.append((start, end, rule, m))
        chosen.sort(key=lambda x: x[0])
        candidates = []
        for start, end, rule, m in chosen:
            groups = {
                name: self.grammar.normalise(name, value)
                for name, value in m.groupdict().items()
                if value is not None and name != "t"
            }
            mod = self.grammar.fill(rule.mod, m) or None if rule.mod else None
            candidates.append(Candidate(start, end, rule, self.grammar.fill(rule.value, m), groups, mod))
        candidates = self._enumerations(text, candidates)
        return self._with_tense(text, candidates, sentences)

    def _enumerations(self, text: str, candidates: list[Candidate]) -> list[Candidate]:
        out: list[Candidate] = []
        right: Candidate | None = None
        for cand in reversed(candidates):
            linked = right is not None and self._linked(text, cand, right)
            expr = cand.expr
            if expr.startswith("inherit "):
                expr = _inherit(expr, right) if linked and right is not None else None
                if expr is None:
                    right = None
                    continue
                cand = replace(cand, expr=expr, label=right.type if right is not None else None)
            elif linked and right is not None and _YEAR_MISSING.match(expr):
                year = _EXPLICIT_YEAR.match(right.expr)
                if year and cand.type == right.type:  # "vom 3. Mai bis 5. Juni 2014"
                    cand = replace(cand, expr=year.group(1) + expr[4:])
            out.append(cand)
            right = cand
        out.reverse()
        return out

    def _linked(self, text: str, left: Candidate, right: Candidate) -> bool:
        gap = text[left.end : right.start]
        return self._connector is not None and len(gap) < 20 and self._connector.fullmatch(gap) is not None

    def _with_tense(self, text: str, candidates: list[Candidate], sentences: Sequence[Sentence] | None) -> list[Candidate]:
        if not candidates:
            return candidates
        if sentences:
            bounds = [(s.start, s.end) for s in sentences]
        else:
            bounds = sentence_spans(text)
        sentence_starts = [b[0] for b in bounds]
        markers = self.tenses.markers(text)
        marker_starts = [m.start for m in markers]
        out = []
        for cand in candidates:
            i = max(bisect.bisect_right(sentence_starts, cand.start) - 1, 0)
            sentence = bounds[i]
            tense = self.tenses.tense(text, markers, marker_starts, sentence, (cand.start, cand.end))
            out.append(  # not dataclasses.replace: this runs for every expression
                Candidate(cand.start, cand.end, cand.rule, cand.expr, cand.groups, cand.mod, tense, sentence, i, cand.label)
            )
        return out

    # -- resolving -------------------------------------------------------------------------

    def resolve(
        self, candidates: Sequence[Candidate], dct: str | None, window: tuple[date, date] | None = None
    ) -> tuple[TimeExpr, ...]:
        """The candidates as :class:`TimeExpr` records, resolved against ``dct``.

        ``dct`` may be a day, a month or a year; ``window`` (earliest, latest) stands in for
        it when the DCT is only known to lie in a range. Values keep only what every day of
        the range agrees on.
        """
        span = parse_anchor(dct) or window
        if window is not None and dct is None:
            dct = f"{window[0].isoformat()}/{window[1].isoformat()}"
        if span is None:
            probes: tuple[date, ...] = NO_DCT_PROBES
            dct = None
        elif span[0] == span[1]:
            probes = (span[0],)
        else:
            probes = span
        runs = [self._run(candidates, probe) for probe in probes]
        out = []
        for i, cand in enumerate(candidates):
            results = [run[i] for run in runs]
            value = merge([r[0] for r in results], cascade=not cand.expr.startswith("????-"))
            kind = results[0][1]
            if kind == "DCT":
                anchor = dct
            elif kind == "REF":
                anchor = merge([r[2] for r in results])
                anchor = None if anchor.startswith("X") else anchor
            else:
                anchor = None
            attrs = dict(cand.rule.attrs)
            out.append(
                TimeExpr(
                    start=cand.start,
                    end=cand.end,
                    label=cand.type,
                    value=value,
                    mod=cand.mod,
                    anchor=anchor,
                    quant=attrs.get("quant"),
                    freq=attrs.get("freq"),
                )
            )
        return tuple(out)

    def _run(self, candidates: Sequence[Candidate], dct: date) -> list[tuple[str, str | None, str]]:
        refs = {"day": dct, "week": dct, "month": dct, "year": dct}
        day_set_in = -1  # sentence where the reference day was last set
        told: tuple[int, int] | None = None  # (year, sentence) of the last "März 1992"
        out = []
        for cand in candidates:
            use = refs
            expr = cand.expr
            if told and _MONTH_NO_YEAR.match(expr) and cand.sentence_no - told[1] <= 1 and abs(told[0] - dct.year) > 1:
                # a narrative in another year goes on: "im März 1992 ... im April" is 1992
                expr = f"{told[0]:04d}" + expr[4:]
            gap = cand.sentence_no - day_set_in
            clock = cand.expr.startswith("REF") and "T" in cand.expr and _CLOCK.search(cand.expr)
            if clock and (gap > 1 or gap == 1 and cand.start - cand.sentence[0] > OPENING):
                # a clock time belongs to a date of its own sentence, or of the previous one
                # when it opens its sentence ("Am Freitag ... . Um 9 Uhr startet ..."), else
                # to the DCT ("..., 20 Uhr." in a listing of today's events)
                use = {**refs, "day": dct}
            value, kind = resolve(expr, cand.tense, dct, use)
            if _MONTH_TOLD.match(cand.expr):
                told = (int(cand.expr[:4]), cand.sentence_no)
            level = REF_LEVEL.get(expr.split()[2], "month") if kind == "REF" and expr.startswith("REF") else "month"
            level = level if kind == "REF" else "day"
            out.append((value, kind, fmt(use[level], level)))
            if not (cand.type == "TIME" and kind == "REF") and _update_refs(refs, value):
                day_set_in = cand.sentence_no
        return out

    def __call__(self, text: str, dct: str | None = None, sentences: Sequence[Sentence] | None = None) -> tuple[TimeExpr, ...]:
        return self.resolve(self.extract(text, sentences), dct)


def _update_refs(refs: dict[str, date], value: str) -> bool:
    """Remember ``value`` as the reference date at every level it is precise enough for;
    returns whether it set the reference day."""
    if not value[:4].isdigit():
        return False
    span = value_interval(value)
    if span is None:
        return False
    refs["year"] = span[0]
    if span[1] - span[0] < timedelta(days=200):
        refs["month"] = span[0]
    if span[1] - span[0] < timedelta(days=7):
        refs["week"] = span[0]
    if span[0] == span[1]:
        refs["day"] = span[0]
        return True
    return False


def _inherit(expr: str, partner: Candidate) -> str | None:
    """The left part of an enumeration takes its partner's value with its own number.

    ``inherit 18`` + ``????-12-19`` -> ``????-12-18``; ``inherit 10 00`` + ``... T18:00`` ->
    ``... T10:00``; ``inherit 6`` + ``duration 8 M`` -> ``duration 6 M``. The partner's type
    decides which field the number replaces; ``None`` when it does not fit.
    """
    parts = expr.split()
    if len(parts) < 2:
        return None
    value, target = parts[1], partner.expr
    if partner.type == "DURATION":
        m = _INHERIT_NUM.match(target)
        return f"{m.group(1)} {value} " + target[m.end() :] if m else None
    if not value.isdigit():
        return None
    hour = _INHERIT_HOUR.search(target)
    if partner.type == "TIME" and hour:
        minute = parts[2] if len(parts) > 2 else "00"
        return target[: hour.start()] + f"T{int(value):02d}:{minute}" + target[hour.end() :]
    day = _INHERIT_DAY.match(target)
    if partner.type == "DATE" and day and len(parts) == 2:
        return target[: day.start(4)] + f"{int(value):02d}" + target[day.end(4) :]
    return None

