"""simulator/demo.py build_scenario: one clean address per story, CSVs the real readers accept."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from compliance.emails import is_valid_email, normalise_email
from simulator import SimulatorState, generate
from simulator.demo import Scenario, build_scenario, write_csv
from sync.register.inputs import read_consents, read_customers, read_objections

ANCHOR = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)
ACTIVE = 1

# label -> the lists its contact must be active on; None: no requirement; set(): on none
NEEDS: dict[str, set[int] | None] = {
    "objection": {1},
    "withdrawn": {1},
    "soft_opt_in_expired": {2},
    "no_basis": {3},
    "wrong_product_group": {2},
    "consent_incomplete": {1},
    "suppressed": {1},
    "access": None,
    "rectify": None,
    "objected_inactive": set(),
    "withdrew_inactive": set(),
}

COLUMNS = {
    "consents": ("email", "purpose", "action", "at", "source", "wording_id", "notice_version"),
    "objections": ("email", "scope", "at", "channel"),
    "customers": ("email", "last_purchase_at", "product_group"),
}
READERS = {"consents": read_consents, "objections": read_objections, "customers": read_customers}


@pytest.fixture(name="state", scope="module")
def _state() -> SimulatorState:
    return generate(contacts=300, seed=7, anchor=ANCHOR)


@pytest.fixture(name="scenario", scope="module")
def _scenario(state: SimulatorState) -> Scenario:
    return build_scenario(state, ANCHOR)


def rows_of(scenario: Scenario) -> dict[str, list[dict[str, str]]]:
    """The scenario's three CSV row lists by kind."""
    return {
        "consents": scenario.consents,
        "objections": scenario.objections,
        "customers": scenario.customers,
    }


def active_lists(state: SimulatorState, contact_id: int) -> set[int]:
    """Lists the contact is an active subscriber of."""
    return {m.list_id for m in state.memberships_of(contact_id) if m.status == ACTIVE}


def test_every_label_gets_a_pick(scenario: Scenario) -> None:
    """Each story the demo tells has an address picked for it."""
    assert set(scenario.picks) == set(NEEDS)


def test_picks_are_distinct_valid_and_unique_in_the_account(
    state: SimulatorState, scenario: Scenario
) -> None:
    """Picks are normalised, valid, different from each other and held by one contact each."""
    picks = scenario.picks

    assert len(set(picks.values())) == len(picks)
    assert {label: normalise_email(email) for label, email in picks.items()} == picks
    assert {label: is_valid_email(email) for label, email in picks.items()} == dict.fromkeys(
        picks, True
    )
    assert {
        label: len(state.contact_ids_by_email(email)) for label, email in picks.items()
    } == dict.fromkeys(picks, 1)


def test_picks_have_the_subscriptions_their_story_needs(
    state: SimulatorState, scenario: Scenario
) -> None:
    """Active on the wanted lists; the inactive stories on no list and not hard-bounced."""
    fits: dict[str, bool] = {}
    for label, email in scenario.picks.items():
        (contact_id,) = state.contact_ids_by_email(email)
        lists = active_lists(state, contact_id)
        want = NEEDS[label]
        if want is None:
            fits[label] = True
        elif want:
            fits[label] = want <= lists
        else:
            fits[label] = not lists and not state.contacts[contact_id].bounced_hard
    assert fits == dict.fromkeys(NEEDS, True)


def test_every_row_email_is_valid_after_normalisation(scenario: Scenario) -> None:
    """No row in the three CSVs holds an address the import would reject."""
    invalid = {
        kind: [row["email"] for row in rows if not is_valid_email(normalise_email(row["email"]))]
        for kind, rows in rows_of(scenario).items()
    }

    assert invalid == {"consents": [], "objections": [], "customers": []}


def test_rows_pass_the_real_csv_readers(tmp_path: Path, scenario: Scenario) -> None:
    """Written with write_csv, every row reads back through sync.register.inputs."""
    counts: dict[str, int] = {}
    for kind, rows in rows_of(scenario).items():
        path = tmp_path / f"{kind}.csv"
        write_csv(path, rows, COLUMNS[kind])
        counts[kind] = len(READERS[kind](path))

    assert counts == {kind: len(rows) for kind, rows in rows_of(scenario).items()}
    assert min(counts.values()) > 0


def test_objections_name_exactly_the_objector_stories(tmp_path: Path, scenario: Scenario) -> None:
    """The objections file holds the objector, the suppressed one and the inactive objector."""
    path = tmp_path / "objections.csv"
    write_csv(path, scenario.objections, COLUMNS["objections"])

    frame = read_objections(path)

    picks = scenario.picks
    assert sorted(frame["email_norm"]) == sorted(
        [picks["objection"], picks["suppressed"], picks["objected_inactive"]]
    )


def test_picked_addresses_only_carry_their_deliberate_rows(scenario: Scenario) -> None:
    """Picked contacts get no bulk rows: only the stories that need a row mention them."""
    picked = set(scenario.picks.values())
    named = {
        kind: {normalise_email(row["email"]) for row in rows} & picked
        for kind, rows in rows_of(scenario).items()
    }

    picks = scenario.picks
    assert named == {
        "consents": {
            picks["objection"],
            picks["withdrawn"],
            picks["no_basis"],
            picks["consent_incomplete"],
            picks["withdrew_inactive"],
        },
        "objections": {picks["objection"], picks["suppressed"], picks["objected_inactive"]},
        "customers": {picks["soft_opt_in_expired"], picks["wrong_product_group"]},
    }


def test_same_state_gives_the_same_scenario(state: SimulatorState, scenario: Scenario) -> None:
    """build_scenario is deterministic for a given account and moment."""
    assert build_scenario(state, ANCHOR) == scenario
