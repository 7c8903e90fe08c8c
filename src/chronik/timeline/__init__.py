"""The timeline: one dated, sourced entry per event cluster, rendered as text, Markdown, JSON or HTML."""

from chronik.timeline.build import TimelineBuilder, TimelineOptions, precision_of, sort_entries
from chronik.timeline.render import RENDERERS

__all__ = ["RENDERERS", "TimelineBuilder", "TimelineOptions", "precision_of", "sort_entries"]
