"""reconcile, lawful basis: consent, withdrawal, soft opt-in, hygiene and ordering (SPEC 5)."""

from __future__ import annotations

import pytest
from pandas.testing import assert_frame_equal

from compliance.frames import empty_actions
from tests.compliance.factories import NEWSLETTER, OFFERS
from tests.compliance.scenarios import (
    EXP,
    INC,
    LEENA,
    MATTI,
    NMB,
    OBJ,
    TAG,
    WDR,
    Case,
    applied,
    expected,
    run,
    unsubscribe,
)

CASES = [
    pytest.param(
        Case(
            memberships=((1, NEWSLETTER),), consents=((LEENA, "newsletter", "grant", "2025-01-01"),)
        ),
        id="consent-grant-keeps",
    ),
    pytest.param(
        Case(
            memberships=((1, NEWSLETTER), (1, OFFERS)),
            findings=((NMB, 1, NEWSLETTER), (NMB, 1, OFFERS)),
            actions=(unsubscribe(NMB, 1, NEWSLETTER), unsubscribe(NMB, 1, OFFERS)),
        ),
        id="no-register-entry",
    ),
    pytest.param(
        Case(
            memberships=((1, NEWSLETTER),),
            consents=((LEENA, "offers", "grant", "2025-01-01"),),
            findings=((NMB, 1, NEWSLETTER),),
            actions=(unsubscribe(NMB, 1, NEWSLETTER),),
        ),
        id="consent-for-another-purpose",
    ),
    pytest.param(
        Case(
            memberships=((1, NEWSLETTER),),
            consents=((MATTI, "newsletter", "grant", "2025-01-01"),),
            findings=((NMB, 1, NEWSLETTER),),
            actions=(unsubscribe(NMB, 1, NEWSLETTER),),
        ),
        id="consent-of-another-person",
    ),
    pytest.param(
        Case(
            memberships=((1, NEWSLETTER),),
            consents=(
                (LEENA, "newsletter", "grant", "2024-01-01"),
                (LEENA, "newsletter", "withdraw", "2025-01-01"),
            ),
            findings=((WDR, 1, NEWSLETTER),),
            actions=(unsubscribe(WDR, 1, NEWSLETTER),),
        ),
        id="withdrawn",
    ),
    pytest.param(
        Case(
            memberships=((1, NEWSLETTER),),
            consents=(
                (LEENA, "newsletter", "grant", "2025-06-01"),
                (LEENA, "newsletter", "withdraw", "2025-01-01"),
                (LEENA, "newsletter", "grant", "2024-01-01"),
            ),
        ),
        id="withdrawal-then-regrant",
    ),
    pytest.param(
        Case(
            memberships=((1, NEWSLETTER),),
            consents=(
                (LEENA, "newsletter", "withdraw", "2025-01-01"),
                (LEENA, "newsletter", "grant", "2025-01-01"),
            ),
            findings=((WDR, 1, NEWSLETTER),),
            actions=(unsubscribe(WDR, 1, NEWSLETTER),),
        ),
        id="same-instant-withdrawal-wins",
    ),
    pytest.param(
        Case(memberships=((1, OFFERS),), customers=((LEENA, "2025-01-01", "shoes"),)),
        id="soft-opt-in-inside-window",
    ),
    pytest.param(
        Case(memberships=((1, OFFERS),), customers=((LEENA, "2024-01-01", "bags"),)),
        id="soft-opt-in-exactly-at-window-start",
    ),
    pytest.param(
        Case(
            memberships=((1, OFFERS),),
            customers=((LEENA, "2023-12-31T23:59", "shoes"), (LEENA, "2025-06-01", "hats")),
            findings=((EXP, 1, OFFERS),),
            actions=(unsubscribe(EXP, 1, OFFERS),),
        ),
        id="soft-opt-in-expired",
    ),
    pytest.param(
        Case(
            memberships=((1, OFFERS),),
            customers=((LEENA, "2025-06-01", "hats"),),
            findings=((NMB, 1, OFFERS),),
            actions=(unsubscribe(NMB, 1, OFFERS),),
        ),
        id="soft-opt-in-other-product-group",
    ),
    pytest.param(
        Case(
            memberships=((1, NEWSLETTER),),
            customers=((LEENA, "2025-06-01", "shoes"),),
            findings=((NMB, 1, NEWSLETTER),),
            actions=(unsubscribe(NMB, 1, NEWSLETTER),),
        ),
        id="soft-opt-in-never-covers-a-consent-list",
    ),
    pytest.param(
        Case(
            memberships=((1, OFFERS),),
            consents=((LEENA, "offers", "grant", "2025-01-01"),),
            customers=((LEENA, "2020-01-01", "shoes"),),
        ),
        id="soft-list-kept-by-consent",
    ),
    pytest.param(
        Case(
            memberships=((1, OFFERS),),
            consents=((LEENA, "offers", "withdraw", "2025-01-01"),),
            customers=((LEENA, "2025-06-01", "shoes"),),
            findings=((WDR, 1, OFFERS),),
            actions=(unsubscribe(WDR, 1, OFFERS),),
        ),
        id="purchase-after-withdrawal-does-not-restore-soft-opt-in",
    ),
    pytest.param(
        Case(
            memberships=((1, OFFERS),),
            consents=((LEENA, "offers", "withdraw", "2025-06-01"),),
            customers=((LEENA, "2025-01-01", "shoes"),),
            findings=((WDR, 1, OFFERS),),
            actions=(unsubscribe(WDR, 1, OFFERS),),
        ),
        id="purchase-before-withdrawal-gives-no-basis",
    ),
    pytest.param(
        Case(memberships=((1, NEWSLETTER, 0), (1, OFFERS, 2), (1, 40, 1), (1, 50, 3))),
        id="inactive-and-unconfigured-memberships-ignored",
    ),
    pytest.param(
        Case(memberships=((99, NEWSLETTER),)),
        id="membership-of-unknown-contact-ignored",
    ),
    pytest.param(
        Case(
            memberships=((1, NEWSLETTER), (1, NEWSLETTER)),
            findings=((NMB, 1, NEWSLETTER),),
            actions=(unsubscribe(NMB, 1, NEWSLETTER),),
        ),
        id="repeated-membership-one-unsubscribe",
    ),
    pytest.param(
        Case(
            memberships=((1, NEWSLETTER),),
            consents=((LEENA, "newsletter", "grant", "2025-01-01", None, "2025-1"),),
            findings=((INC, 1, NEWSLETTER),),
        ),
        id="consent-incomplete-no-wording",
    ),
    pytest.param(
        Case(
            memberships=((1, NEWSLETTER),),
            consents=((LEENA, "newsletter", "grant", "2025-01-01", "w1", "  "),),
            findings=((INC, 1, NEWSLETTER),),
        ),
        id="consent-incomplete-blank-notice",
    ),
    pytest.param(
        Case(
            memberships=((1, NEWSLETTER),),
            consents=(
                (LEENA, "newsletter", "grant", "2024-01-01", None, None),
                (LEENA, "newsletter", "grant", "2025-01-01"),
            ),
        ),
        id="older-incomplete-grant-not-relied-on",
    ),
    pytest.param(
        Case(
            memberships=((1, NEWSLETTER),),
            consents=((LEENA, "newsletter", "grant", "2024-01-01", None, None),),
            objections=((LEENA, "direct_marketing", "2025-01-01"),),
            findings=((OBJ, 1, NEWSLETTER),),
            actions=(unsubscribe(OBJ, 1, NEWSLETTER), TAG),
        ),
        id="incomplete-consent-not-reported-when-unsubscribed",
    ),
    pytest.param(
        Case(
            contacts=((1, LEENA), (2, LEENA), (3, "not-an-address")),
            memberships=((1, NEWSLETTER), (2, NEWSLETTER)),
            consents=((LEENA, "newsletter", "grant", "2025-01-01"),),
            findings=(
                ("DUPLICATE_CONTACT", 1, None),
                ("DUPLICATE_CONTACT", 2, None),
                ("INVALID_EMAIL", 3, None),
            ),
        ),
        id="duplicate-and-invalid-contacts-reported-only",
    ),
    pytest.param(
        Case(
            contacts=((1, LEENA), (2, MATTI)),
            memberships=((2, OFFERS), (2, NEWSLETTER), (1, OFFERS), (1, NEWSLETTER)),
            consents=(
                (LEENA, "newsletter", "grant", "2025-01-01", None, None),
                (MATTI, "newsletter", "withdraw", "2025-01-01"),
            ),
            findings=(
                (INC, 1, NEWSLETTER),
                (NMB, 1, OFFERS),
                (WDR, 2, NEWSLETTER),
                (NMB, 2, OFFERS),
            ),
            actions=(
                unsubscribe(NMB, 1, OFFERS),
                unsubscribe(WDR, 2, NEWSLETTER),
                unsubscribe(NMB, 2, OFFERS),
            ),
        ),
        id="sorted-by-contact-list-code",
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
