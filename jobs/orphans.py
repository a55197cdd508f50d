"""Forget register records of people ActiveCampaign no longer holds, once past retention."""

from __future__ import annotations

import logging
import sqlite3

import pandas as pd

from compliance.orphans import plan_orphans
from compliance.suppression import suppression_key
from jobs.context import Context
from sync.register import audit, ledger, restrictions, suppressions, transaction
from sync.register.frames import load_frame

log = logging.getLogger(__name__)


def forget_orphans(ctx: Context, conn: sqlite3.Connection) -> int:
    """Returns how many people were forgotten; objectors leave a suppression row."""
    contacts = pd.read_sql_query("SELECT email_norm FROM contacts", conn)
    plan = plan_orphans(
        contact_emails=contacts["email_norm"],
        consents=load_frame(conn, "consents"),
        objections=load_frame(conn, "objections"),
        customers=load_frame(conn, "customers"),
        policy=ctx.retention_policy(),
        now=ctx.now(),
    )
    # A restricted person's records are kept as they are until the restriction is lifted.
    plan = plan[~plan["email_norm"].isin(restrictions.restricted_emails(conn))]
    if plan.empty:
        return 0
    secret = ctx.suppression_secret()
    at = ctx.wall_now()
    with transaction(conn):
        for row in plan.to_dict("records"):
            key = suppression_key(secret, str(row["email_norm"]))
            if row["suppress"]:
                suppressions.add(conn, key=key, scope=str(row["scope"]), reason="objection", at=at)
            ledger.forget_person(conn, str(row["email_norm"]))
            audit.record(
                conn,
                at=at,
                run_id=ctx.run_id,
                action_key=f"forget:{key}:{ctx.run_id}",
                phase=audit.DONE,
                type="forget",
                subject=key,
                rule="RETENTION_EXPIRED",
                actor="cron",
                detail={"register_only": True},
            )
    log.info("retention: forgot %d people held only in the register", len(plan))
    return len(plan)
