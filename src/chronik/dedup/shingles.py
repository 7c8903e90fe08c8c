"""Words, k-word shingles and winnowed fingerprints of a cleaned text.

Words are compared lower-cased with ß as ss, so "großen"/"grossen" and „…“/«…» quoting do
not hide a copy. Hashes are stable across processes (BLAKE2b), never Python's salted hash.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


@dataclass(frozen=True, slots=True)
class Words:
    """The words of a text: normalised forms and their character spans."""

    forms: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> "Words":
        ms = list(_WORD.finditer(text))
        return cls(
            forms=tuple(m.group().lower().replace("ß", "ss") for m in ms),
            starts=tuple(m.start() for m in ms),
            ends=tuple(m.end() for m in ms),
        )

    def __len__(self) -> int:
        return len(self.forms)


def stable_hash(text: str) -> int:
    """A signed 64-bit hash (fits an SQL BIGINT)."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


def kgram_hashes(words: Words, k: int) -> list[int]:
    f = words.forms
    return [stable_hash(" ".join(f[i : i + k])) for i in range(len(f) - k + 1)]


def winnow(hashes: list[int], window: int) -> set[int]:
    """Winnowing (Schleimer et al. 2003): the minimum of every window of hashes.

    Any shared run of ``window + k - 1`` words yields at least one shared fingerprint.
    """
    if len(hashes) <= window:
        return set(hashes)
    return {min(hashes[i : i + window]) for i in range(len(hashes) - window + 1)}
