"""German-aware sentence splitting with spans.

A line break always ends a sentence (cleaned text keeps paragraphs and headlines on lines of
their own). Within a line, ``.``, ``!``, ``?`` and ``…`` end a sentence when the next word
starts like a sentence, except after an abbreviation, an initial, an ordinal number
("14. September", "der 3. Tag") or a date ("12.04."), and never inside quotes
(„…“, "…", «…», »…«). A capital letter alone after a lower-case word is a name, not an
initial, when a sentence-opening word follows ("schrieb auf X. Der Kreml ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from importlib import resources

from chronik.model import Sentence

_END = re.compile(r"[.!?…]+[\"'“”»«’)\]]*(?=\s+)")
_NEXT = re.compile(r"\s+([\"'„“«»(\[]?)(\S)")
_WORD_BEFORE = re.compile(r"((?:[^\W\d_]\.)*[^\W\d_][\w-]*|\d+(?:\.\d+)*)\.$")
_FIRST_WORD = re.compile(r"\w*")
_LOWER_BEFORE = re.compile(r"(?:^|\s)[a-zäöüß]+\s+$")
# words that open a sentence and never follow an initial as a surname would
_OPENERS = frozenset("Der Die Das Den Dem Ein Eine Er Sie Es Wir Ich Man Dies Diese Dieser Damit Dabei Doch Aber Auch "
                     "Am Im In Nach Zudem Außerdem Zuvor Danach Dort Daher Deshalb Trotzdem".split())
_OPEN_CLOSE = {"„": "“", "«": "»", "»": "«", "‚": "‘", '"': '"'}
_OPENING = re.compile("[" + re.escape("".join(_OPEN_CLOSE)) + "]")
_MAX_QUOTE = 600  # an unbalanced quote stops protecting after this many characters


def _load_abbreviations() -> frozenset[str]:
    text = resources.files("chronik.text").joinpath("abbreviations.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class SplitterOptions:
    max_quote: int = _MAX_QUOTE


class SentenceSplitter:
    """Splits text into :class:`Sentence` spans; holds its abbreviation list."""

    def __init__(self, options: SplitterOptions | None = None) -> None:
        self.options = options or SplitterOptions()
        self.abbreviations = _load_abbreviations()

    def __call__(self, text: str) -> tuple[Sentence, ...]:
        out: list[Sentence] = []
        pos = 0
        for line in text.splitlines(keepends=True):
            for start, end in self._split_line(line):
                out.append(Sentence(start=pos + start, end=pos + end))
            pos += len(line)
        return tuple(out)

    def _split_line(self, line: str):
        stripped = line.rstrip()
        begin = len(line) - len(line.lstrip())
        if begin >= len(stripped):
            return
        quiet_until = self._quoted_regions(stripped)
        for m in _END.finditer(stripped, begin):
            cut = m.end()
            if cut <= begin or any(a < m.start() and m.end() <= b for a, b in quiet_until):
                continue
            nxt = _NEXT.match(stripped, cut)
            if not nxt or not self._starts_sentence(nxt.group(2)):
                continue
            if stripped[m.start()] == "." and m.group() == "." and self._protected(
                    stripped[: m.end()], nxt.group(2), _FIRST_WORD.match(stripped, nxt.start(2)).group()):
                continue
            yield begin, cut
            begin = nxt.start(1)
        yield begin, len(stripped)

    def _quoted_regions(self, line: str) -> list[tuple[int, int]]:
        regions: list[tuple[int, int]] = []
        search = _OPENING.search
        m = search(line)
        while m is not None:  # jumps from one opening quote to the next
            i = m.start()
            j = line.find(_OPEN_CLOSE[m.group()], i + 1)
            if j == -1 or j - i > self.options.max_quote:
                m = search(line, i + 1)
                continue
            regions.append((i, j))
            m = search(line, j + 1)
        return regions

    @staticmethod
    def _starts_sentence(ch: str) -> bool:
        return ch.isupper() or ch.isdigit() or ch in "„“\"«»'(["

    def _protected(self, head: str, next_char: str, next_word: str = "") -> bool:
        # the word has no space in it: search from the last space, not through the whole line
        m = _WORD_BEFORE.search(head, head.rfind(" ") + 1)
        if not m:
            return False
        word = m.group(1)
        if word[0].isdigit():
            # ordinals and dates: "14. September", "der 3. Tag", "12.04."; a year ends sentences
            return len(word) <= 2 or "." in word
        if len(word) == 1 and word.isupper() and next_word in _OPENERS and _LOWER_BEFORE.search(head, 0, m.start()):
            return False  # "schrieb Selenskyj auf X. Der Kreml ...": a name after a preposition, then a new sentence
        # "u.a.", "z.B.", or an initial: "Kim J. Un"
        if "." in word or (len(word) == 1 and word.isupper()):
            return True
        return word in self.abbreviations or word.lower() in self.abbreviations


class SentenceStage:
    """Per-article stage: fills ``sentences`` over the cleaned text."""

    name = "sentences"
    requires = ("text",)
    assigns = ("sentences",)

    @cached_property
    def splitter(self) -> SentenceSplitter:
        return SentenceSplitter()

    def __call__(self, article):
        return article.replace(sentences=self.splitter(article.text))
