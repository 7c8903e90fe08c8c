"""The tense around a time expression: does the sentence report the past or announce the future?

Markers come from the lexicon categories ``past`` and ``future`` (auxiliaries, finite past
forms, participles, "geplant", "soll"...); the value column is the marker's weight. Markers
are matched case-sensitively, so "war" (was) is not "War". The tense of an expression is that
of the heaviest marker in its sentence, nearer markers breaking ties: the finite verb of a
German clause sits close to the time adverbial or at the clause's end, and the auxiliary
decides ("hatte ... am Mittwoch getroffen" vs. "wird am Donnerstag ... besuchen").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from chronik.time.grammar import Grammar

PAST, FUTURE = "past", "future"


@dataclass(frozen=True, slots=True)
class Marker:
    start: int
    end: int
    tense: str
    weight: int


class TenseFinder:
    """Finds tense markers in a text and picks the tense of a span within a sentence."""

    def __init__(self, grammar: Grammar, *, reach: int = 120) -> None:
        self.reach = reach
        self._patterns = []
        for tense in (PAST, FUTURE):
            category = grammar.categories.get(tense)
            if category is None:
                continue
            for entry in category.entries:
                self._patterns.append(
                    (re.compile(r"(?<![\w])(?:" + entry.form.pattern + r")(?![\w])"), tense, int(entry.value))
                )

    def markers(self, text: str) -> list[Marker]:
        found = [
            Marker(m.start(), m.end(), tense, weight)
            for pattern, tense, weight in self._patterns
            for m in pattern.finditer(text)
        ]
        found.sort(key=lambda m: m.start)
        return found

    def tense(self, markers: list[Marker], starts: list[int], sentence: tuple[int, int], span: tuple[int, int]) -> str | None:
        """The tense for ``span`` from the markers inside ``sentence`` (``starts`` = their starts)."""
        lo = bisect.bisect_left(starts, sentence[0])
        hi = bisect.bisect_left(starts, sentence[1])
        best: tuple[int, int] | None = None
        choice = None
        for marker in markers[lo:hi]:
            if span[0] <= marker.start < span[1]:
                continue  # a marker inside the expression ("vergangenen") is the rule's business
            gap = span[0] - marker.end if marker.end <= span[0] else marker.start - span[1]
            key = (-marker.weight, gap)
            if best is None or key < best:
                best, choice = key, marker.tense
        return choice
