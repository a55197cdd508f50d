"""`rekisteri purge` against the simulator: plan ids, safety stops, exact deletes, resume."""

from __future__ import annotations

import hashlib
import hmac
import json
import sqlite3
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

import sync.activecampaign.actions
from sync.activecampaign.errors import ServerError
from tests.conftest import RunCli, StartSimulator
from tests.jobs.scenario import (
    PEOPLE,
    SUPPRESSION_KEY,
    Scenario,
    build_scenario,
    crash_after,
    prepare,
    record_requests,
    writes,
)

PLANNED = ("stale", "stale_objector")


def plan_id_of(stdout: str) -> str:
    """The id from the first output line, `plan <ID>: ...`."""
    return stdout.split()[1].rstrip(":")


def plan_entries(s: Scenario, plan_id: str) -> set[tuple[int, str, bool, str]]:
    """(contact, reason, suppress, scope) of the plan file written beside the reports."""
    path = s.config.parent / "var" / "reports" / "plans" / f"{plan_id}.json"
    content = json.loads(path.read_text(encoding="utf-8"))
    assert content["id"] == plan_id
    return {(e["contact_id"], e["reason"], e["suppress"], e["scope"]) for e in content["entries"]}


def deletes(seen: list[tuple[str, str]]) -> list[str]:
    """Paths of the DELETE requests among `seen`, in order."""
    return [path for method, path in seen if method == "DELETE"]


def contact_paths(s: Scenario, *labels: str) -> list[str]:
    return [f"/api/3/contacts/{s.id(label)}" for label in labels]


def phases(database: Path) -> list[tuple[str, str]]:
    """(action_key, phase) of every audit event, in order."""
    with sqlite3.connect(database) as conn:
        rows = conn.execute("SELECT action_key, phase FROM audit_log ORDER BY seq")
        return [tuple(row) for row in rows]


def audit_details(database: Path, contact_id: int) -> list[str]:
    """The detail JSON of every audit event about deleting `contact_id`, in order."""
    with sqlite3.connect(database) as conn:
        rows = conn.execute(
            "SELECT detail FROM audit_log WHERE action_key LIKE ? ORDER BY seq",
            (f"delete:{contact_id}:%",),
        )
        return [row[0] for row in rows]


@pytest.fixture(name="scenario")
def _scenario(simulator: StartSimulator, tmp_path: Path, run_cli: RunCli) -> Scenario:
    """The scenario account, pulled in full, with its three CSV files imported."""
    scenario = build_scenario(simulator, tmp_path)
    prepare(scenario, run_cli)
    return scenario


def test_same_state_gives_the_same_plan_id(scenario: Scenario, run_cli: RunCli) -> None:
    """`purge` twice, and again after a pull that changed nothing: one id, the planned entries."""
    first = run_cli(scenario.config, "purge")
    second = run_cli(scenario.config, "purge")
    assert run_cli(scenario.config, "pull").code == 0
    third = run_cli(scenario.config, "purge")

    plan_id = plan_id_of(first.stdout)
    assert [(r.code, r.stdout, r.stderr) for r in (second, third)] == [
        (first.code, first.stdout, first.stderr)
    ] * 2
    assert first.stdout.splitlines()[0] == (
        f"plan {plan_id}: 2 contacts (AFTER_WITHDRAWAL 1, OBJECTED 1)"
    )
    assert plan_entries(scenario, plan_id) == {
        (scenario.id("stale"), "AFTER_WITHDRAWAL", False, ""),
        (scenario.id("stale_objector"), "OBJECTED", True, "all"),
    }


def _partial_pull(scenario: Scenario, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    """The latest pull fails half-way: the contacts endpoint answers 500 (no retries)."""

    def fail(method: str, path: str) -> None:
        if path == "/api/3/contacts":
            raise RuntimeError("simulated outage")

    scenario.state.hooks.append(fail)
    with monkeypatch.context() as patch:
        patch.setenv("REKISTERI_ACTIVECAMPAIGN__MAX_ATTEMPTS", "1")
        assert run_cli(scenario.config, "pull").code == 3
    scenario.state.hooks.remove(fail)


def _stale_pull(scenario: Scenario, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    """The latest pull finished long before sync.stale_after_hours (36)."""
    with sqlite3.connect(scenario.database) as conn:
        conn.execute("UPDATE pulls SET finished_at = '2000-01-01T00:00:00+00:00'")


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        pytest.param(
            _partial_pull, "purge: the latest pull (#2) is partial; no plan is made", id="partial"
        ),
        pytest.param(_stale_pull, "purge: the latest pull (#1) is older than 36 hours", id="stale"),
    ],
)
def test_no_plan_from_a_partial_or_stale_pull(
    scenario: Scenario,
    run_cli: RunCli,
    monkeypatch: pytest.MonkeyPatch,
    spoil: Callable[[Scenario, RunCli, pytest.MonkeyPatch], None],
    message: str,
) -> None:
    """`purge` and `purge --apply` exit 5 with one line; no plan is saved, nothing deleted."""
    spoil(scenario, run_cli, monkeypatch)
    seen = record_requests(scenario.state)

    results = [run_cli(scenario.config, *args) for args in (("purge",), ("purge", "--apply"))]

    assert [(r.code, r.stdout, r.stderr) for r in results] == [
        (5, "", f"rekisteri: {message}\n")
    ] * 2
    assert writes(seen) == []
    with sqlite3.connect(scenario.database) as conn:
        assert conn.execute("SELECT COUNT(*) FROM purge_plans").fetchone()[0] == 0


