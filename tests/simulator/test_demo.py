"""`python -m simulator.demo`: the whole demo runs and prints the report path last."""

from __future__ import annotations

import json
import os
import runpy
import sys
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

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
    assert lines[lines.index("$ rekisteri request list  -> exit 0") + 1 :] == demo_ending(
        data, report
    )


def demo_ending(data: dict[str, Any], report: Path) -> list[str]:
    """What the demo must end with, rebuilt from its report.json: the summary (totals, then
    each finding code fixed/open), the exit code, the report's next steps with their commands
    (in Finnish, the demo's language), and the report path last."""
    totals = data["totals"]
    status = Counter((f["code"], f["status"]) for f in data["findings"])
    codes = sorted({code for code, _ in status})
    steps = data["next_steps"]
    assert steps and all(s["command"].startswith("rekisteri ") for s in steps if s["command"])
    numbered: list[str] = []
    for number, step in enumerate(steps, start=1):
        numbered.append(f"{number}. {step['text']}")
        if step["command"]:
            numbered.append(f"   $ {step['command']}")
    return [
        f"nightly: {totals['contacts']} contacts, {totals['active_marketing']} active on"
        f" marketing lists; {totals['unsubscribed']} unsubscribed, {totals['deleted']} deleted"
        f" (plan {data['purge']['plan_id']}: {totals['purge_planned']} planned)",
        *(
            f"  {code:<28} {status[code, 'fixed']} fixed, {status[code, 'open']} open"
            for code in codes
        ),
        "nightly exit code 1 (1 = findings for a person to review)",
        "",
        "Seuraavaksi:",
        *numbered,
        "",
        str(report),
    ]


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
