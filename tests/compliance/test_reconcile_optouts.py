"""reconcile: opt-outs made in ActiveCampaign, objection scopes per list, what lifts them (SPEC
5.1, 5.2), the end of soft opt-in after a withdrawal and policy.incomplete_consent."""

from __future__ import annotations

from dataclasses import replace

import pytest
from pandas.testing import assert_frame_equal

from compliance.codes import Basis, Severity
from compliance.policy import ListPolicy, RetentionPolicy
from tests.compliance import factories as f
from tests.compliance.factories import NEWSLETTER, OFFERS, ORDERS, optout
from tests.compliance.scenarios import (
    EXP,
    INC,
    LEENA,
    NMB,
    OBJ,
    RSO,
    SUP,
    TAG,
    WDR,
    Case,
    expected,
    run,
    unsubscribe,
)

SURVEYS = 40
WITH_SURVEYS = (
    *f.LISTS,
    ListPolicy(SURVEYS, "surveys", Basis.CONSENT, objection_scopes=("market_research", "all")),
)
OPTED_OUT = optout(LEENA, "newsletter", NEWSLETTER, "2025-02-01")
GRANTED = (LEENA, "newsletter", "grant", "2024-01-01")
ON_NEWSLETTER = Case(memberships=((1, NEWSLETTER),), consents=(GRANTED, OPTED_OUT))
RESUBSCRIBED = replace(
    ON_NEWSLETTER,
    findings=((RSO, 1, NEWSLETTER),),
    actions=(unsubscribe(RSO, 1, NEWSLETTER),),
)
SURVEY_GRANT = (LEENA, "surveys", "grant", "2024-01-01")
RECENT_SHOES = ((LEENA, "2025-10-01", "shoes"),)

OPT_OUT_CASES = [
    pytest.param(RESUBSCRIBED, id="re-subscribed-after-an-opt-out"),
    pytest.param(
        replace(ON_NEWSLETTER, consents=(*ON_NEWSLETTER.consents, GRANTED[:3] + ("2025-03-01",))),
        id="complete-later-grant-for-the-purpose-lifts-it",
    ),
    pytest.param(
        replace(
            RESUBSCRIBED,
            consents=(
                *ON_NEWSLETTER.consents,
                (LEENA, "newsletter", "grant", "2025-03-01", "", "2025-1"),
            ),
        ),
        id="later-grant-without-wording-lifts-nothing",
    ),
    pytest.param(
        replace(
            RESUBSCRIBED,
            consents=(
                *ON_NEWSLETTER.consents,
                (LEENA, "newsletter", "grant", "2025-03-01", "w1", None),
            ),
        ),
        id="later-grant-without-notice-version-lifts-nothing",
    ),
    pytest.param(
        replace(
            RESUBSCRIBED,
            consents=(*ON_NEWSLETTER.consents, (LEENA, "offers", "grant", "2025-03-01")),
        ),
        id="grant-for-another-purpose-lifts-nothing",
    ),
    pytest.param(
        replace(
            RESUBSCRIBED,
            consents=(*ON_NEWSLETTER.consents, GRANTED[:3] + ("2025-02-01",)),
        ),
        id="grant-at-the-same-instant-lifts-nothing",
    ),
    pytest.param(
        Case(
            memberships=((1, OFFERS),),
            consents=(optout(LEENA, "offers", OFFERS, "2025-02-01"),),
            customers=RECENT_SHOES,
            findings=((RSO, 1, OFFERS),),
            actions=(unsubscribe(RSO, 1, OFFERS),),
        ),
        id="soft-opt-in-refusal-stands-whatever-is-bought-later",
    ),
    pytest.param(
        Case(
            memberships=((1, OFFERS),),
            consents=(OPTED_OUT,),
            customers=RECENT_SHOES,
        ),
        id="an-opt-out-from-one-list-leaves-another-purpose-alone",
    ),
    pytest.param(
        replace(
            ON_NEWSLETTER,
            objections=((LEENA, "direct_marketing", "2025-01-01"),),
            findings=((OBJ, 1, NEWSLETTER),),
            actions=(unsubscribe(OBJ, 1, NEWSLETTER), TAG),
        ),
        id="an-objection-comes-first",
    ),
    pytest.param(
        replace(
            ON_NEWSLETTER,
            suppressions=(("key-1", "2025-01-01"),),
            findings=((SUP, 1, NEWSLETTER),),
            actions=(unsubscribe(SUP, 1, NEWSLETTER),),
        ),
        id="a-suppression-comes-first",
    ),
    pytest.param(
        Case(
            memberships=((1, NEWSLETTER),),
            consents=(GRANTED, (LEENA, "newsletter", "withdraw", "2025-02-01")),
            findings=((WDR, 1, NEWSLETTER),),
            actions=(unsubscribe(WDR, 1, NEWSLETTER),),
        ),
        id="a-withdrawal-from-a-file-is-consent-withdrawn",
    ),
    pytest.param(
        Case(memberships=((1, NEWSLETTER, 2),), consents=(GRANTED, OPTED_OUT)),
        id="still-unsubscribed-nothing-to-do",
    ),
]

