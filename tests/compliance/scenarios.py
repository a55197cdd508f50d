"""Scenario machinery shared by the reconcile tests: a Case, how to run it, what to expect."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from compliance.codes import OBJECTION_TAG
from compliance.policy import ListPolicy, RetentionPolicy
from compliance.reconcile import Reconciliation, reconcile
from tests.compliance import factories as f
from tests.compliance.factories import NEWSLETTER, OFFERS, ORDERS

LEENA = "leena.soukkala@gmail.com"
MATTI = "matti@example.fi"
# The params of a finding about one (contact, list) pair: the list's id and purpose.
FACTS: dict[int, dict[str, Any]] = {
    NEWSLETTER: {"list_id": NEWSLETTER, "purpose": "newsletter"},
    OFFERS: {"list_id": OFFERS, "purpose": "offers"},
    ORDERS: {"list_id": ORDERS, "purpose": "orders"},
    40: {"list_id": 40, "purpose": "surveys"},
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
    lists: tuple[ListPolicy, ...] = f.LISTS
    policy: RetentionPolicy = RetentionPolicy()


def inputs(case: Case, now: datetime = f.NOW) -> dict[str, Any]:
    """The keyword arguments of reconcile for the case (no contact_tags)."""
    return {
        "contacts": f.contacts(*case.contacts),
        "memberships": f.memberships(*case.memberships),
        "consents": f.consents(*case.consents),
        "objections": f.objections(*case.objections),
        "customers": f.customers(*case.customers),
        "suppressions": f.suppressions(*case.suppressions),
        "lists": case.lists,
        "policy": case.policy,
        "now": now,
    }


def run(case: Case, now: datetime = f.NOW) -> Reconciliation:
    return reconcile(**inputs(case, now))


def duplicate_params(case: Case, contact_id: int) -> dict[str, Any]:
    """What a DUPLICATE_CONTACT finding names: how many share the address, and the others."""
    email = dict(case.contacts)[contact_id]
    others = sorted(cid for cid, other in case.contacts if other == email and cid != contact_id)
    return {"count": len(others) + 1, "other_ids": others}


def params(case: Case, code: str, contact_id: int, list_id: int | None) -> dict[str, Any]:
    """The params an expected finding carries: its list's facts, or the duplicates' ids."""
    if list_id is not None:
        extra = {"product_groups": ["shoes", "bags"]} if code == "SOFT_OPT_IN_EXPIRED" else {}
        return {**FACTS[list_id], **extra}
    return duplicate_params(case, contact_id) if code == "DUPLICATE_CONTACT" else {}


def expected(case: Case) -> Reconciliation:
    email = dict(case.contacts)
    findings = f.findings(
        *(
            (
                code,
                cid,
                email[cid],
                lid,
                params(case, code, cid, lid),
            )
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


OBJ, SUP, RSO, WDR, EXP, NMB, INC = (
    "OBJECTION_NOT_HONOURED",
    "SUPPRESSION_BREACH",
    "RESUBSCRIBED_AFTER_OPT_OUT",
    "CONSENT_WITHDRAWN",
    "SOFT_OPT_IN_EXPIRED",
    "NO_MARKETING_BASIS",
    "CONSENT_INCOMPLETE",
)
TAG = ("tag", 1, None, OBJ)


def applied(case: Case, result: Reconciliation) -> Case:
    """The case after its unsubscribe actions were carried out in ActiveCampaign."""
    done = {
        (int(a.contact_id), int(a.list_id))
        for a in result.actions.itertuples()
        if a.type == "unsubscribe"
    }
    memberships = tuple((m[0], m[1], 2) if (m[0], m[1]) in done else m for m in case.memberships)
    return Case(**{**case.__dict__, "memberships": memberships})
