"""Temporal tagging: time expressions (TIMEX3) and publication dates, German first."""

from chronik.time.tagger import Candidate, Tagger, tag

__all__ = ["Candidate", "Tagger", "tag"]
