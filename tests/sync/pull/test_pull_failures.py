"""Pulls against a failing simulator: injected faults are retried, a broken walk saves nothing."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from simulator import SimulatorServer, SimulatorState
from simulator.limits import FaultPlan
from sync.activecampaign.errors import ActiveCampaignError
from sync.pull import pull
from sync.register import connect
from tests.conftest import SIMULATOR_TOKEN, StartSimulator
from tests.sync.pull.support import (
    make_client,
    register_mirror,
    run_pull,
    simulator_mirror,
    sync_state_rows,
)

Connect = Callable[[str], sqlite3.Connection]


@pytest.fixture
def open_register(tmp_path: Path) -> Iterator[Connect]:
    opened: list[sqlite3.Connection] = []

    def open_one(name: str) -> sqlite3.Connection:
        opened.append(connect(tmp_path / name))
        return opened[-1]

    yield open_one
    for conn in opened:
        conn.close()


def test_pull_through_ten_percent_faults_equals_a_fault_free_pull(
    simulator: StartSimulator, open_register: Connect, caplog: pytest.LogCaptureFixture
) -> None:
    """5xx, resets and timeouts are retried; the register ends as a clean pull leaves it."""
    caplog.set_level(logging.DEBUG)
    state, clean_server = simulator(contacts=300, seed=21)
    _, faulty_server = simulator(state=state, faults=0.1, seed=40, timeout_delay=1.0)
    clean, faulty = open_register("clean.sqlite"), open_register("faulty.sqlite")
    faulty_client = make_client(faulty_server, timeout=0.5)

    run_pull(make_client(clean_server), clean, state, page_size=10)
    result = run_pull(faulty_client, faulty, state, page_size=10)

    stats = faulty_server.stats
    assert (result.complete, result.contacts) == (True, 300)
    assert set(stats.faults_by_kind) == {"500", "502", "503", "reset", "slow"}  # seed 40
    assert faulty_client.stats.retries == stats.faults
    assert register_mirror(faulty) == register_mirror(clean) == simulator_mirror(state.snapshot())
    assert SIMULATOR_TOKEN not in caplog.text


def _revoke_token(server: SimulatorServer) -> None:
    server.token = "revoked-token"


def _start_outage(server: SimulatorServer) -> None:
    server.faults = FaultPlan(1.0, seed=0)


@pytest.mark.parametrize(
    ("break_server", "error"),
    [
        (_revoke_token, "GET /api/3/contacts: HTTP 403 forbidden (check the API token)"),
        (
            _start_outage,
            "GET /api/3/contacts: HTTP 503 server error (gave up after 6 attempts)",
        ),
    ],
    ids=["token-revoked", "outage"],
)
def test_pull_failing_half_way_changes_nothing_and_is_recorded_partial(
    simulator: StartSimulator,
    open_register: Connect,
    break_server: Callable[[SimulatorServer], None],
    error: str,
) -> None:
    """The mirror and cursor stay as the last complete pull left them; the attempt is logged."""
    state, server = simulator(contacts=100, seed=22, timeout_delay=1.0)
    conn = open_register("register.sqlite")
    client = make_client(server, timeout=0.5)
    first = run_pull(client, conn, state)
    mirror_before, cursor_before = register_mirror(conn), sync_state_rows(conn)
    ids = sorted(state.contacts)
    state.delete_contact(ids[0])
    state.update_contact(ids[1], first_name="Muuttunut")
    state.set_membership(ids[90], 1, 2)
    state.hooks.append(_break_after_pages(state, server, 2, break_server))

    with pytest.raises(ActiveCampaignError) as raised:
        run_pull(client, conn, state, full=True)

    assert str(raised.value) == error
    assert register_mirror(conn) == mirror_before
    assert sync_state_rows(conn) == cursor_before
    rows = conn.execute(
        "SELECT id, mode, complete, contacts, deleted, error, finished_at IS NOT NULL"
        " FROM pulls ORDER BY id"
    ).fetchall()
    assert [tuple(row) for row in rows] == [
        (first.pull_id, "full", 1, 100, 0, None, 1),
        (first.pull_id + 1, "full", 0, 40, 0, error, 1),
    ]


def _break_after_pages(
    state: SimulatorState,
    server: SimulatorServer,
    pages: int,
    break_server: Callable[[SimulatorServer], None],
) -> Callable[[str, str], None]:
    """A hook that breaks the server once `pages` pages of GET contacts have been served."""
    served: list[str] = []

    def hook(method: str, path: str) -> None:
        if (method, path) == ("GET", "/api/3/contacts"):
            served.append(path)
            if len(served) == pages:
                break_server(server)
                state.hooks.clear()

    return hook


def test_pull_after_a_failed_one_completes_normally(
    simulator: StartSimulator, open_register: Connect
) -> None:
    """Once the server is healthy again the next pull brings the register up to date."""
    state, server = simulator(contacts=100, seed=23)
    conn = open_register("register.sqlite")
    client = make_client(server)
    run_pull(client, conn, state)
    state.delete_contact(sorted(state.contacts)[-1])
    state.hooks.append(_break_after_pages(state, server, 1, _revoke_token))
    with pytest.raises(ActiveCampaignError):
        run_pull(client, conn, state, full=True)
    server.token = SIMULATOR_TOKEN

    result = run_pull(client, conn, state, full=True)

    assert (result.complete, result.contacts, result.deleted) == (True, 99, 1)
    assert register_mirror(conn) == simulator_mirror(state.snapshot())


def test_pull_failing_outside_the_api_is_recorded_by_error_type_only(
    simulator: StartSimulator, open_register: Connect
) -> None:
    """Any other failure also rolls back and is recorded, named by type (messages may hold data)."""
    state, server = simulator(contacts=60, seed=24)
    conn = open_register("register.sqlite")

    saved: list[int] = []

    def fail_on_second_page(count: int) -> None:
        saved.append(count)
        if len(saved) == 2:
            raise RuntimeError("disk full while saving someone@example.fi")

    with pytest.raises(RuntimeError):
        pull(
            client=make_client(server), conn=conn, now=state.now, full=False, full_every_days=7,
            overlap_minutes=0, page_size=20, on_page=fail_on_second_page,
        )  # fmt: skip

    assert register_mirror(conn) == register_mirror(open_register("empty.sqlite"))
    assert sync_state_rows(conn) == {}
    rows = conn.execute("SELECT mode, complete, contacts, error FROM pulls").fetchall()
    assert [tuple(row) for row in rows] == [("full", 0, 40, "RuntimeError")]
