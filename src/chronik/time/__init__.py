"""Temporal tagging: time expressions (TIMEX3) and publication dates, German first.

``tag(text, dct)`` for one text, :class:`TimeTagger` as a pipeline stage, :class:`Tagger`
to hold a compiled grammar in loops, :func:`infer_dct` for the publication date alone.
"""

from chronik.time.dct import batch_prior, infer_dct
from chronik.time.stage import TimeOptions, TimeTagger, analyse, tag
from chronik.time.tagger import Candidate, Tagger

__all__ = ["Candidate", "Tagger", "TimeOptions", "TimeTagger", "analyse", "batch_prior", "infer_dct", "tag"]
