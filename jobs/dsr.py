"""Data-subject requests: access, rectify, erase, object (SPEC section 7)."""

from __future__ import annotations

import hashlib
import logging
import sqlite3
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from compliance.codes import IDENTITY_GATED_REQUESTS, LIST_STATUS_ACTIVE
from compliance.deadlines import due_at
from compliance.emails import is_valid_email, mask_email, normalise_email
from compliance.recipients import recipients_to_inform
from compliance.suppression import suppression_key
from compliance.transfers import EEA_COUNTRIES, transfer_findings
from jobs.context import Context
from jobs.dsr_gate import may_proceed
from jobs.errors import ConfigError
from jobs.ropa import ropa_for
from reports.access import write_access
from reports.explain import finding_detail
from sync.activecampaign import actions as ac
from sync.executor import Step, StepResult, execute
from sync.register import ledger, person, suppressions, transaction
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
    # One line saying what a person must do before the request can go on (exit 1).
    waiting: str | None = None
    warnings: list[str] = field(default_factory=list)  # stderr lines; exit 1
    recipients: list[str] = field(default_factory=list)  # Art. 19: who must be told


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
    row = store.open_of(conn, type=kind, subject_key=subject.key)
    if row is not None:
        return RequestOutcome(request_id=row.id, type=kind, due_at=row.due_at)
    request_id = request_id_of(kind, subject, received_at)
    due = due_at(received_at)
    if store.get(conn, request_id) is None:
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
    verified: str | None = None  # how the requester's identity was checked (--verified)
    language: str | None = None  # the letter's language when not controller.language

    def record(self) -> RequestOutcome:
        outcome = open_request(self.ctx, self.conn, self.kind, self.subject, self.received)
        if self.verified:
            with transaction(self.conn):
                store.add_event(
                    self.conn,
                    outcome.request_id,
                    kind="verified",
                    at=self.ctx.now(),
                    detail={"method": self.verified},
                )
        return outcome

    def admit(self, outcome: RequestOutcome) -> bool:
        """Identity checked and no restriction in the way; else `outcome` says what to add."""
        return may_proceed(
            self.conn,
            outcome,
            kind=self.kind,
            email_norm=self.subject.email_norm,
            require_verified=self.ctx.settings.policy.require_verified_identity,
            now=self.ctx.now(),
        )

    def letter_language(self) -> str:
        return self.language or self.ctx.settings.controller.language

    def dry_run(self, planned: list[str]) -> RequestOutcome:
        gated = self.kind in IDENTITY_GATED_REQUESTS and not self.verified
        if gated and self.ctx.settings.policy.require_verified_identity:
            planned = [*planned, "(only once the identity is checked: add --verified METHOD)"]
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
    ctx: Context,
    kind: str,
    email: str,
    received_at: datetime | None,
    *,
    verified: str | None = None,
    language: str | None = None,
) -> Iterator[RequestRun]:
    subject = subject_of(ctx, email)
    conn = ctx.open_register()
    try:
        yield RequestRun(
            ctx, conn, kind, subject, received_at or ctx.now(), verified=verified, language=language
        )
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


def active_on(client: Any, ids: list[int], lists: Collection[int]) -> list[tuple[int, int]]:
    """(contact, list) for each of these contacts active on one of `lists`, read live."""
    targets: list[tuple[int, int]] = []
    for cid in ids:
        _, memberships = ac.get_contact(client, cid)
        targets += [
            (cid, m.list_id)
            for m in memberships
            if m.list_id in lists and m.status == LIST_STATUS_ACTIVE
        ]
    return targets


def _names(conn: sqlite3.Connection, table: str, column: str) -> dict[str, str]:
    return {str(row[0]): row[1] for row in conn.execute(f"SELECT id, {column} FROM {table}")}  # noqa: S608


def run_access(
    ctx: Context,
    email: str,
    *,
    received_at: datetime | None,
    dry_run: bool,
    record_only: bool = False,
    verified: str | None = None,
    language: str | None = None,
) -> RequestOutcome:
    with request_run(
        ctx, "access", email, received_at, verified=verified, language=language
    ) as req:
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
        if not req.admit(outcome):
            return outcome
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
                language=req.letter_language(),
                controller=ctx.settings.controller.model_dump(),
                ropa=ropa_for(ctx),
                generated_at=ctx.wall_now(),
            )
        )
        # The letter states the facts; the controller must fix the transfer (SPEC 7).
        outcome.warnings = [
            f"warning: {finding_detail(finding, {})} The letter says so: set a"
            " transfer_mechanism for it in [[processors]]"
            for finding in _rows(transfer_findings(ctx.settings.processors, EEA_COUNTRIES))
        ]
        return req.close(
            outcome, ok=True, detail={"contacts": len(bundles), "folder": str(out_dir)}
        )


def _rows(findings: Any) -> list[dict[str, Any]]:
    """Processor findings as the {code, params} rows reports/ words."""
    return [
        {"code": code, "params": params}
        for code, params in zip(findings["code"], findings["params"], strict=True)
    ]


def recipients_of(ctx: Context, conn: sqlite3.Connection, subject: Subject, ids: list[int]) -> Any:
    """The [[processors]] serving the person's purposes (their lists, their consents): the
    recipients a rectification or erasure must reach (Art. 19). Read before anything changes."""
    by_list = {item.id: item.purpose for item in ctx.settings.lists}
    purposes = {by_list[i] for i in person.list_ids_of(conn, ids) if i in by_list}
    purposes |= person.consent_purposes_of(conn, subject.email_norm)
    return recipients_to_inform(ctx.settings.processors, purposes)


def recipient_names(processors: Any) -> list[str]:
    return [f"{p.name} ({p.country})" for p in processors]


def letter_request(conn: sqlite3.Connection, request_id: str) -> dict[str, Any]:
    """The request as a letter names it: reference, type, dates, masked address."""
    record = store.get(conn, request_id)
    if record is None:  # a bug: the caller has just recorded it
        raise LookupError(request_id)
    return {
        "id": record.id,
        "type": record.type,
        "received_at": record.received_at,
        "due_at": record.due_at,
        "email_masked": record.email_masked,
    }
