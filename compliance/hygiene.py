"""Report-only findings about the contacts themselves: duplicates and invalid addresses."""

from __future__ import annotations

import numpy as np
import pandas as pd

from compliance.codes import FindingCode
from compliance.emails import valid_emails
from compliance.findings import combine_findings, make_findings, object_array


def _duplicate_params(norms: pd.Series, ids: pd.Series) -> np.ndarray:
    """{"count", "other_ids"} per duplicate: the person merging them needs the other ids."""
    groups: dict[str, list[int]] = {}
    for norm, contact_id in zip(norms.tolist(), ids.astype("int64").tolist(), strict=True):
        groups.setdefault(norm, []).append(contact_id)
    return object_array(
        [
            {"count": len(groups[norm]), "other_ids": sorted(set(groups[norm]) - {contact_id})}
            for norm, contact_id in zip(norms.tolist(), ids.astype("int64").tolist(), strict=True)
        ]
    )


def contact_findings(contacts: pd.DataFrame) -> pd.DataFrame:
    """DUPLICATE_CONTACT per contact sharing its email_norm; INVALID_EMAIL per invalid one.

    `contacts` needs `contact_id` and `email_norm`.
    """
    norms = contacts["email_norm"].astype("object")
    ids = contacts["contact_id"].to_numpy(dtype=np.int64)
    known = norms.notna() & norms.ne("")
    shared = known & norms.duplicated(keep=False)
    duplicates = make_findings(
        codes=np.full(int(shared.sum()), FindingCode.DUPLICATE_CONTACT.value, dtype=object),
        contact_ids=ids[shared.to_numpy()],
        email_norms=norms[shared].to_numpy(dtype=object),
        list_ids=None,
        params=_duplicate_params(norms[shared], contacts["contact_id"][shared]),
    )
    invalid = ~valid_emails(norms)
    invalid_norms = norms[invalid].where(norms[invalid].notna(), None)
    invalids = make_findings(
        codes=np.full(int(invalid.sum()), FindingCode.INVALID_EMAIL.value, dtype=object),
        contact_ids=ids[invalid.to_numpy()],
        email_norms=invalid_norms.to_numpy(dtype=object),
        list_ids=None,
        # the address itself is the fact, and it is in email_norm
        params=object_array([{} for _ in range(int(invalid.sum()))]),
    )
    return combine_findings([duplicates, invalids])
