"""Stable content-hash ids: the same text gives the same id, whatever file it came in."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_SPACE = re.compile(r"\s+")


def content_id(text: str) -> str:
    """16 hex digits of SHA-256 over the NFC-normalised text with whitespace collapsed."""
    norm = _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]
