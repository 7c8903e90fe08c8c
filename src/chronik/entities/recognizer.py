"""The shipped German NER model: a linear-chain CRF (python-crfsuite) over lean features.

``Recognizer()`` loads ``chronik/entities/model/ner-crf.bin`` (trained by
``scripts/train_ner.py``) and tags word sequences with outer BIO tags over PER, ORG, LOC and
MISC. One object holds the model, the gazetteers and the feature cache; build it once and
reuse it.
"""

from __future__ import annotations

import contextlib
import json
import re
import struct
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Iterable

import pycrfsuite

from chronik.entities.consistency import (big_place, person_boundaries, persons_by_parts, persons_by_surname,
                                          places_by_preposition)
from chronik.entities.corpora import bio, chunks, from_bioes
from chronik.entities.chunkedit import chunk_end
from chronik.entities.contexttypes import FILE as CONTEXT_TYPES_FILE
from chronik.entities.contexttypes import ContextTypes
from chronik.entities.features import Featurizer
from chronik.entities.gazetteer import Gazetteer
from chronik.entities.namecut import NameCutter
from chronik.entities.repairs import ChunkRepairs, load_cues
from chronik.entities.lexicon import Lexicon
from chronik.entities.windowtagger import FILE as WINDOW_TAGGER_FILE
from chronik.entities.windowtagger import WindowTagger
from chronik.entities.wordtypes import FILE as WORD_TYPES_FILE
from chronik.entities.wordtypes import WordTypes
from chronik.errors import ConfigError

MODEL_PACKAGE = "chronik.entities.model"
_SYLLABLES = re.compile(r"^[A-Z][a-z]{1,5}-[a-z]{1,5}$")  # a romanised given name: "Chan-il", "Son-hui"
MODEL_FILE = "ner-crf.bin"
OPTIONS_FILE = "features.json"  # beside the model: the feature options it was trained with


