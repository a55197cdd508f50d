"""Sample inputs for the report tests: a run report, ROPA configuration and access packages."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

CONTROLLER = {
    "name": "Koko Juju",
    "business_id": "2905754-5",
    "contact": "Leena Soukkala, leena.soukkala@gmail.com, 040 839 0356",
    "language": "fi",
}
POLICY = {
    "enforce": "apply",
    "objection_sla_hours": 24,
    "soft_opt_in_months": 24,
    "customer_retention_months": 24,
    "after_withdrawal_days": 30,
    "hard_bounce_days": 180,
    "max_auto_deletions": 25,
    "audit_retention_months": 36,
    "request_retention_months": 36,
}
# The site asks for consent in a banner, as the consent-based analytics activity needs.
COOKIES = {"analytics": "consent_banner", "consent_log": "Cookiebot"}
EEA = frozenset({"FI", "SE", "DE", "IE", "NL", "FR", "DK", "NO", "IS", "LI"})
LISTS = [
    {
        "id": 1,
        "name": "Uutiskirje",
        "purpose": "newsletter",
        "basis": "consent",
        "product_groups": [],
        "retention_months": None,
    },
    {
        "id": 2,
        "name": "Asiakastarjoukset",
        "purpose": "customer_offers",
        "basis": "soft_opt_in",
        "product_groups": ["kurssit"],
        "retention_months": None,
    },
    {
        "id": 3,
        "name": "Asiakaskyselyt",
        "purpose": "surveys",
        "basis": "consent",
        "product_groups": [],
        "retention_months": None,
    },
    {
        "id": 4,
        "name": "Tilausvahvistukset",
        "purpose": "orders",
        "basis": "service",
        "product_groups": [],
        "retention_months": None,
    },
]
PROCESSORS = [
    {
        "name": "ActiveCampaign, LLC",
        "country": "US",
        "transfer_mechanism": "scc",
        "role": "email marketing platform",
        "purposes": ["newsletter", "customer_offers", "surveys", "orders", "customers"],
        "dpa_signed": date(2024, 1, 15),
    },
    {
        "name": "Google LLC (Google Analytics)",
        "country": "US",
        "transfer_mechanism": "adequacy",
        "role": "website analytics",
        "purposes": ["website_analytics"],
        "dpa_signed": date(2024, 2, 1),
    },
    {
        "name": "Zoner Oy",
        "country": "FI",
        "transfer_mechanism": "none",
        "role": "web hosting",
        "purposes": ["newsletter", "customer_offers", "surveys", "orders", "customers"],
        "dpa_signed": date(2023, 5, 2),
    },
]
GENERATED_AT = datetime(2026, 11, 25, 6, 30, tzinfo=UTC)


def sample_report() -> dict[str, Any]:
    """A nightly run with every kind of item the report shows."""
    return {
        "run": {
            "id": "r-20261125-0400",
            "started_at": "2026-11-25T04:00:00+00:00",
            "finished_at": "2026-11-25T04:03:12+00:00",
            "as_of": "2026-11-25T04:00:00+00:00",
            "command": "rekisteri nightly",
            "pull": {"contacts": 1523, "requests": 31, "complete": True},
            "exit_code": 5,
        },
        "controller": dict(CONTROLLER),
        "policy": dict(POLICY),
        "totals": {
            "contacts": 1523,
            "active_marketing": 1204,
            "findings": 5,
            "unsubscribed": 3,
            "deleted": 0,
            "purge_planned": 40,
        },
        "active_by_basis": {"consent": 980, "soft_opt_in": 224},
        "lists": [{key: item[key] for key in ("id", "name", "purpose", "basis")} for item in LISTS],
        "findings": [
            {
                "code": "OBJECTION_NOT_HONOURED",
                "severity": "critical",
                "contact_id": 17,
                "email_masked": "m***@example.fi",
                "list_id": 1,
                "status": "fixed",
                "detail": "Active on list 1 (Uutiskirje) although the person objected to a use"
                " the list serves.",
                "params": {"list_id": 1, "purpose": "newsletter"},
            },
            {
                "code": "NO_MARKETING_BASIS",
                "severity": "high",
                "contact_id": 42,
                "email_masked": "t***@gmail.com",
                "list_id": 2,
                "status": "open",
                "detail": "Active on list 2 (Asiakastarjoukset) with no consent and no soft"
                " opt-in.",
                "params": {"list_id": 2, "purpose": "customer_offers"},
            },
            {
                "code": "CONSENT_INCOMPLETE",
                "severity": "medium",
                "contact_id": 42,
                "email_masked": "t***@gmail.com",
                "list_id": 1,
                "status": "open",
                "detail": "The consent relied on for list 1 (Uutiskirje) lacks its wording ID"
                " or privacy-notice version.",
                "params": {"list_id": 1, "purpose": "newsletter"},
            },
            {
                "code": "DSR_DUE_SOON",
                "severity": "medium",
                "contact_id": None,
                "email_masked": None,
                "list_id": None,
                "status": "open",
                "detail": "Request q-7 (Access) must be answered by 2026-11-30 09:00 UTC;"
                " 5 days left.",
                "params": {
                    "request_id": "q-7",
                    "type": "access",
                    "due_at": "2026-11-30T09:00:00+00:00",
                    "days_left": 5,
                },
            },
            {
                "code": "DUPLICATE_CONTACT",
                "severity": "low",
                "contact_id": 99,
                "email_masked": "a***@yritys.fi",
                "list_id": None,
                "status": "open",
                "detail": "2 contacts in ActiveCampaign share this email address; the others: 98.",
                "params": {"count": 2, "other_ids": [98]},
            },
        ],
        "actions": [
            {
                "type": "unsubscribe",
                "contact_id": 17,
                "list_id": 1,
                "rule": "OBJECTION_NOT_HONOURED",
                "result": "done",
            },
            {
                "type": "tag",
                "contact_id": 17,
                "list_id": None,
                "rule": "OBJECTION_NOT_HONOURED",
                "result": "done",
            },
            {
                "type": "unsubscribe",
                "contact_id": 42,
                "list_id": 2,
                "rule": "NO_MARKETING_BASIS",
                "result": "failed",
            },
        ],
        "requests": [
            {
                "id": "q-7",
                "type": "access",
                "received_at": "2026-10-30T09:00:00+00:00",
                "due_at": "2026-11-30T09:00:00+00:00",
                "status": "open",
                "days_left": 5,
            },
            {
                "id": "q-6",
                "type": "erase",
                "received_at": "2026-10-01T09:00:00+00:00",
                "due_at": "2026-11-01T09:00:00+00:00",
                "status": "done",
                "days_left": None,
            },
        ],
        "purge": {
            "plan_id": "p-3f9a1c",
            "count": 40,
            "applied": False,
            "needs_approval": True,
            "reasons": {"RETENTION_EXPIRED": 31, "HARD_BOUNCE": 9},
        },
        "ropa_errors": ["Käsittelijä Foo Inc (US): siirto ilman siirtoperustetta."],
        "notes": ["Ensimmäinen täysi haku tällä viikolla."],
    }


def sample_history() -> list[dict[str, Any]]:
    """Three earlier runs, oldest first."""
    return [
        {
            "run_id": "r-1",
            "started_at": "2026-11-22T04:00:00+00:00",
            "findings_by_code": {"NO_MARKETING_BASIS": 12, "CONSENT_INCOMPLETE": 4},
        },
        {
            "run_id": "r-2",
            "started_at": "2026-11-23T04:00:00+00:00",
            "findings_by_code": {"NO_MARKETING_BASIS": 3, "CONSENT_INCOMPLETE": 4},
        },
        {
            "run_id": "r-3",
            "started_at": "2026-11-24T04:00:00+00:00",
            "findings_by_code": {"CONSENT_INCOMPLETE": 2},
        },
    ]


def bundle() -> dict[str, Any]:
    """One ActiveCampaign contact with every kind of related record (shapes as in AC samples)."""
    return {
        "contact": {
            "id": "7",
            "email": "tiina.virtanen@example.fi",
            "firstName": "Tiina",
            "lastName": "Virtanen",
            "phone": "+358 40 123 4567",
            "orgname": "",
            "cdate": "2024-03-02T10:15:00-05:00",
            "udate": "2026-11-01T08:00:00-05:00",
            "ip": "3232235777",
            "ua": "Mozilla/5.0 Firefox/128.0",
            "bounced_hard": "0",
            "deleted_at": None,
            "fieldValues": ["11"],
            "links": {"notes": "https://example.api-us1.com/api/3/contacts/7/notes"},
        },
        "fieldValues": [
            {
                "contact": "7",
                "field": "1",
                "value": "joogakurssit",
                "id": "11",
                "udate": "2025-01-05T10:00:00-06:00",
            },
        ],
        "fieldNames": {"1": "Kiinnostuksen kohteet"},
        "contactLists": [
            {
                "contact": "7",
                "list": "1",
                "status": "1",
                "sdate": "2024-03-02T10:15:00-05:00",
                "udate": None,
                "unsubreason": None,
                "ip4Sub": "3232235777",
                "id": "21",
            },
            {
                "contact": "7",
                "list": "3",
                "status": "2",
                "sdate": "2024-03-02T10:15:00-05:00",
                "udate": "2025-06-01T12:00:00-05:00",
                "unsubreason": "liikaa viestejä",
                "id": "22",
            },
        ],
        "listNames": {1: "Uutiskirje", 3: "Asiakaskyselyt"},
        "contactTags": [
            {"contact": "7", "tag": "5", "cdate": "2024-04-01T09:00:00-05:00", "id": "31"}
        ],
        "tagNames": {"5": "joogaseikkailija"},
        "notes": [
            {
                "note": "Soitti ja kysyi kevään kursseista",
                "cdate": "2025-02-04T14:21:28-06:00",
                "id": "1",
                "owner": {"type": "contact", "id": "7"},
            }
        ],
        "deals": [
            {
                "title": "Kevätretriitti 2025",
                "value": "49000",
                "currency": "eur",
                "status": "1",
                "cdate": "2025-02-05T10:00:00-06:00",
                "id": "3057",
            }
        ],
        "contactAutomations": [
            {
                "contact": "7",
                "seriesid": "4",
                "status": "2",
                "adddate": "2024-03-02T10:16:00-05:00",
                "automation": "4",
                "id": "41",
            }
        ],
        "bounceLogs": [
            {
                "tstamp": "2025-05-12T11:30:06-05:00",
                "email": "tiina.virtanen@example.fi",
                "error": "mailbox full",
                "id": "23",
            }
        ],
        "geoIps": [
            {
                "contact": "7",
                "ip4": "1123637995",
                "tstamp": "2025-05-12T11:10:06-05:00",
                "geoAddress": "2",
                "id": "4",
            }
        ],
        "trackingLogs": [
            {
                "type": "open",
                "subscriberid": "7",
                "tstamp": "2025-05-13T08:00:00-05:00",
                "hash": "b7f1c0",
                "id": "90",
            }
        ],
        "contactData": [
            {
                "contact": "7",
                "geoCountry2": "FI",
                "geoCity": "Tampere",
                "ga_times_visited": "3",
                "id": "12",
            }
        ],
    }


def sample_package() -> dict[str, Any]:
    """An access package for a person who is in ActiveCampaign and in the register."""
    return {
        "subject": {"email": "tiina.virtanen@example.fi"},
        "found": True,
        "activecampaign": [bundle()],
        "register": {
            "consents": [
                {
                    "purpose": "newsletter",
                    "action": "grant",
                    "at": "2024-03-02T15:15:00+00:00",
                    "source": "web_form",
                    "wording_id": "w-2024-01",
                    "notice_version": "2024-02",
                }
            ],
            "objections": [
                {"scope": "market_research", "at": "2025-06-01T17:00:00+00:00", "channel": "email"}
            ],
            "purchases": [
                {"last_purchase_at": "2025-02-05T00:00:00+00:00", "product_group": "kurssit"}
            ],
        },
        "suppressed": False,
    }


def sample_empty_package() -> dict[str, Any]:
    """An access package for an address nobody knows."""
    return {
        "subject": {"email": "tuntematon@example.fi"},
        "found": False,
        "activecampaign": [],
        "register": {"consents": [], "objections": [], "purchases": []},
        "suppressed": False,
    }
