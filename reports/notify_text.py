"""The notification a person gets after a nightly (SPEC 11): subject, plain-text body, and
the webhook's JSON. Built from the finished report; no addresses or secrets go in."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from reports.i18n import Lang
from reports.next_text import headline, plain_steps, step_text

SEVERITIES = ("critical", "high", "medium", "low")


def open_by_severity(report: Mapping[str, Any]) -> dict[str, int]:
    counts = Counter(
        f.get("severity") for f in report.get("findings") or [] if f.get("status") == "open"
    )
    return {severity: counts.get(severity, 0) for severity in SEVERITIES}


def subject(report: Mapping[str, Any], lang: Lang) -> str:
    """'rekisteri, Koko Juju: pyyntö myöhässä': the most urgent item first."""
    name = str((report.get("controller") or {}).get("name") or "")
    return lang.t("mail.subject", controller=name, headline=headline(report, lang))


def body(report: Mapping[str, Any], lang: Lang, report_path: Path) -> str:
    """Plain text: how the run ended, open findings by severity, the steps with their
    commands, and where the report is."""
    run = report.get("run") or {}
    code = run.get("exit_code")
    lines = [
        lang.t(
            "mail.greeting",
            run=run.get("id", ""),
            at=lang.dt(run.get("started_at")),
            code=code,
            meaning=lang.label("exit", code),
        ),
        lang.t(
            "mail.open",
            counts=", ".join(
                f"{lang.label('severity', s).lower()} {lang.num(n)}"
                for s, n in open_by_severity(report).items()
            ),
        ),
        "",
    ]
    lines += plain_steps(report.get("next_steps") or [], lang)
    lines += ["", lang.t("mail.report", path=report_path), "", lang.t("mail.footer")]
    return "\n".join(lines) + "\n"


def webhook_payload(report: Mapping[str, Any], lang: Lang, report_path: Path) -> dict[str, Any]:
    """SPEC 11: run id, exit code, counts by severity, next steps, report path."""
    run = report.get("run") or {}
    return {
        "run_id": run.get("id"),
        "exit_code": run.get("exit_code"),
        "subject": subject(report, lang),
        "open_findings": open_by_severity(report),
        "next_steps": [
            {"kind": s.get("kind"), "command": s.get("command"), "text": step_text(s, lang)}
            for s in report.get("next_steps") or []
        ],
        "report_path": str(report_path),
        "version": report.get("version"),
    }
