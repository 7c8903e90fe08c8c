"""A compact German word lexicon: a Bloom filter over simplemma's German word forms.

Built by ``scripts/build_gazetteers.py`` into ``data/lexicon.npz`` (2 MiB of bits, two hashes,
about 1.5% false positives) so the tagger can ask "is this a known German word form?" (and
"is its lower-case form one?") without loading simplemma's full table, which takes seconds.
"""

from __future__ import annotations

import hashlib
import io
from importlib import resources
from typing import Iterable

import numpy as np

BITS = 1 << 24


def _hashes(word: str) -> tuple[int, int]:
    digest = hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest()
    return (int.from_bytes(digest[:4], "little") % BITS, int.from_bytes(digest[4:], "little") % BITS)


class Lexicon:
    """Membership test for German word forms (case-sensitive)."""

    def __init__(self, bits: np.ndarray | None = None) -> None:
        if bits is None:
            raw = resources.files("chronik.entities.data").joinpath("lexicon.npz").read_bytes()
            with np.load(io.BytesIO(raw)) as data:
                bits = data["bits"]
        self.bits = bits

    @classmethod
    def build(cls, words: Iterable[str]) -> "Lexicon":
        bits = np.zeros(BITS // 8, dtype=np.uint8)
        for word in words:
            for h in _hashes(word):
                bits[h >> 3] |= np.uint8(1 << (h & 7))
        return cls(bits)

    def save(self, path) -> None:
        np.savez_compressed(path, bits=self.bits)

    def __contains__(self, word: str) -> bool:
        return all(self.bits[h >> 3] & (1 << (h & 7)) for h in _hashes(word))
