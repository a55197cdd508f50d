"""Next steps of a nightly on the scenario account (SPEC 8): the order, the exact commands,
and the first-run hint when consent records are missing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.conftest import RunCli, StartSimulator
from tests.jobs.scenario import build_scenario, prepare


def _report(result_line: str) -> dict[str, Any]:
    return json.loads((Path(result_line).parent / "report.json").read_text(encoding="utf-8"))


def test_plan_above_the_auto_limit_is_the_first_step(
    simulator: StartSimulator, tmp_path: Path, run_cli: RunCli
) -> None:
    """enforce = apply with the plan above max_auto_deletions: exit 5, approve it first."""
    policy = {"enforce": "apply", "max_auto_deletions": 1}
    scenario = build_scenario(simulator, tmp_path, policy=policy)
    prepare(scenario, run_cli)

    result = run_cli(scenario.config, "nightly")

    report = _report(result.last_line)
    plan = report["purge"]["plan_id"]
    assert (result.code, report["purge"]["needs_approval"]) == (5, True)
    assert [(s["kind"], s["command"]) for s in report["next_steps"]] == [
        ("approve_purge", f"rekisteri purge --apply --plan {plan}"),
        ("fix_consent_records", "rekisteri import consents consents.csv"),
    ]


def test_first_run_without_consents_says_to_import_them_first(
    simulator: StartSimulator, tmp_path: Path, run_cli: RunCli
) -> None:
    """Before consents are imported the report asks for them first and offers no fixes."""
    scenario = build_scenario(simulator, tmp_path)
    assert run_cli(scenario.config, "pull", "--full").code == 0

    result = run_cli(scenario.config, "nightly")

    report = _report(result.last_line)
    steps = report["next_steps"]
    assert [(s["kind"], s["command"]) for s in steps] == [
        ("import_consents", "rekisteri import consents consents.csv"),
        ("rerun", "rekisteri nightly"),
    ]
    # 7 people are on a marketing list (PEOPLE in scenario.py); none has a basis yet. The one
    # ledger record is the withdrawal the pull took from an opt-out made in ActiveCampaign.
    assert steps[0]["params"] == {"no_basis": 7, "marketing": 7, "consent_records": 1}
    assert steps[0]["text"].startswith("Suostumustietoja ei luultavasti ole vielä tuotu")
    page = Path(result.last_line).read_text(encoding="utf-8")
    assert page.index("rekisteri import consents consents.csv") < page.index('id="summary"')


def test_plan_awaiting_approval_and_report_only_fixes(
    simulator: StartSimulator, tmp_path: Path, run_cli: RunCli
) -> None:
    """Report-only, imports done: apply the fixes, approve plan X, then tidy the consents."""
    scenario = build_scenario(simulator, tmp_path, controller={"language": "en"})
    prepare(scenario, run_cli)

    result = run_cli(scenario.config, "nightly")

    report = _report(result.last_line)
    plan = report["purge"]["plan_id"]
    assert result.code == 1
    # An objection not honoured comes first: the same command fixes the other three too.
    assert report["next_steps"] == [
        {
            "kind": "apply_fixes",
            "command": "rekisteri reconcile --apply",
            "params": {"count": 4, "report_only": True},
            "text": "Fix 4 findings in ActiveCampaign (unsubscribe, objection tag); this run"
            " only reports (policy.enforce = report), so nothing has been changed.",
        },
        {
            "kind": "approve_purge",
            "command": f"rekisteri purge --apply --plan {plan}",
            "params": {"plan": plan, "count": 2},
            "text": f"Review purge plan {plan} (2 contacts) and approve it.",
        },
        {
            "kind": "fix_consent_records",
            "command": "rekisteri import consents consents.csv",
            "params": {"count": 1},
            "text": "Consents lack their wording ID or privacy-notice version (1 contact)."
            " Import them again with the wording_id and notice_version columns.",
        },
    ]
