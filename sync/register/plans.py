"""Saved purge plans: the content is what apply executes, the id is its hash."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from typing import Any

from sync.register.db import iso


def save(
    conn: sqlite3.Connection,
    *,
    plan_id: str,
    content: dict[str, Any],
    created_at: datetime,
    as_of: datetime,
    pull_id: int,
) -> None:
    conn.execute(
        "INSERT OR IGNORE INTO purge_plans(id, created_at, as_of, pull_id, count, content)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (
            plan_id,
            iso(created_at),
            iso(as_of),
            pull_id,
            len(content["entries"]),
            json.dumps(content, sort_keys=True),
        ),
    )


def load(conn: sqlite3.Connection, plan_id: str) -> dict[str, Any] | None:
    row = conn.execute("SELECT * FROM purge_plans WHERE id = ?", (plan_id,)).fetchone()
    if row is None:
        return None
    result = dict(row)
    result["content"] = json.loads(row["content"])
    return result


def latest(conn: sqlite3.Connection) -> dict[str, Any] | None:
    row = conn.execute(
        "SELECT id FROM purge_plans ORDER BY created_at DESC, rowid DESC LIMIT 1"
    ).fetchone()
    return load(conn, row[0]) if row else None


def set_status(conn: sqlite3.Connection, plan_id: str, status: str) -> None:
    conn.execute("UPDATE purge_plans SET status = ? WHERE id = ?", (status, plan_id))