def test_plan_above_the_limit_waits_for_approval(
    simulator: StartSimulator, tmp_path: Path, run_cli: RunCli
) -> None:
    """Above max_auto_deletions: exit 5 naming the approve command; `--plan ID` then deletes."""
    scenario = build_scenario(simulator, tmp_path, policy={"max_auto_deletions": 1})
    prepare(scenario, run_cli)
    seen = record_requests(scenario.state)

    stopped = run_cli(scenario.config, "purge", "--apply")
    plan_id = plan_id_of(stopped.stdout)
    deleted_before_approval = deletes(seen)
    approved = run_cli(scenario.config, "purge", "--apply", "--plan", plan_id)

    assert (stopped.code, stopped.stderr) == (
        5,
        f"rekisteri: purge: plan {plan_id} holds 2 contacts, above policy.max_auto_deletions=1;"
        f" a person must approve it with: rekisteri purge --apply --plan {plan_id}\n",
    )
    assert deleted_before_approval == []
    assert (approved.code, approved.stderr, approved.stdout.splitlines()[-1]) == (
        0,
        "",
        "applied: done 2",
    )
    assert deletes(seen) == contact_paths(scenario, *PLANNED)
    assert set(scenario.state.contacts) == {
        scenario.id(p.label) for p in PEOPLE if p.label not in PLANNED
    }


def test_unknown_plan_id_is_a_safety_stop(scenario: Scenario, run_cli: RunCli) -> None:
    """`purge --apply --plan` with an id never saved: exit 5, nothing sent."""
    seen = record_requests(scenario.state)

    result = run_cli(scenario.config, "purge", "--apply", "--plan", "0123456789abcdef")

    assert (result.code, result.stdout, result.stderr) == (
        5,
        "",
        "rekisteri: purge: plan 0123456789abcdef not found; run 'rekisteri purge' again\n",
    )
    assert seen == []


def test_contact_changed_since_planning_is_skipped(scenario: Scenario, run_cli: RunCli) -> None:
    """A planned contact touched in AC after planning is skipped, reported and kept."""
    plan_id = plan_id_of(run_cli(scenario.config, "purge").stdout)
    # ActiveCampaign's udate has whole seconds: make the change visibly later than the plan
    scenario.state.touch(scenario.id("stale"), scenario.state.now() + timedelta(minutes=1))
    seen = record_requests(scenario.state)

    result = run_cli(scenario.config, "purge", "--apply", "--plan", plan_id)

    assert (result.code, result.stderr, result.stdout.splitlines()[-1]) == (
        0,
        "",
        "applied: done 1, skipped 1",
    )
    assert deletes(seen) == contact_paths(scenario, "stale_objector")
    assert scenario.id("stale") in scenario.state.contacts
    with sqlite3.connect(scenario.database) as conn:
        kept = conn.execute("SELECT id FROM contacts WHERE id = ?", (scenario.id("stale"),))
        assert kept.fetchall() == [(scenario.id("stale"),)]
        skipped = conn.execute(
            "SELECT action_key, detail FROM audit_log WHERE phase = 'skipped'"
        ).fetchall()
    assert skipped == [
        (
            f"delete:{scenario.id('stale')}:{plan_id}",
            '{"note": "contact changed since the plan was made"}',
        )
    ]


