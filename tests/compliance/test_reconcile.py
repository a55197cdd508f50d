"""reconcile: one table of scenarios per SPEC 5 rule, compared as whole frames."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from pandas.testing import assert_frame_equal

from compliance.codes import OBJECTION_TAG
from compliance.emails import normalise_email
from compliance.frames import empty_actions, empty_findings
from compliance.policy import RetentionPolicy
from compliance.reconcile import Reconciliation, reconcile
from sync.inputs import read_consents, read_objections
from tests.compliance import factories as f
from tests.compliance.factories import NEWSLETTER, OFFERS, ORDERS

LEENA = "leena.soukkala@gmail.com"
MATTI = "matti@example.fi"
WHERE = {NEWSLETTER: "list 10 (newsletter)", OFFERS: "list 20 (offers)", ORDERS: "list 30 (orders)"}
DETAIL = {
    "OBJECTION_NOT_HONOURED": "active on {} although the person objected to direct marketing",
    "SUPPRESSION_BREACH": "active on {} although the address is on the suppression list",
    "CONSENT_WITHDRAWN": "active on {} after consent was withdrawn",
    "SOFT_OPT_IN_EXPIRED": "active on {}; the last purchase in shoes, bags is older than the"
    " soft opt-in period",
    "NO_MARKETING_BASIS": "active on {} with no consent and no soft opt-in",
    "CONSENT_INCOMPLETE": "the consent relied on for {} lacks its wording id or privacy-notice"
    " version",
    "DUPLICATE_CONTACT": "2 contacts in ActiveCampaign share this address",
    "INVALID_EMAIL": "the address is not a valid e-mail address",
}


@dataclass(frozen=True)
class Case:
    memberships: tuple[tuple[int, ...], ...] = ()
    consents: tuple[tuple[object, ...], ...] = ()
    objections: tuple[tuple[str, str, str], ...] = ()
    customers: tuple[tuple[str, str, str], ...] = ()
    suppressions: tuple[tuple[str, str], ...] = ()
    contacts: tuple[tuple[int, str], ...] = ((1, LEENA),)
    findings: tuple[tuple[str, int, int | None], ...] = ()  # (code, contact_id, list_id)
    actions: tuple[tuple[str, int, int | None, str], ...] = ()  # (type, contact_id, list_id, rule)


def run(case: Case, now: datetime = f.NOW) -> Reconciliation:
    return reconcile(
        contacts=f.contacts(*case.contacts),
        memberships=f.memberships(*case.memberships),
        consents=f.consents(*case.consents),
        objections=f.objections(*case.objections),
        customers=f.customers(*case.customers),
        suppressions=f.suppressions(*case.suppressions),
        lists=f.LISTS,
        policy=RetentionPolicy(),
        now=now,
    )


def expected(case: Case) -> Reconciliation:
    email = dict(case.contacts)
    findings = f.findings(
        *(
            (code, cid, email[cid], lid, DETAIL[code].format(WHERE.get(lid or 0)))
            for code, cid, lid in case.findings
        )
    )
    actions = f.actions(
        *(
            (kind, cid, lid, rule, OBJECTION_TAG if kind == "tag" else None)
            for kind, cid, lid, rule in case.actions
        )
    )
    return Reconciliation(findings=findings, actions=actions)


def unsubscribe(code: str, contact_id: int, list_id: int) -> tuple[str, int, int, str]:
    return ("unsubscribe", contact_id, list_id, code)


OBJ, SUP, WDR, EXP, NMB, INC = (
    "OBJECTION_NOT_HONOURED",
    "SUPPRESSION_BREACH",
    "CONSENT_WITHDRAWN",
    "SOFT_OPT_IN_EXPIRED",
    "NO_MARKETING_BASIS",
    "CONSENT_INCOMPLETE",
)
TAG = ("tag", 1, None, OBJ)

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
        ),
        id="purchase-after-withdrawal-restores-soft-opt-in",
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


def applied(case: Case, result: Reconciliation) -> Case:
    """The case after its unsubscribe actions were carried out in ActiveCampaign."""
    done = {
        (int(a.contact_id), int(a.list_id))
        for a in result.actions.itertuples()
        if a.type == "unsubscribe"
    }
    memberships = tuple((m[0], m[1], 2) if (m[0], m[1]) in done else m for m in case.memberships)
    return Case(**{**case.__dict__, "memberships": memberships})


@pytest.mark.parametrize("case", CASES)
def test_applying_twice_changes_nothing(case: Case) -> None:
    """After the plan is applied, reconciling again plans no action."""
    again = run(applied(case, run(case)))
    assert_frame_equal(again.actions, empty_actions())


def test_email_case_and_whitespace_do_not_matter(tmp_path: Path) -> None:
    """Register rows from a CSV match an AC contact whose address differs in case/whitespace."""
    folder = tmp_path
    (folder / "consents.csv").write_text(
        "email,purpose,action,at,source,wording_id,notice_version\n"
        "  LEENA.Soukkala@Gmail.COM ,newsletter,grant,2025-01-01,form,w1,2025-1\n",
        encoding="utf-8",
    )
    (folder / "objections.csv").write_text(
        "email,scope,at,channel\n\tleena.SOUKKALA@gmail.com,direct_marketing,2025-06-01,email\n",
        encoding="utf-8",
    )
    ac_email = "Leena.Soukkala@GMAIL.com "
    contacts = f.contacts((1, normalise_email(ac_email)))
    common = dict(
        contacts=contacts,
        memberships=f.memberships((1, NEWSLETTER)),
        customers=f.customers(),
        suppressions=f.suppressions(),
        lists=f.LISTS,
        policy=RetentionPolicy(),
        now=f.NOW,
    )
    consents = read_consents(folder / "consents.csv").drop(columns=["row_hash", "line"])
    kept = reconcile(consents=consents, objections=f.objections(), **common)  # type: ignore[arg-type]
    assert_frame_equal(kept.findings, empty_findings())
    objections = read_objections(folder / "objections.csv").drop(columns=["row_hash", "line"])
    objected = reconcile(consents=consents, objections=objections, **common)  # type: ignore[arg-type]
    assert list(objected.actions["type"]) == ["unsubscribe", "tag"]


def test_everything_empty_gives_empty_frames() -> None:
    """No contacts at all: empty findings and actions with the documented dtypes."""
    result = run(Case(contacts=()))
    assert_frame_equal(result.findings, empty_findings())
    assert_frame_equal(result.actions, empty_actions())


def test_naive_now_is_refused() -> None:
    """A naive `now` hides a time-zone mistake, so it is an error."""
    with pytest.raises(ValueError, match="timezone-aware"):
        run(Case(), now=datetime(2026, 1, 1))


def test_input_row_order_does_not_change_the_result() -> None:
    """Shuffled input rows give identical frames (deterministic sort)."""
    case = CASES[-1].values[0]
    base = run(case)
    shuffled = Case(
        **{
            **case.__dict__,
            "memberships": case.memberships[::-1],
            "consents": case.consents[::-1],
            "contacts": case.contacts[::-1],
        }
    )
    again = run(shuffled)
    assert_frame_equal(again.findings, base.findings)
    assert_frame_equal(again.actions, base.actions)


def test_list_configured_twice_is_refused() -> None:
    """Two [[lists]] entries with one id would make the verdict ambiguous."""
    with pytest.raises(ValueError, match="more than once"):
        reconcile(
            contacts=f.contacts(),
            memberships=f.memberships(),
            consents=f.consents(),
            objections=f.objections(),
            customers=f.customers(),
            suppressions=f.suppressions(),
            lists=(*f.LISTS, f.LISTS[0]),
            policy=RetentionPolicy(),
            now=f.NOW,
        )


def test_missing_column_is_named() -> None:
    """A frame without a required column fails with the column's name."""
    with pytest.raises(ValueError, match="suppression_key"):
        reconcile(
            contacts=f.contacts((1, LEENA)).drop(columns=["suppression_key"]),
            memberships=f.memberships(),
            consents=f.consents(),
            objections=f.objections(),
            customers=f.customers(),
            suppressions=f.suppressions(),
            lists=f.LISTS,
            policy=RetentionPolicy(),
            now=f.NOW,
        )
