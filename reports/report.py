"""The review report of one run: report.html for the DPO, report.json and two CSVs for tools."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import Any

from compliance.codes import FindingCode
from compliance.notice import DEFECTS
from reports import charts
from reports.explain import finding_text, list_label, list_names
from reports.files import ensure_private_dir, write_csv, write_json, write_text
from reports.i18n import Lang, get_lang, zone_of
from reports.next_text import step_text
from reports.notice_text import defect_line
from reports.render import render
from reports.run_text import delete_results, note_text, pull_text, rule_label

FINDING_COLUMNS = ("code", "severity", "contact_id", "email_masked", "list_id", "status", "detail")
# findings.csv is for a person with a spreadsheet: headers, labels and the sentence in the
# report's language (findings.col.<key>); the raw code stays for filtering, report.json keeps
# everything as tools read it.
FINDING_CSV_COLUMNS = (
    "severity",
    "code",
    "code_id",
    "contact",
    "email",
    "list",
    "status",
    "detail",
)
ACTION_COLUMNS = ("type", "contact_id", "list_id", "rule", "result")
SEVERITIES = ("critical", "high", "medium", "low")
# Most severe first: the order of the legend, the chart stacks and the chart colours.
CODE_ORDER: tuple[FindingCode, ...] = (
    FindingCode.OBJECTION_NOT_HONOURED,
    FindingCode.SUPPRESSION_BREACH,
    FindingCode.DSR_OVERDUE,
    FindingCode.RESUBSCRIBED_AFTER_OPT_OUT,
    FindingCode.TRANSFER_WITHOUT_SAFEGUARD,
    FindingCode.DPA_MISSING,
    FindingCode.CONSENT_WITHDRAWN,
    FindingCode.SOFT_OPT_IN_EXPIRED,
    FindingCode.NO_MARKETING_BASIS,
    FindingCode.CONSENT_INCOMPLETE,
    FindingCode.DSR_DUE_SOON,
    FindingCode.DSR_IDENTITY_UNVERIFIED,
    FindingCode.DUPLICATE_CONTACT,
    FindingCode.INVALID_EMAIL,
)
BASES = ("consent", "soft_opt_in")
# Part C of RULES.md: defects of the current privacy notice, shown until the caller says which
# ones remain (report["notice_defects"], optional).
NOTICE_DEFECTS = DEFECTS
# Policy parameters in display order, with the unit each is measured in.
POLICY_UNITS = (
    ("enforce", None),
    ("objection_sla_hours", "hour"),
    ("soft_opt_in_months", "month"),
    ("customer_retention_months", "month"),
    ("after_withdrawal_days", "day"),
    ("hard_bounce_days", "day"),
    ("max_auto_deletions", None),
)
HISTORY_RUNS = 20  # more bars than this stop being readable on one A4 width
# A first run on a big account can find 100,000 problems; nobody reads that as HTML and it
# makes the file unwieldy. The tables show the first rows, the CSVs always hold everything.
MAX_ROWS = 1000


def write_report(
    report: dict[str, Any],
    *,
    out_dir: Path,
    language: str,
    history: list[dict[str, Any]],
    formats: Collection[str] = ("html", "json", "csv"),
) -> Path:
    """Write the chosen formats (0600): report.html, report.json, findings.csv + actions.csv.

    Returns the path a person opens: the HTML, else the JSON, else the findings CSV.
    """
    unknown = set(formats) - {"html", "json", "csv"}
    if unknown or not formats:
        raise ValueError(f"report formats must be html, json or csv, got {sorted(formats)}")
    lang = get_lang(language, zone_of(report.get("controller")))
    ensure_private_dir(out_dir)
    written: list[Path] = []
    if "csv" in formats:
        write_csv(out_dir / "actions.csv", report.get("actions", []), ACTION_COLUMNS)
        headers = [lang.t(f"findings.col.{key}") for key in FINDING_CSV_COLUMNS]
        rows = finding_csv_rows(report, lang)
        written.append(write_csv(out_dir / "findings.csv", rows, headers))
    if "json" in formats:
        written.append(write_json(out_dir / "report.json", report))
    if "html" in formats:
        html = render("report.html.j2", lang=lang, **report_context(report, lang, history))
        written.append(write_text(out_dir / "report.html", html))
    return written[-1]


def finding_csv_rows(report: Mapping[str, Any], lang: Lang) -> list[dict[str, Any]]:
    """One row per finding, in report.json's order, keyed by the translated headers."""
    names = list_names(report.get("lists"))
    headers = [lang.t(f"findings.col.{key}") for key in FINDING_CSV_COLUMNS]
    rows = []
    for finding in report.get("findings", []):
        list_id = finding.get("list_id")
        values = (
            lang.label("severity", finding.get("severity")),
            lang.label("code", finding.get("code")),
            finding.get("code"),
            finding.get("contact_id"),
            finding.get("email_masked"),
            None if list_id is None else list_label(list_id, names),
            lang.label("finding_status", finding.get("status")),
            finding_text(finding, lang=lang, names=names),
        )
        rows.append(dict(zip(headers, values, strict=True)))
    return rows


