"""The controller's own event tables: appending, and re-imports that add nothing."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pandas as pd

from sync.register import ledger, transaction
from tests.sync.register.conftest import table

IMPORTED = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)


def consents(*rows: tuple[str, str, str, str | None, str]) -> pd.DataFrame:
    """Validated newsletter consent rows: (email_norm, action, at, wording_id, row_hash)."""
    frame = pd.DataFrame(rows, columns=["email_norm", "action", "at", "wording_id", "row_hash"])
    frame["at"] = pd.to_datetime(frame["at"], utc=True, format="ISO8601")
    frame["purpose"] = "newsletter"
    frame["source"] = "web"
    frame["notice_version"] = None
    return frame


def test_append_events_ignores_rows_seen_before(conn: sqlite3.Connection) -> None:
    """Rows with a row_hash already stored are skipped; the count says what was added."""
    first = consents(
        ("a@example.fi", "grant", "2026-01-01T10:00:00Z", "w1", "h1"),
        ("b@example.fi", "withdraw", "2026-02-01", None, "h2"),
    )
    again = consents(
        ("a@example.fi", "grant", "2026-01-01T10:00:00Z", "w1", "h1"),
        ("b@example.fi", "withdraw", "2026-02-01", None, "h2"),
        ("c@example.fi", "grant", "2026-03-01T00:00:00Z", "w1", "h3"),
    )

    with transaction(conn):
        added = [ledger.append_events(conn, "consents", first, imported_at=IMPORTED)]
    with transaction(conn):
        added.append(ledger.append_events(conn, "consents", again, imported_at=IMPORTED))
        added.append(ledger.append_events(conn, "consents", again, imported_at=IMPORTED))

    stamp = "2026-11-25T03:00:00+00:00"
    assert added == [2, 1, 0]
    assert [row[1:] for row in table(conn, "consent_events")] == [  # ids may have gaps
        ("a@example.fi", "newsletter", "grant", "2026-01-01T10:00:00+00:00", "web",
         "w1", None, stamp, "h1", None, None),
        ("b@example.fi", "newsletter", "withdraw", "2026-02-01T00:00:00+00:00", "web",
         None, None, stamp, "h2", None, None),
        ("c@example.fi", "newsletter", "grant", "2026-03-01T00:00:00+00:00", "web",
         "w1", None, stamp, "h3", None, None),
    ]  # fmt: skip


def test_forget_person_removes_every_event_about_one_address(conn: sqlite3.Connection) -> None:
    """Erasure removes consents, objections and purchases of that address and nothing else."""
    rows = consents(
        ("a@example.fi", "grant", "2026-01-01", "w1", "h1"),
        ("b@example.fi", "grant", "2026-01-01", "w1", "h2"),
    )
    with transaction(conn):
        ledger.append_events(conn, "consents", rows, imported_at=IMPORTED)
        ledger.add_objection(
            conn, email_norm="a@example.fi", scope="all", at=IMPORTED, channel="email",
            row_hash="o1", imported_at=IMPORTED,
        )  # fmt: skip
        removed = ledger.forget_person(conn, "a@example.fi")

    assert removed == 2
    assert ledger.person_events(conn, "a@example.fi") == {
        "consents": [],
        "objections": [],
        "purchases": [],
    }
    assert [row[1] for row in table(conn, "consent_events")] == ["b@example.fi"]
