"""Findings for data-subject requests whose one-month deadline is near or past (R-DSR-3)."""

from __future__ import annotations

from datetime import datetime

import numpy as np
import pandas as pd

from compliance.codes import IDENTITY_GATED_REQUESTS, FindingCode
from compliance.deadlines import days_left, due_at
from compliance.findings import combine_findings, make_findings, object_array
from compliance.frames import conform, utc_timestamp

DUE_SOON_DAYS = 7
# A failed attempt has not answered the subject, so its deadline keeps running like an open one.
OUTSTANDING_STATUSES = frozenset({"open", "failed"})


def request_findings(
    requests: pd.DataFrame, now: datetime, *, require_verified: bool = False
) -> pd.DataFrame:
    """DSR_DUE_SOON for outstanding requests with 0-7 days left, DSR_OVERDUE once past due;
    with `require_verified`, DSR_IDENTITY_UNVERIFIED for access, erase and rectify requests
    still waiting for an identity check (a `verified` column; missing means unverified)."""
    now_ts = utc_timestamp(now)
    if "verified" not in requests.columns:
        requests = requests.assign(verified=False)
    columns = ["id", "type", "received_at", "due_at", "status", "verified"]
    frame = conform(requests, "requests", columns)
    frame = frame[frame["status"].isin(OUTSTANDING_STATUSES)]
    frame = frame.sort_values(["due_at", "id"], kind="stable")
    codes: list[str] = []
    details: list[str] = []
    params: list[dict[str, object]] = []
    # Requests number in the tens: a plain loop over them reads better than vectorising.
    for request_id, kind, received, due in zip(
        frame["id"].tolist(),
        frame["type"].tolist(),
        frame["received_at"].tolist(),
        frame["due_at"].tolist(),
        strict=True,
    ):
        deadline: datetime = due_at(received) if pd.isna(due) else due
        left = days_left(deadline, now_ts)
        facts = {
            "request_id": request_id,
            "type": kind,
            "due_at": deadline.isoformat(),
            "days_left": left,
        }
        if now_ts > deadline:
            params.append(facts)
            codes.append(FindingCode.DSR_OVERDUE.value)
            details.append(
                f"{kind} request {request_id} was due {deadline:%Y-%m-%d}, {-left} days ago"
            )
        elif left <= DUE_SOON_DAYS:
            params.append(facts)
            codes.append(FindingCode.DSR_DUE_SOON.value)
            details.append(
                f"{kind} request {request_id} is due {deadline:%Y-%m-%d}, {left} days left"
            )
    waiting = frame[
        frame["type"].isin(IDENTITY_GATED_REQUESTS)
        & ~frame["verified"]
        & (frame["status"] == "open")
    ]
    if require_verified:
        for request_id, kind in zip(waiting["id"].tolist(), waiting["type"].tolist(), strict=True):
            params.append({"request_id": request_id, "type": kind})
            codes.append(FindingCode.DSR_IDENTITY_UNVERIFIED.value)
            details.append(f"{kind} request {request_id} waits for an identity check (--verified)")
    found = make_findings(
        codes=np.array(codes, dtype=object),
        contact_ids=None,
        email_norms=None,
        list_ids=None,
        details=np.array(details, dtype=object),
        params=object_array(params),
    )
    # Every row has NA ids, so the stable sort keeps due-date order within each code.
    return combine_findings([found])
