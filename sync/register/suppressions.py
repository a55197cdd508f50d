"""Suppression rows: a keyed hash, scope, reason and date; nothing else about the person."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from sync.register.db import iso


def add(conn: sqlite3.Connection, *, key: str, scope: str, reason: str, at: datetime) -> None:
    conn.execute(
        "INSERT OR IGNORE INTO suppressions(key, scope, reason, created_at) VALUES (?, ?, ?, ?)",
        (key, scope or "all", reason, iso(at)),
    )


def is_suppressed(conn: sqlite3.Connection, key: str) -> bool:
    row = conn.execute("SELECT 1 FROM suppressions WHERE key = ? LIMIT 1", (key,)).fetchone()
    return row is not None
