"""The lawful-basis verdict for each active (contact, marketing list) pair (SPEC 5, R-BAS, R-OBJ).

Everything is computed on aligned numpy arrays, one element per pair; numpy compares NaT as
False, so "no evidence" never satisfies an "is after" or "is recent" test.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from compliance.codes import UNSUBSCRIBE_PRECEDENCE
from compliance.evidence import NAT, ConsentState, Latest, compound, positions, take
from compliance.policy import ListPolicy

KEEP = -1  # verdict for a pair with a basis: no unsubscribe


@dataclass(frozen=True)
class MarketingLists:
    """The configured marketing lists by position, with their purposes as integer codes."""

    policies: tuple[ListPolicy, ...]
    ids: pd.Index
    purposes: pd.Index
    purpose_of: np.ndarray
    soft: np.ndarray

    @classmethod
    def of(cls, lists: Sequence[ListPolicy]) -> MarketingLists:
        ids = [policy.id for policy in lists]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise ValueError(f"list id(s) configured more than once: {repeated}")
        policies = tuple(policy for policy in lists if policy.is_marketing)
        purposes = pd.Index(sorted({policy.purpose for policy in policies}), dtype="object")
        return cls(
            policies=policies,
            ids=pd.Index([policy.id for policy in policies], dtype="int64"),
            purposes=purposes,
            purpose_of=positions(purposes, [policy.purpose for policy in policies]),
            soft=np.array([policy.is_soft_opt_in for policy in policies], dtype=bool),
        )

    def __len__(self) -> int:
        return len(self.policies)

    def product_groups(self) -> pd.DataFrame:
        """(product_group, list_pos) for every soft-opt-in list."""
        rows = [
            (group, pos)
            for pos, policy in enumerate(self.policies)
            if policy.is_soft_opt_in
            for group in policy.product_groups
        ]
        return pd.DataFrame(rows, columns=["product_group", "list_pos"]).astype(
            {"product_group": "object", "list_pos": "int64"}
        )


@dataclass(frozen=True)
class PairVerdict:
    """Per pair: index into UNSUBSCRIBE_PRECEDENCE (KEEP = -1), and whether the basis kept
    relies on a consent record that lacks its wording id or notice version."""

    rule: np.ndarray
    incomplete: np.ndarray


def judge_pairs(
    *,
    person: np.ndarray,
    list_pos: np.ndarray,
    objection_at: np.ndarray,
    suppressed_at: np.ndarray,
    lists: MarketingLists,
    consents: ConsentState,
    purchases: Latest,
    soft_cutoff: np.datetime64,
) -> PairVerdict:
    """Decide each pair. `objection_at` is the person's latest direct-marketing objection,
    `suppressed_at` the latest suppression row of the contact's key; `purchases` is keyed by
    (person, list position) and holds the latest purchase in that list's product groups."""
    at = consents.positions(compound(person, lists.purpose_of[list_pos], len(lists.purposes)))
    has_consent = at >= 0
    withdrawn_last = take(consents.last_withdraw, at, False)
    last_event_at = take(consents.last_at, at, NAT)
    granted_at = take(consents.last_grant_at, at, NAT)
    complete = take(consents.last_complete, at, False)
    consent_holds = has_consent & ~withdrawn_last

    # Only a grant for this list's purpose dated after the objection or suppression lifts it.
    objected = ~np.isnat(objection_at) & ~(granted_at > objection_at)
    suppressed = ~np.isnat(suppressed_at) & ~(granted_at > suppressed_at)

    soft = lists.soft[list_pos]
    purchased_at = purchases.lookup(compound(person, list_pos, len(lists)))
    bought = soft & ~np.isnat(purchased_at)
    recent = bought & (purchased_at >= soft_cutoff)
    # After a withdrawal only a new purchase re-collects the address with a fresh opt-out offer.
    soft_holds = recent & (~withdrawn_last | (purchased_at > last_event_at))

    withdrawn = withdrawn_last & ~soft_holds
    expired = bought & ~recent & ~consent_holds
    no_basis = ~consent_holds & ~soft_holds

    rule = np.select(
        [objected, suppressed, withdrawn, expired, no_basis],
        list(range(len(UNSUBSCRIBE_PRECEDENCE))),
        default=KEEP,
    ).astype(np.int64)
    return PairVerdict(rule=rule, incomplete=(rule == KEEP) & consent_holds & ~complete)
