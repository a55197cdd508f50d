"""jobs/report.py remove_old_reports: the register's own outputs are kept reports.keep_days."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from jobs.context import Context
from jobs.report import remove_old_reports
from jobs.settings import RegisterSettings, ReportSettings, Secrets, Settings
from sync.register import runs

KEEP_DAYS = 30
NOW = datetime.now(UTC)
OLD = NOW - timedelta(days=KEEP_DAYS + 5)
NEW = NOW - timedelta(days=KEEP_DAYS - 5)


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No REKISTERI_* variable from the caller's shell changes the settings."""
    for name in [name for name in os.environ if name.startswith("REKISTERI_")]:
        monkeypatch.delenv(name)


@pytest.fixture(name="ctx")
def _ctx(tmp_path: Path) -> Context:
    settings = Settings(
        register=RegisterSettings(
            database=tmp_path / "var/register.sqlite",
            inbox=tmp_path / "var/inbox",
            suppression_key_file=tmp_path / "var/suppression.key",
        ),
        reports=ReportSettings(dir=tmp_path / "var/reports", keep_days=KEEP_DAYS),
    )
    return Context(settings=settings, secrets=Secrets(api_token=None, suppression_key=None))


@pytest.fixture(name="conn")
def _conn(ctx: Context) -> Iterator[sqlite3.Connection]:
    conn = ctx.open_register()
    yield conn
    conn.close()


def touch(path: Path, moment: datetime, *, folder: bool = False) -> Path:
    """Create a file (or a folder holding one file) last modified at `moment`."""
    if folder:
        path.mkdir(parents=True)
        inner = path / "content.txt"
        inner.write_text("personal data", encoding="utf-8")
        os.utime(inner, (moment.timestamp(), moment.timestamp()))
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("personal data", encoding="utf-8")
    os.utime(path, (moment.timestamp(), moment.timestamp()))
    return path


def report_run(conn: sqlite3.Connection, ctx: Context, run_id: str, started: datetime) -> Path:
    """A finished run started at `started` whose report folder exists with one file in it."""
    folder = ctx.settings.reports.dir / f"{started:%Y%m%dT%H%M%SZ}-{run_id}"
    runs.start(conn, run_id=run_id, command="nightly", started_at=started, as_of=started)
    runs.finish(
        conn, run_id, finished_at=started, exit_code=0, findings_by_code={}, report_dir=str(folder)
    )
    # The folder's own time does not matter for run reports: the run's start does.
    return touch(folder, NOW, folder=True)


def remaining(root: Path) -> set[str]:
    """Every file and folder under `root`, relative to it."""
    return {path.relative_to(root).as_posix() for path in root.rglob("*")}


def test_exactly_the_old_outputs_are_removed(ctx: Context, conn: sqlite3.Connection) -> None:
    """Old report runs, plans, imported CSVs and access packages go; the rest stays."""
    reports = ctx.settings.reports.dir
    inbox = ctx.settings.register.inbox
    imported = inbox / "imported"
    report_run(conn, ctx, "oldrun01", OLD)
    report_run(conn, ctx, "newrun01", NEW)
    runs.start(conn, run_id="noreport", command="pull", started_at=OLD, as_of=OLD)
    touch(reports / "plans" / "plan-old.json", OLD)
    touch(reports / "plans" / "plan-new.json", NEW)
    touch(imported / "20240101T000000Z-consents.csv", OLD)
    touch(imported / "20250101T000000Z-customers.csv", NEW)
    touch(reports / "requests" / "req-old", OLD, folder=True)
    touch(reports / "requests" / "req-new", NEW, folder=True)
    touch(inbox / "consents.csv", OLD)  # not yet imported: left alone
    touch(reports / "unregistered-folder", OLD, folder=True)  # no run row: left alone
    new_folder = f"{NEW:%Y%m%dT%H%M%SZ}-newrun01"

    removed = remove_old_reports(ctx, conn)

    assert removed == 4
    assert {"inbox": remaining(inbox), "reports": remaining(reports)} == {
        "inbox": {
            "consents.csv",
            "imported",
            "imported/20250101T000000Z-customers.csv",
        },
        "reports": {
            "plans",
            "plans/plan-new.json",
            "requests",
            "requests/req-new",
            "requests/req-new/content.txt",
            "unregistered-folder",
            "unregistered-folder/content.txt",
            new_folder,
            f"{new_folder}/content.txt",
        },
    }


def test_nothing_to_remove_without_outputs(ctx: Context, conn: sqlite3.Connection) -> None:
    """With no reports, plans or inbox folders the cleanup removes nothing and fails on nothing."""
    assert remove_old_reports(ctx, conn) == 0


def test_report_folder_already_gone_is_not_counted(ctx: Context, conn: sqlite3.Connection) -> None:
    """An old run whose folder was deleted by hand is passed over."""
    folder = report_run(conn, ctx, "oldrun01", OLD)
    (folder / "content.txt").unlink()
    folder.rmdir()

    assert remove_old_reports(ctx, conn) == 0
