"""sync/executor.py: intent before, outcome after, nothing sent twice, crashes resumed."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from sync.activecampaign.errors import (
    ApiValidationError,
    AuthError,
    NotFoundError,
    RateLimitedError,
    ServerError,
)
from sync.executor import Outcome, Step, StepResult, execute
from sync.register import connect
from sync.register.audit import last_phases

RUN = "run-1"
ACTOR = "nightly"


class Crash(BaseException):
    """The process dying mid-call: not an Exception, so nothing on the way catches it."""


class Clock:
    """A clock that moves one second per reading."""

    def __init__(self) -> None:
        self.now = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


@dataclass
class Calls:
    """What the fake steps were asked to do, in order."""

    sent: list[str] = field(default_factory=list)
    verified: list[str] = field(default_factory=list)
    saved: list[tuple[str, str]] = field(default_factory=list)


@pytest.fixture(name="conn")
def _conn(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    conn = connect(tmp_path / "register.sqlite")
    yield conn
    conn.close()


@pytest.fixture(name="calls")
def _calls() -> Calls:
    return Calls()


def make_step(
    calls: Calls,
    key: str,
    *,
    send: Callable[[], Outcome] | None = None,
    verify: bool | None = None,
    save: bool = False,
) -> Step:
    """A fake unsubscribe step that records its send/verify/save calls in `calls`."""

    def do_send() -> Outcome:
        calls.sent.append(key)
        return send() if send is not None else Outcome(detail={"sent": key})

    def do_verify() -> bool:
        calls.verified.append(key)
        return bool(verify)

    def do_save(conn: sqlite3.Connection, outcome: Outcome) -> None:
        calls.saved.append((key, outcome.result))

    return Step(
        key=key,
        type="unsubscribe",
        subject=key.split(":")[-1],
        rule="NO_BASIS",
        send=do_send,
        list_id=1,
        verify=do_verify if verify is not None else None,
        save=do_save if save else None,
    )


def raising(error: BaseException) -> Callable[[], Outcome]:
    """A send that fails with `error`."""

    def send() -> Outcome:
        raise error

    return send


def run(conn: sqlite3.Connection, steps: list[Step], clock: Clock | None = None) -> list[str]:
    """Execute the steps; return (key, result) strings in order."""
    results = execute(conn, steps, run_id=RUN, actor=ACTOR, clock=clock or Clock())
    return [f"{result.key}={result.result}" for result in results]


def audit_rows(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(action_key, phase) of every audit row, in the order written."""
    return [
        tuple(row) for row in conn.execute("SELECT action_key, phase FROM audit_log ORDER BY seq")
    ]


def test_each_step_is_recorded_as_intent_then_done(conn: sqlite3.Connection, calls: Calls) -> None:
    """Two fresh steps are sent once each; the audit log holds exactly intent, done per key."""
    steps = [make_step(calls, "unsub:1:10"), make_step(calls, "unsub:1:11")]

    results = run(conn, steps)

    assert results == ["unsub:1:10=done", "unsub:1:11=done"]
    assert calls.sent == ["unsub:1:10", "unsub:1:11"]
    assert audit_rows(conn) == [
        ("unsub:1:10", "intent"),
        ("unsub:1:10", "done"),
        ("unsub:1:11", "intent"),
        ("unsub:1:11", "done"),
    ]


def test_audit_row_carries_the_step_fields(conn: sqlite3.Connection, calls: Calls) -> None:
    """The intent row holds the step's detail, the done row the outcome's, both in UTC text."""
    step = make_step(calls, "unsub:1:10")
    step = replace(step, detail={"reason": "no consent"})

    run(conn, [step])

    rows = [
        dict(row)
        for row in conn.execute(
            "SELECT at, run_id, action_key, phase, type, subject, list_id, rule, actor, detail"
            " FROM audit_log ORDER BY seq"
        )
    ]
    common = {
        "run_id": RUN,
        "action_key": "unsub:1:10",
        "type": "unsubscribe",
        "subject": "10",
        "list_id": 1,
        "rule": "NO_BASIS",
        "actor": ACTOR,
    }
    assert rows == [
        {
            **common,
            "at": "2025-06-01T12:00:01+00:00",
            "phase": "intent",
            "detail": '{"reason": "no consent"}',
        },
        {
            **common,
            "at": "2025-06-01T12:00:02+00:00",
            "phase": "done",
            "detail": '{"sent": "unsub:1:10"}',
        },
    ]


def test_done_step_is_never_sent_again(conn: sqlite3.Connection, calls: Calls) -> None:
    """A second execute of the same steps sends nothing and writes no audit row."""
    steps = [make_step(calls, "unsub:1:10", verify=False), make_step(calls, "unsub:1:11")]
    run(conn, steps)
    before = audit_rows(conn)

    results = execute(conn, steps, run_id="run-2", actor=ACTOR, clock=Clock())

    assert calls.sent == ["unsub:1:10", "unsub:1:11"]
    assert calls.verified == []
    assert audit_rows(conn) == before
    note = {"note": "already recorded by an earlier run"}
    assert results == [
        StepResult("unsub:1:10", "unsubscribe", "10", 1, "NO_BASIS", "done", note),
        StepResult("unsub:1:11", "unsubscribe", "11", 1, "NO_BASIS", "done", note),
    ]


