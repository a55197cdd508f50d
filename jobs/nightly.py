"""`rekisteri nightly`: lock, pull, inbox, reconcile, purge, report, notify; exit code."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from jobs.context import Context, held
from jobs.errors import ExitCode, SafetyStop
from jobs.inbox import process_inbox
from jobs.notify import notify
from jobs.orphans import forget_orphans
from jobs.own_records import remove_own_records
from jobs.pull import MassDisappearanceStop, run_pull
from jobs.purge import PreparedPlan, carry_out, prepare
from jobs.reconcile import run_reconcile
from jobs.report import RunRecord, note, open_findings, remove_old_reports, write_kept
from jobs.ropa import ropa_errors
from sync.activecampaign.errors import ActiveCampaignError
from sync.register import runs

log = logging.getLogger(__name__)

# When several things go wrong, the code cron sees is the most urgent one.
_URGENCY = [ExitCode.ACTIVECAMPAIGN, ExitCode.SAFETY, ExitCode.INPUT, ExitCode.REVIEW]


def _worst(codes: set[ExitCode]) -> ExitCode:
    for code in _URGENCY:
        if code in codes:
            return code
    return ExitCode.DONE


def run_nightly(ctx: Context, *, show_emails: bool) -> tuple[ExitCode, Path, list[str]]:
    with held(ctx):
        return _run(ctx, show_emails=show_emails)


def _run(ctx: Context, *, show_emails: bool) -> tuple[ExitCode, Path, list[str]]:
    # One connection for every job of the night, closed whatever happens.
    conn = ctx.open_register()
    try:
        return _run_with(ctx, conn, show_emails=show_emails)
    finally:
        conn.close()


def _run_with(
    ctx: Context, conn: sqlite3.Connection, *, show_emails: bool
) -> tuple[ExitCode, Path, list[str]]:
    record = RunRecord(command="nightly")
    codes: set[ExitCode] = set()
    errors: list[str] = []
    runs.start(
        conn, run_id=ctx.run_id, command="nightly", started_at=ctx.started_at, as_of=ctx.now()
    )
    enforce = ctx.settings.policy.enforce == "apply"
    pulled = False
    try:
        result = run_pull(ctx, full=False)
        record.pull = {
            "contacts": result.contacts,
            "requests": result.requests,
            "rate_limited": result.rate_limited,
            "complete": result.complete,
            "mode": result.mode,
            "ledger_events_recorded": result.ledger_events,
        }
        pulled = True
    except ActiveCampaignError as exc:
        codes.add(ExitCode.ACTIVECAMPAIGN)
        errors.append(f"pull: {exc}")
        record.notes.append(note("pull_failed", error=str(exc)))
        record.pull = {"contacts": 0, "requests": 0, "rate_limited": 0, "complete": False}
    except MassDisappearanceStop as stop:
        # Nothing was saved; the pull counts as partial, so no purge or apply follows.
        codes.add(ExitCode.SAFETY)
        errors.append(str(stop))
        record.notes.append(note("mass_disappearance", gone=stop.gone, mirrored=stop.mirrored))
        record.pull = {"contacts": 0, "requests": 0, "rate_limited": 0, "complete": False}

    inbox = process_inbox(ctx, stamp=ctx.started_at)
    record.notes += [note("inbox_imported", file=name) for name in inbox.imported]
    for line in inbox.rejected:  # "<file name>: <error>"
        name, _, error = line.partition(": ")
        record.notes.append(note("inbox_rejected", file=name, error=error))
    if inbox.rejected:
        codes.add(ExitCode.INPUT)
        errors += [f"inbox: {line}" for line in inbox.rejected]

    # The purge plan comes before reconcile applies anything: contacts this run deletes are
    # left alone (no tag, no unsubscribe first), so what the run plans it deletes tonight.
    prepared: PreparedPlan | None = None
    if pulled:
        try:
            prepared = prepare(ctx, conn, apply=enforce, plan_id=None)
        except SafetyStop as exc:
            codes.add(ExitCode.SAFETY)
            errors.append(str(exc))
            record.notes.append(note("purge_stopped", error=str(exc)))
    leave_alone = prepared.contact_ids if prepared is not None and prepared.applies else frozenset()

    try:
        outcome = run_reconcile(
            ctx, apply=enforce and pulled, actor="cron", conn=conn, leave_alone=leave_alone
        )
        record.findings, record.actions, record.frames = (
            outcome.findings,
            list(outcome.actions),
            outcome.frames,
        )
    except ActiveCampaignError as exc:
        codes.add(ExitCode.ACTIVECAMPAIGN)
        errors.append(f"reconcile: {exc}")
        record.notes.append(note("reconcile_stopped", error=str(exc)))
        # The findings are local; the report still shows what needs a person. Changes made
        # before the failure are in the audit log and the next run resumes from there.
        outcome = run_reconcile(ctx, apply=False, actor="cron", conn=conn)
        record.findings, record.frames = outcome.findings, outcome.frames

    if prepared is not None and ExitCode.ACTIVECAMPAIGN not in codes:
        try:
            purge = carry_out(ctx, conn, prepared, apply=enforce, actor="cron")
            record.purge = {
                "plan_id": purge.plan_id,
                "count": purge.count,
                "applied": purge.applied,
                "needs_approval": purge.needs_approval,
                "reasons": purge.reasons,
            }
            record.actions += purge.actions
            if purge.needs_approval:
                codes.add(ExitCode.SAFETY)
                errors.append(
                    f"purge: plan {purge.plan_id} holds {purge.count} contacts, above"
                    f" policy.max_auto_deletions={ctx.settings.policy.max_auto_deletions};"
                    f" approve with: rekisteri purge --apply --plan {purge.plan_id}"
                )
        except ActiveCampaignError as exc:
            codes.add(ExitCode.ACTIVECAMPAIGN)
            errors.append(f"purge: {exc}")
            record.notes.append(note("purge_stopped", error=str(exc)))
        forgotten = forget_orphans(ctx, conn)
        if forgotten:
            record.notes.append(
                note(
                    "retention_forgot",
                    count=forgotten,
                    months=ctx.settings.policy.customer_retention_months,
                )
            )
    else:
        record.notes.append(note("purge_skipped"))

    # Our own records age whatever the pull did: they are not ActiveCampaign data (SPEC 6 r2).
    own = remove_own_records(ctx, conn, actor="cron")
    if own.audit_rows:
        record.notes.append(note("audit_removed", count=own.audit_rows, months=own.audit_months))
    if own.requests:
        record.notes.append(note("requests_removed", count=own.requests, months=own.request_months))

    record.ropa_errors = ropa_errors(ctx)
    removed = remove_old_reports(ctx, conn)
    if removed:
        record.notes.append(
            note("outputs_removed", count=removed, days=ctx.settings.reports.keep_days)
        )
    if open_findings(record.findings):
        codes.add(ExitCode.REVIEW)
    code = _worst(codes)
    path, report = write_kept(ctx, conn, record, exit_code=int(code), show_emails=show_emails)
    notify(ctx, report, path, int(code))
    return code, path, errors
