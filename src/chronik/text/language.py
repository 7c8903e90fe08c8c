"""Language identification (py3langid), restricted to a configurable set of languages."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True, slots=True, kw_only=True)
class LanguageOptions:
    # None: any of the ~97 languages py3langid knows
    languages: tuple[str, ...] | None = None
    min_chars: int = 20  # shorter texts get no language rather than a guess


class LanguageStage:
    """Per-article stage: sets ``lang`` (ISO 639-1) from the cleaned text."""

    name = "language"
    requires = ("text",)
    assigns = ("lang",)

    def __init__(self, options: LanguageOptions | None = None) -> None:
        self.options = options or LanguageOptions()

    @cached_property
    def identifier(self):
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        ident = LanguageIdentifier.from_model_file(MODEL_FILE)
        if self.options.languages:
            ident.set_languages(list(self.options.languages))
        return ident

    def detect(self, text: str) -> str | None:
        if len(text.strip()) < self.options.min_chars:
            return None
        lang, _score = self.identifier.classify(text[:5000])
        return lang

    def __call__(self, article):
        return article.replace(lang=self.detect(article.text))
