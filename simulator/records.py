"""Records the simulator keeps in memory: one dataclass per ActiveCampaign object.

All datetimes are aware UTC with whole seconds; rendering converts them to the account's zone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(slots=True)
class ContactRecord:
    id: int
    email: str
    first_name: str
    last_name: str
    phone: str
    cdate: datetime
    udate: datetime
    bounced_hard: bool = False
    bounced_soft: bool = False
    bounced_date: date | None = None
    ip: int = 0
    legacy: bool = False  # rendered with MySQL zero dates ("0000-00-00") instead of null
    sentcnt: int = 0


@dataclass(slots=True)
class MembershipRecord:
    id: int
    contact_id: int
    list_id: int
    status: int  # 1 active, 2 unsubscribed, 0 unconfirmed, 3 bounced
    sdate: datetime
    udate: datetime
    unsubreason: str | None = None
    sourceid: int = 0
    # The campaign and message whose unsubscribe link set status 2 (None otherwise).
    campaign_id: int | None = None
    message_id: int | None = None


@dataclass(slots=True)
class ContactTagRecord:
    id: int
    contact_id: int
    tag_id: int
    cdate: datetime


@dataclass(slots=True)
class FieldValueRecord:
    id: int
    contact_id: int
    field_id: int
    value: str
    cdate: datetime
    udate: datetime


@dataclass(frozen=True, slots=True)
class ListRecord:
    id: int
    name: str
    stringid: str
    cdate: datetime
    sender_reminder: str


@dataclass(frozen=True, slots=True)
class FieldRecord:
    id: int
    title: str
    type: str
    perstag: str
    cdate: datetime
    options: tuple[str, ...] = ()


@dataclass(slots=True)
class TagRecord:
    id: int
    tag: str
    tag_type: str
    description: str
    cdate: datetime


@dataclass(frozen=True, slots=True)
class GeoAddressRecord:
    id: int
    city: str
    region: str
    zip: str
    lat: str
    lon: str


@dataclass(frozen=True, slots=True)
class NoteRecord:
    id: int
    contact_id: int
    note: str
    cdate: datetime


@dataclass(frozen=True, slots=True)
class DealRecord:
    id: int
    contact_id: int
    title: str
    value_cents: int
    status: int  # 0 open, 1 won, 2 lost
    cdate: datetime


@dataclass(frozen=True, slots=True)
class AutomationRecord:
    id: int
    contact_id: int
    automation_id: int
    status: int  # 1 active, 2 completed
    adddate: datetime
    remdate: datetime | None


@dataclass(frozen=True, slots=True)
class BounceLogRecord:
    id: int
    contact_id: int
    email: str
    tstamp: datetime
    campaign_id: int
    code_id: int


@dataclass(frozen=True, slots=True)
class GeoIpRecord:
    id: int
    contact_id: int
    ip4: int
    tstamp: datetime
    geo_address_id: int


@dataclass(frozen=True, slots=True)
class TrackingLogRecord:
    id: int
    contact_id: int
    type: str
    value: str
    tstamp: datetime


@dataclass(slots=True)
class ContactExtras:
    """Read-only history of one contact (only served to access exports)."""

    notes: list[NoteRecord] = field(default_factory=list)
    deals: list[DealRecord] = field(default_factory=list)
    automations: list[AutomationRecord] = field(default_factory=list)
    bounce_logs: list[BounceLogRecord] = field(default_factory=list)
    geo_ips: list[GeoIpRecord] = field(default_factory=list)
    tracking_logs: list[TrackingLogRecord] = field(default_factory=list)