SCOPE_CASES = [
    pytest.param(
        Case(
            lists=WITH_SURVEYS,
            memberships=((1, NEWSLETTER), (1, SURVEYS)),
            consents=(GRANTED, SURVEY_GRANT),
            objections=((LEENA, "market_research", "2025-01-01"),),
            findings=((OBJ, 1, SURVEYS),),
            actions=(unsubscribe(OBJ, 1, SURVEYS), TAG),
        ),
        id="market-research-objection-leaves-only-the-surveys-list",
    ),
    pytest.param(
        Case(
            lists=WITH_SURVEYS,
            memberships=((1, NEWSLETTER), (1, SURVEYS)),
            consents=(GRANTED, SURVEY_GRANT),
            objections=((LEENA, "direct_marketing", "2025-01-01"),),
            findings=((OBJ, 1, NEWSLETTER),),
            actions=(unsubscribe(OBJ, 1, NEWSLETTER), TAG),
        ),
        id="direct-marketing-objection-leaves-the-surveys-list-alone",
    ),
    pytest.param(
        Case(
            lists=WITH_SURVEYS,
            memberships=((1, NEWSLETTER), (1, SURVEYS), (1, ORDERS)),
            consents=(GRANTED, SURVEY_GRANT),
            objections=((LEENA, "all", "2025-01-01"),),
            findings=((OBJ, 1, NEWSLETTER), (OBJ, 1, SURVEYS)),
            actions=(unsubscribe(OBJ, 1, NEWSLETTER), unsubscribe(OBJ, 1, SURVEYS), TAG),
        ),
        id="all-covers-every-marketing-list-never-a-service-list",
    ),
    pytest.param(
        Case(
            lists=WITH_SURVEYS,
            memberships=((1, NEWSLETTER), (1, SURVEYS)),
            consents=(GRANTED, SURVEY_GRANT),
            objections=(
                (LEENA, "person_directory", "2025-01-01"),
                (LEENA, "genealogy", "2025-01-01"),
            ),
        ),
        id="person-directory-and-genealogy-cover-no-list-and-add-no-tag",
    ),
    pytest.param(
        Case(
            lists=WITH_SURVEYS,
            memberships=((1, NEWSLETTER), (1, SURVEYS)),
            consents=(GRANTED, SURVEY_GRANT),
            suppressions=(("key-1", "2025-01-01", "market_research"),),
            findings=((SUP, 1, SURVEYS),),
            actions=(unsubscribe(SUP, 1, SURVEYS),),
        ),
        id="suppression-row-acts-on-the-lists-its-scope-covers",
    ),
    pytest.param(
        Case(
            memberships=((1, NEWSLETTER), (1, OFFERS)),
            consents=(GRANTED[:3] + ("2025-03-01",),),
            objections=((LEENA, "direct_marketing", "2025-01-01"),),
            customers=RECENT_SHOES,
            findings=((OBJ, 1, OFFERS),),
            actions=(unsubscribe(OBJ, 1, OFFERS), TAG),
        ),
        id="a-complete-later-grant-lifts-the-objection-only-for-its-list",
    ),
    pytest.param(
        Case(
            memberships=((1, NEWSLETTER),),
            consents=((LEENA, "newsletter", "grant", "2025-03-01", "", ""),),
            objections=((LEENA, "direct_marketing", "2025-01-01"),),
            findings=((OBJ, 1, NEWSLETTER),),
            actions=(unsubscribe(OBJ, 1, NEWSLETTER), TAG),
        ),
        id="an-incomplete-later-grant-lifts-no-objection",
    ),
    pytest.param(
        Case(
            memberships=((1, NEWSLETTER),),
            consents=((LEENA, "newsletter", "grant", "2025-03-01", "w1", ""),),
            suppressions=(("key-1", "2025-01-01"),),
            findings=((SUP, 1, NEWSLETTER),),
            actions=(unsubscribe(SUP, 1, NEWSLETTER),),
        ),
        id="an-incomplete-later-grant-lifts-no-suppression",
    ),
    pytest.param(
        Case(
            memberships=((1, NEWSLETTER),),
            consents=(GRANTED[:3] + ("2025-03-01",),),
            suppressions=(("key-1", "2025-01-01"),),
        ),
        id="a-complete-later-grant-lifts-the-suppression",
    ),
    pytest.param(
        Case(
            memberships=((1, OFFERS),),
            objections=((LEENA, "direct_marketing", "2025-01-01"),),
            customers=RECENT_SHOES,
            findings=((OBJ, 1, OFFERS),),
            actions=(unsubscribe(OBJ, 1, OFFERS), TAG),
        ),
        id="a-purchase-lifts-no-objection",
    ),
]

