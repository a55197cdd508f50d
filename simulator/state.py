"""In-memory, thread-safe state of one simulated ActiveCampaign account.

Read the public dicts freely (under `state.lock` if a server is running); change them only
through the methods, which keep the indexes right and bump the contact's `udate`.
"""

from __future__ import annotations

import bisect
import threading
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from simulator.misbehave import Misbehaviours
from simulator.records import (
    ContactExtras,
    ContactRecord,
    ContactTagRecord,
    FieldRecord,
    FieldValueRecord,
    GeoAddressRecord,
    ListRecord,
    MembershipRecord,
    TagRecord,
)
from simulator.snapshot import Snapshot, take_snapshot

Clock = Callable[[], datetime]
Hook = Callable[[str, str], None]


class DuplicateError(ValueError):
    """The object already exists (e.g. the contact already has the tag)."""


def email_key(email: str) -> str:
    """How the simulator matches emails: surrounding whitespace ignored, case-insensitive."""
    return email.strip().lower()


class SimulatorState:
    """Everything the simulated account holds, plus the indexes the endpoints need."""

    def __init__(
        self,
        *,
        anchor: datetime,
        timezone: str,
        lists: dict[int, ListRecord],
        fields: dict[int, FieldRecord],
        tags: dict[int, TagRecord],
        geo_addresses: dict[int, GeoAddressRecord],
        contacts: Iterable[ContactRecord] = (),
        memberships: Iterable[MembershipRecord] = (),
        contact_tags: Iterable[ContactTagRecord] = (),
        field_values: Iterable[FieldValueRecord] = (),
        extras: dict[int, ContactExtras] | None = None,
    ) -> None:
        self.lock = threading.RLock()
        self.anchor = anchor
        self.timezone = ZoneInfo(timezone)
        self.lists = lists
        self.fields = fields
        self.tags = tags
        self.geo_addresses = geo_addresses
        self.contacts: dict[int, ContactRecord] = {c.id: c for c in contacts}
        self.memberships: dict[int, MembershipRecord] = {m.id: m for m in memberships}
        self.contact_tags: dict[int, ContactTagRecord] = {t.id: t for t in contact_tags}
        self.field_values: dict[int, FieldValueRecord] = {v.id: v for v in field_values}
        self.extras: dict[int, ContactExtras] = extras or {}
        self.deleted_contact_ids: set[int] = set()
        self.hooks: list[Hook] = []
        self.misbehaviours = Misbehaviours()
        # Real accounts that ignore what they are asked (SPEC 9): `include` side-loading, or
        # named GET /contacts filters (e.g. "listid", "tagid"), answered as if never sent.
        self.ignore_include = False
        self.ignored_filters: set[str] = set()
        started = time.monotonic()
        self.clock: Clock = lambda: anchor + timedelta(seconds=time.monotonic() - started)
        self._reindex()

    def misbehave(self, name: str, *, endpoint: str = "contacts", times: int = 1) -> None:
        """Answer the next ``times`` GETs of ``endpoint`` with a hostile body (misbehave.py)."""
        self.misbehaviours.arm(name, endpoint=endpoint, times=times)

    def _reindex(self) -> None:
        self.contact_order: list[int] = sorted(self.contacts)
        self._by_email: dict[str, set[int]] = {}
        for contact in self.contacts.values():
            self._by_email.setdefault(email_key(contact.email), set()).add(contact.id)
        self._lists_of: dict[int, dict[int, int]] = {}
        for m in self.memberships.values():
            self._lists_of.setdefault(m.contact_id, {})[m.list_id] = m.id
        self._tags_of: dict[int, dict[int, int]] = {}
        for t in self.contact_tags.values():
            self._tags_of.setdefault(t.contact_id, {})[t.tag_id] = t.id
        self._values_of: dict[int, dict[int, int]] = {}
        for v in self.field_values.values():
            self._values_of.setdefault(v.contact_id, {})[v.field_id] = v.id
        self._last_id = {
            "contact": max(self.contacts, default=0),
            "membership": max(self.memberships, default=0),
            "contact_tag": max(self.contact_tags, default=0),
            "field_value": max(self.field_values, default=0),
            "tag": max(self.tags, default=0),
        }

    def _next_id(self, kind: str) -> int:
        self._last_id[kind] += 1
        return self._last_id[kind]

    # ---- clock -------------------------------------------------------------------------

    def now(self) -> datetime:
        """The simulated time (UTC, whole seconds): `anchor` + real elapsed, or `state.clock()`."""
        return self.clock().astimezone(UTC).replace(microsecond=0)

    # ---- reads -------------------------------------------------------------------------

    def contact_ids_by_email(self, email: str) -> list[int]:
        """Ids whose email matches case-insensitively (whitespace around ignored), ascending."""
        with self.lock:
            return sorted(self._by_email.get(email_key(email), ()))

    def memberships_of(self, contact_id: int) -> list[MembershipRecord]:
        """The contact's list memberships in id order."""
        with self.lock:
            ids = sorted(self._lists_of.get(contact_id, {}).values())
            return [self.memberships[i] for i in ids]

    def membership(self, contact_id: int, list_id: int) -> MembershipRecord | None:
        """The membership of the contact on the list, if any."""
        with self.lock:
            membership_id = self._lists_of.get(contact_id, {}).get(list_id)
            return None if membership_id is None else self.memberships[membership_id]

    def contact_tags_of(self, contact_id: int) -> list[ContactTagRecord]:
        """The contact's contactTags in id order."""
        with self.lock:
            ids = sorted(self._tags_of.get(contact_id, {}).values())
            return [self.contact_tags[i] for i in ids]

    def field_values_of(self, contact_id: int) -> list[FieldValueRecord]:
        """The contact's fieldValues in id order."""
        with self.lock:
            ids = sorted(self._values_of.get(contact_id, {}).values())
            return [self.field_values[i] for i in ids]

    def extras_of(self, contact_id: int) -> ContactExtras:
        """Notes, deals, automations, bounce logs, geo IPs and tracking logs of the contact."""
        with self.lock:
            return self.extras.get(contact_id) or ContactExtras()

    def snapshot(self) -> Snapshot:
        """Plain, comparable copy of what a pull should mirror (see `snapshot.Snapshot`)."""
        with self.lock:
            return take_snapshot(self)

    # ---- writes (each bumps the contact's udate) -----------------------------------------

    def touch(self, contact_id: int, at: datetime | None = None) -> None:
        """Set the contact's udate to `at` (default `now()`), as any change in AC does."""
        with self.lock:
            self.contacts[contact_id].udate = at or self.now()

    def add_contact(
        self,
        email: str,
        first_name: str = "",
        last_name: str = "",
        *,
        phone: str = "",
        at: datetime | None = None,
    ) -> int:
        """Create a contact (no lists, tags or fields) and return its new id."""
        with self.lock:
            when = at or self.now()
            contact_id = self._next_id("contact")
            self.contacts[contact_id] = ContactRecord(
                contact_id, email, first_name, last_name, phone, when, when
            )
            self.contact_order.append(contact_id)
            self._by_email.setdefault(email_key(email), set()).add(contact_id)
            return contact_id

    def update_contact(
        self,
        contact_id: int,
        *,
        email: str | None = None,
        first_name: str | None = None,
        last_name: str | None = None,
        phone: str | None = None,
    ) -> ContactRecord:
        """Change the given attributes of the contact."""
        with self.lock:
            contact = self.contacts[contact_id]
            if email is not None:
                self._by_email[email_key(contact.email)].discard(contact_id)
                contact.email = email
                self._by_email.setdefault(email_key(email), set()).add(contact_id)
            if first_name is not None:
                contact.first_name = first_name
            if last_name is not None:
                contact.last_name = last_name
            if phone is not None:
                contact.phone = phone
            self.touch(contact_id)
            return contact

    def delete_contact(self, contact_id: int) -> bool:
        """Delete the contact with its memberships, tags, field values and history."""
        with self.lock:
            contact = self.contacts.pop(contact_id, None)
            if contact is None:
                return False
            index = bisect.bisect_left(self.contact_order, contact_id)
            del self.contact_order[index]
            self._by_email[email_key(contact.email)].discard(contact_id)
            for membership_id in self._lists_of.pop(contact_id, {}).values():
                del self.memberships[membership_id]
            for contact_tag_id in self._tags_of.pop(contact_id, {}).values():
                del self.contact_tags[contact_tag_id]
            for field_value_id in self._values_of.pop(contact_id, {}).values():
                del self.field_values[field_value_id]
            self.extras.pop(contact_id, None)
            self.deleted_contact_ids.add(contact_id)
            return True

    def set_membership(
        self,
        contact_id: int,
        list_id: int,
        status: int,
        *,
        unsubreason: str | None = None,
        at: datetime | None = None,
    ) -> MembershipRecord:
        """Create or change the contact's status on the list; sdate is reset on (re)subscribe."""
        with self.lock:
            if contact_id not in self.contacts:
                raise KeyError(contact_id)
            if list_id not in self.lists:
                raise KeyError(list_id)
            when = at or self.now()
            membership = self.membership(contact_id, list_id)
            if membership is None:
                membership = MembershipRecord(
                    self._next_id("membership"), contact_id, list_id, status, when, when
                )
                self.memberships[membership.id] = membership
                self._lists_of.setdefault(contact_id, {})[list_id] = membership.id
            elif status == 1 and membership.status != 1:
                membership.sdate = when
            membership.status = status
            membership.udate = when
            membership.unsubreason = unsubreason if status == 2 else None
            membership.campaign_id = membership.message_id = None
            self.touch(contact_id, when)
            return membership

    def unsubscribe_link(
        self,
        contact_id: int,
        list_id: int,
        *,
        campaign_id: int,
        message_id: int,
        reason: str = "",
        at: datetime | None = None,
    ) -> MembershipRecord:
        """The contact clicks the unsubscribe link of a campaign's message: status 2 with the
        reason given and the campaign and message recorded, as ActiveCampaign does."""
        with self.lock:
            membership = self.set_membership(
                contact_id, list_id, 2, unsubreason=reason or None, at=at
            )
            membership.campaign_id, membership.message_id = campaign_id, message_id
            return membership

    def add_tag(self, name: str, *, tag_type: str = "contact", description: str = "") -> TagRecord:
        """Create a tag; a second tag with the same name (case-insensitive) is refused."""
        with self.lock:
            if any(t.tag.lower() == name.lower() for t in self.tags.values()):
                raise DuplicateError(name)
            tag = TagRecord(self._next_id("tag"), name, tag_type, description, self.now())
            self.tags[tag.id] = tag
            return tag

    def add_contact_tag(self, contact_id: int, tag_id: int) -> ContactTagRecord:
        """Tag the contact; raises DuplicateError if it already has the tag."""
        with self.lock:
            if contact_id not in self.contacts:
                raise KeyError(contact_id)
            if tag_id not in self.tags:
                raise KeyError(tag_id)
            if tag_id in self._tags_of.get(contact_id, {}):
                raise DuplicateError(f"{contact_id}:{tag_id}")
            record = ContactTagRecord(self._next_id("contact_tag"), contact_id, tag_id, self.now())
            self.contact_tags[record.id] = record
            self._tags_of.setdefault(contact_id, {})[tag_id] = record.id
            self.touch(contact_id, record.cdate)
            return record

    def remove_contact_tag(self, contact_tag_id: int) -> bool:
        """Remove a contactTag by its own id; False if there is none."""
        with self.lock:
            record = self.contact_tags.pop(contact_tag_id, None)
            if record is None:
                return False
            del self._tags_of[record.contact_id][record.tag_id]
            self.touch(record.contact_id)
            return True

    def set_field_value(self, contact_id: int, field_id: int, value: str) -> FieldValueRecord:
        """Create or overwrite the contact's value of the field."""
        with self.lock:
            if contact_id not in self.contacts:
                raise KeyError(contact_id)
            if field_id not in self.fields:
                raise KeyError(field_id)
            when = self.now()
            value_id = self._values_of.get(contact_id, {}).get(field_id)
            if value_id is None:
                record = FieldValueRecord(
                    self._next_id("field_value"), contact_id, field_id, value, when, when
                )
                self.field_values[record.id] = record
                self._values_of.setdefault(contact_id, {})[field_id] = record.id
            else:
                record = self.field_values[value_id]
                record.value = value
                record.udate = when
            self.touch(contact_id, when)
            return record
