"""Data-subject requests: access, rectify, erase, object (SPEC section 7)."""

from __future__ import annotations

import hashlib
import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from compliance.codes import OBJECTION_TAG
from compliance.deadlines import due_at
from compliance.emails import is_valid_email, mask_email, normalise_email
from compliance.suppression import suppression_key
from jobs.context import Context
from jobs.errors import ConfigError
from jobs.ropa import ropa_for
from jobs.steps import tag_step, unsubscribe_step
from reports.access import write_access
from sync.activecampaign import actions as ac
from sync.executor import Step, StepResult, execute
from sync.register import ledger, suppressions, transaction
from sync.register import requests as store

log = logging.getLogger(__name__)


@dataclass
class RequestOutcome:
    request_id: str
    type: str
    due_at: datetime
    planned: list[str] = field(default_factory=list)
    results: list[dict[str, Any]] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    status: str = "open"


@dataclass(frozen=True)
class Subject:
    email: str
    email_norm: str
    key: str
    masked: str


def subject_of(ctx: Context, email: str) -> Subject:
    norm = normalise_email(email)
    if not is_valid_email(norm):
        raise ConfigError("EMAIL: not a valid email address", key="EMAIL")
    return Subject(
        email=email,
        email_norm=norm,
        key=suppression_key(ctx.suppression_secret(), norm),
        masked=mask_email(norm),
    )


def request_id_of(kind: str, subject: Subject, received_at: datetime) -> str:
    digest = hashlib.sha256(f"{kind}|{subject.key}|{received_at.isoformat()}".encode())
    return f"R{received_at.strftime('%Y%m%d')}-{kind[:3]}-{digest.hexdigest()[:8]}"


def open_request(
    ctx: Context, conn: sqlite3.Connection, kind: str, subject: Subject, received_at: datetime
) -> RequestOutcome:
    """Reuse the open request of this type from this person, else record a new one."""
    row = conn.execute(
        "SELECT id, due_at FROM requests WHERE type = ? AND subject_key = ? AND status = 'open'"
        " ORDER BY received_at LIMIT 1",
        (kind, subject.key),
    ).fetchone()
    if row is not None:
        return RequestOutcome(request_id=row[0], type=kind, due_at=datetime.fromisoformat(row[1]))
    request_id = request_id_of(kind, subject, received_at)
    due = due_at(received_at)
    existing = conn.execute("SELECT 1 FROM requests WHERE id = ?", (request_id,)).fetchone()
    if existing is None:
        with transaction(conn):
            store.add(
                conn,
                request_id=request_id,
                type=kind,
                subject_key=subject.key,
                email_masked=subject.masked,
                received_at=received_at,
                due_at=due,
            )
    return RequestOutcome(request_id=request_id, type=kind, due_at=due)


def close_request(
    conn: sqlite3.Connection,
    outcome: RequestOutcome,
    *,
    status: str,
    at: datetime,
    detail: dict[str, Any],
) -> None:
    with transaction(conn):
        store.close(conn, outcome.request_id, status=status, answered_at=at, detail=detail)
    outcome.status = status


@dataclass
class RequestRun:
    """One request being handled: who, since when, the register, and how it ends."""

    ctx: Context
    conn: sqlite3.Connection
    kind: str
    subject: Subject
    received: datetime

    def record(self) -> RequestOutcome:
        return open_request(self.ctx, self.conn, self.kind, self.subject, self.received)

    def dry_run(self, planned: list[str]) -> RequestOutcome:
        return RequestOutcome(
            "(dry run)",
            self.kind,
            due_at(self.received),
            planned=planned,
            status="nothing recorded or changed",
        )

    def execute(self, steps: list[Step]) -> list[StepResult]:
        return execute(
            self.conn, steps, run_id=self.ctx.run_id, actor="user", clock=self.ctx.wall_now
        )

    def close(self, outcome: RequestOutcome, *, ok: bool, detail: dict[str, Any]) -> RequestOutcome:
        close_request(
            self.conn,
            outcome,
            status="done" if ok else "failed",
            at=self.ctx.wall_now(),
            detail=detail,
        )
        return outcome


@contextmanager
def request_run(
    ctx: Context, kind: str, email: str, received_at: datetime | None
) -> Iterator[RequestRun]:
    subject = subject_of(ctx, email)
    conn = ctx.open_register()
    try:
        yield RequestRun(ctx, conn, kind, subject, received_at or ctx.now())
    finally:
        conn.close()


