"""Interface text in German (default) with English via ``?lang=en``; strings live in strings.json."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Mapping

LANGS = ("de", "en")
DEFAULT = "de"


def load_strings() -> dict[str, dict[str, str]]:
    return json.loads(resources.files("chronik.web").joinpath("strings.json").read_text("utf-8"))


@dataclass(frozen=True, slots=True)
class Translator:
    """``t(key)`` in one language; an unknown key or language falls back to English, then to the key."""

    lang: str
    strings: Mapping[str, Mapping[str, str]]

    def __call__(self, key: str) -> str:
        entry = self.strings.get(key, {})
        return entry.get(self.lang) or entry.get("en") or key

    def date(self, value: str | None, precision: str) -> str:
        """A timeline date shown no more precisely than it is known."""
        if not value:
            return self("precision_undated")
        months = self("months").split()
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value)
        if m and precision == "day":
            y, mo, d = int(m[1]), int(m[2]), int(m[3])
            return f"{d}. {months[mo - 1]} {y}" if self.lang == "de" else f"{d} {months[mo - 1]} {y}"
        m = re.match(r"(\d{4})-(\d{2})", value)
        if m and precision in ("day", "month") and 1 <= int(m[2]) <= 12:
            return f"{months[int(m[2]) - 1]} {m[1]}"
        m = re.match(r"(\d{4})-W(\d{2})", value)
        if m:
            return f"KW {int(m[2])}/{m[1]}" if self.lang == "de" else f"week {int(m[2])}, {m[1]}"
        m = re.match(r"(\d{4})-Q(\d)", value)
        if m:
            return f"Q{m[2]} {m[1]}"
        m = re.match(r"(\d{4})", value)
        if m and precision == "year":
            return m[1]
        return value


def pick(lang: str | None) -> str:
    return lang if lang in LANGS else DEFAULT
