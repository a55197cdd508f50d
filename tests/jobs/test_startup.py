"""Start-up (issue 12 item 7, SPEC 2 and 10): `--help` and `--version` of every command load
neither the data stack nor the settings, and need no config file.

Each probe is a fresh interpreter, because this test process has imported everything already.
The commands are found by walking the click group, so a new command is covered without a line
here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from tests.conftest import RunCli, make_config

# The data stack (pandas, numpy, matplotlib), the templates (jinja2), and the settings models
# (pydantic: loading them means the config was read, which help must not need).
HEAVY = frozenset({"pandas", "numpy", "matplotlib", "jinja2", "pydantic"})

PROBE = f"""
import contextlib, io, json, sys
from jobs.cli import main
out = io.StringIO()
code = 0
with contextlib.redirect_stdout(out):
    try:
        main(sys.argv[1:])
    except SystemExit as exc:
        code = exc.code
heavy = sorted(m for m in sys.modules if m.split(".")[0] in {sorted(HEAVY)!r})
print(json.dumps({{"code": code, "first_line": out.getvalue().splitlines()[0], "heavy": heavy}}))
"""


def _walk(command: click.Command, path: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    yield path
    if isinstance(command, click.Group):
        for name in sorted(command.commands):
            yield from _walk(command.commands[name], (*path, name))


def command_paths() -> list[tuple[str, ...]]:
    """() for `rekisteri` itself, then every command and subcommand `main` registers."""
    from jobs import cli

    cli._register_requests()  # what main() does before parsing
    return list(_walk(cli.cli, ()))


def probe(tmp_path: Path, *args: str) -> dict[str, object]:
    """Run `rekisteri ARGS` in a fresh interpreter in an empty folder (no config.toml)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("REKISTERI_")}
    env.pop("ACTIVECAMPAIGN_API_TOKEN", None)
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_the_walk_finds_the_commands() -> None:
    """The walk reaches nested subcommands, so the probes below cannot pass by probing nothing."""
    paths = set(command_paths())

    assert {(), ("pull",), ("import",), ("simulate",), ("request",), ("request", "list")} <= paths
    assert {("request", kind) for kind in ("access", "erase", "rectify", "object")} <= paths
    assert {("request", kind) for kind in ("restrict", "extend", "refuse")} <= paths


@pytest.mark.parametrize("path", command_paths(), ids=lambda path: " ".join(path) or "rekisteri")
def test_help_is_light(tmp_path: Path, path: tuple[str, ...]) -> None:
    """`rekisteri [COMMAND ...] --help`: usage printed, exit 0, nothing heavy imported."""
    result = probe(tmp_path, *path, "--help")

    usage = " ".join(("Usage: rekisteri", *path))
    assert result == {"code": 0, "first_line": result["first_line"], "heavy": []}
    assert str(result["first_line"]).startswith(usage + " ")


def test_version_is_light(tmp_path: Path) -> None:
    from importlib import metadata

    result = probe(tmp_path, "--version")

    assert result == {
        "code": 0,
        "first_line": f"rekisteri {metadata.version('rekisteri')}",
        "heavy": [],
    }


def test_command_help_needs_no_config_even_a_missing_one(tmp_path: Path, run_cli: RunCli) -> None:
    """SPEC 2: --help needs no config, so a --config that does not exist does not matter."""
    result = run_cli(tmp_path / "absent.toml", "pull", "--help")

    assert (result.code, result.stdout.splitlines()[0], result.stderr) == (
        0,
        "Usage: rekisteri pull [OPTIONS]",
        "",
    )


def test_help_as_an_option_value_still_runs_the_command_with_its_checks(
    tmp_path: Path, run_cli: RunCli
) -> None:
    """`--reason --help` is a reason, not a help request: the command runs, and the identity
    check it needs still applies (the deferred settings are loaded when its body runs)."""
    config = make_config(tmp_path, "http://127.0.0.1:9")
    text = config.read_text(encoding="utf-8")
    config.write_text("[activecampaign]" + text.split("[activecampaign]", 1)[1], "utf-8")

    result = run_cli(config, "request", "extend", "R1", "--reason", "--help")

    assert (result.code, result.stdout) == (2, "")
    assert result.stderr.startswith("rekisteri: controller.name is not set")
