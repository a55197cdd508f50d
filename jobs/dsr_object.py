"""`rekisteri request object`: record the objection and unsubscribe at once (Art. 21(2)-(3))."""

from __future__ import annotations

import hashlib
from datetime import datetime

from compliance.codes import OBJECTION_TAG
from jobs.context import Context
from jobs.dsr import RequestOutcome, active_on, contact_ids, request_run
from jobs.steps import tag_step, unsubscribe_step
from sync.executor import Step
from sync.register import ledger, transaction


def run_object(
    ctx: Context,
    email: str,
    *,
    scope: str,
    received_at: datetime | None,
    dry_run: bool,
    record_only: bool = False,
    verified: str | None = None,
    language: str | None = None,
) -> RequestOutcome:
    # An objection never waits for an identity check (SPEC 7): it only ever stops processing.
    # Exactly the lists this scope covers (SPEC 5.2): a market-research objection leaves the
    # survey list, a person-directory or genealogy one no list at all (and adds no tag).
    covered = [policy.id for policy in ctx.list_policies() if scope in policy.covered_by]
    with request_run(ctx, "object", email, received_at, verified=verified) as req:
        if record_only and not dry_run:
            return req.record()
        conn, subject, received = req.conn, req.subject, req.received
        client = ctx.client()
        ids = contact_ids(ctx, conn, subject)
        targets = active_on(client, ids, covered)
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
