"""Tests for reports.ropa: building the Art. 30 record and writing ropa.html/ropa.json."""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any

import pytest

from reports.ropa import SECURITY, build_ropa, write_ropa
from tests.reports.htmlcheck import external_refs, parse
from tests.reports.samples import (
    CONTROLLER,
    COOKIES,
    EEA,
    GENERATED_AT,
    LISTS,
    POLICY,
    PROCESSORS,
)


def _build(language: str = "en", **overrides: Any) -> Any:
    args: dict[str, Any] = {
        "controller": {**CONTROLLER, "language": language},
        "lists": LISTS,
        "processors": PROCESSORS,
        "policy": POLICY,
        "eea_countries": EEA,
        "cookies": COOKIES,
    }
    args.update(overrides)
    return build_ropa(**args)


def test_valid_configuration_has_no_errors() -> None:
    """The default Koko Juju configuration yields every activity and no errors."""
    ropa = _build()
    assert ropa.errors == []
    assert [a["id"] for a in ropa.activities] == [
        "list:newsletter",
        "list:customer_offers",
        "list:surveys",
        "list:orders",
        "customers",
        "analytics",
        "suppression",
        "requests",
        "audit",
    ]


def test_consent_list_activity() -> None:
    """A consent list: 6(1)(a) + SVPL 200 § 1, retention until withdrawal + days, and the
    analytics-only processor is not a recipient of newsletter data."""
    newsletter = _build().activities[0]
    assert newsletter == {
        "id": "list:newsletter",
        "kind": "marketing",
        "purpose": "newsletter",
        "bases": ["consent"],
        "lists": [{"id": 1, "name": "Uutiskirje", "basis": "consent", "retention_months": None}],
        "legal_basis": ["gdpr_6_1_a", "svpl_200_1"],
        "data_subjects": ["subscribers"],
        "data_categories": [
            "contact_details",
            "list_status",
            "custom_fields",
            "email_activity",
            "consent_records",
            "objection_records",
        ],
        "retention": [
            {"rule": "until_withdrawal", "days": 30},
            {"rule": "hard_bounce", "days": 180},
        ],
        "recipients": ["ActiveCampaign, LLC", "Zoner Oy"],
        "transfers": [{"recipient": "ActiveCampaign, LLC", "country": "US", "mechanism": "scc"}],
        "security": list(SECURITY),
    }


def test_bases_and_retention_per_kind() -> None:
    """Soft opt-in, service and the fixed activities get their own rules, each a period the job
    enforces: request records and the audit log by their [policy] months."""
    by_id = {a["id"]: a for a in _build().activities}
    summary = {key: (a["legal_basis"], a["retention"]) for key, a in by_id.items()}
    assert summary == {
        "list:newsletter": (
            ["gdpr_6_1_a", "svpl_200_1"],
            [{"rule": "until_withdrawal", "days": 30}, {"rule": "hard_bounce", "days": 180}],
        ),
        "list:customer_offers": (
            ["gdpr_6_1_f", "svpl_200_2"],
            [{"rule": "after_last_purchase", "months": 24}, {"rule": "hard_bounce", "days": 180}],
        ),
        "list:surveys": (
            ["gdpr_6_1_a", "svpl_200_1"],
            [{"rule": "until_withdrawal", "days": 30}, {"rule": "hard_bounce", "days": 180}],
        ),
        "list:orders": (["gdpr_6_1_b"], [{"rule": "customer_months", "months": 24}]),
        "customers": (
            ["gdpr_6_1_b", "gdpr_6_1_c_books"],
            [{"rule": "customer_months", "months": 24}, {"rule": "bookkeeping"}],
        ),
        "analytics": (["svpl_205", "gdpr_6_1_a"], [{"rule": "tracking_with_contact"}]),
        "suppression": (["gdpr_6_1_c_21_3"], [{"rule": "suppression"}]),
        "requests": (["gdpr_6_1_c_12_22"], [{"rule": "request_record", "months": 36}]),
        "audit": (["gdpr_6_1_c_5_2"], [{"rule": "audit_log", "months": 36}]),
    }
    assert (by_id["suppression"]["recipients"], by_id["suppression"]["transfers"]) == ([], [])
    assert by_id["analytics"]["recipients"] == ["Google LLC (Google Analytics)"]


def test_missing_basis() -> None:
    """A list purpose without a basis is an error naming the list."""
    lists = [
        *LISTS,
        {
            "id": 5,
            "name": None,
            "purpose": "partners",
            "basis": None,
            "product_groups": [],
            "retention_months": None,
        },
    ]
    assert _build(lists=lists).errors == ["List 5: purpose “partners” has no legal basis (basis)."]


def test_missing_retention() -> None:
    """A service list with no retention_months and customer_retention_months 0 cannot be kept
    for any defined time; neither can customer records, request records or the audit log."""
    policy = {
        **POLICY,
        "customer_retention_months": 0,
        "request_retention_months": None,
        "audit_retention_months": -1,
    }
    assert _build(policy=policy).errors == [
        "List 4: no retention period can be derived for purpose “orders” "
        "(policy.customer_retention_months = 0).",
        "Customer records and purchases: no retention period can be derived "
        "(policy.customer_retention_months = 0).",
        "Data-subject requests: no retention period can be derived "
        "(policy.request_retention_months = None).",
        "Audit log: no retention period can be derived (policy.audit_retention_months = -1).",
    ]


