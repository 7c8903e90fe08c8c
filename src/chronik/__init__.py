"""chronik: news coverage in, a sourced chronicle out."""

__version__ = "0.1.0"
