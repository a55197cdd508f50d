"""Data-subject requests: access, rectify, erase, object (SPEC section 7)."""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from compliance.codes import OBJECTION_TAG, ActionType
from compliance.deadlines import due_at
from compliance.emails import is_valid_email, mask_email, normalise_email
from compliance.suppression import suppression_key
from jobs.context import Context
from jobs.errors import ConfigError
from jobs.reconcile import _tag_step, _unsubscribe_step
from jobs.ropa import ropa_for
from reports.access import write_access
from sync import actions as ac
from sync.executor import Outcome, Step, execute
from sync.register import audit, ledger, mirror, suppressions, transaction
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
    return Subject(email=email, email_norm=norm,
                   key=suppression_key(ctx.suppression_secret(), norm), masked=mask_email(norm))


def request_id_of(kind: str, subject: Subject, received_at: datetime) -> str:
    digest = hashlib.sha256(f"{kind}|{subject.key}|{received_at.isoformat()}".encode())
    return f"R{received_at.strftime('%Y%m%d')}-{kind[:3]}-{digest.hexdigest()[:8]}"


def _open(ctx: Context, conn: sqlite3.Connection, kind: str, subject: Subject,
          received_at: datetime) -> RequestOutcome:
    """Reuse the open request of this type from this person, else record a new one."""
    row = conn.execute(
        "SELECT id, due_at FROM requests WHERE type = ? AND subject_key = ? AND status = 'open'"
        " ORDER BY received_at LIMIT 1", (kind, subject.key)).fetchone()
    if row is not None:
        return RequestOutcome(request_id=row[0], type=kind,
                              due_at=datetime.fromisoformat(row[1]))
    request_id = request_id_of(kind, subject, received_at)
    due = due_at(received_at)
    existing = conn.execute("SELECT 1 FROM requests WHERE id = ?", (request_id,)).fetchone()
    if existing is None:
        with transaction(conn):
            store.add(conn, request_id=request_id, type=kind, subject_key=subject.key,
                      email_masked=subject.masked, received_at=received_at, due_at=due)
    return RequestOutcome(request_id=request_id, type=kind, due_at=due)


def _close(conn: sqlite3.Connection, outcome: RequestOutcome, *, status: str, at: datetime,
           detail: dict[str, Any]) -> None:
    with transaction(conn):
        store.close(conn, outcome.request_id, status=status, answered_at=at, detail=detail)
    outcome.status = status


def contact_ids(ctx: Context, conn: sqlite3.Connection, subject: Subject) -> list[int]:
    """Every ActiveCampaign contact with this address: live search plus the register's mirror."""
    found = {c.id for c in ac.find_contacts_by_email(ctx.client(), subject.email_norm)}
    found |= {row[0] for row in conn.execute(
        "SELECT id FROM contacts WHERE email_norm = ?", (subject.email_norm,))}
    return sorted(found)


def _names(conn: sqlite3.Connection, table: str, column: str) -> dict[str, str]:
    return {str(row[0]): row[1] for row in conn.execute(
        f"SELECT id, {column} FROM {table}")}  # noqa: S608


def run_access(ctx: Context, email: str, *, received_at: datetime | None, dry_run: bool,
               record_only: bool = False
               ) -> RequestOutcome:
    subject = subject_of(ctx, email)
    received = received_at or ctx.now()
    conn = ctx.open_register()
    try:
        if record_only and not dry_run:
            return _open(ctx, conn, "access", subject, received)
        if dry_run:
            return RequestOutcome("(dry run)", "access", due_at(received), planned=[
                "search ActiveCampaign and the register for the address",
                "write access.json and access.html"])
        outcome = _open(ctx, conn, "access", subject, received)
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
        outcome.files = list(write_access(
            package, out_dir=out_dir, language=ctx.settings.controller.language,
            controller=ctx.settings.controller.model_dump(), ropa=ropa_for(ctx),
            generated_at=ctx.wall_now()))
        _close(conn, outcome, status="done", at=ctx.wall_now(),
               detail={"contacts": len(bundles), "folder": str(out_dir)})
        return outcome
    finally:
        conn.close()


STANDARD_FIELDS = {"firstname": "firstName", "first_name": "firstName", "lastname": "lastName",
                   "last_name": "lastName", "phone": "phone", "email": "email"}


def parse_assignments(pairs: tuple[str, ...]) -> dict[str, str]:
    result: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise ConfigError(f"--set: expected FIELD=VALUE, got {name!r}", key="--set")
        result[name.strip()] = value
    if not result:
        raise ConfigError("--set: give at least one FIELD=VALUE", key="--set")
    return result


