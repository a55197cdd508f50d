"""What the register knows about one person, for the recipients a change must reach (Art. 19)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence


def list_ids_of(conn: sqlite3.Connection, contact_ids: Sequence[int]) -> frozenset[int]:
    """Every list the contacts have a membership on in the mirror, whatever its status."""
    marks = ",".join("?" * len(contact_ids))
    if not contact_ids:
        return frozenset()
    sql = f"SELECT DISTINCT list_id FROM memberships WHERE contact_id IN ({marks})"  # noqa: S608
    return frozenset(int(row[0]) for row in conn.execute(sql, list(contact_ids)))


def consent_purposes_of(conn: sqlite3.Connection, email_norm: str) -> frozenset[str]:
    return frozenset(
        str(row[0])
        for row in conn.execute(
            "SELECT DISTINCT purpose FROM consent_events WHERE email_norm = ?", (email_norm,)
        )
    )


def objection_scopes_of(conn: sqlite3.Connection, email_norm: str) -> tuple[str, ...]:
    """The person's objection scopes on file, sorted, each once."""
    return tuple(
        str(row[0])
        for row in conn.execute(
            "SELECT DISTINCT scope FROM objection_events WHERE email_norm = ? ORDER BY scope",
            (email_norm,),
        )
    )
