"""reconcile, objections and suppressions: what lifts them, precedence, service lists (SPEC 5)."""

from __future__ import annotations

import pytest
from pandas.testing import assert_frame_equal

from compliance.frames import empty_actions
from tests.compliance.factories import NEWSLETTER, OFFERS, ORDERS
from tests.compliance.scenarios import (
    LEENA,
    OBJ,
    SUP,
    TAG,
    WDR,
    Case,
    applied,
    expected,
    run,
    unsubscribe,
)

CASES = [
    *(
        pytest.param(
            Case(
                memberships=((1, NEWSLETTER),),
                consents=((LEENA, "newsletter", "grant", "2024-01-01"),),
                objections=((LEENA, scope, "2025-01-01"),),
                findings=((OBJ, 1, NEWSLETTER),),
                actions=(unsubscribe(OBJ, 1, NEWSLETTER), TAG),
            ),
            id=f"objection-{scope}",
        )
        for scope in ("direct_marketing", "distance_selling", "all")
    ),
    pytest.param(
        Case(
            memberships=((1, NEWSLETTER),),
            consents=((LEENA, "newsletter", "grant", "2024-01-01"),),
            objections=(
                (LEENA, "genealogy", "2025-01-01"),
                (LEENA, "market_research", "2025-01-01"),
            ),
        ),
        id="objection-outside-direct-marketing-recorded-only",
    ),
    pytest.param(
        Case(
            memberships=((1, NEWSLETTER), (1, OFFERS)),
            consents=((LEENA, "newsletter", "grant", "2025-03-01"),),
            objections=((LEENA, "direct_marketing", "2025-01-01"),),
            customers=((LEENA, "2025-06-01", "shoes"),),
            findings=((OBJ, 1, OFFERS),),
            actions=(unsubscribe(OBJ, 1, OFFERS), TAG),
        ),
        id="later-grant-lifts-objection-for-its-purpose-only",
    ),
    pytest.param(
        Case(
            memberships=((1, NEWSLETTER),),
            consents=((LEENA, "newsletter", "grant", "2025-03-01"),),
            objections=(
                (LEENA, "direct_marketing", "2025-01-01"),
                (LEENA, "all", "2025-06-01"),
            ),
            findings=((OBJ, 1, NEWSLETTER),),
            actions=(unsubscribe(OBJ, 1, NEWSLETTER), TAG),
        ),
        id="latest-objection-counts",
    ),
    pytest.param(
        Case(
            memberships=((1, NEWSLETTER), (1, OFFERS), (1, ORDERS)),
            objections=((LEENA, "direct_marketing", "2025-01-01"),),
            findings=((OBJ, 1, NEWSLETTER), (OBJ, 1, OFFERS)),
            actions=(unsubscribe(OBJ, 1, NEWSLETTER), unsubscribe(OBJ, 1, OFFERS), TAG),
        ),
        id="objection-every-marketing-list-one-tag-service-untouched",
    ),
    pytest.param(
        Case(memberships=((1, ORDERS),), objections=((LEENA, "all", "2025-01-01"),)),
        id="service-list-untouched",
    ),
    pytest.param(
        Case(
            memberships=((1, NEWSLETTER),),
            consents=((LEENA, "newsletter", "grant", "2024-01-01"),),
            suppressions=(("key-1", "2025-01-01"),),
            findings=((SUP, 1, NEWSLETTER),),
            actions=(unsubscribe(SUP, 1, NEWSLETTER),),
        ),
        id="suppression-breach",
    ),
    pytest.param(
        Case(
            memberships=((1, NEWSLETTER),),
            consents=((LEENA, "newsletter", "grant", "2025-06-01"),),
            suppressions=(("key-1", "2025-01-01"),),
        ),
        id="suppression-lifted-by-later-grant",
    ),
    pytest.param(
        Case(
            memberships=((1, NEWSLETTER),),
            consents=((LEENA, "newsletter", "grant", "2024-01-01"),),
            suppressions=(("key-1", "2025-01-01", "genealogy"),),
        ),
        id="suppression-outside-direct-marketing-does-not-breach",
    ),
    pytest.param(
        Case(
            memberships=((1, NEWSLETTER),),
            consents=((LEENA, "newsletter", "grant", "2024-01-01"),),
            suppressions=(("key-1", "2025-01-01", "genealogy,distance_selling"),),
            findings=((SUP, 1, NEWSLETTER),),
            actions=(unsubscribe(SUP, 1, NEWSLETTER),),
        ),
        id="suppression-with-a-direct-marketing-scope-breaches",
    ),
    pytest.param(
        Case(
            memberships=((1, OFFERS),),
            consents=((LEENA, "newsletter", "grant", "2025-06-01"),),
            customers=((LEENA, "2025-06-01", "shoes"),),
            suppressions=(("key-1", "2025-01-01"),),
            findings=((SUP, 1, OFFERS),),
            actions=(unsubscribe(SUP, 1, OFFERS),),
        ),
        id="suppression-grant-for-another-purpose-does-not-lift",
    ),
    pytest.param(
        Case(
            memberships=((1, OFFERS),),
            consents=((LEENA, "offers", "withdraw", "2025-06-01"),),
            customers=((LEENA, "2023-01-01", "shoes"),),
            findings=((WDR, 1, OFFERS),),
            actions=(unsubscribe(WDR, 1, OFFERS),),
        ),
        id="precedence-withdrawal-over-expired",
    ),
    pytest.param(
        Case(
            memberships=((1, NEWSLETTER),),
            consents=(
                (LEENA, "newsletter", "grant", "2024-01-01"),
                (LEENA, "newsletter", "withdraw", "2024-06-01"),
            ),
            objections=((LEENA, "direct_marketing", "2025-01-01"),),
            suppressions=(("key-1", "2025-01-01"),),
            findings=((OBJ, 1, NEWSLETTER),),
            actions=(unsubscribe(OBJ, 1, NEWSLETTER), TAG),
        ),
        id="precedence-objection-over-suppression-and-withdrawal",
    ),
    pytest.param(
        Case(
            memberships=((1, NEWSLETTER),),
            consents=((LEENA, "newsletter", "withdraw", "2024-06-01"),),
            suppressions=(("key-1", "2025-01-01"),),
            findings=((SUP, 1, NEWSLETTER),),
            actions=(unsubscribe(SUP, 1, NEWSLETTER),),
        ),
        id="precedence-suppression-over-withdrawal",
    ),
]


@pytest.mark.parametrize("case", CASES)
def test_reconcile(case: Case) -> None:
    """Each scenario yields exactly the expected findings and actions, in order."""
    result, want = run(case), expected(case)
    assert_frame_equal(result.findings, want.findings)
    assert_frame_equal(result.actions, want.actions)


@pytest.mark.parametrize("case", CASES)
def test_applying_twice_changes_nothing(case: Case) -> None:
    """After the plan is applied, reconciling again plans no action."""
    again = run(applied(case, run(case)))
    assert_frame_equal(again.actions, empty_actions())
