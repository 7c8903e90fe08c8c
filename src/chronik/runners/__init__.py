"""Runners: the same stage objects, run locally (here) or on a cluster (later)."""

from chronik.runners.local import Duplicate, IngestReport, LocalRunner

__all__ = ["Duplicate", "IngestReport", "LocalRunner"]
