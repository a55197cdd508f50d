"""The `rekisteri` command: thin click wrappers over the job functions."""

from __future__ import annotations

import logging
import os
import sqlite3
import sys
from pathlib import Path
from typing import Any

import click

from jobs.cli_context import defer_context, pass_ctx
from jobs.context import Context, held, parse_moment
from jobs.errors import ConfigError, ExitCode, JobError
from jobs.logs import configure

log = logging.getLogger("rekisteri")

# Commands whose output names the controller (SPEC 2): they refuse to run without its identity.
IDENTITY_COMMANDS = frozenset({"report", "ropa", "notice", "nightly", "request"})


class _Cli(click.Group):
    """The top-level group; remembers whether help was asked for anywhere on the line."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta["rekisteri.help"] = any(arg in ("-h", "--help") for arg in args)
        return super().parse_args(ctx, args)


@click.group(cls=_Cli, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path),
    default=None,
    help="Config file (default ./config.toml, else config.example.toml values).",
)
@click.option("--as-of", "as_of", default=None, help="Evaluate the rules as of this moment.")
@click.option("--json-logs", is_flag=True, help="Log lines as JSON on stderr.")
@click.option("--quiet", is_flag=True, help="Only warnings and errors; no progress bars.")
@click.version_option(
    package_name="rekisteri", prog_name="rekisteri", message="%(prog)s %(version)s"
)
@click.pass_context
def cli(
    click_ctx: click.Context,
    config_path: Path | None,
    as_of: str | None,
    json_logs: bool,
    quiet: bool,
) -> None:
    """rekisteri: GDPR compliance job for an ActiveCampaign marketing register."""
    configure(json_logs=json_logs, quiet=quiet)
    click_ctx.obj = None
    if click_ctx.invoked_subcommand == "simulate":
        return
    needs_identity = click_ctx.invoked_subcommand in IDENTITY_COMMANDS

    def build() -> Context:
        # The settings models (pydantic) are the heaviest import a command needs before it runs.
        from jobs.settings import load_secrets, load_settings, require_identity, resolve_config_path

        settings = load_settings(resolve_config_path(config_path))
        if needs_identity:
            require_identity(settings)
        return Context(
            settings=settings,
            secrets=load_secrets(),
            as_of=parse_moment(as_of, option="--as-of"),
            json_logs=json_logs,
            quiet=quiet,
        )

    # `<command> --help` needs no config (SPEC 2): the Context is built when a command body runs.
    defer_context(click_ctx, build)
    if not click_ctx.meta.get("rekisteri.help"):
        click_ctx.obj = build()


@cli.command()
@pass_ctx
def init(ctx: Context) -> None:
    """Create the register, folders and suppression key (idempotent)."""
    from jobs.init import run_init

    for line in run_init(ctx):
        click.echo(line)


@cli.command()
@click.option("--full", is_flag=True, help="Walk every contact (finds deletions).")
@click.option(
    "--accept-deletions",
    is_flag=True,
    help="With --full: apply the deletions even above policy.mass_disappearance_stop.",
)
@pass_ctx
def pull(ctx: Context, full: bool, accept_deletions: bool) -> None:
    """Pull contacts, lists, tags and custom fields into the register."""
    from jobs.pull import run_pull

    if accept_deletions and not full:
        raise click.UsageError("--accept-deletions needs --full")
    with held(ctx):
        result = run_pull(ctx, full=full, accept_deletions=accept_deletions)
    click.echo(
        f"pull {result.mode}: {result.contacts} contacts, {result.requests} requests,"
        f" {result.deleted} deleted in ActiveCampaign"
    )


@cli.command(name="import")
@click.argument("kind", type=click.Choice(["consents", "objections", "customers"]))
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@pass_ctx
def import_(ctx: Context, kind: str, file: Path) -> None:
    """Validate a whole CSV file, then append it to the register."""
    from jobs.imports import run_import

    with held(ctx):
        result = run_import(ctx, kind=kind, path=file)
    click.echo(f"import {kind}: {result.file}: {result.rows} rows, {result.added} new")


@cli.command()
@click.option("--apply", is_flag=True, help="Unsubscribe and tag in ActiveCampaign.")
@click.option("--show-emails", is_flag=True, help="Unmasked emails in the report.")
@pass_ctx
def reconcile(ctx: Context, apply: bool, show_emails: bool) -> None:
    """Findings and the action plan; --apply carries the actions out."""
    from jobs.reconcile import run_reconcile
    from jobs.report import RunRecord, open_findings
    from jobs.single import write_single_report

    with held(ctx):
        outcome = run_reconcile(ctx, apply=apply)
        record = RunRecord(
            command="reconcile",
            findings=outcome.findings,
            actions=list(outcome.actions),
            frames=outcome.frames,
        )
        code = ExitCode.REVIEW if open_findings(outcome.findings) else ExitCode.DONE
        path = write_single_report(ctx, record, code=code, show_emails=show_emails)
    counts: dict[str, int] = {}
    for code_name in outcome.findings["code"]:
        counts[str(code_name)] = counts.get(str(code_name), 0) + 1
    for code_name, count in sorted(counts.items()):
        click.echo(f"{code_name}: {count}")
    done = sum(1 for a in outcome.actions if a["result"] == "done")
    click.echo(f"{len(outcome.actions)} actions ({done} done); report {path}")
    sys.exit(int(code))


@cli.command()
@click.option("--apply", is_flag=True, help="Execute the plan (see --plan).")
@click.option("--plan", "plan_id", default=None, help="Apply this saved, approved plan.")
@pass_ctx
def purge(ctx: Context, apply: bool, plan_id: str | None) -> None:
    """Write a purge plan; --apply executes it within the safety limits."""
    from jobs.errors import SafetyStop
    from jobs.purge import run_purge

    with held(ctx):
        outcome = run_purge(ctx, apply=apply, plan_id=plan_id)
    reasons = ", ".join(f"{k} {v}" for k, v in outcome.reasons.items()) or "nothing to delete"
    click.echo(f"plan {outcome.plan_id}: {outcome.count} contacts ({reasons})")
    if outcome.plan_dir is not None:
        click.echo(f"plan files: {outcome.plan_dir / outcome.plan_id}.json / .csv")
    if outcome.needs_approval:
        raise SafetyStop(
            f"purge: plan {outcome.plan_id} holds {outcome.count} contacts, above"
            f" policy.max_auto_deletions={ctx.settings.policy.max_auto_deletions}; a person"
            f" must approve it with: rekisteri purge --apply --plan {outcome.plan_id}"
        )
    if outcome.applied:
        results: dict[str, int] = {}
        for action in outcome.actions:
            results[action["result"]] = results.get(action["result"], 0) + 1
        click.echo(
            "applied: "
            + (", ".join(f"{k} {v}" for k, v in sorted(results.items())) or "nothing to do")
        )


@cli.command()
@click.option("--show-emails", is_flag=True, help="Unmasked emails in the report.")
@pass_ctx
def report(ctx: Context, show_emails: bool) -> None:
    """Write the review report for the register's latest state."""
    from jobs.reconcile import run_reconcile
    from jobs.report import RunRecord, open_findings
    from jobs.single import write_single_report

    outcome = run_reconcile(ctx, apply=False)
    record = RunRecord(
        command="report",
        findings=outcome.findings,
        actions=list(outcome.actions),
        frames=outcome.frames,
    )
    code = ExitCode.REVIEW if open_findings(outcome.findings) else ExitCode.DONE
    click.echo(str(write_single_report(ctx, record, code=code, show_emails=show_emails)))
    sys.exit(int(code))


