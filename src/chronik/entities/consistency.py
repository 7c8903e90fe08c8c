"""Document-level repairs of person chunks, after the CRF and the role-noun step.

The CRF tags each sentence on its own; a news article names its people in full once ("Wladimir
Putin", "Kim Jong-un") and then by one part of the name, which an unseen word-type classifier
may call a place ("Putin" as LOC). Three narrow repairs use the rest of the document:

* a one-word chunk that is a part of a multi-word person name in the same document is that
  person, unless the word names a country, region or large city (:func:`persons_by_parts`);
* at a person chunk's edges (:func:`person_boundaries`): a short romanised last syllable left
  out is added ("Kim Jong" + "Un"), a place-noun compound is cut off ("Putins Nordkorea-Besuch"),
  and two words that are parts of two different people's names are split ("dankte Putin Kim");
* a one-word person chunk that the document puts right after "in" twice or more, and never
  into a longer person name, is a place, everywhere in the document ("in Walchenried", a village
  the word-type classifier took for a surname; :func:`places_by_preposition`);
* the surname of a person the document names in full ("Horst Seehofer") is that person where it
  stands alone and untagged ("sagte Seehofer", also "Seehofers"; :func:`persons_by_surname`).

The first three only relabel or re-cut chunks the tagger found; the last adds chunks, from a
full name elsewhere in the document.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Callable, Sequence

from chronik.entities.gazetteer import Gazetteer
from chronik.entities.corpora import chunks
from chronik.entities.chunkedit import capitalised
from chronik.entities.titles import genitive_stem

_SHORT_SYLLABLE = re.compile(r"[A-Z][a-z]{1,2}")  # "Un", "Il", "In"

Words = Sequence[str]
Tags = Sequence[str]


def big_place(gazetteer: Gazetteer, name: str) -> bool:
    """Whether ``name`` (also in the genitive: "Frankreichs") is a country, continent, region
    or city of 100,000 or more."""
    for form in (name, name[:-1]) if name.endswith("s") else (name,):
        place = gazetteer.lookup(form)
        if place is not None and place.big:
            return True
    return False


def _full_names(sentences: Sequence[Words], tagged: Sequence[Tags]) -> Counter:
    names: Counter = Counter()
    for words, tags in zip(sentences, tagged):
        for a, b, label in chunks(tags):
            if label == "PER" and b - a >= 2:
                names[tuple(words[a:b])] += 1
    return names


def persons_by_parts(sentences: Sequence[Words], tagged: Sequence[Tags],
                     gazetteer: Gazetteer) -> list[tuple[str, ...]]:
    """One-word chunks (any label) that are a part of a multi-word person name in the document
    (also in the genitive: "Putins") become PER, unless the word names a big place."""
    parts = {w for name in _full_names(sentences, tagged) for w in name if len(w) >= 2 and w[:1].isupper()}
    if not parts:
        return [tuple(t) for t in tagged]
    out = []
    for words, tags in zip(sentences, tagged):
        tags = list(tags)
        for a, b, label in chunks(tags):
            if label == "PER" or b - a != 1:
                continue
            word = words[a]
            base = word[:-1] if word.endswith("s") and word[:-1] in parts else word
            if base in parts and not big_place(gazetteer, base):
                tags[a] = "B-PER"
        out.append(tuple(tags))
    return out


def person_boundaries(sentences: Sequence[Words], tagged: Sequence[Tags], lexicon,
                      gazetteer: Gazetteer) -> list[tuple[str, ...]]:
    """Mends person chunks at the edges the CRF gets wrong in running text (see the module
    docstring). ``lexicon``: the German word forms (``in`` on lower-case words)."""
    names = _full_names(sentences, tagged)
    out = []
    for words, tags in zip(sentences, tagged):
        tags = list(tags)
        for a, b, label in chunks(tags):
            if label != "PER":
                continue
            if b - a >= 2 and b < len(words) and tags[b] == "O" and len(words[b - 1]) <= 5 and \
                    _SHORT_SYLLABLE.fullmatch(words[b]) and words[b].lower() not in lexicon and \
                    words[b - 1].lower() not in lexicon:
                tags[b] = "I-PER"  # "Kim Jong" + "Un"
            last = words[b - 1]
            if b - a >= 2 and "-" in last:
                head, _, tail = last.rpartition("-")
                if tail[:1].isupper() and tail.lower() in lexicon and big_place(gazetteer, head):
                    tags[b - 1] = "O"  # "Putins Nordkorea-Besuch"
            if b - a == 2 and names[tuple(words[a:b])] == 1:
                pair = tuple(words[a:b])
                left = {n for n in names if words[a] in n and n != pair}
                right = {n for n in names if words[a + 1] in n and n != pair}
                if left and right and not left & right:
                    tags[a + 1] = "B-PER"  # "dankte Putin Kim": two people
        out.append(tuple(tags))
    return out


_IN = frozenset({"in", "In"})


def places_by_preposition(sentences: Sequence[Words], tagged: Sequence[Tags], least: int = 2) -> list[tuple[str, ...]]:
    """One-word PER chunks whose word stands right after "in" ``least`` times or more in the
    document (tagged or not) and in no longer person chunk become LOC, also in the genitive
    ("Walchenrieds Bürgermeister"); a person does not stand "in" anything ("in Merkels
    Kabinett" is the genitive, which does not count)."""
    after_in: Counter = Counter()
    for words in sentences:
        for i in range(1, len(words)):
            if words[i - 1] in _IN and words[i][:1].isupper():
                after_in[words[i]] += 1
    places = {w for w, n in after_in.items() if n >= least}
    if not places:
        return [tuple(t) for t in tagged]
    places -= {w for name in _full_names(sentences, tagged) for w in name}
    out = []
    for words, tags in zip(sentences, tagged):
        tags = list(tags)
        for a, b, label in chunks(tags):
            if label == "PER" and b - a == 1:
                if words[a] in places or genitive_stem(words[a]) in places:
                    tags[a] = "B-LOC"
        out.append(tuple(tags))
    return out


_DETERMINERS = frozenset({"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines"})


def persons_by_surname(sentences: Sequence[Words], tagged: Sequence[Tags], gazetteer: Gazetteer,
                       is_title: Callable[[str], bool],
                       common: Callable[[str], bool] = lambda word: False) -> list[tuple[str, ...]]:
    """The last word of a multi-word person chunk that begins with a known first name ("Horst
    Seehofer") becomes PER wherever it stands untagged in the document, also in the genitive
    ("Seehofers"); not a big place, a role noun or a word of two letters, and not where it
    stands in a longer capitalised run ("Hendrik Schütte", "Kleinwort Benson"), before "&" or
    "+" (a firm: "Nieding + Barth") or after an article ("die Tagegelder"). A sentence's first
    word that ``common`` says is a German word written small elsewhere opens no run: "Sowohl
    Andergassen als auch ...", "Auch Seehofer sagte ..."."""
    surnames = set()
    for words, tags in zip(sentences, tagged):
        for a, b, label in chunks(tags):
            last = words[b - 1]
            if label == "PER" and b - a >= 2 and words[a] in gazetteer.first_names and len(last) >= 3 and \
                    capitalised(last) and not is_title(last):
                surnames.add(last)
    surnames = {w for w in surnames if not big_place(gazetteer, w)}
    if not surnames:
        return [tuple(t) for t in tagged]
    out = []
    for words, tags in zip(sentences, tagged):
        tags = list(tags)
        n = len(words)
        for i, word in enumerate(words):
            genitive = word not in surnames
            if tags[i] != "O" or (genitive and genitive_stem(word) not in surnames):
                continue
            if i + 1 < n and (tags[i + 1].startswith("I-") or words[i + 1] in ("&", "+") or
                              (words[i + 1][:1].isupper() and not genitive)):  # "Seehofers Rede"
                continue
            if i > 0 and (words[i - 1].lower() in _DETERMINERS or (capitalised(words[i - 1]) and tags[i - 1] == "O"
                                                                   and not (i == 1 and common(words[0])))):
                continue
            tags[i] = "B-PER"
        out.append(tuple(tags))
    return out
