"""The corpus readers the event gold set points into: HIPE-2022's pages as plain text."""

from __future__ import annotations

import re

from chronik.events.corpora import (HIPE_PARTS, NEWSEYE_PARTS, SONAR_PARTS, _hipe_page, newseye_spacing, read_hipe,
                                    sonar_spacing)


def page(rows: list[tuple[str, ...]], spacing) -> str:
    """The text one page of (token, tag, misc) rows reads as with ``spacing``."""
    return _hipe_page("x", "d", None, spacing([list(r) for r in rows])).text


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


def test_sonar_spacing_puts_in_the_spaces_and_joins_broken_words():
    rows = [("Die", "O", "_"), ("Berliner", "B-ORG", "_"), ("Börsen", "I-ORG", "_"), ("-", "I-ORG", "_"),
            ("Zeitung", "I-ORG", "_"), ("(", "O", "_"), ("unter", "O", "_"), ("-", "O", "_"), ("|", "O", "_"),
            ("drückt", "O", "_"), (")", "O", "_"), ("meldet", "O", "_"), ("„", "O", "_"), ("Mindest", "O", "_"),
            ("-", "O", "_"), ("und", "O", "_"), ("Höchstsätze", "O", "_"), ("“", "O", "_"), ("der", "O", "_"),
            ("Lehrer⸗", "O", "_"), ("Anstellung", "O", "_"), ("vorge⸗", "O", "_"), ("legt", "O", "_"),
            ("ſind", "O", "_"), (".", "O", "EndOfSentence")]
    text = page(rows, sonar_spacing)
    assert text == ("Die Berliner Börsen-Zeitung (unterdrückt) meldet „Mindest- und Höchstsätze“ der "
                    "Lehrer-Anstellung vorgelegt sind.")
    doc = _hipe_page("x", "d", None, sonar_spacing([list(r) for r in rows]), "sonar")
    assert [doc.text[m.start:m.end] for m in doc.mentions] == ["Berliner Börsen-Zeitung"]  # upper-case labels


def test_newseye_spacing_restores_the_spaces_the_ocr_lost():
    rows = [("Brandl", "B-PER", "_"), ("war", "O", "_"), ("an¬", "O", "NoSpaceAfter|EndOfLine"),
            ("geklagt", "O", "NoSpaceAfter"), (",", "O", "NoSpaceAfter"), ("weil", "O", "_"),
            ("er", "O", "NoSpaceAfter"), ("gestern", "O", "NoSpaceAfter"), ("(", "O", "NoSpaceAfter"),
            ("sic", "O", "NoSpaceAfter"), (")", "O", "_"), ("kam", "O", "NoSpaceAfter"), (".", "O", "NoSpaceAfter"),
            ("(", "O", "NoSpaceAfter"), ("Wien", "B-LOC", "NoSpaceAfter"), (".", "O", "_")]
    assert page(rows, newseye_spacing) == "Brandl war angeklagt, weil er gestern(sic) kam. (Wien."


def test_sonar_and_newseye_pages_read_as_text(data_dir):
    for corpus, parts, count in (("sonar", SONAR_PARTS, 20), ("newseye", NEWSEYE_PARTS, 25)):
        docs = list(read_hipe(data_dir / "hipe2022-de", parts, corpus))
        assert len(docs) == count and all(d.corpus == corpus and d.doc.split("/")[0] in parts for d in docs)
        text = "".join(d.text for d in docs)
        assert "¬" not in text and "ſ" not in text and " |" not in text
        assert text.count(" ,") + text.count(" .") < text.count(",") / 50
        assert {"PER", "ORG", "LOC"} <= {m.label for d in docs for m in d.mentions} <= {"PER", "ORG", "LOC", "MISC"}
        for d in docs:
            assert all(d.text[m.start:m.end].strip() == d.text[m.start:m.end] != "" for m in d.mentions)
