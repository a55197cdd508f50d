"""Parsed ActiveCampaign records: ids as int, datetimes aware UTC or None."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Contact:
    """A contact; names and phone are ``""`` when ActiveCampaign has none."""

    id: int
    email: str
    first_name: str
    last_name: str
    phone: str
    cdate: datetime | None
    udate: datetime | None
    bounced_hard: bool
    bounced_soft: bool
    bounced_date: datetime | None
    # An IP address or browser user agent recorded from the website (site tracking or a web
    # form): data read from the visitor's device, which the cookie statements must cover.
    web_tracked: bool = False


@dataclass(frozen=True)
class Membership:
    """A contact's status on one list: 1 active, 2 unsubscribed, 0 unconfirmed, 3 bounced."""

    contact_id: int
    list_id: int
    status: int
    sdate: datetime | None
    udate: datetime | None
    unsubreason: str
    # The campaign and message whose unsubscribe link set status 2, when ActiveCampaign says.
    campaign: str = ""
    message: str = ""


@dataclass(frozen=True)
class Tag:
    id: int
    tag: str
    tag_type: str


@dataclass(frozen=True)
class ContactTag:
    """A tag on a contact; ``id`` is what ``DELETE contactTags/{id}`` takes."""

    id: int
    contact_id: int
    tag_id: int


@dataclass(frozen=True)
class Field:
    """A custom field definition."""

    id: int
    title: str
    type: str
    perstag: str


@dataclass(frozen=True)
class FieldValue:
    """A contact's value of one custom field; ``None`` when ActiveCampaign sends null."""

    id: int
    contact_id: int
    field_id: int
    value: str | None
    udate: datetime | None


@dataclass(frozen=True)
class MailingList:
    id: int
    name: str
    stringid: str


@dataclass(frozen=True)
class ContactPage:
    """One page of the contact walk with the records side-loaded next to it."""

    contacts: tuple[Contact, ...] = ()
    memberships: tuple[Membership, ...] = ()
    contact_tags: tuple[ContactTag, ...] = ()
    field_values: tuple[FieldValue, ...] = ()
