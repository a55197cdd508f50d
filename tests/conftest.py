"""Shared test helpers: a simulator over real HTTP and a config.toml pointing at it.

def test_something(simulator, tmp_path):
    state, server = simulator(contacts=50)
    config = make_config(tmp_path, server.url, sync={"full_every_days": 7})
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from simulator import SimulatorServer, SimulatorState, generate, serve

SIMULATOR_TOKEN = "sim-token-0123456789abcdef"

StartSimulator = Callable[..., tuple[SimulatorState, SimulatorServer]]


def now_anchor() -> datetime:
    """The wall clock in whole seconds: the anchor that keeps the simulator's clock near ours."""
    return datetime.now(UTC).replace(microsecond=0)


@pytest.fixture
def simulator() -> Iterator[StartSimulator]:
    """Factory: `simulator(contacts=50, seed=1, state=None, **serve_kwargs)` -> (state, server).

    Without `state` a new account is generated with anchor = now (the simulator's clock is
    anchor + real elapsed time; the pull's cursor is the wall clock). Pass `state` to serve an
    existing account a second time (e.g. once clean, once with faults). Serving defaults to
    `token=SIMULATOR_TOKEN` and `rate=0` (no rate limit); any `serve()` keyword overrides.
    `seed` seeds both the generated data and the fault plan (`faults=`).
    Every server started is shut down at the end of the test.
    """
    servers: list[SimulatorServer] = []

    def start(
        *,
        contacts: int = 50,
        seed: int = 1,
        state: SimulatorState | None = None,
        **serve_kwargs: Any,
    ) -> tuple[SimulatorState, SimulatorServer]:
        if state is None:
            state = generate(contacts=contacts, seed=seed, anchor=now_anchor())
        options: dict[str, Any] = {"token": SIMULATOR_TOKEN, "rate": 0, "seed": seed}
        options.update(serve_kwargs)
        server = serve(state, **options)
        servers.append(server)
        return state, server

    yield start
    for server in servers:
        server.shutdown()


# The strict stand-in for a real account (SPEC 9): rolling 1-second window counted at
# arrival, no burst, 15 ms ± 10 ms latency. A high rate keeps loopback tests fast; the
# property (no second over the rate) is the same as at 5 req/s. Retry-After is short so a
# regression fails on the refusal count, not on a 30 s stall.
STRICT_RATE = 20.0
STRICT_LIMIT: dict[str, Any] = {
    "rate": STRICT_RATE,
    "limit": "window",
    "retry_after": 2,
    "latency": 0.015,
    "jitter": 0.01,
}

# Every test config names its controller: there is no built-in identity (SPEC 2).
TEST_CONTROLLER: dict[str, Any] = {
    "name": "Testiyritys Oy",
    "business_id": "1234567-8",
    "contact": "Tietosuoja, tietosuoja@testiyritys.example, 040 000 0000",
}

TEST_PROCESSOR: dict[str, Any] = {
    "name": "ActiveCampaign, LLC",
    "country": "US",
    "transfer_mechanism": "scc",
    "role": "email marketing platform",
    "purposes": ["newsletter", "customer_offers", "surveys", "orders", "customers"],
    "dpa_signed": "2024-01-15",
}
_BASE_CONFIG: dict[str, Any] = {
    "controller": TEST_CONTROLLER,
    "activecampaign": {"requests_per_second": 200, "timeout_seconds": 5, "max_attempts": 3},
    "register": {
        "database": "var/register.sqlite",
        "inbox": "var/inbox",
        "suppression_key_file": "var/suppression.key",
    },
    "reports": {"dir": "var/reports"},
    # One processor with its purposes and DPA date, so that a test sees DPA_MISSING or a ROPA
    # error only when it configures one; the defaults model the seed's unsigned analytics.
    "processors": [TEST_PROCESSOR],
}


def make_config(tmp_path: Path, base_url: str, **sections: Mapping[str, Any]) -> Path:
    """Write `tmp_path/config.toml` for the simulator at `base_url`; return its path.

    Defaults: 200 requests/s, 5 s timeout, 3 attempts, every file under `tmp_path/var/`, one
    processor (ActiveCampaign, with purposes and a DPA date).
    Each keyword is a section whose keys are merged over the defaults, e.g.
    `make_config(tmp_path, url, sync={"overlap_minutes": 0}, policy={"enforce": "apply"})`;
    a list of mappings (`lists=[{...}, ...]`) becomes an array of tables and replaces the
    default one. The API token is never written here: pass it in the environment.
    """
    merged: dict[str, Any] = {
        key: dict(value) if isinstance(value, Mapping) else [dict(item) for item in value]
        for key, value in _BASE_CONFIG.items()
    }
    merged["activecampaign"]["base_url"] = base_url
    for name, values in sections.items():
        if isinstance(values, Mapping):
            merged[name] = {**merged.get(name, {}), **values}
        else:
            merged[name] = [dict(item) for item in values]
    lines: list[str] = []
    for name, values in merged.items():
        tables = [values] if isinstance(values, dict) else values
        for table in tables:
            lines.append(f"[{name}]" if isinstance(values, dict) else f"[[{name}]]")
            lines.extend(f"{key} = {_toml_value(value)}" for key, value in table.items())
            lines.append("")
    path = tmp_path / "config.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str | Path):
        text = str(value).replace("\\", "\\\\").replace('"', '\\"')
        return f'"{text}"'
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    raise TypeError(f"make_config: cannot write {type(value).__name__} as TOML")


# ---- running the CLI in-process ---------------------------------------------------------


class CliResult:
    """Exit code, stdout and stderr of one in-process `rekisteri` run."""

    def __init__(self, code: int, stdout: str, stderr: str) -> None:
        self.code, self.stdout, self.stderr = code, stdout, stderr

    def __repr__(self) -> str:
        return f"CliResult(code={self.code}, stdout={self.stdout!r}, stderr={self.stderr!r})"

    @property
    def last_line(self) -> str:
        lines = self.stdout.strip().splitlines()
        return lines[-1] if lines else ""


RunCli = Callable[..., CliResult]


@pytest.fixture
def run_cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> RunCli:
    """Factory: `run_cli(config, "request", "list")` runs `rekisteri --config CONFIG --quiet ...`
    in this process (as `jobs.cli.main`) and returns its exit code, stdout and stderr.

    The environment holds SIMULATOR_TOKEN as the API token and no REKISTERI_* variables (set
    them with monkeypatch after requesting this fixture). Pass `config=None` to give no --config.
    """
    import os

    from jobs.cli import main

    for name in [name for name in os.environ if name.startswith("REKISTERI_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("ACTIVECAMPAIGN_API_TOKEN", SIMULATOR_TOKEN)

    def run(config: Path | None, *args: str) -> CliResult:
        capsys.readouterr()
        argv = [*(["--config", str(config)] if config is not None else []), "--quiet", *args]
        code = 0
        try:
            main(argv)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run
