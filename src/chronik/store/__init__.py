"""Storage behind one interface; the backend is chosen by the URL scheme.

``./chronik.db``, ``sqlite:///path/to.db`` -> SQLite; ``postgresql://...`` -> PostgreSQL.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path

from chronik.config import db_url
from chronik.errors import ConfigError
from chronik.store.base import CopyLink, Store

# scheme -> "module:Class"; the module is imported only when its scheme is used
BACKENDS = {
    "sqlite": "chronik.store.sqlite:SQLiteStore",
    "postgresql": "chronik.store.postgres:PostgresStore",
    "postgres": "chronik.store.postgres:PostgresStore",
}

def open_store(url: str | os.PathLike | None = None) -> Store:
    """Open (creating if needed) the store at ``url``: a path or a ``scheme://`` URL."""
    url = str(url or db_url())
    scheme, sep, rest = url.partition("://")
    if not sep:
        scheme, rest = "sqlite", url
    elif scheme == "sqlite":
        rest = rest[1:] if rest.startswith("/") else rest  # sqlite:///rel.db or sqlite:////abs.db
    target = BACKENDS.get(scheme.lower())
    if target is None:
        raise ConfigError(f"unknown database URL scheme {scheme!r} (known: {', '.join(sorted(BACKENDS))})")
    module_name, _, cls_name = target.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        raise ConfigError(f"the {scheme} backend is not available in this chronik ({exc})") from exc
    cls = getattr(module, cls_name)
    return cls(Path(rest)) if scheme == "sqlite" else cls(url)


__all__ = ["BACKENDS", "CopyLink", "Store", "open_store"]
