"""Hostile ActiveCampaign answers at job level (SPEC 6.1): exit 3 or 5, nobody forgotten."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.conftest import RunCli, StartSimulator
from tests.jobs.scenario import (
    ACTIVE,
    PEOPLE,
    Scenario,
    build_scenario,
    memberships_in,
    prepare,
)

LAWFUL = ("consented", "soft_ok", "service_only", "incomplete")  # subscribed lawfully


def ledger_counts(scenario: Scenario) -> dict[str, int]:
    database = scenario.config.parent / "var" / "register.sqlite"
    with sqlite3.connect(database) as conn:
        return {
            table: int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])  # noqa: S608
            for table in (
                "contacts",
                "consent_events",
                "objection_events",
                "purchases",
                "ac_deletions",
            )
        }


def history_of(scenario: Scenario, labels: tuple[str, ...]) -> set[tuple[str, str]]:
    """(table, row_hash) of every consent, objection and purchase row of these people."""
    emails = [p.email.lower() for p in PEOPLE if p.label in labels]
    database = scenario.config.parent / "var" / "register.sqlite"
    marks = ",".join("?" * len(emails))
    with sqlite3.connect(database) as conn:
        return {
            (table, str(row[0]))
            for table in ("consent_events", "objection_events", "purchases")
            for row in conn.execute(
                f"SELECT row_hash FROM {table} WHERE email_norm IN ({marks})",  # noqa: S608
                emails,
            )
        }


def active_lists(scenario: Scenario, label: str) -> set[int]:
    contact_id = scenario.id(label)
    return {
        list_id
        for owner, list_id, status in memberships_in(scenario.state)
        if owner == contact_id and status == ACTIVE
    }


@pytest.mark.parametrize("name", ["empty_body", "empty_object", "contacts_null", "html"])
def test_hostile_full_pull_exits_3_and_the_next_nightly_forgets_nobody(
    simulator: StartSimulator, tmp_path: Path, run_cli: RunCli, name: str
) -> None:
    """The seen failure: a hostile contact page, then a nightly. Exit 3 with one line naming
    the endpoint, the register unchanged, and the nightly keeps every lawful subscription."""
    scenario = build_scenario(simulator, tmp_path, policy={"enforce": "apply"})
    prepare(scenario, run_cli)
    before = ledger_counts(scenario)
    lawful = {label: active_lists(scenario, label) for label in LAWFUL}
    # everyone but the two the purge deletes lawfully (retention, standing objection)
    kept = tuple(p.label for p in PEOPLE if p.label not in ("stale", "stale_objector"))
    history = history_of(scenario, kept)
    assert history
    scenario.state.misbehave(name, endpoint="contacts", times=1)

    hostile = run_cli(scenario.config, "pull", "--full")

    assert hostile.code == 3
    assert hostile.stderr.startswith("rekisteri: ActiveCampaign: GET /api/3/contacts: ")
    assert hostile.stderr.count("\n") == 1
    assert ledger_counts(scenario) == before

    run_cli(scenario.config, "nightly")

    assert history_of(scenario, kept) == history
    assert {label: active_lists(scenario, label) for label in LAWFUL} == lawful
    assert all(scenario.id(label) in scenario.state.contacts for label in LAWFUL)


def test_nightly_whose_pull_is_hostile_unsubscribes_and_deletes_nobody(
    simulator: StartSimulator, tmp_path: Path, run_cli: RunCli
) -> None:
    """A nightly whose own pull gets `{"contacts": null}`: exit 3, no request changes AC."""
    scenario = build_scenario(simulator, tmp_path, policy={"enforce": "apply"})
    prepare(scenario, run_cli)
    before, memberships = ledger_counts(scenario), memberships_in(scenario.state)
    scenario.state.misbehave("contacts_null", endpoint="contacts", times=1)

    result = run_cli(scenario.config, "nightly")

    assert result.code == 3
    assert result.stderr.startswith("rekisteri: pull: GET /api/3/contacts: ")
    assert memberships_in(scenario.state) == memberships
    assert scenario.state.deleted_contact_ids == set()
    assert ledger_counts(scenario) == before


def test_mass_disappearance_stops_with_exit_5_until_accepted(
    simulator: StartSimulator, tmp_path: Path, run_cli: RunCli
) -> None:
    """5 of 11 contacts gone: `pull --full` exits 5 and changes nothing; with
    `--accept-deletions` the deletions are recorded."""
    scenario = build_scenario(simulator, tmp_path)
    prepare(scenario, run_cli)
    before = ledger_counts(scenario)
    for label in ("consented", "withdrawn", "soft_ok", "service_only", "incomplete"):
        scenario.state.delete_contact(scenario.id(label))

    stopped = run_cli(scenario.config, "pull", "--full")

    assert (stopped.code, stopped.stderr) == (
        5,
        "rekisteri: pull: GET /api/3/contacts: the full walk would mark 5 of 11 mirrored"
        " contacts deleted (limit 20%); nothing changed. If they really were deleted:"
        " rekisteri pull --full --accept-deletions\n",
    )
    assert ledger_counts(scenario) == before

    accepted = run_cli(scenario.config, "pull", "--full", "--accept-deletions")

    assert accepted.code == 0
    assert ledger_counts(scenario) == {
        **before,
        "contacts": before["contacts"] - 5,
        "ac_deletions": 5,
    }


def test_accept_deletions_without_full_is_a_usage_error(
    simulator: StartSimulator, tmp_path: Path, run_cli: RunCli
) -> None:
    """`--accept-deletions` only means something for a full walk: exit 2."""
    scenario = build_scenario(simulator, tmp_path)

    result = run_cli(scenario.config, "pull", "--accept-deletions")

    assert result.code == 2
