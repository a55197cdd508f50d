"""Hostile answers over HTTP (SPEC 6.1): every malformed page stops the pull and changes nothing."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from simulator import SimulatorState
from sync.activecampaign.errors import MalformedResponseError
from sync.pull import MassDisappearance, pull
from sync.register import connect
from tests.conftest import StartSimulator
from tests.sync.pull.support import make_client, register_mirror, run_pull, sync_state_rows

# misbehaviour -> the one line the pull stops with (it names the endpoint)
EXPECTED = {
    "empty_body": "GET /api/3/contacts: empty response body",
    "empty_object": "GET /api/3/contacts: no 'contacts' array in the answer",
    "contacts_null": "GET /api/3/contacts: no 'contacts' array in the answer",
    "include_ignored": "GET /api/3/contacts: include ignored, no contactLists in the page",
    "repeated_page": "GET /api/3/contacts: ids did not increase past id_greater (keyset ignored)",
    "truncated_json": "GET /api/3/contacts: response body is not valid JSON",
    "html": "GET /api/3/contacts: response body is not valid JSON",
    "wrong_total": "GET /api/3/contacts: meta.total 40 disagrees with the 0 records on the page",
}


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    connection = connect(tmp_path / "register.sqlite")
    yield connection
    connection.close()


def arm_on_second_page(state: SimulatorState, name: str) -> None:
    """Misbehave on the walk's second contacts page (a repeat needs a page to repeat)."""
    calls: list[str] = []

    def hook(method: str, path: str) -> None:
        if (method, path) == ("GET", "/api/3/contacts"):
            calls.append(path)
            if len(calls) == 2:
                state.misbehave(name, endpoint="contacts", times=1)

    state.hooks.append(hook)


def pulls(conn: sqlite3.Connection) -> list[tuple[object, ...]]:
    rows = conn.execute("SELECT mode, complete, deleted, error FROM pulls ORDER BY id")
    return [tuple(row) for row in rows]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_hostile_page_stops_the_full_pull_and_changes_nothing(
    simulator: StartSimulator, conn: sqlite3.Connection, name: str
) -> None:
    """Each misbehaviour: one line naming the endpoint, mirror and cursor as before, partial."""
    state, server = simulator(contacts=60, seed=5)
    client = make_client(server)
    run_pull(client, conn, state, full=True)
    mirror_before, cursor_before = register_mirror(conn), sync_state_rows(conn)
    arm_on_second_page(state, name)

    with pytest.raises(MalformedResponseError) as raised:
        run_pull(client, conn, state, full=True)

    assert str(raised.value) == EXPECTED[name]
    assert register_mirror(conn) == mirror_before
    assert sync_state_rows(conn) == cursor_before
    assert pulls(conn) == [("full", 1, 0, None), ("full", 0, 0, EXPECTED[name])]
    assert conn.execute("SELECT COUNT(*) FROM ac_deletions").fetchone()[0] == 0


def _full_pull(
    client: object, conn: sqlite3.Connection, state: SimulatorState, *, accept: bool
) -> object:
    return pull(
        client=client,  # type: ignore[arg-type]
        conn=conn,
        now=state.now,
        full=True,
        full_every_days=7,
        overlap_minutes=0,
        page_size=20,
        mass_disappearance_stop=0.2,
        accept_deletions=accept,
    )


def test_a_walk_losing_a_quarter_of_the_mirror_is_a_safety_stop_until_accepted(
    simulator: StartSimulator, conn: sqlite3.Connection
) -> None:
    """15 of 60 gone (above 0.2): stop, nothing changed; --accept-deletions then applies them."""
    state, server = simulator(contacts=60, seed=6)
    client = make_client(server)
    run_pull(client, conn, state, full=True)
    mirror_before, cursor_before = register_mirror(conn), sync_state_rows(conn)
    gone = set(sorted(state.contacts)[:15])
    for contact_id in gone:
        state.delete_contact(contact_id)

    with pytest.raises(MassDisappearance) as raised:
        _full_pull(client, conn, state, accept=False)

    assert (raised.value.gone, raised.value.mirrored) == (15, 60)
    assert register_mirror(conn) == mirror_before
    assert sync_state_rows(conn) == cursor_before
    assert [row[:3] for row in pulls(conn)] == [("full", 1, 0), ("full", 0, 0)]

    _full_pull(client, conn, state, accept=True)

    assert register_mirror(conn) == mirror_before.without(gone)
    deleted = {row[0] for row in conn.execute("SELECT contact_id FROM ac_deletions")}
    assert deleted == gone


def test_a_walk_losing_less_than_the_limit_applies_without_confirmation(
    simulator: StartSimulator, conn: sqlite3.Connection
) -> None:
    """6 of 60 gone (0.1, within 0.2): an ordinary full pull records the deletions."""
    state, server = simulator(contacts=60, seed=7)
    client = make_client(server)
    run_pull(client, conn, state, full=True)
    gone = set(sorted(state.contacts)[10:16])
    for contact_id in gone:
        state.delete_contact(contact_id)

    _full_pull(client, conn, state, accept=False)

    assert {row[0] for row in conn.execute("SELECT contact_id FROM ac_deletions")} == gone
