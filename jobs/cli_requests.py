"""`rekisteri request ...`: data-subject requests."""

from __future__ import annotations

import sys
from datetime import UTC, datetime

import click

from compliance.codes import OBJECTION_SCOPES
from compliance.deadlines import days_left
from jobs.context import Context, held
from jobs.dsr import RequestOutcome, run_access, run_object
from jobs.dsr_erase import run_erase
from jobs.dsr_rectify import run_rectify
from jobs.errors import ConfigError, ExitCode

pass_ctx = click.make_pass_decorator(Context)


def _received(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ConfigError(
            f"--received: not an ISO 8601 date: {value!r}", key="--received"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _echo(outcome: RequestOutcome) -> None:
    click.echo(
        f"request {outcome.request_id} ({outcome.type}), due"
        f" {outcome.due_at.date().isoformat()}: {outcome.status}"
    )
    for line in outcome.planned:
        click.echo(f"  would: {line}")
    for result in outcome.results:
        click.echo("  " + ", ".join(f"{k} {v}" for k, v in result.items()))
    for path in outcome.files:
        click.echo(str(path))
    if outcome.status == "failed":
        # e.g. a re-read that does not show the new values: a person has to look at it
        click.echo(f"rekisteri: request {outcome.request_id} failed; see the audit log", err=True)
        sys.exit(int(ExitCode.REVIEW))


received_option = click.option(
    "--received", default=None, help="When the request reached the controller (default now)."
)
dry_run_option = click.option("--dry-run", is_flag=True, help="Print what would be done.")
record_only_option = click.option(
    "--record-only",
    is_flag=True,
    help="Record the request and its due date now; carry it out later (e.g. after the"
    " identity check) by running the same command without this flag.",
)


@click.group()
def request() -> None:
    """Data-subject requests: access, rectify, erase, object, list."""


@request.command()
@click.argument("email")
@received_option
@dry_run_option
@record_only_option
@pass_ctx
def access(
    ctx: Context, email: str, received: str | None, dry_run: bool, record_only: bool
) -> None:
    """Export everything held about EMAIL (access.json + access.html letter)."""
    with held(ctx):
        _echo(
            run_access(
                ctx,
                email,
                received_at=_received(received),
                dry_run=dry_run,
                record_only=record_only,
            )
        )


@request.command()
@click.argument("email")
@click.option(
    "--set",
    "assignments",
    multiple=True,
    metavar="FIELD=VALUE",
    help="firstName, lastName, phone, email or a custom field title/perstag.",
)
@received_option
@dry_run_option
@record_only_option
@pass_ctx
def rectify(
    ctx: Context,
    email: str,
    assignments: tuple[str, ...],
    received: str | None,
    dry_run: bool,
    record_only: bool,
) -> None:
    """Correct fields of EMAIL in ActiveCampaign and verify by re-reading."""
    with held(ctx):
        _echo(
            run_rectify(
                ctx,
                email,
                assignments,
                received_at=_received(received),
                dry_run=dry_run,
                record_only=record_only,
            )
        )


@request.command()
@click.argument("email")
@received_option
@dry_run_option
@record_only_option
@pass_ctx
def erase(ctx: Context, email: str, received: str | None, dry_run: bool, record_only: bool) -> None:
    """Delete EMAIL in ActiveCampaign (verified) and from the register."""
    with held(ctx):
        _echo(
            run_erase(
                ctx,
                email,
                received_at=_received(received),
                dry_run=dry_run,
                record_only=record_only,
            )
        )


@request.command(name="object")
@click.argument("email")
@click.option(
    "--scope", type=click.Choice(OBJECTION_SCOPES), default="direct_marketing", show_default=True
)
@received_option
@dry_run_option
@record_only_option
@pass_ctx
def object_(
    ctx: Context, email: str, scope: str, received: str | None, dry_run: bool, record_only: bool
) -> None:
    """Record an objection and unsubscribe EMAIL from every marketing list now."""
    with held(ctx):
        _echo(
            run_object(
                ctx,
                email,
                scope=scope,
                received_at=_received(received),
                dry_run=dry_run,
                record_only=record_only,
            )
        )


@request.command(name="list")
@pass_ctx
def list_(ctx: Context) -> None:
    """Open requests with their due dates and days left."""
    from sync.register import requests as store

    conn = ctx.open_register()
    try:
        rows = store.all_requests(conn, open_only=True)
    finally:
        conn.close()
    if not rows:
        click.echo("no open requests")
    now = ctx.now()
    for r in rows:
        click.echo(
            f"{r.id}  {r.type:<8} {r.email_masked:<24} received"
            f" {r.received_at.date()}  due {r.due_at.date()}"
            f"  {days_left(r.due_at, now)} days left"
        )
