"""Data-subject request deadlines: one calendar month, clamped to the month's end (R-DSR-1)."""

from __future__ import annotations

import calendar
from datetime import datetime, timedelta

_DAY = timedelta(days=1)


def due_at(received_at: datetime) -> datetime:
    """received_at + 1 calendar month: same day-of-month, else the last day of that month.

    31 Jan -> 28 Feb (29 Feb in a leap year), 31 Mar -> 30 Apr; time of day and zone are kept.
    """
    year, month = (
        (received_at.year + 1, 1)
        if received_at.month == 12
        else (
            received_at.year,
            received_at.month + 1,
        )
    )
    last_day = calendar.monthrange(year, month)[1]
    return received_at.replace(year=year, month=month, day=min(received_at.day, last_day))


def days_left(due: datetime, now: datetime) -> int:
    """Whole days until `due`, rounded down: 0 on the due day itself, negative once past due."""
    return (due - now) // _DAY
