"""A rectified email address: the person's own records follow them to the new address."""

from __future__ import annotations

import sqlite3

from sync.register import requests, restrictions

# Tables keyed by the normalised address; row_hash stays, so re-importing an old CSV file
# that still names the old address adds nothing back under it.
_BY_EMAIL = ("consent_events", "objection_events", "purchases", "pending_erasures")


def move_person(
    conn: sqlite3.Connection,
    *,
    old_email: str,
    new_email: str,
    old_key: str,
    new_key: str,
    new_masked: str,
) -> dict[str, int]:
    """Move consent, objection, purchase, request and restriction records from the old
    normalised address (and its suppression key) to the new one; suppression rows are copied.
    Returns rows by kind. Call inside a transaction."""
    moved: dict[str, int] = {}
    for table in _BY_EMAIL:
        sql = f"UPDATE {table} SET email_norm = ? WHERE email_norm = ?"  # noqa: S608 - fixed names
        moved[table] = conn.execute(sql, (new_email, old_email)).rowcount
    # Suppression rows are copied, not moved: the old address may come back from an old
    # export, and it must stay blocked; a row already under the new key is kept as it is.
    moved["suppressions"] = conn.execute(
        "INSERT OR IGNORE INTO suppressions(key, scope, reason, created_at)"
        " SELECT ?, scope, reason, created_at FROM suppressions WHERE key = ?",
        (new_key, old_key),
    ).rowcount
    moved["requests"] = requests.follow_subject(
        conn, old_key=old_key, new_key=new_key, new_masked=new_masked
    )
    moved["restrictions"] = restrictions.follow(conn, old=old_email, new=new_email)
    return moved
