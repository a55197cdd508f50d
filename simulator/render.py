"""Records to JSON in the shapes of the official samples: ids and counts as strings,
datetimes ISO 8601 with the account's UTC offset, `links` on the simulator's own host."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from simulator.records import (
    ContactRecord,
    ContactTagRecord,
    FieldValueRecord,
    MembershipRecord,
)

Json = dict[str, Any]

CONTACT_LINKS = (
    "bounceLogs",
    "contactAutomations",
    "contactData",
    "contactGoals",
    "contactLists",
    "contactLogs",
    "contactTags",
    "contactDeals",
    "deals",
    "fieldValues",
    "geoIps",
    "notes",
    "organization",
    "plusAppend",
    "trackingLogs",
    "scoreValues",
)
MEMBERSHIP_LINKS = (
    "automation",
    "list",
    "contact",
    "form",
    "autosyncLog",
    "campaign",
    "unsubscribeAutomation",
    "message",
)


@dataclass(frozen=True)
class Formatter:
    """Where links point (`api` = "http://127.0.0.1:PORT/api/3") and the account's zone."""

    api: str
    tz: ZoneInfo

    def iso(self, moment: datetime | None) -> str | None:
        """ "2026-11-24T23:00:00+02:00" in the account zone, or None."""
        return None if moment is None else moment.astimezone(self.tz).isoformat()

    def local_stamp(self, moment: datetime) -> str:
        """Wall time in the account zone, "YYYY-MM-DD HH:MM:SS" (AC's *_timestamp columns)."""
        return moment.astimezone(self.tz).isoformat(sep=" ")[:19]

    def links(self, collection: str, object_id: int, names: tuple[str, ...]) -> dict[str, str]:
        base = f"{self.api}/{collection}/{object_id}"
        return {name: f"{base}/{name}" for name in names}


def utc_stamp(moment: datetime) -> str:
    """UTC as "YYYY-MM-DD HH:MM:SS" (AC's *_utc_timestamp columns)."""
    return moment.astimezone(UTC).isoformat(sep=" ")[:19]


def flag(value: bool) -> str:
    return "1" if value else "0"


def contact(fmt: Formatter, c: ContactRecord) -> Json:
    """A contact as in GET /contacts (older contacts carry MySQL zero dates, newer ones null)."""
    zero_date = "0000-00-00" if c.legacy else None
    zero_time = "0000-00-00 00:00:00" if c.legacy else None
    digest = hashlib.md5(c.email.strip().lower().encode(), usedforsecurity=False).hexdigest()
    return {
        "cdate": fmt.iso(c.cdate),
        "email": c.email,
        "phone": c.phone,
        "firstName": c.first_name,
        "lastName": c.last_name,
        "orgid": "0",
        "segmentio_id": "",
        "bounced_hard": flag(c.bounced_hard),
        "bounced_soft": flag(c.bounced_soft),
        "bounced_date": c.bounced_date.isoformat() if c.bounced_date else zero_date,
        "ip": str(c.ip),
        "ua": "" if c.legacy else None,
        "hash": digest,
        "socialdata_lastcheck": zero_time,
        "email_local": "",
        "email_domain": "",
        "sentcnt": str(c.sentcnt),
        "rating_tstamp": zero_date,
        "gravatar": flag(c.id % 3 == 0),
        "deleted": "0",
        "anonymized": "0",
        "adate": None,
        "udate": fmt.iso(c.udate),
        "edate": None,
        "deleted_at": zero_time,
        "created_utc_timestamp": utc_stamp(c.cdate),
        "updated_utc_timestamp": utc_stamp(c.udate),
        "scoreValues": [],
        "links": fmt.links("contacts", c.id, CONTACT_LINKS),
        "id": str(c.id),
        "organization": None,
    }


def membership(fmt: Formatter, m: MembershipRecord, c: ContactRecord) -> Json:
    """A contactList as in GET /contacts/{id}/contactLists."""
    return {
        "contact": str(m.contact_id),
        "list": str(m.list_id),
        "form": None,
        "seriesid": "0",
        "sdate": fmt.iso(m.sdate),
        "udate": fmt.iso(m.udate),
        "status": str(m.status),
        "responder": "1",
        "sync": "0",
        "unsubreason": m.unsubreason,
        "campaign": None if m.campaign_id is None else str(m.campaign_id),
        "message": None if m.message_id is None else str(m.message_id),
        "first_name": c.first_name,
        "last_name": c.last_name,
        "ip4Sub": "0",
        "sourceid": str(m.sourceid),
        "autosyncLog": None,
        "ip4_last": "0",
        "ip4Unsub": "0",
        "created_timestamp": fmt.local_stamp(m.sdate),
        "updated_timestamp": fmt.local_stamp(m.udate),
        "created_by": None,
        "updated_by": None,
        "unsubscribeAutomation": None,
        "links": fmt.links("contactLists", m.id, MEMBERSHIP_LINKS),
        "id": str(m.id),
        "automation": None,
    }


def membership_echo(fmt: Formatter, m: MembershipRecord, c: ContactRecord) -> Json:
    """The contactList echoed by POST /contactLists: no udate/*_timestamp, status an int."""
    body = membership(fmt, m, c)
    for key in ("udate", "created_timestamp", "updated_timestamp", "created_by", "updated_by"):
        del body[key]
    body["status"] = m.status
    body["unsubreason"] = m.unsubreason or ""
    return body


def contact_tag(fmt: Formatter, t: ContactTagRecord) -> Json:
    return {
        "cdate": fmt.iso(t.cdate),
        "contact": str(t.contact_id),
        "id": str(t.id),
        "links": fmt.links("contactTags", t.id, ("contact", "tag")),
        "tag": str(t.tag_id),
    }


def field_value(fmt: Formatter, v: FieldValueRecord, *, authors: bool = False) -> Json:
    """A fieldValue; per-contact listings also carry created_by/updated_by."""
    body: Json = {
        "contact": str(v.contact_id),
        "field": str(v.field_id),
        "value": v.value,
        "cdate": fmt.iso(v.cdate),
        "udate": fmt.iso(v.udate),
    }
    if authors:
        body["created_by"] = "0"
        body["updated_by"] = "0"
    body["links"] = fmt.links("fieldValues", v.id, ("owner", "field"))
    body["id"] = str(v.id)
    body["owner"] = str(v.contact_id)
    return body
