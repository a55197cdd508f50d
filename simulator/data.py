"""Deterministic synthetic data for the simulator: `generate(contacts=, seed=, anchor=)`."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime

from simulator import catalog as cat
from simulator.history import DAY, HistoryMaker, Timeline, to_datetime
from simulator.names import (
    CITY_VALUES,
    FIRST_NAMES,
    INTERESTS,
    LAST_NAMES,
    UNSUBSCRIBE_REASONS,
)
from simulator.people import PersonMaker
from simulator.records import (
    ContactRecord,
    ContactTagRecord,
    FieldValueRecord,
    MembershipRecord,
)
from simulator.state import SimulatorState

YEAR = 365 * DAY


def generate(
    *, contacts: int, seed: int, anchor: datetime, timezone: str = cat.DEFAULT_TIMEZONE
) -> SimulatorState:
    """Build an account with `contacts` contacts; the same arguments give the same data."""
    if anchor.tzinfo is None:
        raise ValueError("anchor must be timezone-aware")
    if contacts < 0:
        raise ValueError("contacts must be >= 0")
    anchor = anchor.astimezone(UTC).replace(microsecond=0)
    builder = _Builder(random.Random(seed), int(anchor.timestamp()))
    builder.build(contacts)
    return SimulatorState(
        anchor=anchor,
        timezone=timezone,
        lists=cat.build_lists(anchor),
        fields=cat.build_fields(anchor),
        tags=cat.build_tags(anchor),
        geo_addresses=cat.build_geo_addresses(),
        contacts=builder.contacts,
        memberships=builder.memberships,
        contact_tags=builder.contact_tags,
        field_values=builder.field_values,
        extras=builder.history.extras,
    )


class _Builder:
    """Draws every contact, in id order, from one seeded RNG; times are epoch seconds."""

    def __init__(self, rng: random.Random, end: int) -> None:
        self.rng = rng
        self.end = end
        self.t = Timeline(rng, end)
        self.people = PersonMaker(rng)
        self.history = HistoryMaker(self.t)
        self.contacts: list[ContactRecord] = []
        self.memberships: list[MembershipRecord] = []
        self.contact_tags: list[ContactTagRecord] = []
        self.field_values: list[FieldValueRecord] = []

    def build(self, count: int) -> None:
        """cdates spread over five years before the anchor; ids ascend with cdate, with gaps."""
        rng = self.rng
        created = sorted(self.end - 3600 - int(5 * YEAR * rng.random()) for _ in range(count))
        contact_id = 0
        for cdate in created:
            contact_id += 1 if rng.random() > 0.03 else rng.randint(2, 6)
            self._contact(contact_id, cdate)

    def _contact(self, contact_id: int, created: int) -> None:
        rng = self.rng
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        email = self.people.email(first, last)
        if rng.random() < 0.03:
            first = last = ""  # signed up with an email only
        when = to_datetime(created)
        contact = ContactRecord(contact_id, email, first, last, self.people.phone(), when, when)
        contact.legacy = created < self.end - 3 * YEAR
        self.contacts.append(contact)
        bounce = self.history.bounce(contact, created)
        customer = rng.random() < 0.45
        latest = max(
            created,
            self._memberships(contact, created, bounce, customer),
            self._tags(contact_id, created, customer),
            self._field_values(contact_id, created),
        )
        self.history.add(contact, created)
        if rng.random() < 0.2:
            latest = max(latest, self.t.after(created))  # a profile edit
        contact.udate = to_datetime(latest)

    def _memberships(
        self, contact: ContactRecord, created: int, bounce: int | None, customer: bool
    ) -> int:
        """Customers are on the service list; ~18% of all contacts end up on no list."""
        rng, t = self.rng, self.t
        plan = [cat.LIST_ORDER_CONFIRMATIONS] if customer else []
        if rng.random() < 0.55:
            plan.append(cat.LIST_NEWSLETTER)
        if rng.random() < (0.6 if customer else 0.08):
            plan.append(cat.LIST_OFFERS)
        if rng.random() < 0.2:
            plan.append(cat.LIST_SURVEYS)
        latest = created
        for list_id in sorted(plan):
            sdate = t.after(created, within=3 * DAY)
            roll = rng.random()
            status = 1 if roll < 0.78 else 2 if roll < 0.90 else 0 if roll < 0.95 else 3
            udate = sdate if status != 2 and rng.random() < 0.7 else t.after(sdate)
            if bounce is not None and status == 1:
                status, udate = 3, max(sdate, bounce)
            reason = None
            if status == 2:
                reason = rng.choice(UNSUBSCRIBE_REASONS) if rng.random() < 0.5 else ""
            membership = MembershipRecord(
                t.next_id("membership"),
                contact.id,
                list_id,
                status,
                to_datetime(sdate),
                to_datetime(udate),
                reason,
                rng.choice((0, 1, 3, 4)),
            )
            self.memberships.append(membership)
            latest = max(latest, udate)
        if plan:
            contact.sentcnt = rng.randint(0, 150)
        return latest

    def _tags(self, contact_id: int, created: int, customer: bool) -> int:
        rng, t = self.rng, self.t
        shares = (
            (cat.TAG_CUSTOMER, 0.9 if customer else 0.02),
            (cat.TAG_VIP, 0.07 if customer else 0.0),
            (cat.TAG_WEBINAR_2025, 0.08),
            (cat.TAG_FAIR_2024, 0.06),
            (cat.TAG_RAFFLE_2023, 0.05),
        )
        latest = created
        for tag_id, share in shares:
            if rng.random() < share:
                when = t.after(created)
                record_id = t.next_id("contact_tag")
                record = ContactTagRecord(record_id, contact_id, tag_id, to_datetime(when))
                self.contact_tags.append(record)
                latest = max(latest, when)
        return latest

    def _field_values(self, contact_id: int, created: int) -> int:
        rng, t = self.rng, self.t
        values: list[tuple[int, str]] = []
        if rng.random() < 0.6:
            values.append((cat.FIELD_CITY, rng.choice(CITY_VALUES)))
        if rng.random() < 0.4:
            picked = set(rng.sample(INTERESTS, rng.randint(1, 3)))
            chosen = [name for name in INTERESTS if name in picked]
            values.append((cat.FIELD_INTERESTS, "||" + "||".join(chosen) + "||"))
        if rng.random() < 0.25:
            born = date(rng.randint(1945, 2005), rng.randint(1, 12), rng.randint(1, 28))
            values.append((cat.FIELD_BIRTHDAY, born.isoformat()))
        if rng.random() < 0.3:
            values.append((cat.FIELD_MARKETING_PERMISSION, "||Kyllä||"))
        latest = created
        for field_id, value in sorted(values):
            cdate = t.after(created, within=DAY)
            udate = cdate if rng.random() < 0.8 else t.after(cdate)
            record = FieldValueRecord(
                t.next_id("field_value"),
                contact_id,
                field_id,
                value,
                to_datetime(cdate),
                to_datetime(udate),
            )
            self.field_values.append(record)
            latest = max(latest, udate)
        return latest
