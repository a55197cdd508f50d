"""Helpers for the pull integration tests: comparable mirrors and a fast client."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from simulator import SimulatorServer, SimulatorState, Snapshot
from sync.activecampaign.client import ActiveCampaignClient
from sync.activecampaign.throttle import Throttle
from sync.pull import PullResult, pull
from sync.register.db import iso
from tests.conftest import SIMULATOR_TOKEN

ContactRow = tuple[int, str, str, str, str, str, str, bool, bool, str | None]
MembershipRow = tuple[int, int, int, str | None, str | None, str]


@dataclass(frozen=True)
class Mirror:
    """Everything a pull mirrors, in a form both the register and the simulator reduce to."""

    contacts: frozenset[ContactRow]
    memberships: frozenset[MembershipRow]
    contact_tags: frozenset[tuple[int, int]]
    field_values: dict[tuple[int, int], str | None]
    lists: dict[int, str]
    fields: dict[int, str]
    tags: dict[int, str]

    def without(self, contact_ids: set[int]) -> Mirror:
        """The same mirror minus everything about the given contacts."""
        return Mirror(
            contacts=frozenset(c for c in self.contacts if c[0] not in contact_ids),
            memberships=frozenset(m for m in self.memberships if m[0] not in contact_ids),
            contact_tags=frozenset(t for t in self.contact_tags if t[0] not in contact_ids),
            field_values={k: v for k, v in self.field_values.items() if k[0] not in contact_ids},
            lists=self.lists,
            fields=self.fields,
            tags=self.tags,
        )


def _day(value: date | None) -> str | None:
    return None if value is None else iso(datetime(value.year, value.month, value.day, tzinfo=UTC))


def simulator_mirror(snapshot: Snapshot) -> Mirror:
    """What the register should hold after a complete pull of this snapshot."""
    return Mirror(
        contacts=frozenset(
            (
                c.id,
                c.email,
                c.first_name,
                c.last_name,
                c.phone,
                iso(c.cdate) or "",
                iso(c.udate) or "",
                c.bounced_hard,
                c.bounced_soft,
                _day(c.bounced_date),
            )
            for c in snapshot.contacts.values()
        ),
        memberships=frozenset(
            (m.contact_id, m.list_id, m.status, iso(m.sdate), iso(m.udate), m.unsubreason or "")
            for m in snapshot.memberships
        ),
        contact_tags=snapshot.contact_tags,
        field_values=dict(snapshot.field_values),
        lists=dict(snapshot.lists),
        fields=dict(snapshot.fields),
        tags=dict(snapshot.tags),
    )


def register_mirror(conn: sqlite3.Connection) -> Mirror:
    """The register's mirror tables, whole."""
    contacts = conn.execute(
        "SELECT id, email, first_name, last_name, phone, cdate, udate, bounced_hard,"
        " bounced_soft, bounced_date FROM contacts"
    )
    return Mirror(
        contacts=frozenset(
            (*row[:7], bool(row[7]), bool(row[8]), row[9]) for row in contacts.fetchall()
        ),
        memberships=frozenset(
            tuple(row)
            for row in conn.execute(
                "SELECT contact_id, list_id, status, sdate, udate, unsubreason FROM memberships"
            )
        ),
        contact_tags=frozenset(
            tuple(row) for row in conn.execute("SELECT contact_id, tag_id FROM contact_tags")
        ),
        field_values={
            (row[0], row[1]): row[2]
            for row in conn.execute("SELECT contact_id, field_id, value FROM field_values")
        },
        lists={row[0]: row[1] for row in conn.execute("SELECT id, name FROM lists")},
        fields={row[0]: row[1] for row in conn.execute("SELECT id, title FROM fields")},
        tags={row[0]: row[1] for row in conn.execute("SELECT id, tag FROM tags")},
    )


def sync_state_rows(conn: sqlite3.Connection) -> dict[str, str]:
    """The cursor and last-full-walk values as stored."""
    return {row[0]: row[1] for row in conn.execute("SELECT key, value FROM sync_state")}


@dataclass
class RecordedSleep:
    """Stands in for time.sleep in the client's retry waits: records, never blocks."""

    calls: list[float] = field(default_factory=list)

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


def make_client(
    server: SimulatorServer,
    *,
    token: str = SIMULATOR_TOKEN,
    rate: float = 200.0,
    timeout: float = 5.0,
    max_attempts: int = 6,
    sleep: Callable[[float], None] | None = None,
) -> ActiveCampaignClient:
    """A client of this server with its own throttle (real time) and non-blocking retry waits."""
    return ActiveCampaignClient(
        server.url,
        token,
        requests_per_second=rate,
        timeout_seconds=timeout,
        max_attempts=max_attempts,
        sleep=sleep or RecordedSleep(),
        throttle=Throttle(rate),
    )


def run_pull(
    client: ActiveCampaignClient,
    conn: sqlite3.Connection,
    state: SimulatorState,
    *,
    full: bool = False,
    page_size: int = 20,
    overlap_minutes: int = 0,
) -> PullResult:
    """One pull on the simulator's clock (so cursor and udates share one timeline)."""
    return pull(
        client=client,
        conn=conn,
        now=state.now,
        full=full,
        full_every_days=7,
        overlap_minutes=overlap_minutes,
        page_size=page_size,
    )
