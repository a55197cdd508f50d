"""`rekisteri request ...`: data-subject requests."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeVar
from zoneinfo import ZoneInfo

import click

from compliance.codes import (
    IDENTITY_GATED_REQUESTS,
    OBJECTION_SCOPES,
    REFUSAL_REASONS,
    VERIFICATION_METHODS,
)
from compliance.deadlines import days_left
from jobs.cli_context import pass_ctx
from jobs.context import Context, held, parse_moment
from jobs.errors import ExitCode

# The request jobs (pandas, the register, letters) are imported by the command that runs them,
# so `rekisteri request ... --help` stays light (SPEC 10).
if TYPE_CHECKING:
    from jobs.dsr import RequestOutcome

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
    if outcome.recipients:
        click.echo("  recipients to inform (Art. 19): " + "; ".join(outcome.recipients))
    for path in outcome.files:
        click.echo(str(path))
    for line in outcome.warnings:
        click.echo(f"rekisteri: {line}", err=True)
    if outcome.waiting is not None:
        click.echo(f"rekisteri: {outcome.waiting}", err=True)
        sys.exit(int(ExitCode.REVIEW))
    if outcome.warnings:
        sys.exit(int(ExitCode.REVIEW))
    if outcome.status == "failed":
        # e.g. a re-read that does not show the new values: a person has to look at it
        click.echo(f"rekisteri: request {outcome.request_id} failed; see the audit log", err=True)
        sys.exit(int(ExitCode.REVIEW))


def request_options(command: F) -> F:
    """EMAIL, --received, --verified, --language, --dry-run and --record-only: what every
    request type takes."""
    options = (
        click.argument("email"),
        click.option(
            "--received",
            default=None,
            help="When the request reached the controller (default now).",
        ),
        click.option(
            "--verified",
            type=click.Choice(VERIFICATION_METHODS),
            default=None,
            help="How the requester's identity was checked; access, erase and rectify wait for"
            " it when policy.require_verified_identity is true.",
        ),
        click.option(
            "--language",
            type=click.Choice(("fi", "en")),
            default=None,
            help="Language of the letter (default controller.language).",
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
    """Data-subject requests: access, rectify, erase, object, restrict, extend, refuse, list."""


@request.command()
@request_options
def access(ctx: Context, email: str, **flags: Any) -> None:
    """Export everything held about EMAIL (access.json + access.html letter)."""
    from jobs.dsr import run_access

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
    from jobs.dsr_rectify import run_rectify

    _carry_out(ctx, run_rectify, email, assignments, **flags)


@request.command()
@request_options
def erase(ctx: Context, email: str, **flags: Any) -> None:
    """Delete EMAIL in ActiveCampaign (verified) and from the register."""
    from jobs.dsr_erase import run_erase

    _carry_out(ctx, run_erase, email, **flags)


@request.command(name="object")
@request_options
@click.option(
    "--scope", type=click.Choice(OBJECTION_SCOPES), default="direct_marketing", show_default=True
)
def object_(ctx: Context, email: str, scope: str, **flags: Any) -> None:
    """Record an objection and unsubscribe EMAIL from every marketing list now."""
    from jobs.dsr_object import run_object

    _carry_out(ctx, run_object, email, scope=scope, **flags)


@request.command()
@request_options
@click.option("--lift", is_flag=True, help="End the restriction (tell the person first).")
def restrict(ctx: Context, email: str, **flags: Any) -> None:
    """Restrict processing of EMAIL: off marketing lists, tagged, left alone (Article 18)."""
    from jobs.dsr_restrict import run_restrict

    _carry_out(ctx, run_restrict, email, **flags)


@request.command()
@click.argument("request_id", metavar="ID")
@click.option("--reason", required=True, help="Why more time is needed (the letter says it).")
@click.option(
    "--language",
    type=click.Choice(("fi", "en")),
    default=None,
    help="Language of the letter (default controller.language).",
)
@pass_ctx
def extend(ctx: Context, request_id: str, reason: str, language: str | None) -> None:
    """Extend an open request by two months, before its due date, and write the letter."""
    from jobs.dsr_manage import run_extend

    with held(ctx):
        outcome = run_extend(ctx, request_id, reason=reason, language=language)
    _echo(ctx, outcome)


@request.command()
@click.argument("request_id", metavar="ID")
@click.option("--reason", required=True, type=click.Choice(REFUSAL_REASONS))
@click.option("--details", default=None, help="Your justification (Art. 12(5) burden).")
@click.option(
    "--language",
    type=click.Choice(("fi", "en")),
    default=None,
    help="Language of the letter (default controller.language).",
)
@pass_ctx
def refuse(
    ctx: Context, request_id: str, reason: str, details: str | None, language: str | None
) -> None:
    """Refuse a manifestly unfounded or excessive request and write the refusal letter."""
    from jobs.dsr_manage import run_refuse

    with held(ctx):
        outcome = run_refuse(ctx, request_id, reason=reason, details=details, language=language)
    _echo(ctx, outcome)


@request.command(name="list")
@pass_ctx
def list_(ctx: Context) -> None:
    """Open requests with their due dates and days left."""
    from jobs.dsr_gate import is_verified
    from sync.register import requests as store

    gate = ctx.settings.policy.require_verified_identity
    conn = ctx.open_register()
    try:
        rows = store.all_requests(conn, open_only=True)
        waiting = {
            r.id
            for r in rows
            if gate and r.type in IDENTITY_GATED_REQUESTS and not is_verified(conn, r.id)
        }
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
            + ("  waiting for --verified" if r.id in waiting else "")
        )
