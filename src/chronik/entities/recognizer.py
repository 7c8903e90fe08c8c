"""The shipped German NER model: a linear-chain CRF (python-crfsuite) over lean features.

``Recognizer()`` loads ``chronik/entities/model/ner-crf.bin`` (trained by
``scripts/train_ner.py``) and tags word sequences with outer BIO tags over PER, ORG, LOC and
MISC. One object holds the model, the gazetteers and the feature cache; build it once and
reuse it.
"""

from __future__ import annotations

import contextlib
from importlib import resources
from pathlib import Path
from typing import Iterable

import pycrfsuite

from chronik.entities.corpora import bio, chunks
from chronik.entities.features import Featurizer
from chronik.errors import ConfigError

MODEL_PACKAGE = "chronik.entities.model"
MODEL_FILE = "ner-crf.bin"


class Recognizer:
    """Tags sentences given as word lists; ``path`` overrides the shipped model."""

    def __init__(self, path: str | Path | None = None, featurizer: Featurizer | None = None) -> None:
        self.featurizer = featurizer or Featurizer()
        self._stack = contextlib.ExitStack()
        if path is None:
            path = self._stack.enter_context(
                resources.as_file(resources.files(MODEL_PACKAGE).joinpath(MODEL_FILE)))
        path = Path(path)
        if not path.is_file():
            raise ConfigError(f"NER model not found at {path}: run scripts/train_ner.py")
        self.path = path
        self._tagger = pycrfsuite.Tagger()
        try:
            self._tagger.open(str(path))
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
        tags = self._tagger.tag(self.featurizer(words))
        return bio(len(tags), chunks(tags))

    def tag_many(self, sentences: Iterable[list[str] | tuple[str, ...]]) -> list[tuple[str, ...]]:
        return [self.tag(words) for words in sentences]
