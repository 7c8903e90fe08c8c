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
BIG_CITY = 100_000  # a city this populous or more is a big place (its name is strong place evidence)


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    kind: str  # country, continent, region, city
    population: int
    names: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.names[0]

    @property
    def big(self) -> bool:
        """A country, continent or region, or a city of ``BIG_CITY`` people or more."""
        return self.kind != "city" or self.population >= BIG_CITY


def _country_names(file: str = "country_names.tsv") -> dict[str, tuple[str, ...]]:
    """Place id -> names, from a hand-written table of the data package."""
    text = resources.files(DATA).joinpath(file).read_text(encoding="utf-8")
    out = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            ident, _, names = line.partition("\t")
            out[ident.strip()] = tuple(n.strip() for n in names.split("|") if n.strip())
    return out


def fold(name: str) -> str:
    """A matching key: case-folded, hyphens and apostrophes as spaces, umlauts expanded."""
    key = name.casefold().replace("ß", "ss")
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("-", " "), ("’", "'"), ("'", ""), (".", "")):
        key = key.replace(a, b)
    return " ".join(key.split())


class Gazetteer:
    """Place and person-name lists; lookups are dictionary hits."""

    def __init__(self, translit_names: bool = False) -> None:
        """``translit_names``: also the German-transcribed Russian and Ukrainian first and last
        names (``data/translit_*_names.txt``, built by ``scripts/ner_names.py``)."""
        files = resources.files(DATA)
        self._lines = [line for line in gzip.decompress(files.joinpath("places.tsv.gz").read_bytes())
                       .decode("utf-8").splitlines() if line and not line.startswith("#")]
        self._places: dict[str, Place] = {}
        self._by_key: dict[str, list[Place]] = {}
        # word -> gazetteer classes ("land", "city", "alt") and multi-word phrase -> class
        self.word_classes: dict[str, set[str]] = {}
        self.phrases: dict[tuple[str, ...], str] = {}
        for line in self._lines:
            kind, _, _, names = line.split("\t", 3)
            cls = "city" if kind == "city" else "land"
            for i, name in enumerate(names.split("|")):
                tag = cls if i == 0 or kind != "city" else "alt"
                if " " in name:
                    self.phrases.setdefault(tuple(name.split()), tag)
                else:
                    self.word_classes.setdefault(name, set()).add(tag)
        self._phrase_len: dict[str, int] = {}  # first word -> length of its longest phrase
        for phrase in self.phrases:
            self._phrase_len[phrase[0]] = max(self._phrase_len.get(phrase[0], 0), len(phrase))
        self.translit_names = translit_names
        self.first_names = self._names(files, "first_names.txt")
        self.last_names = self._names(files, "last_names.txt")
        if translit_names:
            self.first_names |= self._names(files, "translit_first_names.txt")
            self.last_names |= self._names(files, "translit_last_names.txt")

    @property
    def places(self) -> dict[str, Place]:
        """Every place by id (parsed on first use); countries take the names German news uses
        first (``data/country_names.tsv``: "USA", "Großbritannien"); states that no longer exist
        (``data/former_states.tsv``: "Sowjetunion", "Österreich-Ungarn") are countries too."""
        if not self._places:
            preferred = _country_names()
            for line in self._lines:
                kind, ident, pop, names = line.split("\t", 3)
                listed = preferred.get(ident, ()) + tuple(names.split("|"))
                self._places[ident] = Place(ident, kind, int(pop), tuple(dict.fromkeys(listed)))
            for ident, names in _country_names("former_states.tsv").items():
                self._places[ident] = Place(ident, "country", 0, names)
        return self._places

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
        longest = self._phrase_len
        while i < len(words):
            for n in range(min(longest.get(words[i], 0), len(words) - i), 1, -1):
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
        if not self._by_key:  # built on first use: the tagger never needs it
            for place in self.places.values():
                for alias in place.names:
                    self._by_key.setdefault(fold(alias), []).append(place)
        found = self._by_key.get(fold(name))
        if not found:
            return None
        rank = {"country": 0, "continent": 1, "region": 2, "city": 3}
        return min(found, key=lambda p: (rank.get(p.kind, 9), -p.population, p.id))
