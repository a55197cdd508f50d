"""Synthetic history of a contact: bounces, automations, geo IPs, notes, deals, tracking."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, datetime
from itertools import count

from simulator.names import DEAL_TITLES, NOTES, TRACKING_EVENTS
from simulator.records import (
    AutomationRecord,
    BounceLogRecord,
    ContactExtras,
    ContactRecord,
    DealRecord,
    GeoIpRecord,
    NoteRecord,
    TrackingLogRecord,
)

DAY = 86_400


def to_datetime(ts: int) -> datetime:
    return datetime.fromtimestamp(ts, UTC)


class Timeline:
    """Random moments (epoch seconds) no later than `end`."""

    def __init__(self, rng: random.Random, end: int) -> None:
        self.rng = rng
        self.end = end
        self._ids: defaultdict[str, Iterator[int]] = defaultdict(lambda: count(1))

    def after(self, start: int, within: int | None = None) -> int:
        """A moment in [start, end], or in [start, start + within] capped at end."""
        limit = self.end if within is None else min(self.end, start + within)
        return start + int((limit - start) * self.rng.random())

    def next_id(self, kind: str) -> int:
        """Ids from 1, one sequence per kind of record."""
        return next(self._ids[kind])


class HistoryMaker:
    """Fills `extras` (contact id -> ContactExtras) for the few contacts that have history."""

    def __init__(self, timeline: Timeline) -> None:
        self.t = timeline
        self.extras: dict[int, ContactExtras] = {}

    def _of(self, contact_id: int) -> ContactExtras:
        return self.extras.setdefault(contact_id, ContactExtras())

    def bounce(self, contact: ContactRecord, created: int) -> int | None:
        """Mark ~2% hard and ~3% soft bounces; return the hard-bounce moment, if any."""
        rng, t = self.t.rng, self.t
        roll = rng.random()
        if roll >= 0.05:
            return None
        when = t.after(created)
        hard = roll < 0.02
        contact.bounced_hard, contact.bounced_soft = hard, not hard
        contact.bounced_date = to_datetime(when).date()
        code = 48 if hard else 31
        log = BounceLogRecord(
            t.next_id("bounce_log"),
            contact.id,
            contact.email,
            to_datetime(when),
            rng.randint(1, 40),
            code,
        )
        self._of(contact.id).bounce_logs.append(log)
        return when if hard else None

    def add(self, contact: ContactRecord, created: int) -> None:
        """Automations 15%, geo IPs 20%, notes 3%, deals 2%, tracking logs 5%."""
        rng, t = self.t.rng, self.t
        rolls = [rng.random() for _ in range(5)]
        if min(rolls) >= 0.2:
            return
        extras, cid = self._of(contact.id), contact.id
        if rolls[0] < 0.15:
            added, done = t.after(created), rng.random() < 0.6
            removed = to_datetime(t.after(added, within=30 * DAY)) if done else None
            extras.automations.append(
                AutomationRecord(
                    t.next_id("automation"),
                    cid,
                    rng.randint(1, 3),
                    2 if done else 1,
                    to_datetime(added),
                    removed,
                )
            )
        if rolls[1] < 0.2:
            contact.ip = rng.randint(0x50000000, 0x5FFFFFFF)
            extras.geo_ips.append(
                GeoIpRecord(
                    t.next_id("geo_ip"),
                    cid,
                    contact.ip,
                    to_datetime(t.after(created)),
                    rng.randint(1, 11),
                )
            )
        if rolls[2] < 0.03:
            when = to_datetime(t.after(created))
            extras.notes.append(NoteRecord(t.next_id("note"), cid, rng.choice(NOTES), when))
        if rolls[3] < 0.02:
            extras.deals.append(
                DealRecord(
                    t.next_id("deal"),
                    cid,
                    rng.choice(DEAL_TITLES),
                    rng.randint(100, 50_000) * 100,
                    rng.choice((0, 1, 2)),
                    to_datetime(t.after(created)),
                )
            )
        if rolls[4] < 0.05:
            for _ in range(rng.randint(1, 3)):
                extras.tracking_logs.append(
                    TrackingLogRecord(
                        t.next_id("tracking_log"),
                        cid,
                        rng.choice(TRACKING_EVENTS),
                        f"/tuotteet/{rng.randint(1, 300)}",
                        to_datetime(t.after(created)),
                    )
                )