def _for_lists(lists: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The sample processors, serving only what these lists and the fixed activities have."""
    known = {str(item["purpose"]) for item in lists} | {"customers", "website_analytics"}
    return [{**p, "purposes": [x for x in p["purposes"] if x in known]} for p in PROCESSORS]


def test_a_list_specific_retention_is_refused_not_stated() -> None:
    """The purge enforces only the [policy] periods, so a list's own retention_months is an
    error and the record states the period the purge does enforce."""
    lists = [{**LISTS[0], "retention_months": 12}]
    ropa = _build(lists=lists, processors=_for_lists(lists))
    assert ropa.errors == [
        "List 1: retention_months = 12 for purpose “newsletter” is not enforced by the purge; "
        "remove it (the periods in [policy] are what the job enforces and what the record "
        "states)."
    ]
    assert ropa.activities[0]["retention"] == [
        {"rule": "until_withdrawal", "days": 30},
        {"rule": "hard_bounce", "days": 180},
    ]


def test_transfer_without_mechanism() -> None:
    """A non-EEA processor with mechanism 'none' is an error; an EEA one is not."""
    processors = [
        *PROCESSORS,
        {
            "name": "Mailer Inc",
            "country": "us",
            "transfer_mechanism": "none",
            "role": None,
            "purposes": ["newsletter"],
        },
    ]
    assert _build(processors=processors).errors == [
        "Processor Mailer Inc (US): transfer outside the EU/EEA with no transfer mechanism "
        "(transfer_mechanism = none)."
    ]


def test_errors_in_controller_language() -> None:
    """Errors are written in the controller's language."""
    lists = [{**LISTS[0], "basis": None}]
    assert _build("fi", lists=lists, processors=_for_lists(lists)).errors == [
        "Lista 1: käyttötarkoitukselle ”newsletter” ei ole määritelty oikeusperustetta (basis)."
    ]


@pytest.mark.parametrize(
    ("language", "phrases"),
    [
        (
            "fi",
            [
                "Seloste käsittelytoimista",
                "a) Rekisterinpitäjä ja yhteystiedot",
                "Uutiskirje",
                "tietosuoja-asetus 6 art. 1 kohta a",
                "200 § 1 mom.",
                "Estolista",
                "Rekisteröityjen pyyntöjen käsittely",
                "Verkkosivujen analytiikka ja evästeet",
                "Komission vakiosopimuslausekkeet (EU) 2021/914",
                "kun perumisesta on kulunut 30 päivää",
                "tiedosto-oikeudet 0600",
                "2905754-5",
            ],
        ),
        (
            "en",
            [
                "Record of processing activities",
                "(a) Controller and contact details",
                "Newsletter",
                "GDPR Art. 6(1)(a)",
                "section 200(1)",
                "Suppression list",
                "Handling data-subject requests",
                "Website analytics and cookies",
                "EU–US Data Privacy Framework",
                "24 months after the last purchase",
                "file mode 0600",
                "2905754-5",
            ],
        ),
    ],
)
def test_write_ropa(tmp_path: Path, language: str, phrases: list[str]) -> None:
    """ropa.html and ropa.json are private, offline and in the requested language."""
    html_path, json_path = write_ropa(
        _build(), out_dir=tmp_path / "ropa", language=language, generated_at=GENERATED_AT
    )
    assert (html_path.name, json_path.name) == ("ropa.html", "ropa.json")
    assert [stat.S_IMODE(p.stat().st_mode) for p in (html_path, json_path)] == [0o600, 0o600]
    page = parse(html_path.read_text(encoding="utf-8"))
    assert page.lang == language
    assert external_refs(page) == []
    for phrase in phrases:
        assert phrase in page.text, phrase
    document = json.loads(json_path.read_text(encoding="utf-8"))
    assert (document["generated_at"], document["language"], document["errors"]) == (
        "2026-11-25T06:30:00+00:00",
        language,
        [],
    )
    assert [a["id"] for a in document["activities"]] == [a["id"] for a in _build().activities]
    assert set(document["activities"][0]["text"]) == {
        "id",
        "title",
        "purpose",
        "lists",
        "legal_basis",
        "data_subjects",
        "data_categories",
        "recipients",
        "transfers",
        "retention",
        "security",
    }


def test_errors_shown_first(tmp_path: Path) -> None:
    """Errors are at the top of ropa.html, re-rendered in the document's language."""
    lists = [{**LISTS[0], "basis": None}]
    ropa = _build("en", lists=lists, processors=_for_lists(lists))
    html_path, json_path = write_ropa(
        ropa, out_dir=tmp_path, language="fi", generated_at=GENERATED_AT
    )
    text = parse(html_path.read_text(encoding="utf-8")).text
    error = "Lista 1: käyttötarkoitukselle ”newsletter” ei ole määritelty oikeusperustetta (basis)."
    assert (
        text.index("Selosteessa on puutteita")
        < text.index(error)
        < text.index("a) Rekisterinpitäjä")
    )
    assert json.loads(json_path.read_text(encoding="utf-8"))["errors"] == [error]
