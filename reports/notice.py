"""The privacy notice (GDPR Art. 13) as language-neutral facts, built from the same configuration
the job enforces: purposes and bases from `[[lists]]`, recipients from `[[processors]] purposes`,
retention from `[policy]`, cookies from `[cookies]`. Text is added by reports.notice_text."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from compliance.notice import ANALYTICS_PURPOSE
from reports.ropa import LEGAL_BASIS, LIST_DATA

SCOPES = (
    "direct_marketing",
    "distance_selling",
    "market_research",
    "person_directory",
    "genealogy",
)
DEFAULT_SCOPES = {
    "consent": ("direct_marketing", "distance_selling", "all"),
    "soft_opt_in": ("direct_marketing", "distance_selling", "all"),
    "service": (),
}
RIGHTS = ("access", "rectify", "erase", "restrict", "portability", "object", "withdraw")
ANALYTICS_BASIS = {
    "consent_banner": ("svpl_205", "gdpr_6_1_a"),
    "anonymous_no_cookies": ("gdpr_6_1_f_stats",),
}
# The activities every register of this kind has besides its lists (the ROPA has them too).
FIXED = (
    ("customers", ("gdpr_6_1_b", "gdpr_6_1_c_books")),
    ("suppression", ("gdpr_6_1_c_21_3",)),
    ("requests", ("gdpr_6_1_c_12_22",)),
)


def _recipients(purpose: str, processors: Sequence[Mapping[str, Any]]) -> list[str]:
    return [str(p.get("name")) for p in processors if purpose in (p.get("purposes") or ())]


def _scopes(item: Mapping[str, Any]) -> tuple[str, ...]:
    scopes = item.get("objection_scopes")
    return tuple(scopes) if scopes is not None else DEFAULT_SCOPES.get(str(item.get("basis")), ())


def _purposes(
    lists: Sequence[Mapping[str, Any]], processors: Sequence[Mapping[str, Any]], analytics: str
) -> list[dict[str, Any]]:
    grouped: dict[str, list[Mapping[str, Any]]] = {}
    for item in lists:
        grouped.setdefault(str(item.get("purpose")), []).append(item)
    purposes: list[dict[str, Any]] = []
    for purpose, items in grouped.items():
        bases = list(
            dict.fromkeys(str(i.get("basis")) for i in items if i.get("basis") in LEGAL_BASIS)
        )
        purposes.append(
            {
                "purpose": purpose,
                "kind": "list",
                "bases": bases,
                "lists": [{"id": i.get("id"), "name": i.get("name") or ""} for i in items],
                "legal_basis": [code for basis in bases for code in LEGAL_BASIS[basis]],
                "recipients": _recipients(purpose, processors),
            }
        )
    fixed = list(FIXED)
    if analytics in ANALYTICS_BASIS:
        fixed.insert(1, (ANALYTICS_PURPOSE, ANALYTICS_BASIS[analytics]))
    for kind, legal in fixed:
        purposes.append(
            {
                "purpose": None,
                "kind": kind,
                "bases": [],
                "lists": [],
                "legal_basis": list(legal),
                "recipients": _recipients(kind, processors),
            }
        )
    return purposes


def _retention(
    lists: Sequence[Mapping[str, Any]], policy: Mapping[str, Any], keep_days: int
) -> list[dict[str, Any]]:
    """The periods the nightly and the purge actually enforce (SPEC 6), in the reader's order."""
    bases = {item.get("basis") for item in lists}
    months = policy["customer_retention_months"]
    entries: list[dict[str, Any]] = []
    if "consent" in bases:
        entries.append(
            {"rule": "consent", "days": policy["after_withdrawal_days"], "months": months}
        )
    if "soft_opt_in" in bases:
        entries.append({"rule": "soft_opt_in", "months": policy["soft_opt_in_months"]})
    entries += [
        {"rule": "inactive", "months": months},
        {"rule": "objection", "hours": policy["objection_sla_hours"], "months": months},
        {"rule": "hard_bounce", "days": policy["hard_bounce_days"]},
        {"rule": "suppression"},
        {"rule": "requests", "months": policy["request_retention_months"]},
        {"rule": "audit", "months": policy["audit_retention_months"]},
        {"rule": "outputs", "days": keep_days},
        {"rule": "bookkeeping"},
    ]
    return entries


def build_notice(
    *,
    controller: Mapping[str, Any],
    lists: Sequence[Mapping[str, Any]],
    processors: Sequence[Mapping[str, Any]],
    policy: Mapping[str, Any],
    cookies: Mapping[str, Any],
    keep_days: int,
    eea_countries: frozenset[str],
    custom_fields: Sequence[str] = (),
) -> dict[str, Any]:
    """Every Art. 13(1)-(2) item as codes and numbers; nothing here depends on a language.
    `custom_fields` are the titles of the ActiveCampaign fields the mirror holds."""
    analytics = str(cookies.get("analytics") or "none")
    data = list(LIST_DATA) + [
        "consent_records",
        "objection_records",
        "purchases",
        "hashed_email",
        "request_details",
    ]
    if analytics != "none":
        data.append("browsing")
    scope_lists = {
        scope: [
            {"id": i.get("id"), "name": i.get("name") or ""} for i in lists if scope in _scopes(i)
        ]
        for scope in SCOPES
    }
    return {
        "controller": {
            key: controller.get(key) or ""
            for key in ("name", "business_id", "contact", "complaint_authority")
        },
        "purposes": _purposes(lists, processors, analytics),
        "data_categories": data,
        "custom_fields": list(custom_fields),
        "sources": ["subject", "activecampaign", "orders"]
        + (["analytics"] if analytics != "none" else []),
        "processors": [
            {
                "name": p.get("name"),
                "role": p.get("role") or "",
                "country": str(p.get("country") or "").upper(),
                "eea": str(p.get("country") or "").upper() in eea_countries,
                "mechanism": p.get("transfer_mechanism"),
                "purposes": list(p.get("purposes") or ()),
            }
            for p in processors
        ],
        "retention": _retention(lists, policy, keep_days),
        # apply: the nightly deletes on its own; report: a person approves each deletion plan
        "enforce": "apply" if policy.get("enforce") == "apply" else "report",
        "rights": list(RIGHTS),
        "objection_scopes": [{"scope": s, "lists": scope_lists[s]} for s in SCOPES],
        "objection_sla_hours": policy["objection_sla_hours"],
        "verified_identity": bool(policy.get("require_verified_identity", True)),
        "consent_purposes": any(i.get("basis") == "consent" for i in lists)
        or analytics == "consent_banner",
        "cookies": {
            "analytics": analytics,
            "consent_log": cookies.get("consent_log") or None,
            "recipients": _recipients(ANALYTICS_PURPOSE, processors) if analytics != "none" else [],
        },
    }
