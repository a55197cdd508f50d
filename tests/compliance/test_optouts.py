"""optout_events: which status-2 memberships become withdraw events (SPEC 5.1)."""

from __future__ import annotations

import json

import pandas as pd
from pandas.testing import assert_frame_equal

from compliance.optouts import OPTOUT_COLUMNS, optout_events
from tests.compliance import factories as f
from tests.compliance.factories import NEWSLETTER, OFFERS, ORDERS

A = "aino@example.fi"
SUBSCRIBED, UNSUBSCRIBED_AT = "2025-01-01T10:00:00+00:00", "2025-06-01T08:30:00+00:00"


def membership(
    list_id: int = NEWSLETTER,
    status: int = 2,
    *,
    sdate: str | None = SUBSCRIBED,
    udate: str | None = UNSUBSCRIBED_AT,
    contact_id: int = 7,
) -> dict[str, object]:
    return {
        "contact_id": contact_id,
        "email_norm": A,
        "list_id": list_id,
        "status": status,
        "sdate": f.ts(sdate),
        "udate": f.ts(udate),
        "unsubreason": "Liikaa viestejä",
        "campaign": "12",
        "message": "34",
    }


def events(*rows: dict[str, object], own: tuple[tuple[int, int, str], ...] = ()) -> pd.DataFrame:
    return optout_events(
        unsubscribed=pd.DataFrame(list(rows)),
        own_unsubscribes=pd.DataFrame(own, columns=["contact_id", "list_id", "at"]),
        lists=f.LISTS,
        pulled_at=f.NOW,
    )


def expected(*rows: tuple[str, int, str, str | None]) -> pd.DataFrame:
    """(purpose, list_id, at, evidence udate) per event, with the standard evidence."""
    records = []
    for purpose, list_id, at, udate in rows:
        evidence = {
            "campaign": "12",
            "contact_id": 7,
            "list_id": list_id,
            "message": "34",
            "unsubreason": "Liikaa viestejä",
            "unsubscribed_at": udate,
        }
        records.append(
            {
                "email_norm": A,
                "purpose": purpose,
                "action": "withdraw",
                "at": f.ts(at),
                "source": "activecampaign",
                "wording_id": None,
                "notice_version": None,
                "list_id": list_id,
                "evidence": json.dumps(evidence, sort_keys=True),
            }
        )
    columns = {name: dtype for name, dtype in OPTOUT_COLUMNS.items() if name != "row_hash"}
    return pd.DataFrame(records, columns=list(columns)).astype(columns)


def without_hash(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.drop(columns="row_hash").reset_index(drop=True)


def test_an_opt_out_on_a_marketing_list_is_a_withdrawal_with_its_evidence() -> None:
    """Status 2 not set by us: one withdraw at the unsubscribe time with unsubreason etc."""
    assert_frame_equal(
        without_hash(events(membership())),
        expected(("newsletter", NEWSLETTER, UNSUBSCRIBED_AT, UNSUBSCRIBED_AT)),
    )


def test_service_lists_and_other_statuses_give_nothing() -> None:
    """Leaving the order-confirmation list, or being active/bounced, is no marketing opt-out."""
    found = events(membership(ORDERS), membership(NEWSLETTER, 1), membership(OFFERS, 3))
    assert found.empty


def test_our_own_unsubscribe_is_not_the_persons_opt_out() -> None:
    """An unsubscribe rekisteri sent after the subscription began is ours: nothing recorded."""
    assert events(membership(), own=((7, NEWSLETTER, "2025-06-01T08:29:58+00:00"),)).empty


def test_our_unsubscribe_of_an_earlier_subscription_does_not_hide_a_new_opt_out() -> None:
    """We unsubscribed once, they re-subscribed (new sdate) and then opted out themselves."""
    found = events(membership(), own=((7, NEWSLETTER, "2024-03-01T00:00:00+00:00"),))
    assert_frame_equal(
        without_hash(found), expected(("newsletter", NEWSLETTER, UNSUBSCRIBED_AT, UNSUBSCRIBED_AT))
    )


def test_our_unsubscribe_on_another_list_or_contact_does_not_count() -> None:
    """Only an own unsubscribe for the same (contact, list) makes the opt-out ours."""
    own = ((7, OFFERS, "2025-06-01T08:30:00+00:00"), (8, NEWSLETTER, "2025-06-01T08:30:00+00:00"))
    assert len(events(membership(), own=own)) == 1


def test_without_a_subscribe_date_any_own_unsubscribe_counts() -> None:
    """No sdate: the audit log's unsubscribe for that contact and list makes it ours."""
    assert events(membership(sdate=None), own=((7, NEWSLETTER, "2020-01-01"),)).empty


def test_without_an_unsubscribe_time_the_pull_time_is_used_once() -> None:
    """No udate: `at` is the pull time, and the repeat key does not depend on it."""
    first = events(membership(udate=None))
    assert_frame_equal(
        without_hash(first), expected(("newsletter", NEWSLETTER, "2026-01-01", None))
    )
    later = optout_events(
        unsubscribed=pd.DataFrame([membership(udate=None)]),
        own_unsubscribes=pd.DataFrame(columns=["contact_id", "list_id", "at"]),
        lists=f.LISTS,
        pulled_at=f.NOW + pd.Timedelta(days=1),
    )
    assert list(later["row_hash"]) == list(first["row_hash"])


def test_one_event_per_opt_out_moment() -> None:
    """The same opt-out seen again has the same key; a later one has a new key."""
    again = events(membership())
    later = events(membership(udate="2025-09-01T00:00:00+00:00"))
    assert list(again["row_hash"]) == list(events(membership())["row_hash"])
    assert set(again["row_hash"]).isdisjoint(later["row_hash"])
