"""due_at (one calendar month, clamped to the month's end) and days_left."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from compliance.deadlines import add_months, can_extend, days_left, due_at, extended_due_at


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


@pytest.mark.parametrize(
    ("received", "extended"),
    [
        pytest.param(utc(2026, 12, 31), utc(2027, 3, 31), id="due-31-jan-to-31-mar"),
        pytest.param(utc(2027, 1, 31), utc(2027, 4, 30), id="due-28-feb-to-30-apr"),
        pytest.param(utc(2027, 11, 30), utc(2028, 2, 29), id="due-30-dec-to-29-feb-leap"),
        pytest.param(utc(2026, 11, 30), utc(2027, 2, 28), id="due-30-dec-to-28-feb"),
        pytest.param(utc(2026, 5, 31, 14), utc(2026, 8, 31, 14), id="due-30-jun-to-31-aug"),
        pytest.param(utc(2026, 4, 15, 9), utc(2026, 7, 15, 9), id="mid-month-keeps-the-time"),
    ],
)
def test_extended_due_at_is_three_months_from_receipt(
    received: datetime, extended: datetime
) -> None:
    """An Art. 12(3) extension ends three calendar months after receipt, clamped to month end."""
    assert (extended_due_at(received), add_months(due_at(received), 2) <= extended) == (
        extended,
        True,
    )


@pytest.mark.parametrize(
    ("now", "allowed"),
    [
        pytest.param(utc(2026, 2, 27), True, id="day-before"),
        pytest.param(utc(2026, 2, 28), True, id="the-deadline-itself"),
        pytest.param(utc(2026, 2, 28, 0, 0, 1), False, id="a-second-late"),
    ],
)
def test_can_extend_only_until_the_deadline(now: datetime, allowed: bool) -> None:
    """The extension must be told before the deadline it extends runs out."""
    assert can_extend(utc(2026, 2, 28), now) is allowed
