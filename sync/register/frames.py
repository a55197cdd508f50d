"""Loading the register into the DataFrames the pure rules take (docs/DESIGN.md)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

import pandas as pd

from compliance.suppression import suppression_keys

_TIMES = {
    "contacts": ("cdate", "udate", "bounced_date"),
    "memberships": ("sdate", "udate"),
    "contact_tags": (),
    "consents": ("at",),
    "objections": ("at",),
    "customers": ("last_purchase_at",),
    "suppressions": ("created_at",),
    "requests": ("received_at", "due_at"),
}

_SQL = {
    "contacts": "SELECT id AS contact_id, email, email_norm, cdate, udate,"
    " bounced_hard, bounced_date FROM contacts ORDER BY id",
    "memberships": "SELECT contact_id, list_id, status, sdate, udate FROM memberships"
    " ORDER BY contact_id, list_id",
    # A contactTag whose tag the mirror does not know has no name to match, so it is left out.
    "contact_tags": "SELECT ct.contact_id, t.tag FROM contact_tags ct"
    " JOIN tags t ON t.id = ct.tag_id ORDER BY ct.contact_id, t.tag",
    "consents": "SELECT email_norm, purpose, action, at, source, wording_id, notice_version,"
    " list_id FROM consent_events ORDER BY id",
    "objections": "SELECT email_norm, scope, at, channel FROM objection_events ORDER BY id",
    "customers": "SELECT email_norm, last_purchase_at, product_group FROM purchases ORDER BY id",
    "suppressions": "SELECT key, scope, reason, created_at FROM suppressions ORDER BY key, scope",
    "requests": "SELECT id, type, received_at, due_at, status, EXISTS(SELECT 1 FROM"
    " request_events e WHERE e.request_id = requests.id AND e.kind = 'verified') AS verified"
    " FROM requests ORDER BY id",
}


@dataclass(frozen=True)
class RegisterFrames:
    contacts: pd.DataFrame
    memberships: pd.DataFrame
    contact_tags: pd.DataFrame  # contact_id, tag (the tag's name)
    consents: pd.DataFrame
    objections: pd.DataFrame
    customers: pd.DataFrame
    suppressions: pd.DataFrame
    requests: pd.DataFrame


def load_frame(conn: sqlite3.Connection, name: str) -> pd.DataFrame:
    frame = pd.read_sql_query(_SQL[name], conn)
    for column in _TIMES[name]:
        frame[column] = pd.to_datetime(frame[column], utc=True, format="ISO8601")
    return frame


def load_frames(conn: sqlite3.Connection, *, secret: bytes) -> RegisterFrames:
    contacts = load_frame(conn, "contacts")
    contacts["bounced_hard"] = contacts["bounced_hard"].astype(bool)
    contacts["suppression_key"] = suppression_keys(secret, contacts["email_norm"])
    contacts = contacts[
        [
            "contact_id",
            "email",
            "email_norm",
            "suppression_key",
            "cdate",
            "udate",
            "bounced_hard",
            "bounced_date",
        ]
    ]
    return RegisterFrames(
        contacts=contacts,
        memberships=load_frame(conn, "memberships"),
        contact_tags=load_frame(conn, "contact_tags"),
        consents=load_frame(conn, "consents"),
        objections=load_frame(conn, "objections"),
        customers=load_frame(conn, "customers"),
        suppressions=load_frame(conn, "suppressions"),
        requests=load_frame(conn, "requests"),
    )