def _severity_rank(severity: Any) -> int:
    return SEVERITIES.index(severity) if severity in SEVERITIES else len(SEVERITIES)


def _code_rank(code: str) -> tuple[int, str]:
    return (CODE_ORDER.index(code) if code in CODE_ORDER else len(CODE_ORDER), code)


def _id_key(value: Any) -> float:
    return float(value) if isinstance(value, int | float) else math.inf


def _finding_key(finding: Mapping[str, Any]) -> tuple[Any, ...]:
    # open before fixed: what still needs a person comes first within each severity
    return (
        finding.get("status") != "open",
        _code_rank(str(finding.get("code"))),
        _id_key(finding.get("contact_id")),
        _id_key(finding.get("list_id")),
    )


def report_context(
    report: Mapping[str, Any], lang: Lang, history: Sequence[Mapping[str, Any]]
) -> dict[str, Any]:
    """Everything the template shows, already grouped, sorted and counted (templates stay dumb)."""
    findings = list(report.get("findings", []))
    open_findings = [f for f in findings if f.get("status") == "open"]
    groups: dict[Any, list[Mapping[str, Any]]] = {}
    for finding in sorted(findings, key=lambda f: _severity_rank(f.get("severity"))):
        groups.setdefault(finding.get("severity"), []).append(finding)
    names = list_names(report.get("lists"))
    requests = sorted(
        report.get("requests", []),
        key=lambda r: (r.get("status") != "open", str(r.get("due_at") or "")),
    )
    open_requests = [r for r in requests if r.get("status") == "open"]
    purge = dict(report.get("purge") or {})
    awaiting = (
        bool(purge.get("plan_id"))
        and bool(purge.get("needs_approval"))
        and not bool(purge.get("applied"))
    )
    ropa_errors = list(report.get("ropa_errors", []))
    run = report.get("run") or {}
    pull = run.get("pull") or {}
    pull_complete = bool(pull.get("complete", True))
    open_counts = Counter(f.get("severity") for f in open_findings)
    failed_actions = sum(1 for a in report.get("actions", []) if a.get("result") == "failed")
    defects = report.get("notice_defects")
    actions = sorted(
        report.get("actions", []),
        key=lambda a: (_id_key(a.get("contact_id")), _id_key(a.get("list_id")), str(a.get("type"))),
    )[:MAX_ROWS]
    return {
        "run": run,
        # (sentence, command or None); the sentence is rebuilt so the HTML follows `lang`
        "next_steps": [
            (step_text(step, lang), step.get("command")) for step in report.get("next_steps") or []
        ],
        "has_next_steps": "next_steps" in report,
        "pull": pull_text(pull, lang) if pull else None,
        "controller": report.get("controller") or {},
        "totals": report.get("totals") or {},
        "needs_review": bool(
            open_findings or awaiting or open_requests or ropa_errors or failed_actions
        )
        or not pull_complete,
        "report_only": (report.get("policy") or {}).get("enforce") == "report",
        "failed_actions": failed_actions,
        "pull_complete": pull_complete,
        "fixed_findings": len(findings) - len(open_findings),
        "open_by_severity": [(s, open_counts.get(s, 0)) for s in SEVERITIES],
        "open_findings": len(open_findings),
        # (severity, [(finding, sentence)], total, open count): open rows first, then fixed
        "finding_groups": [
            (
                severity,
                [
                    (f, finding_text(f, lang=lang, names=names))
                    for f in sorted(items, key=_finding_key)[:MAX_ROWS]
                ],
                len(items),
                sum(1 for f in items if f.get("status") == "open"),
            )
            for severity, items in groups.items()
        ],
        "list_names": names,
        "legend": sorted({str(f.get("code")) for f in findings}, key=_code_rank),
        # (action, reason in words)
        "actions": [(a, rule_label(a.get("rule"), lang)) for a in actions],
        "actions_total": len(report.get("actions", [])),
        "action_results": sorted(
            Counter(a.get("result") for a in report.get("actions", [])).items(),
            key=lambda kv: str(kv[0]),
        ),
        "requests": requests,
        "open_requests": open_requests,
        "purge": purge,
        "purge_awaiting": awaiting,
        "purge_reasons": sorted((purge.get("reasons") or {}).items(), key=lambda kv: -kv[1]),
        "purge_count": lang.count("count.contact", int(purge.get("count") or 0)),
        "purge_results": delete_results(report.get("actions", [])),
        "policy_rows": _policy_rows(report.get("policy") or {}, lang),
        "ropa_errors": ropa_errors,
        "notes": [note_text(note, lang) for note in report.get("notes", [])],
        "notice_defects": [
            *(NOTICE_DEFECTS if defects is None else defects),
            # [cookies] analytics = "none" while ActiveCampaign holds website data (917/2014 § 205)
            *(["cookies"] if report.get("cookie_wording_open") else []),
        ],
        "notice": notice_context(report.get("notice"), lang),
        "charts": _charts(report, lang, history),
    }


