"""Documents of ``../shared/data`` that the event gold set points into.

The gold set stores references only (corpus, document id, character offsets), never text;
these readers give the text back so the scorer can check the offsets and run the extractor.

* ``smartdata``: DFKI SmartData v1, ``news`` documents; id ``<split>/<fileName>``; the text
  is the document's ``text``; the DCT its ``date``; gold entity mentions from its concept
  mentions (person, organisation, location types).
* ``krauts``: KRAUTS Dolomiten raw-text TimeML; id ``<folder>/<file>``; the text is TEXT's
  content (entities decoded); the DCT the document's creation time. No gold entities.
* ``germeval``: GermEval 2014 dev, news sentences only (Wikipedia skipped); id the ``#``
  line number; the text is the tokens joined by single spaces; the DCT the bracketed date;
  gold entity mentions from the outer BIO column.
* ``hipe``: HIPE-2022's ``hipe2020`` German newspaper pages (NZZ and others, 1798-1948; train,
  dev and test files, for evaluation only); id ``<file part>/<document_id>``; the text is the
  tokens joined as ``NoSpaceAfter`` says, a line-break hyphen "¬" joining the word's halves;
  the DCT the document's date; gold entity mentions from NE-COARSE-LIT (pers, org, loc; prod as
  MISC).
* ``newseye``: HIPE-2022's ``newseye`` pages (Austrian newspapers, 1864-1933; dev and test, for
  evaluation only), read like ``hipe`` after ``newseye_spacing``: a word ending in "¬" joins the
  next, and the spaces the OCR lost between words or after a comma or full stop come back.
* ``sonar``: HIPE-2022's ``sonar`` pages (Berlin newspapers, 1868-1937; dev and test, for
  evaluation only), read like ``hipe``; they carry no spacing marks, so ``sonar_spacing`` puts
  them in: no space before closing or after opening punctuation, a hyphen before a lower-case
  word part joins it ("unter - drückt"), one before a capital keeps the compound
  ("Börsen-Zeitung"), the column mark "|" goes, and the long s "ſ" is an "s".
"""

from __future__ import annotations

import gzip
import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from chronik.entities.corpora import HIPE_LABELS, chunks
from chronik.errors import InputError
from chronik.ingest.jsonl import json_values
from chronik.model import Mention

SMARTDATA_LABELS = {
    "person": "PER", "organization": "ORG", "organization-company": "ORG", "location": "LOC",
    "location-city": "LOC", "location-street": "LOC", "location-stop": "LOC", "location-route": "LOC",
}
GERMEVAL_LABELS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "OTH": "MISC"}
_TEXT = re.compile(r"<TEXT\b[^>]*>(.*?)</TEXT>", re.S)
_DCT = re.compile(r"<DCT\b[^>]*>.*?\bvalue=\"([^\"]+)\"", re.S)
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True, slots=True)
class Document:
    """A document the gold set refers to; ``mentions`` are the corpus's own entity spans."""

    corpus: str
    doc: str
    text: str
    dct: str | None
    mentions: tuple[Mention, ...] | None = None  # None: the corpus has no entity annotation


def read_smartdata(folder: Path) -> Iterator[Document]:
    """The ``news`` documents of both SmartData splits."""
    for split in ("train", "test"):
        path = folder / f"{split}.json.gz"
        try:
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                raw = fh.read()
        except OSError as exc:
            raise InputError(str(path), f"cannot read SmartData: {exc}") from exc
        for doc in json_values(raw):
            refs = (doc.get("refids") or {}).get("map") or {}
            if refs.get("source") != "news":
                continue
            text = doc["text"]["string"]
            mentions = []
            for m in (doc.get("conceptMentions") or {}).get("array", []):
                label = SMARTDATA_LABELS.get(m["type"])
                start, end = m["span"]["start"], m["span"]["end"]
                if label and end > start:
                    mentions.append(Mention(start=start, end=end, label=label))
            date = (doc.get("date") or {}).get("string")
            yield Document(corpus="smartdata", doc=f"{split}/{refs['fileName']}", text=text,
                           dct=date[:10] if date else None, mentions=_outermost(mentions))


def smartdata_relations(folder: Path) -> Iterator[tuple[str, str, int, int, tuple[tuple[str, int, int], ...]]]:
    """SmartData's own relation/event mentions in news: (doc id, name, start, end, args),
    each argument as (role, start, end)."""
    for split in ("train", "test"):
        with gzip.open(folder / f"{split}.json.gz", "rt", encoding="utf-8") as fh:
            raw = fh.read()
        for doc in json_values(raw):
            refs = (doc.get("refids") or {}).get("map") or {}
            if refs.get("source") != "news":
                continue
            for rel in (doc.get("relationMentions") or {}).get("array", []):
                args = tuple(
                    (a["role"], a["conceptMention"]["span"]["start"], a["conceptMention"]["span"]["end"])
                    for a in (rel.get("args") or {}).get("array", [])
                )
                yield (f"{split}/{refs['fileName']}", rel["name"], rel["span"]["start"], rel["span"]["end"], args)


