"""Removing our own records past their period: old audit rows and closed requests (SPEC 6 r2).

The caller runs both inside one transaction, after appending the audit event that records the
removal, so what was removed is itself on the log (and younger than any cutoff).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import datetime

from sync.register.db import iso
from sync.register.schema import AUDIT_DELETE_CUTOFF_KEY

# Older than the cutoff and than the trigger's floor (a month before the newest row, counting
# the event about to be appended at `now`), so the DELETE never trips the trigger.
_AGED = (
    "at < ? AND at < strftime('%Y-%m-%dT%H:%M:%S+00:00',"
    " max(?, COALESCE((SELECT max(at) FROM audit_log), '')), '-1 months')"
)


def count_audit_before(conn: sqlite3.Connection, before: datetime, *, now: datetime) -> int:
    """How many rows `remove_audit_before(before, now=now)` will delete."""
    sql = f"SELECT count(*) FROM audit_log WHERE {_AGED}"  # noqa: S608 - constant text
    row = conn.execute(sql, (iso(before), iso(now))).fetchone()
    return int(row[0])


def remove_audit_before(conn: sqlite3.Connection, before: datetime, *, now: datetime) -> int:
    """Delete audit rows older than `before`; the log's trigger refuses any other deletion."""
    cutoff = iso(before)
    conn.execute(
        "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (AUDIT_DELETE_CUTOFF_KEY, cutoff)
    )
    sql = f"DELETE FROM audit_log WHERE {_AGED}"  # noqa: S608 - constant text
    removed = conn.execute(sql, (cutoff, iso(now))).rowcount
    # The permission lasts for this statement only: a later DELETE finds no cutoff and fails.
    conn.execute("DELETE FROM meta WHERE key = ?", (AUDIT_DELETE_CUTOFF_KEY,))
    return int(removed)


def remove_requests(conn: sqlite3.Connection, request_ids: Iterable[str]) -> int:
    """Delete these requests and anything kept for them; returns how many requests went."""
    ids = [(request_id,) for request_id in request_ids]
    before = conn.total_changes
    conn.executemany("DELETE FROM requests WHERE id = ?", ids)
    removed = conn.total_changes - before
    conn.executemany("DELETE FROM pending_erasures WHERE request_id = ?", ids)
    # Identity checks, extensions and refusals name the request: they go with it.
    conn.executemany("DELETE FROM request_events WHERE request_id = ?", ids)
    return removed
