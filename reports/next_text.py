"""The next steps and the one-line headline in the report's language (SPEC 8 and 11)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reports.i18n import Lang

# Step params that are counts of contacts, of findings, or plain numbers.
_CONTACT_COUNTS = {
    "approve_purge",
    "fix_consent_records",
    "merge_duplicates",
    "fix_invalid",
}


def step_text(step: Mapping[str, Any], lang: Lang) -> str:
    """The sentence for one step of reports.next_steps (as its `as_dict`)."""
    kind = str(step.get("kind"))
    params = dict(step.get("params") or {})
    key = f"next.{kind}"
    if kind in ("request_overdue", "request_due"):
        return lang.t(key, **_request_params(params, lang))
    if kind == "apply_fixes":
        count = lang.count("count.finding", int(params.get("count") or 0))
        return lang.t(f"{key}.report_only" if params.get("report_only") else key, count=count)
    if kind in _CONTACT_COUNTS:
        params["count"] = lang.count("count.contact", int(params.get("count") or 0))
    return lang.t(key, **{k: lang.num(v) if isinstance(v, int) else v for k, v in params.items()})


def _request_params(params: Mapping[str, Any], lang: Lang) -> dict[str, Any]:
    left = params.get("days_left")
    left = left if isinstance(left, int) else 0
    email = str(params.get("email_masked") or "")
    return {
        "request": params.get("request", ""),
        "type": lang.label("request", params.get("type")).lower(),
        "who": lang.t("next.who", email=email) if email else "",
        "due": lang.dt(params.get("due_at")),
        "late": lang.unit("day", max(-left, 0)),
        "left": lang.unit("day", left) if left > 0 else lang.t("explain.under_a_day"),
    }


def plain_steps(steps: list[Mapping[str, Any]], lang: Lang) -> list[str]:
    """The steps as plain text: a heading, then `N. sentence` and `   $ command` lines (the
    notification's body and the end of `make demo`)."""
    lines = [lang.t("mail.steps") if steps else lang.t("mail.no_steps")]
    for number, step in enumerate(steps, start=1):
        lines.append(f"{number}. {step_text(step, lang)}")
        if step.get("command"):
            lines.append(f"   $ {step['command']}")
    return lines


def rendered_steps(steps: list[dict[str, Any]], lang: Lang) -> list[dict[str, Any]]:
    """The steps as report.json holds them: kind, command, params and the sentence."""
    return [{**step, "text": step_text(step, lang)} for step in steps]


def headline(report: Mapping[str, Any], lang: Lang) -> str:
    """The most urgent item in a few words: the subject of the notification."""
    findings = [f for f in report.get("findings") or [] if f.get("status") == "open"]
    kinds = [str(s.get("kind")) for s in report.get("next_steps") or []]
    overdue = len(
        {
            s.get("params", {}).get("request")
            for s in report.get("next_steps") or []
            if s.get("kind") == "request_overdue"
        }
    )
    critical = sum(1 for f in findings if f.get("severity") == "critical")
    if "pull_failed" in kinds:
        return lang.t("headline.pull_failed")
    if overdue:
        return lang.count("headline.overdue", overdue)
    if critical:
        return lang.count("headline.critical", critical)
    if {"mass_disappearance", "purge_stopped", "inbox_rejected", "reconcile_stopped"} & set(kinds):
        return lang.t("headline.safety")
    if "import_consents" in kinds:
        return lang.t("headline.consents")
    if "approve_purge" in kinds:
        return lang.t("headline.approve_purge")
    if findings:
        return lang.count("headline.open", len(findings))
    return lang.t("headline.review" if kinds else "headline.done")