def test_apply_deletes_exactly_the_plan_and_a_rerun_deletes_nothing(
    scenario: Scenario, run_cli: RunCli
) -> None:
    """Apply leaves every unplanned contact; a re-apply or a re-plan after a pull sends nothing."""
    seen = record_requests(scenario.state)
    first = run_cli(scenario.config, "purge", "--apply")
    plan_id = plan_id_of(first.stdout)
    assert run_cli(scenario.config, "pull", "--full").code == 0
    after_first = len(seen)

    again = run_cli(scenario.config, "purge", "--apply", "--plan", plan_id)
    fresh = run_cli(scenario.config, "purge", "--apply")

    assert (first.code, first.stderr, first.stdout.splitlines()[-1]) == (0, "", "applied: done 2")
    assert set(scenario.state.contacts) == {
        scenario.id(p.label) for p in PEOPLE if p.label not in PLANNED
    }
    assert deletes(seen) == contact_paths(scenario, *PLANNED)
    assert writes(seen[after_first:]) == []
    assert again.stdout.splitlines()[-1] == "applied: done 2"  # as recorded, not sent again
    assert fresh.stdout.splitlines() == [
        f"plan {plan_id_of(fresh.stdout)}: 0 contacts (nothing to delete)",
        f"plan files: {scenario.config.parent}/var/reports/plans/{plan_id_of(fresh.stdout)}.json"
        " / .csv",
        "applied: nothing to do",
    ]


@pytest.mark.parametrize("nth", [1, 2])
@pytest.mark.parametrize("resume", [("--plan",), ()], ids=["same-plan", "fresh-plan"])
def test_crash_after_a_delete_resumes_without_deleting_twice(
    scenario: Scenario,
    run_cli: RunCli,
    monkeypatch: pytest.MonkeyPatch,
    resume: tuple[str, ...],
    nth: int,
) -> None:
    """Killed after a DELETE reached AC: the resume GETs it (404), sends no second DELETE."""
    plan_id = plan_id_of(run_cli(scenario.config, "purge").stdout)
    seen = record_requests(scenario.state)
    with monkeypatch.context() as patch:
        patch.setattr(
            sync.activecampaign.actions,
            "delete_contact",
            crash_after(sync.activecampaign.actions.delete_contact, nth),
        )
        killed = run_cli(scenario.config, "purge", "--apply")
    crashed = PLANNED[nth - 1]
    assert killed.code == 70
    assert phases(scenario.database)[-1] == (f"delete:{scenario.id(crashed)}:{plan_id}", "intent")
    resumed_from = len(seen)

    args = ("purge", "--apply", *((*resume, plan_id) if resume else ()))
    resumed = run_cli(scenario.config, *args)

    assert (resumed.code, resumed.stderr) == (0, "")
    assert deletes(seen) == contact_paths(scenario, *PLANNED)
    assert ("GET", f"/api/3/contacts/{scenario.id(crashed)}") in seen[resumed_from:]
    done = [key.split(":")[1] for key, phase in phases(scenario.database) if phase == "done"]
    assert done == [str(scenario.id(label)) for label in PLANNED]
    # a fresh plan after the second crash no longer holds the first contact: new id, new key
    how = "already deleted" if (nth, resume) == (2, ()) else "resumed: change found in place"
    assert json.loads(audit_details(scenario.database, scenario.id(crashed))[-1])["note"] == how
    assert set(scenario.state.contacts) == {
        scenario.id(p.label) for p in PEOPLE if p.label not in PLANNED
    }
    with sqlite3.connect(scenario.database) as conn:
        left = conn.execute(
            "SELECT id FROM contacts WHERE id IN (?, ?)", tuple(scenario.id(p) for p in PLANNED)
        ).fetchall()
        suppressed = conn.execute("SELECT key, scope, reason FROM suppressions").fetchall()
    assert (left, suppressed) == (
        [],
        [(suppression_key("ville.vastustaja@example.fi"), "all", "objection")],
    )


def suppression_key(email_norm: str) -> str:
    """HMAC-SHA256 of the normalised address under the scenario's key, worked out here."""
    return hmac.new(SUPPRESSION_KEY.encode(), email_norm.encode(), hashlib.sha256).hexdigest()


