"""Pulls over real HTTP against the simulator: full, incremental, deletions, rate limit."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from sync.pull import PullResult
from sync.register import connect
from tests.conftest import STRICT_LIMIT, StartSimulator
from tests.sync.pull.support import (
    make_client,
    register_mirror,
    run_pull,
    simulator_mirror,
    sync_state_rows,
)


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    connection = connect(tmp_path / "register.sqlite")
    yield connection
    connection.close()


def ac_deletions(conn: sqlite3.Connection) -> set[tuple[int, int]]:
    return {
        (row[0], row[1]) for row in conn.execute("SELECT contact_id, pull_id FROM ac_deletions")
    }


def test_full_pull_mirrors_the_simulator_exactly(
    simulator: StartSimulator, conn: sqlite3.Connection
) -> None:
    """A first pull walks everything and the register equals the simulated account."""
    state, server = simulator(contacts=250, seed=11)
    before = state.now()

    result = run_pull(make_client(server), conn, state, page_size=20)

    (started,) = conn.execute("SELECT started_at FROM pulls").fetchone()
    assert before <= datetime.fromisoformat(started) <= state.now()

    # lists, fields, tags: one page each; contacts: 13 pages and the empty one that ends it
    assert result == PullResult(
        pull_id=1, mode="full", contacts=250, requests=17, rate_limited=0, deleted=0,
        complete=True,
    )  # fmt: skip
    assert server.stats.requests == 17
    assert register_mirror(conn) == simulator_mirror(state.snapshot())
    assert sync_state_rows(conn) == {"contacts_cursor": started, "last_full_walk": started}
    rows = conn.execute("SELECT mode, complete, contacts, error FROM pulls").fetchall()
    assert [tuple(row) for row in rows] == [("full", 1, 250, None)]


def test_incremental_pull_fetches_only_the_changed_contacts(
    simulator: StartSimulator, conn: sqlite3.Connection
) -> None:
    """After a full pull, a few changes in ActiveCampaign are all an incremental pull reads."""
    state, server = simulator(contacts=200, seed=12)
    client = make_client(server)
    run_pull(client, conn, state)
    ids = sorted(state.contacts)
    untagged = min(set(state.tags) - {t.tag_id for t in state.contact_tags_of(ids[2])})
    with_tags = sorted({t.contact_id for t in state.contact_tags.values()} - set(ids[:5]))

    state.touch(ids[0])
    state.set_membership(ids[1], 1, 2, unsubreason="liian usein")
    state.add_contact_tag(ids[2], untagged)
    state.set_field_value(ids[3], 2, "Oulu")
    state.update_contact(ids[4], first_name="Uusi", phone="+358 40 123 4567")
    state.remove_contact_tag(state.contact_tags_of(with_tags[0])[0].id)
    state.add_contact("uusi.tilaaja@example.fi", "Uusi", "Tilaaja")
    before = server.stats.requests

    result = run_pull(client, conn, state, overlap_minutes=0)

    assert result == PullResult(
        pull_id=2, mode="incremental", contacts=7, requests=5, rate_limited=0, deleted=0,
        complete=True,
    )  # fmt: skip
    assert server.stats.requests - before == 5
    assert register_mirror(conn) == simulator_mirror(state.snapshot())


def test_contacts_deleted_during_a_full_walk_are_neither_lost_nor_skipped(
    simulator: StartSimulator, conn: sqlite3.Connection
) -> None:
    """Deletions behind the keyset cursor stay until the next full walk; none is skipped."""
    state, server = simulator(contacts=200, seed=13)
    client = make_client(server)
    run_pull(client, conn, state, full=True)
    ids = sorted(state.contacts)
    fetched_then_deleted = {ids[5], ids[39]}  # page 1, and the last id of page 2 (the cursor)
    not_yet_fetched = ids[100]
    calls: list[str] = []

    def delete_after_second_page(method: str, path: str) -> None:
        if (method, path) == ("GET", "/api/3/contacts"):
            calls.append(path)
            if len(calls) == 2:
                for contact_id in (*fetched_then_deleted, not_yet_fetched):
                    state.delete_contact(contact_id)

    state.hooks.append(delete_after_second_page)
    second = run_pull(client, conn, state, full=True)
    state.hooks.clear()
    expected = simulator_mirror(state.snapshot())

    assert (second.contacts, second.deleted) == (199, 1)
    assert register_mirror(conn).without(fetched_then_deleted) == expected
    assert {row[0] for row in conn.execute("SELECT id FROM contacts")} == (
        set(state.contacts) | fetched_then_deleted
    )
    assert ac_deletions(conn) == {(not_yet_fetched, second.pull_id)}

    third = run_pull(client, conn, state, full=True)

    assert (third.contacts, third.deleted) == (197, 2)
    assert register_mirror(conn) == expected
    assert ac_deletions(conn) == {
        (not_yet_fetched, second.pull_id),
        *((contact_id, third.pull_id) for contact_id in fetched_then_deleted),
    }


def test_incremental_pull_keeps_contacts_it_cannot_see_deleted(
    simulator: StartSimulator, conn: sqlite3.Connection
) -> None:
    """An incremental pull cannot see deletions; the next full walk records them."""
    state, server = simulator(contacts=60, seed=14)
    client = make_client(server)
    run_pull(client, conn, state)
    gone = sorted(state.contacts)[10]
    state.delete_contact(gone)

    incremental = run_pull(client, conn, state)
    held = {row[0] for row in conn.execute("SELECT id FROM contacts")}
    full = run_pull(client, conn, state, full=True)

    assert (incremental.mode, incremental.contacts, incremental.deleted) == ("incremental", 0, 0)
    assert held == set(state.contacts) | {gone}
    assert (full.mode, full.deleted) == ("full", 1)
    assert ac_deletions(conn) == {(gone, full.pull_id)}
    assert register_mirror(conn) == simulator_mirror(state.snapshot())


def test_pull_at_five_requests_per_second_is_never_rate_limited(
    simulator: StartSimulator, conn: sqlite3.Connection
) -> None:
    """The client's throttle keeps a strict, jittery 5 req/s window free of 429s."""
    state, server = simulator(contacts=60, seed=15, **{**STRICT_LIMIT, "rate": 5})

    result = run_pull(make_client(server, rate=5), conn, state, page_size=20)

    assert (result.requests, result.rate_limited, server.stats.rate_limited) == (7, 0, 0)
    assert register_mirror(conn) == simulator_mirror(state.snapshot())
