"""German triggers and cues."""
