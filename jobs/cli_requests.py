"""`rekisteri request ...`: data-subject requests."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import click

from compliance.codes import OBJECTION_SCOPES
from compliance.deadlines import days_left
from jobs.context import Context, held, parse_moment
from jobs.dsr import RequestOutcome, run_access, run_object
from jobs.dsr_erase import run_erase
from jobs.dsr_rectify import run_rectify
from jobs.errors import ExitCode

pass_ctx = click.make_pass_decorator(Context)
F = TypeVar("F", bound=Callable[..., Any])


def _local_date(ctx: Context, moment: datetime) -> str:
    """The date a person reads, in controller.timezone (naive means UTC, as stored)."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(ZoneInfo(ctx.settings.controller.timezone)).date().isoformat()


def _echo(ctx: Context, outcome: RequestOutcome) -> None:
    click.echo(
        f"request {outcome.request_id} ({outcome.type}), due"
        f" {_local_date(ctx, outcome.due_at)}: {outcome.status}"
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


def request_options(command: F) -> F:
    """EMAIL, --received, --dry-run and --record-only: what every request type takes."""
    options = (
        click.argument("email"),
        click.option(
            "--received",
            default=None,
            help="When the request reached the controller (default now).",
        ),
        click.option("--dry-run", is_flag=True, help="Print what would be done."),
        click.option(
            "--record-only",
            is_flag=True,
            help="Record the request and its due date now; carry it out later (e.g. after the"
            " identity check) by running the same command without this flag.",
        ),
        pass_ctx,
    )
    wrapped: Callable[..., Any] = command
    for option in reversed(options):
        wrapped = option(wrapped)
    return wrapped  # type: ignore[return-value]


def _carry_out(
    ctx: Context,
    job: Callable[..., RequestOutcome],
    email: str,
    *args: Any,
    received: str | None,
    dry_run: bool,
    record_only: bool,
    **kwargs: Any,
) -> None:
    with held(ctx):
        outcome = job(
            ctx,
            email,
            *args,
            received_at=parse_moment(received, option="--received"),
            dry_run=dry_run,
            record_only=record_only,
            **kwargs,
        )
    _echo(ctx, outcome)


@click.group()
def request() -> None:
    """Data-subject requests: access, rectify, erase, object, list."""


@request.command()
@request_options
def access(ctx: Context, email: str, **flags: Any) -> None:
    """Export everything held about EMAIL (access.json + access.html letter)."""
    _carry_out(ctx, run_access, email, **flags)


@request.command()
@request_options
@click.option(
    "--set",
    "assignments",
    multiple=True,
    metavar="FIELD=VALUE",
    help="firstName, lastName, phone, email or a custom field title/perstag.",
)
def rectify(ctx: Context, email: str, assignments: tuple[str, ...], **flags: Any) -> None:
    """Correct fields of EMAIL in ActiveCampaign and verify by re-reading."""
    _carry_out(ctx, run_rectify, email, assignments, **flags)


@request.command()
@request_options
def erase(ctx: Context, email: str, **flags: Any) -> None:
    """Delete EMAIL in ActiveCampaign (verified) and from the register."""
    _carry_out(ctx, run_erase, email, **flags)


@request.command(name="object")
@request_options
@click.option(
    "--scope", type=click.Choice(OBJECTION_SCOPES), default="direct_marketing", show_default=True
)
def object_(ctx: Context, email: str, scope: str, **flags: Any) -> None:
    """Record an objection and unsubscribe EMAIL from every marketing list now."""
    _carry_out(ctx, run_object, email, scope=scope, **flags)


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
            f" {_local_date(ctx, r.received_at)}  due {_local_date(ctx, r.due_at)}"
            f"  {days_left(r.due_at, now)} days left"
        )
