"""Closed vocabularies shared by every package: severities, bases, finding codes, actions."""

from __future__ import annotations

from enum import StrEnum


class Severity(StrEnum):
    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class Basis(StrEnum):
    CONSENT = "consent"
    SOFT_OPT_IN = "soft_opt_in"
    SERVICE = "service"


class FindingCode(StrEnum):
    OBJECTION_NOT_HONOURED = "OBJECTION_NOT_HONOURED"
    SUPPRESSION_BREACH = "SUPPRESSION_BREACH"
    RESUBSCRIBED_AFTER_OPT_OUT = "RESUBSCRIBED_AFTER_OPT_OUT"
    CONSENT_WITHDRAWN = "CONSENT_WITHDRAWN"
    SOFT_OPT_IN_EXPIRED = "SOFT_OPT_IN_EXPIRED"
    NO_MARKETING_BASIS = "NO_MARKETING_BASIS"
    CONSENT_INCOMPLETE = "CONSENT_INCOMPLETE"
    DUPLICATE_CONTACT = "DUPLICATE_CONTACT"
    INVALID_EMAIL = "INVALID_EMAIL"
    DSR_DUE_SOON = "DSR_DUE_SOON"
    DSR_OVERDUE = "DSR_OVERDUE"
    DSR_IDENTITY_UNVERIFIED = "DSR_IDENTITY_UNVERIFIED"
    TRANSFER_WITHOUT_SAFEGUARD = "TRANSFER_WITHOUT_SAFEGUARD"
    DPA_MISSING = "DPA_MISSING"


SEVERITY: dict[FindingCode, Severity] = {
    FindingCode.OBJECTION_NOT_HONOURED: Severity.CRITICAL,
    FindingCode.SUPPRESSION_BREACH: Severity.CRITICAL,
    FindingCode.RESUBSCRIBED_AFTER_OPT_OUT: Severity.HIGH,
    FindingCode.CONSENT_WITHDRAWN: Severity.HIGH,
    FindingCode.SOFT_OPT_IN_EXPIRED: Severity.HIGH,
    FindingCode.NO_MARKETING_BASIS: Severity.HIGH,
    FindingCode.CONSENT_INCOMPLETE: Severity.MEDIUM,
    FindingCode.DUPLICATE_CONTACT: Severity.LOW,
    FindingCode.INVALID_EMAIL: Severity.LOW,
    FindingCode.DSR_DUE_SOON: Severity.MEDIUM,
    FindingCode.DSR_OVERDUE: Severity.CRITICAL,
    FindingCode.DSR_IDENTITY_UNVERIFIED: Severity.MEDIUM,
    FindingCode.TRANSFER_WITHOUT_SAFEGUARD: Severity.CRITICAL,
    FindingCode.DPA_MISSING: Severity.HIGH,
}

# The findings that unsubscribe a (contact, list) pair, strongest first: when several hold for
# one pair, only the first is reported and acted on (DESIGN.md, "Rule outputs").
UNSUBSCRIBE_PRECEDENCE: tuple[FindingCode, ...] = (
    FindingCode.OBJECTION_NOT_HONOURED,
    FindingCode.SUPPRESSION_BREACH,
    FindingCode.RESUBSCRIBED_AFTER_OPT_OUT,
    FindingCode.CONSENT_WITHDRAWN,
    FindingCode.SOFT_OPT_IN_EXPIRED,
    FindingCode.NO_MARKETING_BASIS,
)
# Findings about one contact on one list (the row's list_id), in rule order: the unsubscribing
# ones, then CONSENT_INCOMPLETE, which unsubscribes only under a strict policy.
LIST_FINDINGS: tuple[FindingCode, ...] = (*UNSUBSCRIBE_PRECEDENCE, FindingCode.CONSENT_INCOMPLETE)

# The keys of each finding's `params`, plain JSON values: the facts a report needs to say the
# finding in its own language. compliance/ writes no sentences (DESIGN.md, "Rule outputs").
_LIST_PARAMS = ("list_id", "purpose")
_REQUEST_PARAMS = ("request_id", "type", "due_at", "days_left")
FINDING_PARAMS: dict[FindingCode, tuple[str, ...]] = {
    **{code: _LIST_PARAMS for code in LIST_FINDINGS},
    FindingCode.SOFT_OPT_IN_EXPIRED: (*_LIST_PARAMS, "product_groups"),
    FindingCode.DUPLICATE_CONTACT: ("count", "other_ids"),
    FindingCode.INVALID_EMAIL: (),
    FindingCode.DSR_DUE_SOON: _REQUEST_PARAMS,
    FindingCode.DSR_OVERDUE: _REQUEST_PARAMS,
    FindingCode.DSR_IDENTITY_UNVERIFIED: ("request_id", "type", "due_at"),
    FindingCode.TRANSFER_WITHOUT_SAFEGUARD: ("processor", "country"),
    FindingCode.DPA_MISSING: ("processor",),
}


class PurgeReason(StrEnum):
    RETENTION_EXPIRED = "RETENTION_EXPIRED"
    AFTER_WITHDRAWAL = "AFTER_WITHDRAWAL"
    OBJECTED = "OBJECTED"
    HARD_BOUNCE = "HARD_BOUNCE"
    ERASURE_REQUEST = "ERASURE_REQUEST"


# One reason per planned contact, strongest first: an erasure request is the data subject's own
# demand, an objection is absolute (GDPR 21(3)); the time-based reasons follow.
PURGE_PRECEDENCE: tuple[PurgeReason, ...] = (
    PurgeReason.ERASURE_REQUEST,
    PurgeReason.OBJECTED,
    PurgeReason.AFTER_WITHDRAWAL,
    PurgeReason.HARD_BOUNCE,
    PurgeReason.RETENTION_EXPIRED,
)


class ActionType(StrEnum):
    UNSUBSCRIBE = "unsubscribe"
    TAG = "tag"
    DELETE = "delete"
    UPDATE = "update"


OBJECTION_TAG = "rekisteri-objection"
DIRECT_MARKETING_SCOPES = frozenset({"direct_marketing", "distance_selling", "all"})
OBJECTION_SCOPES = (
    "direct_marketing",
    "distance_selling",
    "market_research",
    "person_directory",
    "genealogy",
    "all",
)

RESTRICTED_TAG = "rekisteri-restricted"
# Requests that disclose or change data wait for an identity check (SPEC 7, Art. 12(6));
# an objection or a restriction only ever reduces processing, so it never waits.
IDENTITY_GATED_REQUESTS = frozenset({"access", "erase", "rectify"})
VERIFICATION_METHODS = ("strong_auth", "in_person", "signed_letter", "known_address")
REFUSAL_REASONS = ("manifestly_unfounded", "excessive")
# Objection scopes that make a contact's deletion due (OBJECTED, SPEC 6); market research,
# person directories and genealogy objections stop that use, not the customer relationship.
PURGE_OBJECTION_SCOPES = DIRECT_MARKETING_SCOPES

# The `source` of the withdraw events recorded for opt-outs made in ActiveCampaign (SPEC 5.1).
ACTIVECAMPAIGN_SOURCE = "activecampaign"

GRANT = "grant"
WITHDRAW = "withdraw"
CONSENT_ACTIONS = (GRANT, WITHDRAW)

# ActiveCampaign contactList status values (FACTS.md); only ACTIVE receives campaigns.
LIST_STATUS_UNCONFIRMED = 0
LIST_STATUS_ACTIVE = 1
LIST_STATUS_UNSUBSCRIBED = 2
LIST_STATUS_BOUNCED = 3
