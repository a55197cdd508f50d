"""Column layouts of the frames the rules take and return, and small coercion helpers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import numpy as np
import pandas as pd

UTC_DTYPE = "datetime64[ns, UTC]"

# DESIGN.md "DataFrames the rules take": column -> dtype. Text columns are plain `object`
# holding Python str (or None), the pandas default, so values compare equal to StrEnum members.
SCHEMAS: dict[str, dict[str, str]] = {
    "contacts": {
        "contact_id": "int64",
        "email": "object",
        "email_norm": "object",
        "suppression_key": "object",
        "cdate": UTC_DTYPE,
        "udate": UTC_DTYPE,
        "bounced_hard": "bool",
        "bounced_date": UTC_DTYPE,
    },
    "memberships": {
        "contact_id": "int64",
        "list_id": "int64",
        "status": "int64",
        "sdate": UTC_DTYPE,
        "udate": UTC_DTYPE,
    },
    "contact_tags": {"contact_id": "int64", "tag": "object"},  # tag: the tag's name
    "consents": {
        "email_norm": "object",
        "purpose": "object",
        "action": "object",
        "at": UTC_DTYPE,
        "source": "object",
        "wording_id": "object",
        "notice_version": "object",
        # The list an opt-out made in ActiveCampaign was made on (SPEC 5.1); NA otherwise.
        "list_id": "Int64",
    },
    "objections": {"email_norm": "object", "scope": "object", "at": UTC_DTYPE, "channel": "object"},
    "customers": {"email_norm": "object", "last_purchase_at": UTC_DTYPE, "product_group": "object"},
    "suppressions": {
        "key": "object",
        "scope": "object",
        "reason": "object",
        "created_at": UTC_DTYPE,
    },
    "requests": {
        "id": "object",
        "type": "object",
        "received_at": UTC_DTYPE,
        "due_at": UTC_DTYPE,
        "status": "object",
        "verified": "bool",  # identity checked (--verified) for this request
    },
    "findings": {
        "code": "object",
        "severity": "object",
        "contact_id": "Int64",
        "email_norm": "object",
        "list_id": "Int64",
        # a dict of plain JSON values with the keys codes.FINDING_PARAMS names for the code
        # (list purpose, request id and deadline, processor, other contact ids ...): reports/
        # words the finding from code, columns and params, in the report's language
        "params": "object",
    },
    "actions": {
        "type": "object",
        "contact_id": "Int64",
        "list_id": "Int64",
        "rule": "object",
        "tag": "object",
    },
    "purge_plan": {
        "contact_id": "int64",
        "email_norm": "object",
        "reason": "object",
        "last_activity": UTC_DTYPE,
        "suppress": "bool",
        "scope": "object",
    },
}


def empty_frame(kind: str) -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in SCHEMAS[kind].items()})


def empty_contacts() -> pd.DataFrame:
    return empty_frame("contacts")


def empty_memberships() -> pd.DataFrame:
    return empty_frame("memberships")


def empty_contact_tags() -> pd.DataFrame:
    return empty_frame("contact_tags")


def empty_consents() -> pd.DataFrame:
    return empty_frame("consents")


def empty_objections() -> pd.DataFrame:
    return empty_frame("objections")


def empty_customers() -> pd.DataFrame:
    return empty_frame("customers")


def empty_suppressions() -> pd.DataFrame:
    return empty_frame("suppressions")


def empty_requests() -> pd.DataFrame:
    return empty_frame("requests")


def empty_findings() -> pd.DataFrame:
    return empty_frame("findings")


def empty_actions() -> pd.DataFrame:
    return empty_frame("actions")


def empty_purge_plan() -> pd.DataFrame:
    return empty_frame("purge_plan")


def as_utc(values: pd.Series) -> pd.Series:
    """Any datetime-like Series (naive = UTC, strings, other zones) as datetime64[ns, UTC]."""
    converted = pd.to_datetime(values, utc=True)
    return converted.dt.as_unit("ns")


def utc_timestamp(moment: datetime) -> pd.Timestamp:
    """`now` as a UTC Timestamp; naive values are refused because they hide a zone mistake."""
    stamp = pd.Timestamp(moment)
    if stamp.tzinfo is None:
        raise ValueError("now must be a timezone-aware datetime")
    return stamp.tz_convert("UTC").as_unit("ns")


def conform(frame: pd.DataFrame, kind: str, columns: Sequence[str]) -> pd.DataFrame:
    """The named columns of `frame` with the dtypes of SCHEMAS[kind]; a missing one is an error.

    Callers ask only for the columns they use so that large frames are not copied whole.
    """
    schema = SCHEMAS[kind]
    missing = [name for name in columns if name not in frame.columns]
    if missing:
        raise ValueError(f"{kind} frame lacks column(s): {', '.join(missing)}")
    out: dict[str, pd.Series] = {}
    for name in columns:
        series = frame[name]
        dtype = schema[name]
        if dtype == UTC_DTYPE:
            series = series if str(series.dtype) == UTC_DTYPE else as_utc(series)
        elif dtype == "bool":
            # astype(bool) alone would turn a missing (NaN) flag into True.
            series = series if series.dtype == np.bool_ else series.notna() & series.astype(bool)
        elif dtype != "object" and str(series.dtype) != dtype:
            series = series.astype(pd.api.types.pandas_dtype(dtype))
        out[name] = series
    return pd.DataFrame(out, index=frame.index).reset_index(drop=True)


def utc_ns(series: pd.Series) -> np.ndarray:
    """datetime64[ns, UTC] values as a plain numpy datetime64[ns] array (UTC wall time).

    The rules compare millions of instants; numpy arrays keep that cheap and NaT compares False.
    """
    naive = series.dt.tz_convert("UTC").dt.tz_localize(None)
    return np.asarray(naive.to_numpy(dtype="datetime64[ns]"))


def naive_utc(stamp: pd.Timestamp) -> np.datetime64:
    """A UTC Timestamp as a numpy datetime64[ns], comparable with utc_ns arrays."""
    return np.datetime64(stamp.tz_convert("UTC").tz_localize(None).as_unit("ns").to_datetime64())


def from_utc_ns(values: np.ndarray) -> pd.Series:
    """The inverse of utc_ns: datetime64[ns] UTC wall times as a datetime64[ns, UTC] Series."""
    return pd.Series(values.astype("datetime64[ns]")).dt.tz_localize("UTC")
