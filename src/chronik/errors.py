"""The exceptions chronik raises.

Everything chronik raises on purpose derives from :class:`ChronikError`::

    ChronikError
    ├── InputError    an input file or record cannot be read, decoded or parsed
    ├── ConfigError   a setting, URL or optional dependency is missing or wrong
    ├── StoreError    the store cannot be opened, migrated, read or written
    │   └── DuplicateArticleError   an article with this id is already stored (e.g. by a
    │                               concurrent ingester): treat it as already there
    └── WorkerError   the distributed runner cannot get one input file processed (its
                      workers keep dying); the files before it are stored, a rerun resumes

Stages never let an :class:`InputError` escape as a crash: the runner records the
article (or file) as rejected, with the stage and the reason, and goes on.
"""

from __future__ import annotations


class ChronikError(Exception):
    """Root of every error chronik raises deliberately."""


class InputError(ChronikError):
    """An input cannot be used; ``source`` names the file (or record) and ``reason`` says why."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason

    def __reduce__(self):  # keep pickling (distributed runner) faithful
        return (type(self), (self.source, self.reason))


class ConfigError(ChronikError):
    """A setting, a database URL or an optional dependency is missing or wrong."""


class StoreError(ChronikError):
    """The store cannot be opened, migrated, read or written."""


class DuplicateArticleError(StoreError):
    """``put_article`` for an id that is already stored (e.g. by a concurrent ingester)."""

    def __init__(self, article_id: str) -> None:
        super().__init__(f"article {article_id} is already stored")
        self.article_id = article_id

    def __reduce__(self):
        return (type(self), (self.article_id,))


class WorkerError(ChronikError):
    """The Dask runner gave up on one file; ``source`` names it and ``reason`` says why."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason

    def __reduce__(self):
        return (type(self), (self.source, self.reason))


def missing_extra(package: str, extra: str) -> ConfigError:
    """The error for an optional dependency that is not installed."""
    return ConfigError(f"missing {package} library: pip install 'chronik[{extra}]'")
