"""Record of processing activities (GDPR Art. 30(1)(a)-(g)) built from the configuration."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from reports.files import ensure_private_dir, write_json, write_text
from reports.i18n import LANGUAGES, get_lang, zone_of
from reports.render import render
from reports.ropa_fixed import fixed_activities
from reports.ropa_recipients import check_purposes, serves
from reports.ropa_text import describe_activity, describe_processor

LEGAL_BASIS = {
    "consent": ("gdpr_6_1_a", "svpl_200_1"),
    "soft_opt_in": ("gdpr_6_1_f", "svpl_200_2"),
    "service": ("gdpr_6_1_b",),
}
SUBJECTS = {"consent": "subscribers", "soft_opt_in": "customers", "service": "customers"}
EXTRA_DATA = {
    "consent": ("consent_records", "objection_records"),
    "soft_opt_in": ("purchases", "objection_records"),
    "service": ("purchases",),
}
LIST_DATA = ("contact_details", "list_status", "custom_fields", "email_activity")
MECHANISMS = frozenset({"none", "adequacy", "scc"})
SECURITY = (
    "need_to_know",
    "files_0600",
    "keyed_hashes",
    "token_from_env",
    "audit_log",
    "masked_emails",
)
Issue = Callable[..., None]  # records one problem: issue(text_key, **params)


@dataclass
class Ropa:
    """The record: language-neutral activities (codes, numbers) plus problems found."""

    controller: dict[str, Any]
    activities: list[dict[str, Any]] = field(default_factory=list)
    processors: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    # the same problems as (text key, params), so write_ropa can show them in any language
    issues: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "controller": dict(self.controller),
            "activities": self.activities,
            "processors": self.processors,
            "errors": list(self.errors),
        }


def _positive(policy: Mapping[str, Any], key: str, *, allow_zero: bool = False) -> int | None:
    value = policy.get(key)
    if not isinstance(value, int) or isinstance(value, bool):
        return None
    return value if value > 0 or (allow_zero and value == 0) else None


def _list_retention(
    item: Mapping[str, Any], policy: Mapping[str, Any], issue: Issue
) -> dict[str, Any] | None:
    basis, list_id = str(item.get("basis")), item.get("id")
    if item.get("retention_months") is not None:
        # The purge enforces the [policy] periods, not a per-list one: stating it would make
        # the record and the letters promise a deletion that never happens (SPEC 6).
        issue(
            "ropa.err.list_retention_unenforced",
            list=list_id,
            purpose=item.get("purpose"),
            value=item.get("retention_months"),
        )
    # after_withdrawal_days = 0 is resolvable: deleted at the first run after the withdrawal
    setting, rule, unit, zero = {
        "consent": ("after_withdrawal_days", "until_withdrawal", "days", True),
        "soft_opt_in": ("soft_opt_in_months", "after_last_purchase", "months", False),
        "service": ("customer_retention_months", "customer_months", "months", False),
    }[basis]
    amount = _positive(policy, setting, allow_zero=zero)
    if amount is None:
        issue(
            "ropa.err.list_retention",
            list=list_id,
            purpose=item.get("purpose"),
            setting=f"policy.{setting}",
            value=policy.get(setting),
        )
        return None
    return {"rule": rule, unit: amount}


def _list_activity(
    purpose: str, items: Sequence[Mapping[str, Any]], policy: Mapping[str, Any], issue: Issue
) -> dict[str, Any]:
    bases: list[str] = []
    retention: list[dict[str, Any]] = []
    for item in items:
        basis = item.get("basis")
        if basis is None:
            issue("ropa.err.no_basis", list=item.get("id"), purpose=purpose)
            continue
        if basis not in LEGAL_BASIS:
            issue("ropa.err.bad_basis", list=item.get("id"), basis=basis)
            continue
        if basis not in bases:
            bases.append(basis)
        entry = _list_retention(item, policy, issue)
        if entry is not None and entry not in retention:
            retention.append(entry)
    marketing = any(b in ("consent", "soft_opt_in") for b in bases)
    bounce_days = _positive(policy, "hard_bounce_days", allow_zero=True)
    if marketing and bounce_days is not None:
        retention.append({"rule": "hard_bounce", "days": bounce_days})
    data = list(LIST_DATA)
    for basis in bases:
        data.extend(d for d in EXTRA_DATA[basis] if d not in data)
    return {
        "id": f"list:{purpose}",
        "kind": "marketing" if marketing else ("service" if bases else "unclassified"),
        "purpose": purpose,
        "bases": bases,
        "lists": [
            {
                "id": i.get("id"),
                "name": i.get("name"),
                "basis": i.get("basis"),
                "retention_months": i.get("retention_months"),
            }
            for i in items
        ],
        "legal_basis": [code for basis in bases for code in LEGAL_BASIS[basis]],
        "data_subjects": sorted({SUBJECTS[b] for b in bases}),
        "data_categories": data,
        "retention": retention,
    }


def _processor(item: Mapping[str, Any], eea: frozenset[str], issue: Issue) -> dict[str, Any]:
    name = item.get("name") or "?"
    country = str(item.get("country") or "").upper()
    mechanism = item.get("transfer_mechanism")
    if len(country) != 2 or not country.isalpha():
        issue("ropa.err.bad_country", name=name, country=item.get("country"))
    if mechanism not in MECHANISMS:
        issue("ropa.err.bad_mechanism", name=name, mechanism=mechanism)
    in_eea = country in eea
    if not in_eea and mechanism == "none":
        issue("ropa.err.transfer", name=name, country=country)
    signed = item.get("dpa_signed")
    return {
        "name": name,
        "country": country,
        "role": item.get("role"),
        "transfer_mechanism": mechanism,
        "eea": in_eea,
        "purposes": [str(p) for p in item.get("purposes") or []],
        "dpa_signed": signed.isoformat() if isinstance(signed, date) else signed,
    }


def build_ropa(
    *,
    controller: dict[str, Any],
    lists: list[dict[str, Any]],
    processors: list[dict[str, Any]],
    policy: dict[str, Any],
    eea_countries: frozenset[str],
    cookies: Mapping[str, Any] | None = None,
) -> Ropa:
    """One activity per list purpose plus the fixed ones; problems go to `errors`, in the
    controller's language, one string per problem naming the list or processor."""
    language = controller.get("language")
    lang = get_lang(language if language in LANGUAGES else "en", zone_of(controller))
    ropa = Ropa(controller=dict(controller))

    def issue(key: str, **params: Any) -> None:
        ropa.issues.append((key, params))
        ropa.errors.append(lang.t(key, **params))

    eea = frozenset(c.upper() for c in eea_countries)
    ropa.processors = [_processor(p, eea, issue) for p in processors]
    by_purpose: dict[str, list[dict[str, Any]]] = {}
    for item in lists:
        by_purpose.setdefault(str(item.get("purpose") or "").strip(), []).append(item)
    for purpose, items in by_purpose.items():
        if not purpose:
            for item in items:
                issue("ropa.err.no_purpose", list=item.get("id"))
            continue
        ropa.activities.append(_list_activity(purpose, items, policy, issue))
    ropa.activities.extend(fixed_activities(policy, cookies or {}, issue))
    check_purposes(ropa.processors, ropa.activities, issue)
    for activity in ropa.activities:
        local = activity.pop("local_only", False)
        receivers = [p for p in ropa.processors if not local and serves(p, activity)]
        if activity["kind"] == "analytics" and activity["cookies"] == "none":
            for p in receivers:
                issue("ropa.err.analytics_undeclared", name=p["name"])
        activity["recipients"] = [p["name"] for p in receivers]
        activity["transfers"] = [
            {"recipient": p["name"], "country": p["country"], "mechanism": p["transfer_mechanism"]}
            for p in receivers
            if not p["eea"]
        ]
        activity["security"] = list(SECURITY)
    return ropa


def write_ropa(
    ropa: Ropa, *, out_dir: Path, language: str, generated_at: datetime
) -> tuple[Path, Path]:
    """Write ropa.html and ropa.json (0600) in `language`; returns (html, json)."""
    lang = get_lang(language, zone_of(ropa.controller))
    ensure_private_dir(out_dir)
    errors = [lang.t(key, **params) for key, params in ropa.issues] or list(ropa.errors)
    described = [describe_activity(a, lang) for a in ropa.activities]
    document = {
        "generated_at": generated_at.isoformat(),
        "language": language,
        **ropa.as_dict(),
        "errors": errors,
        "activities": [{**a, "text": d} for a, d in zip(ropa.activities, described, strict=True)],
    }
    json_path = write_json(out_dir / "ropa.json", document)
    html = render(
        "ropa.html.j2",
        lang=lang,
        controller=ropa.controller,
        errors=errors,
        activities=described,
        processors=[describe_processor(p, lang) for p in ropa.processors],
        generated_at=generated_at,
    )
    return write_text(out_dir / "ropa.html", html), json_path
