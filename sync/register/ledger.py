"""The controller's own records: consent, objection and purchase events (append-only)."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from typing import Literal

import pandas as pd

from sync.register.db import iso

Kind = Literal["consents", "objections", "customers", "optouts"]

_INSERTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "consents": (
        "INSERT OR IGNORE INTO consent_events(email_norm, purpose, action, at, source,"
        " wording_id, notice_version, imported_at, row_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ("email_norm", "purpose", "action", "at", "source", "wording_id", "notice_version"),
    ),
    # Opt-outs made in ActiveCampaign (SPEC 5.1): withdrawals with their list and evidence.
    "optouts": (
        "INSERT OR IGNORE INTO consent_events(email_norm, purpose, action, at, source,"
        " wording_id, notice_version, list_id, evidence, imported_at, row_hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            "email_norm",
            "purpose",
            "action",
            "at",
            "source",
            "wording_id",
            "notice_version",
            "list_id",
            "evidence",
        ),
    ),
    "objections": (
        "INSERT OR IGNORE INTO objection_events(email_norm, scope, at, channel, imported_at,"
        " row_hash) VALUES (?, ?, ?, ?, ?, ?)",
        ("email_norm", "scope", "at", "channel"),
    ),
    "customers": (
        "INSERT OR IGNORE INTO purchases(email_norm, last_purchase_at, product_group,"
        " imported_at, row_hash) VALUES (?, ?, ?, ?, ?)",
        ("email_norm", "last_purchase_at", "product_group"),
    ),
}


def _cell(value: object) -> object:
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, float) and pd.isna(value):
        return None
    if isinstance(value, pd.Timestamp):
        return iso(value.to_pydatetime())
    if isinstance(value, datetime):
        return iso(value)
    return value


def append_events(
    conn: sqlite3.Connection, kind: Kind, rows: pd.DataFrame, *, imported_at: datetime
) -> int:
    """Insert validated rows; rows seen before (same row_hash) are ignored. Returns rows added."""
    sql, columns = _INSERTS[kind]
    before = conn.total_changes
    records = [
        tuple(_cell(value) for value in values) + (iso(imported_at), row_hash)
        for values, row_hash in zip(
            rows[list(columns)].itertuples(index=False, name=None), rows["row_hash"], strict=True
        )
    ]
    conn.executemany(sql, records)
    return conn.total_changes - before


def record_import(
    conn: sqlite3.Connection,
    *,
    kind: str,
    file_name: str,
    file_sha256: str,
    rows: int,
    added: int,
    at: datetime,
) -> None:
    conn.execute(
        "INSERT INTO imports(kind, file_name, file_sha256, rows, added, at) VALUES (?,?,?,?,?,?)",
        (kind, file_name, file_sha256, rows, added, iso(at)),
    )


def add_objection(
    conn: sqlite3.Connection,
    *,
    email_norm: str,
    scope: str,
    at: datetime,
    channel: str,
    row_hash: str,
    imported_at: datetime,
) -> None:
    conn.execute(
        "INSERT OR IGNORE INTO objection_events(email_norm, scope, at, channel, imported_at,"
        " row_hash) VALUES (?, ?, ?, ?, ?, ?)",
        (email_norm, scope, iso(at), channel, iso(imported_at), row_hash),
    )


def forget_person(conn: sqlite3.Connection, email_norm: str) -> int:
    """Remove every register event about one address (after erasure or a purge)."""
    removed = 0
    for table in ("consent_events", "objection_events", "purchases"):
        sql = f"DELETE FROM {table} WHERE email_norm = ?"  # noqa: S608 - fixed table names
        removed += conn.execute(sql, (email_norm,)).rowcount
    conn.execute("DELETE FROM pending_erasures WHERE email_norm = ?", (email_norm,))
    return removed


def person_events(conn: sqlite3.Connection, email_norm: str) -> dict[str, list[dict[str, object]]]:
    """Everything the register's own records hold about one address (for access requests)."""

    def rows(sql: str) -> list[dict[str, object]]:
        return [dict(row) for row in conn.execute(sql, (email_norm,))]

    consents = rows(
        "SELECT purpose, action, at, source, wording_id, notice_version, list_id, evidence"
        " FROM consent_events WHERE email_norm = ? ORDER BY at, id"
    )
    for row in consents:
        # ActiveCampaign's evidence of an opt-out (SPEC 5.1) is stored as JSON text.
        row["evidence"] = json.loads(str(row["evidence"])) if row["evidence"] else None
    return {
        "consents": consents,
        "objections": rows(
            "SELECT scope, at, channel FROM objection_events WHERE email_norm = ? ORDER BY at, id"
        ),
        "purchases": rows(
            "SELECT last_purchase_at, product_group FROM purchases WHERE email_norm = ?"
            " ORDER BY last_purchase_at, id"
        ),
    }
