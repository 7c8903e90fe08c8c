"""The bundled demo corpus: fictional German articles written for chronik (see README.md here)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def corpus_path() -> Path:
    """The folder holding the demo articles."""
    return Path(str(resources.files("chronik.demo").joinpath("corpus")))
