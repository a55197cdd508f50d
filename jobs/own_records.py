"""The nightly's removal of our own records past their period: audit rows and closed requests."""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass

from compliance.own_records import OwnRecordsPolicy, plan_own_records
from jobs.context import Context
from sync.register import audit, own_records, transaction
from sync.register import requests as request_store
from sync.register.db import iso

log = logging.getLogger(__name__)

RULE = "OWN_RECORDS_RETENTION"


@dataclass(frozen=True)
class OwnRecordsRemoved:
    audit_rows: int = 0
    requests: int = 0
    audit_months: int = 0
    request_months: int = 0


def own_records_policy(ctx: Context) -> OwnRecordsPolicy:
    policy = ctx.settings.policy
    return OwnRecordsPolicy(
        audit_retention_months=policy.audit_retention_months,
        request_retention_months=policy.request_retention_months,
    )


def remove_own_records(ctx: Context, conn: sqlite3.Connection, *, actor: str) -> OwnRecordsRemoved:
    """Removes what is past its period, in one transaction with the audit event saying so.

    The event is appended first and is younger than either cutoff, so the record of a removal
    outlives the removal by a whole period; it holds counts, cutoffs and request ids, no
    personal data. Nothing due: nothing written.
    """
    policy = own_records_policy(ctx)
    at = ctx.wall_now()
    with transaction(conn):
        plan = plan_own_records(request_store.all_requests(conn), policy=policy, now=ctx.now())
        due = own_records.count_audit_before(conn, plan.audit_before, now=at)
        if not due and not plan.request_ids:
            return OwnRecordsRemoved()
        audit.record(
            conn,
            at=at,
            run_id=ctx.run_id,
            action_key=f"own-records:{ctx.run_id}",
            phase=audit.DONE,
            type="retention",
            subject="register",
            rule=RULE,
            actor=actor,
            detail={
                "audit_rows_removed": due,
                "audit_before": iso(plan.audit_before),
                "audit_retention_months": policy.audit_retention_months,
                "requests_removed": list(plan.request_ids),
                "requests_before": iso(plan.requests_before),
                "request_retention_months": policy.request_retention_months,
            },
        )
        removed = own_records.remove_audit_before(conn, plan.audit_before, now=at)
        requests = own_records.remove_requests(conn, plan.request_ids)
    log.info("retention: removed %d audit rows and %d closed requests", removed, requests)
    return OwnRecordsRemoved(
        audit_rows=removed,
        requests=requests,
        audit_months=policy.audit_retention_months,
        request_months=policy.request_retention_months,
    )
