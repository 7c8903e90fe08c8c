"""A gate in the Dask workers' pipeline: the kill tests know when a worker is inside a task.

:class:`Gate` is an extra per-article stage that holds one article (by URL) until the test
opens the gate; each time it holds it, it leaves a marker named after the worker's process
id. :class:`GatedStages` stands in for chronik's worker plugin (same name, so restarted
workers get it too) with the gate at the end of the workers' stages. A test waits for a
marker, so it kills a worker that is running a task, whatever the load on the machine.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from distributed import WorkerPlugin

from chronik.model import Article
from chronik.runners import LocalRunner
from chronik.runners.dask import PLUGIN

WAIT = 120.0  # seconds; a gate never opened fails the task (and the test) instead of hanging


@dataclass(frozen=True, slots=True, kw_only=True)
class Gate:
    name: ClassVar[str] = "gate"
    requires: ClassVar[tuple[str, ...]] = ()
    assigns: ClassVar[tuple[str, ...]] = ()
    folder: str
    url: str

    def __call__(self, article: Article) -> Article:
        if article.url == self.url:
            (Path(self.folder) / f"held-{os.getpid()}-{time.monotonic_ns()}").touch()
            deadline = time.monotonic() + WAIT
            while not (Path(self.folder) / "open").exists():
                if time.monotonic() > deadline:  # not a rejection: the task fails
                    raise RuntimeError(f"the gate in {self.folder} was never opened")
                time.sleep(0.01)
        return article

    def held(self) -> list[int]:
        """The process ids of the workers that held the article, in order."""
        marks = sorted(Path(self.folder).glob("held-*"), key=lambda p: int(p.name.split("-")[2]))
        return [int(p.name.split("-")[1]) for p in marks]

    def wait_held(self, times: int) -> list[int]:
        deadline = time.monotonic() + WAIT
        while len(self.held()) < times:
            if time.monotonic() > deadline:
                raise TimeoutError(f"no worker held {self.url} {times} times in {WAIT:.0f} s")
            time.sleep(0.01)
        return self.held()

    def open(self) -> None:
        (Path(self.folder) / "open").touch()


class GatedStages(WorkerPlugin):
    """chronik's worker plugin (a LocalRunner per worker) with the gate as an extra stage."""

    name = PLUGIN
    idempotent = False  # replaces the runner's own plugin

    def __init__(self, gate: Gate) -> None:
        self.gate = gate
        self.runner: LocalRunner | None = None

    def setup(self, worker) -> None:
        self.runner = LocalRunner(extra_stages=[self.gate])

    def teardown(self, worker) -> None:
        self.runner = None
