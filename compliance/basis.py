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
    """Per pair: index into UNSUBSCRIBE_PRECEDENCE (KEEP = -1); whether the basis kept relies
    on a consent record that lacks its wording id or notice version; whether soft opt-in holds."""

    rule: np.ndarray
    incomplete: np.ndarray
    soft: np.ndarray


def lifted(lifting_at: np.ndarray, since: np.ndarray) -> np.ndarray:
    """A complete grant for the list's purpose dated after `since` (SPEC 5.2, GDPR 21(3))."""
    return np.asarray(lifting_at > since)


def judge_pairs(
    *,
    person: np.ndarray,
    list_pos: np.ndarray,
    objection_at: np.ndarray,
    suppressed_at: np.ndarray,
    optout_at: np.ndarray,
    lists: MarketingLists,
    consents: ConsentState,
    purchases: Latest,
    soft_cutoff: np.datetime64,
) -> PairVerdict:
    """Decide each pair, in the precedence of SPEC 5: objection, suppression, re-subscription
    after an opt-out made in ActiveCampaign, withdrawal, expired soft opt-in, no basis.

    `objection_at` is the person's latest objection whose scope covers the pair's list,
    `suppressed_at` the latest suppression row of the contact's key covering it, `optout_at`
    the person's latest opt-out from that list recorded from ActiveCampaign (SPEC 5.1);
    `purchases` is keyed by (person, list position): the latest purchase in the list's groups.
    Each of the first three stands until a complete grant for the list's purpose dated after it.
    """
    at = consents.positions(compound(person, lists.purpose_of[list_pos], len(lists.purposes)))
    has_consent = at >= 0
    withdrawn_last = take(consents.last_withdraw, at, False)
    complete = take(consents.last_complete, at, False)
    lifting_at = take(consents.last_lifting_at, at, NAT)
    withdrawn_at = take(consents.last_withdraw_at, at, NAT)
    consent_holds = has_consent & ~withdrawn_last

    objected = ~np.isnat(objection_at) & ~lifted(lifting_at, objection_at)
    suppressed = ~np.isnat(suppressed_at) & ~lifted(lifting_at, suppressed_at)
    resubscribed = ~np.isnat(optout_at) & ~lifted(lifting_at, optout_at)

    soft = lists.soft[list_pos]
    purchased_at = purchases.lookup(compound(person, list_pos, len(lists)))
    bought = soft & ~np.isnat(purchased_at)
    recent = bought & (purchased_at >= soft_cutoff)
    # A withdrawal is the customer's refusal (SVPL 200(3)): soft opt-in ends for good, whatever
    # is bought later, until a complete new grant for the purpose.
    refused = ~np.isnat(withdrawn_at) & ~lifted(lifting_at, withdrawn_at)
    soft_holds = recent & ~refused

    withdrawn = withdrawn_last & ~soft_holds
    expired = bought & ~recent & ~consent_holds
    no_basis = ~consent_holds & ~soft_holds

    rule = np.select(
        [objected, suppressed, resubscribed, withdrawn, expired, no_basis],
        list(range(len(UNSUBSCRIBE_PRECEDENCE))),
        default=KEEP,
    ).astype(np.int64)
    return PairVerdict(
        rule=rule, incomplete=(rule == KEEP) & consent_holds & ~complete, soft=soft_holds
    )
