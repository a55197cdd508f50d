"""The tenacity policy on its own: which errors are retried, and how long it waits."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tenacity import RetryCallState, wait_fixed

from sync.activecampaign.errors import (
    ActiveCampaignError,
    ApiValidationError,
    AuthError,
    MalformedResponseError,
    NotFoundError,
    RateLimitedError,
    ServerError,
    TransportError,
)
from sync.activecampaign.retry import (
    BACKOFF_MAX_SECONDS,
    RETRY_AFTER_CAP_SECONDS,
    build_retrying,
    wait_retry_after,
)


class Script:
    """A callable that raises the scripted errors in turn, then returns "ok"."""

    def __init__(self, *errors: ActiveCampaignError) -> None:
        self.errors = list(errors)
        self.calls = 0

    def __call__(self) -> str:
        self.calls += 1
        if self.errors:
            raise self.errors.pop(0)
        return "ok"


def _run(script: Script, *, max_attempts: int = 6) -> tuple[object, int, list[float]]:
    """Outcome (result or error type), calls made, sleeps asked for."""
    sleeps: list[float] = []
    retrying = build_retrying(max_attempts=max_attempts, sleep=sleeps.append)
    try:
        outcome: object = retrying(script)
    except ActiveCampaignError as exc:
        outcome = type(exc)
    return outcome, script.calls, sleeps


def _forbidden() -> AuthError:
    return AuthError("GET /api/3/lists: HTTP 403 forbidden (check the API token)", status=403)


def test_rate_limit_waits_exactly_retry_after() -> None:
    """A 429 with Retry-After: 3 is followed by a 3 s sleep, then success."""
    script = Script(RateLimitedError("429", retry_after=3.0))
    assert _run(script) == ("ok", 2, [3.0])


def test_retry_after_is_capped() -> None:
    """An absurd Retry-After is cut to the cap."""
    script = Script(RateLimitedError("429", retry_after=86_400.0))
    assert _run(script) == ("ok", 2, [RETRY_AFTER_CAP_SECONDS])


def test_backoff_grows_with_jitter_within_bounds() -> None:
    """Without Retry-After the waits double from 0.5 s, plus at most 0.5 s jitter, up to 8 s."""
    script = Script(*[ServerError("503", status=503) for _ in range(6)])
    outcome, calls, sleeps = _run(script, max_attempts=7)
    lower = [0.5, 1.0, 2.0, 4.0, 7.5, 7.5]
    assert (outcome, calls, len(sleeps)) == ("ok", 7, 6)
    assert all(
        low <= slept <= low + 0.5 <= BACKOFF_MAX_SECONDS
        for low, slept in zip(lower, sleeps, strict=True)
    )


@pytest.mark.parametrize(
    "error",
    [
        RateLimitedError("429", retry_after=None),
        ServerError("500", status=500),
        TransportError("reset"),
    ],
)
def test_retryable_errors_stop_after_max_attempts(error: ActiveCampaignError) -> None:
    """A failure that never clears is re-raised as itself after max_attempts tries."""
    script = Script(*[error for _ in range(10)])
    outcome, calls, sleeps = _run(script, max_attempts=4)
    assert (outcome, calls, len(sleeps)) == (type(error), 4, 3)


@pytest.mark.parametrize(
    "error",
    [
        NotFoundError("404", status=404),
        ApiValidationError("422", status=422),
        MalformedResponseError("bad"),
        AuthError("401", status=401),
    ],
)
def test_fatal_errors_are_not_retried(error: ActiveCampaignError) -> None:
    """Fatal errors surface on the first attempt, with no sleep."""
    assert _run(Script(error)) == (type(error), 1, [])


def test_one_403_is_retried() -> None:
    """An intermittent 403 gets one more try."""
    outcome, calls, sleeps = _run(Script(_forbidden()))
    assert (outcome, calls, len(sleeps)) == ("ok", 2, 1)


def test_second_403_is_an_auth_error() -> None:
    """A 403 that comes back is final, even with attempts left."""
    outcome, calls, sleeps = _run(Script(_forbidden(), _forbidden()))
    assert (outcome, calls, len(sleeps)) == (AuthError, 2, 1)


def test_403_allowance_counts_across_other_retries() -> None:
    """A 403, a 5xx, then another 403 in one call ends in AuthError after three tries."""
    script = Script(_forbidden(), ServerError("502", status=502), _forbidden())
    outcome, calls, _ = _run(script)
    assert (outcome, calls) == (AuthError, 3)


def test_each_call_gets_its_own_403_allowance() -> None:
    """A fresh policy per call: one 403 in each of two calls is retried both times."""
    first, second = Script(_forbidden()), Script(_forbidden())
    assert [_run(first)[:2], _run(second)[:2]] == [("ok", 2), ("ok", 2)]


def test_wait_retry_after_defers_to_fallback_for_other_errors() -> None:
    """Only a rate limit with Retry-After overrides the fallback wait."""
    wait = wait_retry_after(wait_fixed(1.25), cap=10.0)
    sleeps: list[float] = []
    retrying = build_retrying(max_attempts=3, sleep=sleeps.append, wait=wait)
    retrying(Script(ServerError("500", status=500), RateLimitedError("429", retry_after=60.0)))
    assert sleeps == [1.25, 10.0]


def test_max_attempts_must_be_positive() -> None:
    """Zero attempts is a configuration error."""
    with pytest.raises(ValueError, match="max_attempts must be at least 1"):
        build_retrying(max_attempts=0)


def test_before_sleep_sees_each_retry() -> None:
    """The hook the client counts retries with runs once per retry."""
    seen: list[int] = []
    hook: Callable[[RetryCallState], None] = lambda state: seen.append(state.attempt_number)  # noqa: E731
    retrying = build_retrying(max_attempts=5, sleep=lambda _: None, before_sleep=hook)
    retrying(Script(TransportError("a"), TransportError("b")))
    assert seen == [1, 2]