@cli.command(short_help="Write the Art. 30 record of processing (HTML + JSON).")
@pass_ctx
def ropa(ctx: Context) -> None:
    """Write the Art. 30 record of processing (HTML + JSON)."""
    from jobs.ropa import run_ropa

    html, data, errors = run_ropa(ctx)
    for error in errors:
        click.echo(f"ROPA error: {error}", err=True)
    click.echo(f"{data}\n{html}")
    sys.exit(int(ExitCode.REVIEW if errors else ExitCode.DONE))


@cli.command(short_help="Write the privacy notice (Art. 13): fi/en HTML and Markdown.")
@pass_ctx
def notice(ctx: Context) -> None:
    """Write the privacy notice (Art. 13) from the config into reports.dir/notice-VERSION/."""
    from jobs.notice import run_notice
    from reports.i18n import get_lang
    from reports.notice_text import defect_line

    version, folder, paths, defects = run_notice(ctx)
    lang = get_lang(ctx.settings.controller.language)
    for defect in defects:
        click.echo(f"notice: {defect_line(defect, lang)}", err=True)
    click.echo(f"version {version}")
    click.echo("\n".join(str(p) for p in paths))
    sys.exit(int(ExitCode.REVIEW if defects else ExitCode.DONE))


@cli.command()
@click.option("--show-emails", is_flag=True, help="Unmasked emails in the report.")
@pass_ctx
def nightly(ctx: Context, show_emails: bool) -> None:
    """Lock, pull, inbox imports, reconcile, purge, report; prints the report path last."""
    from jobs.nightly import run_nightly

    code, path, errors = run_nightly(ctx, show_emails=show_emails)
    for line in errors:
        click.echo(f"rekisteri: {line}", err=True)
    click.echo(str(path))
    sys.exit(int(code))


