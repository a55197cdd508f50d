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
    # Requests number in the tens: plain loops over them read better than vectorising.
    deadline = [
        due_at(received) if pd.isna(due) else due
        for received, due in zip(
            frame["received_at"].tolist(), frame["due_at"].tolist(), strict=True
        )
    ]
    frame = frame.assign(deadline=deadline)
    codes: list[str] = []
    params: list[dict[str, object]] = []
    for request_id, kind, due in _rows(frame):
        left = days_left(due, now_ts)
        if now_ts > due:
            codes.append(FindingCode.DSR_OVERDUE.value)
        elif left <= DUE_SOON_DAYS:
            codes.append(FindingCode.DSR_DUE_SOON.value)
        else:
            continue
        params.append(
            {"request_id": request_id, "type": kind, "due_at": due.isoformat(), "days_left": left}
        )
    waiting = frame[
        frame["type"].isin(IDENTITY_GATED_REQUESTS)
        & ~frame["verified"]
        & (frame["status"] == "open")
    ]
    if require_verified:
        for request_id, kind, due in _rows(waiting):
            codes.append(FindingCode.DSR_IDENTITY_UNVERIFIED.value)
            params.append({"request_id": request_id, "type": kind, "due_at": due.isoformat()})
    found = make_findings(
        codes=np.array(codes, dtype=object),
        contact_ids=None,
        email_norms=None,
        list_ids=None,
        params=object_array(params),
    )
    # Every row has NA ids, so the stable sort keeps due-date order within each code.
    return combine_findings([found])


def _rows(frame: pd.DataFrame) -> zip[tuple[str, str, datetime]]:
    """(id, type, deadline) per request, in the frame's order."""
    return zip(
        frame["id"].tolist(), frame["type"].tolist(), frame["deadline"].tolist(), strict=True
    )
