"""due_at (one calendar month, clamped to the month's end) and days_left."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from compliance.deadlines import days_left, due_at


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("received", "due"),
    [
        pytest.param(utc(2026, 1, 15, 9, 30), utc(2026, 2, 15, 9, 30), id="same-day-and-time"),
        pytest.param(utc(2026, 1, 31), utc(2026, 2, 28), id="31-jan-to-28-feb"),
        pytest.param(utc(2028, 1, 31), utc(2028, 2, 29), id="31-jan-to-29-feb-leap-year"),
        pytest.param(utc(2028, 1, 29), utc(2028, 2, 29), id="29-jan-leap-year"),
        pytest.param(utc(2028, 2, 29), utc(2028, 3, 29), id="29-feb-to-29-mar"),
        pytest.param(utc(2026, 3, 31), utc(2026, 4, 30), id="31-mar-to-30-apr"),
        pytest.param(utc(2026, 12, 31, 23, 59), utc(2027, 1, 31, 23, 59), id="december-to-january"),
        pytest.param(utc(2100, 1, 31), utc(2100, 2, 28), id="2100-is-not-leap"),
    ],
)
def test_due_at(received: datetime, due: datetime) -> None:
    """One calendar month later, on the last day when the day does not exist."""
    assert due_at(received) == due


def test_due_at_keeps_the_zone() -> None:
    """A received time in Helsinki time stays in that zone."""
    helsinki = timezone(timedelta(hours=2))
    assert due_at(datetime(2026, 1, 31, 8, tzinfo=helsinki)) == datetime(
        2026, 2, 28, 8, tzinfo=helsinki
    )


@pytest.mark.parametrize(
    ("due", "now", "left"),
    [
        pytest.param(utc(2026, 2, 15), utc(2026, 2, 8), 7, id="seven-days"),
        pytest.param(utc(2026, 2, 15), utc(2026, 2, 14, 12), 0, id="due-within-a-day"),
        pytest.param(utc(2026, 2, 15), utc(2026, 2, 15), 0, id="due-now"),
        pytest.param(utc(2026, 2, 15), utc(2026, 2, 15, 0, 1), -1, id="just-past"),
        pytest.param(utc(2026, 2, 15), utc(2026, 2, 20), -5, id="five-days-late"),
    ],
)
def test_days_left(due: datetime, now: datetime, left: int) -> None:
    """Whole days left, rounded down; negative once past due."""
    assert days_left(due, now) == left
