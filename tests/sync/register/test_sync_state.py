"""Pull bookkeeping: the cursor, the last full walk, one row per pull attempt."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

from sync.register import sync_state, transaction

T0 = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)


def test_set_time_overwrites_and_reads_back_aware_utc(conn: sqlite3.Connection) -> None:
    """A key holds one time; setting it again replaces it."""
    with transaction(conn):
        sync_state.set_time(conn, sync_state.CURSOR, T0)
        sync_state.set_time(conn, sync_state.CURSOR, T0 + timedelta(hours=1, microseconds=5))

    assert (
        sync_state.get_time(conn, sync_state.CURSOR),
        sync_state.get_time(conn, sync_state.LAST_FULL),
    ) == (T0 + timedelta(hours=1), None)


def test_latest_complete_pull_skips_partial_ones(conn: sqlite3.Connection) -> None:
    """A failed attempt is the latest pull but not the latest complete one."""
    ok = sync_state.start_pull(conn, mode="full", started_at=T0)
    sync_state.finish_pull(
        conn, ok, finished_at=T0 + timedelta(minutes=1), complete=True, contacts=10,
        requests=5, rate_limited=0, deleted=1, error=None,
    )  # fmt: skip
    failed = sync_state.start_pull(conn, mode="incremental", started_at=T0 + timedelta(hours=1))
    sync_state.finish_pull(
        conn, failed, finished_at=T0 + timedelta(hours=1), complete=False, contacts=2,
        requests=3, rate_limited=1, deleted=0, error="GET /api/3/contacts: HTTP 503 server error",
    )  # fmt: skip

    complete = sync_state.PullRecord(
        id=ok, started_at=T0, finished_at=T0 + timedelta(minutes=1), mode="full", complete=True,
        contacts=10, requests=5, rate_limited=0, deleted=1, error=None,
    )  # fmt: skip
    partial = sync_state.PullRecord(
        id=failed, started_at=T0 + timedelta(hours=1), finished_at=T0 + timedelta(hours=1),
        mode="incremental", complete=False, contacts=2, requests=3, rate_limited=1, deleted=0,
        error="GET /api/3/contacts: HTTP 503 server error",
    )  # fmt: skip
    assert (sync_state.latest_pull(conn), sync_state.latest_complete_pull(conn)) == (
        partial,
        complete,
    )
