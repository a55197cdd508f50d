"""cookie_wording_open: the notice's cookie wording is a defect while nothing declares consent
and ActiveCampaign holds data recorded from the website."""

from __future__ import annotations

from compliance.cookies import cookie_wording_open


def test_open_only_for_none_with_tracked_contacts() -> None:
    """A banner or cookie-free analytics closes it; so does having no website data at all."""
    table = {
        (mode, tracked): cookie_wording_open(mode, tracked)
        for mode in ("none", "consent_banner", "anonymous_no_cookies")
        for tracked in (0, 1, 250)
    }
    assert table == {
        ("none", 0): False,
        ("none", 1): True,
        ("none", 250): True,
        ("consent_banner", 0): False,
        ("consent_banner", 1): False,
        ("consent_banner", 250): False,
        ("anonymous_no_cookies", 0): False,
        ("anonymous_no_cookies", 1): False,
        ("anonymous_no_cookies", 250): False,
    }
