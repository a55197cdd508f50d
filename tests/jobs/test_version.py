"""`rekisteri --version` (SPEC 2): the installed version, with no config and no token."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

import pytest

from tests.conftest import RunCli


def test_version_needs_no_config(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--version prints 'rekisteri X.Y.Z' and exits 0 even where no config file exists."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ACTIVECAMPAIGN_API_TOKEN")

    result = run_cli(None, "--version")

    assert (result.code, result.stdout, result.stderr) == (
        0,
        f"rekisteri {metadata.version('rekisteri')}\n",
        "",
    )
