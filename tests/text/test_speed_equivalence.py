"""The text layer's fast paths give what the slow ones gave: the sentence splitter's (quotes
found by jumping between opening quotes, the abbreviation check searched from the last space) on
hand cases and against a plain re-implementation of the old character loop on random strings;
token spans without tokens; the C stemmer against the pure-Python one."""

from __future__ import annotations

import random

import pytest
from snowballstemmer.german_stemmer import GermanStemmer

from chronik.text import SentenceSplitter
from chronik.text.tokens import token_spans, tokenize


def test_sentence_splits_on_quotes_and_abbreviations_are_stable():
    """Quoted regions and the abbreviation check (searched from the last space) on hand cases."""
    split = SentenceSplitter()
    text = ("Er sagte: „Wir kommen. Morgen auch.“ Dann ging er. Der Vertrag (u.a. mit Dr. Kim J. Un) "
            "wurde am 14. September unterzeichnet. Das war 2023. Danach kam z.B. Lawrow.")
    got = [text[s.start:s.end] for s in split(text)]
    assert got == ["Er sagte: „Wir kommen. Morgen auch.“", "Dann ging er.",
                   "Der Vertrag (u.a. mit Dr. Kim J. Un) wurde am 14. September unterzeichnet.",
                   "Das war 2023.", "Danach kam z.B. Lawrow."]


def _old_quoted_regions(line: str, max_quote: int) -> list[tuple[int, int]]:
    """The character loop the regex jump replaced."""
    pairs = {"„": "“", "«": "»", "»": "«", "‚": "‘"}
    regions, i = [], 0
    while i < len(line):
        close = pairs.get(line[i]) or ('"' if line[i] == '"' else None)
        if close:
            j = line.find(close, i + 1)
            if j == -1 or j - i > max_quote:
                i += 1
                continue
            regions.append((i, j))
            i = j + 1
        else:
            i += 1
    return regions


def test_quoted_regions_match_the_character_loop():
    rnd = random.Random(11)
    alphabet = list("ab .!?„“«»‚‘\"'()x") + ["Der ", "z.B. ", "14. "]
    split = SentenceSplitter()
    for _ in range(3000):
        line = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 60)))
        assert split._quoted_regions(line) == _old_quoted_regions(line, split.options.max_quote), line


def test_token_spans_are_the_spans_tokenize_gives():
    text = "Der Kreml (u.a. Putin) sagte am 13.09.2023: „Wir kommen“ – Ex-SVP-Chef Müller’s Plan z.B. U.S.-Hilfe!"
    for start, end in ((0, None), (4, 40), (11, len(text) - 3)):
        assert token_spans(text, start, end) == [(t.start, t.end) for t in tokenize(text, start, end)]


def test_the_c_stemmer_gives_the_pure_python_snowball_stems():
    """PyStemmer (a dependency for speed; snowballstemmer uses it when installed) stems German
    words as the pure-Python Snowball stemmer does, on which the entity model was trained."""
    Stemmer = pytest.importorskip("Stemmer", reason="PyStemmer is not installed")
    words = ["häuser", "bundesnachrichtendienstes", "außenministerin", "gespräche", "verhandlungen",
             "ueberall", "müßte", "lawrows", "pjöngjang", "aufgeführt", "zusammenarbeiten", "ß", "x", ""]
    assert Stemmer.Stemmer("german").stemWords(words) == [GermanStemmer().stemWord(w) for w in words]
