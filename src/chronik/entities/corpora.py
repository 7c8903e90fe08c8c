"""Readers and writers for the NER corpora chronik trains and evaluates on.

Every reader yields :class:`TaggedSentence` records: tokens plus outer BIO tags over the four
labels chronik uses (PER, ORG, LOC, MISC). The label mappings are the documented decisions of
docs/entities.md:

* GermEval 2014: OTH -> MISC; ``-deriv`` (``russische``, ``Berliner``) and ``-part``
  (``Russland-Politik``) -> O, because they are not names of the entity (chronik links country
  adjectives to their country in canonicalisation instead of calling them LOC mentions).
* SmartData: person -> PER; organization, organization-company -> ORG; location,
  location-city, location-stop, location-street -> LOC; location-route (``RE 7``, ``ICE 1716``)
  -> MISC; dates, numbers, triggers, positions and the other concept types are dropped, and so
  are location mentions that are derived adjectives (``italienische``, ``Berliner``).
* HIPE-2022 (evaluation only): pers -> PER, org -> ORG, loc -> LOC, prod -> MISC, time dropped.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from chronik.errors import InputError
from chronik.ingest.jsonl import json_values
from chronik.text import SentenceSplitter, tokenize

LABELS = ("PER", "ORG", "LOC", "MISC")

GERMEVAL_LABELS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "OTH": "MISC", "MISC": "MISC"}
SMARTDATA_LABELS = {
    "person": "PER",
    "organization": "ORG",
    "organization-company": "ORG",
    "location": "LOC",
    "location-city": "LOC",
    "location-stop": "LOC",
    "location-street": "LOC",
    "location-route": "MISC",
}
HIPE_LABELS = {"pers": "PER", "per": "PER", "org": "ORG", "loc": "LOC", "prod": "MISC",
               "humanprod": "MISC"}


@dataclass(frozen=True, slots=True)
class TaggedSentence:
    """Tokens with outer BIO tags; ``rows`` keeps a TSV's original lines for round-trips."""

    words: tuple[str, ...]
    tags: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...] = ()
    comment: str = ""
    doc: str = ""


def chunks(tags: Iterable[str]) -> list[tuple[int, int, str]]:
    """``(start, end, label)`` token spans of BIO ``tags`` (conlleval's chunk rules)."""
    out: list[tuple[int, int, str]] = []
    tags = list(tags)
    if tags.count("O") == len(tags):
        return out
    start, label = None, None
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, lab = tag.partition("-")
        if start is not None and (prefix != "I" or lab != label):
            out.append((start, i, label))
            start, label = None, None
        if prefix == "B" or (prefix == "I" and start is None):
            start, label = i, lab
    return out


def bio(length: int, spans: Iterable[tuple[int, int, str]]) -> tuple[str, ...]:
    tags = ["O"] * length
    for start, end, label in spans:
        tags[start] = f"B-{label}"
        for i in range(start + 1, end):
            tags[i] = f"I-{label}"
    return tuple(tags)


def bioes(tags: Iterable[str]) -> tuple[str, ...]:
    """BIO tags rewritten as BIOES (single-token chunks ``S-``, chunk ends ``E-``): the tag set
    the CRF may be trained on; :func:`from_bioes` maps its output back."""
    tags = list(tags)
    out = ["O"] * len(tags)
    for start, end, label in chunks(tags):
        if end - start == 1:
            out[start] = f"S-{label}"
        else:
            out[start] = f"B-{label}"
            out[start + 1:end - 1] = [f"I-{label}"] * (end - start - 2)
            out[end - 1] = f"E-{label}"
    return tuple(out)


def from_bioes(tags: Iterable[str]) -> list[str]:
    """BIOES tags as BIO: ``S-`` opens a chunk and ``E-`` continues one."""
    return [("B" + t[1:]) if t[:1] == "S" else ("I" + t[1:]) if t[:1] == "E" else t for t in tags]


def _map_tag(tag: str, mapping: dict[str, str]) -> str:
    prefix, _, label = tag.partition("-")
    if prefix not in ("B", "I") or label not in mapping:
        return "O"
    return f"{prefix}-{mapping[label]}"


def _clean_bio(tags: list[str]) -> tuple[str, ...]:
    return bio(len(tags), chunks(tags))


# ---------------------------------------------------------------------------- GermEval 2014


