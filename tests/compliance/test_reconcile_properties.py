"""reconcile against a plain-Python reading of SPEC 5 on random small registers."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st
from pandas.testing import assert_frame_equal

from compliance.codes import DIRECT_MARKETING_SCOPES, OBJECTION_TAG, Basis
from compliance.frames import empty_actions
from compliance.policy import ListPolicy, RetentionPolicy
from compliance.reconcile import Reconciliation, reconcile
from tests.compliance import factories as f

EMAILS = ("a@x.fi", "b@x.fi", "c@x.fi")
DAYS = ("2023-06-01", "2024-01-01", "2025-01-01", "2025-06-01")
POLICIES = {policy.id: policy for policy in f.LISTS}
CUTOFF = pd.Timestamp("2024-01-01", tz="UTC")  # NOW minus soft_opt_in_months (24)


@dataclass(frozen=True)
class Register:
    contacts: list[tuple[int, str, str]]
    memberships: list[tuple[int, int, int]]
    consents: list[tuple[str, str, str, str]]
    objections: list[tuple[str, str, str]]
    customers: list[tuple[str, str, str]]
    suppressions: list[tuple[str, str]]


def registers() -> st.SearchStrategy[Register]:
    ids = st.integers(1, 4)
    email = st.sampled_from(EMAILS)
    day = st.sampled_from(DAYS)
    return st.builds(
        Register,
        contacts=st.lists(
            st.tuples(ids, email, st.sampled_from(["k1", "k2", "k3"])),
            max_size=4,
            unique_by=lambda c: c[0],
        ),
        memberships=st.lists(
            st.tuples(ids, st.sampled_from([10, 20, 30, 40]), st.sampled_from([0, 1, 1, 2])),
            max_size=8,
        ),
        consents=st.lists(
            st.tuples(
                email,
                st.sampled_from(["newsletter", "offers", "other"]),
                st.sampled_from(["grant", "withdraw"]),
                day,
            ),
            max_size=6,
        ),
        objections=st.lists(
            st.tuples(email, st.sampled_from(["direct_marketing", "all", "genealogy"]), day),
            max_size=2,
        ),
        customers=st.lists(st.tuples(email, day, st.sampled_from(["shoes", "hats"])), max_size=3),
        suppressions=st.lists(st.tuples(st.sampled_from(["k1", "k9"]), day), max_size=2),
    )


def run(register: Register) -> Reconciliation:
    return reconcile(
        contacts=f.contacts(*register.contacts),
        memberships=f.memberships(*register.memberships),
        consents=f.consents(*register.consents),
        objections=f.objections(*register.objections),
        customers=f.customers(*register.customers),
        suppressions=f.suppressions(*register.suppressions),
        lists=f.LISTS,
        policy=RetentionPolicy(),
        now=f.NOW,
    )


def verdict(register: Register, email: str, key: str, policy: ListPolicy) -> str | None:
    """The unsubscribe finding for one active (contact, marketing list) pair, or None."""
    t = f.ts
    events = [
        (t(at), action == "withdraw")
        for who, purpose, action, at in register.consents
        if who == email and purpose == policy.purpose
    ]
    latest = max(events, default=None)  # ties: (at, True) > (at, False), the withdrawal wins
    granted = max((at for at, withdraw in events if not withdraw), default=None)
    objected_at = max(
        (
            t(at)
            for who, scope, at in register.objections
            if who == email and scope in DIRECT_MARKETING_SCOPES
        ),
        default=None,
    )
    suppressed_at = max((t(at) for k, at in register.suppressions if k == key), default=None)
    bought = max(
        (
            t(at)
            for who, at, group in register.customers
            if who == email and group in policy.product_groups
        ),
        default=None,
    )

    consent_holds = latest is not None and not latest[1]
    soft = policy.basis == Basis.SOFT_OPT_IN and bought is not None
    recent = soft and bought is not None and bought >= CUTOFF
    soft_holds = recent and (latest is None or not latest[1] or bought > latest[0])
    if objected_at is not None and not (granted is not None and granted > objected_at):
        return "OBJECTION_NOT_HONOURED"
    if suppressed_at is not None and not (granted is not None and granted > suppressed_at):
        return "SUPPRESSION_BREACH"
    if latest is not None and latest[1] and not soft_holds:
        return "CONSENT_WITHDRAWN"
    if soft and not recent and not consent_holds:
        return "SOFT_OPT_IN_EXPIRED"
    if not consent_holds and not soft_holds:
        return "NO_MARKETING_BASIS"
    return None


def oracle(register: Register) -> set[tuple[str, int, int]]:
    """(code, contact, list) per SPEC 5 and the lead's decisions, one pair at a time."""
    out: set[tuple[str, int, int]] = set()
    for contact_id, email, key in register.contacts:
        for member_id, list_id, status in set(register.memberships):
            policy = POLICIES.get(list_id)
            if member_id != contact_id or status != 1 or policy is None or not policy.is_marketing:
                continue
            code = verdict(register, email, key, policy)
            if code is not None:
                out.add((code, contact_id, list_id))
    return out


@settings(max_examples=150, deadline=None)
@given(registers())
def test_matches_the_plain_reading_of_the_rules(register: Register) -> None:
    """Unsubscribe findings equal those of a row-by-row reading of SPEC 5."""
    result = run(register)
    pairs = result.findings[result.findings["list_id"].notna()]
    pairs = pairs[pairs["code"] != "CONSENT_INCOMPLETE"]
    found = {(r.code, int(r.contact_id), int(r.list_id)) for r in pairs.itertuples()}
    assert found == oracle(register)


@settings(max_examples=150, deadline=None)
@given(registers())
def test_plan_is_consistent_and_applying_it_twice_changes_nothing(register: Register) -> None:
    """One unsubscribe per pair, each backed by its finding; a re-run after apply plans nothing."""
    result = run(register)
    unsubscribes = result.actions[result.actions["type"] == "unsubscribe"]
    planned = [(r.rule, int(r.contact_id), int(r.list_id)) for r in unsubscribes.itertuples()]
    assert len(planned) == len({(c, li) for _, c, li in planned})
    assert set(planned) == oracle(register)
    tags = result.actions[result.actions["type"] == "tag"]
    objectors = {c for rule, c, _ in planned if rule == "OBJECTION_NOT_HONOURED"}
    assert sorted(tags["contact_id"].tolist()) == sorted(objectors)
    assert set(tags["tag"]) <= {OBJECTION_TAG}

    done = {(c, li) for _, c, li in planned}
    after = Register(
        **{
            **register.__dict__,
            "memberships": [
                (c, li, 2 if (c, li) in done else s) for c, li, s in register.memberships
            ],
        }
    )
    assert_frame_equal(run(after).actions, empty_actions())
