"""Saving what a pull fetched: the register's mirror of ActiveCampaign."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import datetime

from compliance.emails import normalise_email
from sync.activecampaign.models import ContactPage, Field, MailingList, Tag
from sync.register.db import iso


def save_lists(conn: sqlite3.Connection, lists: Iterable[MailingList]) -> None:
    conn.execute("DELETE FROM lists")
    conn.executemany(
        "INSERT INTO lists(id, name, stringid) VALUES (?, ?, ?)",
        [(item.id, item.name, item.stringid) for item in lists],
    )


def save_fields(conn: sqlite3.Connection, fields: Iterable[Field]) -> None:
    conn.execute("DELETE FROM fields")
    conn.executemany(
        "INSERT INTO fields(id, title, type, perstag) VALUES (?, ?, ?, ?)",
        [(item.id, item.title, item.type, item.perstag) for item in fields],
    )


def save_tags(conn: sqlite3.Connection, tags: Iterable[Tag]) -> None:
    conn.execute("DELETE FROM tags")
    conn.executemany(
        "INSERT INTO tags(id, tag, tag_type) VALUES (?, ?, ?)",
        [(item.id, item.tag, item.tag_type) for item in tags],
    )


def save_tag(conn: sqlite3.Connection, tag: Tag) -> None:
    """Add or refresh one tag, e.g. one an apply created, without touching the others."""
    conn.execute(
        "INSERT OR REPLACE INTO tags(id, tag, tag_type) VALUES (?, ?, ?)",
        (tag.id, tag.tag, tag.tag_type),
    )


def save_page(conn: sqlite3.Connection, page: ContactPage) -> None:
    """Replace everything held about the page's contacts with what the page says."""
    ids = [(contact.id,) for contact in page.contacts]
    for table in ("memberships", "contact_tags", "field_values"):
        conn.executemany(f"DELETE FROM {table} WHERE contact_id = ?", ids)  # noqa: S608
    conn.executemany(
        "INSERT OR REPLACE INTO contacts(id, email, email_norm, first_name, last_name, phone,"
        " cdate, udate, bounced_hard, bounced_soft, bounced_date, web_tracked)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                c.id,
                c.email,
                normalise_email(c.email),
                c.first_name,
                c.last_name,
                c.phone,
                iso(c.cdate),
                iso(c.udate),
                int(c.bounced_hard),
                int(c.bounced_soft),
                iso(c.bounced_date),
                int(c.web_tracked),
            )
            for c in page.contacts
        ],
    )
    wanted = {contact.id for contact in page.contacts}
    conn.executemany(
        "INSERT OR REPLACE INTO memberships(contact_id, list_id, status, sdate, udate, unsubreason,"
        " campaign, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                m.contact_id,
                m.list_id,
                m.status,
                iso(m.sdate),
                iso(m.udate),
                m.unsubreason,
                m.campaign or None,
                m.message or None,
            )
            for m in page.memberships
            if m.contact_id in wanted
        ],
    )
    conn.executemany(
        "INSERT OR REPLACE INTO contact_tags(id, contact_id, tag_id) VALUES (?, ?, ?)",
        [(t.id, t.contact_id, t.tag_id) for t in page.contact_tags if t.contact_id in wanted],
    )
    conn.executemany(
        "INSERT OR REPLACE INTO field_values(id, contact_id, field_id, value, udate)"
        " VALUES (?, ?, ?, ?, ?)",
        [
            (v.id, v.contact_id, v.field_id, v.value, iso(v.udate))
            for v in page.field_values
            if v.contact_id in wanted
        ],
    )


def mirrored_ids(conn: sqlite3.Connection) -> set[int]:
    return {row[0] for row in conn.execute("SELECT id FROM contacts")}


def forget_contacts(conn: sqlite3.Connection, contact_ids: Iterable[int]) -> int:
    """Remove contacts and everything hanging off them from the mirror."""
    ids = [(contact_id,) for contact_id in contact_ids]
    for table in ("memberships", "contact_tags", "field_values"):
        conn.executemany(f"DELETE FROM {table} WHERE contact_id = ?", ids)  # noqa: S608
    conn.executemany("DELETE FROM contacts WHERE id = ?", ids)
    return len(ids)


def record_ac_deletions(
    conn: sqlite3.Connection, contact_ids: Iterable[int], *, detected_at: datetime, pull_id: int
) -> int:
    """Contacts ActiveCampaign no longer has leave the mirror; only their ids are noted."""
    ids = sorted(contact_ids)
    forget_contacts(conn, ids)
    conn.executemany(
        "INSERT INTO ac_deletions(contact_id, detected_at, pull_id) VALUES (?, ?, ?)",
        [(contact_id, iso(detected_at), pull_id) for contact_id in ids],
    )
    return len(ids)


def set_membership_status(
    conn: sqlite3.Connection, *, contact_id: int, list_id: int, status: int, at: datetime
) -> None:
    conn.execute(
        "UPDATE memberships SET status = ?, udate = ? WHERE contact_id = ? AND list_id = ?",
        (status, iso(at), contact_id, list_id),
    )


def add_contact_tag(
    conn: sqlite3.Connection, *, contact_tag_id: int, contact_id: int, tag_id: int
) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO contact_tags(id, contact_id, tag_id) VALUES (?, ?, ?)",
        (contact_tag_id, contact_id, tag_id),
    )


def web_tracked_count(conn: sqlite3.Connection) -> int:
    """Contacts whose ActiveCampaign record holds an IP address or user agent from the site."""
    return int(conn.execute("SELECT count(*) FROM contacts WHERE web_tracked = 1").fetchone()[0])
