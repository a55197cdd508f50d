"""Opt-outs made in ActiveCampaign into the ledger (SPEC 5.1): the register's reads and writes."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime

import pandas as pd

from compliance.codes import LIST_STATUS_UNSUBSCRIBED, ActionType
from compliance.optouts import classify_optouts
from compliance.policy import ListPolicy
from sync.register.db import iso
from sync.register.ledger import append_events


def _unsubscribed(conn: sqlite3.Connection) -> pd.DataFrame:
    return pd.read_sql_query(
        "SELECT m.contact_id, c.email_norm, m.list_id, m.status, m.sdate, m.udate,"
        " m.unsubreason, m.campaign, m.message FROM memberships m"
        " JOIN contacts c ON c.id = m.contact_id WHERE m.status = ?"
        " ORDER BY m.contact_id, m.list_id",
        conn,
        params=(LIST_STATUS_UNSUBSCRIBED,),
    )


def _own_unsubscribes(conn: sqlite3.Connection) -> pd.DataFrame:
    """Every unsubscribe rekisteri sent or began to send (intent), per contact and list."""
    frame = pd.read_sql_query(
        "SELECT CAST(subject AS INTEGER) AS contact_id, list_id, MAX(at) AS at FROM audit_log"
        " WHERE type = ? AND phase IN ('intent', 'done') AND list_id IS NOT NULL"
        " GROUP BY subject, list_id",
        conn,
        params=(ActionType.UNSUBSCRIBE.value,),
    )
    return frame


def record_optouts(
    conn: sqlite3.Connection, *, lists: Sequence[ListPolicy], pulled_at: datetime
) -> int:
    """Record the person's opt-outs the mirror shows and we have not decided before.

    Runs inside the pull's transaction, after the pages are saved: a failed pull records none.
    Returns how many withdraw events were added.
    """
    checked = frozenset(row[0] for row in conn.execute("SELECT row_hash FROM optout_checks"))
    found = classify_optouts(
        unsubscribed=_unsubscribed(conn),
        own_unsubscribes=_own_unsubscribes(conn),
        lists=lists,
        pulled_at=pulled_at,
        checked=checked,
    )
    added = append_events(conn, "optouts", found.events, imported_at=pulled_at)
    conn.executemany(
        "INSERT OR IGNORE INTO optout_checks(row_hash, ours, checked_at) VALUES (?, ?, ?)",
        [(h, 0, iso(pulled_at)) for h in found.events["row_hash"]]
        + [(h, 1, iso(pulled_at)) for h in found.ours],
    )
    return added
