"""Fixtures: a small generated account, served over real HTTP on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from simulator import SimulatorServer, SimulatorState, generate, serve
from tests.simulator.support import ANCHOR, TOKEN, Api


@pytest.fixture
def state() -> SimulatorState:
    return generate(contacts=300, seed=7, anchor=ANCHOR)


@pytest.fixture
def server(state: SimulatorState) -> Iterator[SimulatorServer]:
    with serve(state, token=TOKEN, rate=0) as running:
        yield running


@pytest.fixture
def api(server: SimulatorServer) -> Iterator[Api]:
    client = Api(server)
    yield client
    client.session.close()