def notice_context(notice: Mapping[str, Any] | None, lang: Lang) -> dict[str, Any] | None:
    """The notice section: open defects with their reasons, and consents per notice version."""
    if not notice:
        return None
    return {
        "version": notice.get("version"),
        "written": bool(notice.get("written")),
        "open": [defect_line(d, lang) for d in notice.get("open_defects", [])],
        "versions": [
            (
                r.get("notice_version") or lang.t("common.none"),
                lang.num(r.get("consents")),
                lang.label("notice.vstatus", r.get("status")),
                r.get("status") in ("older", "unknown"),
            )
            for r in notice.get("consent_versions", [])
        ],
        "older": int(notice.get("consents_under_older") or 0),
    }


def _policy_rows(policy: Mapping[str, Any], lang: Lang) -> list[tuple[str, str]]:
    rows = []
    for key, unit in POLICY_UNITS:
        if key not in policy:
            continue
        value = policy[key]
        if key == "enforce":
            shown = lang.label("enforce", value)
        elif unit and isinstance(value, int):
            shown = lang.unit(unit, value)
        else:
            shown = lang.value(value)
        rows.append((lang.t(f"policy.{key}"), shown))
    known = {key for key, _ in POLICY_UNITS}
    rows.extend((key, lang.value(policy[key])) for key in sorted(policy) if key not in known)
    return rows


def _charts(
    report: Mapping[str, Any], lang: Lang, history: Sequence[Mapping[str, Any]]
) -> dict[str, str]:
    run = report.get("run") or {}
    current = Counter(str(f.get("code")) for f in report.get("findings", []))
    earlier = [h for h in history if h.get("run_id") != run.get("id")]  # caller may include us
    runs = [
        (lang.short_dt(h.get("started_at")), dict(h.get("findings_by_code") or {})) for h in earlier
    ]
    runs.append((lang.t("chart.this_run"), dict(current)))
    runs = runs[-HISTORY_RUNS:]
    codes = sorted({code for _, counts in runs for code in counts})
    active = report.get("active_by_basis") or {}
    basis_counts = [(lang.label("basis", b), int(active.get(b, 0))) for b in BASES]
    latest = ", ".join(
        f"{lang.label('code', c)} {current[c]}" for c in sorted(current, key=_code_rank)
    )
    return {
        "history": charts.findings_history_chart(
            runs,
            code_labels={code: lang.label("code", code) for code in codes},
            code_order=CODE_ORDER,
            y_label=lang.t("chart.findings_axis"),
            empty_text=lang.t("chart.no_findings"),
        ),
        "history_alt": lang.t(
            "chart.history_alt", runs=len(runs), latest=latest or lang.t("chart.no_findings")
        ),
        "history_note": "" if earlier else lang.t("chart.no_history"),
        "basis": charts.basis_chart(
            basis_counts,
            x_label=lang.t("chart.contacts_axis"),
            empty_text=lang.t("chart.no_active"),
        ),
        "basis_alt": lang.t(
            "chart.basis_alt",
            counts=", ".join(f"{label} {value}" for label, value in basis_counts),
        ),
    }