SOFT_CASES = [
    pytest.param(
        Case(
            memberships=((1, OFFERS),),
            consents=(
                (LEENA, "offers", "withdraw", "2024-01-01"),
                (LEENA, "offers", "grant", "2024-06-01", "", ""),
                (LEENA, "offers", "withdraw", "2024-09-01"),
            ),
            customers=RECENT_SHOES,
            findings=((WDR, 1, OFFERS),),
            actions=(unsubscribe(WDR, 1, OFFERS),),
        ),
        id="withdrawal-after-an-incomplete-grant-still-ends-soft-opt-in",
    ),
    pytest.param(
        Case(
            memberships=((1, OFFERS),),
            consents=((LEENA, "offers", "withdraw", "2020-01-01"),),
            customers=((LEENA, "2021-01-01", "shoes"),),
            findings=((WDR, 1, OFFERS),),
            actions=(unsubscribe(WDR, 1, OFFERS),),
        ),
        id="withdrawal-then-old-purchase-is-withdrawn-not-expired",
    ),
    pytest.param(
        Case(
            memberships=((1, OFFERS),),
            customers=((LEENA, "2021-01-01", "shoes"),),
            findings=((EXP, 1, OFFERS),),
            actions=(unsubscribe(EXP, 1, OFFERS),),
        ),
        id="no-withdrawal-old-purchase-expired",
    ),
    pytest.param(
        Case(
            memberships=((1, NEWSLETTER),),
            findings=((NMB, 1, NEWSLETTER),),
            actions=(unsubscribe(NMB, 1, NEWSLETTER),),
        ),
        id="no-basis-unchanged",
    ),
]


@pytest.mark.parametrize("case", [*OPT_OUT_CASES, *SCOPE_CASES, *SOFT_CASES])
def test_reconcile_rule(case: Case) -> None:
    """Each case of SPEC 5.1/5.2 yields exactly the expected findings and actions."""
    result, want = run(case), expected(case)
    assert_frame_equal(result.findings, want.findings)
    assert_frame_equal(result.actions, want.actions)


INCOMPLETE = (LEENA, "newsletter", "grant", "2025-01-01", "", "2025-1")
STRICT = RetentionPolicy(incomplete_consent="unsubscribe")


def test_incomplete_consent_reported_by_default() -> None:
    """policy.incomplete_consent = report: CONSENT_INCOMPLETE is medium and nothing is sent."""
    case = Case(
        memberships=((1, NEWSLETTER),), consents=(INCOMPLETE,), findings=((INC, 1, NEWSLETTER),)
    )
    result, want = run(case), expected(case)
    assert_frame_equal(result.findings, want.findings)
    assert_frame_equal(result.actions, want.actions)


def test_incomplete_consent_unsubscribes_when_configured() -> None:
    """incomplete_consent = unsubscribe: the finding is high and the list is left."""
    case = Case(
        memberships=((1, NEWSLETTER),),
        consents=(INCOMPLETE,),
        policy=STRICT,
        findings=((INC, 1, NEWSLETTER),),
        actions=(unsubscribe(INC, 1, NEWSLETTER),),
    )
    result, want = run(case), expected(case)
    want_findings = want.findings.assign(severity=Severity.HIGH.value)
    assert_frame_equal(result.findings, want_findings)
    assert_frame_equal(result.actions, want.actions)


def test_incomplete_consent_with_soft_opt_in_stays_a_report() -> None:
    """incomplete_consent = unsubscribe never removes someone soft opt-in still covers."""
    case = Case(
        memberships=((1, OFFERS),),
        consents=((LEENA, "offers", "grant", "2025-01-01", "", ""),),
        customers=RECENT_SHOES,
        policy=STRICT,
        findings=((INC, 1, OFFERS),),
    )
    result, want = run(case), expected(case)
    assert_frame_equal(result.findings, want.findings)
    assert_frame_equal(result.actions, want.actions)
