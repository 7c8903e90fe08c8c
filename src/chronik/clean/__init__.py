"""Cleaning: boilerplate out, with a map from cleaned offsets back to the raw text."""

from chronik.clean.boilerplate import candidate_lines, outlet_boilerplate
from chronik.clean.cleaner import Cleaner, CleanerOptions, normalise_line

__all__ = ["Cleaner", "CleanerOptions", "candidate_lines", "normalise_line", "outlet_boilerplate"]
