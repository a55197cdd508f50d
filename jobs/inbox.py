"""Imports of new CSV files dropped into `register.inbox` by the nightly."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from jobs.context import Context
from jobs.imports import READERS, run_import
from reports.files import write_text
from sync.register.inputs import InputFileError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class InboxResult:
    imported: list[str]
    rejected: list[str]
    ignored: list[str]


def kind_of(path: Path) -> str | None:
    """consents*.csv, objections*.csv, customers*.csv; anything else is not ours."""
    if path.suffix.lower() != ".csv":
        return None
    for kind in READERS:
        if path.name.lower().startswith(kind):
            return kind
    return None


def process_inbox(ctx: Context, *, stamp: datetime) -> InboxResult:
    inbox = ctx.settings.register.inbox
    imported_dir = inbox / "imported"
    imported, rejected, ignored = [], [], []
    if not inbox.is_dir():
        return InboxResult([], [], [])
    for path in sorted(p for p in inbox.iterdir() if p.is_file()):
        if path.name.endswith(".error"):
            continue
        kind = kind_of(path)
        if kind is None:
            ignored.append(path.name)
            continue
        error_file = path.with_name(path.name + ".error")
        try:
            run_import(ctx, kind=kind, path=path)
        except InputFileError as exc:
            write_text(error_file, f"{exc}\n")
            rejected.append(f"{path.name}: {exc}")
            # the nightly prints the one error line itself; a warning here would double it
            log.info("inbox: rejected %s", exc)
            continue
        imported_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        path.rename(imported_dir / f"{stamp.strftime('%Y%m%dT%H%M%SZ')}-{path.name}")
        error_file.unlink(missing_ok=True)
        imported.append(path.name)
    return InboxResult(imported, rejected, ignored)