def register_texts(database: Path) -> dict[tuple[str, str], list[str]]:
    """Every value of every column of every table, as text, keyed by (table, column)."""
    found: dict[tuple[str, str], list[str]] = {}
    with sqlite3.connect(database) as conn:
        tables = [
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
        for table in tables:
            cursor = conn.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - names from sqlite_master
            names = [column[0] for column in cursor.description]
            for row in cursor:
                for name, value in zip(names, row, strict=True):
                    if value is not None:
                        found.setdefault((table, name), []).append(str(value).casefold())
    return found


def test_register_keeps_nothing_of_deleted_people_but_one_suppression_row(
    scenario: Scenario, run_cli: RunCli
) -> None:
    """After the purge no table holds a deleted person's email, names or phone; one HMAC row."""
    personal = {
        text.casefold()
        for p in PEOPLE
        if p.label in PLANNED
        for text in (p.email, p.email.split("@")[0], p.first_name, p.last_name, p.phone)
    }

    def leaks() -> set[tuple[str, str]]:
        return {
            (table, column)
            for (table, column), values in register_texts(scenario.database).items()
            if any(text in value for value in values for text in personal)
        }

    before = leaks()
    assert run_cli(scenario.config, "purge", "--apply").code == 0

    assert before == {  # the check can see them where they were
        ("consent_events", "email_norm"),  # stale's opt-out made in ActiveCampaign
        ("contacts", "email"),
        ("contacts", "email_norm"),
        ("contacts", "first_name"),
        ("contacts", "last_name"),
        ("contacts", "phone"),
        ("objection_events", "email_norm"),
        ("purchases", "email_norm"),
    }
    assert leaks() == set()
    with sqlite3.connect(scenario.database) as conn:
        rows = conn.execute("SELECT key, scope, reason FROM suppressions").fetchall()
        kept = {row[0] for row in conn.execute("SELECT id FROM contacts")}
    assert rows == [(suppression_key("ville.vastustaja@example.fi"), "all", "objection")]
    assert kept == {scenario.id(p.label) for p in PEOPLE if p.label not in PLANNED}


def test_unfinished_erasure_is_planned_though_subscribed_and_closed_by_the_purge(
    scenario: Scenario, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An erase ActiveCampaign failed: the purge plans it despite lists, deletes, closes it."""

    def outage(*args: Any, **kwargs: Any) -> bool:
        raise ServerError("DELETE /api/3/contacts/{id}: HTTP 503", status=503)

    with monkeypatch.context() as patch:
        patch.setattr(sync.activecampaign.actions, "delete_contact", outage)
        failed = run_cli(
            scenario.config,
            "request",
            "erase",
            "--verified",
            "known_address",
            scenario.emails["objector"],
        )
    planned = run_cli(scenario.config, "purge")
    applied = run_cli(scenario.config, "purge", "--apply")

    assert failed.code == 3
    assert plan_entries(scenario, plan_id_of(planned.stdout)) == {
        (scenario.id("stale"), "AFTER_WITHDRAWAL", False, ""),
        (scenario.id("stale_objector"), "OBJECTED", True, "all"),
        (scenario.id("objector"), "ERASURE_REQUEST", True, "direct_marketing"),
    }
    assert (applied.code, applied.stdout.splitlines()[-1]) == (0, "applied: done 3")
    assert set(scenario.state.contacts) == {
        scenario.id(p.label) for p in PEOPLE if p.label not in (*PLANNED, "objector")
    }
    with sqlite3.connect(scenario.database) as conn:
        suppressed = set(conn.execute("SELECT key, scope, reason FROM suppressions"))
        requests = conn.execute("SELECT type, status FROM requests").fetchall()
        pending = conn.execute("SELECT * FROM pending_erasures").fetchall()
    assert suppressed == {
        (suppression_key("ville.vastustaja@example.fi"), "all", "objection"),
        (suppression_key("olli.kielsi@example.fi"), "direct_marketing", "erasure-with-objection"),
    }
    assert (requests, pending) == ([("erase", "done")], [])


def test_tampered_plan_is_a_safety_stop(scenario: Scenario, run_cli: RunCli) -> None:
    """A stored plan edited after it was made no longer matches its id: exit 5, nothing sent."""
    plan_id = plan_id_of(run_cli(scenario.config, "purge").stdout)
    with sqlite3.connect(scenario.database) as conn:
        (text,) = conn.execute(
            "SELECT content FROM purge_plans WHERE id = ?", (plan_id,)
        ).fetchone()
        content = json.loads(text)
        content["entries"][0]["contact_id"] = scenario.id("consented")
        conn.execute(
            "UPDATE purge_plans SET content = ? WHERE id = ?", (json.dumps(content), plan_id)
        )
    seen = record_requests(scenario.state)

    result = run_cli(scenario.config, "purge", "--apply", "--plan", plan_id)

    assert (result.code, result.stdout, result.stderr) == (
        5,
        "",
        f"rekisteri: purge: plan {plan_id} does not match its content (changed after it was"
        " made); nothing deleted; run 'rekisteri purge' for a new plan\n",
    )
    assert seen == []
    assert [key for key, _ in phases(scenario.database) if key.startswith("delete:")] == []
