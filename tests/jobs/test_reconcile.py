"""`rekisteri reconcile --apply` against the simulator: exact result, idempotent, resumable."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import sync.activecampaign.actions
from compliance.codes import OBJECTION_TAG
from simulator import SimulatorState
from simulator import catalog as cat
from sync.activecampaign.errors import ApiValidationError
from tests.conftest import CliResult, RunCli, StartSimulator
from tests.jobs.scenario import (
    Crash,
    Scenario,
    build_scenario,
    crash_after,
    memberships_in,
    prepare,
    record_requests,
    writes,
)

NEWSLETTER, OFFERS, SURVEYS, ORDERS = (
    cat.LIST_NEWSLETTER,
    cat.LIST_OFFERS,
    cat.LIST_SURVEYS,
    cat.LIST_ORDER_CONFIRMATIONS,
)
# What one uninterrupted apply sends: four unsubscribes, the tag created once, two taggings
# (the objector on a list and the objector on none).
APPLY_WRITES = Counter(
    {
        ("POST", "/api/3/contactLists"): 4,
        ("POST", "/api/3/tags"): 1,
        ("POST", "/api/3/contactTags"): 2,
    }
)


def expected_memberships(s: Scenario) -> set[tuple[int, int, int]]:
    """The account's memberships after one apply, worked out by hand from the scenario table."""
    return {
        (s.id("consented"), NEWSLETTER, 1),
        (s.id("withdrawn"), NEWSLETTER, 2),
        (s.id("objector"), NEWSLETTER, 2),
        (s.id("objector"), ORDERS, 1),
        (s.id("no_basis"), SURVEYS, 2),
        (s.id("soft_ok"), OFFERS, 1),
        (s.id("soft_expired"), OFFERS, 2),
        (s.id("service_only"), ORDERS, 1),
        (s.id("incomplete"), NEWSLETTER, 1),
        (s.id("stale"), NEWSLETTER, 2),
    }


def expected_tags(s: Scenario) -> set[tuple[int, str]]:
    """(contact, tag name) after one apply: both objectors tagged, the scenario's own tags."""
    return {
        (s.id("stale"), "asiakas"),
        (s.id("stale_objector"), "asiakas"),
        (s.id("stale_objector"), OBJECTION_TAG),
        (s.id("objector"), OBJECTION_TAG),
    }


def expected_keys(s: Scenario) -> set[str]:
    """The audit action keys of the apply after the first pull (#1)."""
    return {
        f"unsubscribe:{s.id('withdrawn')}:{NEWSLETTER}:p1",
        f"unsubscribe:{s.id('objector')}:{NEWSLETTER}:p1",
        f"tag:{s.id('objector')}:{OBJECTION_TAG}:p1",
        f"unsubscribe:{s.id('no_basis')}:{SURVEYS}:p1",
        f"unsubscribe:{s.id('soft_expired')}:{OFFERS}:p1",
        f"tag:{s.id('stale_objector')}:{OBJECTION_TAG}:p1",
    }


def tags_in(state: SimulatorState) -> set[tuple[int, str]]:
    with state.lock:
        return {(t.contact_id, state.tags[t.tag_id].tag) for t in state.contact_tags.values()}


def audit(database: Path) -> list[tuple[str, str, str]]:
    """(action_key, phase, detail) of every audit event, in order."""
    with sqlite3.connect(database) as conn:
        rows = conn.execute("SELECT action_key, phase, detail FROM audit_log ORDER BY seq")
        return [tuple(row) for row in rows]


def report_of(result: CliResult) -> dict[str, Any]:
    """report.json of a run whose last output line ends with the report.html path."""
    html = Path(result.last_line.split()[-1])
    return json.loads((html.parent / "report.json").read_text(encoding="utf-8"))


def finding_set(report: dict[str, Any]) -> set[tuple[str, int, int | None, str]]:
    return {(f["code"], f["contact_id"], f["list_id"], f["status"]) for f in report["findings"]}


def open_findings(s: Scenario) -> set[tuple[str, int, int | None, str]]:
    """What reconcile finds in the fresh scenario, every finding open."""
    return {
        ("CONSENT_WITHDRAWN", s.id("withdrawn"), NEWSLETTER, "open"),
        ("OBJECTION_NOT_HONOURED", s.id("objector"), NEWSLETTER, "open"),
        ("NO_MARKETING_BASIS", s.id("no_basis"), SURVEYS, "open"),
        ("SOFT_OPT_IN_EXPIRED", s.id("soft_expired"), OFFERS, "open"),
        ("CONSENT_INCOMPLETE", s.id("incomplete"), NEWSLETTER, "open"),
    }