def test_skipped_step_is_not_sent_again(conn: sqlite3.Connection, calls: Calls) -> None:
    """A step that ended `skipped` (404) counts as final too."""
    step = make_step(calls, "delete:10", send=raising(NotFoundError("DELETE x: HTTP 404")))
    run(conn, [step])

    assert run(conn, [step]) == ["delete:10=skipped"]
    assert calls.sent == ["delete:10"]


@pytest.fixture(name="crashed")
def _crashed(conn: sqlite3.Connection, calls: Calls) -> Calls:
    """The register after a run that died inside the send of `unsub:1:10`."""
    with pytest.raises(Crash):
        run(conn, [make_step(calls, "unsub:1:10", send=raising(Crash()), verify=True)])
    assert (audit_rows(conn), last_phases(conn, ["unsub:1:10"])) == (
        [("unsub:1:10", "intent")],
        {"unsub:1:10": "intent"},
    )
    calls.sent.clear()
    return calls


def test_intent_only_step_found_in_place_is_not_resent(
    conn: sqlite3.Connection, crashed: Calls
) -> None:
    """On resume, verify() True marks the step done without sending it again."""
    step = make_step(crashed, "unsub:1:10", verify=True, save=True)

    results = execute(conn, [step], run_id="run-2", actor=ACTOR, clock=Clock())

    assert results == [
        StepResult(
            "unsub:1:10",
            "unsubscribe",
            "10",
            1,
            "NO_BASIS",
            "done",
            {"note": "resumed: change found in place"},
        ),
    ]
    assert (crashed.sent, crashed.verified, crashed.saved) == (
        [],
        ["unsub:1:10"],
        [("unsub:1:10", "done")],
    )
    assert audit_rows(conn) == [("unsub:1:10", "intent"), ("unsub:1:10", "done")]


def test_intent_only_step_not_in_place_is_resent(conn: sqlite3.Connection, crashed: Calls) -> None:
    """On resume, verify() False sends the step again under a fresh intent row."""
    step = make_step(crashed, "unsub:1:10", verify=False)

    assert run(conn, [step]) == ["unsub:1:10=done"]
    assert (crashed.sent, crashed.verified) == (["unsub:1:10"], ["unsub:1:10"])
    assert audit_rows(conn) == [
        ("unsub:1:10", "intent"),
        ("unsub:1:10", "intent"),
        ("unsub:1:10", "done"),
    ]


def test_intent_only_step_without_verify_is_resent(
    conn: sqlite3.Connection, crashed: Calls
) -> None:
    """A step that cannot be verified is sent again."""
    step = make_step(crashed, "unsub:1:10")

    assert run(conn, [step]) == ["unsub:1:10=done"]
    assert (crashed.sent, crashed.verified) == (["unsub:1:10"], [])


def test_not_found_is_skipped(conn: sqlite3.Connection, calls: Calls) -> None:
    """A 404 from the send records `skipped` and the run goes on; save is not called."""
    steps = [
        make_step(calls, "delete:10", send=raising(NotFoundError("DELETE x: 404")), save=True),
        make_step(calls, "delete:11", save=True),
    ]

    assert run(conn, steps) == ["delete:10=skipped", "delete:11=done"]
    assert calls.saved == [("delete:11", "done")]
    assert audit_rows(conn) == [
        ("delete:10", "intent"),
        ("delete:10", "skipped"),
        ("delete:11", "intent"),
        ("delete:11", "done"),
    ]


def test_fatal_error_fails_the_step_and_the_run_goes_on(
    conn: sqlite3.Connection, calls: Calls
) -> None:
    """A FatalApiError records `failed` with its message and the next step is still sent."""
    error = ApiValidationError("POST /api/3/contactLists: HTTP 422 unprocessable", status=422)
    steps = [
        make_step(calls, "unsub:1:10", send=raising(error), save=True),
        make_step(calls, "unsub:1:11"),
    ]

    results = execute(conn, steps, run_id=RUN, actor=ACTOR, clock=Clock())

    assert [(r.key, r.result, r.detail) for r in results] == [
        ("unsub:1:10", "failed", {"error": "POST /api/3/contactLists: HTTP 422 unprocessable"}),
        ("unsub:1:11", "done", {"sent": "unsub:1:11"}),
    ]
    assert calls.saved == []
    assert audit_rows(conn) == [
        ("unsub:1:10", "intent"),
        ("unsub:1:10", "failed"),
        ("unsub:1:11", "intent"),
        ("unsub:1:11", "done"),
    ]


