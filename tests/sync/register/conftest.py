"""An in-memory register per test, and whole-table reads to compare against."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from sync.register import connect


@pytest.fixture
def conn() -> Iterator[sqlite3.Connection]:
    connection = connect(Path(":memory:"))
    yield connection
    connection.close()


def table(conn: sqlite3.Connection, name: str) -> list[tuple[object, ...]]:
    """Every row of a table, as plain tuples in key order."""
    return [tuple(row) for row in conn.execute(f"SELECT * FROM {name} ORDER BY 1, 2")]  # noqa: S608
