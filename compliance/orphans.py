"""plan_orphans: register records of people ActiveCampaign no longer holds, past retention.

A contact deleted in ActiveCampaign by someone else, or never imported there, can still have
consent, objection and purchase events in the register. Nothing else would ever remove them, so
they follow the customer retention period like a contact does (GDPR 5(1)(e)).
"""

from __future__ import annotations

from datetime import datetime

import pandas as pd

from compliance.frames import UTC_DTYPE, conform, utc_timestamp
from compliance.policy import RetentionPolicy

COLUMNS = ["email_norm", "last_activity", "suppress", "scope"]


def plan_orphans(
    *,
    contact_emails: pd.Series,
    consents: pd.DataFrame,
    objections: pd.DataFrame,
    customers: pd.DataFrame,
    policy: RetentionPolicy,
    now: datetime,
) -> pd.DataFrame:
    """People with register events, no contact, and no event newer than the retention window.

    `suppress` marks objectors (any scope), who keep a suppression row with `scope` = their
    objection scopes, sorted and comma-joined. Sorted by email_norm.
    """
    consents = conform(consents, "consents", ["email_norm", "at"])
    objections = conform(objections, "objections", ["email_norm", "scope", "at"])
    customers = conform(customers, "customers", ["email_norm", "last_purchase_at"])
    events = pd.concat(
        [
            consents[["email_norm", "at"]],
            objections[["email_norm", "at"]],
            customers[["email_norm", "last_purchase_at"]].rename(
                columns={"last_purchase_at": "at"}
            ),
        ],
        ignore_index=True,
    ).dropna(subset=["email_norm"])
    last = events.groupby("email_norm")["at"].max()
    held = set(contact_emails.dropna())
    cutoff = utc_timestamp(now) - pd.DateOffset(months=policy.customer_retention_months)
    # A missing date never makes data look old enough to forget.
    old = last[(~last.index.isin(held)) & last.notna() & (last < cutoff)]
    scopes = (
        objections.dropna(subset=["scope"])
        .drop_duplicates(["email_norm", "scope"])
        .sort_values(["email_norm", "scope"])
        .groupby("email_norm")["scope"]
        .agg(",".join)
    )
    scope = scopes.reindex(old.index).fillna("")
    plan = pd.DataFrame(
        {
            "email_norm": old.index.to_numpy(dtype=object),
            "last_activity": old.to_numpy(),
            "suppress": (scope != "").to_numpy(),
            "scope": scope.to_numpy(dtype=object),
        }
    )
    plan["last_activity"] = pd.to_datetime(plan["last_activity"], utc=True).astype(
        UTC_DTYPE  # type: ignore[call-overload]
    )
    return plan[COLUMNS].sort_values("email_norm").reset_index(drop=True)
