"""Building and ordering the findings and actions frames every rule returns."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from compliance.codes import SEVERITY, FindingCode
from compliance.frames import SCHEMAS, empty_actions, empty_findings

_LAST = np.iinfo(np.int64).max
_CODE_ORDER = sorted(code.value for code in FindingCode)


def nullable_ids(values: np.ndarray, missing: np.ndarray | None = None) -> pd.arrays.IntegerArray:
    """int64 values as a pandas Int64 array, NA where `missing` is set."""
    data = np.asarray(values, dtype=np.int64)
    mask = np.zeros(len(data), dtype=bool) if missing is None else np.asarray(missing, dtype=bool)
    return pd.arrays.IntegerArray(data, mask)


def object_array(values: Sequence[object]) -> np.ndarray:
    """An object array holding `values` as they are (np.array would unpack dicts or lists)."""
    out = np.empty(len(values), dtype=object)
    for i, value in enumerate(values):
        out[i] = value
    return out


def make_findings(
    *,
    codes: np.ndarray,
    contact_ids: np.ndarray | None,
    email_norms: np.ndarray | None,
    list_ids: np.ndarray | None,
    params: np.ndarray,
) -> pd.DataFrame:
    """A findings frame from aligned arrays; None for an id or email column means NA in every
    row. `params` is an object array of one dict per row (codes.FINDING_PARAMS)."""
    n = len(codes)
    codes = np.asarray(codes, dtype=object)
    severity_of = {code.value: SEVERITY[code].value for code in FindingCode}
    severities = pd.Series(codes).map(severity_of).to_numpy(dtype=object)
    none_ids = nullable_ids(np.zeros(n, dtype=np.int64), np.ones(n, dtype=bool))
    return pd.DataFrame(
        {
            "code": codes,
            "severity": severities,
            "contact_id": none_ids if contact_ids is None else nullable_ids(contact_ids),
            "email_norm": np.full(n, None, dtype=object) if email_norms is None else email_norms,
            "list_id": none_ids if list_ids is None else nullable_ids(list_ids),
            "params": params,
        }
    )


def _id_key(ids: pd.Series) -> np.ndarray:
    # NA ids (findings about no contact or no list) sort after every real id.
    return np.asarray(ids.astype("Int64").to_numpy(dtype=np.int64, na_value=_LAST))


def _combine(parts: Sequence[pd.DataFrame], kind: str) -> pd.DataFrame:
    # Empty parts are left out: concatenating them would blur the column dtypes.
    present = [part for part in parts if len(part)]
    if not present:
        return empty_findings() if kind == "findings" else empty_actions()
    frame = pd.concat(present, ignore_index=True)
    return frame.astype(SCHEMAS[kind])


def combine_findings(parts: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """Concatenate findings and sort them by (contact_id, list_id, code), NA ids last."""
    frame = _combine(parts, "findings")
    rank = pd.Categorical(frame["code"], categories=_CODE_ORDER).codes
    order = np.lexsort((rank, _id_key(frame["list_id"]), _id_key(frame["contact_id"])))
    return frame.take(order).reset_index(drop=True)


def combine_actions(parts: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """Concatenate actions and sort them by (contact_id, list_id, rule, type), NA list last."""
    frame = _combine(parts, "actions")
    rule_rank = pd.Categorical(frame["rule"], categories=_CODE_ORDER).codes
    type_rank = pd.Categorical(frame["type"], categories=sorted(set(frame["type"]))).codes
    order = np.lexsort(
        (type_rank, rule_rank, _id_key(frame["list_id"]), _id_key(frame["contact_id"]))
    )
    return frame.take(order).reset_index(drop=True)
