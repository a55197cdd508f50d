"""Pull bookkeeping: the cursor, the last full walk, and one row per pull attempt."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from sync.register.db import iso, parse_iso

CURSOR = "contacts_cursor"
LAST_FULL = "last_full_walk"


def get_time(conn: sqlite3.Connection, key: str) -> datetime | None:
    row = conn.execute("SELECT value FROM sync_state WHERE key = ?", (key,)).fetchone()
    return parse_iso(row[0]) if row else None


def set_time(conn: sqlite3.Connection, key: str, value: datetime) -> None:
    conn.execute(
        "INSERT INTO sync_state(key, value) VALUES (?, ?)"
        " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, iso(value)),
    )


@dataclass(frozen=True)
class PullRecord:
    id: int
    started_at: datetime
    finished_at: datetime | None
    mode: str
    complete: bool
    contacts: int
    requests: int
    rate_limited: int
    deleted: int
    error: str | None


def start_pull(conn: sqlite3.Connection, *, mode: str, started_at: datetime) -> int:
    cursor = conn.execute(
        "INSERT INTO pulls(started_at, mode) VALUES (?, ?)", (iso(started_at), mode)
    )
    return int(cursor.lastrowid or 0)


def finish_pull(
    conn: sqlite3.Connection,
    pull_id: int,
    *,
    finished_at: datetime,
    complete: bool,
    contacts: int,
    requests: int,
    rate_limited: int,
    deleted: int,
    error: str | None,
) -> None:
    conn.execute(
        "UPDATE pulls SET finished_at = ?, complete = ?, contacts = ?, requests = ?,"
        " rate_limited = ?, deleted = ?, error = ? WHERE id = ?",
        (
            iso(finished_at),
            int(complete),
            contacts,
            requests,
            rate_limited,
            deleted,
            error,
            pull_id,
        ),
    )


def _record(row: sqlite3.Row) -> PullRecord:
    started = parse_iso(row["started_at"])
    assert started is not None
    return PullRecord(
        id=row["id"],
        started_at=started,
        finished_at=parse_iso(row["finished_at"]),
        mode=row["mode"],
        complete=bool(row["complete"]),
        contacts=row["contacts"],
        requests=row["requests"],
        rate_limited=row["rate_limited"],
        deleted=row["deleted"],
        error=row["error"],
    )


def latest_pull(conn: sqlite3.Connection) -> PullRecord | None:
    row = conn.execute("SELECT * FROM pulls ORDER BY id DESC LIMIT 1").fetchone()
    return _record(row) if row else None


def latest_complete_pull(conn: sqlite3.Connection) -> PullRecord | None:
    row = conn.execute("SELECT * FROM pulls WHERE complete = 1 ORDER BY id DESC LIMIT 1").fetchone()
    return _record(row) if row else None
