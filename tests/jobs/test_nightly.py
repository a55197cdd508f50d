"""`rekisteri nightly` end to end over real HTTP: exit codes, the lock, inbox imports."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import stat
from datetime import timedelta
from pathlib import Path
from typing import Any

from filelock import FileLock

from simulator import catalog as cat
from simulator import generate
from tests.conftest import CliResult, RunCli, StartSimulator, make_config, now_anchor
from tests.jobs.scenario import (
    CONSENT_HEADER,
    CUSTOMER_HEADER,
    OBJECTION_HEADER,
    Scenario,
    build_scenario,
    memberships_in,
    prepare,
    record_requests,
    write_csv,
    writes,
)

DAY = timedelta(days=1)


def _report(result: CliResult) -> dict[str, Any]:
    path = Path(result.last_line)
    return json.loads((path.parent / "report.json").read_text(encoding="utf-8"))


def _count(database: Path, table: str) -> int:
    with sqlite3.connect(database) as conn:
        return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])  # noqa: S608


def test_clean_account_exits_0(simulator: StartSimulator, tmp_path: Path, run_cli: RunCli) -> None:
    """Lawful subscribers only and nothing for a person to review: exit 0, no findings."""
    state, server = simulator(state=generate(contacts=0, seed=1, anchor=now_anchor()))
    now = state.now()
    people = [
        ("Aino.Lupa@Example.fi", cat.LIST_NEWSLETTER),
        ("Sanna.Osti@Example.fi", cat.LIST_OFFERS),
        ("Tiina.Tilaus@Example.fi", cat.LIST_ORDER_CONFIRMATIONS),
    ]
    for email, list_id in people:
        contact_id = state.add_contact(email, "Etu", "Suku", at=now - 60 * DAY)
        state.set_membership(contact_id, list_id, 1, at=now - 59 * DAY)
    config = make_config(tmp_path, server.url, policy={"enforce": "apply"})
    inbox = tmp_path / "var" / "inbox"
    write_csv(
        inbox / "consents.csv",
        CONSENT_HEADER,
        [
            (
                "aino.lupa@example.fi",
                "newsletter",
                "grant",
                (now - 59 * DAY).isoformat(),
                "web-form",
                "W1",
                "N1",
            )
        ],
    )
    write_csv(
        inbox / "customers.csv",
        CUSTOMER_HEADER,
        [("sanna.osti@example.fi", (now - 30 * DAY).isoformat(), "kurssit")],
    )
    assert run_cli(config, "init").code == 0

    result = run_cli(config, "nightly")

    report = _report(result)
    assert (result.code, result.stderr) == (0, "")
    assert (report["findings"], report["actions"], report["requests"]) == ([], [], [])
    assert report["totals"] == {
        "contacts": 3,
        "active_marketing": 2,
        "findings": 0,
        "unsubscribed": 0,
        "deleted": 0,
        "purge_planned": 0,
        "consent_records": 1,
    }
    assert report["run"]["exit_code"] == 0
    assert report["next_steps"] == []


def test_open_findings_with_enforce_report_exit_1_and_change_nothing(
    simulator: StartSimulator, tmp_path: Path, run_cli: RunCli
) -> None:
    """enforce = report: findings stay open, actions only planned, ActiveCampaign untouched."""
    scenario = build_scenario(simulator, tmp_path, policy={"enforce": "report"})
    prepare(scenario, run_cli)
    before = memberships_in(scenario.state)

    result = run_cli(scenario.config, "nightly")

    report = _report(result)
    assert (result.code, result.stderr) == (1, "")
    assert memberships_in(scenario.state) == before
    assert {f["status"] for f in report["findings"]} == {"open"}
    assert {(a["type"], a["result"]) for a in report["actions"]} == {
        ("unsubscribe", "planned"),
        ("tag", "planned"),
        ("delete", "planned"),
    }
    assert (report["purge"]["count"], report["purge"]["applied"]) == (2, False)


def test_purge_above_the_auto_limit_stops_with_exit_5(
    simulator: StartSimulator, tmp_path: Path, run_cli: RunCli
) -> None:
    """enforce = apply with a plan above max_auto_deletions: unsubscribes done, no deletion,
    exit 5 and one line naming the command that approves the plan."""
    scenario = build_scenario(
        simulator, tmp_path, policy={"enforce": "apply", "max_auto_deletions": 1}
    )
    prepare(scenario, run_cli)

    result = run_cli(scenario.config, "nightly")

    report = _report(result)
    plan_id = report["purge"]["plan_id"]
    assert result.code == 5
    assert result.stderr == (
        f"rekisteri: purge: plan {plan_id} holds 2 contacts, above"
        f" policy.max_auto_deletions=1; approve with: rekisteri purge --apply --plan"
        f" {plan_id}\n"
    )
    assert (report["purge"]["needs_approval"], report["totals"]["deleted"]) == (True, 0)
    assert {scenario.id("stale"), scenario.id("stale_objector")} <= set(scenario.state.contacts)
    assert report["totals"]["unsubscribed"] == 4
    assert f"rekisteri purge --apply --plan {plan_id}" in Path(result.last_line).read_text(
        encoding="utf-8"
    )


def test_enforce_apply_within_the_limit_fixes_and_deletes(
    simulator: StartSimulator, tmp_path: Path, run_cli: RunCli
) -> None:
    """enforce = apply within the limit: findings fixed, the plan applied, exit 1 only for
    the report-only finding left open (CONSENT_INCOMPLETE)."""
    scenario = build_scenario(simulator, tmp_path, policy={"enforce": "apply"})
    prepare(scenario, run_cli)

    result = run_cli(scenario.config, "nightly")

    report = _report(result)
    still_open = {(f["code"], f["contact_id"]) for f in report["findings"] if f["status"] == "open"}
    assert (result.code, still_open) == (1, {("CONSENT_INCOMPLETE", scenario.id("incomplete"))})
    assert report["totals"]["deleted"] == 2
    assert scenario.state.deleted_contact_ids == {
        scenario.id("stale"),
        scenario.id("stale_objector"),
    }


def test_a_second_nightly_right_after_changes_nothing(
    simulator: StartSimulator, tmp_path: Path, run_cli: RunCli
) -> None:
    """What the first nightly planned it deleted, untouched first. The objector, active only on
    the service list once the first night unsubscribed it, is deleted by the second (SPEC 6 r2:
    a service list protects nobody); a third sends no write."""
    scenario = build_scenario(simulator, tmp_path, policy={"enforce": "apply"})
    prepare(scenario, run_cli)
    seen = record_requests(scenario.state)

    first = run_cli(scenario.config, "nightly")
    planned = {str(scenario.id("stale")), str(scenario.id("stale_objector"))}
    first_deleted = {str(i) for i in scenario.state.deleted_contact_ids}
    after_first = len(seen)
    second = run_cli(scenario.config, "nightly")
    after_second = len(seen)
    third = run_cli(scenario.config, "nightly")

    with sqlite3.connect(scenario.database) as conn:
        changes = conn.execute(
            "SELECT subject, type FROM audit_log WHERE phase = 'done' ORDER BY seq"
        ).fetchall()
    assert (first.code, _report(first)["totals"]["deleted"]) == (1, 2)
    assert first_deleted == planned
    # Planned contacts were deleted, never tagged or unsubscribed first.
    assert [(s, kind) for s, kind in changes if s in planned and kind != "delete"] == []
    objector = scenario.id("objector")
    assert [(a["contact_id"], a["rule"], a["result"]) for a in _report(second)["actions"]] == [
        (objector, "OBJECTED", "done")
    ]
    assert writes(seen[after_first:after_second]) == [("DELETE", f"/api/3/contacts/{objector}")]
    assert (third.code, writes(seen[after_second:])) == (1, [])


def test_activecampaign_refusing_the_token_exits_3_and_still_reports(
    simulator: StartSimulator, tmp_path: Path, run_cli: RunCli, monkeypatch: Any
) -> None:
    """A 403 on pull: exit 3, nothing applied or planned, the report written anyway."""
    scenario = build_scenario(simulator, tmp_path, policy={"enforce": "apply"})
    prepare(scenario, run_cli)
    before = memberships_in(scenario.state)
    monkeypatch.setenv("ACTIVECAMPAIGN_API_TOKEN", "not-the-token")

    result = run_cli(scenario.config, "nightly")

    report = _report(result)
    assert result.code == 3
    assert result.stderr.startswith("rekisteri: pull: ") and result.stderr.count("\n") == 1
    assert "not-the-token" not in result.stderr + json.dumps(report)
    assert memberships_in(scenario.state) == before
    assert (report["purge"]["plan_id"], report["run"]["pull"]["complete"]) == (None, False)
    assert [(n["key"], sorted(n["params"])) for n in report["notes"]] == [
        ("pull_failed", ["error"]),
        ("purge_skipped", []),
    ]


def test_outage_during_apply_exits_3_and_still_reports_the_findings(
    simulator: StartSimulator, tmp_path: Path, run_cli: RunCli, monkeypatch: Any
) -> None:
    """ActiveCampaign failing mid-apply: exit 3, no purge, and the report lists the findings."""
    from sync.activecampaign import actions
    from sync.activecampaign.errors import ServerError

    scenario = build_scenario(simulator, tmp_path, policy={"enforce": "apply"})
    prepare(scenario, run_cli)
    expected = run_cli(scenario.config, "report")

    def outage(*args: Any, **kwargs: Any) -> None:
        raise ServerError("POST /api/3/contactLists: HTTP 503 server error")

    monkeypatch.setattr(actions, "set_list_status", outage)
    result = run_cli(scenario.config, "nightly")

    report, planned = _report(result), _report(expected)
    assert result.code == 3
    assert {(f["code"], f["contact_id"], f["status"]) for f in report["findings"]} == {
        (f["code"], f["contact_id"], "open") for f in planned["findings"]
    }
    assert [n["key"] for n in report["notes"]] == ["reconcile_stopped", "purge_skipped"]
    assert report["purge"]["plan_id"] is None


def test_second_run_while_the_lock_is_held_exits_6(
    simulator: StartSimulator, tmp_path: Path, run_cli: RunCli
) -> None:
    """Another holder of the register lock: exit 6, one line, nothing pulled or written."""
    scenario = build_scenario(simulator, tmp_path)
    lock_path = f"{scenario.database}.lock"

    with FileLock(lock_path, timeout=0):
        result = run_cli(scenario.config, "nightly")

    assert (result.code, result.stdout) == (6, "")
    assert result.stderr == f"rekisteri: another rekisteri run holds the lock {lock_path}\n"
    assert not (tmp_path / "var" / "reports").exists()
    assert not scenario.database.exists() or _count(scenario.database, "pulls") == 0


def _inbox(scenario: Scenario) -> Path:
    inbox = scenario.config.parent / "var" / "inbox"
    inbox.mkdir(parents=True, exist_ok=True)
    return inbox


def test_inbox_file_is_imported_and_moved(
    simulator: StartSimulator, tmp_path: Path, run_cli: RunCli
) -> None:
    """A good consents*.csv is imported and moved to inbox/imported/ with a time stamp."""
    scenario = build_scenario(simulator, tmp_path)
    inbox = _inbox(scenario)
    shutil.copy(scenario.files["consents"], inbox / "consents-2026-11.csv")
    (inbox / "notes.txt").write_text("not ours\n", encoding="utf-8")

    result = run_cli(scenario.config, "nightly")

    report = _report(result)
    (moved,) = (inbox / "imported").iterdir()
    assert result.code == 1
    assert sorted(p.name for p in inbox.iterdir()) == ["imported", "notes.txt"]
    assert re.fullmatch(r"\d{8}T\d{6}Z-consents-2026-11\.csv", moved.name)
    assert moved.read_bytes() == scenario.files["consents"].read_bytes()
    rows = len(scenario.files["consents"].read_text(encoding="utf-8").splitlines()) - 1
    # The scenario's `stale` person opted out in ActiveCampaign: that withdrawal is the 6th row.
    assert _count(scenario.database, "consent_events") == rows + 1 == 6
    assert report["notes"] == [
        {"key": "inbox_imported", "params": {"file": "consents-2026-11.csv"}}
    ]


def test_bad_inbox_file_is_kept_with_an_error_file_and_exits_4(
    simulator: StartSimulator, tmp_path: Path, run_cli: RunCli
) -> None:
    """A file with one bad row stays, gets <name>.error, nothing of it is stored, exit 4 until
    it is fixed; the good file beside it is still imported."""
    scenario = build_scenario(simulator, tmp_path)
    inbox = _inbox(scenario)
    bad = write_csv(
        inbox / "objections-phone.csv",
        OBJECTION_HEADER,
        [
            ("olli.kielsi@example.fi", "direct_marketing", scenario.now.isoformat(), "phone"),
            ("eino.perui@example.fi", "direct_marketing", "yesterday", "phone"),
        ],
    )
    shutil.copy(scenario.files["customers"], inbox / "customers.csv")

    first = run_cli(scenario.config, "nightly")
    second = run_cli(scenario.config, "nightly")

    error = inbox / "objections-phone.csv.error"
    message = error.read_text(encoding="utf-8")
    assert (first.code, second.code) == (4, 4)
    assert sorted(p.name for p in inbox.iterdir()) == [
        "imported",
        "objections-phone.csv",
        "objections-phone.csv.error",
    ]
    assert message.count("\n") == 1 and "objections-phone.csv:3" in message
    assert "eino.perui" not in message
    assert oct(stat.S_IMODE(error.stat().st_mode)) == "0o600"
    assert first.stderr == f"rekisteri: inbox: objections-phone.csv: {message}"
    assert _report(first)["notes"] == [
        {"key": "inbox_imported", "params": {"file": "customers.csv"}},
        {
            "key": "inbox_rejected",
            "params": {"file": "objections-phone.csv", "error": message.strip()},
        },
    ]
    assert (
        _count(scenario.database, "objection_events"),
        _count(scenario.database, "purchases"),
    ) == (0, 3)

    write_csv(
        bad,
        OBJECTION_HEADER,
        [("olli.kielsi@example.fi", "direct_marketing", scenario.now.isoformat(), "phone")],
    )
    fixed = run_cli(scenario.config, "nightly")

    assert fixed.code == 1
    assert sorted(p.name for p in inbox.iterdir()) == ["imported"]
    assert _count(scenario.database, "objection_events") == 1
