"""Resumable backfill: a manifest of WARC paths in, each article stored once.

The manifest is a text file, one WARC path per line (blank lines and ``#`` comments are
skipped; relative paths are relative to the manifest). Files are ingested in steps of
``step`` files through any runner with ``ingest(paths, store, progress)`` (the local or
the Dask runner); after each step the store's state ``backfill/<manifest sha256>`` records
the finished files and the running totals. A killed run therefore repeats at most the
step it was in, and the runners skip articles already stored, so nothing is stored twice.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Protocol

from chronik.errors import InputError
from chronik.runners.local import IngestReport, Progress
from chronik.store import Store


class Runner(Protocol):
    def ingest(self, paths, store: Store, progress: Progress | None = None) -> IngestReport: ...


@dataclass(frozen=True, slots=True)
class BackfillProgress:
    files_done: int
    files_total: int
    stored: int
    errors: int
    seconds: float
    articles_per_second: float

    def line(self) -> str:
        return (f"{self.files_done}/{self.files_total} files, {self.stored} articles stored, "
                f"{self.errors} errors, {self.articles_per_second:.1f} articles/s")


class Backfill:
    """Ingests the WARCs a manifest lists, resuming where an earlier run stopped."""

    def __init__(self, manifest: Path, store: Store, runner: Runner, *, step: int = 64,
                 progress: Callable[[BackfillProgress], None] | None = None) -> None:
        self.manifest = Path(manifest)
        self.store = store
        self.runner = runner
        self.step = max(1, step)
        self.progress = progress

    def paths(self) -> list[str]:
        try:
            text = self.manifest.read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(str(self.manifest), f"cannot read the manifest: {exc}") from exc
        out = []
        for line in text.splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                path = Path(line)
                out.append(str(path if path.is_absolute() else self.manifest.parent / path))
        return out

    @property
    def key(self) -> str:
        return "backfill/" + hashlib.sha256(self.manifest.read_bytes()).hexdigest()

    def state(self) -> dict:
        raw = self.store.get_state(self.key)
        return json.loads(raw) if raw else {"done": [], "stored": 0, "errors": 0}

    def run(self) -> BackfillProgress:
        paths = self.paths()
        state = self.state()
        done = set(state["done"])
        todo = [p for p in paths if p not in done]
        start = time.monotonic()
        stored_now = 0
        report = self._report(len(done), len(paths), state, stored_now, start)
        per_file = "on_file" in inspect.signature(self.runner.ingest).parameters
        for i in range(0, len(todo), self.step):
            chunk = todo[i : i + self.step]
            if per_file:  # checkpoint each file as soon as the runner has stored it
                base, live = state["stored"], [0]

                def count(phase: str, done: int, total: int | None) -> None:
                    if phase == "store":
                        live[0] = done

                def finished(path: str) -> None:
                    state["done"] = state["done"] + [path]
                    state["stored"] = base + live[0]
                    self._save(state)
                    self._report(len(state["done"]), len(paths), state, stored_now + live[0], start)

                result = self.runner.ingest(chunk, self.store, count, on_file=finished)
                state["stored"] = base
            else:
                result = self.runner.ingest(chunk, self.store)
            stored_now += len(result.stored)
            state["done"] = state["done"] + [p for p in chunk if p not in set(state["done"])]
            state["stored"] += len(result.stored)
            state["errors"] += len(result.rejected)
            self._save(state)
            report = self._report(len(state["done"]), len(paths), state, stored_now, start)
        return report

    def _save(self, state: dict) -> None:
        with self.store.transaction():
            self.store.put_state(self.key, json.dumps(state).encode())

    def _report(self, files_done: int, total: int, state: dict, stored_now: int, start: float) -> BackfillProgress:
        seconds = time.monotonic() - start
        report = BackfillProgress(files_done, total, state["stored"], state["errors"], seconds,
                                  stored_now / seconds if seconds > 0 else 0.0)
        if self.progress:
            self.progress(report)
        return report
