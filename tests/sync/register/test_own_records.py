"""Removing old audit rows and closed requests: only by age, and old registers are upgraded."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from sync.register import audit, connect, own_records, transaction
from sync.register import requests as request_store
from sync.register.schema import SCHEMA

NOW = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)
CUTOFF = datetime(2023, 11, 25, 3, 0, tzinfo=UTC)  # 36 months before NOW


def add_event(conn: sqlite3.Connection, at: datetime, key: str) -> None:
    audit.record(conn, at=at, run_id="r", action_key=key, phase=audit.DONE, type="tag", subject="7")


def keys(conn: sqlite3.Connection) -> list[str]:
    return [row[0] for row in conn.execute("SELECT action_key FROM audit_log ORDER BY seq")]


def seed(conn: sqlite3.Connection) -> None:
    with transaction(conn):
        add_event(conn, datetime(2022, 1, 1, tzinfo=UTC), "old")
        add_event(conn, datetime(2023, 11, 25, 2, 59, tzinfo=UTC), "just-older")
        add_event(conn, CUTOFF, "at-cutoff")
        add_event(conn, datetime(2026, 11, 24, tzinfo=UTC), "young")


def test_rows_older_than_the_cutoff_go_and_younger_stay(conn: sqlite3.Connection) -> None:
    """Strictly older rows are removed, counted beforehand, and the cutoff is not left behind."""
    seed(conn)
    with transaction(conn):
        due = own_records.count_audit_before(conn, CUTOFF, now=NOW)
        removed = own_records.remove_audit_before(conn, CUTOFF, now=NOW)

    assert (due, removed, keys(conn)) == (2, 2, ["at-cutoff", "young"])
    assert list(conn.execute("SELECT key FROM meta WHERE key LIKE 'audit%'")) == []


def test_a_cutoff_in_the_future_still_keeps_the_last_month(conn: sqlite3.Connection) -> None:
    """However late the cutoff, the newest month of the log survives (the trigger's floor)."""
    seed(conn)
    with transaction(conn):
        removed = own_records.remove_audit_before(conn, datetime(2030, 1, 1, tzinfo=UTC), now=NOW)

    assert (removed, keys(conn)) == (3, ["young"])


@pytest.mark.parametrize(
    "cutoff",
    [None, "2030-01-01T00:00:00+00:00"],
    ids=["no-cutoff-set", "cutoff-past-the-floor"],
)
def test_the_trigger_refuses_a_deletion_not_by_age(
    conn: sqlite3.Connection, cutoff: str | None
) -> None:
    """A plain DELETE, or one reaching into the last month, is refused by the database."""
    seed(conn)
    if cutoff is not None:
        conn.execute("INSERT INTO meta(key, value) VALUES ('audit_delete_before', ?)", (cutoff,))
    with pytest.raises(sqlite3.IntegrityError, match="^audit_log rows are removed only by age$"):
        conn.execute("DELETE FROM audit_log")
    assert keys(conn) == ["old", "just-older", "at-cutoff", "young"]


def test_remove_requests_takes_the_request_and_its_pending_erasure(
    conn: sqlite3.Connection,
) -> None:
    """Only the named requests go, with anything kept for them."""
    with transaction(conn):
        for request_id in ("a", "b"):
            request_store.add(
                conn,
                request_id=request_id,
                type="erase",
                subject_key="k",
                email_masked="a***@x.fi",
                received_at=CUTOFF,
                due_at=NOW,
            )
            request_store.add_pending_erasure(conn, request_id=request_id, email_norm="a@x.fi")
            request_store.add_event(
                conn, request_id, kind="verified", at=CUTOFF, detail={"method": "in_person"}
            )
        removed = own_records.remove_requests(conn, ["a", "missing"])

    assert removed == 1
    assert [r.id for r in request_store.all_requests(conn)] == ["b"]
    assert [tuple(r) for r in conn.execute("SELECT request_id FROM pending_erasures")] == [("b",)]
    assert [tuple(r) for r in conn.execute("SELECT request_id FROM request_events")] == [("b",)]


AGE_TRIGGER = """CREATE TRIGGER IF NOT EXISTS audit_log_delete_by_age BEFORE DELETE ON audit_log
WHEN NOT (OLD.at < COALESCE((SELECT value FROM meta WHERE key = 'audit_delete_before'), '')
          AND OLD.at < strftime('%Y-%m-%dT%H:%M:%S+00:00',
                                (SELECT max(at) FROM audit_log), '-1 months'))
BEGIN SELECT RAISE(ABORT, 'audit_log rows are removed only by age'); END;"""
NEW_COLUMN = "    bounced_date TEXT,\n    web_tracked INTEGER NOT NULL DEFAULT 0\n"
FIRST_RELEASE_TRIGGER = """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;"""


def test_a_first_release_register_is_upgraded_once(tmp_path: Path) -> None:
    """A register whose trigger refused every deletion gets the age rule (and the mirror's
    web_tracked column), and reopening is a no-op: the old trigger is gone, the new one is
    there once, the log is intact."""
    assert AGE_TRIGGER in SCHEMA and NEW_COLUMN in SCHEMA
    path = tmp_path / "register.sqlite"
    first = sqlite3.connect(path)
    old_schema = SCHEMA.replace(AGE_TRIGGER, FIRST_RELEASE_TRIGGER)
    first.executescript(old_schema.replace(NEW_COLUMN, "    bounced_date TEXT\n"))
    first.execute("INSERT INTO meta(key, value) VALUES ('schema_version', '1')")
    first.commit()
    first.close()
    with connect(path) as conn:
        seed(conn)

    for _ in range(2):
        conn = connect(path)
        triggers = [
            tuple(row)
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
            )
        ]
        columns = [row[1] for row in conn.execute("PRAGMA table_info(contacts)")]
        conn.close()
        assert triggers == [("audit_log_delete_by_age",), ("audit_log_no_update",)]
        assert columns[-2:] == ["bounced_date", "web_tracked"]

    conn = connect(path)
    with transaction(conn):
        removed = own_records.remove_audit_before(conn, CUTOFF, now=NOW)
    assert (removed, keys(conn)) == (2, ["at-cutoff", "young"])
    conn.close()
