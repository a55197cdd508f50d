"""Choosing between a full walk and an incremental pull."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from sync.pull import choose_mode
from sync.register import connect, sync_state

NOW = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)


@pytest.fixture
def conn() -> Iterator[sqlite3.Connection]:
    connection = connect(Path(":memory:"))
    yield connection
    connection.close()


def remember(conn: sqlite3.Connection, *, cursor: datetime, last_full: datetime) -> None:
    sync_state.set_time(conn, sync_state.CURSOR, cursor)
    sync_state.set_time(conn, sync_state.LAST_FULL, last_full)


def test_first_pull_is_full(conn: sqlite3.Connection) -> None:
    """With no cursor yet, only a full walk makes sense."""
    assert choose_mode(conn, now=NOW, full=False, full_every_days=7) == ("full", None)


@pytest.mark.parametrize(
    ("full", "last_full_age", "expected"),
    [
        (False, timedelta(days=6, hours=23), ("incremental", NOW - timedelta(hours=1))),
        (False, timedelta(days=7), ("full", None)),
        (True, timedelta(hours=1), ("full", None)),
    ],
    ids=["recent-full-walk", "full-walk-due", "asked-for-full"],
)
def test_mode_follows_the_flag_and_the_age_of_the_last_full_walk(
    conn: sqlite3.Connection,
    full: bool,
    last_full_age: timedelta,
    expected: tuple[str, datetime | None],
) -> None:
    """Incremental from the cursor, unless asked for or the full walk is full_every_days old."""
    remember(conn, cursor=NOW - timedelta(hours=1), last_full=NOW - last_full_age)

    assert choose_mode(conn, now=NOW, full=full, full_every_days=7) == expected
