"""Dedup: near-duplicate articles and passages shared between articles (wire copy)."""

from chronik.dedup.copies import first_publisher, group_copies
from chronik.dedup.detector import DedupOptions, DedupReport, Deduplicator

__all__ = ["DedupOptions", "DedupReport", "Deduplicator", "first_publisher", "group_copies"]
