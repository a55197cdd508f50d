"""`rekisteri import`: a bad file is rejected whole with one line; re-imports add nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.conftest import RunCli, make_config
from tests.jobs.scenario import (
    CONSENT_HEADER,
    CUSTOMER_HEADER,
    OBJECTION_HEADER,
    write_csv,
)

TABLES = {"consents": "consent_events", "objections": "objection_events", "customers": "purchases"}
BAD_FILES = [
    pytest.param(
        "consents",
        CONSENT_HEADER,
        [
            ("a@example.fi", "newsletter", "grant", "2025-01-01", "web", "W1", "N1"),
            ("b@example.fi", "newsletter", "grant", "2025-02-01", "web", "W1", "N1"),
            ("secret.person@example.fi", "newsletter", "grant", "1.2.2025", "web", "", ""),
        ],
        "consents.csv:4: column 'at': not an ISO 8601 date or date-time",
        id="consents-bad-date",
    ),
    pytest.param(
        "objections",
        OBJECTION_HEADER,
        [
            ("a@example.fi", "all", "2025-01-01", "email"),
            ("secret.person@example.fi", "everything", "2025-01-01", "email"),
        ],
        "objections.csv:3: column 'scope': must be one of direct_marketing, distance_selling,"
        " market_research, person_directory, genealogy, all",
        id="objections-bad-scope",
    ),
    pytest.param(
        "customers",
        CUSTOMER_HEADER,
        [
            ("a@example.fi", "2025-01-01", "kurssit"),
            ("secret.person(at)example.fi", "2025-01-01", "kurssit"),
        ],
        "customers.csv:3: column 'email': not a valid email address",
        id="customers-bad-email",
    ),
]


def table_rows(database: Path, table: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(database) as conn:
        return [tuple(row) for row in conn.execute(f"SELECT * FROM {table} ORDER BY id")]  # noqa: S608


@pytest.fixture(name="config")
def _config(tmp_path: Path, run_cli: RunCli) -> Path:
    """An initialised register; ActiveCampaign is never called (imports touch the register only)."""
    config = make_config(tmp_path, "http://127.0.0.1:9")
    assert run_cli(config, "init").code == 0
    return config


@pytest.mark.parametrize(("kind", "header", "rows", "message"), BAD_FILES)
def test_bad_file_exits_4_with_one_line_and_stores_nothing(
    run_cli: RunCli,
    config: Path,
    tmp_path: Path,
    kind: str,
    header: tuple[str, ...],
    rows: list[tuple[str, ...]],
    message: str,
) -> None:
    """One bad row: exit 4, one stderr line naming file, line and column, no row stored."""
    path = write_csv(tmp_path / f"{kind}.csv", header, rows)

    result = run_cli(config, "import", kind, str(path))

    assert (result.code, result.stdout, result.stderr) == (
        4,
        "",
        f"rekisteri: {path.parent}/{message}\n",
    )
    assert "secret.person" not in result.stderr
    database = tmp_path / "var" / "register.sqlite"
    assert (table_rows(database, TABLES[kind]), table_rows(database, "imports")) == ([], [])


def test_reimporting_the_same_rows_adds_nothing(
    run_cli: RunCli, config: Path, tmp_path: Path
) -> None:
    """The same file again, and the same facts with other casing and an extra column, add 0 rows."""
    rows = [
        ("Aino@Example.fi", "newsletter", "grant", "2025-01-01", "web", "W1", "N1"),
        ("aino@example.fi", "newsletter", "withdraw", "2025-03-01T12:00:00+02:00", "link", "", ""),
        ("eino@example.fi", "surveys", "grant", "2025-02-01", "paper", "W2", "N1"),
    ]
    first = write_csv(tmp_path / "consents.csv", CONSENT_HEADER, rows)
    again = write_csv(
        tmp_path / "consents-again.csv",
        (*CONSENT_HEADER, "note"),
        [(f" {row[0].upper()} ", *row[1:], "extra") for row in rows],
    )
    database = tmp_path / "var" / "register.sqlite"

    outputs = [run_cli(config, "import", "consents", str(first))]
    stored = table_rows(database, "consent_events")
    outputs += [run_cli(config, "import", "consents", str(path)) for path in (first, again)]

    assert [(r.code, r.stdout, r.stderr) for r in outputs] == [
        (0, "import consents: consents.csv: 3 rows, 3 new\n", ""),
        (0, "import consents: consents.csv: 3 rows, 0 new\n", ""),
        (0, "import consents: consents-again.csv: 3 rows, 0 new\n", ""),
    ]
    assert table_rows(database, "consent_events") == stored
    assert {row[1:5] for row in stored} == {
        ("aino@example.fi", "newsletter", "grant", "2025-01-01T00:00:00+00:00"),
        ("aino@example.fi", "newsletter", "withdraw", "2025-03-01T10:00:00+00:00"),
        ("eino@example.fi", "surveys", "grant", "2025-02-01T00:00:00+00:00"),
    }
