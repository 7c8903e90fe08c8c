"""Token features for the CRF tagger: word shape, affixes, lexicon and gazetteer hits, context.

Everything that depends on the word alone is computed once per word type and cached on the
:class:`Featurizer` object (bounded), so tagging costs little more than list concatenation.
"""

from __future__ import annotations

import re

import snowballstemmer

from chronik.entities.gazetteer import Gazetteer
from chronik.entities.lexicon import Lexicon
from chronik.entities.wordtypes import WordTypes

_SHAPE_SUBS = ((re.compile(r"[A-ZÄÖÜ]"), "X"), (re.compile(r"[a-zäöüß]"), "x"),
               (re.compile(r"[^\W\d_xX]"), "a"), (re.compile(r"\d"), "d"))
_SQUEEZE = re.compile(r"(.)\1+")
_CACHE_LIMIT = 200_000
WINDOW = (-2, -1, 1, 2)
_QUOTES = frozenset('"\'„“”«»‚‘’')
_OPENING = frozenset("„«‚")


def shape(word: str) -> str:
    s = word
    for pattern, repl in _SHAPE_SUBS:
        s = pattern.sub(repl, s)
    return s


class Featurizer:
    """Turns a sentence (a list of words) into CRF feature lists, one per word."""

    def __init__(self, gazetteer: Gazetteer | None = None, lexicon: Lexicon | None = None,
                 word_types: WordTypes | None = None, fixed_word_types: dict[str, list[str]] | None = None,
                 context_types=None) -> None:
        """``word_types`` adds the stacked word-type classifier's features; ``fixed_word_types``
        (training only) gives cross-fitted features for the training words instead.
        ``context_types`` (a :class:`chronik.entities.contexttypes.ContextTypes` or, in training,
        its ``CrossFitted`` stand-in) adds the context classifier's features."""
        self.gazetteer = gazetteer or Gazetteer()
        self.lexicon = lexicon or Lexicon()  # German word forms, case-sensitive
        self.word_types = word_types
        self.fixed_word_types = fixed_word_types or {}
        self.context_types = context_types
        self.stemmer = snowballstemmer.stemmer("german")
        self._own: dict[str, list[str]] = {}
        self._ctx: dict[str, list[list[str]]] = {}

    def _word(self, w: str) -> tuple[list[str], list[list[str]]]:
        own = self._own.get(w)
        if own is not None:
            return own, self._ctx[w]
        low = w.lower()
        sh = shape(w)
        short = _SQUEEZE.sub(r"\1", sh)
        known = w in self.lexicon
        known_low = low != w and low in self.lexicon
        stem = self.stemmer.stemWord(low)
        own = ["b", f"w={low}", f"sh={short}", f"sl={sh[:6]}", f"st={stem}"]
        own += [f"p{n}={low[:n]}" for n in (2, 3, 4) if len(low) > n]
        own += [f"s{n}={low[-n:]}" for n in (1, 2, 3, 4, 5) if len(low) > n]
        if len(w) == 1:
            own.append("len1")
        elif len(w) > 12:
            own.append("long")
        if "-" in w[1:-1]:
            parts = low.split("-")
            own += [f"h0={parts[0]}", f"h1={parts[-1]}"]
        if w[:1].isupper():
            own.append("cap")
            own.append("known" if known else "unknown")
            if known_low:
                own.append("known_low")
        gz = self.gazetteer.word_features(w)
        own += gz
        ctx_base = [f"w={low}", f"st={stem}", f"sh={short}", f"s3={low[-3:]}"] + gz
        if self.word_types is not None:
            wt = self.fixed_word_types.get(w)
            if wt is None:
                wt = self.word_types.features(w)
            own += wt
            ctx_base += wt[:1]
        if w[:1].isupper():
            ctx_base.append("cap")
            if known_low:
                ctx_base.append("known_low")
        ctx = [[f"{off}{f}" for f in ctx_base] for off in WINDOW]
        if len(self._own) >= _CACHE_LIMIT:
            self._own.clear()
            self._ctx.clear()
        self._own[w] = own
        self._ctx[w] = ctx
        return own, ctx

    def __call__(self, words: list[str] | tuple[str, ...]) -> list[list[str]]:
        n = len(words)
        info = [self._word(w) for w in words]
        phrase = self.gazetteer.phrase_tags(words)
        lows = [w.lower() for w in words]
        context = self.context_types.features(words) if self.context_types is not None else None
        out: list[list[str]] = []
        quoted = False
        for i in range(n):
            feats = list(info[i][0])
            w = words[i]
            if w in _QUOTES:
                quoted = not quoted if w in ('"', "'") else w in _OPENING
            elif quoted:
                feats.append("inq")
            if i == 0:
                feats.append("BOS")
            else:
                feats.append(f"bg={lows[i - 1]}|{lows[i]}")
                if w[:1].isupper() and "known_low" not in info[i][0]:
                    feats.append("capmid")
                if words[i - 1] in ('"', "„", "“", ":", "(", "«", "»"):
                    feats.append("after_open")
            if i + 1 < n:
                feats.append(f"bg+={lows[i]}|{lows[i + 1]}")
            if i == n - 1:
                feats.append("EOS")
            for k, off in enumerate(WINDOW):
                j = i + off
                if 0 <= j < n:
                    feats += info[j][1][k]
            if phrase[i]:
                feats.append(f"ph={phrase[i]}")
            if 0 < i and phrase[i - 1]:
                feats.append(f"-1ph={phrase[i - 1]}")
            if context is not None:
                feats += context[i]
            out.append(feats)
        return out
