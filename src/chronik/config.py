"""Settings read from the environment, in one place.

``CHRONIK_DB``      database URL or path (default ``./chronik.db``)
``CHRONIK_SHARED``  the shared data folder for benchmarks and tests (default ``../shared``)
"""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_DB = "chronik.db"


def db_url() -> str:
    """The database to use when none is given."""
    return os.environ.get("CHRONIK_DB") or DEFAULT_DB


def shared_dir(repo: Path | None = None) -> Path:
    """Where ``../shared`` (data and seeds) is, from ``CHRONIK_SHARED`` or beside the repo."""
    env = os.environ.get("CHRONIK_SHARED")
    if env:
        return Path(env)
    return (repo or Path(__file__).resolve().parents[2]).parent / "shared"
