"""The audit log: events are appended and read back; nothing can change or remove them."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest

from sync.register import audit, transaction

AT = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)


def record(conn: sqlite3.Connection, key: str, phase: str, **detail: object) -> None:
    audit.record(
        conn,
        at=AT,
        run_id="run1",
        action_key=key,
        phase=phase,
        type="unsubscribe",
        subject="12",
        list_id=1,
        rule="NO_MARKETING_BASIS",
        actor="cron",
        detail=detail,
    )


def test_events_are_read_back_in_order_with_the_last_phase_per_key(
    conn: sqlite3.Connection,
) -> None:
    """record() appends; events() and last_phases() read what was written."""
    with transaction(conn):
        record(conn, "unsubscribe:12:1:p", audit.INTENT)
        record(conn, "unsubscribe:12:1:p", audit.DONE, status=2)
        record(conn, "unsubscribe:13:1:p", audit.INTENT)

    keys = ["unsubscribe:12:1:p", "unsubscribe:13:1:p", "unsubscribe:14:1:p"]
    assert audit.last_phases(conn, keys) == {
        "unsubscribe:12:1:p": "done",
        "unsubscribe:13:1:p": "intent",
    }
    assert [(e["seq"], e["action_key"], e["phase"], e["detail"]) for e in audit.events(conn)] == [
        (1, "unsubscribe:12:1:p", "intent", "{}"),
        (2, "unsubscribe:12:1:p", "done", '{"status": 2}'),
        (3, "unsubscribe:13:1:p", "intent", "{}"),
    ]
    assert audit.events(conn)[0] | {"seq": 0} == {
        "seq": 0, "at": "2026-11-25T03:00:00+00:00", "run_id": "run1",
        "action_key": "unsubscribe:12:1:p", "phase": "intent", "type": "unsubscribe",
        "subject": "12", "list_id": 1, "rule": "NO_MARKETING_BASIS", "actor": "cron",
        "detail": "{}",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("sql", "message"),
    [
        ("UPDATE audit_log SET phase = 'done'", "audit_log is append-only"),
        ("UPDATE audit_log SET detail = '{}' WHERE seq = 1", "audit_log is append-only"),
        ("DELETE FROM audit_log", "audit_log rows are removed only by age"),
        ("DELETE FROM audit_log WHERE seq = 1", "audit_log rows are removed only by age"),
    ],
)
def test_audit_log_refuses_updates_and_deletes(
    conn: sqlite3.Connection, sql: str, message: str
) -> None:
    """The table is append-only: the database itself refuses changes to past events."""
    with transaction(conn):
        record(conn, "tag:12:p", audit.INTENT)
    before = audit.events(conn)

    with pytest.raises(sqlite3.IntegrityError, match=f"^{message}$"):
        conn.execute(sql)

    assert audit.events(conn) == before