@pytest.fixture(name="scenario")
def _scenario(simulator: StartSimulator, tmp_path: Path, run_cli: RunCli) -> Scenario:
    """The scenario account, pulled in full, with its three CSV files imported."""
    scenario = build_scenario(simulator, tmp_path)
    prepare(scenario, run_cli)
    return scenario


def test_apply_leaves_exactly_the_expected_subscriptions(
    scenario: Scenario, run_cli: RunCli
) -> None:
    """One apply: the whole membership and tag sets as worked out by hand, findings fixed."""
    seen = record_requests(scenario.state)

    result = run_cli(scenario.config, "reconcile", "--apply")

    assert (result.code, result.stderr) == (1, "")  # CONSENT_INCOMPLETE stays for a person
    assert result.stdout.splitlines()[:-1] == [
        "CONSENT_INCOMPLETE: 1",
        "CONSENT_WITHDRAWN: 1",
        "NO_MARKETING_BASIS: 1",
        "OBJECTION_NOT_HONOURED: 1",
        "SOFT_OPT_IN_EXPIRED: 1",
    ]
    assert result.last_line.startswith("6 actions (6 done); report ")
    assert memberships_in(scenario.state) == expected_memberships(scenario)
    assert tags_in(scenario.state) == expected_tags(scenario)
    assert Counter(writes(seen)) == APPLY_WRITES
    fixed = {
        (c, i, lst, "fixed" if c != "CONSENT_INCOMPLETE" else s)
        for c, i, lst, s in open_findings(scenario)
    }
    assert finding_set(report_of(result)) == fixed
    assert {(key, phase) for key, phase, _ in audit(scenario.database)} == {
        (key, phase) for key in expected_keys(scenario) for phase in ("intent", "done")
    }


def test_second_apply_after_a_new_pull_sends_nothing(scenario: Scenario, run_cli: RunCli) -> None:
    """Apply, pull again, apply again: the second apply has no action and sends no write."""
    assert run_cli(scenario.config, "reconcile", "--apply").code == 1
    assert run_cli(scenario.config, "pull").code == 0
    seen = record_requests(scenario.state)

    result = run_cli(scenario.config, "reconcile", "--apply")

    assert (result.code, result.stdout.splitlines()[:-1], result.stderr) == (
        1,
        ["CONSENT_INCOMPLETE: 1"],
        "",
    )
    assert result.last_line.startswith("0 actions (0 done); report ")
    assert writes(seen) == []
    assert memberships_in(scenario.state) == expected_memberships(scenario)


def _crash_before(original: Callable[..., Any], nth: int) -> Callable[..., Any]:
    """`original` that dies on its `nth` call before sending anything."""
    calls = 0

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == nth:
            raise Crash
        return original(*args, **kwargs)

    return wrapper


@pytest.mark.parametrize(
    ("target", "crash"),
    [
        pytest.param("set_list_status", crash_after, id="unsubscribe-reached-ac"),
        pytest.param("set_list_status", _crash_before, id="unsubscribe-not-sent"),
        pytest.param("add_tag", crash_after, id="tag-reached-ac"),
        pytest.param("add_tag", _crash_before, id="tag-not-sent"),
    ],
)
def test_killed_apply_resumes_with_every_change_made_once(
    scenario: Scenario,
    run_cli: RunCli,
    monkeypatch: pytest.MonkeyPatch,
    target: str,
    crash: Callable[[Callable[..., Any], int], Callable[..., Any]],
) -> None:
    """Killed mid-apply and run again: same end state as one run, no change sent twice."""
    seen = record_requests(scenario.state)
    with monkeypatch.context() as patch:
        patch.setattr(
            sync.activecampaign.actions,
            target,
            crash(
                getattr(sync.activecampaign.actions, target),
                2 if target == "set_list_status" else 1,
            ),
        )
        killed = run_cli(scenario.config, "reconcile", "--apply")
    assert killed.code == 70
    events = audit(scenario.database)
    assert events[-1][1] == "intent"  # died between intent and outcome

    resumed = run_cli(scenario.config, "reconcile", "--apply")

    assert (resumed.code, resumed.stderr) == (1, "")
    assert memberships_in(scenario.state) == expected_memberships(scenario)
    assert tags_in(scenario.state) == expected_tags(scenario)
    assert Counter(writes(seen)) == APPLY_WRITES
    done = Counter(key for key, phase, _ in audit(scenario.database) if phase == "done")
    assert done == Counter(expected_keys(scenario))


def _reject_first(original: Callable[..., Any]) -> Callable[..., Any]:
    """`original` whose first call is refused by ActiveCampaign (422), the later ones sent."""
    calls = 0

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise ApiValidationError("POST /api/3/contactTags: 422", status=422, errors=["Bad"])
        return original(*args, **kwargs)

    return wrapper


