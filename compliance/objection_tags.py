"""Which contacts get the objection tag (SPEC 5, OBJECTION_NOT_HONOURED), and its actions.

Without the contacts' tags, only objectors found active on a marketing list are tagged, together
with their unsubscribes. With them, the rule heals itself: every contact of a person whose
objection covering a configured list stands (not lifted for it by a complete grant for its
purpose, SPEC 5.2) gets the tag until ActiveCampaign holds it, so a tag call that
failed once while the unsubscribes went through is sent again on the next run.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from compliance.codes import OBJECTION_TAG, ActionType, FindingCode
from compliance.evidence import take
from compliance.findings import nullable_ids
from compliance.frames import conform


def tag_targets(
    found: np.ndarray,
    *,
    contact_tags: pd.DataFrame | None,
    contact_ids: np.ndarray,
    standing: np.ndarray,
) -> np.ndarray:
    """Sorted contact ids to tag.

    `found`: the objectors with an OBJECTION_NOT_HONOURED finding. `standing`, aligned with
    `contact_ids`, marks the contacts of a person whose objection covers a configured list and
    is not lifted for it (reconcile.standing_objection, SPEC 5.2). Contacts already carrying
    the tag in `contact_tags` are left out.
    """
    found = np.unique(np.asarray(found, dtype=np.int64))
    if contact_tags is None:
        return found
    wanted = np.union1d(found, np.asarray(contact_ids, dtype=np.int64)[standing])
    return np.setdiff1d(wanted, _tagged(contact_tags), assume_unique=True)


def tag_actions(contact_ids: np.ndarray) -> pd.DataFrame:
    """One tag action per contact id (SCHEMAS["actions"] columns, list_id NA)."""
    n = len(contact_ids)
    return pd.DataFrame(
        {
            "type": np.full(n, ActionType.TAG.value, dtype=object),
            "contact_id": nullable_ids(contact_ids),
            "list_id": nullable_ids(np.zeros(n, dtype=np.int64), np.ones(n, dtype=bool)),
            "rule": np.full(n, FindingCode.OBJECTION_NOT_HONOURED.value, dtype=object),
            "tag": np.full(n, OBJECTION_TAG, dtype=object),
        }
    )


def _tagged(contact_tags: pd.DataFrame) -> np.ndarray:
    """Contacts carrying the objection tag; ActiveCampaign tag names ignore case and padding."""
    frame = conform(contact_tags, "contact_tags", ["contact_id", "tag"])
    # Tag names repeat across millions of rows: compare each distinct name once.
    codes, names = pd.factorize(frame["tag"])
    match = np.array(
        [isinstance(name, str) and name.strip().casefold() == OBJECTION_TAG for name in names],
        dtype=bool,
    )
    hit = take(match, np.asarray(codes, dtype=np.int64), False)
    return np.unique(frame["contact_id"].to_numpy(dtype=np.int64)[hit])