def test_failed_step_is_tried_again_next_run(conn: sqlite3.Connection, calls: Calls) -> None:
    """`failed` is not final: the next run sends the step again."""
    outcomes = iter([ApiValidationError("x", status=422), None])

    def send() -> Outcome:
        error = next(outcomes)
        if error is not None:
            raise error
        return Outcome()

    step = make_step(calls, "unsub:1:10", send=send)
    run(conn, [step])

    assert run(conn, [step]) == ["unsub:1:10=done"]
    assert calls.sent == ["unsub:1:10", "unsub:1:10"]


@pytest.mark.parametrize(
    "error",
    [
        pytest.param(
            AuthError("GET /api/3/contacts: HTTP 401 unauthorized", status=401), id="auth"
        ),
        pytest.param(
            ServerError("GET /api/3/contacts: HTTP 503 server error", status=503), id="server"
        ),
        pytest.param(
            RateLimitedError("GET /api/3/contacts: HTTP 429", retry_after=None), id="rate-limited"
        ),
    ],
)
def test_auth_and_retryable_errors_are_recorded_then_raised(
    conn: sqlite3.Connection, calls: Calls, error: Exception
) -> None:
    """Auth errors and outages write `failed`, then stop the run: later steps are not sent."""
    reported: list[StepResult] = []
    steps = [
        make_step(calls, "unsub:1:10"),
        make_step(calls, "unsub:1:11", send=raising(error), save=True),
        make_step(calls, "unsub:1:12"),
    ]

    with pytest.raises(type(error)) as caught:
        execute(conn, steps, run_id=RUN, actor=ACTOR, clock=Clock(), on_step=reported.append)

    assert caught.value is error
    assert ([r.key for r in reported], calls.sent, calls.saved) == (
        ["unsub:1:10"],
        ["unsub:1:10", "unsub:1:11"],
        [],
    )
    assert audit_rows(conn) == [
        ("unsub:1:10", "intent"),
        ("unsub:1:10", "done"),
        ("unsub:1:11", "intent"),
        ("unsub:1:11", "failed"),
    ]
    detail = conn.execute("SELECT detail FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()[0]
    assert detail == f'{{"error": "{error}"}}'


def test_save_runs_in_the_done_transaction(conn: sqlite3.Connection) -> None:
    """save() sees the uncommitted `done` row inside an open transaction."""
    seen: list[tuple[bool, list[tuple[str, str]]]] = []

    def save(inner: sqlite3.Connection, outcome: Outcome) -> None:
        seen.append((inner.in_transaction, audit_rows(inner)))

    step = Step(
        key="unsub:1:10",
        type="unsubscribe",
        subject="10",
        rule="NO_BASIS",
        send=lambda: Outcome(),
        save=save,
    )

    run(conn, [step])

    assert seen == [(True, [("unsub:1:10", "intent"), ("unsub:1:10", "done")])]
    assert conn.in_transaction is False


def test_failing_save_rolls_back_the_done_row(conn: sqlite3.Connection, calls: Calls) -> None:
    """If save() fails, the `done` row goes with it and the step stays resumable at intent."""

    def save(inner: sqlite3.Connection, outcome: Outcome) -> None:
        inner.execute("INSERT INTO meta(key, value) VALUES ('saved', 'yes')")
        raise RuntimeError("disk full")

    step = Step(
        key="unsub:1:10",
        type="unsubscribe",
        subject="10",
        rule="NO_BASIS",
        send=lambda: Outcome(),
        save=save,
    )

    with pytest.raises(RuntimeError):
        run(conn, [step])

    assert audit_rows(conn) == [("unsub:1:10", "intent")]
    assert conn.execute("SELECT value FROM meta WHERE key = 'saved'").fetchall() == []
    assert conn.in_transaction is False


def test_save_gets_the_send_outcome(conn: sqlite3.Connection) -> None:
    """save() receives exactly the Outcome the send returned."""
    outcome = Outcome(detail={"tag": "gdpr-objection"})
    received: list[Outcome] = []
    step = Step(
        key="tag:10",
        type="tag",
        subject="10",
        rule="OBJECTION",
        send=lambda: outcome,
        save=lambda _conn, got: received.append(got),
    )

    run(conn, [step])

    assert received == [outcome]


def test_send_returning_failed_is_recorded_without_save(
    conn: sqlite3.Connection, calls: Calls
) -> None:
    """A send that reports `failed` itself (e.g. a re-read mismatch) is not saved."""
    step = make_step(
        calls,
        "rectify:10",
        send=lambda: Outcome("failed", {"error": "re-read differs"}),
        save=True,
    )

    assert run(conn, [step]) == ["rectify:10=failed"]
    assert (calls.saved, audit_rows(conn)) == (
        [],
        [("rectify:10", "intent"), ("rectify:10", "failed")],
    )


def test_on_step_sees_every_result_in_order(conn: sqlite3.Connection, calls: Calls) -> None:
    """on_step is called once per step with the same results execute returns."""
    reported: list[StepResult] = []
    steps = [
        make_step(calls, "delete:10", send=raising(NotFoundError("x"))),
        make_step(calls, "delete:11"),
    ]

    results = execute(conn, steps, run_id=RUN, actor=ACTOR, clock=Clock(), on_step=reported.append)

    assert reported == results
