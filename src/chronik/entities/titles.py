"""Titles and appositions of people, learned from the text around each person mention.

The capitalised noun right before a person ("Kremlchef Wladimir Putin", "die nordkoreanische
Außenministerin Choe Son-hui") or right after it behind a comma ("An Chan-il, Direktor des ...")
is a title of that person; with an article and adjectives it also gives a descriptor
("nordkoreanische Außenministerin"). A country adjective in the descriptor or a genitive country
just before the title ("Russlands Außenminister") gives an affiliation with that country.
"""

from __future__ import annotations

import re
from typing import Callable

from chronik.entities.demonyms import Demonyms
from chronik.entities.gazetteer import Gazetteer, fold
from chronik.entities.lexicon import Lexicon
from chronik.model import Article, Mention

_BEFORE = re.compile(
    r"(?:(?P<det>\b[Dd](?:er|ie|es|em|en))\s+)?(?P<adjs>(?:[a-zäöüß][\w-]*\s+){0,3}?)"
    r"(?P<noun>[A-ZÄÖÜ][\w-]*[a-zäöüß])\s+$")
_AFTER = re.compile(
    r"^,\s+(?:(?P<det>der|die)\s+)?(?P<adjs>(?:[a-zäöüß][\w-]*\s+){0,2}?)"
    r"(?P<noun>[A-ZÄÖÜ][\w-]*[a-zäöüß])(?=\s+(?:des|der|von|im|in|für)\b|\s*,)")


_REFERENCE = re.compile(
    r"\b(?P<det>[Dd](?:er|ie|es|em|en))\s+(?P<adjs>(?:[a-zäöüß][\w-]*\s+){0,2}?)(?P<noun>[A-ZÄÖÜ][\w-]*[a-zäöüß])\b")
_PLURAL = frozenset("beide beiden beider zwei drei vier alle allen vielen mehrere mehreren".split())


def genitive_stem(name: str) -> str | None:
    """``Putins`` -> ``Putin`` (a candidate: callers check the stem is known)."""
    if len(name) > 3 and name[-1] in "s'’" and name[-2].isalpha():
        return name[:-1]
    return None


class TitleFinder:
    """Finds the titles of one person mention; ``place_of`` resolves a name to a place id."""

    def __init__(self, gazetteer: Gazetteer, demonyms: Demonyms,
                 place_of: Callable[[str], str | None], window: int = 120,
                 lexicon: Lexicon | None = None) -> None:
        self.gazetteer = gazetteer
        self.demonyms = demonyms
        self.place_of = place_of
        self.window = window
        self.lexicon = lexicon or Lexicon()

    def __call__(self, article: Article, mention: Mention) -> tuple[list[str], list[str]]:
        """``(titles, affiliated place ids)`` of the person at ``mention``."""
        titles: list[str] = []
        places: list[str] = []
        text = article.text
        lo = max(0, mention.start - self.window)
        line_start = text.rfind("\n", lo, mention.start) + 1
        before = text[max(lo, line_start):mention.start]
        m = _BEFORE.search(before)
        if m:
            self._title(article, m, mention.start - len(before), titles, places, before_name=True)
        after = text[mention.end:mention.end + self.window].split("\n", 1)[0]
        m = _AFTER.match(after)
        if m:
            self._title(article, m, mention.end, titles, places, before_name=False)
        return titles, places

    @staticmethod
    def _covered(article: Article, start: int, end: int) -> Mention | None:
        for m in article.mentions:
            if m.start < end and start < m.end:
                return m
        return None

    def _is_title(self, noun: str) -> bool:
        """A capitalised noun: not a name, not a capitalised function word ("Laut", "Nach")."""
        return (len(noun) > 2 and not noun.isupper() and noun.lower() not in self.lexicon
                and noun not in self.gazetteer.first_names)

    def _title(self, article: Article, m: re.Match, base: int, titles: list[str],
               places: list[str], before_name: bool) -> None:
        noun = m.group("noun")
        n_start = base + m.start("noun")
        if self._covered(article, n_start, n_start + len(noun)) or not self._is_title(noun):
            return  # the word next to the name is itself a name ("Russland Putin")
        adjs = m.group("adjs").split()
        found = [p.id for a in adjs if (p := self.demonyms.country(a))]
        if before_name and not m.group("det") and article.text[max(0, n_start - 2):n_start].endswith("s "):
            # "Russlands Außenminister Sergej Lawrow": a genitive place just before the title
            g = self._covered(article, n_start - 2, n_start - 1)
            stem = genitive_stem(article.text[g.start:g.end]) if g and g.label == "LOC" else None
            if stem and (pid := self.place_of(stem)):
                found.append(pid)
        titles.append(noun)
        if m.group("det") and adjs:
            titles.append(" ".join(adjs + [noun]))
        places.extend(found)

    def owners(self, article: Article) -> dict[str, set[str]]:
        """Folded title -> folded full names of the article's people who bear it."""
        owners: dict[str, set[str]] = {}
        for m in article.mentions:
            name = article.text[m.start:m.end]
            if m.label == "PER" and " " in name.strip():
                for title in self(article, m)[0]:
                    if " " not in title:
                        owners.setdefault(fold(title), set()).add(fold(name))
        return owners

    def references(self, article: Article) -> Article:
        """``article`` plus a PER mention for each title standing alone ("Der Kremlchef lobte")
        that exactly one person of the article bears; plurals ("die beiden Präsidenten") and a
        title right before a name are left alone."""
        owners = {t: names for t, names in self.owners(article).items() if len(names) == 1}
        if not owners:
            return article
        text = article.text
        taken = [(m.start, m.end) for m in article.mentions]
        added = []
        for m in _REFERENCE.finditer(text):
            key = fold(m.group("noun"))
            if key not in owners:
                # an inflected title ("des Kremlchefs", "dem Präsidenten"), never "die ...s" (plural)
                inflected = (key.endswith(("s", "n")) and key[:-1] in owners) or \
                    (key.endswith("en") and key[:-2] in owners)
                if not inflected or m.group("det").lower() not in ("des", "dem", "den"):
                    continue
            start, end = m.start("noun"), m.end("noun")
            if _PLURAL & set(m.group("adjs").split()) or any(a < end and start < b for a, b in taken):
                continue
            if text[end:end + 2].lstrip()[:1].isupper():  # "der Kremlchef Wladimir Putin"
                continue
            added.append(Mention(start=start, end=end, label="PER"))
        if not added:
            return article
        mentions = sorted(article.mentions + tuple(added), key=lambda x: (x.start, x.end))
        return article.replace(mentions=tuple(mentions))
