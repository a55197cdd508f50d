"""JSON shapes of a contact's read-only history: notes, deals, automations, bounce logs,
geo IPs and addresses, tracking logs and contactData (as in the per-contact samples)."""

from __future__ import annotations

import hashlib

from simulator.records import (
    AutomationRecord,
    BounceLogRecord,
    ContactRecord,
    DealRecord,
    GeoAddressRecord,
    GeoIpRecord,
    NoteRecord,
    TrackingLogRecord,
)
from simulator.render import Formatter, Json, flag

DEAL_LINKS = (
    "dealActivities",
    "contact",
    "contactDeals",
    "group",
    "nextTask",
    "notes",
    "account",
    "customerAccount",
    "organization",
    "owner",
    "scoreValues",
    "stage",
    "tasks",
    "dealCustomFieldData",
)


def note(fmt: Formatter, n: NoteRecord) -> Json:
    return {
        "relid": str(n.contact_id),
        "reltype": "Subscriber",
        "userid": "1",
        "is_draft": "0",
        "cdate": fmt.iso(n.cdate),
        "mdate": fmt.iso(n.cdate),
        "note": n.note,
        "links": fmt.links("notes", n.id, ("activities", "user", "mentions", "notes", "owner")),
        "id": str(n.id),
        "user": "1",
        "owner": {"type": "contact", "id": str(n.contact_id)},
    }


def deal(fmt: Formatter, d: DealRecord) -> Json:
    return {
        "hash": hashlib.md5(f"deal{d.id}".encode(), usedforsecurity=False).hexdigest()[:9],
        "owner": "1",
        "contact": str(d.contact_id),
        "organization": None,
        "group": "1",
        "stage": "1",
        "title": d.title,
        "description": "",
        "percent": "0",
        "cdate": fmt.iso(d.cdate),
        "mdate": fmt.iso(d.cdate),
        "nextdate": None,
        "nexttaskid": None,
        "value": str(d.value_cents),
        "currency": "eur",
        "winProbability": None,
        "winProbabilityMdate": None,
        "status": str(d.status),
        "activitycount": "0",
        "nextdealid": "0",
        "edate": None,
        "links": fmt.links("deals", d.id, DEAL_LINKS),
        "id": str(d.id),
        "isDisabled": False,
        "account": None,
        "customerAccount": None,
    }


def automation(fmt: Formatter, a: AutomationRecord) -> Json:
    done = a.status == 2
    last = a.remdate or a.adddate
    return {
        "contact": str(a.contact_id),
        "seriesid": str(a.automation_id),
        "startid": "0",
        "status": str(a.status),
        "batchid": "completed" if done else None,
        "adddate": fmt.iso(a.adddate),
        "remdate": fmt.iso(a.remdate),
        "timespan": str(int((last - a.adddate).total_seconds())) if done else None,
        "lastblock": "3" if done else "1",
        "lastlogid": "0",
        "lastdate": fmt.iso(last),
        "in_als": "0",
        "completedElements": 3 if done else 1,
        "totalElements": 3,
        "completed": 1 if done else 0,
        "completeValue": 100 if done else 33,
        "links": fmt.links(
            "contactAutomations", a.id, ("automation", "contact", "contactGoals", "automationLogs")
        ),
        "id": str(a.id),
        "automation": str(a.automation_id),
    }


def bounce_log(fmt: Formatter, b: BounceLogRecord) -> Json:
    stamp = fmt.local_stamp(b.tstamp)
    return {
        "tstamp": fmt.iso(b.tstamp),
        "bounceid": "1",
        "subscriberid": str(b.contact_id),
        "campaignid": str(b.campaign_id),
        "messageid": str(b.campaign_id),
        "codeid": str(b.code_id),
        "email": b.email,
        "error": "",
        "source": "Return-Path: <>\nReceived: from mx.example.fi (unknown [192.0.2.1]) ...",
        "created_timestamp": stamp,
        "updated_timestamp": stamp,
        "created_by": None,
        "updated_by": None,
        "links": fmt.links(
            "bounceLogs", b.id, ("bounce", "contact", "campaign", "message", "code")
        ),
        "id": str(b.id),
        "bounce": "1",
        "contact": str(b.contact_id),
        "campaign": str(b.campaign_id),
        "message": str(b.campaign_id),
        "code": str(b.code_id),
    }


def geo_ip(fmt: Formatter, g: GeoIpRecord) -> Json:
    return {
        "contact": str(g.contact_id),
        "campaignid": "0",
        "messageid": "0",
        "geoaddrid": str(g.geo_address_id),
        "ip4": str(g.ip4),
        "tstamp": fmt.iso(g.tstamp),
        "links": fmt.links("geoIps", g.id, ("geoAddress",)),
        "id": str(g.id),
        "geoAddress": str(g.geo_address_id),
    }


def geo_address(fmt: Formatter, a: GeoAddressRecord, g: GeoIpRecord) -> Json:
    """The address a geoIp points to, as side-loaded by GET /contacts/{id}."""
    return {
        "ip4": str(g.ip4),
        "country2": "FI",
        "country": "Finland",
        "state": a.region,
        "city": a.city,
        "zip": a.zip,
        "area": "0",
        "lat": a.lat,
        "lon": a.lon,
        "tz": "Europe/Helsinki",
        "tstamp": fmt.iso(g.tstamp),
        "links": [],
        "id": str(a.id),
    }


def tracking_log(fmt: Formatter, t: TrackingLogRecord) -> Json:
    digest = hashlib.sha1(f"{t.id}:{t.value}".encode(), usedforsecurity=False).hexdigest()
    return {
        "subscriberid": str(t.contact_id),
        "type": t.type,
        "value": t.value,
        "tstamp": fmt.iso(t.tstamp),
        "hash": digest,
        "links": fmt.links("trackingLogs", t.id, ("contact",)),
        "id": str(t.id),
        "contact": str(t.contact_id),
    }


def contact_datum(
    fmt: Formatter, c: ContactRecord, geo: tuple[GeoIpRecord, GeoAddressRecord] | None
) -> Json:
    """contactData of the contact (id = contact id); geo columns filled from its first geoIp."""
    ip, where = geo if geo else (None, None)
    return {
        "contact": str(c.id),
        "tstamp": fmt.iso(c.cdate),
        "geoTstamp": fmt.iso(ip.tstamp) if ip else None,
        "geoIp4": str(ip.ip4) if ip else "0",
        "geoCountry2": "FI" if where else "",
        "geo_country": "Finland" if where else "",
        "geoState": where.region if where else "",
        "geoCity": where.city if where else "",
        "geoZip": where.zip if where else "",
        "geoArea": "0",
        "geoLat": where.lat if where else "0.000000",
        "geoLon": where.lon if where else "0.000000",
        "geoTz": "Europe/Helsinki" if where else "",
        "geoTzOffset": "2.00" if where else "0.00",
        "ga_campaign_source": "",
        "ga_campaign_name": "",
        "ga_campaign_medium": "",
        "ga_campaign_term": "",
        "ga_campaign_content": "",
        "ga_campaign_customsegment": "",
        "ga_first_visit": None,
        "ga_times_visited": "0",
        "fb_id": "0",
        "fb_name": "",
        "tw_id": "0",
        "created_timestamp": fmt.local_stamp(c.cdate),
        "updated_timestamp": fmt.local_stamp(c.cdate),
        "created_by": "0",
        "updated_by": flag(False),
        "links": [],
        "id": str(c.id),
    }
