"""Apply changes in ActiveCampaign one step at a time, resumable after a crash.

Each step is written to the audit log as `intent` before it is sent and as `done`, `skipped`
or `failed` after. A step whose key already ended `done`/`skipped` is never sent again; a step
left at `intent` (the process died mid-call) is first checked against ActiveCampaign.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sync.activecampaign.errors import AuthError, FatalApiError, NotFoundError, RetryableApiError
from sync.register import audit
from sync.register.db import transaction


@dataclass(frozen=True)
class Outcome:
    result: str = audit.DONE
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Step:
    key: str
    type: str
    subject: str
    rule: str
    send: Callable[[], Outcome]
    list_id: int | None = None
    verify: Callable[[], bool] | None = None
    save: Callable[[sqlite3.Connection, Outcome], None] | None = None
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class StepResult:
    key: str
    type: str
    subject: str
    list_id: int | None
    rule: str
    result: str
    detail: dict[str, Any]


def _finish(
    conn: sqlite3.Connection,
    step: Step,
    outcome: Outcome,
    *,
    run_id: str,
    actor: str,
    at: datetime,
) -> StepResult:
    with transaction(conn):
        audit.record(
            conn,
            at=at,
            run_id=run_id,
            action_key=step.key,
            phase=outcome.result,
            type=step.type,
            subject=step.subject,
            list_id=step.list_id,
            rule=step.rule,
            actor=actor,
            detail=outcome.detail,
        )
        if step.save is not None and outcome.result == audit.DONE:
            step.save(conn, outcome)
    return StepResult(
        step.key,
        step.type,
        step.subject,
        step.list_id,
        step.rule,
        outcome.result,
        outcome.detail,
    )


def execute(
    conn: sqlite3.Connection,
    steps: Iterable[Step],
    *,
    run_id: str,
    actor: str,
    clock: Callable[[], datetime],
    on_step: Callable[[StepResult], None] | None = None,
) -> list[StepResult]:
    """Run the steps in order. Auth errors and outages stop the run after recording them."""
    steps = list(steps)
    phases = audit.last_phases(conn, [step.key for step in steps])
    results: list[StepResult] = []
    for step in steps:
        phase = phases.get(step.key)
        if phase in audit.FINAL:
            result = StepResult(
                step.key,
                step.type,
                step.subject,
                step.list_id,
                step.rule,
                str(phase),
                {"note": "already recorded by an earlier run"},
            )
        elif phase == audit.INTENT and step.verify is not None and step.verify():
            result = _finish(
                conn,
                step,
                Outcome(audit.DONE, {"note": "resumed: change found in place"}),
                run_id=run_id,
                actor=actor,
                at=clock(),
            )
        else:
            result = _send(conn, step, run_id=run_id, actor=actor, clock=clock)
        results.append(result)
        if on_step is not None:
            on_step(result)
    return results


def _send(
    conn: sqlite3.Connection,
    step: Step,
    *,
    run_id: str,
    actor: str,
    clock: Callable[[], datetime],
) -> StepResult:
    audit.record(
        conn,
        at=clock(),
        run_id=run_id,
        action_key=step.key,
        phase=audit.INTENT,
        type=step.type,
        subject=step.subject,
        list_id=step.list_id,
        rule=step.rule,
        actor=actor,
        detail=step.detail,
    )
    try:
        outcome = step.send()
    except NotFoundError:
        outcome = Outcome(audit.SKIPPED, {"note": "not found in ActiveCampaign"})
    except (AuthError, RetryableApiError) as exc:
        _finish(
            conn,
            step,
            Outcome(audit.FAILED, {"error": str(exc)}),
            run_id=run_id,
            actor=actor,
            at=clock(),
        )
        raise
    except FatalApiError as exc:
        outcome = Outcome(audit.FAILED, {"error": str(exc)})
    return _finish(conn, step, outcome, run_id=run_id, actor=actor, at=clock())
