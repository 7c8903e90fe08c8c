"""The web app: a versioned JSON API under ``/api/v1`` and server-rendered pages.

FastAPI, Jinja2 and python-multipart are the ``web`` extra; :func:`create_app` says which
extra to install when they are missing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from chronik.errors import ConfigError

if TYPE_CHECKING:  # pragma: no cover
    from fastapi import FastAPI

    from chronik.runners import LocalRunner
    from chronik.web.app import WebOptions


def create_app(db_url: str | None = None, options: "WebOptions | None" = None, *,
               runner: "LocalRunner | None" = None) -> "FastAPI":
    """The chronik web app over the store at ``db_url`` (default: the configured database).

    ``runner`` ingests uploads; by default the app builds its own on the first upload. Apps
    may share one (its models then load once) as long as they do not ingest at the same time:
    each app serialises only its own uploads.
    """
    try:
        from chronik.web.app import build_app
    except ModuleNotFoundError as exc:  # fastapi, jinja2 or python-multipart absent
        raise ConfigError(f"the web app needs the 'web' extra: pip install 'chronik[web]' ({exc})") from exc
    return build_app(db_url, options, runner=runner)


__all__ = ["create_app"]
