"""The tense around a time expression: does the clause report the past or announce the future?

Markers come from the lexicon categories ``past`` and ``future`` (auxiliaries, finite past
forms, perfect tense "hat ... getroffen", "geplant", "soll"...); the value column is the
marker's weight. Markers are matched case-sensitively, so "war" (was) is not "War". A marker of
weight 0 only speaks for its own clause: a verb in the present tense that news use for what is
to come ("reist am Sonntag nach Israel"), but not for a relative clause beside it ("der am
Sonntag eintraf, trifft heute ...").

The clause decides first: within the stretch between the commas, colons, dashes or brackets
around the expression, the heaviest marker wins (the nearer among equals), since the finite
verb of a German clause sits next to the time adverbial or at the clause's end
("hatte ... am Mittwoch getroffen", "wird am Donnerstag ... besuchen"). Without a marker
in the clause, the nearest marker of the sentence within ``reach`` characters decides.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from chronik.time.grammar import Grammar, first_class

PAST, FUTURE = "past", "future"

_CLAUSE_BREAK = re.compile(r"[,;:()\[\]–—]|\s-\s|[„“”\"«»]")
# a light sentence splitter for texts that come without sentences: a line break, or . ! ?
# before a capital, unless the period ends a number ("14. September") or a short word
_SENTENCE_END = re.compile(r"\n+|(?<=[.!?])[\"“”»«']?\s+(?=[\"„“«»(]?[A-ZÄÖÜ])")
_NO_END = re.compile(
    r"(?:\b\d{1,2}|\b[^\W\d]|\b(?:bzw|ca|Dr|Nr|St|Str|Tel|usw|etc|vgl|Mio|Mrd|Prof|Abs|Art|Jh|Jän|Jan|Feb|"
    r"Febr|Mär|Apr|Jun|Jul|Aug|Sep|Sept|Okt|Nov|Dez|evtl|ggf|inkl|geb|gest|Mag|Ing|Dipl|Dott|Hr|Fr|Mr|Mrs|Ms|"
    r"St|Gen|Bd|Nr|No|Vol|Co|Inc|Ltd|Corp|Jr|Sr|vs|a\.\s?D|z\.\s?B|u\.\s?a|d\.\s?h|o\.\s?ä))\.$"
)


@dataclass(frozen=True, slots=True)
class Marker:
    start: int
    end: int
    tense: str
    weight: int


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Rough sentence spans (enough to scope tense); the pipeline's sentences are better."""
    spans = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.group().startswith("\n") or not _NO_END.search(text, max(0, m.start() - 6), m.start()):
            spans.append((start, m.start()))
            start = m.end()
    spans.append((start, len(text)))
    return spans


class TenseFinder:
    """Finds tense markers in a text and picks the tense of a span within a sentence."""

    def __init__(self, grammar: Grammar, *, reach: int = 80) -> None:
        self.reach = reach
        self._patterns = []
        for tense in (PAST, FUTURE):
            category = grammar.categories.get(tense)
            if category is None:
                continue
            for entry in category.entries:
                first = first_class(entry.form.pattern, 0)
                head = "(?=" + first + ")" if first else ""
                self._patterns.append(
                    (re.compile(head + r"(?<![\w])(?:" + entry.form.pattern + r")(?![\w])"), tense, int(entry.value))
                )

    def markers(self, text: str) -> list[Marker]:
        found = [
            Marker(m.start(), m.end(), tense, weight)
            for pattern, tense, weight in self._patterns
            for m in pattern.finditer(text)
        ]
        found.sort(key=lambda m: m.start)
        return found

    def tense(
        self,
        text: str,
        markers: list[Marker],
        starts: list[int],
        sentence: tuple[int, int],
        span: tuple[int, int],
    ) -> str | None:
        """The tense for ``span`` from the markers of its clause, else of its sentence."""
        lo = bisect.bisect_left(starts, sentence[0])
        hi = bisect.bisect_left(starts, sentence[1])
        nearby = [m for m in markers[lo:hi] if not span[0] <= m.start < span[1]]
        if not nearby:
            return None
        clause_start = sentence[0]
        for br in _CLAUSE_BREAK.finditer(text, sentence[0], span[0]):
            clause_start = br.end()
        br = _CLAUSE_BREAK.search(text, span[1], sentence[1])
        clause_end = br.start() if br else sentence[1]
        best: tuple[int, int] | None = None
        choice = None
        for marker in nearby:
            gap = _gap(marker, span)
            if clause_start <= marker.start and marker.end <= clause_end or gap < 0:
                key = (-marker.weight, gap)
                if best is None or key < best:
                    best, choice = key, marker.tense
        if choice is not None:
            return choice
        for marker in nearby:
            gap = _gap(marker, span)
            if gap <= self.reach and marker.weight > 0:  # weight 0: a present-tense verb speaks for its clause only
                key = (gap, -marker.weight)
                if best is None or key < best:
                    best, choice = key, marker.tense
        return choice


def _gap(marker: Marker, span: tuple[int, int]) -> int:
    """Characters between a marker and a span (negative when the marker surrounds it)."""
    if marker.end <= span[0]:
        return span[0] - marker.end
    if marker.start >= span[1]:
        return marker.start - span[1]
    return -1
