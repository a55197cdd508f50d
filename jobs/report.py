"""Assembling the SPEC section 8 report from what a run did, and writing it."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from importlib import metadata
from pathlib import Path
from typing import Any

import pandas as pd

from compliance.codes import Basis
from compliance.cookies import cookie_wording_open
from compliance.deadlines import days_left
from compliance.emails import mask_email
from jobs.context import Context
from jobs.notice import notice_status
from reports.explain import finding_detail, list_names
from reports.i18n import get_lang
from reports.next_steps import next_steps
from reports.next_text import rendered_steps
from reports.report import write_report
from sync.register import mirror, runs, sync_state
from sync.register import requests as request_store
from sync.register.db import iso
from sync.register.frames import RegisterFrames


@dataclass
class RunRecord:
    """What one run did, filled in step by step by the job that runs."""

    command: str
    pull: dict[str, Any] = field(
        default_factory=lambda: {"contacts": 0, "requests": 0, "complete": False}
    )
    findings: pd.DataFrame | None = None
    actions: list[dict[str, Any]] = field(default_factory=list)
    purge: dict[str, Any] = field(
        default_factory=lambda: {
            "plan_id": None,
            "count": 0,
            "applied": False,
            "needs_approval": False,
            "reasons": {},
        }
    )
    ropa_errors: list[str] = field(default_factory=list)
    # note(...) dicts, shown in the report's language; plain strings are shown as they are
    notes: list[str | dict[str, Any]] = field(default_factory=list)
    frames: RegisterFrames | None = None


def note(key: str, **params: Any) -> dict[str, Any]:
    """A report note: `key` names its text in reports/lang_*.py (`note.<key>`), `params` fill
    it in. Params carry counts, file names and error messages, never personal data."""
    return {"key": key, "params": params}


def _int_or_none(value: Any) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def _params(value: Any) -> dict[str, Any]:
    # Dicts from compliance/; numpy or pandas scalars inside become plain JSON numbers.
    return {key: item.item() if hasattr(item, "item") else item for key, item in value.items()}


def finding_rows(
    findings: pd.DataFrame,
    emails: dict[int, str],
    *,
    show_emails: bool,
    list_names: dict[str, str],
) -> list[dict[str, Any]]:
    rows = []
    for row in findings.itertuples(index=False):
        contact_id = _int_or_none(row.contact_id)
        email = emails.get(contact_id, "") if contact_id is not None else ""
        found = {
            "code": str(row.code),
            "severity": str(row.severity),
            "contact_id": contact_id,
            "email_masked": (email if show_emails else mask_email(email)) if email else "",
            "list_id": _int_or_none(row.list_id),
            "status": str(row.status),
            "detail": "",
            "params": _params(row.params),
        }
        # compliance/ writes no sentences; tools reading report.json still get one, in English
        found["detail"] = finding_detail(found, list_names)
        rows.append(found)
    return rows


def _active_on(conn: sqlite3.Connection, list_ids: list[int]) -> int:
    """Distinct contacts active (status 1) on any of the lists."""
    if not list_ids:
        return 0
    marks = ",".join("?" * len(list_ids))
    row = conn.execute(
        f"SELECT COUNT(DISTINCT contact_id) FROM memberships WHERE status = 1"  # noqa: S608
        f" AND list_id IN ({marks})",
        list_ids,
    ).fetchone()
    return int(row[0])


def active_by_basis(conn: sqlite3.Connection, ctx: Context) -> dict[str, int]:
    return {
        basis.value: _active_on(
            conn, [item.id for item in ctx.settings.lists if item.basis == basis.value]
        )
        for basis in (Basis.CONSENT, Basis.SOFT_OPT_IN)
    }


def _active_marketing(conn: sqlite3.Connection, ctx: Context) -> int:
    return _active_on(
        conn, [item.id for item in ctx.settings.lists if item.basis != Basis.SERVICE.value]
    )


def request_rows(conn: sqlite3.Connection, now: datetime) -> list[dict[str, Any]]:
    return [
        {
            "id": r.id,
            "type": r.type,
            "received_at": iso(r.received_at),
            "due_at": iso(r.due_at),
            "status": r.status,
            "email_masked": r.email_masked,
            "days_left": days_left(r.due_at, now) if r.status == "open" else None,
        }
        for r in request_store.all_requests(conn)
        if r.status == "open" or (r.answered_at and now - r.answered_at < timedelta(days=31))
    ]


def build_report(
    ctx: Context, conn: sqlite3.Connection, record: RunRecord, *, exit_code: int, show_emails: bool
) -> dict[str, Any]:
    settings = ctx.settings
    show_emails = show_emails or settings.reports.show_emails
    emails = {int(row[0]): row[1] for row in conn.execute("SELECT id, email FROM contacts")}
    if record.frames is not None:
        # Findings about contacts the same run then deleted still need their (masked) address.
        frame = record.frames.contacts
        emails.update(zip(frame["contact_id"].astype(int), frame["email"], strict=True))
    findings = (
        record.findings
        if record.findings is not None
        else pd.DataFrame(columns=["code", "severity", "contact_id", "list_id", "status", "params"])
    )
    lists = [
        {"id": item.id, "name": item.name or "", "purpose": item.purpose, "basis": item.basis}
        for item in settings.lists
    ]
    rows = finding_rows(findings, emails, show_emails=show_emails, list_names=list_names(lists))
    latest = sync_state.latest_pull(conn)
    pull = dict(record.pull)
    if latest is not None and not pull.get("requests"):
        pull = {
            "contacts": latest.contacts,
            "requests": latest.requests,
            "rate_limited": latest.rate_limited,
            "complete": latest.complete,
            "mode": latest.mode,
        }
    contacts = int(conn.execute("SELECT COUNT(*) FROM contacts").fetchone()[0])
    notice = notice_status(ctx, conn)
    report: dict[str, Any] = {
        "version": product_version(),
        "run": {
            "id": ctx.run_id,
            "command": record.command,
            "started_at": iso(ctx.started_at),
            "finished_at": iso(ctx.wall_now()),
            "as_of": iso(ctx.now()),
            "pull": pull,
            "exit_code": exit_code,
        },
        "controller": settings.controller.model_dump(),
        "policy": settings.policy.model_dump(),
        "totals": {
            "contacts": contacts,
            "active_marketing": _active_marketing(conn, ctx),
            "findings": len(rows),
            "unsubscribed": sum(
                1 for a in record.actions if a["type"] == "unsubscribe" and a["result"] == "done"
            ),
            "deleted": sum(
                1 for a in record.actions if a["type"] == "delete" and a["result"] == "done"
            ),
            "purge_planned": int(record.purge.get("count", 0)),
        },
        "active_by_basis": active_by_basis(conn, ctx),
        "lists": lists,
        "findings": rows,
        "actions": record.actions,
        "requests": request_rows(conn, ctx.now()),
        "purge": record.purge,
        "ropa_errors": record.ropa_errors,
        "notes": record.notes,
        # SPEC 12: only the part C defects the current config leaves open, and which notice
        # version the consents in force were given under
        "notice_defects": notice["defects"],
        "notice": notice,
        "cookie_wording_open": cookie_wording_open(
            settings.cookies.analytics, mirror.web_tracked_count(conn)
        ),
        # Withdraw events this run recorded for opt-outs made in ActiveCampaign (SPEC 5.1).
        "ledger_events_recorded": int(pull.get("ledger_events_recorded", 0)),
    }
    if record.frames is not None:
        report["totals"]["consent_records"] = len(record.frames.consents)
    lang = get_lang(settings.controller.language, settings.controller.timezone)
    steps = [step.as_dict() for step in next_steps(report, ctx.now())]
    report["next_steps"] = rendered_steps(steps, lang)
    return report


def product_version() -> str:
    """The installed rekisteri version (what `rekisteri --version` prints)."""
    try:
        return metadata.version("rekisteri")
    except metadata.PackageNotFoundError:  # running from a source tree that was never installed
        return "unknown"


def report_dir(ctx: Context) -> Path:
    stamp = ctx.started_at.strftime("%Y%m%dT%H%M%SZ")
    return ctx.settings.reports.dir / f"{stamp}-{ctx.run_id}"


def write(
    ctx: Context, conn: sqlite3.Connection, record: RunRecord, *, exit_code: int, show_emails: bool
) -> Path:
    return write_kept(ctx, conn, record, exit_code=exit_code, show_emails=show_emails)[0]


def write_kept(
    ctx: Context, conn: sqlite3.Connection, record: RunRecord, *, exit_code: int, show_emails: bool
) -> tuple[Path, dict[str, Any]]:
    """`write`, also returning the report it wrote (the nightly's notification reads it)."""
    report = build_report(ctx, conn, record, exit_code=exit_code, show_emails=show_emails)
    history = runs.history(conn, exclude=ctx.run_id)
    out_dir = report_dir(ctx)
    path = write_report(
        report,
        out_dir=out_dir,
        language=ctx.settings.controller.language,
        history=history,
        formats=ctx.settings.reports.formats,
    )
    counts: dict[str, int] = {}
    for row in report["findings"]:
        counts[row["code"]] = counts.get(row["code"], 0) + 1
    runs.finish(
        conn,
        ctx.run_id,
        finished_at=ctx.wall_now(),
        exit_code=exit_code,
        findings_by_code=counts,
        report_dir=str(out_dir),
    )
    return path, report


def open_findings(findings: pd.DataFrame | None) -> int:
    if findings is None or findings.empty:
        return 0
    return int((findings["status"] == "open").sum())


def remove_old_reports(ctx: Context, conn: sqlite3.Connection) -> int:
    """The register's own outputs obey retention too (reports.keep_days)."""
    cutoff = ctx.wall_now() - timedelta(days=ctx.settings.reports.keep_days)
    removed = 0
    for name in runs.old_report_dirs(conn, before=cutoff):
        path = Path(name)
        if path.is_dir():
            shutil.rmtree(path)
            removed += 1
    # Purge plans, imported CSV files and access packages hold personal data too.
    for folder in (
        ctx.settings.reports.dir / "plans",
        ctx.settings.register.inbox / "imported",
        ctx.settings.reports.dir / "requests",
    ):
        removed += _remove_older(folder, cutoff)
    return removed


def _remove_older(folder: Path, cutoff: datetime) -> int:
    if not folder.is_dir():
        return 0
    removed = 0
    for item in folder.iterdir():
        modified = datetime.fromtimestamp(item.stat().st_mtime, tz=cutoff.tzinfo)
        if modified >= cutoff:
            continue
        if item.is_dir():
            shutil.rmtree(item)
        else:
            item.unlink()
        removed += 1
    return removed
