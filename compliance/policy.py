"""The plain parameter objects the rules receive; `jobs/` builds them from the settings."""

from __future__ import annotations

from dataclasses import dataclass

from compliance.codes import DIRECT_MARKETING_SCOPES, Basis


@dataclass(frozen=True)
class ListPolicy:
    """One configured ActiveCampaign list: what it is for and on which basis people are on it."""

    id: int
    purpose: str
    basis: Basis
    product_groups: tuple[str, ...] = ()
    # The objection scopes that cover the list (SPEC 5.2); None: the default for marketing lists.
    objection_scopes: tuple[str, ...] | None = None

    @property
    def covered_by(self) -> frozenset[str]:
        """Objection scopes that unsubscribe from this list; a service list has none."""
        if not self.is_marketing:
            return frozenset()
        if self.objection_scopes is None:
            return DIRECT_MARKETING_SCOPES
        return frozenset(self.objection_scopes)

    @property
    def is_marketing(self) -> bool:
        return self.basis in (Basis.CONSENT, Basis.SOFT_OPT_IN)

    @property
    def is_soft_opt_in(self) -> bool:
        return self.basis == Basis.SOFT_OPT_IN


@dataclass(frozen=True)
class RetentionPolicy:
    """Time limits from `[policy]`; see SPEC.md sections 5 and 6."""

    objection_sla_hours: int = 24
    soft_opt_in_months: int = 24
    customer_retention_months: int = 24
    after_withdrawal_days: int = 30
    hard_bounce_days: int = 180
    # CONSENT_INCOMPLETE: "report" (medium, stays subscribed) or "unsubscribe" (high, SPEC 5).
    incomplete_consent: str = "report"

    def __post_init__(self) -> None:
        if self.incomplete_consent not in ("report", "unsubscribe"):
            raise ValueError("RetentionPolicy.incomplete_consent must be report or unsubscribe")
        # A negative limit would plan deletions for data that is not even old yet.
        for name in (
            "objection_sla_hours",
            "soft_opt_in_months",
            "customer_retention_months",
            "after_withdrawal_days",
            "hard_bounce_days",
        ):
            if getattr(self, name) < 0:
                raise ValueError(f"RetentionPolicy.{name} must not be negative")
