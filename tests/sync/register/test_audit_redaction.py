"""The audit log's one allowed change: an erasure blanks a rectification's old/new values."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from sync.register import audit, connect

AT = datetime(2026, 11, 1, tzinfo=UTC)


def _events(conn: sqlite3.Connection) -> list[tuple[object, ...]]:
    return [
        tuple(row)
        for row in conn.execute(
            "SELECT action_key, phase, type, subject, detail FROM audit_log ORDER BY seq"
        )
    ]


def _seed(conn: sqlite3.Connection) -> None:
    changes = {"changes": [{"field": "lastName", "old": "Mäkinen", "new": "Mäki"}]}
    for subject in ("7", "8"):
        audit.record(
            conn,
            at=AT,
            run_id="r",
            action_key=f"rectify:{subject}",
            phase="done",
            type="update",
            subject=subject,
            detail=changes,
        )
    audit.record(
        conn,
        at=AT,
        run_id="r",
        action_key="unsubscribe:7:1",
        phase="done",
        type="unsubscribe",
        subject="7",
        list_id=1,
    )


def test_redaction_blanks_only_the_erased_persons_rectifications(tmp_path: Path) -> None:
    """Contact 7's rectification detail is blanked; contact 8 and other events are untouched."""
    conn = connect(tmp_path / "register.sqlite")
    _seed(conn)
    before = _events(conn)
    assert audit.redact_personal_details(conn, [7]) == 1
    assert audit.redact_personal_details(conn, [7]) == 0
    after = _events(conn)
    assert after == [
        (before[0][0], "done", "update", "7", audit.REDACTED),
        before[1],
        before[2],
    ]


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_log SET detail = '{}' WHERE subject = '7'",
        "UPDATE audit_log SET subject = '9', detail = '{\"redacted\": \"erasure\"}'",
        "UPDATE audit_log SET phase = 'failed', detail = '{\"redacted\": \"erasure\"}'",
        "DELETE FROM audit_log",
    ],
    ids=["other-detail", "subject-changed", "phase-changed", "delete"],
)
def test_every_other_change_is_refused(tmp_path: Path, sql: str) -> None:
    """Anything but blanking a detail (or removal by age) is refused by the triggers."""
    conn = connect(tmp_path / "register.sqlite")
    _seed(conn)
    before = _events(conn)
    with pytest.raises(sqlite3.IntegrityError, match="append-only|removed only by age"):
        conn.execute(sql)
    assert _events(conn) == before
