"""A report for a command run on its own (reconcile, report), outside the nightly."""

from __future__ import annotations

from pathlib import Path

from jobs.context import Context
from jobs.errors import ExitCode
from jobs.report import RunRecord, write
from jobs.ropa import ropa_errors
from sync.register import runs


def write_single_report(
    ctx: Context, record: RunRecord, *, code: ExitCode, show_emails: bool
) -> Path:
    conn = ctx.open_register()
    try:
        runs.start(
            conn,
            run_id=ctx.run_id,
            command=record.command,
            started_at=ctx.started_at,
            as_of=ctx.now(),
        )
        record.ropa_errors = ropa_errors(ctx)
        return write(ctx, conn, record, exit_code=int(code), show_emails=show_emails)
    finally:
        conn.close()
