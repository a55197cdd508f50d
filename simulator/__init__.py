"""A local ActiveCampaign API v3 simulator (SPEC 9): deterministic data, real HTTP on 127.0.0.1.

state = generate(contacts=1000, seed=1, anchor=datetime(2026, 11, 25, tzinfo=UTC))
with serve(state, token="t", rate=5.0) as server:
    ...  # ActiveCampaignClient(base_url=server.url, token="t")
"""

from __future__ import annotations

from simulator.data import generate
from simulator.server import ServerStats, SimulatorServer, run_forever, serve
from simulator.snapshot import ContactSnapshot, MembershipSnapshot, Snapshot
from simulator.state import DuplicateError, SimulatorState

__all__ = [
    "ContactSnapshot",
    "DuplicateError",
    "MembershipSnapshot",
    "ServerStats",
    "SimulatorServer",
    "SimulatorState",
    "Snapshot",
    "generate",
    "run_forever",
    "serve",
]
