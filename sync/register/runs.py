"""One row per job run: what the report history chart draws."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from typing import Any

from sync.register.db import iso


def start(
    conn: sqlite3.Connection, *, run_id: str, command: str, started_at: datetime, as_of: datetime
) -> None:
    conn.execute(
        "INSERT INTO runs(id, command, started_at, as_of) VALUES (?, ?, ?, ?)",
        (run_id, command, iso(started_at), iso(as_of)),
    )


def finish(
    conn: sqlite3.Connection,
    run_id: str,
    *,
    finished_at: datetime,
    exit_code: int,
    findings_by_code: dict[str, int],
    report_dir: str | None,
) -> None:
    conn.execute(
        "UPDATE runs SET finished_at = ?, exit_code = ?, findings_by_code = ?, report_dir = ?"
        " WHERE id = ?",
        (
            iso(finished_at),
            exit_code,
            json.dumps(findings_by_code, sort_keys=True),
            report_dir,
            run_id,
        ),
    )


def history(
    conn: sqlite3.Connection, *, limit: int = 30, exclude: str | None = None
) -> list[dict[str, Any]]:
    """Finished runs that produced a report, oldest first."""
    rows = conn.execute(
        "SELECT id, started_at, findings_by_code FROM runs WHERE finished_at IS NOT NULL"
        " AND report_dir IS NOT NULL AND id != ? ORDER BY started_at DESC LIMIT ?",
        (exclude or "", limit),
    ).fetchall()
    return [
        {
            "run_id": row["id"],
            "started_at": row["started_at"],
            "findings_by_code": json.loads(row["findings_by_code"]),
        }
        for row in reversed(rows)
    ]


def old_report_dirs(conn: sqlite3.Connection, *, before: datetime) -> list[str]:
    rows = conn.execute(
        "SELECT report_dir FROM runs WHERE report_dir IS NOT NULL AND started_at < ?",
        (iso(before),),
    )
    return [row[0] for row in rows]