def contact_ids(ctx: Context, conn: sqlite3.Connection, subject: Subject) -> list[int]:
    """Every ActiveCampaign contact with this address: live search plus the register's mirror."""
    found = {c.id for c in ac.find_contacts_by_email(ctx.client(), subject.email_norm)}
    found |= {
        row[0]
        for row in conn.execute(
            "SELECT id FROM contacts WHERE email_norm = ?", (subject.email_norm,)
        )
    }
    return sorted(found)


def _names(conn: sqlite3.Connection, table: str, column: str) -> dict[str, str]:
    return {str(row[0]): row[1] for row in conn.execute(f"SELECT id, {column} FROM {table}")}  # noqa: S608


def run_access(
    ctx: Context,
    email: str,
    *,
    received_at: datetime | None,
    dry_run: bool,
    record_only: bool = False,
) -> RequestOutcome:
    with request_run(ctx, "access", email, received_at) as req:
        if record_only and not dry_run:
            return req.record()
        if dry_run:
            return req.dry_run(
                [
                    "search ActiveCampaign and the register for the address",
                    "write access.json and access.html",
                ]
            )
        conn, subject = req.conn, req.subject
        outcome = req.record()
        client = ctx.client()
        bundles = []
        for contact_id in contact_ids(ctx, conn, subject):
            bundle = ac.fetch_contact_bundle(client, contact_id)
            if not bundle:
                continue
            bundle["fieldNames"] = _names(conn, "fields", "title")
            bundle["listNames"] = _names(conn, "lists", "name")
            bundle["tagNames"] = _names(conn, "tags", "tag")
            bundles.append(bundle)
        events = ledger.person_events(conn, subject.email_norm)
        package = {
            "subject": {"email": subject.email_norm},
            "found": bool(bundles) or any(events.values()),
            "activecampaign": bundles,
            "register": events,
            "suppressed": suppressions.is_suppressed(conn, subject.key),
        }
        out_dir = ctx.settings.reports.dir / "requests" / outcome.request_id
        outcome.files = list(
            write_access(
                package,
                out_dir=out_dir,
                language=ctx.settings.controller.language,
                controller=ctx.settings.controller.model_dump(),
                ropa=ropa_for(ctx),
                generated_at=ctx.wall_now(),
            )
        )
        return req.close(
            outcome, ok=True, detail={"contacts": len(bundles), "folder": str(out_dir)}
        )


def run_object(
    ctx: Context,
    email: str,
    *,
    scope: str,
    received_at: datetime | None,
    dry_run: bool,
    record_only: bool = False,
) -> RequestOutcome:
    # Exactly the lists this scope covers (SPEC 5.2): a market-research objection leaves the
    # survey list, a person-directory or genealogy one no list at all (and adds no tag).
    covered = [policy.id for policy in ctx.list_policies() if scope in policy.covered_by]
    with request_run(ctx, "object", email, received_at) as req:
        if record_only and not dry_run:
            return req.record()
        conn, subject, received = req.conn, req.subject, req.received
        client = ctx.client()
        ids = contact_ids(ctx, conn, subject)
        targets: list[tuple[int, int]] = []
        for cid in ids:
            _, memberships = ac.get_contact(client, cid)
            targets += [
                (cid, m.list_id) for m in memberships if m.list_id in covered and m.status == 1
            ]
        if dry_run:
            planned = [f"record objection ({scope})"]
            planned += [f"unsubscribe contact {c} from list {lst}" for c, lst in targets]
            planned += [f"tag contact {c} {OBJECTION_TAG}" for c in ids if covered]
            return req.dry_run(planned)
        outcome = req.record()
        row_hash = hashlib.sha256(
            f"objection|{subject.email_norm}|{scope}|{received.isoformat()}".encode()
        ).hexdigest()
        with transaction(conn):
            ledger.add_objection(
                conn,
                email_norm=subject.email_norm,
                scope=scope,
                at=received,
                channel="request",
                row_hash=row_hash,
                imported_at=ctx.wall_now(),
            )
        tag_ids: dict[str, int] = {}
        steps = [
            unsubscribe_step(client, c, lst, "OBJECTION_REQUEST", 0, ctx.wall_now)
            for c, lst in targets
        ]
        steps = [Step(**{**s.__dict__, "key": f"{s.key}:{outcome.request_id}"}) for s in steps]
        steps += [
            tag_step(client, c, OBJECTION_TAG, "OBJECTION_REQUEST", 0, tag_ids)
            for c in ids
            if covered
        ]
        results = req.execute(steps)
        outcome.results = [
            {"type": r.type, "contact_id": int(r.subject), "list_id": r.list_id, "result": r.result}
            for r in results
        ]
        return req.close(
            outcome,
            ok=all(r.result in ("done", "skipped") for r in results),
            detail={
                "unsubscribed": sum(r.type == "unsubscribe" and r.result == "done" for r in results)
            },
        )
