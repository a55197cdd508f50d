"""plan_purge: which contacts to hard-delete in ActiveCampaign, and why (SPEC 6, R-RET)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import numpy as np
import pandas as pd

from compliance.basis import MarketingLists
from compliance.codes import (
    LIST_STATUS_ACTIVE,
    PURGE_PRECEDENCE,
    PurgeReason,
)
from compliance.emails import normalise_email
from compliance.evidence import NAT, People, consent_state, latest_by_key, positions, take
from compliance.frames import SCHEMAS, conform, from_utc_ns, naive_utc, utc_ns, utc_timestamp
from compliance.objections import purge_objection_at, purpose_state
from compliance.policy import ListPolicy, RetentionPolicy


def plan_purge(
    *,
    contacts: pd.DataFrame,
    memberships: pd.DataFrame,
    consents: pd.DataFrame,
    objections: pd.DataFrame,
    customers: pd.DataFrame,
    erasure_emails: frozenset[str],
    policy: RetentionPolicy,
    now: datetime,
    restricted_emails: frozenset[str] = frozenset(),
    service_list_ids: frozenset[int] = frozenset(),
    lists: Sequence[ListPolicy] = (),
) -> pd.DataFrame:
    """One row per contact to delete (SCHEMAS["purge_plan"]), sorted by contact_id.

    Only contacts active on no list other than a service list (`service_list_ids`) are
    planned, except on an erasure request, which is honoured even for a contact still on a
    list. `suppress` marks objectors (any scope), whose deletion leaves a suppression row
    with `scope` = their objection scopes, sorted, joined by ",".
    A contact whose address is in `restricted_emails` (Art. 18) is never planned, for any reason.
    OBJECTED takes an objection to direct marketing, distance selling or all, unless the person
    opted in again, completely and after it, to one of the `lists` it covers (objections.py).
    """
    now_ts = utc_timestamp(now)
    columns = ["contact_id", "email_norm", "cdate", "bounced_hard", "bounced_date"]
    contacts = conform(contacts, "contacts", columns)
    contacts = contacts.drop_duplicates("contact_id", keep="last").reset_index(drop=True)
    people = People.of(contacts["email_norm"])
    person = people.codes(contacts["email_norm"])

    # Person-level consent history: one key per person, all purposes folded together.
    events = conform(consents, "consents", ["email_norm", "action", "at"])
    state = consent_state(people.codes(events["email_norm"]), events)
    at = state.positions(person)
    last_event_at = take(state.last_at, at, NAT)
    last_withdraw = take(state.last_withdraw, at, False)

    bought = conform(customers, "customers", ["email_norm", "last_purchase_at"])
    purchased_at = latest_by_key(
        people.codes(bought["email_norm"]), utc_ns(bought["last_purchase_at"])
    ).lookup(person)

    objected = conform(objections, "objections", ["email_norm", "scope", "at"])
    objected = objected[objected["scope"].notna()]
    marketing = MarketingLists.of(lists)
    objection_at = purge_objection_at(
        person=person,
        objections=objected,
        people=people,
        lists=marketing,
        consents=purpose_state(consents, people, marketing)[0],
    )

    cdate = utc_ns(contacts["cdate"])
    # np.fmax skips NaT, so a missing date never hides a present one.
    last_activity = np.fmax(np.fmax(cdate, purchased_at), last_event_at)
    retention_cutoff = naive_utc(now_ts - pd.DateOffset(months=policy.customer_retention_months))
    recent_purchase = purchased_at >= retention_cutoff

    def older_than(moment: np.ndarray, limit: pd.Timedelta) -> np.ndarray:
        return np.asarray(moment < naive_utc(now_ts - limit))

    erased = {normalise_email(email) for email in erasure_emails}
    reasons = {
        PurgeReason.ERASURE_REQUEST: contacts["email_norm"].isin(erased).to_numpy(),
        PurgeReason.OBJECTED: ~np.isnat(objection_at)
        & older_than(objection_at, pd.Timedelta(hours=policy.objection_sla_hours))
        & ~recent_purchase,
        PurgeReason.AFTER_WITHDRAWAL: last_withdraw
        & older_than(last_event_at, pd.Timedelta(days=policy.after_withdrawal_days))
        & ~recent_purchase,
        PurgeReason.HARD_BOUNCE: contacts["bounced_hard"].to_numpy()
        & older_than(utc_ns(contacts["bounced_date"]), pd.Timedelta(days=policy.hard_bounce_days)),
        PurgeReason.RETENTION_EXPIRED: last_activity < retention_cutoff,
    }
    # Only contacts active on no list are planned; an erasure request is the exception, as the
    # person has asked for exactly this (GDPR 17). An order-confirmation (service) list does not
    # protect anyone: a customer relationship that ended `customer_retention_months` ago needs no
    # confirmations (SPEC 6 r2, GDPR 5(1)(e)). A list the config does not name still protects:
    # the job cannot know what it is for, and a deletion cannot be undone.
    protected = _active_contact_ids(memberships, ignore=service_list_ids)
    idle = ~np.isin(contacts["contact_id"].to_numpy(), protected)
    choices = [
        reasons[reason] if reason is PurgeReason.ERASURE_REQUEST else reasons[reason] & idle
        for reason in PURGE_PRECEDENCE
    ]
    reason = np.select(choices, [reason.value for reason in PURGE_PRECEDENCE], default="")
    # Restriction (Art. 18) means storage only: not even an erasure request deletes meanwhile.
    restricted = {normalise_email(email) for email in restricted_emails}
    planned = (reason != "") & ~contacts["email_norm"].isin(restricted).to_numpy()

    plan = pd.DataFrame(
        {
            "contact_id": contacts["contact_id"].to_numpy()[planned],
            "email_norm": contacts["email_norm"].to_numpy(dtype=object)[planned],
            "reason": reason[planned].astype(object),
            "last_activity": from_utc_ns(last_activity[planned]),
        }
    )
    scopes = _objection_scopes(objected, people, person[planned])
    plan["suppress"] = scopes != ""
    plan["scope"] = scopes
    return plan.astype(SCHEMAS["purge_plan"]).sort_values("contact_id").reset_index(drop=True)


def _active_contact_ids(memberships: pd.DataFrame, *, ignore: frozenset[int]) -> np.ndarray:
    """Contacts active on any list, configured or not, other than the `ignore` lists."""
    frame = conform(memberships, "memberships", ["contact_id", "list_id", "status"])
    active = frame["status"].eq(LIST_STATUS_ACTIVE) & ~frame["list_id"].isin(sorted(ignore))
    return np.unique(frame.loc[active, "contact_id"].to_numpy())


def _objection_scopes(objections: pd.DataFrame, people: People, person: np.ndarray) -> np.ndarray:
    """Per planned person: every objection scope on file, sorted and comma-joined, else ""."""
    codes = people.codes(objections["email_norm"])
    wanted = np.isin(codes, person) & (codes >= 0)
    pairs = pd.DataFrame({"person": codes[wanted], "scope": objections["scope"].to_numpy()[wanted]})
    # Only planned people are joined here, so this per-person join stays small.
    joined = (
        pairs.drop_duplicates()
        .sort_values(["person", "scope"])
        .groupby("person")["scope"]
        .agg(",".join)
    )
    return take(joined.to_numpy(dtype=object), positions(joined.index, person), "")
