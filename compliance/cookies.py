"""Whether the cookie wording of the notice is still a defect to report (917/2014 § 205).

The seed notice says the site uses ActiveCampaign and Google Analytics cookies and that using
the site means accepting them; browsing is not consent (GDPR 4(11), Recital 32), and storing or
reading anything on a visitor's device that is not strictly necessary needs prior consent
(917/2014 § 205(1)). While `[cookies] analytics = "none"` declares no analytics and no banner,
yet ActiveCampaign holds data recorded from the website for some contacts, the notice and the
site disagree with what the configuration declares: the report lists it among the defects.
"""

from __future__ import annotations


def cookie_wording_open(analytics: str, web_tracked_contacts: int) -> bool:
    """True while nothing declares consent for cookies and tracking data exist anyway."""
    return analytics == "none" and web_tracked_contacts > 0
