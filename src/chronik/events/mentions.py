"""Entity mentions as the event extractor reads them: two repairs of adjacent-name merges.

A sequence tagger sometimes joins neighbouring names into one mention ("lud Kim Jong Un
Putin höflich ein" -> "lud Kim Jong Un Putin"; "dankte Putin Kim"). For events that merge
hides who did what to whom, so before extraction:

* leading and trailing lowercase words are trimmed from a mention ("lud Kim Jong Un Putin"
  -> "Kim Jong Un Putin");
* a mention that is made of two names the same article mentions on their own is split in two
  ("Kim Jong Un Putin" -> "Kim Jong Un" + "Putin", when "Putin" stands alone elsewhere); title
  words before the first name are dropped ("Nordkoreas Machthaber Kim Jong-un Moskau").

The article's own ``mentions`` are not changed; the repaired list is used inside the stage.
"""

from __future__ import annotations

import re

from chronik.model import Mention

_WORD = re.compile(r"\S+")


def repair(text: str, mentions: tuple[Mention, ...], lemma=None) -> list[tuple[int, Mention]]:
    """(index of the original mention, mention) pairs after trimming and splitting. ``lemma``
    tells inflected words ("lud" -> "laden") from lowercase names ("dpa", "epd")."""
    known = {_norm(text[m.start:m.end]) for m in mentions}
    out: list[tuple[int, Mention]] = []
    for index, m in enumerate(mentions):
        words = [(w.start() + m.start, w.end() + m.start) for w in _WORD.finditer(text[m.start:m.end])]
        while words and _stray(text[words[0][0]:words[0][1]], lemma):
            words.pop(0)
        while words and _stray(text[words[-1][0]:words[-1][1]], lemma):
            words.pop()
        if not words:
            continue
        for start, end in _split(text, words, known):
            out.append((index, Mention(start=start, end=end, label=m.label, entity=m.entity)))
    return out


def _split(text: str, words: list[tuple[int, int]], known: set[str]) -> list[tuple[int, int]]:
    """Split where the right part is a known name and the left part ends with one (words
    before that are titles: "Nordkoreas Machthaber Kim Jong-un Moskau" -> "Kim Jong-un",
    "Moskau")."""
    for cut in range(len(words) - 1, 0, -1):
        right = _norm(text[words[cut][0]:words[-1][1]])
        if right not in known:
            continue
        for first in range(0, cut):
            left = _norm(text[words[first][0]:words[cut - 1][1]])
            if left in known and (first == 0 or cut - first >= 2):
                return [(words[first][0], words[cut - 1][1]), (words[cut][0], words[-1][1])]
    return [(words[0][0], words[-1][1])]


def _stray(word: str, lemma) -> bool:
    """A lowercase word that is not part of a name: an inflected word ("lud"), not a lowercase
    name ("dpa", "bruxinfo.hu")."""
    if not word[:1].islower():
        return False
    return lemma is None or lemma(word).lower() != word


def _norm(surface: str) -> str:
    return " ".join(surface.strip(" \t\n\"'„“”«»‚‘’()[]{}.,;:!?").split()).lower()
