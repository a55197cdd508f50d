"""The register's tables. Times are ISO 8601 text in UTC, so text order is time order."""

from __future__ import annotations

SCHEMA_VERSION = 2

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- Mirror of ActiveCampaign, replaced by each pull.
CREATE TABLE IF NOT EXISTS contacts (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL,
    email_norm TEXT NOT NULL,
    first_name TEXT NOT NULL DEFAULT '',
    last_name TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    cdate TEXT, udate TEXT,
    bounced_hard INTEGER NOT NULL DEFAULT 0,
    bounced_soft INTEGER NOT NULL DEFAULT 0,
    bounced_date TEXT,
    web_tracked INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS contacts_email_norm ON contacts(email_norm);
CREATE TABLE IF NOT EXISTS memberships (
    contact_id INTEGER NOT NULL, list_id INTEGER NOT NULL, status INTEGER NOT NULL,
    sdate TEXT, udate TEXT, unsubreason TEXT NOT NULL DEFAULT '',
    campaign TEXT, message TEXT,
    PRIMARY KEY (contact_id, list_id)
);
CREATE TABLE IF NOT EXISTS lists (id INTEGER PRIMARY KEY, name TEXT NOT NULL, stringid TEXT);
CREATE TABLE IF NOT EXISTS tags (id INTEGER PRIMARY KEY, tag TEXT NOT NULL, tag_type TEXT);
CREATE TABLE IF NOT EXISTS contact_tags (
    id INTEGER PRIMARY KEY, contact_id INTEGER NOT NULL, tag_id INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS contact_tags_contact ON contact_tags(contact_id);
CREATE TABLE IF NOT EXISTS fields (
    id INTEGER PRIMARY KEY, title TEXT NOT NULL, type TEXT, perstag TEXT
);
CREATE TABLE IF NOT EXISTS field_values (
    id INTEGER PRIMARY KEY, contact_id INTEGER NOT NULL, field_id INTEGER NOT NULL,
    value TEXT, udate TEXT
);
CREATE INDEX IF NOT EXISTS field_values_contact ON field_values(contact_id);
-- Ids ActiveCampaign no longer has, found by a full walk; no personal data.
CREATE TABLE IF NOT EXISTS ac_deletions (
    contact_id INTEGER NOT NULL, detected_at TEXT NOT NULL, pull_id INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS pulls (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at TEXT NOT NULL, finished_at TEXT,
    mode TEXT NOT NULL, complete INTEGER NOT NULL DEFAULT 0,
    contacts INTEGER NOT NULL DEFAULT 0, requests INTEGER NOT NULL DEFAULT 0,
    rate_limited INTEGER NOT NULL DEFAULT 0, deleted INTEGER NOT NULL DEFAULT 0,
    error TEXT
);
CREATE TABLE IF NOT EXISTS sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- The controller's own records: append-only events.
CREATE TABLE IF NOT EXISTS consent_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email_norm TEXT NOT NULL, purpose TEXT NOT NULL, action TEXT NOT NULL, at TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '', wording_id TEXT, notice_version TEXT,
    imported_at TEXT NOT NULL, row_hash TEXT NOT NULL UNIQUE,
    list_id INTEGER, evidence TEXT
);
CREATE INDEX IF NOT EXISTS consent_email ON consent_events(email_norm);
CREATE TABLE IF NOT EXISTS objection_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email_norm TEXT NOT NULL, scope TEXT NOT NULL, at TEXT NOT NULL,
    channel TEXT NOT NULL DEFAULT '', imported_at TEXT NOT NULL, row_hash TEXT NOT NULL UNIQUE
);
CREATE INDEX IF NOT EXISTS objection_email ON objection_events(email_norm);
CREATE TABLE IF NOT EXISTS purchases (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email_norm TEXT NOT NULL, last_purchase_at TEXT NOT NULL, product_group TEXT NOT NULL,
    imported_at TEXT NOT NULL, row_hash TEXT NOT NULL UNIQUE
);
CREATE INDEX IF NOT EXISTS purchases_email ON purchases(email_norm);
-- Status-2 memberships already decided (SPEC 5.1): the person's opt-out (then also a
-- consent event) or our own unsubscribe. A hash of (contact id, list, moment), nothing else.
CREATE TABLE IF NOT EXISTS optout_checks (
    row_hash TEXT PRIMARY KEY, ours INTEGER NOT NULL, checked_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS imports (
    id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, file_name TEXT NOT NULL,
    file_sha256 TEXT NOT NULL, rows INTEGER NOT NULL, added INTEGER NOT NULL, at TEXT NOT NULL
);

-- What is left of objectors and erased objectors: a keyed hash, never an address.
CREATE TABLE IF NOT EXISTS suppressions (
    key TEXT NOT NULL, scope TEXT NOT NULL, reason TEXT NOT NULL, created_at TEXT NOT NULL,
    PRIMARY KEY (key, scope)
);

CREATE TABLE IF NOT EXISTS requests (
    id TEXT PRIMARY KEY, type TEXT NOT NULL, subject_key TEXT NOT NULL,
    email_masked TEXT NOT NULL, received_at TEXT NOT NULL, due_at TEXT NOT NULL,
    status TEXT NOT NULL, answered_at TEXT, detail TEXT NOT NULL DEFAULT '{}'
);
-- What happened to a request besides its answer: identity checks, extensions, refusals.
CREATE TABLE IF NOT EXISTS request_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT, request_id TEXT NOT NULL, kind TEXT NOT NULL,
    at TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS request_events_request ON request_events(request_id);
-- People under restriction of processing (Art. 18): every write leaves them alone until lifted.
CREATE TABLE IF NOT EXISTS restrictions (
    email_norm TEXT PRIMARY KEY, request_id TEXT NOT NULL, since TEXT NOT NULL
);
-- Erasure requests not yet carried out hold the address so the purge can find it.
CREATE TABLE IF NOT EXISTS pending_erasures (
    request_id TEXT PRIMARY KEY, email_norm TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS purge_plans (
    id TEXT PRIMARY KEY, created_at TEXT NOT NULL, as_of TEXT NOT NULL,
    pull_id INTEGER NOT NULL, count INTEGER NOT NULL, content TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'planned'
);

CREATE TABLE IF NOT EXISTS audit_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL, run_id TEXT NOT NULL, action_key TEXT NOT NULL, phase TEXT NOT NULL,
    type TEXT NOT NULL, subject TEXT NOT NULL, list_id INTEGER, rule TEXT NOT NULL DEFAULT '',
    actor TEXT NOT NULL DEFAULT 'user', detail TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS audit_action_key ON audit_log(action_key);
-- The one change allowed: an erasure blanks the personal data in an event's detail (the
-- old/new values of a rectification); the event itself, its time and subject stay.
CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
WHEN NOT (NEW.detail = '{"redacted": "erasure"}' AND NEW.seq = OLD.seq AND NEW.at = OLD.at
          AND NEW.run_id = OLD.run_id AND NEW.action_key = OLD.action_key
          AND NEW.phase = OLD.phase AND NEW.type = OLD.type AND NEW.subject = OLD.subject
          AND NEW.list_id IS OLD.list_id AND NEW.rule = OLD.rule AND NEW.actor = OLD.actor)
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
-- The one deletion allowed (SPEC 6 r2): rows older than the cutoff that the retention step
-- sets in meta for its own transaction (policy.audit_retention_months), never the last month.
CREATE TRIGGER IF NOT EXISTS audit_log_delete_by_age BEFORE DELETE ON audit_log
WHEN NOT (OLD.at < COALESCE((SELECT value FROM meta WHERE key = 'audit_delete_before'), '')
          AND OLD.at < strftime('%Y-%m-%dT%H:%M:%S+00:00',
                                (SELECT max(at) FROM audit_log), '-1 months'))
BEGIN SELECT RAISE(ABORT, 'audit_log rows are removed only by age'); END;

CREATE TABLE IF NOT EXISTS runs (
    id TEXT PRIMARY KEY, command TEXT NOT NULL, started_at TEXT NOT NULL,
    finished_at TEXT, as_of TEXT NOT NULL, exit_code INTEGER,
    findings_by_code TEXT NOT NULL DEFAULT '{}', report_dir TEXT
);
"""

# Registers made before the audit log could age: their delete trigger refuses every deletion.
# `upgrade` swaps it for the age-based one; it is a no-op on a register that has it already.
OLD_AUDIT_DELETE_TRIGGER = "audit_log_no_delete"
AUDIT_DELETE_CUTOFF_KEY = "audit_delete_before"


def audit_delete_trigger() -> str:
    """The CREATE TRIGGER statement of the age-based delete rule, as SCHEMA holds it."""
    start = SCHEMA.index("CREATE TRIGGER IF NOT EXISTS audit_log_delete_by_age")
    return SCHEMA[start : SCHEMA.index("END;", start) + len("END;")]


# Columns added after the first release (SPEC 5.1: an opt-out made in ActiveCampaign keeps the
# campaign and message that caused it, and its ledger event the list and that evidence).
# `connect` adds any that an older register lacks; CREATE TABLE above already has them.
ADDED_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("memberships", "campaign", "TEXT"),
    ("memberships", "message", "TEXT"),
    ("consent_events", "list_id", "INTEGER"),
    ("consent_events", "evidence", "TEXT"),
)
ADDED_TABLES: dict[str, str] = {
    "optout_checks": "CREATE TABLE IF NOT EXISTS optout_checks (row_hash TEXT PRIMARY KEY,"
    " ours INTEGER NOT NULL, checked_at TEXT NOT NULL)",
}
