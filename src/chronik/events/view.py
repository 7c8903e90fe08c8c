"""The records of a sentence view (tokens, clauses, the noun phrases around entity mentions) and
the word predicates the rules read them with; :mod:`chronik.events.analysis` builds them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from chronik.events.mentions import ADJ_ENDINGS
from chronik.model import Mention

BREAKS = frozenset(",;:()[]{}–—\"„“”«»‚‘’|")
QUOTES = frozenset("\"„“”«»")
ARTICLES = frozenset("der die das den dem des ein eine einen einem einer eines".split())
TERMINAL = frozenset(".!?…\"“”»«')")


@dataclass(slots=True)
class Tok:
    i: int
    start: int
    end: int
    text: str
    lower: str
    lemma: str
    clause: int = 0
    quoted: bool = False

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def word(self) -> bool:
        return self.text[:1].isalpha()


@dataclass(slots=True)
class Clause:
    index: int
    first: int  # token index
    last: int  # token index (inclusive)
    opener: str = ""  # subordinator or relative pronoun that opens it ("" for a main clause)
    relative: bool = False
    antecedent: int | None = None  # phrase index of a relative clause's antecedent


@dataclass(slots=True)
class Phrase:
    """A noun phrase around one entity mention."""

    index: int
    mention: int  # index into the article's mentions
    first: int  # first token of the phrase (determiner, adjectives, titles)
    head_first: int  # first token of the mention
    last: int  # last token of the mention
    clause: int
    prep: str = ""  # governing preposition, lowercase
    det: str = ""  # determiner, lowercase
    group: int = 0  # coordination group
    modifies: int | None = None  # token index of the noun this phrase is a genitive/possessor of
    compound_of: int | None = None  # token index of the compound it is the first part of
    titles: tuple[int, ...] = ()  # title nouns before the name ("Präsident", "Machthaber")
    seat: bool = False  # a place in "in" that names the government before it ("die Regierung in Moskau")
    von: bool = False  # named by a "von" phrase after a spokesperson noun ("der Sprecher von Siemens"): no genitive


@dataclass(slots=True)
class SentenceView:
    start: int
    end: int
    toks: list[Tok]
    clauses: list[Clause]
    phrases: list[Phrase]
    headline: bool = False  # no terminal punctuation: a headline, a caption or a fragment
    question: bool = False
    by_token: dict[int, int] = field(default_factory=dict)  # token index -> phrase index
    labels: dict[int, str] = field(default_factory=dict)  # mention index -> label
    source: str = ""  # the article text
    timex_tokens: set[int] = field(default_factory=set)  # tokens inside time expressions

    def clause_toks(self, c: int) -> list[Tok]:
        cl = self.clauses[c]
        return [t for t in self.toks[cl.first:cl.last + 1] if t.clause == c]

    def text_of(self, m: Mention) -> str:
        return self.source[m.start:m.end].strip(" \t\n\"'„“”«»‚‘’()[]{}.,;:!?")

    def phrase_at(self, i: int) -> Phrase | None:
        p = self.by_token.get(i)
        return self.phrases[p] if p is not None else None


_ADJ = re.compile(r"(?:isch|ig|lich|bar|sam|haft|los|voll|iert|ell|al|är|iv|ant|ent|ert|te|ne)(?:e|en|er|es|em)$")


def inflected(t: Tok) -> bool:
    """A lower-case word with an adjective's ending ("neuen", "russische"): it may stand between a
    determiner and its noun."""
    return t.text.islower() and t.word and t.lower.endswith(ADJ_ENDINGS)


def is_adjective(t: Tok) -> bool:
    """A lowercase inflected word before a noun: an adjective or a participle used as one."""
    if not t.lower.endswith(ADJ_ENDINGS) or len(t.lower) <= 3:
        return False
    if t.lemma != t.lower and not t.lemma.endswith(("en", "ern", "eln")):
        return True
    return t.lemma == t.lower and bool(_ADJ.search(t.lower))
