"""jobs/orphans.py: register-only people past retention are forgotten; objectors stay suppressed."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pydantic import SecretStr

from compliance.suppression import suppression_key
from jobs.context import Context
from jobs.orphans import forget_orphans
from jobs.settings import RegisterSettings, ReportSettings, Secrets, Settings

SECRET = "k" * 64
NOW = datetime(2026, 11, 1, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No REKISTERI_* variable from the caller's shell changes the settings."""
    for name in [name for name in os.environ if name.startswith("REKISTERI_")]:
        monkeypatch.delenv(name)


@pytest.fixture(name="ctx")
def _ctx(tmp_path: Path) -> Context:
    settings = Settings(
        register=RegisterSettings(
            database=tmp_path / "register.sqlite",
            inbox=tmp_path / "inbox",
            suppression_key_file=tmp_path / "suppression.key",
        ),
        reports=ReportSettings(dir=tmp_path / "reports"),
    )
    secrets = Secrets(api_token=None, suppression_key=SecretStr(SECRET))
    return Context(settings=settings, secrets=secrets, as_of=NOW)


@pytest.fixture(name="conn")
def _conn(ctx: Context) -> Iterator[sqlite3.Connection]:
    conn = ctx.open_register()
    yield conn
    conn.close()


def _seed(conn: sqlite3.Connection) -> None:
    rows = [
        (
            "INSERT INTO consent_events(email_norm, purpose, action, at, imported_at, row_hash)"
            " VALUES (?, 'newsletter', 'grant', ?, ?, ?)",
            [
                ("gone@x.fi", "2023-01-01T00:00:00+00:00", "2023-01-01T00:00:00+00:00", "c1"),
                ("kept@x.fi", "2023-01-01T00:00:00+00:00", "2023-01-01T00:00:00+00:00", "c2"),
                ("recent@x.fi", "2026-10-01T00:00:00+00:00", "2026-10-01T00:00:00+00:00", "c3"),
            ],
        ),
        (
            "INSERT INTO objection_events(email_norm, scope, at, imported_at, row_hash)"
            " VALUES (?, ?, ?, ?, ?)",
            [
                (
                    "objector@x.fi",
                    "direct_marketing",
                    "2023-05-01T00:00:00+00:00",
                    "2023-05-01T00:00:00+00:00",
                    "o1",
                )
            ],
        ),
    ]
    for sql, values in rows:
        conn.executemany(sql, values)
    conn.execute("INSERT INTO contacts(id, email, email_norm) VALUES (1, 'Kept@x.fi', 'kept@x.fi')")


def test_forget_orphans_leaves_contacts_recent_people_and_suppression_rows(
    ctx: Context, conn: sqlite3.Connection
) -> None:
    """Old register-only people go; contacts and recent ones stay; the objector is a hash."""
    _seed(conn)
    assert forget_orphans(ctx, conn) == 2
    emails = {
        row[0]
        for table in ("consent_events", "objection_events", "purchases")
        for row in conn.execute(f"SELECT email_norm FROM {table}")  # noqa: S608
    }
    assert emails == {"kept@x.fi", "recent@x.fi"}
    suppressed = {tuple(row) for row in conn.execute("SELECT key, scope, reason FROM suppressions")}
    assert suppressed == {
        (suppression_key(SECRET.encode(), "objector@x.fi"), "direct_marketing", "objection")
    }
    audit = [tuple(row) for row in conn.execute("SELECT type, phase, rule FROM audit_log")]
    assert audit == [("forget", "done", "RETENTION_EXPIRED")] * 2
    assert forget_orphans(ctx, conn) == 0
