"""Opening the register file (0600) and running writes in transactions."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sync.register.schema import (
    ADDED_COLUMNS,
    ADDED_TABLES,
    OLD_AUDIT_DELETE_TRIGGER,
    SCHEMA,
    SCHEMA_VERSION,
    audit_delete_trigger,
)


def create_private_file(path: Path) -> None:
    """Create an empty file readable by the owner only, unless it already exists."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)


# How long a write waits for another run's write transaction (a long pull holds one).
BUSY_TIMEOUT_SECONDS = 30.0


class RegisterBusy(Exception):
    """Another run holds the register's write transaction for longer than we wait."""


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) the register with the current schema.

    WAL journal: readers (`report`, `request list`) read the last committed snapshot while a
    pull writes, instead of waiting for it. Opening a current register writes nothing.
    """
    if str(path) != ":memory:":
        create_private_file(path)
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_SECONDS)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = NORMAL")
    try:
        if not _schema_is_current(conn):
            conn.execute("PRAGMA journal_mode = WAL")
            conn.executescript(SCHEMA)
            conn.execute(
                # REPLACE: an older register gets the new tables above and is current from now on
                "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)",
                (str(SCHEMA_VERSION),),
            )
        _add_missing_columns(conn)
        _upgrade(conn)
    except sqlite3.OperationalError as exc:
        conn.close()
        raise _busy_or(exc) from None
    return conn


def _upgrade(conn: sqlite3.Connection) -> None:
    """Idempotent changes to registers made by an older release; reads only when none is due."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(contacts)")}
    if "web_tracked" not in columns:
        # A mirror column, filled by the next pull; until then nobody counts as tracked.
        conn.execute("ALTER TABLE contacts ADD COLUMN web_tracked INTEGER NOT NULL DEFAULT 0")
    old = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = ?",
        (OLD_AUDIT_DELETE_TRIGGER,),
    ).fetchone()
    if old is None:
        return
    # One transaction: the log is never left without a delete rule, even for a moment.
    conn.executescript(
        "BEGIN IMMEDIATE;"
        f" DROP TRIGGER IF EXISTS {OLD_AUDIT_DELETE_TRIGGER};"
        f" {audit_delete_trigger()}"
        " COMMIT;"
    )


def _add_missing_columns(conn: sqlite3.Connection) -> None:
    """Bring a register made by an older release up to date; reads only when nothing is due."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    for table, create in ADDED_TABLES.items():
        if table not in tables:
            conn.execute(create)
    for table, column, kind in ADDED_COLUMNS:
        present = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        if column not in present:
            # Fixed names from ADDED_COLUMNS; ADD COLUMN keeps every row and is idempotent here.
            conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")


def _schema_is_current(conn: sqlite3.Connection) -> bool:
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            return False
        raise
    return row is not None and row[0] == str(SCHEMA_VERSION)


def _busy_or(exc: sqlite3.OperationalError) -> Exception:
    if "locked" in str(exc) or "busy" in str(exc):
        return RegisterBusy(
            f"the register is being written by another run for more than"
            f" {BUSY_TIMEOUT_SECONDS:g} s (a pull?); try again when it has finished"
        )
    return exc


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """All writes inside commit together or not at all."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise _busy_or(exc) from None
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def iso(value: datetime | None) -> str | None:
    """The one text form of a time in the register."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat(timespec="seconds")


def parse_iso(value: str | None) -> datetime | None:
    if value is None:
        return None
    return datetime.fromisoformat(value)