def _resolve_fields(conn: sqlite3.Connection, names: dict[str, str]
                    ) -> tuple[dict[str, str], dict[int, str]]:
    standard: dict[str, str] = {}
    custom: dict[int, str] = {}
    fields = {row["title"].lower(): row["id"] for row in conn.execute("SELECT * FROM fields")}
    perstags = {(row["perstag"] or "").lower(): row["id"]
                for row in conn.execute("SELECT * FROM fields")}
    for name, value in names.items():
        key = name.lower()
        if key in STANDARD_FIELDS:
            standard[STANDARD_FIELDS[key]] = value
        elif key in fields:
            custom[int(fields[key])] = value
        elif key in perstags:
            custom[int(perstags[key])] = value
        else:
            raise ConfigError(f"--set: unknown field {name!r} (pull first?)", key="--set")
    return standard, custom


def _current(client: Any, contact_id: int) -> tuple[dict[str, str], dict[int, str]]:
    # GET contacts/{id} side-loads the field values; the contact itself is under "contact".
    body = client.get(f"contacts/{contact_id}")
    contact = body.get("contact") or {}
    standard = {k: str(contact.get(k) or "") for k in ("firstName", "lastName", "phone", "email")}
    custom = {int(v["field"]): str(v.get("value") or "") for v in body.get("fieldValues") or []}
    return standard, custom


def run_rectify(ctx: Context, email: str, assignments: tuple[str, ...], *,
                received_at: datetime | None, dry_run: bool, record_only: bool = False
                ) -> RequestOutcome:
    subject = subject_of(ctx, email)
    received = received_at or ctx.now()
    wanted = parse_assignments(assignments)
    conn = ctx.open_register()
    try:
        if record_only and not dry_run:
            return _open(ctx, conn, "rectify", subject, received)
        standard, custom = _resolve_fields(conn, wanted)
        client = ctx.client()
        ids = contact_ids(ctx, conn, subject)
        if dry_run:
            return RequestOutcome("(dry run)", "rectify", due_at(received), planned=[
                f"contact {cid}: set {', '.join(sorted(wanted))}" for cid in ids])
        outcome = _open(ctx, conn, "rectify", subject, received)
        steps = [_rectify_step(client, cid, standard, custom, outcome.request_id)
                 for cid in ids]
        results = execute(conn, steps, run_id=ctx.run_id, actor="user", clock=ctx.wall_now)
        outcome.results = [{"type": r.type, "contact_id": int(r.subject), "result": r.result}
                           for r in results]
        ok = bool(results) and all(r.result == "done" for r in results)
        _close(conn, outcome, status="done" if ok else "failed", at=ctx.wall_now(),
               detail={"contacts": len(ids), "fields": sorted(wanted)})
        return outcome
    finally:
        conn.close()


def _rectify_step(client: Any, contact_id: int, standard: dict[str, str],
                  custom: dict[int, str], request_id: str) -> Step:
    def send() -> Outcome:
        old_standard, old_custom = _current(client, contact_id)
        if standard:
            ac.update_contact(client, contact_id, standard)
        for field_id, value in custom.items():
            ac.set_field_value(client, contact_id=contact_id, field_id=field_id, value=value)
        new_standard, new_custom = _current(client, contact_id)
        changes = [{"field": k, "old": old_standard.get(k, ""), "new": v}
                   for k, v in standard.items()]
        changes += [{"field": f"field:{k}", "old": old_custom.get(k, ""), "new": v}
                    for k, v in custom.items()]
        verified = all(new_standard.get(k) == v for k, v in standard.items()) and all(
            new_custom.get(k) == v for k, v in custom.items())
        if not verified:
            return Outcome("failed", {"error": "re-read does not show the new values",
                                      "changes": changes})
        return Outcome(detail={"changes": changes, "verified": True})

    def save(conn: sqlite3.Connection, outcome: Outcome) -> None:
        names = {"firstName": "first_name", "lastName": "last_name", "phone": "phone",
                 "email": "email"}
        for key, value in standard.items():
            conn.execute(f"UPDATE contacts SET {names[key]} = ? WHERE id = ?",  # noqa: S608
                         (value, contact_id))
            if key == "email":
                conn.execute("UPDATE contacts SET email_norm = ? WHERE id = ?",
                             (normalise_email(value), contact_id))

    return Step(key=f"rectify:{contact_id}:{request_id}", type=ActionType.UPDATE.value,
                subject=str(contact_id), rule="RECTIFICATION_REQUEST", send=send, save=save)


