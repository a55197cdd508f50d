"""How long the controller's own records are kept: the audit log and closed requests (SPEC 6 r2).

The audit log proves what the job did, and a request record how a data subject's request was
handled (GDPR 5(2) accountability). Neither is needed forever: three years is the general
limitation period for claims in Finland (vanhentumislaki 728/2003 § 4), the default of both
`policy.audit_retention_months` and `policy.request_retention_months`. After that they are
removed like any other personal data past its purpose (GDPR 5(1)(e)).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

import pandas as pd

from compliance.frames import utc_timestamp
from compliance.requests import OUTSTANDING_STATUSES

# A restriction (Art. 18) stays in force until it is lifted, and its record is what keeps the
# person out of the purge and every other write: its age alone never ends it.
KEPT_TYPES = frozenset({"restrict"})


@dataclass(frozen=True)
class OwnRecordsPolicy:
    """`policy.audit_retention_months` and `policy.request_retention_months`."""

    audit_retention_months: int = 36
    request_retention_months: int = 36

    def __post_init__(self) -> None:
        # Zero would remove the record of what tonight's run did before anyone could read it.
        for name in ("audit_retention_months", "request_retention_months"):
            if getattr(self, name) < 1:
                raise ValueError(f"OwnRecordsPolicy.{name} must be at least 1")


class RequestLike(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def type(self) -> str: ...

    @property
    def status(self) -> str: ...

    @property
    def received_at(self) -> datetime: ...

    @property
    def answered_at(self) -> datetime | None: ...


@dataclass(frozen=True)
class OwnRecordsPlan:
    """Audit rows with `at` before `audit_before` go; so do the listed closed requests."""

    audit_before: datetime
    requests_before: datetime
    request_ids: tuple[str, ...]


def months_before(now: datetime, months: int) -> datetime:
    """`now` minus whole calendar months (31 March - 1 month = 28/29 February), in UTC."""
    moment: datetime = (utc_timestamp(now) - pd.DateOffset(months=months)).to_pydatetime()
    return moment


def plan_own_records(
    requests: Sequence[RequestLike], *, policy: OwnRecordsPolicy, now: datetime
) -> OwnRecordsPlan:
    """What the nightly removes of our own records as of `now`.

    A request is closed when it is neither open nor failed (a failed attempt has not answered
    the person); its period runs from when it was answered, else from its receipt. Open and
    failed requests and restrictions are kept whatever their age. Ids are sorted.
    """
    audit_before = months_before(now, policy.audit_retention_months)
    requests_before = months_before(now, policy.request_retention_months)
    expired = sorted(
        request.id
        for request in requests
        if request.status not in OUTSTANDING_STATUSES
        and request.type not in KEPT_TYPES
        and utc_timestamp(request.answered_at or request.received_at) < requests_before
    )
    return OwnRecordsPlan(
        audit_before=audit_before, requests_before=requests_before, request_ids=tuple(expired)
    )
