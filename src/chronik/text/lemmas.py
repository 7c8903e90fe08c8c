"""Lemmas for tokens (simplemma: dictionary lookup plus rules, data inside the wheel)."""

from __future__ import annotations

from chronik.model import Token

# separable particles and inseparable prefixes: a participle of a particle verb whose base has an
# inseparable prefix carries no "ge" ("einbestellt", "abverlangt"), and the dictionary may lack it
_PARTICLES = ("zurück", "zusammen", "entgegen", "hervor", "nieder", "weiter", "hinzu", "statt", "durch",
              "nach", "fort", "teil", "auf", "aus", "bei", "ein", "mit", "vor", "ab", "an", "um", "zu")
_INSEPARABLE = ("be", "ent", "emp", "er", "miss", "ver", "zer")


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
            if out == word and self.lang == "de" and word.islower() and word.endswith("t"):
                out = self._particle_participle(word, simplemma)
            if len(self._cache) < self.cache_size:
                self._cache[word] = out
        return out

    def _particle_participle(self, word: str, simplemma) -> str:
        """"einbestellt" -> "einbestellen": the particle before the base verb's lemma, when the
        dictionary does not know the participle ("bestellt" -> "bestellen"); else ``word``."""
        for particle in _PARTICLES:
            rest = word[len(particle):]
            if word.startswith(particle) and len(rest) >= 6 and rest.startswith(_INSEPARABLE):
                base = simplemma.lemmatize(rest, lang=self.lang)
                if base != rest and base.endswith("n"):
                    return particle + base
                return word
        return word

    def __call__(self, text: str, tokens: tuple[Token, ...]) -> tuple[Token, ...]:
        return tuple(t.replace(lemma=self.lemma(text[t.start:t.end])) for t in tokens)
