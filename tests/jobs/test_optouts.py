"""Opt-outs made in ActiveCampaign over real HTTP (SPEC 5.1): the unsubscribe link is recorded
once, a re-subscription without a new opt-in is reported and reversed by the next nightly."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from simulator import catalog as cat
from tests.conftest import CliResult, RunCli, StartSimulator
from tests.jobs.scenario import build_scenario, prepare

RSO = "RESUBSCRIBED_AFTER_OPT_OUT"


def _report(result: CliResult) -> dict[str, Any]:
    path = Path(result.last_line)
    return json.loads((path.parent / "report.json").read_text(encoding="utf-8"))


def _optouts(database: Path, email_norm: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(database) as conn:
        return conn.execute(
            "SELECT purpose, action, source, list_id, evidence FROM consent_events"
            " WHERE email_norm = ? AND source = 'activecampaign' ORDER BY id",
            (email_norm,),
        ).fetchall()


def test_unsubscribe_link_then_resubscription_is_reported_and_reversed(
    simulator: StartSimulator, tmp_path: Path, run_cli: RunCli
) -> None:
    """Link click: one withdraw with AC's evidence; re-subscribed: RESUBSCRIBED_AFTER_OPT_OUT
    and unsubscribed again; the nightly after that records nothing twice and sends nothing."""
    scenario = build_scenario(simulator, tmp_path, policy={"enforce": "apply"})
    prepare(scenario, run_cli)
    aino, norm = scenario.id("consented"), scenario.emails["consented"].lower()
    clicked_at = scenario.state.unsubscribe_link(
        aino, cat.LIST_NEWSLETTER, campaign_id=12, message_id=34, reason="Liikaa viestejä"
    ).udate  # read now: the record is the simulator's own and changes with it

    first = _report(run_cli(scenario.config, "nightly"))
    scenario.state.set_membership(aino, cat.LIST_NEWSLETTER, 1)  # a colleague's re-import
    second = _report(run_cli(scenario.config, "nightly"))
    third = _report(run_cli(scenario.config, "nightly"))

    evidence = {
        "campaign": "12",
        "contact_id": aino,
        "list_id": cat.LIST_NEWSLETTER,
        "message": "34",
        "unsubreason": "Liikaa viestejä",
        "unsubscribed_at": clicked_at.isoformat(),
    }
    assert [
        (p, a, s, lst, json.loads(e)) for p, a, s, lst, e in _optouts(scenario.database, norm)
    ] == [("newsletter", "withdraw", "activecampaign", cat.LIST_NEWSLETTER, evidence)]
    assert [r["ledger_events_recorded"] for r in (first, second, third)] == [1, 0, 0]
    assert [f for f in first["findings"] if f["contact_id"] == aino] == []
    found = [(f["code"], f["severity"], f["list_id"], f["status"]) for f in second["findings"]]
    assert [f for f in found if f[0] == RSO] == [(RSO, "high", cat.LIST_NEWSLETTER, "fixed")]
    assert [
        (a["type"], a["list_id"], a["rule"], a["result"])
        for a in second["actions"]
        if a["contact_id"] == aino
    ] == [("unsubscribe", cat.LIST_NEWSLETTER, RSO, "done")]
    assert scenario.state.membership(aino, cat.LIST_NEWSLETTER).status == 2
    assert [f for f in third["findings"] if f["contact_id"] == aino] == []
    assert [a for a in third["actions"] if a["contact_id"] == aino] == []


def test_first_full_pull_records_opt_outs_already_at_status_2(
    simulator: StartSimulator, tmp_path: Path, run_cli: RunCli
) -> None:
    """A membership unsubscribed before rekisteri ever pulled is recorded on the first pull,
    and a second full pull adds nothing."""
    scenario = build_scenario(simulator, tmp_path)
    stale = scenario.emails["stale"].lower()

    assert run_cli(scenario.config, "pull", "--full").code == 0
    assert run_cli(scenario.config, "pull", "--full").code == 0

    rows = _optouts(scenario.database, stale)
    assert [row[:4] for row in rows] == [
        ("newsletter", "withdraw", "activecampaign", cat.LIST_NEWSLETTER)
    ]
