"""Reader for the ECB+ corpus (Cybulska and Vossen, LREC 2014) as laid out in ``../shared/data/ecbplus``.

Each topic folder holds files ``T_Necb.xml`` and ``T_Necbplus.xml``: one English news document each,
as ``<token t_id sentence number>`` elements followed by mention markables. For document clustering a
document's gold group is its topic number plus its suffix (``1ecb``, ``1ecbplus``): the two suffixes of
a topic describe two different but similar real-world events.

ECB+ documents (the ``ecbplus`` half) often start with the source URL as their first "sentence"; the
reader moves it to :attr:`EcbDocument.url` so it does not count as text. Everything else is kept.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from chronik.errors import InputError

_NAME = re.compile(r"^(?P<topic>\d+)_(?P<num>\d+)(?P<suffix>ecbplus|ecb)\.xml$")
# Tokens that attach to the previous token (no space before) or to the next one (no space after).
_NO_SPACE_BEFORE = frozenset({".", ",", ";", ":", "!", "?", ")", "]", "}", "''", "'s", "n't", "'re", "'ve",
                              "'ll", "'d", "'m", "%"})
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "``", "$"})


@dataclass(frozen=True, slots=True, kw_only=True)
class EcbDocument:
    """One ECB+ document: ``id`` is the file stem (``1_10ecb``), ``group`` its gold event group."""

    id: str
    topic: int
    group: str
    text: str
    url: str | None = None


def detokenize(tokens: list[str]) -> str:
    """Join PTB-style tokens into readable text (spaces dropped around punctuation)."""
    out: list[str] = []
    glue = True
    for tok in tokens:
        if not glue and tok not in _NO_SPACE_BEFORE:
            out.append(" ")
        out.append(tok)
        glue = tok in _NO_SPACE_AFTER
    return "".join(out)


def read_document(path: Path) -> EcbDocument:
    """Parse one ``T_N(ecb|ecbplus).xml`` file."""
    match = _NAME.match(path.name)
    if match is None:
        raise InputError(str(path), "not an ECB+ document name (expected T_Necb.xml or T_Necbplus.xml)")
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise InputError(str(path), f"XML error: {exc}") from exc
    sentences: dict[int, list[str]] = {}
    for token in root.iter("token"):
        sentences.setdefault(int(token.get("sentence", "0")), []).append(token.text or "")
    lines = [detokenize(sentences[k]) for k in sorted(sentences)]
    url = None
    if lines and re.match(r"^https?\s*:", lines[0]):
        url = re.sub(r"\s+", "", " ".join(sentences[min(sentences)]))
        lines = lines[1:]
    topic = int(match["topic"])
    return EcbDocument(id=path.stem, topic=topic, group=f"{topic}{match['suffix']}",
                       text="\n".join(lines), url=url)


def read_corpus(root: Path, topics: set[int] | None = None) -> list[EcbDocument]:
    """All documents under ``root`` (topic folders), sorted by topic then id; ``topics`` filters."""
    root = Path(root)
    if not root.is_dir():
        raise InputError(str(root), "ECB+ folder not found")
    docs = []
    for folder in root.iterdir():
        if not (folder.is_dir() and folder.name.isdigit()):
            continue
        if topics is not None and int(folder.name) not in topics:
            continue
        docs.extend(read_document(path) for path in folder.glob("*.xml"))
    docs.sort(key=lambda d: (d.topic, d.group, int(d.id.split("_")[1].rstrip("ecbplus") or 0), d.id))
    return docs
