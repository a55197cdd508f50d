"""The append-only audit log: intent before a change is sent, outcome after."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from sync.register.db import iso

INTENT = "intent"
DONE = "done"
FAILED = "failed"
SKIPPED = "skipped"
FINAL = frozenset({DONE, SKIPPED})


def record(
    conn: sqlite3.Connection,
    *,
    at: datetime,
    run_id: str,
    action_key: str,
    phase: str,
    type: str,
    subject: str,
    list_id: int | None = None,
    rule: str = "",
    actor: str = "user",
    detail: Mapping[str, Any] | None = None,
) -> None:
    """Append one event; `subject` is an ActiveCampaign id or a suppression key, never an email."""
    conn.execute(
        "INSERT INTO audit_log(at, run_id, action_key, phase, type, subject, list_id, rule,"
        " actor, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            iso(at),
            run_id,
            action_key,
            phase,
            type,
            subject,
            list_id,
            rule,
            actor,
            json.dumps(dict(detail or {}), ensure_ascii=False, sort_keys=True),
        ),
    )


def last_phases(conn: sqlite3.Connection, keys: Iterable[str]) -> dict[str, str]:
    """The latest phase recorded for each action key that has any."""
    result: dict[str, str] = {}
    for key in keys:
        row = conn.execute(
            "SELECT phase FROM audit_log WHERE action_key = ? ORDER BY seq DESC LIMIT 1", (key,)
        ).fetchone()
        if row is not None:
            result[key] = row[0]
    return result


def events(conn: sqlite3.Connection, *, run_id: str | None = None) -> list[dict[str, Any]]:
    sql = "SELECT * FROM audit_log"
    params: tuple[Any, ...] = ()
    if run_id is not None:
        sql += " WHERE run_id = ?"
        params = (run_id,)
    return [dict(row) for row in conn.execute(sql + " ORDER BY seq", params)]


def changed_by_us_since(
    conn: sqlite3.Connection, subject: str, *, since: datetime, types: Iterable[str]
) -> bool:
    """Whether one of our own changes of these types to `subject` was done at or after `since`."""
    kinds = sorted(set(types))
    marks = ", ".join("?" for _ in kinds)
    row = conn.execute(
        f"SELECT 1 FROM audit_log WHERE subject = ? AND phase = ? AND at >= ? AND type IN ({marks})"  # noqa: S608 - placeholders only
        " LIMIT 1",
        (subject, DONE, iso(since), *kinds),
    ).fetchone()
    return row is not None


REDACTED = '{"redacted": "erasure"}'


def redact_personal_details(conn: sqlite3.Connection, contact_ids: Iterable[int]) -> int:
    """Blank the values an erased person's rectification events hold; the events stay."""
    ids = [(str(contact_id),) for contact_id in contact_ids]
    before = conn.total_changes
    conn.executemany(
        "UPDATE audit_log SET detail = ? WHERE type = 'update' AND subject = ? AND detail != ?",
        [(REDACTED, subject, REDACTED) for (subject,) in ids],
    )
    return conn.total_changes - before
