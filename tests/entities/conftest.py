import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("CHRONIK_SHARED", ROOT / ".." / "shared"))


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "data").is_dir():
        pytest.skip(f"shared data not found at {SHARED} (set CHRONIK_SHARED)")
    return SHARED


@pytest.fixture(scope="session")
def recognizer():
    from chronik.entities.recognizer import Recognizer

    rec = Recognizer()
    yield rec
    rec.close()


@pytest.fixture(scope="session")
def gazetteer():
    from chronik.entities.gazetteer import Gazetteer

    return Gazetteer()
