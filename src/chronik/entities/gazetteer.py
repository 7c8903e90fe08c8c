"""Gazetteers built by ``scripts/build_gazetteers.py``: places and person names.

:class:`Gazetteer` loads the shipped data files once per object (no module-level state) and
answers two questions: which gazetteer classes a single word belongs to (for tagger features)
and which place a surface form names (for canonicalisation: "Pjöngjang" and "Pyongyang" share
a GeoNames id).
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from importlib import resources

DATA = "chronik.entities.data"


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    kind: str  # country, continent, region, city
    population: int
    names: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.names[0]


def fold(name: str) -> str:
    """A matching key: case-folded, hyphens and apostrophes as spaces, umlauts expanded."""
    key = name.casefold().replace("ß", "ss")
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("-", " "), ("’", "'"), ("'", ""), (".", "")):
        key = key.replace(a, b)
    return " ".join(key.split())


class Gazetteer:
    """Place and person-name lists; lookups are dictionary hits."""

    def __init__(self) -> None:
        files = resources.files(DATA)
        raw = gzip.decompress(files.joinpath("places.tsv.gz").read_bytes()).decode("utf-8")
        self.places: dict[str, Place] = {}
        self._by_key: dict[str, list[Place]] = {}
        # word -> gazetteer classes ("country", "city", ...) for features
        self.word_classes: dict[str, set[str]] = {}
        # phrase (tuple of words) -> class, for multi-word matches; max phrase length
        self.phrases: dict[tuple[str, ...], str] = {}
        for line in raw.splitlines():
            if not line or line.startswith("#"):
                continue
            kind, ident, pop, names = line.split("\t")
            place = Place(ident, kind, int(pop), tuple(names.split("|")))
            self.places[ident] = place
            cls = "city" if kind == "city" else "land"
            for i, name in enumerate(place.names):
                self._by_key.setdefault(fold(name), []).append(place)
                words = tuple(name.split())
                tag = cls if i == 0 or kind != "city" else "alt"
                if len(words) == 1:
                    self.word_classes.setdefault(words[0], set()).add(tag)
                else:
                    self.phrases.setdefault(words, tag)
        self.max_phrase = max((len(p) for p in self.phrases), default=1)
        self.first_names = self._names(files, "first_names.txt")
        self.last_names = self._names(files, "last_names.txt")

    @staticmethod
    def _names(files, name: str) -> frozenset[str]:
        text = files.joinpath(name).read_text(encoding="utf-8")
        return frozenset(line.strip() for line in text.splitlines() if line.strip())

    def word_features(self, word: str) -> list[str]:
        out = [f"gz:{c}" for c in sorted(self.word_classes.get(word, ()))]
        if word in self.first_names:
            out.append("gz:first")
        if word in self.last_names:
            out.append("gz:last")
        return out

    def phrase_tags(self, words: list[str] | tuple[str, ...]) -> list[str | None]:
        """Per word, ``B-class``/``I-class`` of the longest multi-word place match, else None."""
        tags: list[str | None] = [None] * len(words)
        i = 0
        while i < len(words):
            for n in range(min(self.max_phrase, len(words) - i), 1, -1):
                cls = self.phrases.get(tuple(words[i:i + n]))
                if cls:
                    tags[i] = f"B-{cls}"
                    for j in range(i + 1, i + n):
                        tags[j] = f"I-{cls}"
                    i += n
                    break
            else:
                i += 1
        return tags

    def lookup(self, name: str) -> Place | None:
        """The place ``name`` names (countries before regions before cities, then population)."""
        found = self._by_key.get(fold(name))
        if not found:
            return None
        rank = {"country": 0, "continent": 1, "region": 2, "city": 3}
        return min(found, key=lambda p: (rank.get(p.kind, 9), -p.population, p.id))
