"""Restriction of processing (GDPR Art. 18): who is restricted, since when, by which request."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from sync.register.db import iso, parse_iso


def restrict(conn: sqlite3.Connection, *, email_norm: str, request_id: str, at: datetime) -> None:
    """Restricting an already restricted person keeps the first restriction and its date."""
    conn.execute(
        "INSERT OR IGNORE INTO restrictions(email_norm, request_id, since) VALUES (?, ?, ?)",
        (email_norm, request_id, iso(at)),
    )


def lift(conn: sqlite3.Connection, email_norm: str) -> bool:
    return conn.execute("DELETE FROM restrictions WHERE email_norm = ?", (email_norm,)).rowcount > 0


def since(conn: sqlite3.Connection, email_norm: str) -> datetime | None:
    row = conn.execute(
        "SELECT since FROM restrictions WHERE email_norm = ?", (email_norm,)
    ).fetchone()
    return None if row is None else parse_iso(row[0])


def restricted_emails(conn: sqlite3.Connection) -> frozenset[str]:
    return frozenset(row[0] for row in conn.execute("SELECT email_norm FROM restrictions"))


def restricted_contact_ids(conn: sqlite3.Connection) -> frozenset[int]:
    """Mirrored contacts whose address is restricted: the ones no write may touch."""
    return frozenset(
        row[0]
        for row in conn.execute(
            "SELECT c.id FROM contacts c JOIN restrictions r ON r.email_norm = c.email_norm"
        )
    )


def follow(conn: sqlite3.Connection, *, old: str, new: str) -> int:
    """A rectified address keeps its restriction."""
    return conn.execute(
        "UPDATE OR IGNORE restrictions SET email_norm = ? WHERE email_norm = ?", (new, old)
    ).rowcount


def request_of(conn: sqlite3.Connection, email_norm: str) -> str | None:
    """The request that put the restriction in place."""
    row = conn.execute(
        "SELECT request_id FROM restrictions WHERE email_norm = ?", (email_norm,)
    ).fetchone()
    return None if row is None else str(row[0])
