"""Data-subject requests: stored by keyed hash and masked address, never the plain address."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sync.register.db import iso, parse_iso


@dataclass(frozen=True)
class RequestRecord:
    id: str
    type: str
    subject_key: str
    email_masked: str
    received_at: datetime
    due_at: datetime
    status: str
    answered_at: datetime | None
    detail: dict[str, Any]


def add(
    conn: sqlite3.Connection,
    *,
    request_id: str,
    type: str,
    subject_key: str,
    email_masked: str,
    received_at: datetime,
    due_at: datetime,
) -> None:
    conn.execute(
        "INSERT INTO requests(id, type, subject_key, email_masked, received_at, due_at, status)"
        " VALUES (?, ?, ?, ?, ?, ?, 'open')",
        (request_id, type, subject_key, email_masked, iso(received_at), iso(due_at)),
    )


def close(
    conn: sqlite3.Connection,
    request_id: str,
    *,
    status: str,
    answered_at: datetime,
    detail: dict[str, Any],
) -> None:
    conn.execute(
        "UPDATE requests SET status = ?, answered_at = ?, detail = ? WHERE id = ?",
        (
            status,
            iso(answered_at),
            json.dumps(detail, ensure_ascii=False, sort_keys=True),
            request_id,
        ),
    )


def _record(row: sqlite3.Row) -> RequestRecord:
    received = parse_iso(row["received_at"])
    due = parse_iso(row["due_at"])
    assert received is not None and due is not None
    return RequestRecord(
        id=row["id"],
        type=row["type"],
        subject_key=row["subject_key"],
        email_masked=row["email_masked"],
        received_at=received,
        due_at=due,
        status=row["status"],
        answered_at=parse_iso(row["answered_at"]),
        detail=json.loads(row["detail"]),
    )


def all_requests(conn: sqlite3.Connection, *, open_only: bool = False) -> list[RequestRecord]:
    sql = "SELECT * FROM requests"
    if open_only:
        sql += " WHERE status = 'open'"
    return [_record(row) for row in conn.execute(sql + " ORDER BY received_at, id")]


def add_pending_erasure(conn: sqlite3.Connection, *, request_id: str, email_norm: str) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO pending_erasures(request_id, email_norm) VALUES (?, ?)",
        (request_id, email_norm),
    )


def pending_erasure_emails(conn: sqlite3.Connection) -> frozenset[str]:
    return frozenset(row[0] for row in conn.execute("SELECT email_norm FROM pending_erasures"))


def get(conn: sqlite3.Connection, request_id: str) -> RequestRecord | None:
    row = conn.execute("SELECT * FROM requests WHERE id = ?", (request_id,)).fetchone()
    return None if row is None else _record(row)


def open_of(conn: sqlite3.Connection, *, type: str, subject_key: str) -> RequestRecord | None:
    """The earliest open request of this type from this person, if any."""
    row = conn.execute(
        "SELECT * FROM requests WHERE type = ? AND subject_key = ? AND status = 'open'"
        " ORDER BY received_at LIMIT 1",
        (type, subject_key),
    ).fetchone()
    return None if row is None else _record(row)


def set_due(conn: sqlite3.Connection, request_id: str, due_at: datetime) -> None:
    conn.execute("UPDATE requests SET due_at = ? WHERE id = ?", (iso(due_at), request_id))


def add_event(
    conn: sqlite3.Connection, request_id: str, *, kind: str, at: datetime, detail: dict[str, Any]
) -> None:
    """One step in a request's history: identity_unverified, verified, extended, refused."""
    conn.execute(
        "INSERT INTO request_events(request_id, kind, at, detail) VALUES (?, ?, ?, ?)",
        (request_id, kind, iso(at), json.dumps(detail, ensure_ascii=False, sort_keys=True)),
    )


def events(conn: sqlite3.Connection, request_id: str) -> list[dict[str, Any]]:
    return [
        {"kind": row["kind"], "at": parse_iso(row["at"]), **json.loads(row["detail"])}
        for row in conn.execute(
            "SELECT kind, at, detail FROM request_events WHERE request_id = ? ORDER BY id",
            (request_id,),
        )
    ]


def follow_subject(conn: sqlite3.Connection, *, old_key: str, new_key: str, new_masked: str) -> int:
    """A rectified address: the person's requests are filed under the new address's key."""
    return conn.execute(
        "UPDATE requests SET subject_key = ?, email_masked = ? WHERE subject_key = ?",
        (new_key, new_masked, old_key),
    ).rowcount