def read_germeval(path: str | Path) -> list[TaggedSentence]:
    """GermEval 2014 TSV: ``#`` comment line, then ``index token outer inner`` rows."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc}") from exc
    out: list[TaggedSentence] = []
    rows: list[tuple[str, ...]] = []
    comment = ""

    def flush() -> None:
        nonlocal rows, comment
        if rows:
            words = tuple(r[1] for r in rows)
            tags = _clean_bio([_map_tag(r[2] if len(r) > 2 else "O", GERMEVAL_LABELS) for r in rows])
            out.append(TaggedSentence(words, tags, tuple(rows), comment))
        rows, comment = [], ""

    for n, line in enumerate(lines, 1):
        if not line.strip():
            flush()
        elif line.startswith("#") and not rows:
            comment = line
        else:
            cols = tuple(line.split("\t"))
            if len(cols) < 2:
                raise InputError(str(path), f"line {n}: expected index and token columns")
            rows.append(cols)
    flush()
    return out


def write_germeval(path: str | Path, sentences: Iterable[TaggedSentence],
                   tags: Iterable[tuple[str, ...]]) -> None:
    """Write ``sentences`` back in GermEval TSV with ``tags`` in column 3."""
    with open(path, "w", encoding="utf-8") as fh:
        for sent, sent_tags in zip(sentences, tags, strict=True):
            if sent.comment:
                fh.write(sent.comment + "\n")
            for row, tag in zip(sent.rows, sent_tags, strict=True):
                cols = list(row) + ["O"] * max(0, 4 - len(row))
                cols[2] = tag
                fh.write("\t".join(cols) + "\n")
            fh.write("\n")


# ---------------------------------------------------------------------------- SmartData


def _is_derived(surface: str, places: set[str]) -> bool:
    """A location mention that is an adjective or a demonym, not a name."""
    if not surface or not surface[0].isupper():
        return True
    if " " in surface or not surface.endswith("er"):
        return False
    stems = {surface[:-2], surface[:-3] + "en", surface[:-2] + "en"}
    return bool(stems & places)


def read_smartdata(path: str | Path) -> list[TaggedSentence]:
    """SmartData JSON (concatenated documents): tokenised with :func:`chronik.text.tokenize`."""
    path = Path(path)
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            docs = list(json_values(fh.read()))
    except (OSError, ValueError) as exc:
        raise InputError(str(path), f"cannot read SmartData JSON: {exc}") from exc
    splitter = SentenceSplitter()
    places: set[str] = set()
    for doc in docs:
        text = doc["text"]["string"]
        for m in (doc.get("conceptMentions") or {}).get("array", []):
            if m["type"].startswith("location"):
                places.add(text[m["span"]["start"]:m["span"]["end"]])
    out: list[TaggedSentence] = []
    for doc in docs:
        text = doc["text"]["string"]
        ents = []
        for m in (doc.get("conceptMentions") or {}).get("array", []):
            label = SMARTDATA_LABELS.get(m["type"])
            start, end = m["span"]["start"], m["span"]["end"]
            if label is None or end <= start:
                continue
            if label == "LOC" and _is_derived(text[start:end].strip(), places):
                continue
            ents.append((start, end, label))
        ents.sort(key=lambda e: (e[0], -e[1]))
        for sent in splitter(text):
            toks = tokenize(text, sent.start, sent.end)
            if not toks:
                continue
            spans = []
            last_end = -1
            for start, end, label in ents:
                if end <= sent.start or start >= sent.end or start < last_end:
                    continue
                # whole tokens only: an entity inside a compound ("Imtech-Pleite") is a part, not a name
                inside = [i for i, t in enumerate(toks) if t.start >= start and t.start < end
                          and (t.end <= end or (t.end == end + 1 and text[end] == "."))]
                if not inside:
                    continue
                spans.append((inside[0], inside[-1] + 1, label))
                last_end = end
            spans = _non_overlapping(spans)
            words = tuple(text[t.start:t.end] for t in toks)
            out.append(TaggedSentence(words, bio(len(words), spans), doc=doc["id"]))
    return out


def _non_overlapping(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for span in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if not out or span[0] >= out[-1][1]:
            out.append(span)
    return out


# ---------------------------------------------------------------------------- HIPE-2022


def read_hipe(path: str | Path) -> list[TaggedSentence]:
    """HIPE-2022 TSV (evaluation only); sentences end at ``EndOfSentence``."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc}") from exc
    out: list[TaggedSentence] = []
    words: list[str] = []
    tags: list[str] = []
    doc = ""

    def flush() -> None:
        nonlocal words, tags
        if words:
            out.append(TaggedSentence(tuple(words), _clean_bio(tags), doc=doc))
        words, tags = [], []

    for line in lines:
        if line.startswith("TOKEN\t"):
            continue
        if line.startswith("#"):
            if "document_id" in line:
                flush()
                doc = line.split("=", 1)[-1].strip()
            continue
        cols = line.split("\t")
        if len(cols) < 2 or not cols[0]:
            flush()
            continue
        words.append(cols[0])
        tags.append(_map_tag(cols[1].lower().replace("b-", "B-", 1).replace("i-", "I-", 1), HIPE_LABELS))
        if "EndOfSentence" in cols[-1]:
            flush()
    flush()
    return out
