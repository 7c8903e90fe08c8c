"""Every kind of bad input gives a rejection naming the file and the reason; nothing raises."""

import os
import zlib

import pytest

from chronik.ingest import read_file
from chronik.model import Article, Rejection
from tests.conftest import LONG_DE, gz, html_page, warc_bytes


def _one_rejection(path):
    items = list(read_file(path))
    rej = [i for i in items if isinstance(i, Rejection)]
    assert rej, f"expected a rejection for {path}"
    assert all(r.source.startswith(str(path)) and r.reason for r in rej)
    return items, rej


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("empty.txt", b"", "empty file"),
        ("junk.html", os.urandom(64) + b"\x00\x00" + os.urandom(2000), "binary"),
        ("junk.txt", b"\x00\x01\x02\x03" * 300, "binary"),
        ("notes.docx", b"PK\x03\x04whatever", "unsupported file type"),
        ("noext", b"some text", "unsupported file type"),
        ("feed.xml", b"this is not xml at all, just words", "not an RSS/Atom feed"),
        ("broken.html", b"<html><body><div><p>", "no article text"),
        ("nomarkup.html", "Nur Text, kein HTML.".encode(), "not HTML"),
        ("header-only.txt", b"date 2023-09\ntitle Nichts\n", "no article text"),
        ("bad.txt.gz", b"\x1f\x8b\x08\x00garbage-not-deflate", "gzip"),
        ("fake.warc.gz", b"plain text, not gzip", "not gzip"),
        ("empty-item.jsonl", b'{"title": "x"}', "no article text"),
        ("mojibake.txt", bytes(range(0x80, 0x100)) * 20, "undecodable bytes"),
        # a record header without a target and a length the file does not hold: named by its byte offset
        ("stub.warc", b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 9999\r\n\r\nHTTP/1.1 200 OK\r\n",
         "unreadable record at byte 0"),
    ],
)
def test_bad_input_is_rejected_with_reason(tmp_path, name, data, reason):
    p = tmp_path / name
    p.write_bytes(data)
    _items, rej = _one_rejection(p)
    assert any(reason.lower() in r.reason.lower() for r in rej), [r.reason for r in rej]


def test_bad_input_missing_file(tmp_path):
    _items, rej = _one_rejection(tmp_path / "nope.txt")
    assert "no such file" in rej[0].reason


def test_bad_input_truncated_gzip_txt(tmp_path):
    data = gz(("Ein Satz über den Brückenbau. " * 200).encode())
    p = tmp_path / "cut.txt.gz"
    p.write_bytes(data[: len(data) // 2])
    _items, rej = _one_rejection(p)
    assert "truncated or corrupt gzip" in rej[0].reason


@pytest.mark.parametrize("gzipped, name", [(True, "cut.warc.gz"), (False, "cut.warc")])
def test_bad_input_truncated_warc_keeps_the_records_before_the_cut(tmp_path, gzipped, name):
    pages = [(f"https://blatt.example/{i}", html_page(f"Meldung {i}", [f"Teil {i}: " + s for s in LONG_DE]))
             for i in range(6)]
    data = warc_bytes(pages, gzipped=gzipped)
    p = tmp_path / name
    p.write_bytes(data[: int(len(data) * 0.6)])
    items = list(read_file(p))
    arts = [i for i in items if isinstance(i, Article)]
    rej = [i for i in items if isinstance(i, Rejection)]
    assert 1 <= len(arts) < 6
    assert len(rej) == 1 and rej[0].source == str(p) and "truncated" in rej[0].reason


def test_bad_input_warc_with_junk_record_payload(tmp_path):
    pages = [("https://blatt.example/ok", html_page("Gut", LONG_DE)), ("https://blatt.example/bad", "<html><body></body></html>")]
    p = tmp_path / "mixed.warc"
    p.write_bytes(warc_bytes(pages, gzipped=False))
    items = list(read_file(p))
    assert sum(isinstance(i, Article) for i in items) == 1
    (rej,) = [i for i in items if isinstance(i, Rejection)]
    assert rej.source == f"{p}#https://blatt.example/bad" and "no article text" in rej.reason


def _record_ends(data: bytes, gzipped: bool) -> set[int]:
    """Offsets where a WARC (one gzip member per record when gzipped) may end whole."""
    if not gzipped:
        return {i + 4 for i in range(len(data)) if data.startswith(b"\r\n\r\nWARC/", i)} | {len(data)}
    ends, pos = set(), 0
    while pos < len(data):
        d = zlib.decompressobj(31)
        d.decompress(data[pos:])
        pos = len(data) - len(d.unused_data)
        ends.add(pos)
    return ends


@pytest.mark.parametrize("gzipped", [True, False])
def test_bad_input_warc_cut_anywhere_never_raises(tmp_path, gzipped):
    """Cut inside a record's headers, its HTTP headers or its payload, or inside a gzip
    member (which warcio takes for the end of the archive): each cut gives the records
    before it and one rejection; a cut between records is a shorter, whole archive."""
    pages = [(f"https://blatt.example/{i}", html_page(f"Meldung {i}", [f"Teil {i}: " + s for s in LONG_DE]))
             for i in range(3)]
    data = warc_bytes(pages, gzipped=gzipped)
    whole = _record_ends(data, gzipped)
    p = tmp_path / ("cut.warc.gz" if gzipped else "cut.warc")
    cuts = sorted(set(range(40, len(data), max(1, len(data) // 97))) | whole | {e + 1 for e in whole if e < len(data)})
    for cut in cuts:
        p.write_bytes(data[:cut])
        items = list(read_file(p))  # never raises
        rej = [i for i in items if isinstance(i, Rejection)]
        if cut in whole:
            assert all(isinstance(i, Article) for i in items) or "no HTML response records" in rej[0].reason, cut
            continue
        assert len(rej) == 1 and rej[0].source == str(p), (cut, items)
        assert "truncated" in rej[0].reason or "no HTML response records" in rej[0].reason, (cut, rej[0].reason)
        assert len(items) - 1 <= 3  # the records before the cut
