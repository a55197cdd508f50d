"""`python -m simulator.demo`: the whole demo runs and prints the report path last."""

from __future__ import annotations

import json
import os
import runpy
import sys
import tomllib
from pathlib import Path

import pytest

from simulator.demo import client_rate


def test_demo_runs_and_prints_an_existing_report_path_last(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`simulator.demo --rate 0` (no limit, fast) runs every step and prints report.html last."""
    for name in [n for n in os.environ if n.startswith("REKISTERI_")]:
        monkeypatch.delenv(name)
    monkeypatch.delitem(sys.modules, "simulator.demo", raising=False)
    folder = tmp_path / "demo"
    monkeypatch.setattr(
        sys, "argv", ["simulator.demo", "--dir", str(folder), "--contacts", "120", "--rate", "0"]
    )

    runpy.run_module("simulator.demo", run_name="__main__")

    lines = capsys.readouterr().out.strip().splitlines()
    report = Path(lines[-1])
    assert report.is_file() and report.name == "report.html"
    assert report.parent.parent == folder / "var" / "reports"
    assert lines[-2] == "nightly exit code 1 (1 = findings for a person to review)"
    steps = [line.split("  -> ") for line in lines if line.startswith("$ rekisteri ")]
    assert [(tuple(cmd.split()[2:4]), result) for cmd, result in steps] == [
        (("init",), "exit 0"),
        (("notice",), "exit 1"),  # the demo's SMS processor has no transfer safeguard
        (("pull", "--full"), "exit 0"),
        (("import", "objections"), "exit 0"),
        (("request", "erase"), "exit 0"),
        (("request", "access"), "exit 1"),
        (("request", "access"), "exit 0"),
        (("request", "rectify"), "exit 0"),
        (("nightly",), "exit 1"),
        (("ropa",), "exit 1"),
        (("request", "list"), "exit 0"),
    ]
    config = tomllib.loads((folder / "config.toml").read_text(encoding="utf-8"))
    assert config["activecampaign"]["requests_per_second"] == 1000.0
    data = json.loads((report.parent / "report.json").read_text(encoding="utf-8"))
    assert (data["run"]["command"], data["run"]["exit_code"]) == ("nightly", 1)
    assert {f["code"] for f in data["findings"]} >= {
        "OBJECTION_NOT_HONOURED",
        "SUPPRESSION_BREACH",
        "CONSENT_WITHDRAWN",
        "SOFT_OPT_IN_EXPIRED",
        "NO_MARKETING_BASIS",
        "CONSENT_INCOMPLETE",
        "TRANSFER_WITHOUT_SAFEGUARD",
    }
    start = next(i for i, line in enumerate(lines) if line.startswith("nightly: "))
    assert f"{data['totals']['deleted']} deleted" in lines[start]
    assert [line.split()[0] for line in lines[start + 1 : -2]] == sorted(
        {f["code"] for f in data["findings"]}
    )


def test_client_rate_follows_the_simulators_limit() -> None:
    """The client keeps to the simulator's limit; with no limit (<= 0) it runs at its ceiling."""
    assert [client_rate(r) for r in (5.0, 0.5, 1000.0, 0.0, -1.0, 5000.0)] == [
        5.0,
        0.5,
        1000.0,
        1000.0,
        1000.0,
        1000.0,
    ]
