"""Lead cues: where and on which weekday a document's lead says its event happened.

Two reports of one happening place it in the same place and on the same day; two reports of
the same *kind* of happening (the same leaders meeting again, a second rehab stay) often differ in
exactly these. The cues are read from the lead only (the first sentences say what happened;
later paragraphs recall earlier events):

- **places**: names right after a locative preposition ("in Pjöngjang", "at Malibu"), or, for
  an annotated article, the place mentions (canonical ids) that follow one;
- **weekdays**: weekday names ("am Mittwoch", "on Tuesday").

:class:`CueSets` keeps one set per document and tells, for document pairs, whether both have
cues and none in common (a conflict). The clusterer turns conflicts into a penalty on similarity.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np
from scipy.sparse import csr_matrix

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True, slots=True)
class CueWords:
    """One language's cue words (``data/lead_cues_LANG.txt``)."""

    locative: frozenset[str]
    weekdays: frozenset[str]
    months: frozenset[str]

    @classmethod
    def load(cls, lang: str) -> CueWords:
        path = DATA / f"lead_cues_{lang}.txt"
        fields: dict[str, frozenset[str]] = {}
        if path.is_file():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip() and not line.startswith("#"):
                    key, _, words = line.partition(":")
                    fields[key.strip()] = frozenset(words.split())
        return cls(locative=fields.get("locative", frozenset()), weekdays=fields.get("weekdays", frozenset()),
                   months=fields.get("months", frozenset()))


class LeadCues:
    """Reads places and weekdays from lead sentences, per language (cue words load once per object)."""

    def __init__(self, function_words: dict[str, frozenset[str]] | None = None) -> None:
        self.function_words = function_words or {}
        self._words: dict[str, CueWords] = {}

    def words(self, lang: str) -> CueWords:
        if lang not in self._words:
            self._words[lang] = CueWords.load(lang)
        return self._words[lang]

    def weekdays(self, tokens: Iterable[str], lang: str) -> tuple[str, ...]:
        """Weekday names among ``tokens`` (lowercased, sorted, once each)."""
        days = self.words(lang).weekdays
        return tuple(sorted({t.lower() for t in tokens if t.lower() in days}))

    def places(self, tokens: Sequence[str], lang: str) -> tuple[str, ...]:
        """Capitalised words right after a locative preposition, months, weekdays and function
        words excluded (lowercased, sorted, once each)."""
        w = self.words(lang)
        function_words = self.function_words.get(lang, frozenset())
        out = set()
        for prev, tok in zip(tokens, tokens[1:]):
            low = tok.lower()
            if (prev.lower() in w.locative and prev.islower() and tok[:1].isupper()
                    and low not in w.months and low not in w.weekdays and low not in function_words
                    and any(ch.isalpha() for ch in tok)):
                out.add(low)
        return tuple(sorted(out))


class CueSets:
    """A growing list of cue sets, one per document, as a binary sparse matrix."""

    def __init__(self) -> None:
        self.vocab: dict[str, int] = {}
        self._rows: list[list[int]] = []
        self._matrix: csr_matrix | None = None

    def __len__(self) -> int:
        return len(self._rows)

    def add(self, sets: Iterable[Iterable[str]]) -> None:
        for terms in sets:
            self._rows.append(sorted({self.vocab.setdefault(t, len(self.vocab)) for t in terms}))
        self._matrix = None

    def matrix(self) -> csr_matrix:
        if self._matrix is None:
            self._matrix = self._build()
        return self._matrix

    def _build(self) -> csr_matrix:
        indptr = np.concatenate([[0], np.cumsum([len(r) for r in self._rows])]).astype(np.int64)
        indices = np.fromiter((c for r in self._rows for c in r), dtype=np.int64, count=int(indptr[-1]))
        return csr_matrix((np.ones(indices.size), indices, indptr), shape=(len(self._rows), max(len(self.vocab), 1)))

    def conflicts(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """Whether documents ``rows[t]`` and ``cols[t]`` both have cues and share none."""
        sizes = np.array([len(r) for r in self._rows], dtype=np.int64)
        if rows.size == 0 or not sizes.any():
            return np.zeros(rows.size, dtype=bool)
        both = (sizes[rows] > 0) & (sizes[cols] > 0)
        out = np.zeros(rows.size, dtype=bool)
        if both.any():
            m = self.matrix()
            r, c = rows[both], cols[both]
            shared = np.asarray(m[r].multiply(m[c]).sum(axis=1)).ravel()
            out[both] = shared == 0
        return out
