"""`rekisteri purge [--apply] [--plan ID]`: plan deletions, then execute exactly the plan."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import logging
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pandas as pd

from compliance.codes import LIST_STATUS_ACTIVE, ActionType
from compliance.emails import mask_email
from compliance.retention import plan_purge
from jobs.context import Context
from jobs.errors import SafetyStop
from jobs.steps import delete_verified, is_deleted
from reports.csvcells import safe_row
from reports.files import write_text
from sync.activecampaign import actions as ac
from sync.activecampaign.client import ActiveCampaignClient
from sync.activecampaign.errors import NotFoundError
from sync.executor import Outcome, Step, StepResult, execute
from sync.register import audit, ledger, mirror, plans, restrictions, suppressions, sync_state
from sync.register import requests as request_store
from sync.register.db import iso
from sync.register.frames import load_frames

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PurgeOutcome:
    plan_id: str
    count: int
    reasons: dict[str, int]
    applied: bool
    needs_approval: bool
    actions: list[dict[str, Any]]
    plan_dir: Path | None


def check_pull(conn: sqlite3.Connection, *, wall_now: datetime, stale_after_hours: int) -> int:
    """A purge plan needs a complete, recent pull; returns its id or raises SafetyStop."""
    latest = sync_state.latest_pull(conn)
    if latest is None:
        raise SafetyStop("purge: no pull yet; run 'rekisteri pull' first")
    if not latest.complete:
        raise SafetyStop(f"purge: the latest pull (#{latest.id}) is partial; no plan is made")
    finished = latest.finished_at or latest.started_at
    if wall_now - finished > timedelta(hours=stale_after_hours):
        raise SafetyStop(
            f"purge: the latest pull (#{latest.id}) is older than {stale_after_hours} hours"
        )
    return latest.id


def plan_content(
    plan: pd.DataFrame, contacts: pd.DataFrame, policy: dict[str, Any]
) -> dict[str, Any]:
    ids = [int(value) for value in contacts["contact_id"]]
    udates = dict(zip(ids, contacts["udate"], strict=True))
    keys = dict(zip(ids, contacts["suppression_key"], strict=True))
    entries = []
    for row in plan.to_dict("records"):
        contact_id = int(row["contact_id"])
        udate = udates.get(contact_id)
        entries.append(
            {
                "contact_id": contact_id,
                "reason": str(row["reason"]),
                "udate": None if udate is None or pd.isna(udate) else iso(udate.to_pydatetime()),
                "suppress": bool(row["suppress"]),
                "scope": str(row["scope"]),
                "suppression_key": keys[contact_id] if row["suppress"] else None,
            }
        )
    return {"policy": policy, "entries": sorted(entries, key=lambda e: e["contact_id"])}


def plan_id_of(content: dict[str, Any]) -> str:
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


def _write_plan_files(
    out_dir: Path, plan_id: str, content: dict[str, Any], emails: dict[int, str]
) -> Path:
    folder = out_dir / "plans"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    write_text(
        folder / f"{plan_id}.json", json.dumps({"id": plan_id, **content}, indent=2, sort_keys=True)
    )
    lines = [["contact_id", "email_masked", "reason", "suppress"]]
    lines += [
        [
            str(e["contact_id"]),
            mask_email(emails.get(e["contact_id"], "")),
            e["reason"],
            str(e["suppress"]).lower(),
        ]
        for e in content["entries"]
    ]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(safe_row(line) for line in lines)
    write_text(folder / f"{plan_id}.csv", buffer.getvalue())
    return folder


def make_plan(ctx: Context, conn: sqlite3.Connection) -> tuple[str, dict[str, Any], Path]:
    pull_id = check_pull(
        conn, wall_now=ctx.wall_now(), stale_after_hours=ctx.settings.sync.stale_after_hours
    )
    frames = load_frames(conn, secret=ctx.suppression_secret())
    plan = plan_purge(
        contacts=frames.contacts,
        memberships=frames.memberships,
        consents=frames.consents,
        objections=frames.objections,
        customers=frames.customers,
        erasure_emails=request_store.pending_erasure_emails(conn),
        policy=ctx.retention_policy(),
        now=ctx.now(),
        restricted_emails=restrictions.restricted_emails(conn),
        service_list_ids=service_list_ids(ctx),
        lists=ctx.list_policies(),
    )
    policy = ctx.settings.policy.model_dump(exclude={"enforce", "max_auto_deletions"})
    content = plan_content(plan, frames.contacts, policy)
    plan_id = plan_id_of(content)
    plans.save(
        conn,
        plan_id=plan_id,
        content=content,
        created_at=ctx.wall_now(),
        as_of=ctx.now(),
        pull_id=pull_id,
    )
    emails = dict(zip(frames.contacts["contact_id"], frames.contacts["email"], strict=True))
    folder = _write_plan_files(ctx.settings.reports.dir, plan_id, content, emails)
    return plan_id, content, folder


def service_list_ids(ctx: Context) -> frozenset[int]:
    """Lists whose active members are still purged by retention (SPEC 6 r2)."""
    return frozenset(item.id for item in ctx.settings.lists if item.basis == "service")


# Our own changes that leave a contact's deletion as planned (SPEC 6: a change made by
# rekisteri itself never counts as "changed since planning").
_OUR_CHANGES = (ActionType.UNSUBSCRIBE.value, ActionType.TAG.value)


def _delete_step(
    client: ActiveCampaignClient,
    entry: dict[str, Any],
    plan_id: str,
    clock: Any,
    *,
    changed_by_us: Any,
    restricted: frozenset[int] = frozenset(),
    service_list_ids: frozenset[int] = frozenset(),
) -> Step:
    contact_id = int(entry["contact_id"])
    must_be_inactive = entry["reason"] != "ERASURE_REQUEST"

    def send() -> Outcome:
        if contact_id in restricted:
            # Restricted (Art. 18) after the plan was made: storage only, so not deleted.
            return Outcome("skipped", {"note": "processing restricted since the plan was made"})
        try:
            contact, memberships = ac.get_contact(client, contact_id)
        except NotFoundError:
            # Already gone (e.g. deleted by a run that died before recording it): the plan's
            # goal holds, so the register must forget the person as after our own delete.
            return Outcome(detail={"verified": "404", "note": "already deleted"})
        changed = iso(contact.udate) != entry["udate"] and not changed_by_us(contact_id)
        # The same test as planning: a service list protects nobody, any other list does.
        active = any(
            m.status == LIST_STATUS_ACTIVE and m.list_id not in service_list_ids
            for m in memberships
        )
        if changed or (must_be_inactive and active):
            return Outcome("skipped", {"note": "contact changed since the plan was made"})
        return delete_verified(client, contact_id)

    def save(conn: sqlite3.Connection, outcome: Outcome) -> None:
        forget_deleted(conn, contact_id=contact_id, entry=entry, at=clock())

    subject = entry["suppression_key"] or str(contact_id)
    return Step(
        key=f"delete:{contact_id}:{plan_id}",
        type=ActionType.DELETE.value,
        subject=subject,
        rule=entry["reason"],
        send=send,
        verify=lambda: is_deleted(client, contact_id),
        save=save,
    )


def forget_deleted(
    conn: sqlite3.Connection, *, contact_id: int, entry: dict[str, Any], at: datetime
) -> None:
    """After a verified delete only the suppression row (if any) remains of the person."""
    row = conn.execute("SELECT email_norm FROM contacts WHERE id = ?", (contact_id,)).fetchone()
    mirror.forget_contacts(conn, [contact_id])
    audit.redact_personal_details(conn, [contact_id])
    if entry["suppress"] and entry["suppression_key"]:
        reason = "erasure-with-objection" if entry["reason"] == "ERASURE_REQUEST" else "objection"
        suppressions.add(
            conn, key=entry["suppression_key"], scope=entry["scope"], reason=reason, at=at
        )
    if row is None:
        return
    others = conn.execute(
        "SELECT 1 FROM contacts WHERE email_norm = ? LIMIT 1", (row[0],)
    ).fetchone()
    if others is None:
        # An erasure request the purge carried out is answered now (its pending row goes below).
        pending = conn.execute(
            "SELECT request_id FROM pending_erasures WHERE email_norm = ?", (row[0],)
        ).fetchall()
        for (request_id,) in pending:
            request_store.close(
                conn, request_id, status="done", answered_at=at, detail={"carried_out_by": "purge"}
            )
        ledger.forget_person(conn, row[0])


def apply_plan(
    ctx: Context,
    conn: sqlite3.Connection,
    plan_id: str,
    content: dict[str, Any],
    *,
    actor: str,
    planned_at: datetime,
) -> list[StepResult]:
    client = ctx.client()

    def changed_by_us(contact_id: int) -> bool:
        return audit.changed_by_us_since(
            conn, str(contact_id), since=planned_at, types=_OUR_CHANGES
        )

    restricted = restrictions.restricted_contact_ids(conn)
    steps = [
        _delete_step(
            client,
            e,
            plan_id,
            ctx.wall_now,
            changed_by_us=changed_by_us,
            restricted=restricted,
            service_list_ids=service_list_ids(ctx),
        )
        for e in content["entries"]
    ]
    results = execute(conn, steps, run_id=ctx.run_id, actor=actor, clock=ctx.wall_now)
    plans.set_status(conn, plan_id, "applied")
    return results


def _reasons(content: dict[str, Any]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for entry in content["entries"]:
        counts[entry["reason"]] = counts.get(entry["reason"], 0) + 1
    return dict(sorted(counts.items()))


def _rows(results: list[StepResult], content: dict[str, Any]) -> list[dict[str, Any]]:
    if results:
        ids = {f"delete:{e['contact_id']}": e["contact_id"] for e in content["entries"]}
        return [
            {
                "type": "delete",
                "contact_id": ids[r.key.rsplit(":", 1)[0]],
                "list_id": None,
                "rule": r.rule,
                "result": r.result,
            }
            for r in results
        ]
    return [
        {
            "type": "delete",
            "contact_id": e["contact_id"],
            "list_id": None,
            "rule": e["reason"],
            "result": "planned",
        }
        for e in content["entries"]
    ]


@dataclass(frozen=True)
class PreparedPlan:
    """A saved plan and whether this run applies it (SPEC 6: what a run plans, it deletes)."""

    plan_id: str
    content: dict[str, Any]
    folder: Path | None
    planned_at: datetime
    applies: bool

    @property
    def contact_ids(self) -> frozenset[int]:
        return frozenset(int(e["contact_id"]) for e in self.content["entries"])


def load_approved(ctx: Context, conn: sqlite3.Connection, plan_id: str) -> dict[str, Any]:
    """A saved plan a person approved; its id must still be the hash of what is stored."""
    saved = plans.load(conn, plan_id)
    if saved is None:
        raise SafetyStop(f"purge: plan {plan_id} not found; run 'rekisteri purge' again")
    if plan_id_of(saved["content"]) != plan_id:
        # Someone edited the stored plan: it is no longer the plan a person approved.
        raise SafetyStop(
            f"purge: plan {plan_id} does not match its content (changed after it was made);"
            " nothing deleted; run 'rekisteri purge' for a new plan"
        )
    return saved


def prepare(
    ctx: Context, conn: sqlite3.Connection, *, apply: bool, plan_id: str | None
) -> PreparedPlan:
    """The plan this run works on: a person's approved one, or a fresh one from the register.

    Without --plan a fresh plan is applied only within max_auto_deletions; with --plan ID a
    person approved that exact plan, whatever its size.
    """
    if plan_id is not None:
        saved = load_approved(ctx, conn, plan_id)
        if apply:
            check_pull(
                conn, wall_now=ctx.wall_now(), stale_after_hours=ctx.settings.sync.stale_after_hours
            )
        return PreparedPlan(
            plan_id, saved["content"], None, datetime.fromisoformat(saved["created_at"]), apply
        )
    planned_at = ctx.wall_now()
    plan_id, content, folder = make_plan(ctx, conn)
    within = len(content["entries"]) <= ctx.settings.policy.max_auto_deletions
    return PreparedPlan(plan_id, content, folder, planned_at, apply and within)


def carry_out(
    ctx: Context, conn: sqlite3.Connection, prepared: PreparedPlan, *, apply: bool, actor: str
) -> PurgeOutcome:
    """Apply a prepared plan when it may be applied; otherwise report it as waiting."""
    plan_id, content, folder = prepared.plan_id, prepared.content, prepared.folder
    count = len(content["entries"])
    if not prepared.applies:
        needs_approval = apply  # a fresh plan above max_auto_deletions waits for a person
        log.info("purge: plan %s with %d contacts (not applied)", plan_id, count)
        return PurgeOutcome(
            plan_id, count, _reasons(content), False, needs_approval, _rows([], content), folder
        )
    results = apply_plan(ctx, conn, plan_id, content, actor=actor, planned_at=prepared.planned_at)
    log.info(
        "purge: plan %s applied, %d deleted", plan_id, sum(1 for r in results if r.result == "done")
    )
    return PurgeOutcome(
        plan_id, count, _reasons(content), True, False, _rows(results, content), folder
    )


def run_purge(
    ctx: Context,
    *,
    apply: bool,
    plan_id: str | None,
    actor: str = "user",
    conn: sqlite3.Connection | None = None,
) -> PurgeOutcome:
    """Plan (or load the approved plan) and apply it when allowed; see `prepare`."""
    own = conn is None
    if conn is None:
        conn = ctx.open_register()
    try:
        prepared = prepare(ctx, conn, apply=apply, plan_id=plan_id)
        return carry_out(ctx, conn, prepared, apply=apply, actor=actor)
    finally:
        if own:
            conn.close()
