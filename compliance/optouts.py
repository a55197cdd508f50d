"""Opt-outs made in ActiveCampaign (SPEC 5.1): which become withdraw events, and when they hold.

Most people opt out with an email's unsubscribe link, which ActiveCampaign records only as the
membership's status 2. The ledger keeps it as the person's withdrawal (GDPR 7(3), SVPL 200(3))
so that a later re-subscription without a new opt-in is seen (RESUBSCRIBED_AFTER_OPT_OUT).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import numpy as np
import pandas as pd

from compliance.basis import MarketingLists
from compliance.codes import ACTIVECAMPAIGN_SOURCE, LIST_STATUS_UNSUBSCRIBED, WITHDRAW
from compliance.evidence import Latest, People, compound, latest_by_key, positions
from compliance.frames import SCHEMAS, UTC_DTYPE, as_utc, utc_timestamp
from compliance.policy import ListPolicy

# Our own unsubscribe and ActiveCampaign's record of it are stamped by two clocks; an own
# unsubscribe sent up to this long before the subscription's start still counts as ours.
CLOCK_SKEW = pd.Timedelta(minutes=5)

# A ledger row (the consents frame) whose list is always known, with its evidence and key.
OPTOUT_COLUMNS = {
    **SCHEMAS["consents"],
    "list_id": "int64",
    "evidence": "object",
    "row_hash": "object",
}


@dataclass(frozen=True)
class OptOuts:
    """What one pull's status-2 memberships mean: the person's opt-outs as withdraw events
    (OPTOUT_COLUMNS), and the keys of those found to be rekisteri's own unsubscribes."""

    events: pd.DataFrame
    ours: tuple[str, ...]


def classify_optouts(
    *,
    unsubscribed: pd.DataFrame,
    own_unsubscribes: pd.DataFrame,
    lists: Sequence[ListPolicy],
    pulled_at: datetime,
    checked: frozenset[str] = frozenset(),
) -> OptOuts:
    """Sort the status-2 memberships not `checked` before (their row_hash) into the person's
    opt-outs and our own unsubscribes.

    Each (contact, list, unsubscribe moment) is decided once, on the first pull that sees it,
    while the audit log still holds our unsubscribe: the caller keeps both kinds of key, so an
    audit row removed by age later never turns our unsubscribe into the person's opt-out.
    """
    found = optout_events(
        unsubscribed=unsubscribed,
        own_unsubscribes=own_unsubscribes,
        lists=lists,
        pulled_at=pulled_at,
        keep_ours=True,
    )
    found = found[~found["row_hash"].isin(sorted(checked))]
    ours = found["ours"].to_numpy(dtype=bool)
    return OptOuts(
        events=found[~ours].drop(columns="ours").reset_index(drop=True),
        ours=tuple(found.loc[ours, "row_hash"]),
    )


