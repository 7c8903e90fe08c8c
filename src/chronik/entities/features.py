"""Token features for the CRF tagger: word shape, affixes, lexicon and gazetteer hits, context.

Everything that depends on the word alone is computed once per word type and cached on the
:class:`Featurizer` object (bounded), so tagging costs little more than list concatenation.
"""

from __future__ import annotations

import itertools
import re
from importlib import resources

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
_FLAGS = ("inq", "BOS", "EOS", "capmid", "after_open") + tuple(
    f"{pos}ph={io}-{cls}" for pos in ("", "-1") for io in "BI" for cls in ("land", "city", "alt"))
_OFFSETS = tuple(str(off) for off in WINDOW)  # "-2", "-1", "1", "2"
_PREFIX = {k: f"p{k}=" for k in (2, 3, 4)}
_SUFFIX = {k: f"s{k}=" for k in (1, 2, 3, 4, 5)}
_AFTER_OPEN = frozenset('"„“:(«»')


def shape(word: str) -> str:
    s = word
    for pattern, repl in _SHAPE_SUBS:
        s = pattern.sub(repl, s)
    return s


class _ShapeTable(dict):
    """A ``str.translate`` table giving :func:`shape` character by character (each of its
    substitutions matches single characters), filled as characters are met."""

    def __missing__(self, code: int) -> str:
        self[code] = shape(chr(code))
        return self[code]


def squeeze(s: str) -> str:
    """Runs of one character as one ("Xxxxx" -> "Xx"), as ``_SQUEEZE`` does within a line."""
    return "".join(k for k, _ in itertools.groupby(s))


def split_feature(name: str) -> tuple[str, str]:
    """A feature name as (kind, value): up to and including the first "=" ("-1w=", "Berlin"),
    else its context offset and the rest ("-1", "cap"; "", "gz:city")."""
    i = name.find("=")
    if i >= 0:
        return name[:i + 1], name[i + 1:]
    for off in _OFFSETS:
        if name.startswith(off):
            return off, name[len(off):]
    return "", name


