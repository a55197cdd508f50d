"""`python -m jobs` against the simulator: exit codes, one-line errors, the token kept secret."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

from tests.conftest import SIMULATOR_TOKEN, StartSimulator, make_config

REPO = Path(__file__).resolve().parents[3]


def rekisteri(*args: str, token: str) -> subprocess.CompletedProcess[bytes]:
    """Run the CLI in a fresh interpreter: this API token, no REKISTERI_* overrides."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("REKISTERI_")}
    env.update({"ACTIVECAMPAIGN_API_TOKEN": token, "PYTHONPATH": str(REPO)})
    return subprocess.run(
        [sys.executable, "-m", "jobs", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        timeout=120,
        check=False,
    )


def pulls(database: Path) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(database)) as conn:
        rows = conn.execute("SELECT mode, complete, contacts, error FROM pulls ORDER BY id")
        return [tuple(row) for row in rows]


def test_wrong_token_exits_3_with_one_line_and_records_a_partial_pull(
    simulator: StartSimulator, tmp_path: Path
) -> None:
    """A token ActiveCampaign refuses: exit 3, one line on stderr, no traceback."""
    _, server = simulator(contacts=20)
    config = make_config(tmp_path, server.url)

    done = rekisteri("--config", str(config), "pull", token="wrong-token-value")

    error = "GET /api/3/lists: HTTP 403 forbidden (check the API token)"
    assert (done.returncode, done.stdout, done.stderr.decode()) == (
        3,
        b"",
        f"rekisteri: ActiveCampaign: {error}\n",
    )
    assert pulls(tmp_path / "var" / "register.sqlite") == [("full", 0, 0, error)]


def test_token_appears_in_no_output_and_no_file(simulator: StartSimulator, tmp_path: Path) -> None:
    """init, nightly (pull, report, plan files) and a failing pull never write the token."""
    state, server = simulator(contacts=80)
    config = make_config(tmp_path, server.url)
    base = ("--config", str(config))

    runs = [
        rekisteri(*base, "init", token=SIMULATOR_TOKEN),
        rekisteri(*base, "--json-logs", "nightly", token=SIMULATOR_TOKEN),
    ]
    server.token = "rotated-token-value"
    runs.append(rekisteri(*base, "pull", "--full", token=SIMULATOR_TOKEN))

    # nightly exits 1: with no consents imported, every marketing subscriber is a finding
    assert [run.returncode for run in runs] == [0, 1, 3]
    assert b'"message": "pull: full, 80 contacts' in runs[1].stderr
    written = [path for path in tmp_path.rglob("*") if path.is_file()]
    assert {path.suffix for path in written} >= {".sqlite", ".html", ".json", ".csv", ".toml"}
    secret = SIMULATOR_TOKEN.encode()
    leaks = [str(path) for path in written if secret in path.read_bytes()]
    leaks += [f"run {i}" for i, run in enumerate(runs) if secret in run.stdout + run.stderr]
    assert leaks == []
    assert len(state.contacts) == pulls(tmp_path / "var" / "register.sqlite")[0][2]
