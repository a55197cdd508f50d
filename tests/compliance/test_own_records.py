"""plan_own_records: the cutoffs of our own records and which closed requests have aged out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from compliance.own_records import OwnRecordsPlan, OwnRecordsPolicy, plan_own_records

NOW = datetime(2026, 3, 31, 2, 0, tzinfo=UTC)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@dataclass(frozen=True)
class Request:
    id: str
    type: str
    status: str
    received_at: datetime
    answered_at: datetime | None


REQUESTS = [
    Request("closed-old", "access", "done", at("2022-01-10"), at("2022-02-01")),
    Request("closed-young", "access", "done", at("2022-01-10"), at("2024-06-01")),
    # Received long ago, answered within the period: the period runs from the answer.
    Request("answered-late", "erase", "done", at("2021-01-01"), at("2023-04-01")),
    Request("no-answer-time", "object", "done", at("2022-03-01"), None),
    Request("open-old", "access", "open", at("2021-01-01"), None),
    Request("failed-old", "erase", "failed", at("2021-01-01"), at("2021-01-02")),
    Request("restriction-old", "restrict", "done", at("2021-01-01"), at("2021-01-01")),
]


def test_closed_requests_past_the_period_go_open_failed_and_restrictions_stay() -> None:
    """36 months back from 31 March 2026 is 31 March 2023: only closed requests answered (or,
    with no answer time, received) before it are removed."""
    plan = plan_own_records(REQUESTS, policy=OwnRecordsPolicy(), now=NOW)

    assert plan == OwnRecordsPlan(
        audit_before=at("2023-03-31T02:00"),
        requests_before=at("2023-03-31T02:00"),
        request_ids=("closed-old", "no-answer-time"),
    )


def test_each_period_has_its_own_cutoff_in_calendar_months() -> None:
    """One month before 31 March is the end of February; the two settings act separately."""
    policy = OwnRecordsPolicy(audit_retention_months=1, request_retention_months=24)
    plan = plan_own_records(REQUESTS, policy=policy, now=NOW)

    assert plan == OwnRecordsPlan(
        audit_before=at("2026-02-28T02:00"),
        requests_before=at("2024-03-31T02:00"),
        request_ids=("answered-late", "closed-old", "no-answer-time"),
    )


@pytest.mark.parametrize("field", ["audit_retention_months", "request_retention_months"])
def test_a_period_under_one_month_is_refused(field: str) -> None:
    """Zero would remove tonight's own record before anyone could read it."""
    with pytest.raises(ValueError, match=field):
        OwnRecordsPolicy(**{field: 0})
