"""Where a name chunk must be cut: at lower-case words no name holds, and at commas.

A sequence tagger sometimes runs a chunk across the words between two names ("Putin empfing
Kim" as one person; "lud Kim Jong Un Putin höflich ein , die Demokratische Volksrepublik Korea"
as one MISC chunk). :class:`NameCutter` cuts every chunk, of any label, into its name-like runs:

* a comma or semicolon never stands inside a name;
* a person's name holds no all-lower-case word but a name particle ("von der", "bin", "al");
* another name (organisation, place, work) may also hold connectives ("Institut für
  Weltwirtschaft", "Frankfurt am Main") and inflected adjectives ("Bundesverband deutscher
  Banken"), but no other all-lower-case word, and does not open with a particle ("von Alliance
  Boots" is "Alliance Boots"); a single-word chunk ("dpa") is left alone.

The particles are one hand-written list, ``data/name_particles.tsv``. Words with a capital
inside ("al-Nuaimi", "d'Estaing", "eBay") are never cut at.
"""

from __future__ import annotations

from importlib import resources
from typing import Sequence

PARTICLES_FILE = "name_particles.tsv"
_SCOPES = ("all", "name")
_PUNCT = frozenset({",", ";"})
_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")

Span = tuple[int, int, str]


def load_particles(text: str | None = None) -> dict[str, str]:
    """word -> scope ("all": inside any name; "name": inside names other than persons')."""
    if text is None:
        text = resources.files("chronik.entities.data").joinpath(PARTICLES_FILE).read_text("utf-8")
    out = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        word, _, scope = line.partition("\t")
        if scope.strip() not in _SCOPES:
            raise ValueError(f"{PARTICLES_FILE} line {number}: scope must be one of {_SCOPES}: {line!r}")
        out[word.strip()] = scope.strip()
    return out


class NameCutter:
    """Cuts chunks ``(start, end, label)`` over ``words`` at words no name of that label holds.

    ``lexicon`` (German word forms, ``in``) tells an inflected German word ("empfing", "höflich")
    from a lower-case brand, domain or foreign name part ("beauty alliance", "presseportal . de"),
    which organisation and place names may hold."""

    def __init__(self, lexicon, particles: dict[str, str] | None = None) -> None:
        self.lexicon = lexicon
        self.particles = load_particles() if particles is None else dict(particles)

    def breaks(self, word: str, label: str) -> bool:
        """Does ``word`` end a chunk of ``label``?"""
        if not word.islower():
            return label == "PER" and word in _PUNCT
        scope = self.particles.get(word)
        if label == "PER":
            return scope != "all"
        # abbreviations ("Frankfurt a . M", "Praha hl . n .") and foreign words stay inside
        return scope is None and len(word) >= 3 and word in self.lexicon and \
            not (len(word) > 4 and word.endswith(_ADJECTIVE_ENDINGS))

    def cut(self, words: Sequence[str], spans: Sequence[Span]) -> list[Span]:
        out: list[Span] = []
        for a, b, label in spans:
            if b - a == 1 and label != "PER":
                out.append((a, b, label))
                continue
            start, cut_before = a, False
            for k in range(a, b + 1):
                if k < b and not self.breaks(words[k], label):
                    continue
                lo, hi = start, k
                # punctuation left at a cut ("Heyl" of "v . Heyl" keeps its dot; "' Jtalia" does not)
                while cut_before and lo < hi and not _wordlike(words[lo]):
                    lo += 1
                while k < b and hi > lo and not _wordlike(words[hi - 1]):
                    hi -= 1
                while label != "PER" and hi - lo > 1 and words[lo].islower() and words[lo] in self.particles:
                    lo += 1  # no organisation or place name opens with a particle: "von Alliance Boots"
                if hi > lo:
                    out.append((lo, hi, label))
                start, cut_before = k + 1, True
        return out


def _wordlike(word: str) -> bool:
    return any(c.isalnum() for c in word)
