"""Editing a sentence's BIO tags in place: what the chunk repairs share
(:mod:`chronik.entities.repairs` and its mixin :mod:`chronik.entities.addressed`)."""

from __future__ import annotations

MAX_NAME = 3  # words a repair adds at most
ARTEFACTS = frozenset("¬=⸗:")  # OCR and line-break marks: never part of a name

Tags = list[str]


def capitalised(word: str) -> bool:
    """A capital first letter and lower-case letters in the word ("Putin", not "CNN" or "dpa")."""
    return word[:1].isupper() and not word.isupper()  # a cased letter that is not upper-case


def put_chunk(tags: Tags, a: int, b: int, label: str) -> None:
    """Tag words ``a:b`` as one chunk of ``label``."""
    tags[a:b] = [f"B-{label}"] + [f"I-{label}"] * (b - a - 1)


def free(tags: Tags, a: int, b: int) -> bool:
    """No chunk over ``a:b`` and none running on after it."""
    return all(t == "O" for t in tags[a:b]) and (b >= len(tags) or not tags[b].startswith("I-"))


def chunk_end(tags: Tags, start: int) -> int:
    """End of the chunk that begins at ``start``."""
    end = start + 1
    while end < len(tags) and tags[end] == "I-" + tags[start][2:]:
        end += 1
    return end
