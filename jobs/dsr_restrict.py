"""`rekisteri request restrict EMAIL [--lift]`: restriction of processing (GDPR Art. 18).

While restricted, the person's data is only stored: they are off every marketing list, tagged
`rekisteri-restricted`, never planned for deletion, and no reconcile, erase or rectify writes
to them until the restriction is lifted.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from compliance.codes import RESTRICTED_TAG
from jobs.context import Context
from jobs.dsr import (
    RequestOutcome,
    RequestRun,
    active_on,
    contact_ids,
    recipient_names,
    recipients_of,
    request_run,
)
from jobs.errors import ConfigError
from jobs.steps import find_contact_tag, tag_step, unsubscribe_step
from sync.activecampaign import actions as ac
from sync.executor import Outcome, Step
from sync.register import requests as store
from sync.register import restrictions, transaction


def run_restrict(
    ctx: Context,
    email: str,
    *,
    received_at: datetime | None,
    dry_run: bool,
    record_only: bool = False,
    verified: str | None = None,
    language: str | None = None,
    lift: bool = False,
) -> RequestOutcome:
    # A restriction never waits for an identity check (SPEC 7): it only ever stops processing.
    with request_run(ctx, "restrict", email, received_at, verified=verified) as req:
        if lift:
            return _lift(req, dry_run=dry_run)
        if record_only and not dry_run:
            return req.record()
        client = ctx.client()
        marketing = {item.id for item in ctx.settings.lists if item.basis != "service"}
        ids = contact_ids(ctx, req.conn, req.subject)
        targets = active_on(client, ids, marketing)
        if dry_run:
            planned = ["record the restriction: no purge, reconcile, erase or rectify writes"]
            planned += [f"unsubscribe contact {c} from list {lst}" for c, lst in targets]
            planned += [f"tag contact {c} {RESTRICTED_TAG}" for c in ids]
            return req.dry_run(planned)
        outcome = req.record()
        # On record before any write: should a write fail, the nightly still leaves them alone.
        with transaction(req.conn):
            restrictions.restrict(
                req.conn,
                email_norm=req.subject.email_norm,
                request_id=outcome.request_id,
                at=ctx.now(),
            )
        tag_ids: dict[str, int] = {}
        steps = [
            unsubscribe_step(client, c, lst, "RESTRICTION_REQUEST", 0, ctx.wall_now)
            for c, lst in targets
        ]
        steps += [
            tag_step(client, c, RESTRICTED_TAG, "RESTRICTION_REQUEST", 0, tag_ids) for c in ids
        ]
        # Keys per request: a second restriction after a lift must tag again, not be "done".
        steps = [Step(**{**s.__dict__, "key": f"{s.key}:{outcome.request_id}"}) for s in steps]
        results = req.execute(steps)
        outcome.results = [
            {"type": r.type, "contact_id": int(r.subject), "list_id": r.list_id, "result": r.result}
            for r in results
        ]
        # Art. 19 covers restriction too: the recipients must hear of it.
        outcome.recipients = recipient_names(recipients_of(ctx, req.conn, req.subject, ids))
        return req.close(
            outcome,
            ok=all(r.result in ("done", "skipped") for r in results),
            detail={"unsubscribed": sum(r.type == "unsubscribe" for r in results)},
        )


def _lift(req: RequestRun, *, dry_run: bool) -> RequestOutcome:
    ctx, conn, subject = req.ctx, req.conn, req.subject
    request_id = restrictions.request_of(conn, subject.email_norm)
    record = store.get(conn, request_id) if request_id else None
    if request_id is None or record is None:
        raise ConfigError(
            f"{subject.masked} is not under restriction; nothing changed", key="EMAIL"
        )
    client = ctx.client()
    ids = contact_ids(ctx, conn, subject)
    outcome = RequestOutcome(request_id, "restrict", record.due_at)
    if dry_run:
        outcome.planned = ["lift the restriction"]
        outcome.planned += [f"remove tag {RESTRICTED_TAG} from contact {c}" for c in ids]
        outcome.status = "nothing recorded or changed"
        return outcome
    tag_id = ac.ensure_tag(client, RESTRICTED_TAG)
    results = req.execute([_untag_step(client, c, tag_id, ctx.run_id) for c in ids])
    with transaction(conn):
        restrictions.lift(conn, subject.email_norm)
        store.add_event(conn, request_id, kind="lifted", at=ctx.now(), detail={})
    outcome.results = [
        {"type": r.type, "contact_id": int(r.subject), "result": r.result} for r in results
    ]
    # Art. 18(3): the person is told before the restriction ends; lists are not re-joined.
    outcome.status = "restriction lifted (tell the person, Art. 18(3); no list was re-joined)"
    return outcome


def _untag_step(client: Any, contact_id: int, tag_id: int, run_id: str) -> Step:
    def send() -> Outcome:
        contact_tag = find_contact_tag(client, contact_id, tag_id)
        if contact_tag is not None:
            ac.remove_contact_tag(client, contact_tag)
        return Outcome()

    return Step(
        key=f"untag:{contact_id}:{RESTRICTED_TAG}:{run_id}",
        type="untag",
        subject=str(contact_id),
        rule="RESTRICTION_LIFTED",
        send=send,
        verify=lambda: find_contact_tag(client, contact_id, tag_id) is None,
    )