def read_krauts(folder: Path) -> Iterator[Document]:
    """The Dolomiten raw-text TimeML documents (both parts)."""
    for part in sorted(folder.glob("KRAUTS_*_raw-text")):
        for path in sorted(part.glob("*.tml")):
            content = path.read_text(encoding="utf-8")
            m = _TEXT.search(content)
            if not m:
                raise InputError(str(path), "no TEXT element")
            text = html.unescape(_TAG.sub("", m.group(1)))
            dct = _DCT.search(content)
            yield Document(corpus="krauts", doc=f"{part.name}/{path.name}", text=text,
                           dct=dct.group(1) if dct else None)


def read_germeval(path: Path) -> Iterator[Document]:
    """News sentences of GermEval 2014 (those whose source is not Wikipedia)."""
    header: list[str] | None = None
    words: list[str] = []
    tags: list[str] = []
    number = 0

    def flush() -> Document | None:
        if header is None or not words or "wikipedia.org" in header[1]:
            return None
        text = " ".join(words)
        mentions, pos, open_ = [], 0, None
        for word, tag in zip(words, tags):
            if tag.startswith("B-") or tag == "O" or (tag.startswith("I-") and open_ is None):
                if open_:
                    mentions.append(Mention(start=open_[0], end=open_[1], label=open_[2]))
                    open_ = None
                base = tag[2:]
                if tag != "O" and base in GERMEVAL_LABELS:
                    open_ = [pos, pos + len(word), GERMEVAL_LABELS[base]]
            elif open_:
                open_[1] = pos + len(word)
            pos += len(word) + 1
        if open_:
            mentions.append(Mention(start=open_[0], end=open_[1], label=open_[2]))
        date = re.search(r"\[(\d{4}-\d\d-\d\d)\]", "\t".join(header))
        return Document(corpus="germeval", doc=str(number), text=text,
                        dct=date.group(1) if date else None, mentions=tuple(mentions))

    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("#"):
                if (doc := flush()) is not None:
                    yield doc
                number += 1
                header, words, tags = line.split("\t"), [], []
            elif line.strip():
                cols = line.split("\t")
                words.append(cols[1])
                tags.append(cols[2])
    if (doc := flush()) is not None:
        yield doc


HIPE_PARTS = ("hipe2020-train", "hipe2020-dev", "hipe2020-test")
SONAR_PARTS = ("sonar-dev", "sonar-test")
NEWSEYE_PARTS = ("newseye-dev", "newseye-test")
CLOSING = frozenset(".,;:!?)]“«'’%")  # sonar: no space before these
OPENING = frozenset("„([»‚")  # nor after these
HYPHENS = frozenset("-⸗")
COORDINATORS = frozenset(("und", "oder", "bis", "sowie", "wie"))  # "Mindest- und Höchstsätze"


def read_hipe(folder: Path, parts: tuple[str, ...] = HIPE_PARTS, corpus: str = "hipe") -> Iterator[Document]:
    """HIPE-2022's German pages of ``parts`` (the hipe2020 ones by default), one document per
    page; the sonar and newseye pages get their spacing from ``SPACING[corpus]``."""
    for part in parts:
        path = folder / f"HIPE-2022-v2.1-{part}-de.tsv"
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise InputError(str(path), f"cannot read HIPE-2022: {exc}") from exc
        page: list[list[str]] = []
        doc_id = date = None
        for line in lines + ["# hipe2022:document_id = "]:
            if line.startswith("# hipe2022:document_id") and doc_id is not None:
                rows = SPACING[corpus](page) if corpus in SPACING else page
                yield _hipe_page(part, doc_id, date, rows, corpus)
            if line.startswith("# hipe2022:document_id"):
                doc_id, date, page = line.split("=", 1)[1].strip(), None, []
            elif line.startswith("# hipe2022:date"):
                date = line.split("=", 1)[1].strip()[:10]
            elif line and not line.startswith(("#", "TOKEN\t")):
                page.append(line.split("\t"))


