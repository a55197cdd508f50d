"""Which objections stand (SPEC 5.2): per list, lifted only by a complete, later grant.

GDPR 21(3) is absolute: once a person objects, the data are no longer used for that purpose.
Only a new opt-in the controller can demonstrate (a grant for the list's purpose carrying
`wording_id` and `notice_version`, dated after the objection) lifts it, and only for that
list; a grant for another purpose, an incomplete grant or a purchase lifts nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from compliance.basis import MarketingLists, lifted
from compliance.codes import PURGE_OBJECTION_SCOPES
from compliance.evidence import (
    NAT,
    ConsentState,
    People,
    compound,
    consent_state,
    latest_by_key,
    positions,
    take,
)
from compliance.frames import conform, utc_ns


def purpose_state(
    consents: pd.DataFrame, people: People, lists: MarketingLists
) -> tuple[ConsentState, pd.DataFrame, np.ndarray]:
    """Consent state keyed by (person, purpose code of `lists`), the conformed events and the
    person code of each. The evidence columns may be absent: every grant is then incomplete."""
    consent = conform(consents, "consents", ["email_norm", "purpose", "action", "at"])
    for optional in ("wording_id", "notice_version"):
        if optional in consents.columns:
            consent[optional] = consents[optional].to_numpy()
    purpose = positions(lists.purposes, consent["purpose"])
    consent_person = people.codes(consent["email_norm"])
    key = compound(consent_person, purpose, len(lists.purposes))
    return consent_state(key, consent), consent, consent_person


def _objected_at(
    objections: pd.DataFrame, codes: np.ndarray, scopes: Iterable[str], person: np.ndarray
) -> np.ndarray:
    """Per contact: the person's latest objection with one of `scopes`, else NaT."""
    covers = objections["scope"].isin(list(scopes)).to_numpy()
    return latest_by_key(np.where(covers, codes, -1), utc_ns(objections["at"])).lookup(person)


def _lifting_at(
    person: np.ndarray, purpose: int, lists: MarketingLists, consents: ConsentState
) -> np.ndarray:
    key = compound(person, np.full(len(person), purpose), len(lists.purposes))
    return take(consents.last_lifting_at, consents.positions(key), NAT)


def standing_objection(
    *,
    person: np.ndarray,
    objections: pd.DataFrame,
    people: People,
    lists: MarketingLists,
    consents: ConsentState,
) -> np.ndarray:
    """Per contact: an objection covering some configured list stands there, not lifted for it.

    `objections` has `email_norm`, `scope`, `at`; `consents` is keyed by (person, purpose code)
    as in reconcile. A person_directory or genealogy objection alone covers no list and never
    stands here (it is kept, exported and carried into the suppression row).
    """
    codes = people.codes(objections["email_norm"])
    stands = np.zeros(len(person), dtype=bool)
    for pos, policy in enumerate(lists.policies):
        if not policy.covered_by:
            continue
        objected_at = _objected_at(objections, codes, policy.covered_by, person)
        lifting_at = _lifting_at(person, int(lists.purpose_of[pos]), lists, consents)
        stands |= ~np.isnat(objected_at) & ~lifted(lifting_at, objected_at)
    return stands


def purge_objection_at(
    *,
    person: np.ndarray,
    objections: pd.DataFrame,
    people: People,
    lists: MarketingLists,
    consents: ConsentState,
) -> np.ndarray:
    """Per contact: the latest objection that makes deletion due (OBJECTED, SPEC 6), else NaT.

    Its scope is direct_marketing, distance_selling or all; it no longer counts once the person
    has opted in again, completely and after it, to a list it covers: they asked to hear from us
    there, and deleting them would undo that choice. Market research, person directory and
    genealogy objections end those uses only, not the customer relationship.
    """
    codes = people.codes(objections["email_norm"])
    objected_at = _objected_at(objections, codes, PURGE_OBJECTION_SCOPES, person)
    opted_in_again = np.zeros(len(person), dtype=bool)
    for pos, policy in enumerate(lists.policies):
        scopes = policy.covered_by & PURGE_OBJECTION_SCOPES
        if not scopes:
            continue
        covering_at = _objected_at(objections, codes, scopes, person)
        lifting_at = _lifting_at(person, int(lists.purpose_of[pos]), lists, consents)
        opted_in_again |= ~np.isnat(covering_at) & lifted(lifting_at, objected_at)
    return np.where(opted_in_again, NAT, objected_at)
