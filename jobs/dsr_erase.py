"""`rekisteri request erase`: delete everywhere, verify 404; objectors keep a suppression row."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

from compliance.codes import ActionType
from jobs.context import Context
from jobs.dsr import RequestOutcome, Subject, contact_ids, request_run
from jobs.steps import delete_verified, is_deleted
from sync.executor import Step
from sync.register import audit, ledger, mirror, suppressions, transaction
from sync.register import requests as store


def run_erase(
    ctx: Context,
    email: str,
    *,
    received_at: datetime | None,
    dry_run: bool,
    record_only: bool = False,
) -> RequestOutcome:
    with request_run(ctx, "erase", email, received_at) as req:
        if record_only and not dry_run:
            return req.record()
        conn, subject = req.conn, req.subject
        ids = contact_ids(ctx, conn, subject)
        objected = conn.execute(
            "SELECT group_concat(DISTINCT scope) FROM objection_events WHERE email_norm = ?",
            (subject.email_norm,),
        ).fetchone()[0]
        if dry_run:
            planned = [f"delete ActiveCampaign contact {cid} and verify 404" for cid in ids]
            planned.append("remove the person's consent, objection and purchase records")
            planned.append(
                "keep a suppression row (objected)"
                if objected
                else "keep no suppression row (no objection on file)"
            )
            return req.dry_run(planned)
        outcome = req.record()
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
                        scope=",".join(sorted(set(objected.split(",")))),
                        reason="erasure-with-objection",
                        at=ctx.wall_now(),
                    )
                mirror.forget_contacts(conn, ids)
                ledger.forget_person(conn, subject.email_norm)
                audit.redact_personal_details(conn, ids)
            _remove_access_packages(conn, subject)
        outcome.results = [{"type": "delete", "result": r.result} for r in results]
        return req.close(
            outcome,
            ok=ok,
            detail={
                "contacts_deleted": sum(r.result == "done" for r in results),
                "suppression_row": bool(objected) and ok,
            },
        )


def _remove_access_packages(conn: sqlite3.Connection, subject: Subject) -> None:
    """Earlier access exports hold everything we held about the person: they go too."""
    for (detail,) in conn.execute(
        "SELECT detail FROM requests WHERE type = 'access' AND subject_key = ?", (subject.key,)
    ).fetchall():
        folder = json.loads(detail or "{}").get("folder")
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
