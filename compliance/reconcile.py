"""Reconcile ActiveCampaign list memberships with the register: findings and the action plan."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

import numpy as np
import pandas as pd

from compliance.basis import KEEP, MarketingLists, PairVerdict, judge_pairs
from compliance.codes import (
    LIST_FINDINGS,
    LIST_STATUS_ACTIVE,
    UNSUBSCRIBE_PRECEDENCE,
    ActionType,
    FindingCode,
    Severity,
)
from compliance.evidence import (
    NAT,
    Latest,
    People,
    compound,
    latest_by_key,
    positions,
    take,
)
from compliance.findings import (
    combine_actions,
    combine_findings,
    make_findings,
    nullable_ids,
    object_array,
)
from compliance.frames import conform, naive_utc, utc_ns, utc_timestamp
from compliance.hygiene import contact_findings
from compliance.objection_tags import tag_actions, tag_targets
from compliance.objections import purpose_state, standing_objection
from compliance.optouts import latest_optouts
from compliance.policy import ListPolicy, RetentionPolicy

_OBJECTION = UNSUBSCRIBE_PRECEDENCE.index(FindingCode.OBJECTION_NOT_HONOURED)


@dataclass(frozen=True)
class Reconciliation:
    """Findings (SCHEMAS["findings"]) and the action plan (SCHEMAS["actions"])."""

    findings: pd.DataFrame
    actions: pd.DataFrame


@dataclass(frozen=True)
class _Pairs:
    """Active memberships on marketing lists: contact row position and list position."""

    row: np.ndarray
    list_pos: np.ndarray


def reconcile(
    *,
    contacts: pd.DataFrame,
    memberships: pd.DataFrame,
    consents: pd.DataFrame,
    objections: pd.DataFrame,
    customers: pd.DataFrame,
    suppressions: pd.DataFrame,
    lists: Sequence[ListPolicy],
    policy: RetentionPolicy,
    now: datetime,
    contact_tags: pd.DataFrame | None = None,
) -> Reconciliation:
    """Findings for every rule of SPEC 5 and one unsubscribe per offending (contact, list).

    `contact_tags` (SCHEMAS["contact_tags"]), when given, makes the objection tag self-healing:
    every contact of a person with a standing objection covering a configured list lacking the
    tag is tagged, on a list or not, and nobody already carrying it is (objection_tags.py).
    Objections, suppression rows and opt-outs made in ActiveCampaign act per list: each covers
    the lists whose `covered_by` names its scope, and only a complete grant for that list's
    purpose dated after it lifts it (SPEC 5.1, 5.2).
    """
    now_ts = utc_timestamp(now)
    contacts = conform(contacts, "contacts", ["contact_id", "email_norm", "suppression_key"])
    contacts = contacts.drop_duplicates("contact_id", keep="last").reset_index(drop=True)
    marketing = MarketingLists.of(lists)
    people = People.of(contacts["email_norm"])
    person = people.codes(contacts["email_norm"])
    pairs = _active_pairs(contacts, memberships, marketing)

    state, _, _ = purpose_state(consents, people, marketing)

    objected = conform(objections, "objections", ["email_norm", "scope", "at"])
    objection_person = people.codes(objected["email_norm"])
    objection_at = _per_list(
        marketing,
        pairs,
        lambda scopes: latest_by_key(
            np.where(objected["scope"].isin(scopes).to_numpy(), objection_person, -1),
            utc_ns(objected["at"]),
        ).lookup(person),
    )
    suppressed_at = _per_list(
        marketing, pairs, lambda scopes: _suppressed_at(contacts, suppressions, scopes)
    )
    optouts = latest_optouts(consents, people, marketing)

    verdict = judge_pairs(
        person=person[pairs.row],
        list_pos=pairs.list_pos,
        objection_at=objection_at,
        suppressed_at=suppressed_at,
        optout_at=optouts.lookup(compound(person[pairs.row], pairs.list_pos, len(marketing))),
        lists=marketing,
        consents=state,
        purchases=_soft_purchases(customers, people, marketing),
        soft_cutoff=naive_utc(now_ts - pd.DateOffset(months=policy.soft_opt_in_months)),
    )
    strict = policy.incomplete_consent == "unsubscribe"
    findings = combine_findings(
        [_pair_findings(contacts, pairs, verdict, marketing, strict), contact_findings(contacts)]
    )
    ids = contacts["contact_id"].to_numpy(dtype=np.int64)
    tagged = tag_targets(
        ids[pairs.row[verdict.rule == _OBJECTION]],
        contact_tags=contact_tags,
        contact_ids=ids,
        standing=standing_objection(
            person=person, objections=objected, people=people, lists=marketing, consents=state
        ),
    )
    actions = combine_actions(
        [_unsubscribes(ids, pairs, verdict, marketing, strict), tag_actions(tagged)]
    )
    return Reconciliation(findings=findings, actions=actions)


def _active_pairs(
    contacts: pd.DataFrame, memberships: pd.DataFrame, marketing: MarketingLists
) -> _Pairs:
    frame = conform(memberships, "memberships", ["contact_id", "list_id", "status"])
    frame = frame[frame["status"].eq(LIST_STATUS_ACTIVE) & frame["list_id"].isin(marketing.ids)]
    row = positions(pd.Index(contacts["contact_id"]), frame["contact_id"])
    list_pos = positions(marketing.ids, frame["list_id"])
    # A membership of a contact we do not hold cannot be acted on; a repeated one is acted on once.
    key = compound(row, list_pos, len(marketing))
    keep = (key >= 0) & ~pd.Series(key).duplicated().to_numpy()
    return _Pairs(row=row[keep], list_pos=list_pos[keep])


def _per_list(
    marketing: MarketingLists,
    pairs: _Pairs,
    per_contact: Callable[[frozenset[str]], np.ndarray],
) -> np.ndarray:
    """Per pair: `per_contact(scopes)[row]` for the scopes that cover the pair's list.

    Lists are few and share scope sets, so each distinct set is evaluated once.
    """
    out = np.full(len(pairs.row), NAT)
    cache: dict[frozenset[str], np.ndarray] = {}
    for pos, policy in enumerate(marketing.policies):
        scopes = policy.covered_by
        mine = pairs.list_pos == pos
        if not scopes or not mine.any():
            continue
        if scopes not in cache:
            cache[scopes] = per_contact(scopes)
        out[mine] = cache[scopes][pairs.row[mine]]
    return out


def _suppressed_at(
    contacts: pd.DataFrame, suppressions: pd.DataFrame, covering: frozenset[str]
) -> np.ndarray:
    """Per contact row: the latest created_at of a suppression row with its key, else NaT.

    Only rows whose scope covers the list count: someone who objected only to, say,
    genealogy may lawfully be back on a newsletter list they consented to.
    """
    rows = conform(suppressions, "suppressions", ["key", "scope", "created_at"])
    scopes = rows["scope"].fillna("all").astype(str).str.split(",")
    covers = scopes.map(lambda parts: bool(covering.intersection(parts)))
    rows = rows[covers.astype(bool).to_numpy()]
    latest = rows.groupby("key")["created_at"].max()
    where = positions(latest.index, contacts["suppression_key"])
    return take(utc_ns(latest), where, NAT)


def _soft_purchases(customers: pd.DataFrame, people: People, marketing: MarketingLists) -> Latest:
    """Latest purchase per (person, soft-opt-in list) within that list's product groups."""
    bought = conform(customers, "customers", ["email_norm", "last_purchase_at", "product_group"])
    bought = bought.merge(marketing.product_groups(), on="product_group", how="inner")
    keys = compound(
        people.codes(bought["email_norm"]), bought["list_pos"].to_numpy(), len(marketing)
    )
    return latest_by_key(keys, utc_ns(bought["last_purchase_at"]))


