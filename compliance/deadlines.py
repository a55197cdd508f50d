"""Data-subject request deadlines: calendar months, clamped to the month's end (R-DSR-1/2)."""

from __future__ import annotations

import calendar
from datetime import datetime, timedelta

_DAY = timedelta(days=1)
# Art. 12(3): one month from receipt, extendable "by two further months", three in all.
ANSWER_MONTHS = 1
EXTENDED_MONTHS = 3


def add_months(moment: datetime, months: int) -> datetime:
    """`moment` + `months` calendar months: same day-of-month, else the last day of that month.

    31 Jan + 1 -> 28 Feb (29 Feb in a leap year), 31 Dec + 3 -> 31 Mar; time and zone are kept.
    """
    index = moment.month - 1 + months
    year, month = moment.year + index // 12, index % 12 + 1
    last_day = calendar.monthrange(year, month)[1]
    return moment.replace(year=year, month=month, day=min(moment.day, last_day))


def due_at(received_at: datetime) -> datetime:
    """received_at + 1 calendar month: same day-of-month, else the last day of that month.

    31 Jan -> 28 Feb (29 Feb in a leap year), 31 Mar -> 30 Apr; time of day and zone are kept.
    """
    return add_months(received_at, ANSWER_MONTHS)


def extended_due_at(received_at: datetime) -> datetime:
    """The deadline after an Art. 12(3) extension: three calendar months from receipt (R-DSR-2).

    Counted from receipt, not from the first deadline, so a deadline clamped to a short month
    does not shorten the extension: received 31 Jan -> due 28 Feb -> extended to 30 Apr.
    """
    return add_months(received_at, EXTENDED_MONTHS)


def can_extend(due: datetime, now: datetime) -> bool:
    """An extension must reach the subject before the deadline it extends (Art. 12(3))."""
    return now <= due


def days_left(due: datetime, now: datetime) -> int:
    """Whole days until `due`, rounded down: 0 on the due day itself, negative once past due."""
    return (due - now) // _DAY
