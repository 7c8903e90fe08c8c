"""Language, sentences and tokens."""

from chronik.text.language import LanguageOptions, LanguageStage
from chronik.text.lemmas import Lemmatizer
from chronik.text.sentences import SentenceSplitter, SentenceStage, SplitterOptions
from chronik.text.tokens import tokenize


def split_sentences(text: str):
    """Sentences of ``text`` (a new splitter each call: hold a :class:`SentenceSplitter` in loops)."""
    return SentenceSplitter()(text)


__all__ = ["LanguageOptions", "LanguageStage", "Lemmatizer", "SentenceSplitter", "SentenceStage",
           "SplitterOptions", "split_sentences", "tokenize"]
