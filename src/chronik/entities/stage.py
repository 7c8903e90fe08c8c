"""The ``entities`` pipeline stage: NER mentions with character spans into ``article.text``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from chronik.entities.corpora import LABELS, chunks
from chronik.entities.recognizer import Recognizer
from chronik.model import Article, Mention, Sentence
from chronik.text import SentenceSplitter
from chronik.text.tokens import token_spans


@dataclass(frozen=True, slots=True, kw_only=True)
class TaggerOptions:
    """``model``: path of a CRF model (default: the shipped one); ``labels``: labels to keep;
    ``max_tokens``: sentences longer than this are tagged in windows of this many tokens;
    ``document``: tag the article as a whole (names found once are found again, role nouns
    mark missed person names; see :meth:`Recognizer.tag_document`) rather than sentence by
    sentence."""

    model: str | None = None
    labels: tuple[str, ...] = LABELS
    max_tokens: int = 250
    document: bool = True


class EntityTagger:
    """Fills ``article.mentions`` with PER/ORG/LOC/MISC spans (``entity`` left unset).

    The recogniser is loaded on first use and not pickled, so the stage ships cheaply to
    worker processes.
    """

    name: ClassVar[str] = "entities"
    requires: ClassVar[tuple[str, ...]] = ("text", "sentences")
    assigns: ClassVar[tuple[str, ...]] = ("mentions",)

    def __init__(self, options: TaggerOptions | None = None) -> None:
        self.options = options or TaggerOptions()
        self._recognizer: Recognizer | None = None

    @property
    def recognizer(self) -> Recognizer:
        if self._recognizer is None:
            self._recognizer = Recognizer(self.options.model)
        return self._recognizer

    def __getstate__(self) -> dict:
        return {"options": self.options}

    def __setstate__(self, state: dict) -> None:
        self.options = state["options"]
        self._recognizer = None

    def mentions(self, text: str, sentences: tuple[Sentence, ...]) -> tuple[Mention, ...]:
        keep = set(self.options.labels)
        step = max(1, self.options.max_tokens)
        windows = []
        for sent in sentences:
            tokens = token_spans(text, sent.start, sent.end)
            windows += [tokens[lo:lo + step] for lo in range(0, len(tokens), step)]
        words = [[text[a:b] for a, b in window] for window in windows]
        if self.options.document:
            tagged = self.recognizer.tag_document(words)
        else:
            tagged = self.recognizer.tag_many(words)
        out: list[Mention] = []
        for window, tags in zip(windows, tagged):
            for a, b, label in chunks(tags):
                if label in keep:
                    out.append(Mention(start=window[a][0], end=window[b - 1][1], label=label))
        return tuple(out)

    def __call__(self, article: Article) -> Article:
        text = article.text
        sentences = article.sentences
        if not sentences and text.strip():
            sentences = SentenceSplitter()(text)
        return article.replace(mentions=self.mentions(text, sentences))
