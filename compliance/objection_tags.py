"""Which contacts get the objection tag (SPEC 5, OBJECTION_NOT_HONOURED), and its actions.

Without the contacts' tags, only objectors found active on a marketing list are tagged, together
with their unsubscribes. With them, the rule heals itself: every contact of a person whose
direct-marketing objection stands gets the tag until ActiveCampaign holds it, so a tag call that
failed once while the unsubscribes went through is sent again on the next run.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from compliance.codes import GRANT, OBJECTION_TAG, ActionType, FindingCode
from compliance.evidence import latest_by_key, take
from compliance.findings import nullable_ids
from compliance.frames import conform, utc_ns


def tag_targets(
    found: np.ndarray,
    *,
    contact_tags: pd.DataFrame | None,
    contact_ids: np.ndarray,
    person: np.ndarray,
    objected_at: np.ndarray,
    consents: pd.DataFrame,
    consent_person: np.ndarray,
) -> np.ndarray:
    """Sorted contact ids to tag.

    `found`: the objectors with an OBJECTION_NOT_HONOURED finding. `contact_ids`, `person` and
    `objected_at` (the person's latest direct-marketing objection, NaT for none) are aligned per
    contact; `consent_person` is the person code of each `consents` row (`action`, `at`).
    An objection stands unless a consent grant of any purpose is dated after it, as for the
    OBJECTED purge reason. Contacts already carrying the tag in `contact_tags` are left out.
    """
    found = np.unique(np.asarray(found, dtype=np.int64))
    if contact_tags is None:
        return found
    granted_at = _last_grant_at(person, objected_at, consents, consent_person)
    stands = ~np.isnat(objected_at) & ~(granted_at > objected_at)
    wanted = np.union1d(found, np.asarray(contact_ids, dtype=np.int64)[stands])
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


def _last_grant_at(
    person: np.ndarray, objected_at: np.ndarray, consents: pd.DataFrame, consent_person: np.ndarray
) -> np.ndarray:
    """Per contact: the person's latest consent grant of any purpose, NaT for none."""
    objectors = np.unique(person[~np.isnat(objected_at)])
    # Objectors are few: read the grant instants of their rows only, not of every consent event.
    rows = np.flatnonzero(
        (consents["action"].to_numpy(dtype=object) == GRANT) & np.isin(consent_person, objectors)
    )
    grants = latest_by_key(consent_person[rows], utc_ns(consents["at"].iloc[rows]))
    return grants.lookup(person)


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
