"""Country adjectives ("nordkoreanische", "russischen") -> the country they derive from.

A country adjective is not a mention of the country (it is kept apart, so "russische" does
not count as a mention of Russland), but canonicalisation links a title such as
"die nordkoreanische Außenministerin" to Nordkorea through it. Irregular adjectives come from
``data/demonyms.tsv``; regular ones are derived by stripping a demonym suffix and finding the
country whose German name starts with the stem ("ital|ienisch" -> Italien).
"""

from __future__ import annotations

import re
from importlib import resources

from chronik.entities.gazetteer import Gazetteer, Place

_ADJECTIVE = re.compile(r"^(?P<base>[a-zäöüß-]+?(?:isch|sch))(?:e|en|er|es|em)?$")
_SUFFIXES = ("isch", "sisch", "äisch", "enisch", "esisch", "anisch", "ianisch")
_COMPASS = ("nord", "süd", "ost", "west")
_MIN_STEM = 4


class Demonyms:
    """Resolves country adjectives with the places of a :class:`Gazetteer`."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        text = resources.files("chronik.entities.data").joinpath("demonyms.tsv").read_text("utf-8")
        self.irregular: dict[str, str] = {}
        for line in text.splitlines():
            if line.strip() and not line.startswith("#"):
                adjective, code = line.split("\t")
                code = code.strip()  # an ISO code, or a place id ("sub:GB-ENG": England)
                self.irregular[adjective.strip()] = code if ":" in code else f"country:{code}"
        self._countries = [p for p in gazetteer.places.values() if p.kind in ("country", "continent")]
        self._cache: dict[str, Place | None] = {}

    def country(self, word: str) -> Place | None:
        """The country (or continent) an adjective such as ``nordkoreanischen`` refers to."""
        word = word.lower()
        if word not in self._cache:
            self._cache[word] = self._resolve(word)
        return self._cache[word]

    def _resolve(self, word: str) -> Place | None:
        m = _ADJECTIVE.match(word)
        if not m:
            return None
        base = m.group("base")
        if base in self.irregular:
            return self.gazetteer.places.get(self.irregular[base])
        for compass in _COMPASS:  # "ostrussisch" -> russisch (the region, not a new country)
            if base.startswith(compass) and base[len(compass):] in self.irregular:
                return self.gazetteer.places.get(self.irregular[base[len(compass):]])
        for suffix in _SUFFIXES:  # fewest letters stripped first
            if not base.endswith(suffix):
                continue
            stem = base[: -len(suffix)]
            if len(stem) < _MIN_STEM:
                continue
            found = [p for p in self._countries
                     if p.name.lower().startswith(stem)]
            if found:
                return min(found, key=lambda p: (p.kind != "country", len(p.name), p.id))
        return None
