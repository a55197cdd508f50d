"""plan_orphans: register-only people past the retention window."""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from compliance.frames import UTC_DTYPE
from compliance.orphans import plan_orphans
from compliance.policy import RetentionPolicy
from tests.compliance.factories import consents, customers, objections

NOW = datetime(2026, 11, 1, tzinfo=UTC)
OLD = "2024-01-01"
RECENT = "2026-06-01"


def expected(*rows: tuple[str, str, bool, str]) -> pd.DataFrame:
    """Expected plan rows: (email_norm, last_activity, suppress, scope)."""
    frame = pd.DataFrame(rows, columns=["email_norm", "last_activity", "suppress", "scope"])
    frame["email_norm"] = frame["email_norm"].astype(object)
    frame["scope"] = frame["scope"].astype(object)
    frame["suppress"] = frame["suppress"].astype(bool)
    frame["last_activity"] = pd.to_datetime(frame["last_activity"], utc=True).astype(UTC_DTYPE)
    return frame


CASES = [
    pytest.param(
        {"consents": consents(("a@x.fi", "newsletter", "grant", OLD))},
        ("b@x.fi",),
        expected(("a@x.fi", OLD, False, "")),
        id="old-consent-without-contact-is-forgotten",
    ),
    pytest.param(
        {"consents": consents(("a@x.fi", "newsletter", "grant", OLD))},
        ("a@x.fi",),
        expected(),
        id="person-with-a-contact-is-kept",
    ),
    pytest.param(
        {
            "consents": consents(("a@x.fi", "newsletter", "grant", OLD)),
            "customers": customers(("a@x.fi", RECENT, "kurssit")),
        },
        (),
        expected(),
        id="recent-purchase-keeps-the-record",
    ),
    pytest.param(
        {
            "objections": objections(
                ("a@x.fi", "genealogy", OLD), ("a@x.fi", "direct_marketing", "2024-02-01")
            )
        },
        (),
        expected(("a@x.fi", "2024-02-01", True, "direct_marketing,genealogy")),
        id="objector-keeps-a-suppression-row-with-every-scope",
    ),
    pytest.param(
        {"customers": customers(("a@x.fi", RECENT, "kurssit"), ("c@x.fi", OLD, "kurssit"))},
        (),
        expected(("c@x.fi", OLD, False, "")),
        id="only-people-past-the-window",
    ),
]


@pytest.mark.parametrize(("frames", "held", "plan"), CASES)
def test_plan_orphans(
    frames: dict[str, pd.DataFrame], held: tuple[str, ...], plan: pd.DataFrame
) -> None:
    """Each case yields exactly the expected plan."""
    result = plan_orphans(
        contact_emails=pd.Series(list(held), dtype=object),
        consents=frames.get("consents", consents()),
        objections=frames.get("objections", objections()),
        customers=frames.get("customers", customers()),
        policy=RetentionPolicy(),
        now=NOW,
    )
    assert_frame_equal(result, plan, check_index_type=False)
