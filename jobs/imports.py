"""`rekisteri import consents|objections|customers FILE`: validate all, then append at once."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from jobs.context import Context
from sync.register import ledger, transaction
from sync.register.inputs import read_consents, read_customers, read_objections

log = logging.getLogger(__name__)

READERS: dict[str, Callable[[Path], pd.DataFrame]] = {
    "consents": read_consents,
    "objections": read_objections,
    "customers": read_customers,
}


@dataclass(frozen=True)
class ImportResult:
    kind: str
    file: str
    rows: int
    added: int


def run_import(ctx: Context, *, kind: str, path: Path) -> ImportResult:
    """Raises InputFileError (exit 4) before anything is stored if any row is invalid."""
    rows = READERS[kind](path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    conn = ctx.open_register()
    try:
        with transaction(conn):
            added = ledger.append_events(conn, kind, rows, imported_at=ctx.wall_now())  # type: ignore[arg-type]
            ledger.record_import(
                conn,
                kind=kind,
                file_name=path.name,
                file_sha256=digest,
                rows=len(rows),
                added=added,
                at=ctx.wall_now(),
            )
    finally:
        conn.close()
    log.info("import %s: %s, %d rows, %d new", kind, path.name, len(rows), added)
    return ImportResult(kind=kind, file=path.name, rows=len(rows), added=added)