def feature_options(path: str | Path) -> dict:
    """The feature options (``translit_names``, ``org_heads``) the CRF at ``path`` was trained
    with; none when the model has no ``features.json`` beside it."""
    side = Path(path).with_name(OPTIONS_FILE)
    if not side.is_file():
        return {}
    try:
        options = json.loads(side.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise ConfigError(f"cannot read {side}: {exc}") from exc
    if not isinstance(options, dict):
        raise ConfigError(f"{side}: expected a JSON object")
    return options


def _junk(word: str) -> bool:
    """An OCR or layout artefact no name contains: a line-break hyphen ("Ro¬"), an equals sign
    standing for a hyphen ("Hamburg=Altona", "Sulina="), a word glued to its colon ("Madrid:").
    ``chronik.text.tokenize`` splits these characters off, so only pre-tokenised input has them."""
    return "¬" in word or "=" in word or (len(word) > 1 and word[-1] == ":")


def model_attributes(path: str | Path) -> frozenset[str]:
    """The attribute (feature) names a CRFsuite model file has weights for, read from its
    attribute dictionary (a CQDB chunk: records of id, key size and NUL-terminated key, found
    through the backward array that follows them)."""
    data = Path(path).read_bytes()
    try:
        magic, *header = struct.unpack_from("<4sI4s9I", data, 0)
        off_attrs = header[8]
        chunk, _, _, _, count, bwd = struct.unpack_from("<4sIIIII", data, off_attrs)
        if magic != b"lCRF" or chunk != b"CQDB":
            raise ValueError("not a CRFsuite model")
        out = []
        for offset in struct.unpack_from(f"<{count}I", data, off_attrs + bwd):
            start = off_attrs + offset + 8
            size = struct.unpack_from("<I", data, start - 4)[0]
            out.append(data[start:start + size - 1].decode("utf-8"))
    except (struct.error, UnicodeDecodeError) as exc:
        raise ValueError(f"cannot read the attributes of {path}: {exc}") from exc
    return frozenset(out)


class Recognizer:
    """Tags sentences given as word lists; ``path`` overrides the shipped model. ``repairs``:
    add the chunks the sentence gives away that the CRF missed (:mod:`chronik.entities.repairs`)."""

    def __init__(self, path: str | Path | None = None, featurizer: Featurizer | None = None, *,
                 repairs: bool = True) -> None:
        self._stack = contextlib.ExitStack()
        if path is None:
            path = self._stack.enter_context(
                resources.as_file(resources.files(MODEL_PACKAGE).joinpath(MODEL_FILE)))
        path = Path(path)
        if not path.is_file():
            raise ConfigError(f"NER model not found at {path}: run scripts/train_ner.py")
        self.path = path
        if featurizer is None:
            # the stacked word-type classifier and the feature options ship beside the CRF
            types = path.with_name(WORD_TYPES_FILE)
            context = path.with_name(CONTEXT_TYPES_FILE)
            window_file = path.with_name(WINDOW_TAGGER_FILE)
            options = feature_options(path)
            lexicon = Lexicon()
            word_types = WordTypes.load(types) if types.is_file() else None
            window = None
            if window_file.is_file():  # an experiment (train_ner.py --window-tagger), not shipped
                window = WindowTagger.load(window_file, lexicon, word_types if options.get("window_types") else None)
            featurizer = Featurizer(Gazetteer(translit_names=options.get("translit_names", False)), lexicon,
                                    word_types=word_types,
                                    context_types=ContextTypes.load(context) if context.is_file() else None,
                                    org_heads=options.get("org_heads", False), window_tagger=window)
        self.featurizer = featurizer
        self.cutter = NameCutter(featurizer.lexicon)
        text = resources.files("chronik.entities.data").joinpath("person_titles.txt").read_text("utf-8")
        self.title_heads = frozenset(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))
        self._title_lengths = sorted({len(h) for h in self.title_heads})
        self._titles: dict[str, bool] = {}  # word -> is it a role noun (cache)
        self._not_names = frozenset(load_cues()["NOT"])  # never a name: "Dr", "Prof", months
        self.repairs = ChunkRepairs(featurizer.lexicon, featurizer.gazetteer, self.is_title) if repairs else None
        self._tagger = pycrfsuite.Tagger()
        try:
            self._tagger.open(str(path))
            self._bioes = any(label[:2] in ("S-", "E-") for label in self._tagger.labels())
            # features the model has no weight for change nothing: leave them out (faster)
            featurizer.restrict(model_attributes(path))
        except (OSError, ValueError) as exc:
            raise ConfigError(f"cannot open NER model {path}: {exc}") from exc

    def close(self) -> None:
        self._tagger.close()
        self._stack.close()

    def __enter__(self) -> "Recognizer":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def tag(self, words: list[str] | tuple[str, ...]) -> tuple[str, ...]:
        """Outer BIO tags for one sentence (well-formed: every chunk starts with ``B-``)."""
        if not words:
            return ()
        self.featurizer.prepare((words,))
        return self._tag(words)

    def _tag(self, words) -> tuple[str, ...]:
        if not words:
            return ()
        tags = self._tagger.tag(self.featurizer(words))
        if self._bioes:
            tags = from_bioes(tags)
        if tags.count("O") != len(tags):
            spans = self.cutter.cut(words, chunks(tags))
            if any(_junk(words[k]) for a, b, _ in spans for k in range(a, b)):
                spans = self._split_junk(words, spans)
            tags = bio(len(tags), self._trim_titles(words, self._trim_places(words, spans)))
        return tuple(tags) if self.repairs is None else self.repairs(words, tags)

    @staticmethod
    def _split_junk(words, spans):
        """No chunk spans an OCR artefact (:func:`_junk`): the chunk is cut there."""
        out = []
        for a, b, label in spans:
            start = a
            for k in range(a, b + 1):
                if k == b or _junk(words[k]):
                    if k > start:
                        out.append((start, k, label))
                    start = k + 1
        return out

    def _trim_places(self, words, spans):
        """A role noun never ends a place name: "Nordkoreas Machthaber" is a place and a title
        (none of the 7,237 LOC chunks of the training and test data ends in one). Nor does a
        German word the gazetteer does not know after a country ("hat Israel Ziele im Libanon
        angegriffen": the object after the subject)."""
        return [(a, b - 1, label) if label == "LOC" and b - a > 1 and (
            self.is_title(words[b - 1]) or b - a == 2 and self._country_then_word(words[a], words[b - 1]))
            else (a, b, label) for a, b, label in spans]

    def _country_then_word(self, first: str, second: str) -> bool:
        gazetteer = self.featurizer.gazetteer
        place = gazetteer.lookup(first)
        return place is not None and place.kind == "country" and "land" in gazetteer.word_classes.get(first, ()) \
            and second not in gazetteer.word_classes and second in self.featurizer.lexicon

    def tag_many(self, sentences: Iterable[list[str] | tuple[str, ...]]) -> list[tuple[str, ...]]:
        sentences = list(sentences)
        self.featurizer.prepare(sentences)
        return [self._tag(words) for words in sentences]

    def _trim_titles(self, words, spans):
        """A role noun or a form of address tagged as a person of its own right before a person
        ("sagte Dekan Josef Knapp", "Dr . Alfred Schaffranka") is no name: the title names nobody."""
        out = []
        for n, (a, b, label) in enumerate(spans):
            if label == "PER" and b == a + 1 and n + 1 < len(spans) and spans[n + 1][2] == "PER" \
                    and spans[n + 1][0] in (b, b + 1) and (spans[n + 1][0] == b or words[b] == ".") \
                    and (self.is_title(words[a]) or words[a] in self._not_names):
                continue
            out.append((a, b, label))
        return out

    def is_title(self, word: str) -> bool:
        known = self._titles.get(word)
        if known is None:
            low = word.lower()
            heads = self.title_heads
            known = word[:1].isupper() and any(low[-n:] in heads for n in self._title_lengths if n <= len(low))
            if len(self._titles) >= 100_000:
                self._titles.clear()
            self._titles[word] = known
        return known

    def _name_word(self, word: str, before: str | None) -> bool:
        """Could ``word`` be part of a person name the tagger missed?"""
        if not word[:1].isupper() or not any(c.islower() for c in word) or self.is_title(word):
            return False
        lexicon = self.featurizer.lexicon
        gaz = self.featurizer.gazetteer
        if word in gaz.first_names or word in gaz.last_names:
            return True
        if word.lower() in lexicon:
            # a function word can still open a romanised name ("An Chan-il", "So Se-pyong")
            return before is not None and _SYLLABLES.match(before) is not None
        return word not in lexicon or "-" in word

    def titled_persons(self, words, tags) -> tuple[str, ...]:
        """Untagged capitalised words after a role noun ("Außenministerin Choe Son-hui") or
        before a comma and a role noun ("An Chan-il, Direktor des ...") become PER."""
        tags = list(tags)
        n = len(words)
        for i, word in enumerate(words):
            if tags[i] != "O" or not self.is_title(word):
                continue
            if i + 1 < n and tags[i + 1][2:] in ("ORG", "MISC", "LOC") and tags[i + 1].startswith("B-"):
                # "Machthaber Kim Jong Un" tagged ORG, "Außenministerin Choe Son-hui" tagged LOC: a
                # role noun makes a name-like chunk a person (not a real place: "Präsident Frankreichs")
                j = chunk_end(tags, i + 1)
                if all(self._name_word(words[k], words[k + 1] if k + 1 < j else None) for k in range(i + 1, j)) \
                        and not (tags[i + 1] == "B-LOC" and big_place(self.featurizer.gazetteer, " ".join(words[i + 1:j]))):
                    tags[i + 1:j] = ["B-PER"] + ["I-PER"] * (j - i - 2)
            elif i + 1 < n and tags[i + 1] == "O":  # title first
                j = i + 1
                while j < n and j - i <= 4 and tags[j] == "O" and \
                        self._name_word(words[j], words[j + 1] if j + 1 < n else None):
                    j += 1
                if j > i + 1:
                    tags[i + 1:j] = ["B-PER"] + ["I-PER"] * (j - i - 2)
            if i >= 2 and words[i - 1] == "," and tags[i - 2] == "O":  # apposition after the name
                j = i - 1
                while j - 1 >= 0 and i - 1 - j < 4 and tags[j - 1] == "O" and \
                        self._name_word(words[j - 1], words[j] if j < i - 1 else None):
                    j -= 1
                if j < i - 1 and (j == 0 or not words[j - 1][:1].isupper()):
                    tags[j:i - 1] = ["B-PER"] + ["I-PER"] * (i - 2 - j)
        return tuple(tags)

    def tag_document(self, sentences: list[list[str]] | list[tuple[str, ...]]) -> list[tuple[str, ...]]:
        """Tag the sentences of one document, propagate its names to missed repeats, then mend
        person chunks with the rest of the document (:mod:`chronik.entities.consistency`)."""
        tagged = self._tag_and_propagate(sentences)
        gazetteer = self.featurizer.gazetteer
        tagged = person_boundaries(sentences, tagged, self.featurizer.lexicon, gazetteer)
        tagged = places_by_preposition(sentences, persons_by_parts(sentences, tagged, gazetteer))
        lexicon = self.featurizer.lexicon
        return persons_by_surname(sentences, tagged, gazetteer, self.is_title, lambda word: word.lower() in lexicon)

    def _tag_and_propagate(self, sentences: list[list[str]] | list[tuple[str, ...]]) -> list[tuple[str, ...]]:
        """Tag the sentences of one document, then propagate its names to missed repeats.

        A name tagged somewhere in the document ("Lawrow" as PER) is tagged with its majority
        label wherever the same capitalised word sequence stands untagged; single words whose
        lower-case form is a German word ("Deutsche") are not propagated.
        """
        tagged = [self.titled_persons(words, tags) for words, tags in zip(sentences, self.tag_many(sentences))]
        votes: dict[tuple[str, ...], Counter] = {}
        for words, tags in zip(sentences, tagged):
            for a, b, label in chunks(tags):
                votes.setdefault(tuple(words[a:b]), Counter())[label] += 1
        lexicon = self.featurizer.lexicon
        names = {}
        for key, counter in votes.items():
            first = key[0]
            if not first[:1].isupper() or (len(key) == 1 and (first.lower() in lexicon or len(first) < 2)):
                continue
            names[key] = counter.most_common(1)[0][0]
        if not names:
            return tagged
        longest: dict[str, int] = {}  # a name's first word -> the longest name it begins
        for key in names:
            longest[key[0]] = max(longest.get(key[0], 0), len(key))
        out = []
        for words, tags in zip(sentences, tagged):
            tags = list(tags)
            i = 0
            while i < len(words):
                for n in range(min(longest.get(words[i], 0), len(words) - i), 0, -1):
                    key = tuple(words[i:i + n])
                    if key in names and all(t == "O" for t in tags[i:i + n]) and \
                            (i + n == len(tags) or not tags[i + n].startswith("I-")):
                        label = names[key]
                        tags[i:i + n] = [f"B-{label}"] + [f"I-{label}"] * (n - 1)
                        i += n - 1
                        break
                i += 1
            out.append(tuple(tags))
        return out
