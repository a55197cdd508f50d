"""`rekisteri request erase`: delete everywhere, verify 404; objectors keep a suppression row."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

from compliance.codes import ActionType
from jobs.context import Context
from jobs.dsr import (
    RequestOutcome,
    Subject,
    contact_ids,
    letter_request,
    recipient_names,
    recipients_of,
    request_run,
)
from jobs.steps import delete_verified, is_deleted
from reports.i18n import get_lang
from reports.letters import recipient_lines, write_letter
from sync.executor import Step
from sync.register import audit, ledger, mirror, person, suppressions, transaction
from sync.register import requests as store


def run_erase(
    ctx: Context,
    email: str,
    *,
    received_at: datetime | None,
    dry_run: bool,
    record_only: bool = False,
    verified: str | None = None,
    language: str | None = None,
) -> RequestOutcome:
    with request_run(ctx, "erase", email, received_at, verified=verified, language=language) as req:
        if record_only and not dry_run:
            return req.record()
        conn, subject = req.conn, req.subject
        ids = contact_ids(ctx, conn, subject)
        objected = person.objection_scopes_of(conn, subject.email_norm)
        recipients = recipients_of(ctx, conn, subject, ids)
        if dry_run:
            planned = [f"delete ActiveCampaign contact {cid} and verify 404" for cid in ids]
            planned.append("remove the person's consent, objection and purchase records")
            planned.append(
                "keep a suppression row (objected)"
                if objected
                else "keep no suppression row (no objection on file)"
            )
            planned += [f"tell recipient {name} (Art. 19)" for name in recipient_names(recipients)]
            return req.dry_run(planned)
        outcome = req.record()
        if not req.admit(outcome):
            return outcome
        with transaction(conn):
            store.add_pending_erasure(
                conn, request_id=outcome.request_id, email_norm=subject.email_norm
            )
        client = ctx.client()
        results = req.execute(
            [_erase_step(client, cid, subject, outcome.request_id) for cid in ids]
        )
        ok = all(r.result == "done" for r in results)
        if ok:
            with transaction(conn):
                if objected:
                    suppressions.add(
                        conn,
                        key=subject.key,
                        scope=",".join(objected),
                        reason="erasure-with-objection",
                        at=ctx.wall_now(),
                    )
                mirror.forget_contacts(conn, ids)
                ledger.forget_person(conn, subject.email_norm)
                audit.redact_personal_details(conn, ids)
            _remove_access_packages(conn, subject)
            outcome.recipients = recipient_names(recipients)
            outcome.files = [
                _letter(req, outcome, recipients, deleted=len(ids), suppressed=bool(objected))
            ]
        outcome.results = [{"type": "delete", "result": r.result} for r in results]
        return req.close(
            outcome,
            ok=ok,
            detail={
                "contacts_deleted": sum(r.result == "done" for r in results),
                "suppression_row": bool(objected) and ok,
                "recipients_to_inform": recipient_names(recipients),
            },
        )


def _letter(
    req: Any, outcome: RequestOutcome, recipients: Any, *, deleted: int, suppressed: bool
) -> Path:
    lang = req.letter_language()
    return write_letter(
        "erasure",
        out_dir=req.ctx.settings.reports.dir / "requests" / outcome.request_id,
        language=lang,
        controller=req.ctx.settings.controller.model_dump(),
        request=letter_request(req.conn, outcome.request_id),
        facts={
            "contacts_deleted": deleted,
            "suppression_row": suppressed,
            "recipients": recipient_lines([p.model_dump() for p in recipients], get_lang(lang)),
        },
        generated_at=req.ctx.wall_now(),
    )


def _remove_access_packages(conn: sqlite3.Connection, subject: Subject) -> None:
    """Earlier access exports hold everything we held about the person: they go too."""
    for record in store.all_requests(conn):
        if record.type != "access" or record.subject_key != subject.key:
            continue
        folder = record.detail.get("folder")
        if folder and Path(folder).is_dir():
            shutil.rmtree(folder)


def _erase_step(client: Any, contact_id: int, subject: Subject, request_id: str) -> Step:
    return Step(
        key=f"erase:{contact_id}:{request_id}",
        type=ActionType.DELETE.value,
        subject=subject.key,
        rule="ERASURE_REQUEST",
        send=lambda: delete_verified(client, contact_id),
        verify=lambda: is_deleted(client, contact_id),
    )
