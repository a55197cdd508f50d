"""ROPA recipients: `[[processors]] purposes` decides under which activities a processor is."""

from __future__ import annotations

from datetime import date
from typing import Any

from reports.ropa import build_ropa
from tests.reports.samples import CONTROLLER, COOKIES, EEA, LISTS, POLICY, PROCESSORS

SMS = {
    "name": "Sms Oy",
    "country": "FI",
    "transfer_mechanism": "none",
    "role": "SMS and analytics reports",  # the word in its role no longer matters
    "purposes": ["orders"],
    "dpa_signed": date(2025, 3, 1),
}


def _recipients(processors: list[dict[str, Any]]) -> tuple[dict[str, list[str]], list[str]]:
    ropa = build_ropa(
        controller={**CONTROLLER, "language": "en"},
        lists=LISTS,
        processors=processors,
        policy=POLICY,
        eea_countries=EEA,
        cookies=COOKIES,
    )
    return {a["id"]: a["recipients"] for a in ropa.activities}, ropa.errors


AC, GA, ZONER = (p["name"] for p in PROCESSORS)
EVERY_LIST = [AC, ZONER]


def test_each_processor_appears_exactly_under_the_purposes_it_serves() -> None:
    """An SMS provider for order messages receives order data only, never the newsletter;
    Google Analytics only website analytics; nothing leaves with the register's own records."""
    recipients, errors = _recipients([*PROCESSORS, SMS])

    assert errors == []
    assert recipients == {
        "list:newsletter": EVERY_LIST,
        "list:customer_offers": EVERY_LIST,
        "list:surveys": EVERY_LIST,
        "list:orders": [*EVERY_LIST, "Sms Oy"],
        "customers": EVERY_LIST,
        "analytics": [GA],
        "suppression": [],
        "requests": [],
        "audit": [],
    }


def test_a_processor_without_purposes_is_named_everywhere_and_flagged() -> None:
    """Leaving a recipient out would hide it from the people concerned: until its purposes are
    given it is named under every activity that leaves the register, and that is an error."""
    recipients, errors = _recipients([{**SMS, "purposes": []}])

    assert errors == [
        "Processor Sms Oy: purposes is empty, so it is listed as a recipient of every activity; "
        "name the list purposes or activities it serves."
    ]
    assert recipients == {
        "list:newsletter": ["Sms Oy"],
        "list:customer_offers": ["Sms Oy"],
        "list:surveys": ["Sms Oy"],
        "list:orders": ["Sms Oy"],
        "customers": ["Sms Oy"],
        "analytics": ["Sms Oy"],
        "suppression": [],
        "requests": [],
        "audit": [],
    }


def test_a_purpose_nothing_has_is_an_error() -> None:
    """A typo would otherwise make the processor a recipient of nothing at all."""
    recipients, errors = _recipients([{**SMS, "purposes": ["order"]}])

    assert errors == [
        "Processor Sms Oy: purpose “order” is neither a list purpose nor an activity "
        "(customer_offers, customers, newsletter, orders, surveys, website_analytics)."
    ]
    assert {activity: names for activity, names in recipients.items() if names} == {}


def test_the_record_keeps_purposes_and_the_dpa_date() -> None:
    """ropa.json shows each processor's purposes and its DPA date (None when missing)."""
    ropa = build_ropa(
        controller=CONTROLLER,
        lists=LISTS,
        processors=[SMS, {**SMS, "name": "Ei Sopimusta Oy", "dpa_signed": None}],
        policy=POLICY,
        eea_countries=EEA,
        cookies=COOKIES,
    )
    assert [(p["name"], p["purposes"], p["dpa_signed"]) for p in ropa.processors] == [
        ("Sms Oy", ["orders"], "2025-03-01"),
        ("Ei Sopimusta Oy", ["orders"], None),
    ]
