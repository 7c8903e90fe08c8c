"""Fixtures for the temporal tagger's tests: one compiled tagger per language, shared data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from chronik.time import Tagger

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("CHRONIK_SHARED", ROOT / ".." / "shared"))
KRAUTS = SHARED / "data" / "krauts"


@pytest.fixture(scope="session")
def de() -> Tagger:
    return Tagger("de")


@pytest.fixture(scope="session")
def en() -> Tagger:
    return Tagger("en")


@pytest.fixture(scope="session")
def krauts() -> Path:
    if not (KRAUTS / "KRAUTS_Dolomiten-100").is_dir():
        pytest.skip(f"KRAUTS not found at {KRAUTS} (set CHRONIK_SHARED to the shared folder)")
    return KRAUTS


def found(tagger: Tagger, text: str, dct: str | None) -> list[tuple[str, str, str, str | None]]:
    """(text, type, value, mod) of every expression the tagger finds."""
    return [(text[t.start : t.end], t.label, t.value, t.mod) for t in tagger(text, dct)]
