"""`python -m jobs.demo`: the whole demo runs and prints the report path last."""

from __future__ import annotations

import json
import os
import runpy
import sys
from pathlib import Path
from typing import Any

import pytest

from sync.simulator import server as simulator_server


def test_demo_runs_and_prints_an_existing_report_path_last(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`python -m jobs.demo --dir DIR --contacts 120` exits normally; its last stdout line is
    the nightly's report.html. The simulator's 5 requests/s limit is lifted (and the client's
    with it) so the test stays fast; every command still runs as its own process over HTTP."""
    real_serve = simulator_server.serve

    def serve_unthrottled(state: Any, **options: Any) -> Any:
        return real_serve(state, **{**options, "rate": 0})

    monkeypatch.setattr(simulator_server, "serve", serve_unthrottled)
    for name in [n for n in os.environ if n.startswith("REKISTERI_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("REKISTERI_ACTIVECAMPAIGN__REQUESTS_PER_SECOND", "1000")
    monkeypatch.delitem(sys.modules, "jobs.demo", raising=False)
    folder = tmp_path / "demo"
    monkeypatch.setattr(sys, "argv", ["jobs.demo", "--dir", str(folder), "--contacts", "120"])

    runpy.run_module("jobs.demo", run_name="__main__")

    lines = capsys.readouterr().out.strip().splitlines()
    report = Path(lines[-1])
    assert report.is_file() and report.name == "report.html"
    assert report.parent.parent == folder / "var" / "reports"
    assert lines[-2] == "nightly exit code 1 (1 = findings for a person to review)"
    steps = [line.split("  -> ") for line in lines if line.startswith("$ rekisteri ")]
    assert [(tuple(cmd.split()[2:4]), result) for cmd, result in steps] == [
        (("init",), "exit 0"),
        (("pull", "--full"), "exit 0"),
        (("import", "objections"), "exit 0"),
        (("request", "erase"), "exit 0"),
        (("request", "access"), "exit 0"),
        (("request", "access"), "exit 0"),
        (("request", "rectify"), "exit 0"),
        (("nightly",), "exit 1"),
        (("ropa",), "exit 1"),
        (("request", "list"), "exit 0"),
    ]
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
