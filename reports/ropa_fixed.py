"""The ROPA's activities that are not ActiveCampaign lists: customers, website analytics and
cookies, the suppression list, request records and the audit log (R-ROPA-1).

Each retention entry is a period the job itself enforces (SPEC 6): the purge, the nightly's
removal of old audit rows and closed requests. What the job does not enforce is not stated
as a period, and the analytics activity says exactly what `[cookies]` declares.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

Issue = Callable[..., None]
COOKIE_MODES = ("none", "consent_banner", "anonymous_no_cookies")

# What each `[cookies] analytics` value lets the record say. Only `consent_banner` claims
# consent under 917/2014 § 205 (and GDPR 6(1)(a)); browsing on is never consent (Art. 4(11)).
COOKIE_BASIS = {
    "none": ["cookies_none"],
    "consent_banner": ["svpl_205", "gdpr_6_1_a"],
    "anonymous_no_cookies": ["gdpr_6_1_f_statistics"],
}
COOKIE_DATA = {
    "none": ["site_tracking"],
    "consent_banner": ["browsing", "cookie_consents", "site_tracking"],
    "anonymous_no_cookies": ["browsing_anonymous", "site_tracking"],
}


def _positive(policy: Mapping[str, Any], key: str) -> int | None:
    value = policy.get(key)
    if not isinstance(value, int) or isinstance(value, bool):
        return None
    return value if value > 0 else None


def _months(policy: Mapping[str, Any], key: str, rule: str, kind: str, issue: Issue) -> list[Any]:
    months = _positive(policy, key)
    if months is None:
        issue(f"ropa.err.retention_{kind}", setting=f"policy.{key}", value=policy.get(key))
        return []
    return [{"rule": rule, "months": months}]


def analytics_activity(cookies: Mapping[str, Any], issue: Issue) -> dict[str, Any]:
    """Website analytics and cookies, as `[cookies]` declares them."""
    mode = str(cookies.get("analytics") or "none")
    if mode not in COOKIE_MODES:
        issue("ropa.err.cookie_mode", value=mode)
        mode = "none"
    consent_log = cookies.get("consent_log") or None
    if mode == "consent_banner" and consent_log is None:
        # A consent that cannot be shown is no consent (GDPR 7(1)).
        issue("ropa.err.consent_log")
    return {
        "id": "analytics",
        "kind": "analytics",
        "cookies": mode,
        "consent_log": consent_log,
        "legal_basis": list(COOKIE_BASIS[mode]),
        "data_subjects": ["visitors"],
        "data_categories": list(COOKIE_DATA[mode]),
        # Site-tracking data in ActiveCampaign belongs to the contact and goes with it.
        "retention": [{"rule": "tracking_with_contact"}],
    }


def fixed_activities(
    policy: Mapping[str, Any], cookies: Mapping[str, Any], issue: Issue
) -> list[dict[str, Any]]:
    keep = _months(policy, "customer_retention_months", "customer_months", "customers", issue)
    requests = _months(policy, "request_retention_months", "request_record", "requests", issue)
    audit = _months(policy, "audit_retention_months", "audit_log", "audit", issue)
    return [
        {
            "id": "customers",
            "kind": "customers",
            "legal_basis": ["gdpr_6_1_b", "gdpr_6_1_c_books"],
            "data_subjects": ["customers"],
            "data_categories": ["contact_details", "purchases"],
            "retention": [*keep, {"rule": "bookkeeping"}],
        },
        analytics_activity(cookies, issue),
        # suppression rows, request records and the audit log live only in the register
        {
            "id": "suppression",
            "kind": "suppression",
            "legal_basis": ["gdpr_6_1_c_21_3"],
            "data_subjects": ["objectors"],
            "data_categories": ["hashed_email"],
            "retention": [{"rule": "suppression"}],
            "local_only": True,
        },
        {
            "id": "requests",
            "kind": "requests",
            "legal_basis": ["gdpr_6_1_c_12_22"],
            "data_subjects": ["requesters"],
            "data_categories": ["requester_contact", "request_details"],
            "retention": requests,
            "local_only": True,
        },
        {
            "id": "audit",
            "kind": "audit",
            "legal_basis": ["gdpr_6_1_c_5_2"],
            "data_subjects": ["register_people"],
            "data_categories": ["audit_events"],
            "retention": audit,
            "local_only": True,
        },
    ]
