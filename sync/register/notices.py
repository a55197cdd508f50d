"""Which privacy-notice versions the consents in force were given under."""

from __future__ import annotations

import sqlite3

# The consent in force for a (person, purpose) is its latest event (SPEC 5); only a grant is a
# consent someone relies on, so withdrawn ones are not counted.
_IN_FORCE = """
SELECT notice_version, COUNT(*) FROM (
    SELECT action, notice_version,
           ROW_NUMBER() OVER (PARTITION BY email_norm, purpose ORDER BY at DESC, id DESC) AS rn
    FROM consent_events
) WHERE rn = 1 AND action = 'grant' GROUP BY notice_version
"""


def consents_by_notice_version(conn: sqlite3.Connection) -> dict[str | None, int]:
    """{notice_version or None: consents in force given under it}."""
    return {
        (row[0] if row[0] not in (None, "") else None): int(row[1])
        for row in conn.execute(_IN_FORCE)
    }


def custom_field_titles(conn: sqlite3.Connection) -> list[str]:
    """The titles of the ActiveCampaign custom fields the mirror holds (definitions only)."""
    rows = conn.execute("SELECT DISTINCT title FROM fields WHERE title != '' ORDER BY title")
    return [str(row[0]) for row in rows]
