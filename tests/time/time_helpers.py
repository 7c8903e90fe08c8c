"""Helpers shared by the temporal tagger's tests (a uniquely named module, not conftest)."""

from __future__ import annotations

import os
from pathlib import Path

from chronik.time import Tagger

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("CHRONIK_SHARED", ROOT / ".." / "shared"))
KRAUTS = SHARED / "data" / "krauts"


def found(tagger: Tagger, text: str, dct: str | None) -> list[tuple[str, str, str, str | None]]:
    """(text, type, value, mod) of every expression the tagger finds."""
    return [(text[t.start : t.end], t.label, t.value, t.mod) for t in tagger(text, dct)]
