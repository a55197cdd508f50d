"""plan_purge: every deletion reason, their precedence and the must-not-delete cases (SPEC 6)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from compliance.frames import empty_purge_plan
from compliance.policy import RetentionPolicy
from compliance.retention import plan_purge
from tests.compliance import factories as f
from tests.compliance.factories import NEWSLETTER, ORDERS

A = "aino@example.fi"
OLD, RECENT = "2020-01-01", "2025-11-01"  # cdate well outside / inside the 24-month window


@dataclass(frozen=True)
class Case:
    """One contact (id 1, address A) unless `contacts` says otherwise."""

    cdate: str = OLD
    bounced: str | None = None
    memberships: tuple[tuple[int, ...], ...] = ()
    consents: tuple[tuple[object, ...], ...] = ()
    objections: tuple[tuple[str, str, str], ...] = ()
    customers: tuple[tuple[str, str, str], ...] = ()
    erasure: frozenset[str] = frozenset()
    restricted: frozenset[str] = frozenset()
    contacts: tuple[tuple[int, str], ...] = ((1, A),)
    # expected (contact_id, email_norm, reason, last_activity, suppress, scope)
    plan: tuple[tuple[int, str, str, str, bool, str], ...] = field(default=())


def contacts_of(case: Case) -> pd.DataFrame:
    frame = f.contacts(*case.contacts)
    frame["cdate"] = f.ts(case.cdate)
    frame["bounced_hard"] = case.bounced is not None
    bounced = f.ts(case.bounced) if case.bounced not in (None, "unknown") else pd.NaT
    frame["bounced_date"] = pd.Series(
        [bounced] * len(frame), index=frame.index, dtype="datetime64[ns, UTC]"
    )
    return frame


def run(case: Case) -> pd.DataFrame:
    return plan_purge(
        contacts=contacts_of(case),
        memberships=f.memberships(*case.memberships),
        consents=f.consents(*case.consents),
        objections=f.objections(*case.objections),
        customers=f.customers(*case.customers),
        erasure_emails=case.erasure,
        policy=RetentionPolicy(),
        now=f.NOW,
        restricted_emails=case.restricted,
        service_list_ids=frozenset({ORDERS}),
        lists=f.LISTS,
    )


def expected(case: Case) -> pd.DataFrame:
    if not case.plan:
        return empty_purge_plan()
    frame = pd.DataFrame(
        case.plan,
        columns=["contact_id", "email_norm", "reason", "last_activity", "suppress", "scope"],
    )
    frame["last_activity"] = pd.to_datetime(frame["last_activity"], utc=True).dt.as_unit("ns")
    return frame.astype({"contact_id": "int64", "suppress": "bool"})


CASES = [
    pytest.param(Case(plan=((1, A, "RETENTION_EXPIRED", OLD, False, ""),)), id="retention-expired"),
    pytest.param(
        Case(
            customers=((A, "2023-06-01", "shoes"),),
            plan=((1, A, "RETENTION_EXPIRED", "2023-06-01", False, ""),),
        ),
        id="retention-expired-after-last-purchase",
    ),
    pytest.param(Case(customers=((A, "2025-01-01", "hats"),)), id="keep-recent-customer"),
    pytest.param(
        Case(consents=((A, "newsletter", "grant", "2025-01-01"),)),
        id="keep-recent-consent-event",
    ),
    pytest.param(Case(memberships=((1, NEWSLETTER),)), id="keep-active-on-marketing-list"),
    pytest.param(
        Case(
            memberships=((1, ORDERS),),
            customers=((A, "2023-06-01", "shoes"),),
            plan=((1, A, "RETENTION_EXPIRED", "2023-06-01", False, ""),),
        ),
        id="service-list-only-purged-24-months-after-last-purchase",
    ),
    pytest.param(
        Case(memberships=((1, ORDERS),), customers=((A, "2025-01-01", "shoes"),)),
        id="keep-service-list-customer-within-retention",
    ),
    pytest.param(
        Case(memberships=((1, ORDERS), (1, NEWSLETTER))),
        id="keep-service-and-marketing-list",
    ),
    pytest.param(
        Case(
            memberships=((1, ORDERS),),
            consents=((A, "newsletter", "withdraw", "2025-06-01"),),
            plan=((1, A, "AFTER_WITHDRAWAL", "2025-06-01", False, ""),),
        ),
        id="service-list-does-not-hold-back-after-withdrawal",
    ),
    pytest.param(Case(memberships=((1, 99),)), id="keep-active-on-unconfigured-list"),
    pytest.param(
        Case(
            memberships=((1, NEWSLETTER, 2), (1, ORDERS, 0)),
            plan=((1, A, "RETENTION_EXPIRED", OLD, False, ""),),
        ),
        id="unsubscribed-everywhere-is-idle",
    ),
    pytest.param(
        Case(
            consents=(
                (A, "newsletter", "grant", "2025-01-01"),
                (A, "offers", "withdraw", "2025-06-01"),
            ),
            plan=((1, A, "AFTER_WITHDRAWAL", "2025-06-01", False, ""),),
        ),
        id="after-withdrawal",
    ),
    pytest.param(
        Case(consents=((A, "newsletter", "withdraw", "2025-12-15"),)),
        id="keep-recent-withdrawal",
    ),
    pytest.param(
        Case(
            consents=((A, "newsletter", "withdraw", "2025-01-01"),),
            customers=((A, "2024-06-01", "shoes"),),
        ),
        id="keep-withdrawn-with-purchase-in-window",
    ),
    pytest.param(
        Case(
            cdate=RECENT,
            objections=((A, "direct_marketing", "2025-06-01"),),
            plan=((1, A, "OBJECTED", RECENT, True, "direct_marketing"),),
        ),
        id="objected",
    ),
    pytest.param(
        Case(cdate=RECENT, objections=((A, "all", "2025-12-31T12:00"),)),
        id="keep-objection-inside-sla",
    ),
    pytest.param(
        Case(
            cdate=RECENT,
            objections=((A, "direct_marketing", "2025-01-01"),),
            customers=((A, "2025-03-01", "shoes"),),
        ),
        id="keep-objector-with-purchase-in-window",
    ),
    pytest.param(
        Case(
            cdate=RECENT,
            objections=((A, "direct_marketing", "2025-01-01"),),
            consents=((A, "newsletter", "grant", "2025-03-01"),),
        ),
        id="keep-objection-lifted-by-later-grant",
    ),
    pytest.param(
        Case(
            cdate=RECENT,
            objections=((A, "direct_marketing", "2025-01-01"),),
            consents=((A, "newsletter", "grant", "2025-03-01", "", "2025-1"),),
            plan=((1, A, "OBJECTED", RECENT, True, "direct_marketing"),),
        ),
        id="incomplete-later-grant-lifts-no-objection",
    ),
    pytest.param(
        Case(
            cdate=RECENT,
            objections=((A, "direct_marketing", "2025-01-01"),),
            consents=((A, "surveys", "grant", "2025-03-01"),),
            plan=((1, A, "OBJECTED", RECENT, True, "direct_marketing"),),
        ),
        id="grant-for-a-purpose-the-objection-does-not-cover-lifts-nothing",
    ),
    pytest.param(
        Case(
            cdate=RECENT,
            objections=((A, "market_research", "2025-01-01"), (A, "genealogy", "2025-01-01")),
        ),
        id="keep-market-research-or-genealogy-objector",
    ),
    pytest.param(
        Case(
            objections=((A, "genealogy", "2020-06-01"), (A, "market_research", "2020-06-01")),
            plan=((1, A, "RETENTION_EXPIRED", OLD, True, "genealogy,market_research"),),
        ),
        id="non-marketing-objection-still-suppressed",
    ),
    pytest.param(
        Case(
            cdate=RECENT,
            bounced="2025-01-01",
            plan=((1, A, "HARD_BOUNCE", RECENT, False, ""),),
        ),
        id="hard-bounce",
    ),
    pytest.param(Case(cdate=RECENT, bounced="2025-12-01"), id="keep-recent-hard-bounce"),
    pytest.param(Case(cdate=RECENT, bounced="unknown"), id="keep-hard-bounce-without-date"),
    pytest.param(
        Case(
            cdate=RECENT,
            memberships=((1, NEWSLETTER),),
            consents=((A, "newsletter", "grant", "2025-01-01"),),
            erasure=frozenset({"  Aino@Example.FI"}),
            plan=((1, A, "ERASURE_REQUEST", RECENT, False, ""),),
        ),
        id="erasure-even-when-active",
    ),
    pytest.param(
        Case(
            cdate=RECENT,
            objections=((A, "direct_marketing", "2025-06-01"), (A, "all", "2025-07-01")),
            erasure=frozenset({A}),
            plan=((1, A, "ERASURE_REQUEST", RECENT, True, "all,direct_marketing"),),
        ),
        id="erasure-of-objector-keeps-suppression",
    ),
    pytest.param(
        Case(
            bounced="2024-01-01",
            consents=((A, "newsletter", "withdraw", "2023-01-01"),),
            objections=((A, "direct_marketing", "2023-02-01"),),
            plan=((1, A, "OBJECTED", "2023-01-01", True, "direct_marketing"),),
        ),
        id="precedence-objected-first",
    ),
    pytest.param(
        Case(
            bounced="2024-01-01",
            consents=((A, "newsletter", "withdraw", "2023-01-01"),),
            plan=((1, A, "AFTER_WITHDRAWAL", "2023-01-01", False, ""),),
        ),
        id="precedence-withdrawal-over-bounce",
    ),
    pytest.param(
        Case(bounced="2024-01-01", plan=((1, A, "HARD_BOUNCE", OLD, False, ""),)),
        id="precedence-bounce-over-retention",
    ),
    pytest.param(
        Case(
            contacts=((3, "c@example.fi"), (1, A), (2, "b@example.fi")),
            memberships=((2, NEWSLETTER),),
            plan=(
                (1, A, "RETENTION_EXPIRED", OLD, False, ""),
                (3, "c@example.fi", "RETENTION_EXPIRED", OLD, False, ""),
            ),
        ),
        id="sorted-by-contact-id",
    ),
    pytest.param(Case(restricted=frozenset({" Aino@Example.FI "})), id="restricted-is-kept"),
    pytest.param(
        Case(
            erasure=frozenset({A}),
            objections=((A, "direct_marketing", "2020-06-01"),),
            restricted=frozenset({A}),
        ),
        id="restricted-is-kept-even-on-erasure-request",
    ),
    pytest.param(
        Case(
            contacts=((1, A), (2, "b@example.fi")),
            restricted=frozenset({"b@example.fi"}),
            plan=((1, A, "RETENTION_EXPIRED", OLD, False, ""),),
        ),
        id="restriction-keeps-only-that-person",
    ),
]


@pytest.mark.parametrize("case", CASES)
def test_plan_purge(case: Case) -> None:
    """Each scenario plans exactly the expected deletions, reasons and suppression rows."""
    assert_frame_equal(run(case), expected(case))


def test_no_contacts_gives_empty_plan() -> None:
    """An empty register plans nothing, with the documented dtypes."""
    assert_frame_equal(run(Case(contacts=())), empty_purge_plan())
