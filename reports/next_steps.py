"""What a person should do next, in order, each with the exact command (SPEC 8).

A pure decision over a finished report (the dict that becomes report.json) and `now`; the
words are in reports/next_text.py. The order is urgency as a data-protection officer sees it:
first what makes everything else wrong (consents not imported, a run that stopped), then legal
deadlines already missed and objections not honoured, then approvals and configuration, then
deadlines still ahead, then tidying. Commands never hold a full email address: where one is
needed the step says EMAIL and names the request, whose masked address the report shows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from compliance.codes import FindingCode
from compliance.deadlines import days_left

# Fixed by `rekisteri reconcile --apply` (unsubscribe or tag in ActiveCampaign).
APPLY_CRITICAL = frozenset({FindingCode.OBJECTION_NOT_HONOURED, FindingCode.SUPPRESSION_BREACH})
APPLY_OTHER = frozenset(
    {FindingCode.CONSENT_WITHDRAWN, FindingCode.SOFT_OPT_IN_EXPIRED, FindingCode.NO_MARKETING_BASIS}
)
# More than this share of marketing contacts without a basis on a run means the consent
# records are almost certainly missing, not that most people were signed up unlawfully.
MOST = 0.5
CONSENTS_FILE = "consents.csv"
# What a request command needs besides the address, as its --help names it.
_REQUEST_ARGS = {"rectify": " --set FIELD=VALUE"}


@dataclass(frozen=True)
class Step:
    """One action: `kind` names its text (next.<kind>), `params` fill it in."""

    kind: str
    command: str | None
    params: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "command": self.command, "params": dict(self.params)}


def _open(findings: Iterable[Mapping[str, Any]], codes: Iterable[str]) -> list[Mapping[str, Any]]:
    wanted = set(codes)
    return [f for f in findings if f.get("status") == "open" and f.get("code") in wanted]


def _contacts(findings: Iterable[Mapping[str, Any]]) -> int:
    return len({f.get("contact_id") for f in findings if f.get("contact_id") is not None})


def consents_missing(report: Mapping[str, Any]) -> dict[str, int] | None:
    """Counts for the first-run hint when most marketing contacts lack a basis, else None."""
    findings = report.get("findings") or []
    no_basis = _contacts(f for f in findings if f.get("code") == FindingCode.NO_MARKETING_BASIS)
    totals = report.get("totals") or {}
    # After an apply run they are no longer active, so count them back in.
    marketing = max(int(totals.get("active_marketing") or 0), no_basis)
    if no_basis == 0 or no_basis <= MOST * marketing:
        return None
    return {
        "no_basis": no_basis,
        "marketing": marketing,
        "consent_records": int(totals.get("consent_records") or 0),
    }


# Notes of a run that stopped part of the way, and the command that resumes each.
RUN_NOTES = {
    "pull_failed": "rekisteri pull",
    "mass_disappearance": "rekisteri pull --full --accept-deletions",
    "inbox_rejected": "rekisteri nightly",
    "reconcile_stopped": "rekisteri reconcile --apply",
    "purge_stopped": "rekisteri purge",
}


def _run_steps(report: Mapping[str, Any]) -> list[Step]:
    """What stopped this run: to be looked at before anything else."""
    steps = []
    for note in report.get("notes") or []:
        key = note.get("key") if isinstance(note, Mapping) else None
        if key in RUN_NOTES:
            steps.append(Step(str(key), RUN_NOTES[str(key)], dict(note.get("params") or {})))
    return steps


def _aware(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)  # the register's naive = UTC


def _request_steps(report: Mapping[str, Any], now: datetime, *, overdue: bool) -> list[Step]:
    steps = []
    wanted = FindingCode.DSR_OVERDUE if overdue else FindingCode.DSR_DUE_SOON
    requests = {str(r.get("id")): r for r in report.get("requests") or []}
    seen: set[str] = set()
    for finding in _open(report.get("findings") or [], [wanted]):
        params = finding.get("params") or {}
        request_id = str(params.get("request_id") or "")
        if not request_id or request_id in seen:
            continue
        seen.add(request_id)
        row = requests.get(request_id, {})
        kind = str(params.get("type") or row.get("type") or "")
        due = str(params.get("due_at") or row.get("due_at") or "")
        left = days_left(_aware(due), now) if due else params.get("days_left")
        steps.append(
            Step(
                "request_overdue" if overdue else "request_due",
                f"rekisteri request {kind} EMAIL{_REQUEST_ARGS.get(kind, '')}",
                {
                    "request": request_id,
                    "type": kind,
                    "due_at": due,
                    "days_left": left,
                    "email_masked": row.get("email_masked") or "",
                },
            )
        )
    return steps


def _apply_step(report: Mapping[str, Any]) -> Step | None:
    findings = report.get("findings") or []
    critical = _open(findings, APPLY_CRITICAL)
    other = _open(findings, APPLY_OTHER)
    if not critical and not other:
        return None
    report_only = (report.get("policy") or {}).get("enforce") != "apply"
    return Step(
        "apply_fixes",
        "rekisteri reconcile --apply",
        {"count": len(critical) + len(other), "report_only": report_only},
    )


def _purge_step(report: Mapping[str, Any]) -> Step | None:
    # Above the auto limit, or a report-only run: either way the plan waits for a person.
    purge = report.get("purge") or {}
    if not purge.get("plan_id") or not purge.get("count") or purge.get("applied"):
        return None
    plan = str(purge["plan_id"])
    return Step(
        "approve_purge",
        f"rekisteri purge --apply --plan {plan}",
        {"plan": plan, "count": int(purge.get("count") or 0)},
    )


def _processor_steps(report: Mapping[str, Any]) -> list[Step]:
    steps = []
    for finding in _open(report.get("findings") or [], [FindingCode.TRANSFER_WITHOUT_SAFEGUARD]):
        params = finding.get("params") or {}
        steps.append(
            Step(
                "fix_processor",
                "rekisteri ropa",
                {"processor": params.get("processor", ""), "country": params.get("country", "")},
            )
        )
    if not steps and report.get("ropa_errors"):
        steps.append(Step("fix_ropa", "rekisteri ropa", {"count": len(report["ropa_errors"])}))
    return steps


def _tidy_steps(report: Mapping[str, Any]) -> list[Step]:
    findings = report.get("findings") or []
    steps = []
    incomplete = _open(findings, [FindingCode.CONSENT_INCOMPLETE])
    if incomplete:
        steps.append(
            Step(
                "fix_consent_records",
                f"rekisteri import consents {CONSENTS_FILE}",
                {"count": _contacts(incomplete)},
            )
        )
    duplicates = _open(findings, [FindingCode.DUPLICATE_CONTACT])
    if duplicates:
        steps.append(Step("merge_duplicates", None, {"count": _contacts(duplicates)}))
    invalid = _open(findings, [FindingCode.INVALID_EMAIL])
    if invalid:
        steps.append(Step("fix_invalid", None, {"count": _contacts(invalid)}))
    return steps


def next_steps(report: Mapping[str, Any], now: datetime) -> list[Step]:
    """The ordered steps for this report as of `now` (an aware datetime)."""
    missing = consents_missing(report)
    steps: list[Step] = []
    if missing is not None:
        steps.append(Step("import_consents", f"rekisteri import consents {CONSENTS_FILE}", missing))
    steps += _run_steps(report)
    steps += _request_steps(report, now, overdue=True)
    findings = report.get("findings") or []
    apply = _apply_step(report)
    # Before consents are imported, applying or approving deletions would act on a register
    # that does not yet know who consented: those steps wait for the re-run.
    if missing is not None or any(step.kind == "reconcile_stopped" for step in steps):
        apply = None  # (a stopped apply already has its step, with the same command)
    elif apply is not None and _open(findings, APPLY_CRITICAL):
        steps.append(apply)
        apply = None
    purge = None if missing is not None else _purge_step(report)
    if purge is not None:
        steps.append(purge)
    steps += _processor_steps(report)
    steps += _request_steps(report, now, overdue=False)
    if apply is not None:
        steps.append(apply)
    if missing is not None:
        steps.append(Step("rerun", "rekisteri nightly", {}))
    steps += _tidy_steps(report)
    return steps