def optout_events(
    *,
    unsubscribed: pd.DataFrame,
    own_unsubscribes: pd.DataFrame,
    lists: Sequence[ListPolicy],
    pulled_at: datetime,
    keep_ours: bool = False,
) -> pd.DataFrame:
    """Withdraw events (OPTOUT_COLUMNS) for status-2 memberships rekisteri did not set.

    `unsubscribed`: the mirror's memberships with `contact_id`, `email_norm`, `list_id`,
    `status`, `sdate`, `udate`, `unsubreason`, `campaign`, `message`. `own_unsubscribes`:
    `contact_id`, `list_id`, `at` of every unsubscribe rekisteri sent (the audit log).
    An opt-out is ours when we sent an unsubscribe for that (contact, list) after its last
    subscription began (`sdate`, less CLOCK_SKEW), or at any time when `sdate` is unknown.
    One event per (contact, list, unsubscribe moment): `row_hash` makes a repeat a no-op, so
    each pull may offer every status-2 membership again, and the first full pull records those
    already at status 2. `at` is the membership's `udate`, else `pulled_at`. With `keep_ours`
    our own are returned too, marked in an extra `ours` column.
    """
    purpose_of = {policy.id: policy.purpose for policy in lists if policy.is_marketing}
    rows = unsubscribed[
        unsubscribed["status"].astype("int64").eq(LIST_STATUS_UNSUBSCRIBED)
        & unsubscribed["list_id"].isin(list(purpose_of))
        & unsubscribed["email_norm"].notna()
    ].copy()
    rows["sdate"] = as_utc(rows["sdate"])
    rows["udate"] = as_utc(rows["udate"])
    ours = _ours(rows, own_unsubscribes)
    if not keep_ours:
        rows, ours = rows[~ours], ours[~ours]
    pulled = utc_timestamp(pulled_at)
    moment = rows["udate"].where(rows["udate"].notna(), pulled)
    columns = ["contact_id", "list_id", "udate", "unsubreason", "campaign", "message"]
    evidence = [
        json.dumps(
            {
                "contact_id": int(contact_id),
                "list_id": int(list_id),
                "unsubscribed_at": _iso(udate),
                "unsubreason": _text(reason),
                "campaign": _text(campaign),
                "message": _text(message),
            },
            sort_keys=True,
        )
        for contact_id, list_id, udate, reason, campaign, message in zip(
            *(rows[name].tolist() for name in columns), strict=True
        )
    ]
    hashes = [
        _row_hash(int(c), int(lst), _iso(u))
        for c, lst, u in zip(rows["contact_id"], rows["list_id"], rows["udate"], strict=True)
    ]
    n = len(rows)
    frame = pd.DataFrame(
        {
            "email_norm": rows["email_norm"].to_numpy(dtype=object),
            "purpose": rows["list_id"].map(purpose_of).to_numpy(dtype=object),
            "action": np.full(n, WITHDRAW, dtype=object),
            "at": moment.to_numpy(),
            "source": np.full(n, ACTIVECAMPAIGN_SOURCE, dtype=object),
            "wording_id": np.full(n, None, dtype=object),
            "notice_version": np.full(n, None, dtype=object),
            "list_id": rows["list_id"].to_numpy(dtype=np.int64),
            "evidence": np.array(evidence, dtype=object),
            "row_hash": np.array(hashes, dtype=object),
        }
    )
    frame["at"] = as_utc(frame["at"]) if n else pd.Series(dtype=UTC_DTYPE)
    frame = frame.astype(OPTOUT_COLUMNS)
    if keep_ours:
        frame["ours"] = ours
    return frame.sort_values(["at", "row_hash"]).reset_index(drop=True)


def _ours(rows: pd.DataFrame, own: pd.DataFrame) -> np.ndarray:
    if own.empty or rows.empty:
        return np.zeros(len(rows), dtype=bool)
    sent = own.assign(at=as_utc(own["at"])).groupby(["contact_id", "list_id"])["at"].max()
    key = pd.MultiIndex.from_arrays([rows["contact_id"].astype("int64"), rows["list_id"]])
    last_sent = pd.Series(sent.reindex(key).to_numpy(), index=rows.index)
    last_sent = as_utc(last_sent)
    since = rows["sdate"] - CLOCK_SKEW
    ours = last_sent.notna() & (rows["sdate"].isna() | (last_sent >= since))
    return np.asarray(ours.to_numpy(dtype=bool))


def _iso(value: object) -> str | None:
    return pd.Timestamp(value).isoformat() if isinstance(value, pd.Timestamp) else None


def _text(value: object) -> str | None:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    text = str(value).strip()
    return text or None


def _row_hash(contact_id: int, list_id: int, moment: str | None) -> str:
    when = moment or "unknown"
    return hashlib.sha256(f"ac-optout|{contact_id}|{list_id}|{when}".encode()).hexdigest()


def latest_optouts(consents: pd.DataFrame, people: People, lists: MarketingLists) -> Latest:
    """The latest ActiveCampaign opt-out per (person, marketing list position).

    Only withdraw events recorded from ActiveCampaign carry the list they were made on; a
    withdrawal from a CSV file speaks for the purpose (CONSENT_WITHDRAWN) instead.
    """
    if "list_id" not in consents.columns or "source" not in consents.columns:
        return latest_by_key(np.zeros(0, dtype=np.int64), np.zeros(0, dtype="datetime64[ns]"))
    rows = consents[
        consents["source"].eq(ACTIVECAMPAIGN_SOURCE)
        & consents["action"].eq(WITHDRAW)
        & consents["list_id"].notna()
    ]
    list_pos = positions(lists.ids, rows["list_id"].astype("int64"))
    keys = compound(people.codes(rows["email_norm"]), list_pos, len(lists))
    at = as_utc(rows["at"]).dt.tz_localize(None).to_numpy(dtype="datetime64[ns]")
    return latest_by_key(keys, at)
