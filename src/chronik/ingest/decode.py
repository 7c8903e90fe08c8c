"""Bytes to text: UTF-8 first, else a detected legacy encoding; binary junk is refused."""

from __future__ import annotations

import codecs

from chronik.errors import InputError

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Legacy encodings tried, in order, when a text is not UTF-8 (German and Western news).
LEGACY = ("cp1252", "iso-8859-15", "latin-1")
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def looks_binary(data: bytes, sample: int = 4096) -> bool:
    """True for data that is no text in any encoding: NUL bytes or many control bytes."""
    head = data[:sample]
    if not head:
        return False
    if any(head.startswith(bom) for bom, _ in _BOMS[1:]):
        return False
    if b"\x00" in head:
        return True
    controls = sum(head.count(bytes([c])) for c in _CONTROL)
    return controls / len(head) > 0.05


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Decoded text and the encoding used; raises :class:`InputError` for binary data."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), enc
    if looks_binary(data):
        raise InputError(source, "binary content, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(LEGACY) + ["cp1250", "iso-8859-2", "mac-roman"]).best()
    candidates = [(str(best), best.encoding)] if best is not None and best.encoding else []
    for enc in LEGACY:
        try:
            candidates.append((data.decode(enc), enc))
        except UnicodeDecodeError:
            continue
    for text, enc in candidates:
        if plausible(text):
            return text, enc
    raise InputError(source, "undecodable bytes: neither UTF-8 nor a legacy encoding gives readable text")


def plausible(text: str, sample: int = 20000) -> bool:
    """Readable text: mostly letters, digits, spaces and ordinary punctuation, not mojibake."""
    head = text[:sample]
    if not head:
        return True
    ordinary = sum(1 for c in head if c.isalnum() or c.isspace() or c in ".,;:!?'\"()-–„“”«»‚‘’/&%§€$@#*+=[]<>…·|")
    return ordinary / len(head) >= 0.85