class Featurizer:
    """Turns a sentence (a list of words) into CRF feature lists, one per word."""

    def __init__(self, gazetteer: Gazetteer | None = None, lexicon: Lexicon | None = None,
                 word_types: WordTypes | None = None, fixed_word_types: dict[str, list[str]] | None = None,
                 context_types=None, attributes: frozenset[str] | None = None,
                 org_heads: bool = False, window_tagger=None) -> None:
        """``word_types`` adds the stacked word-type classifier's features; ``fixed_word_types``
        (training only) gives cross-fitted features for the training words instead.
        ``context_types`` (a :class:`chronik.entities.contexttypes.ContextTypes` or, in training,
        its ``CrossFitted`` stand-in) adds the context classifier's features. ``org_heads``
        adds organisation cues (``data/org_heads.txt``: legal forms, club prefixes, noun endings
        such as "-ministerium"). ``window_tagger`` (a :class:`chronik.entities.windowtagger.WindowTagger`
        or, in training, its ``CrossFitted`` stand-in) adds the window tagger's label features.
        ``attributes``: see :meth:`restrict`."""
        self.gazetteer = gazetteer or Gazetteer()
        self.lexicon = lexicon or Lexicon()  # German word forms, case-sensitive
        self.word_types = word_types
        self.fixed_word_types = fixed_word_types or {}
        self.context_types = context_types
        self.window_tagger = window_tagger
        self._windows: dict[tuple[str, ...], list[list[str]]] = {}  # sentence -> window-tagger features (:meth:`prepare`)
        self.org_words: frozenset[str] = frozenset()
        self.org_endings: tuple[str, ...] = ()
        if org_heads:
            text = resources.files("chronik.entities.data").joinpath("org_heads.txt").read_text("utf-8")
            lines = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
            self.org_words = frozenset(ln for ln in lines if not ln.startswith("-"))
            self.org_endings = tuple(ln[1:] for ln in lines if ln.startswith("-"))
        self.stemmer = snowballstemmer.stemmer("german")
        self._shapes = _ShapeTable()
        # word -> (own features, context features per WINDOW offset, capitalised and no known lower-case form)
        self._cache: dict[str, tuple[list, list[list], bool]] = {}
        self._pending: dict[str, list[str]] = {}  # word-type features computed in a batch (:meth:`prepare`)
        self._split: dict[str, tuple[str, str]] = {}  # gazetteer/word-type feature -> split_feature()
        self.restrict(attributes)

    def restrict(self, attributes: frozenset[str] | None) -> None:
        """Emit only the features in ``attributes`` (the attributes a CRF model has weights for,
        :func:`chronik.entities.recognizer.model_attributes`), as UTF-8 bytes: the CRF ignores
        attributes it has no weight for, so its output is the same, and pycrfsuite takes bytes
        as they are. Each kept feature is found by a dictionary lookup of its value under its
        kind (:func:`split_feature`), built once per word type; ``None``: every feature, as str."""
        self.attributes = attributes
        self._known: dict[str, dict[str, bytes]] | None = None
        self._window: dict[str, tuple[dict[str, bytes], ...]] = {}
        if attributes is not None:
            known: dict[str, dict[str, bytes]] = {}
            for name in attributes:
                kind, value = split_feature(name)
                known.setdefault(kind, {})[value] = name.encode()
            self._known = known
            # kind -> its tables at the WINDOW offsets ("w=" -> known["-2w="], known["-1w="], ...)
            self._window = {kind: tuple(known.get(off + kind, {}) for off in _OFFSETS)
                            for kind in {split_feature(name[len(off):])[0] for name in attributes
                                         for off in _OFFSETS if name.startswith(off)}}
        self._empty: dict[str, bytes] = {}
        self._flags = {f: self._encoded(f) for f in _FLAGS}
        self._cache.clear()

    def _encoded(self, name: str):
        """``name`` as the featurizer emits it: its bytes if the model knows it, else itself
        (the CRF ignores it)."""
        if self._known is None:
            return name
        kind, value = split_feature(name)
        return self._known.get(kind, self._empty).get(value, name)

    def prepare(self, sentences) -> None:
        """Compute the word-type classifier's features of the new words of ``sentences`` in one
        batch (the same features :meth:`_word` would compute one word at a time), and the window
        tagger's features of the sentences."""
        if self.window_tagger is not None:
            self._windows = {}
            todo = list({tuple(words): None for words in sentences if words})
            for words, feats in zip(todo, self.window_tagger.features_many(todo)):
                self._windows[words] = feats
        if self.word_types is None:
            return
        cache, fixed = self._cache, self.fixed_word_types
        new = {w for words in sentences for w in words
               if w not in cache and w[:1].isupper() and w not in fixed}
        new.difference_update(self._pending)
        if len(new) > 1:
            if len(self._pending) >= _CACHE_LIMIT:
                self._pending.clear()
            self._pending.update(self.word_types.features_many(new))

    def _pairs(self, names: list[str]) -> list[tuple[str, str]]:
        split = self._split
        out = []
        for name in names:
            pair = split.get(name)
            if pair is None:
                pair = split[name] = split_feature(name)
            out.append(pair)
        return out

    def _word(self, w: str) -> tuple[list, list[list], bool]:
        hit = self._cache.get(w)
        if hit is not None:
            return hit
        low = w.lower()
        sh = w.translate(self._shapes)
        short = squeeze(sh)
        cap = w[:1].isupper()
        known_low = low != w and low in self.lexicon
        stem = self.stemmer.stemWord(low)
        # (kind, value) pairs: the feature is kind + value
        own = [("", "b"), ("w=", low), ("sh=", short), ("sl=", sh[:6]), ("st=", stem)]
        n = len(low)
        own += [(_PREFIX[k], low[:k]) for k in (2, 3, 4) if n > k]
        own += [(_SUFFIX[k], low[-k:]) for k in (1, 2, 3, 4, 5) if n > k]
        if len(w) == 1:
            own.append(("", "len1"))
        elif len(w) > 12:
            own.append(("", "long"))
        if "-" in w[1:-1]:
            parts = low.split("-")
            own += [("h0=", parts[0]), ("h1=", parts[-1])]
        if cap:
            own.append(("", "cap"))
            own.append(("", "known" if w in self.lexicon else "unknown"))
            if known_low:
                own.append(("", "known_low"))
        gz = self._pairs(self.gazetteer.word_features(w))
        if w in self.org_words:
            gz.append(("", "org:abbr"))
        elif cap and self.org_endings and low.endswith(self.org_endings):
            gz.append(("", "org:head"))
        own += gz
        ctx_base = [("w=", low), ("st=", stem), ("sh=", short), ("s3=", low[-3:])] + gz
        if self.word_types is not None:
            wt = self.fixed_word_types.get(w)
            if wt is None:
                wt = self._pending.pop(w, None) if cap else []
            if wt is None:
                wt = self.word_types.features(w)
            wt = self._pairs(wt)
            own += wt
            ctx_base += wt[:1]
        if cap:
            ctx_base.append(("", "cap"))
            if known_low:
                ctx_base.append(("", "known_low"))
        known = self._known
        if known is None:
            own = [kind + value for kind, value in own]
            ctx = [[f"{off}{kind}{value}" for kind, value in ctx_base] for off in WINDOW]
        else:
            empty = self._empty
            pairs, own = own, []
            for kind, value in pairs:
                b = known.get(kind, empty).get(value)
                if b is not None:
                    own.append(b)
            ctx = [[], [], [], []]
            window, nowhere = self._window, (empty,) * len(WINDOW)
            for kind, value in ctx_base:
                for feats, table in zip(ctx, window.get(kind, nowhere)):
                    b = table.get(value)
                    if b is not None:
                        feats.append(b)
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
            self._split.clear()
        hit = (own, ctx, cap and not known_low)
        self._cache[w] = hit
        return hit

    def __call__(self, words: list[str] | tuple[str, ...]) -> list[list]:
        """Per word, its feature names (str; UTF-8 bytes when restricted, see :meth:`restrict`)."""
        n = len(words)
        get = self._cache.get
        info = [get(w) or self._word(w) for w in words]
        phrase = self.gazetteer.phrase_tags(words)
        lows = [w.lower() for w in words]
        context = self.context_types.features(words) if self.context_types is not None else None
        window = None
        if self.window_tagger is not None:
            window = self._windows.get(tuple(words))
            if window is None:
                window = self.window_tagger.features(words)
        known = self._known
        bigrams = known.get("bg=", self._empty) if known is not None else None
        bigrams_next = known.get("bg+=", self._empty) if known is not None else None
        flag = self._flags
        pairs = [f"{lows[i]}|{lows[i + 1]}" for i in range(n - 1)]  # the bigram right of word i
        ctx = [c for _, c, _ in info]
        out: list[list] = []
        quoted = False
        for i in range(n):
            own, _, capmid = info[i]
            feats = list(own)
            w = words[i]
            if w in _QUOTES:
                quoted = not quoted if w in ('"', "'") else w in _OPENING
            elif quoted:
                feats.append(flag["inq"])
            if i == 0:
                feats.append(flag["BOS"])
            else:
                if bigrams is None:
                    feats.append("bg=" + pairs[i - 1])
                else:
                    bg = bigrams.get(pairs[i - 1])
                    if bg is not None:
                        feats.append(bg)
                if capmid:
                    feats.append(flag["capmid"])
                if words[i - 1] in _AFTER_OPEN:
                    feats.append(flag["after_open"])
            if i + 1 < n:
                if bigrams_next is None:
                    feats.append("bg+=" + pairs[i])
                else:
                    bg = bigrams_next.get(pairs[i])
                    if bg is not None:
                        feats.append(bg)
            if i == n - 1:
                feats.append(flag["EOS"])
            # context features of the words at -2, -1, +1, +2 (WINDOW order)
            if i >= 2:
                feats += ctx[i - 2][0]
            if i >= 1:
                feats += ctx[i - 1][1]
            if i + 1 < n:
                feats += ctx[i + 1][2]
            if i + 2 < n:
                feats += ctx[i + 2][3]
            if phrase[i]:
                feats.append(flag[f"ph={phrase[i]}"])
            if 0 < i and phrase[i - 1]:
                feats.append(flag[f"-1ph={phrase[i - 1]}"])
            if context is not None:
                feats += context[i]
            if window is not None:
                feats += window[i]
            out.append(feats)
        return out
