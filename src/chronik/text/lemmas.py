"""Lemmas for tokens (simplemma: dictionary lookup plus rules, data inside the wheel)."""

from __future__ import annotations

from chronik.model import Token


class Lemmatizer:
    """Adds ``lemma`` to tokens; holds a per-object cache (one per worker)."""

    def __init__(self, lang: str = "de", cache_size: int = 200_000) -> None:
        self.lang = lang
        self.cache_size = cache_size
        self._cache: dict[str, str] = {}

    def lemma(self, word: str) -> str:
        out = self._cache.get(word)
        if out is None:
            import simplemma

            out = simplemma.lemmatize(word, lang=self.lang) if any(c.isalpha() for c in word) else word
            if len(self._cache) < self.cache_size:
                self._cache[word] = out
        return out

    def __call__(self, text: str, tokens: tuple[Token, ...]) -> tuple[Token, ...]:
        return tuple(t.replace(lemma=self.lemma(text[t.start:t.end])) for t in tokens)