def run_erase(ctx: Context, email: str, *, received_at: datetime | None, dry_run: bool,
               record_only: bool = False
              ) -> RequestOutcome:
    subject = subject_of(ctx, email)
    received = received_at or ctx.now()
    conn = ctx.open_register()
    try:
        if record_only and not dry_run:
            return _open(ctx, conn, "erase", subject, received)
        ids = contact_ids(ctx, conn, subject)
        objected = conn.execute("SELECT group_concat(DISTINCT scope) FROM objection_events"
                                " WHERE email_norm = ?", (subject.email_norm,)).fetchone()[0]
        if dry_run:
            planned = [f"delete ActiveCampaign contact {cid} and verify 404" for cid in ids]
            planned.append("remove the person's consent, objection and purchase records")
            planned.append("keep a suppression row (objected)" if objected
                           else "keep no suppression row (no objection on file)")
            return RequestOutcome("(dry run)", "erase", due_at(received), planned=planned)
        outcome = _open(ctx, conn, "erase", subject, received)
        with transaction(conn):
            store.add_pending_erasure(conn, request_id=outcome.request_id,
                                      email_norm=subject.email_norm)
        client = ctx.client()
        steps = [_erase_step(client, cid, subject, outcome.request_id) for cid in ids]
        results = execute(conn, steps, run_id=ctx.run_id, actor="user", clock=ctx.wall_now)
        ok = all(r.result == "done" for r in results)
        if ok:
            with transaction(conn):
                if objected:
                    suppressions.add(conn, key=subject.key, scope=",".join(
                        sorted(set(objected.split(",")))), reason="erasure-with-objection",
                        at=ctx.wall_now())
                mirror.forget_contacts(conn, ids)
                ledger.forget_person(conn, subject.email_norm)
                audit.redact_personal_details(conn, ids)
            _remove_access_packages(conn, subject)
        outcome.results = [{"type": "delete", "result": r.result} for r in results]
        _close(conn, outcome, status="done" if ok else "failed", at=ctx.wall_now(),
               detail={"contacts_deleted": sum(r.result == "done" for r in results),
                       "suppression_row": bool(objected) and ok})
        return outcome
    finally:
        conn.close()


def _remove_access_packages(conn: sqlite3.Connection, subject: Subject) -> None:
    """Earlier access exports hold everything we held about the person: they go too."""
    for (detail,) in conn.execute("SELECT detail FROM requests WHERE type = 'access'"
                                  " AND subject_key = ?", (subject.key,)).fetchall():
        folder = json.loads(detail or "{}").get("folder")
        if folder and Path(folder).is_dir():
            shutil.rmtree(folder)


def _erase_step(client: Any, contact_id: int, subject: Subject, request_id: str) -> Step:
    def send() -> Outcome:
        ac.delete_contact(client, contact_id)
        if ac.contact_exists(client, contact_id):
            return Outcome("failed", {"error": "contact still readable after delete"})
        return Outcome(detail={"verified": "404"})

    def verify() -> bool:
        return not ac.contact_exists(client, contact_id)

    return Step(key=f"erase:{contact_id}:{request_id}", type=ActionType.DELETE.value,
                subject=subject.key, rule="ERASURE_REQUEST", send=send, verify=verify)


def run_object(ctx: Context, email: str, *, scope: str, received_at: datetime | None,
               dry_run: bool, record_only: bool = False) -> RequestOutcome:
    subject = subject_of(ctx, email)
    received = received_at or ctx.now()
    marketing = [item.id for item in ctx.settings.lists if item.basis != "service"]
    conn = ctx.open_register()
    try:
        if record_only and not dry_run:
            return _open(ctx, conn, "object", subject, received)
        client = ctx.client()
        ids = contact_ids(ctx, conn, subject)
        targets: list[tuple[int, int]] = []
        for cid in ids:
            _, memberships = ac.get_contact(client, cid)
            targets += [(cid, m.list_id) for m in memberships
                        if m.list_id in marketing and m.status == 1]
        if dry_run:
            planned = [f"record objection ({scope})"]
            planned += [f"unsubscribe contact {c} from list {lst}" for c, lst in targets]
            planned += [f"tag contact {c} {OBJECTION_TAG}" for c in ids]
            return RequestOutcome("(dry run)", "object", due_at(received), planned=planned)
        outcome = _open(ctx, conn, "object", subject, received)
        row_hash = hashlib.sha256(
            f"objection|{subject.email_norm}|{scope}|{received.isoformat()}".encode()).hexdigest()
        with transaction(conn):
            ledger.add_objection(conn, email_norm=subject.email_norm, scope=scope, at=received,
                                 channel="request", row_hash=row_hash, imported_at=ctx.wall_now())
        tag_ids: dict[str, int] = {}
        steps = [_unsubscribe_step(client, c, lst, "OBJECTION_REQUEST", 0, ctx.wall_now)
                 for c, lst in targets]
        steps = [Step(**{**s.__dict__, "key": f"{s.key}:{outcome.request_id}"}) for s in steps]
        steps += [_tag_step(client, c, OBJECTION_TAG, "OBJECTION_REQUEST", 0, tag_ids)
                  for c in ids]
        results = execute(conn, steps, run_id=ctx.run_id, actor="user", clock=ctx.wall_now)
        outcome.results = [{"type": r.type, "contact_id": int(r.subject), "list_id": r.list_id,
                            "result": r.result} for r in results]
        ok = all(r.result in ("done", "skipped") for r in results)
        _close(conn, outcome, status="done" if ok else "failed", at=ctx.wall_now(),
               detail={"unsubscribed": sum(r.type == "unsubscribe" and r.result == "done"
                                           for r in results)})
        return outcome
    finally:
        conn.close()
