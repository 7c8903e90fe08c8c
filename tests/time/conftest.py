"""Fixtures for the temporal tagger's tests: one compiled tagger per language, shared data."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronik.time import Tagger
from tests.time.time_helpers import KRAUTS


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
