"""A regex tokenizer that keeps character spans."""

from __future__ import annotations

import re

from chronik.model import Token

# Words with inner hyphens, apostrophes and dots in abbreviations stay whole ("Chan-il",
# "z.B."); numbers keep their separators ("1.000", "12.04.", "3,5"); anything else is one
# character a token.
TOKEN_RE = re.compile(
    r"""
    \d+(?:[.,:/]\d+)*\.?(?=\s|$|[^\w])     # numbers, dates, times, ordinals ("14.")
    | (?:[^\W\d_]\.){2,}                   # abbreviations like z.B. or U.S.
    | [^\W_]+(?:[-'’][^\W_]+)*             # words, with inner hyphens/apostrophes
    | \S                                   # any other single character
    """,
    re.VERBOSE,
)


def tokenize(text: str, start: int = 0, end: int | None = None) -> tuple[Token, ...]:
    """Tokens of ``text[start:end]`` with spans into ``text``."""
    end = len(text) if end is None else end
    return tuple(Token(start=m.start(), end=m.end()) for m in TOKEN_RE.finditer(text, start, end))


def token_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The ``(start, end)`` spans :func:`tokenize` gives, without building tokens (hot loops)."""
    end = len(text) if end is None else end
    return [m.span() for m in TOKEN_RE.finditer(text, start, end)]
