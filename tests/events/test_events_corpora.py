"""The corpus readers the event gold set points into: HIPE-2022's pages as plain text."""

from __future__ import annotations

import re

from chronik.events.corpora import HIPE_PARTS, read_hipe


def test_hipe_pages_are_text_with_their_dates_and_mentions(data_dir):
    docs = list(read_hipe(data_dir / "hipe2022-de"))
    assert len(docs) == 185 and {d.doc.split("/")[0] for d in docs} == set(HIPE_PARTS)
    assert len({d.doc for d in docs}) == len(docs)
    assert all(d.corpus == "hipe" and re.fullmatch(r"1[789]\d\d-\d\d-\d\d", d.dct) for d in docs)
    text = "".join(d.text for d in docs)
    assert "¬" not in text  # line-break hyphens join the word's halves
    assert text.count(" ,") < text.count(",") / 100  # NoSpaceAfter is honoured (OCR leaves a few)
    assert "anderwärts" in text  # "ander¬ wärts" on the first NZZ page of 1828-11-15
    labels = {m.label for d in docs for m in d.mentions}
    assert labels == {"PER", "ORG", "LOC", "MISC"}
    for d in docs:
        for m in d.mentions:
            surface = d.text[m.start:m.end]
            assert surface == surface.strip() and surface, (d.doc, m)
    first = docs[0]
    assert first.doc == "hipe2020-train/NZZ-1798-01-20-a-p0001" and first.dct == "1798-01-20"
    assert first.text.startswith("Frankreich. Gesetzgeber.")
    assert first.text[first.mentions[0].start:first.mentions[0].end] == "Frankreich"
