"""A plain, comparable copy of the simulator state, for "register equals simulator" tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from simulator.state import SimulatorState


@dataclass(frozen=True)
class ContactSnapshot:
    """The contact as `sync.activecampaign.models.Contact` should parse it (datetimes aware UTC)."""

    id: int
    email: str
    first_name: str
    last_name: str
    phone: str
    cdate: datetime
    udate: datetime
    bounced_hard: bool
    bounced_soft: bool
    bounced_date: date | None


@dataclass(frozen=True)
class MembershipSnapshot:
    contact_id: int
    list_id: int
    status: int
    sdate: datetime
    udate: datetime
    unsubreason: str | None


@dataclass(frozen=True)
class Snapshot:
    """contacts by id; memberships, contact_tags and field_values as sets/maps keyed by contact."""

    contacts: dict[int, ContactSnapshot]
    memberships: frozenset[MembershipSnapshot]
    contact_tags: frozenset[tuple[int, int]]  # (contact_id, tag_id)
    field_values: dict[tuple[int, int], str]  # (contact_id, field_id) -> value
    lists: dict[int, str]  # id -> name
    fields: dict[int, str]  # id -> title
    tags: dict[int, str]  # id -> tag
    deleted_contact_ids: frozenset[int]


def take_snapshot(state: SimulatorState) -> Snapshot:
    """Copy the state; the caller holds `state.lock`."""
    contacts = {
        c.id: ContactSnapshot(
            c.id,
            c.email,
            c.first_name,
            c.last_name,
            c.phone,
            c.cdate,
            c.udate,
            c.bounced_hard,
            c.bounced_soft,
            c.bounced_date,
        )
        for c in state.contacts.values()
    }
    memberships = frozenset(
        MembershipSnapshot(m.contact_id, m.list_id, m.status, m.sdate, m.udate, m.unsubreason)
        for m in state.memberships.values()
    )
    return Snapshot(
        contacts=contacts,
        memberships=memberships,
        contact_tags=frozenset((t.contact_id, t.tag_id) for t in state.contact_tags.values()),
        field_values={(v.contact_id, v.field_id): v.value for v in state.field_values.values()},
        lists={i: r.name for i, r in state.lists.items()},
        fields={i: r.title for i, r in state.fields.items()},
        tags={i: r.tag for i, r in state.tags.items()},
        deleted_contact_ids=frozenset(state.deleted_contact_ids),
    )
