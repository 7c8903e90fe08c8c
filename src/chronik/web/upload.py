"""Ingest by upload, shared by ``POST /api/v1/ingest`` and the upload page's plain form post.

Files are written under safe names to a temporary folder, read in chunks and cut off
with 413 as soon as one passes the size limit, then ingested like ``chronik ingest``
under the app's ingest lock. The answer has the run's counts and one row per uploaded
file saying what became of it.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

from fastapi import HTTPException
from starlette.datastructures import UploadFile

if TYPE_CHECKING:  # pragma: no cover
    from chronik.web.app import WebState

CHUNK = 64 * 1024
UNSAFE = re.compile(r"[^\w.-]+")
SUFFIX = re.compile(r"[A-Za-z0-9]{1,10}")


def safe_name(name: str | None, index: int) -> str:
    """A file name that cannot leave the upload folder: last path part, word characters, numbered.

    The extension (which picks the reader) is kept; a leading dot cannot survive.
    """
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    stem, dot, suffix = base.rpartition(".")
    if not dot or not SUFFIX.fullmatch(suffix) or not stem.strip("."):
        stem, suffix = base, ""
    stem = UNSAFE.sub("_", stem).strip("._-")[:120] or "upload"
    return f"{index:03d}-{stem}" + (f".{suffix.lower()}" if suffix else "")


def chosen(files: Sequence[UploadFile]) -> list[UploadFile]:
    """The parts a browser sent for files actually chosen (an empty file input sends one nameless part)."""
    return [f for f in files if f.filename or (f.size or 0) > 0]


def _save(files: Sequence[UploadFile], folder: Path, limit: int) -> dict[str, str]:
    names: dict[str, str] = {}
    for i, upload in enumerate(files):
        target = folder / safe_name(upload.filename, i)
        size = 0
        with open(target, "wb") as fh:
            while chunk := upload.file.read(CHUNK):
                size += len(chunk)
                if size > limit:
                    raise HTTPException(status_code=413, detail=f"{upload.filename!r} is larger than {limit} bytes")
                fh.write(chunk)
        names[str(target)] = upload.filename or target.name
    return names


def _status(kinds: set[str]) -> str:
    if not kinds:
        return "rejected"
    return next(iter(kinds)) if len(kinds) == 1 else "mixed"


def ingest_uploads(state: "WebState", files: Sequence[UploadFile]) -> dict[str, Any]:
    """Save and ingest ``files``; counts, rejections and a per-file ``results`` list."""
    limit = state.options.max_upload_bytes
    if len(files) > state.options.max_upload_files:
        raise HTTPException(status_code=413, detail=f"at most {state.options.max_upload_files} files per upload")
    with tempfile.TemporaryDirectory(prefix="chronik-upload-") as tmp:
        names = _save(files, Path(tmp), limit)
        # articles record "upload:NAME" as their source, not the temporary file they were read from
        display = {p: f"upload:{Path(p).name.partition('-')[2]}" for p in names}  # the safe name, no index
        per_file: dict[str, dict[str, Any]] = {display[p]: {"kinds": set(), "articles": [], "reasons": []}
                                               for p in names}

        def source_of(source: str) -> str:
            path, sep, rest = source.partition("#")
            return display.get(path, path) + sep + rest

        def note(source: str, kind: str, article: str | None = None, reason: str | None = None) -> None:
            row = per_file.get(source.partition("#")[0])
            if row is None:
                return
            row["kinds"].add(kind)
            if article and article not in row["articles"]:
                row["articles"].append(article)
            if reason:
                row["reasons"].append(reason)

        with state.ingest_lock, state.store() as store:
            report = state.runner().ingest(sorted(names), store, source_of=source_of)
            for kind, ids in (("stored", report.stored), ("unchanged", report.unchanged)):
                for aid in ids:
                    for source in store.sources(aid):
                        note(source, kind, aid)
        for d in report.duplicates:
            note(d.source, "duplicate", d.article)
        for r in report.rejected:
            note(r.source, "rejected", reason=f"{r.stage}: {r.reason.replace(tmp, '')}")

        def shown(source: str) -> str:
            path, sep, rest = source.partition("#")
            return path.removeprefix("upload:") + sep + rest

        return {
            "files": report.files,
            "stored": len(report.stored),
            "unchanged": len(report.unchanged),
            "duplicates": len(report.duplicates),
            "rejected": len(report.rejected),
            "articles": report.stored,
            "rejections": [{"file": shown(r.source), "stage": r.stage, "reason": r.reason.replace(tmp, "")}
                           for r in report.rejected],
            "results": [{"file": names[p], "status": _status(per_file[display[p]]["kinds"]),
                         "articles": per_file[display[p]]["articles"], "reasons": per_file[display[p]]["reasons"]}
                        for p in names],
        }
