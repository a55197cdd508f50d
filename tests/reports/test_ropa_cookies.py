"""The ROPA's analytics activity says exactly what `[cookies]` declares, and never claims a
consent to cookies (917/2014 § 205) that the configuration does not declare."""

from __future__ import annotations

from typing import Any

import pytest

from reports.i18n import get_lang
from reports.ropa import build_ropa
from reports.ropa_text import describe_activity
from tests.reports.samples import CONTROLLER, EEA, LISTS, POLICY, PROCESSORS

AC, GA, _ = PROCESSORS
WITHOUT_ANALYTICS = [AC]


def _analytics(cookies: dict[str, Any], processors: list[dict[str, Any]]) -> tuple[Any, ...]:
    ropa = build_ropa(
        controller={**CONTROLLER, "language": "en"},
        lists=LISTS,
        processors=processors,
        policy=POLICY,
        eea_countries=EEA,
        cookies=cookies,
    )
    (activity,) = [a for a in ropa.activities if a["id"] == "analytics"]
    text = describe_activity(activity, get_lang("en"))
    return (
        activity["legal_basis"],
        activity["data_categories"],
        activity["retention"],
        activity["recipients"],
        text["purpose"],
        text["legal_basis"],
        ropa.errors,
    )


TRACKING = [{"rule": "tracking_with_contact"}]
CASES = [
    pytest.param(
        {"analytics": "none"},
        WITHOUT_ANALYTICS,
        (
            ["cookies_none"],
            ["site_tracking"],
            TRACKING,
            [],
            "Statistics on website use. [cookies] analytics = “none”: the configuration "
            "declares no analytics cookies, and no consent to cookies is claimed.",
            [
                "None claimed: [cookies] analytics = “none” declares no analytics cookies, so no "
                "consent to cookies (917/2014 section 205) is relied on"
            ],
            [],
        ),
        id="none",
    ),
    pytest.param(
        {"analytics": "none"},
        [AC, GA],
        (
            ["cookies_none"],
            ["site_tracking"],
            TRACKING,
            [GA["name"]],
            "Statistics on website use. [cookies] analytics = “none”: the configuration "
            "declares no analytics cookies, and no consent to cookies is claimed.",
            [
                "None claimed: [cookies] analytics = “none” declares no analytics cookies, so no "
                "consent to cookies (917/2014 section 205) is relied on"
            ],
            [
                "Processor Google LLC (Google Analytics) serves website_analytics, but [cookies] "
                "analytics = “none”: ask for consent in a cookie banner (917/2014 section 205) "
                "and set analytics = “consent_banner” with consent_log, or stop using the service."
            ],
        ),
        id="none-but-an-analytics-processor",
    ),
    pytest.param(
        {"analytics": "consent_banner", "consent_log": "Cookiebot"},
        [AC, GA],
        (
            ["svpl_205", "gdpr_6_1_a"],
            ["browsing", "cookie_consents", "site_tracking"],
            TRACKING,
            [GA["name"]],
            "Statistics on website use with cookies that are set only after the visitor has "
            "consented in the cookie banner; the consents are kept in Cookiebot.",
            [
                "Cookies: the user's consent (Act on Electronic Communications Services 917/2014, "
                "section 205)",
                "Consent (GDPR Art. 6(1)(a))",
            ],
            [],
        ),
        id="consent-banner",
    ),
    pytest.param(
        {"analytics": "consent_banner"},
        [AC, GA],
        (
            ["svpl_205", "gdpr_6_1_a"],
            ["browsing", "cookie_consents", "site_tracking"],
            TRACKING,
            [GA["name"]],
            "Statistics on website use with cookies that are set only after the visitor has "
            "consented in the cookie banner; the consents are kept in –.",
            [
                "Cookies: the user's consent (Act on Electronic Communications Services 917/2014, "
                "section 205)",
                "Consent (GDPR Art. 6(1)(a))",
            ],
            [
                "[cookies] analytics = “consent_banner” without consent_log: consent must be "
                "demonstrable (GDPR Art. 7(1)); name where the banner's consents are kept."
            ],
        ),
        id="consent-banner-without-log",
    ),
    pytest.param(
        {"analytics": "anonymous_no_cookies"},
        [AC, GA],
        (
            ["gdpr_6_1_f_statistics"],
            ["browsing_anonymous", "site_tracking"],
            TRACKING,
            [GA["name"]],
            "Anonymous statistics on website use, without cookies or anything else stored on or "
            "read from the visitor's device.",
            [
                "Legitimate interest in anonymous usage statistics (GDPR Art. 6(1)(f)); nothing is "
                "stored on or read from the visitor's device"
            ],
            [],
        ),
        id="anonymous-no-cookies",
    ),
]


@pytest.mark.parametrize(("cookies", "processors", "expected"), CASES)
def test_analytics_activity_per_cookie_setting(
    cookies: dict[str, Any], processors: list[dict[str, Any]], expected: tuple[Any, ...]
) -> None:
    """Basis, data, retention, recipients, sentences and errors for each [cookies] value."""
    assert _analytics(cookies, processors) == expected


@pytest.mark.parametrize("mode", ["none", "anonymous_no_cookies"])
def test_only_a_consent_banner_claims_consent(mode: str) -> None:
    """No sentence of the record claims consent under § 205 unless a banner is declared."""
    _, _, _, _, purpose, legal, _ = _analytics({"analytics": mode}, WITHOUT_ANALYTICS)
    claims = [line for line in [purpose, *legal] if "consent (" in line.lower()]
    assert claims == []
