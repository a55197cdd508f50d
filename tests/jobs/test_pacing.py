"""Pacing over real HTTP: a strict rolling-window account with latency jitter never refuses."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from simulator import generate
from tests.conftest import (
    STRICT_LIMIT,
    STRICT_RATE,
    CliResult,
    RunCli,
    StartSimulator,
    make_config,
    now_anchor,
)
from tests.jobs.scenario import build_scenario, prepare


def _report(result: CliResult) -> dict[str, Any]:
    path = Path(result.last_line)
    return json.loads((path.parent / "report.json").read_text(encoding="utf-8"))


def test_a_full_pull_on_the_strict_window_gets_no_refusal(
    simulator: StartSimulator, tmp_path: Path, run_cli: RunCli
) -> None:
    """400 contacts pulled in full through a jittery strict window: no 429 at the server."""
    state = generate(contacts=400, seed=3, anchor=now_anchor())
    state, server = simulator(state=state, **STRICT_LIMIT)
    config = make_config(
        tmp_path, server.url, activecampaign={"requests_per_second": STRICT_RATE, "page_size": 20}
    )
    result = run_cli(config, "pull", "--full")
    assert (result.code, server.stats.rate_limited, server.stats.requests > 1) == (0, 0, True)


def test_a_nightly_on_the_strict_window_gets_no_refusal(
    simulator: StartSimulator, tmp_path: Path, run_cli: RunCli
) -> None:
    """The nightly (pull, reconcile, purge, report) makes no refused request; the report says 0."""
    scenario = build_scenario(simulator, tmp_path, strict=True, policy={"enforce": "apply"})
    prepare(scenario, run_cli)

    result = run_cli(scenario.config, "nightly")

    pull = _report(result)["run"]["pull"]
    assert (pull["rate_limited"], scenario.server.stats.rate_limited) == (0, 0)
    assert scenario.server.stats.requests > 10
