"""Reading a store from outside while another process writes it (SQLite or PostgreSQL).

The kill tests poll the store with a plain connection, not ``open_store`` (no migrations,
no locks held): a failed read counts as "nothing yet".
"""

from __future__ import annotations

import json
import sqlite3


def scalar(url: str, sql: str, args: tuple = ()):
    """The first column of the first row, or None when the store cannot be read right now."""
    if url.startswith("postgresql://"):
        import psycopg

        try:
            with psycopg.connect(url, connect_timeout=5) as conn:
                row = conn.execute(sql.replace("?", "%s"), args).fetchone()
        except psycopg.Error:
            return None
    else:
        try:
            with sqlite3.connect(url, timeout=1) as con:
                row = con.execute(sql, args).fetchone()
        except sqlite3.Error:
            return None
    return row[0] if row else None


def done_files(url: str, key: str) -> int:
    """How many files the backfill state ``key`` records as finished."""
    raw = scalar(url, "SELECT value FROM state WHERE key = ?", (key,))
    return len(json.loads(bytes(raw))["done"]) if raw else 0


def count(url: str, table: str, column: str = "*") -> int:
    return scalar(url, f"SELECT COUNT({column}) FROM {table}") or 0
