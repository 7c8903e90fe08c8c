"""Event inventory (data files read by chronik.events.lexicon)."""