@cli.command()
@click.option("--port", default=8765, show_default=True, type=int)
@click.option("--contacts", default=500, show_default=True, type=int)
@click.option("--seed", default=1, show_default=True, type=int)
@click.option("--rate", default=5.0, show_default=True, type=float)
@click.option("--faults", default=0.0, show_default=True, type=float)
@click.option(
    "--limit",
    type=click.Choice(["bucket", "window"]),
    default="bucket",
    show_default=True,
    help="window: never more than --rate in any rolling second, no burst.",
)
@click.option(
    "--retry-after",
    type=click.IntRange(min=0),
    default=None,
    help="Seconds a 429 asks to wait [default: 30 for window, else the bucket's estimate].",
)
@click.option(
    "--latency",
    default=0.0,
    show_default=True,
    type=click.FloatRange(min=0),
    help="Seconds each request is delayed before it counts.",
)
@click.option(
    "--jitter",
    default=0.0,
    show_default=True,
    type=click.FloatRange(min=0),
    help="Seconds of random spread around --latency (seeded by --seed).",
)
@click.option(
    "--ignore-include",
    is_flag=True,
    help="Answer GET /contacts without the side-loaded arrays, as some accounts do.",
)
@click.option(
    "--ignore-filter",
    "ignore_filters",
    multiple=True,
    metavar="NAME",
    help="Answer GET /contacts as if this query parameter (listid, status, tagid...) was not sent.",
)
@click.option(
    "--misbehave",
    "misbehaviours",
    multiple=True,
    metavar="NAME[:ENDPOINT[:TIMES]]",
    help="A hostile answer to the next GETs of an endpoint (default contacts, once);"
    " NAME: empty_body, empty_object, contacts_null, include_ignored, repeated_page,"
    " truncated_json, html, wrong_total.",
)
def simulate(
    port: int,
    contacts: int,
    seed: int,
    rate: float,
    faults: float,
    limit: str,
    retry_after: int | None,
    latency: float,
    jitter: float,
    ignore_include: bool,
    ignore_filters: tuple[str, ...],
    misbehaviours: tuple[str, ...],
) -> None:
    """Serve a local ActiveCampaign API v3 simulator on 127.0.0.1."""
    from simulator.misbehave import parse_spec
    from simulator.server import run_forever

    try:
        armed = [parse_spec(text) for text in misbehaviours]
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--misbehave") from None

    token = os.environ.get("ACTIVECAMPAIGN_API_TOKEN")
    if not token:
        raise ConfigError(
            "ACTIVECAMPAIGN_API_TOKEN is not set (the simulator checks it)",
            key="ACTIVECAMPAIGN_API_TOKEN",
        )
    if jitter > latency:
        raise click.BadParameter("must be at most --latency", param_hint="--jitter")
    run_forever(
        port=port,
        contacts=contacts,
        seed=seed,
        rate=rate,
        faults=faults,
        token=token,
        limit=limit,
        retry_after=retry_after,
        latency=latency,
        jitter=jitter,
        ignore_include=ignore_include,
        ignored_filters=ignore_filters,
        misbehave=armed,
    )


def _register_requests() -> None:
    from jobs.cli_requests import request

    cli.add_command(request)


def _exit_for(exc: BaseException) -> tuple[int, str]:
    from sync.activecampaign.errors import ActiveCampaignError
    from sync.register.db import RegisterBusy
    from sync.register.inputs import InputFileError

    if isinstance(exc, JobError):
        return int(exc.exit_code), str(exc)
    if isinstance(exc, ActiveCampaignError):
        return int(ExitCode.ACTIVECAMPAIGN), f"ActiveCampaign: {exc}"
    if isinstance(exc, InputFileError):
        return int(ExitCode.INPUT), str(exc)
    if isinstance(exc, RegisterBusy):
        return int(ExitCode.LOCKED), str(exc)
    if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
        # A single write that waited out the busy timeout behind another run's transaction.
        return int(ExitCode.LOCKED), "the register is being written by another run; try again"
    if isinstance(exc, click.ClickException):
        return exc.exit_code, exc.format_message()
    if isinstance(exc, OSError):
        return int(ExitCode.USAGE), f"{exc.strerror}: {exc.filename}"
    return int(ExitCode.INTERNAL), (
        f"internal error ({type(exc).__name__}); set REKISTERI_DEBUG=1 for a traceback"
    )


def main(argv: list[str] | None = None) -> Any:
    """Entry point: one line on stderr and an exit code, never a traceback."""
    _register_requests()
    try:
        cli.main(args=argv, prog_name="rekisteri", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("rekisteri: aborted", err=True)
        sys.exit(130)
    except SystemExit:
        raise
    except BaseException as exc:  # noqa: BLE001 - the one place that turns errors into codes
        if os.environ.get("REKISTERI_DEBUG"):
            raise
        code, message = _exit_for(exc)
        click.echo(f"rekisteri: {message}", err=True)
        sys.exit(code)
    sys.exit(0)