def test_failed_tag_is_sent_again_after_the_unsubscribes(
    scenario: Scenario, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The objector's tag call fails while its unsubscribe succeeds: the next apply tags it."""
    objector = scenario.id("objector")
    with monkeypatch.context() as patch:
        patch.setattr(
            sync.activecampaign.actions,
            "add_tag",
            _reject_first(sync.activecampaign.actions.add_tag),
        )
        first = run_cli(scenario.config, "reconcile", "--apply")
    assert (first.code, first.stderr) == (1, "")
    assert first.last_line.startswith("6 actions (5 done); report ")
    assert memberships_in(scenario.state) == expected_memberships(scenario)
    assert tags_in(scenario.state) == expected_tags(scenario) - {(objector, OBJECTION_TAG)}
    assert run_cli(scenario.config, "pull").code == 0
    seen = record_requests(scenario.state)

    second = run_cli(scenario.config, "reconcile", "--apply")

    assert (second.code, second.stdout.splitlines()[:-1], second.stderr) == (
        1,
        ["CONSENT_INCOMPLETE: 1"],
        "",
    )
    assert second.last_line.startswith("1 actions (1 done); report ")
    assert writes(seen) == [("POST", "/api/3/contactTags")]
    assert tags_in(scenario.state) == expected_tags(scenario)
    state = scenario.state
    assert {state.tags[t.tag_id].tag for t in state.contact_tags_of(objector)} == {OBJECTION_TAG}
    del seen[:]

    third = run_cli(scenario.config, "reconcile", "--apply")  # no pull: the mirror has the tag

    assert third.last_line.startswith("0 actions (0 done); report ")
    assert writes(seen) == []
    phases = [(key, phase) for key, phase, _ in audit(scenario.database) if key.startswith("tag:")]
    assert phases == [
        (f"tag:{objector}:{OBJECTION_TAG}:p1", "intent"),
        (f"tag:{objector}:{OBJECTION_TAG}:p1", "failed"),
        (f"tag:{scenario.id('stale_objector')}:{OBJECTION_TAG}:p1", "intent"),
        (f"tag:{scenario.id('stale_objector')}:{OBJECTION_TAG}:p1", "done"),
        (f"tag:{objector}:{OBJECTION_TAG}:p2", "intent"),
        (f"tag:{objector}:{OBJECTION_TAG}:p2", "done"),
    ]


def test_report_policy_nightly_sends_nothing_and_findings_stay_open(
    simulator: StartSimulator, tmp_path: Path, run_cli: RunCli
) -> None:
    """policy.enforce = "report": the nightly sends no write at all; every finding stays open."""
    scenario = build_scenario(simulator, tmp_path, policy={"enforce": "report"})
    prepare(scenario, run_cli)
    before = memberships_in(scenario.state)
    seen = record_requests(scenario.state)

    result = run_cli(scenario.config, "nightly")

    assert (result.code, result.stderr) == (1, "")
    assert writes(seen) == []
    assert memberships_in(scenario.state) == before
    report = report_of(result)
    assert finding_set(report) == open_findings(scenario)
    assert {a["result"] for a in report["actions"]} == {"planned"}
    assert (report["purge"]["applied"], report["purge"]["count"]) == (False, 2)


def test_readded_suppressed_person_is_a_suppression_breach(
    scenario: Scenario, run_cli: RunCli
) -> None:
    """Objected and erased, then re-added and subscribed in AC: SUPPRESSION_BREACH, unsubscribed."""
    email = scenario.emails["consented"]
    assert run_cli(scenario.config, "request", "object", email).code == 0
    assert (
        run_cli(scenario.config, "request", "erase", "--verified", "known_address", email).code == 0
    )
    assert scenario.id("consented") not in scenario.state.contacts
    again = scenario.state.add_contact(email.upper(), "Aino", "Suostui")
    scenario.state.set_membership(again, NEWSLETTER, 1)
    assert run_cli(scenario.config, "pull").code == 0

    planned = run_cli(scenario.config, "reconcile")
    applied = run_cli(scenario.config, "reconcile", "--apply")

    breach = {f for f in finding_set(report_of(planned)) if f[1] == again}
    assert breach == {("SUPPRESSION_BREACH", again, NEWSLETTER, "open")}
    assert {f for f in finding_set(report_of(applied)) if f[1] == again} == {
        ("SUPPRESSION_BREACH", again, NEWSLETTER, "fixed")
    }
    assert {m for m in memberships_in(scenario.state) if m[0] == again} == {(again, NEWSLETTER, 2)}
