"""Opening the register: a private file, an idempotent schema, all-or-nothing transactions."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest

from sync.register import connect, transaction
from tests.sync.register.conftest import table


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_register_file_is_created_private(tmp_path: Path) -> None:
    """A new register file is 0600 in a 0700 folder."""
    path = tmp_path / "var" / "register.sqlite"

    connect(path).close()

    assert (mode(path), mode(path.parent)) == (0o600, 0o700)


def test_existing_register_file_is_made_private(tmp_path: Path) -> None:
    """A world-readable register file left by someone else is tightened to 0600."""
    path = tmp_path / "register.sqlite"
    path.touch(mode=0o644)
    path.chmod(0o644)

    connect(path).close()

    assert mode(path) == 0o600


def test_reopening_keeps_the_data_and_the_schema(tmp_path: Path) -> None:
    """Connecting again to an existing register neither fails nor loses anything."""
    path = tmp_path / "register.sqlite"
    first = connect(path)
    with transaction(first):
        first.execute("INSERT INTO sync_state(key, value) VALUES ('k', 'v')")
    first.close()

    again = connect(path)

    assert (table(again, "sync_state"), table(again, "meta")) == (
        [("k", "v")],
        [("schema_version", "2")],
    )
    again.close()


def test_transaction_commits_on_success(conn: sqlite3.Connection) -> None:
    """Writes inside a finished transaction are kept."""
    with transaction(conn):
        conn.execute("INSERT INTO sync_state(key, value) VALUES ('a', '1')")
        conn.execute("INSERT INTO sync_state(key, value) VALUES ('b', '2')")

    assert table(conn, "sync_state") == [("a", "1"), ("b", "2")]


def test_transaction_rolls_back_on_any_error(conn: sqlite3.Connection) -> None:
    """An exception inside the block undoes every write made in it."""
    with transaction(conn):
        conn.execute("INSERT INTO sync_state(key, value) VALUES ('kept', '1')")

    with pytest.raises(RuntimeError, match="^half-way$"), transaction(conn):
        conn.execute("INSERT INTO sync_state(key, value) VALUES ('lost', '2')")
        conn.execute("UPDATE sync_state SET value = 'changed' WHERE key = 'kept'")
        raise RuntimeError("half-way")

    assert (table(conn, "sync_state"), conn.in_transaction) == ([("kept", "1")], False)


def test_transaction_rolls_back_on_a_database_error(conn: sqlite3.Connection) -> None:
    """A failing statement undoes the statements before it in the same transaction."""
    with pytest.raises(sqlite3.IntegrityError), transaction(conn):
        conn.execute("INSERT INTO sync_state(key, value) VALUES ('lost', '1')")
        conn.execute("INSERT INTO sync_state(key, value) VALUES ('lost', '2')")

    assert (table(conn, "sync_state"), conn.in_transaction) == ([], False)


def test_a_version_1_register_gets_the_request_tables_and_becomes_current(
    tmp_path: Path,
) -> None:
    """An older register is upgraded in place: new tables appear, nothing held is lost."""
    path = tmp_path / "register.sqlite"
    old = connect(path)
    with transaction(old):
        old.execute("DROP TABLE request_events")
        old.execute("DROP TABLE restrictions")
        old.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
        old.execute("INSERT INTO sync_state(key, value) VALUES ('k', 'v')")
    old.close()

    again = connect(path)

    names = {r[0] for r in again.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert (
        {"request_events", "restrictions"} <= names,
        table(again, "meta"),
        table(again, "sync_state"),
    ) == (True, [("schema_version", "2")], [("k", "v")])
    again.close()