def _pair_findings(
    contacts: pd.DataFrame,
    pairs: _Pairs,
    verdict: PairVerdict,
    marketing: MarketingLists,
    strict: bool,
) -> pd.DataFrame:
    codes = [code.value for code in LIST_FINDINGS]
    incomplete = len(codes) - 1
    rule = np.where(verdict.incomplete, incomplete, verdict.rule)
    hit = rule != KEEP
    # With incomplete_consent = "unsubscribe" a pair kept only by an incomplete consent loses
    # it (R-MOD-2: such a record is no basis), so its finding is high; soft opt-in still holds.
    raised = (verdict.incomplete & ~verdict.soft & strict)[hit]
    rule, row, list_pos = rule[hit], pairs.row[hit], pairs.list_pos[hit]
    # Params depend only on (rule, list): build one dict per distinct pair, shared by its rows
    # (read-only from here on).
    combo, inverse = np.unique(rule * len(marketing) + list_pos, return_inverse=True)
    facts = object_array(
        [_facts(codes[c // len(marketing)], marketing.policies[c % len(marketing)]) for c in combo]
    )
    findings = make_findings(
        codes=np.array(codes, dtype=object)[rule],
        contact_ids=contacts["contact_id"].to_numpy(dtype=np.int64)[row],
        email_norms=contacts["email_norm"].to_numpy(dtype=object)[row],
        list_ids=marketing.ids.to_numpy(dtype=np.int64)[list_pos],
        params=facts[inverse.reshape(-1)] if len(facts) else np.array([], dtype=object),
    )
    findings.loc[raised, "severity"] = Severity.HIGH.value
    return findings


def _facts(code: str, policy: ListPolicy) -> dict[str, object]:
    """The list the finding is about, for a report to name (codes.FINDING_PARAMS)."""
    facts: dict[str, object] = {"list_id": policy.id, "purpose": policy.purpose}
    if code == FindingCode.SOFT_OPT_IN_EXPIRED:
        facts["product_groups"] = list(policy.product_groups)
    return facts


def _unsubscribes(
    ids: np.ndarray,
    pairs: _Pairs,
    verdict: PairVerdict,
    marketing: MarketingLists,
    strict: bool,
) -> pd.DataFrame:
    codes = np.array([code.value for code in LIST_FINDINGS], dtype=object)
    rule = verdict.rule.copy()
    if strict:
        rule[verdict.incomplete & ~verdict.soft] = len(codes) - 1
    act = rule != KEEP
    n = int(act.sum())
    return pd.DataFrame(
        {
            "type": np.full(n, ActionType.UNSUBSCRIBE.value, dtype=object),
            "contact_id": nullable_ids(ids[pairs.row[act]]),
            "list_id": nullable_ids(marketing.ids.to_numpy(dtype=np.int64)[pairs.list_pos[act]]),
            "rule": codes[rule[act]],
            "tag": np.full(n, None, dtype=object),
        }
    )
