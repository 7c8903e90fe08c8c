"""German-stemmed search terms: lower-cased, ß folded, umlauts and ae/oe/ue merged by Snowball.

"Pjöngjang", "Pjoengjang" and "Pjongjang" all become ``pjongjang``; "großen" and "grossen"
become ``gross``.
"""

from __future__ import annotations

import re
from functools import cached_property

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


class Stemmer:
    """Snowball German stemmer with a per-object cache (hold one per worker)."""

    def __init__(self, language: str = "german") -> None:
        self.language = language
        self._cache: dict[str, str] = {}

    @cached_property
    def _snowball(self):
        import snowballstemmer

        return snowballstemmer.stemmer(self.language)

    def stem(self, word: str) -> str:
        word = word.lower().replace("ß", "ss")
        out = self._cache.get(word)
        if out is None:
            out = self._snowball.stemWord(word)
            if len(self._cache) < 200_000:
                self._cache[word] = out
        return out

    def terms(self, text: str) -> list[str]:
        return [self.stem(m.group()) for m in _WORD.finditer(text)]

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """Each word's span and stem."""
        return [(m.start(), m.end(), self.stem(m.group())) for m in _WORD.finditer(text)]
