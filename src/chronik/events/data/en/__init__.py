"""English triggers and cues."""
