"""Entity mentions as the event extractor reads them: two repairs of adjacent-name merges.

A sequence tagger sometimes joins neighbouring names into one mention ("lud Kim Jong Un
Putin höflich ein" -> "lud Kim Jong Un Putin"; "dankte Putin Kim"). For events that merge
hides who did what to whom, so before extraction:

* leading and trailing lowercase words are trimmed from a mention ("lud Kim Jong Un Putin"
  -> "Kim Jong Un Putin");
* a lowercase adjective and one word ("städtische Umweltamt") is a common noun phrase: dropped;
* a mention that holds a comma or an inflected lowercase word inside ("lud Kim Jong Un Putin
  höflich ein, die Demokratische Volksrepublik Korea", tagged MISC as a whole) is cut there into
  its name-like runs (lowercase name particles such as "für", "von", "de" stay inside);
* a mention that is made of two names the same article mentions on their own is split in two
  ("Kim Jong Un Putin" -> "Kim Jong Un" + "Putin", when "Putin" stands alone elsewhere); title
  words before the first name are dropped ("Nordkoreas Machthaber Kim Jong-un Moskau").

The article's own ``mentions`` are not changed; the repaired list is used inside the stage.
"""

from __future__ import annotations

import re

from chronik.model import Mention

_WORD = re.compile(r"\S+")


def repair(text: str, mentions: tuple[Mention, ...], lemma=None,
           particles: frozenset[str] = frozenset()) -> list[tuple[int, Mention]]:
    """(index of the original mention, mention) pairs after trimming, cutting and splitting.
    ``lemma`` tells inflected words ("lud" -> "laden") from lowercase names ("dpa", "epd");
    ``particles`` are the lowercase words a name may hold ("für", "von", "de")."""
    known = {_norm(text[m.start:m.end]) for m in mentions}
    out: list[tuple[int, Mention]] = []
    for index, m in enumerate(mentions):
        words = [(w.start() + m.start, w.end() + m.start) for w in _WORD.finditer(text[m.start:m.end])]
        if len(words) == 2 and _adjective(text[words[0][0]:words[0][1]]) and "-" not in text[words[1][0]:words[1][1]]:
            continue  # "das städtische Umweltamt": an adjective and a common noun, not a name
        for run in _runs(text, words, particles):
            while run and _stray(text[run[0][0]:run[0][1]], lemma):
                run.pop(0)
            while run and _stray(text[run[-1][0]:run[-1][1]], lemma):
                run.pop()
            if not run:
                continue
            for start, end in _split(text, run, known):
                out.append((index, Mention(start=start, end=end, label=m.label, entity=m.entity)))
    return out


def _runs(text: str, words: list[tuple[int, int]], particles: frozenset[str]) -> list[list[tuple[int, int]]]:
    """The mention's words cut at lowercase words inside it that are neither name particles nor
    adjectives, and then also at commas; one run when no such word is inside (edges are trimmed by the caller)."""
    def foreign(k: int) -> bool:
        w = text[words[k][0]:words[k][1]].rstrip(",;")
        adjective = len(w) > 4 and w.endswith(("e", "en", "er", "es", "em"))  # "Bundesverband deutscher Banken"
        return 0 < k < len(words) - 1 and w[:1].islower() and w not in particles and not adjective

    if len(words) < 3 or not particles or not any(foreign(k) for k in range(len(words))):
        return [list(words)]
    runs: list[list[tuple[int, int]]] = [[]]
    for k, (a, b) in enumerate(words):
        if foreign(k):
            runs.append([])
        elif text[b - 1] == ",":
            runs[-1].append((a, b - 1))
            runs.append([])
        else:
            runs[-1].append((a, b))
    return [r for r in runs if r]


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


def _adjective(word: str) -> bool:
    return word[:1].islower() and len(word) > 4 and word.endswith(("e", "en", "er", "es", "em"))


def _stray(word: str, lemma) -> bool:
    """A lowercase word that is not part of a name: an inflected word ("lud"), not a lowercase
    name ("dpa", "bruxinfo.hu")."""
    if not word[:1].islower():
        return False
    return lemma is None or lemma(word).lower() != word


def _norm(surface: str) -> str:
    return " ".join(surface.strip(" \t\n\"'„“”«»‚‘’()[]{}.,;:!?").split()).lower()
