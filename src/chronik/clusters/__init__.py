"""Event clusters: documents that report the same real-world happening."""
