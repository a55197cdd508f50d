"""Which RULES.md part C defects a config leaves open, and how consents' notice versions compare."""

from __future__ import annotations

from typing import Any

from compliance.notice import classify_versions, defect_codes, open_defects
from compliance.transfers import EEA_COUNTRIES

LISTS = [
    {"id": 1, "purpose": "newsletter", "basis": "consent"},
    {"id": 4, "purpose": "orders", "basis": "service"},
]
AC = {
    "name": "ActiveCampaign, LLC",
    "country": "US",
    "transfer_mechanism": "scc",
    "purposes": ["newsletter", "orders"],
}
AUTHORITY = "Tietosuojavaltuutetun toimisto, https://tietosuoja.fi"


def _open(**over: Any) -> list[tuple[str, str, dict[str, Any]]]:
    args: dict[str, Any] = {
        "lists": LISTS,
        "processors": [AC],
        "policy": {"enforce": "apply"},
        "cookies": {"analytics": "none"},
        "complaint_authority": AUTHORITY,
        "eea_countries": EEA_COUNTRIES,
    }
    args.update(over)
    return [(d.defect, d.reason, dict(d.params)) for d in open_defects(**args)]


def test_a_complete_config_leaves_no_defect_open() -> None:
    """Bases, enforced retention, authority, placed and safeguarded processors: nothing open,
    so the repealed law and the access limits (fixed by the notice's own text) never appear."""
    assert _open() == []


def test_report_mode_leaves_retention_open() -> None:
    """With enforce = report nobody deletes on schedule: the stated periods are not enforced."""
    assert _open(policy={"enforce": "report"}) == [("no_retention", "report_only", {})]


def test_unenforced_list_retention_is_open() -> None:
    """A list's retention_months is shown in the ROPA but no rule enforces it."""
    lists = [{**LISTS[0], "retention_months": 12}, LISTS[1]]
    assert _open(lists=lists) == [
        ("no_retention", "list_retention_unenforced", {"list": 1, "months": 12})
    ]


def test_unsafe_transfer_and_unplaced_processors_are_open() -> None:
    """A US recipient without a mechanism leaves the transfers defect open; a processor with
    no purposes, or purposes the notice does not describe, leaves the recipients one open."""
    sms = {
        "name": "SMS Inc.",
        "country": "US",
        "transfer_mechanism": "none",
        "purposes": ["orders"],
    }
    bare = {"name": "Hosting Oy", "country": "FI", "transfer_mechanism": "none"}
    odd = {"name": "Ads Oy", "country": "FI", "transfer_mechanism": "none", "purposes": ["ads"]}
    found = _open(processors=[AC, sms, bare, odd])
    assert found == [
        ("transfers", "no_safeguard", {"name": "SMS Inc.", "country": "US"}),
        ("partner_disclosure", "processor_no_purposes", {"name": "Hosting Oy"}),
        ("partner_disclosure", "processor_unknown_purpose", {"name": "Ads Oy", "purposes": "ads"}),
    ]


def test_analytics_processor_with_no_declared_analytics_is_open() -> None:
    """A processor for website analytics while [cookies] says none: the basis is unknown."""
    ga = {
        "name": "Google LLC",
        "country": "US",
        "transfer_mechanism": "adequacy",
        "purposes": ["website_analytics"],
    }
    assert _open(processors=[AC, ga]) == [
        ("browsing_consent", "analytics_undeclared", {"name": "Google LLC"})
    ]
    assert _open(processors=[AC, ga], cookies={"analytics": "anonymous_no_cookies"}) == []


def test_banner_without_consent_log_and_missing_authority_are_open() -> None:
    """A consent banner whose consents are kept nowhere cannot be demonstrated; a blank
    complaint authority leaves the objection/complaint defect open."""
    found = _open(cookies={"analytics": "consent_banner"}, complaint_authority=" ")
    assert found == [
        ("browsing_consent", "banner_without_log", {}),
        ("objection_wording", "no_authority", {}),
    ]
    assert defect_codes(
        open_defects(
            lists=LISTS,
            processors=[AC],
            policy={"enforce": "report"},
            cookies={"analytics": "consent_banner"},
            complaint_authority="",
            eea_countries=EEA_COUNTRIES,
        )
    ) == ["browsing_consent", "no_retention", "objection_wording"]


def test_consent_versions_are_classified_against_the_current_and_issued_ones() -> None:
    """Current first; an issued earlier version is older; a version never issued (the seed's)
    is unknown; a consent without a version is missing."""
    rows = classify_versions(
        {"2026-12-03-aaaaaaaaaaaa": 3, "2027-01-10-bbbbbbbbbbbb": 5, "seed-2021": 2, None: 1},
        current="2027-01-10-bbbbbbbbbbbb",
        issued=["2026-12-03-aaaaaaaaaaaa", "2027-01-10-bbbbbbbbbbbb"],
    )
    assert rows == [
        {"notice_version": "2027-01-10-bbbbbbbbbbbb", "consents": 5, "status": "current"},
        {"notice_version": "2026-12-03-aaaaaaaaaaaa", "consents": 3, "status": "older"},
        {"notice_version": "seed-2021", "consents": 2, "status": "unknown"},
        {"notice_version": None, "consents": 1, "status": "missing"},
    ]
