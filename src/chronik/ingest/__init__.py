"""Ingest: files and folders in, :class:`~chronik.model.Article` records (or rejections) out.

Formats are chosen by file extension from one small map; folders are walked recursively in
sorted order. A reader raises :class:`~chronik.errors.InputError` (or yields a
:class:`~chronik.model.Rejection` for one bad item of a multi-article file); :func:`read_file`
turns every failure into a rejection that names the file and the reason.
"""

from __future__ import annotations

import gzip
import os
import zlib
from pathlib import Path
from typing import Callable, Iterable, Iterator

from chronik.errors import InputError
from chronik.ingest.feed import read_feed
from chronik.ingest.html import read_html
from chronik.ingest.jsonl import read_jsonl
from chronik.ingest.txt import read_txt
from chronik.ingest.warc import read_warc, read_warc_bytes
from chronik.model import Article, Rejection

Reader = Callable[[str, bytes], Iterable[Article | Rejection]]

READERS: dict[str, Reader] = {
    ".txt": read_txt, ".text": read_txt, ".md": read_txt,
    ".html": read_html, ".htm": read_html, ".xhtml": read_html,
    ".rss": read_feed, ".atom": read_feed, ".xml": read_feed,
    ".jsonl": read_jsonl, ".ndjson": read_jsonl,
    ".warc": read_warc_bytes,
}
SUPPORTED = ", ".join(sorted(READERS)) + ", .warc.gz and any of these gzipped (.gz)"
MAX_BYTES = 256 * 1024 * 1024  # a single non-archive input larger than this is refused


def iter_files(paths: Iterable[str | os.PathLike]) -> Iterator[Path]:
    """Files named, and files inside folders named (recursively, sorted, hidden ones skipped)."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield Path(root) / name
        else:
            yield path


def _suffixes(path: Path) -> tuple[str, str]:
    name = path.name.lower()
    outer = path.suffix.lower()
    inner = Path(name[: -len(outer)]).suffix if outer else ""
    return inner, outer


def reader_for(path: Path) -> Reader | None:
    inner, outer = _suffixes(path)
    if outer == ".gz":
        return READERS.get(inner)
    return READERS.get(outer)


def read_file(path: Path) -> Iterator[Article | Rejection]:
    """Everything one file holds; never raises for bad input."""
    source = str(path)
    try:
        yield from _read(path, source)
    except InputError as exc:
        yield Rejection(source=exc.source, stage="ingest", reason=exc.reason)
    except OSError as exc:
        yield Rejection(source=source, stage="ingest", reason=f"cannot read: {exc.strerror or exc}")


def _read(path: Path, source: str) -> Iterator[Article | Rejection]:
    if not path.exists():
        raise InputError(source, "no such file or folder")
    reader = reader_for(path)
    if reader is None:
        raise InputError(source, f"unsupported file type {''.join(_suffixes(path)) or '(no extension)'} (supported: {SUPPORTED})")
    size = path.stat().st_size
    if size == 0:
        raise InputError(source, "empty file")
    inner, outer = _suffixes(path)
    if reader is read_warc_bytes:  # stream archives; never load them whole
        with open(path, "rb") as fh:
            magic = fh.read(2)
        if outer == ".gz" and magic != b"\x1f\x8b":
            raise InputError(source, "not gzip data despite the .gz extension")
        # warcio reads gzip member by member itself; hand it the raw file
        with open(path, "rb") as stream:
            yield from read_warc(source, stream)
        return
    if size > MAX_BYTES:
        raise InputError(source, f"file too large ({size} bytes; limit {MAX_BYTES})")
    data = path.read_bytes()
    if outer == ".gz":
        data = _gunzip(data, source)
        if not data:
            raise InputError(source, "empty file (after gunzip)")
    yield from reader(source, data)


def _gunzip(data: bytes, source: str) -> bytes:
    try:
        return gzip.decompress(data)
    except (EOFError, OSError, zlib.error) as exc:
        raise InputError(source, f"truncated or corrupt gzip ({exc})") from exc


__all__ = ["READERS", "SUPPORTED", "iter_files", "read_file", "reader_for"]
