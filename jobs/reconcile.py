"""`rekisteri reconcile [--apply]`: findings and the action plan; apply through the client."""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from typing import Any

import pandas as pd

from compliance.codes import ActionType
from compliance.dpa import dpa_findings
from compliance.reconcile import reconcile
from compliance.requests import request_findings
from compliance.transfers import EEA_COUNTRIES, transfer_findings
from jobs.context import Context
from jobs.steps import tag_step, unsubscribe_step
from sync.executor import Step, StepResult, execute
from sync.register import restrictions, sync_state
from sync.register.frames import RegisterFrames, load_frames

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReconcileOutcome:
    findings: pd.DataFrame  # with a `status` column: open | fixed
    actions: list[dict[str, Any]]  # type, contact_id, list_id, rule, result
    frames: RegisterFrames


def compute(
    ctx: Context, conn: sqlite3.Connection
) -> tuple[pd.DataFrame, pd.DataFrame, RegisterFrames]:
    frames = load_frames(conn, secret=ctx.suppression_secret())
    now = ctx.now()
    result = reconcile(
        contacts=frames.contacts,
        memberships=frames.memberships,
        contact_tags=frames.contact_tags,
        consents=frames.consents,
        objections=frames.objections,
        customers=frames.customers,
        suppressions=frames.suppressions,
        lists=ctx.list_policies(),
        policy=ctx.retention_policy(),
        now=now,
    )
    extra = [
        request_findings(
            frames.requests,
            now,
            require_verified=ctx.settings.policy.require_verified_identity,
        ),
        transfer_findings(ctx.settings.processors, EEA_COUNTRIES),
        dpa_findings(ctx.settings.processors, now),
    ]
    findings = pd.concat([result.findings, *[f for f in extra if len(f)]], ignore_index=True)
    return findings, result.actions, frames


def build_steps(ctx: Context, actions: pd.DataFrame, *, pull_id: int) -> list[Step]:
    client = ctx.client()
    tag_ids: dict[str, int] = {}
    steps: list[Step] = []
    # A contact's tag goes before its unsubscribes, so an objector is marked before it leaves
    # the lists; a tag that still fails is planned again by the next run (objection_tags.py).
    late = actions["type"] != ActionType.TAG.value
    actions = actions.assign(_late=late).sort_values(["contact_id", "_late"], kind="stable")
    for row in actions.to_dict("records"):
        if row["type"] == ActionType.UNSUBSCRIBE.value:
            steps.append(
                unsubscribe_step(
                    client,
                    int(row["contact_id"]),
                    int(row["list_id"]),
                    str(row["rule"]),
                    pull_id,
                    ctx.wall_now,
                )
            )
        elif row["type"] == ActionType.TAG.value:
            steps.append(
                tag_step(
                    client,
                    int(row["contact_id"]),
                    str(row["tag"]),
                    str(row["rule"]),
                    pull_id,
                    tag_ids,
                )
            )
    return steps


def _result_rows(results: list[StepResult]) -> list[dict[str, Any]]:
    return [
        {
            "type": r.type,
            "contact_id": int(r.subject),
            "list_id": r.list_id,
            "rule": r.rule,
            "result": r.result,
        }
        for r in results
    ]


def _planned_rows(actions: pd.DataFrame) -> list[dict[str, Any]]:
    return [
        {
            "type": row["type"],
            "contact_id": int(row["contact_id"]),
            "list_id": None if pd.isna(row["list_id"]) else int(row["list_id"]),
            "rule": str(row["rule"]),
            "result": "planned",
        }
        for row in actions.to_dict("records")
    ]


def mark_fixed(findings: pd.DataFrame, results: list[StepResult]) -> pd.DataFrame:
    fixed = {
        (int(r.subject), r.list_id)
        for r in results
        if r.type == ActionType.UNSUBSCRIBE.value and r.result == "done"
    }
    findings = findings.copy()
    pairs = zip(findings["contact_id"], findings["list_id"], strict=True)
    findings["status"] = [
        "fixed" if not pd.isna(c) and not pd.isna(lst) and (int(c), int(lst)) in fixed else "open"
        for c, lst in pairs
    ]
    return findings


def run_reconcile(
    ctx: Context,
    *,
    apply: bool,
    actor: str = "user",
    conn: sqlite3.Connection | None = None,
    leave_alone: frozenset[int] = frozenset(),
) -> ReconcileOutcome:
    """Findings and actions; with `apply` the actions are sent.

    `leave_alone` holds contacts this run deletes anyway (SPEC 6): tagging or unsubscribing
    them first would only cost requests and change them after their deletion was planned.
    A caller's `conn` is used and left open; without one the job opens and closes its own.
    """
    own = conn is None
    if conn is None:
        conn = ctx.open_register()
    try:
        findings, actions, frames = compute(ctx, conn)
        # A restricted person (Art. 18) is stored only: no unsubscribe or tag until lifted.
        leave_alone = leave_alone | restrictions.restricted_contact_ids(conn)
        if leave_alone and not actions.empty:
            actions = actions[~actions["contact_id"].astype(int).isin(leave_alone)]
        if not apply or actions.empty:
            findings = findings.assign(status="open")
            log.info("reconcile: %d findings, %d actions planned", len(findings), len(actions))
            return ReconcileOutcome(findings, _planned_rows(actions), frames)
        latest = sync_state.latest_complete_pull(conn)
        pull_id = latest.id if latest else 0
        results = execute(
            conn,
            build_steps(ctx, actions, pull_id=pull_id),
            run_id=ctx.run_id,
            actor=actor,
            clock=ctx.wall_now,
        )
    finally:
        if own:
            conn.close()
    done = sum(1 for r in results if r.result == "done")
    log.info("reconcile: %d findings, %d actions, %d done", len(findings), len(results), done)
    return ReconcileOutcome(mark_fixed(findings, results), _result_rows(results), frames)