def sonar_spacing(rows: list[list[str]]) -> list[list[str]]:
    """Sonar rows with the spacing marks the hipe2020 files carry: ``NoSpaceAfter`` in the last
    column, "¬" for a line-break hyphen (the module docstring gives the rules)."""
    rows = [[cols[0].replace("ſ", "s"), *cols[1:]] for cols in rows if cols[0] != "|"]
    glued = [False] * len(rows)
    for i, cols in enumerate(rows):
        word = cols[0]
        before = rows[i - 1][0] if i else ""
        after = rows[i + 1][0] if i + 1 < len(rows) else ""
        if word in CLOSING and i:
            glued[i - 1] = True
        elif word in OPENING:
            glued[i] = True
        elif word in HYPHENS and before[-1:].isalpha() and after[:1].isalpha():
            if after in COORDINATORS:
                glued[i - 1] = True
            elif after[0].islower():
                cols[0] = "¬"
            else:
                glued[i - 1] = glued[i] = True
        elif len(word) > 1 and word[-1] in HYPHENS and word[-2].isalpha() and after[:1].isalpha():
            join = after[0].islower() and after not in COORDINATORS  # "vorge⸗ legten", "Börsen⸗ Zeitung"
            cols[0] = word[:-1] if join else word[:-1] + "-"
            glued[i] = after not in COORDINATORS
    return [[*cols[:-1], "NoSpaceAfter" if glue else "_"] for cols, glue in zip(rows, glued)]


def newseye_spacing(rows: list[list[str]]) -> list[list[str]]:
    """Newseye rows as the hipe2020 files spell them: a word ending in "¬" joins the next, and
    ``NoSpaceAfter`` between two words, or after a comma or full stop before a word or an opening
    mark (the OCR lost the space: "zeigte,daß", "Freispruch.(Das"), gives way to a space."""
    out = []
    for i, cols in enumerate(rows):
        word, misc = cols[0], cols[-1]
        after = rows[i + 1][0] if i + 1 < len(rows) else ""
        lost = (word[-1:].isalnum() or word in (".", ",", ";", ":", "!", "?")) and (
            after[:1].isalpha() or (after[:1] in OPENING and not word[-1:].isalnum()))
        glue = "NoSpaceAfter" in misc and not lost
        if len(word) > 1 and word.endswith("¬"):
            word, glue = word[:-1], True
        out.append([word, *cols[1:-1], "NoSpaceAfter" if glue else "_"])
    return out


SPACING = {"sonar": sonar_spacing, "newseye": newseye_spacing}


def _hipe_page(part: str, doc_id: str, date: str | None, rows: list[list[str]], corpus: str = "hipe") -> Document:
    """One page's text (tokens joined as the MISC column says) and its outer mentions
    (NE-COARSE-LIT chunks, the entity package's HIPE labels)."""
    text: list[str] = []
    spans: list[tuple[int, int]] = []
    tags: list[str] = []
    pos, glue = 0, True
    for cols in rows:
        word, tag, misc = cols[0], cols[1], cols[-1]
        if word == "¬":  # a word broken at the line's end: its halves join
            glue = True
            continue
        if not glue:
            text.append(" ")
            pos += 1
        prefix, _, label = tag.partition("-")
        label = label.lower()  # sonar writes PER, hipe2020 pers
        tags.append(f"{prefix}-{HIPE_LABELS[label]}" if prefix in ("B", "I") and label in HIPE_LABELS else "O")
        spans.append((pos, pos + len(word)))
        text.append(word)
        pos += len(word)
        glue = "NoSpaceAfter" in misc
    mentions = tuple(Mention(start=spans[a][0], end=spans[b - 1][1], label=label) for a, b, label in chunks(tags))
    return Document(corpus=corpus, doc=f"{part}/{doc_id}", text="".join(text), dct=date, mentions=mentions)


def _outermost(mentions: list[Mention]) -> tuple[Mention, ...]:
    """Mentions not inside a longer one (SmartData nests, e.g. a city inside a company name)."""
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return tuple(out)


READERS = {
    "smartdata": lambda data: read_smartdata(data / "smartdata"),
    "krauts": lambda data: read_krauts(data / "krauts"),
    "germeval": lambda data: read_germeval(data / "germeval2014" / "NER-de-dev.tsv"),
    "hipe": lambda data: read_hipe(data / "hipe2022-de"),
    "sonar": lambda data: read_hipe(data / "hipe2022-de", SONAR_PARTS, "sonar"),
    "newseye": lambda data: read_hipe(data / "hipe2022-de", NEWSEYE_PARTS, "newseye"),
}


def load_documents(data: Path, corpora: tuple[str, ...] = tuple(READERS)) -> dict[tuple[str, str], Document]:
    """Every document of the named corpora, keyed by (corpus, doc id)."""
    out: dict[tuple[str, str], Document] = {}
    for corpus in corpora:
        for doc in READERS[corpus](data):
            out[(corpus, doc.doc)] = doc
    return out
