"""The one tenacity policy for ActiveCampaign calls.

Retried: every ``RetryableApiError`` (429, 5xx, broken transport) and a first 403, because
ActiveCampaign answers valid tokens with intermittent 403s; a second 403 is an ``AuthError``.
Waits honour ``Retry-After`` (capped) and otherwise back off exponentially with jitter.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from tenacity import (
    RetryCallState,
    Retrying,
    retry_base,
    retry_if_exception_type,
    stop_after_attempt,
    wait_exponential,
    wait_random,
)
from tenacity.wait import wait_base

from sync.activecampaign.errors import AuthError, RateLimitedError, RetryableApiError

# ActiveCampaign documents Retry-After: 30; an absurd wish (an hour, a date next year) is
# capped so a nightly run never stalls for longer than this per refusal.
RETRY_AFTER_CAP_SECONDS = 120.0
BACKOFF_INITIAL_SECONDS = 0.5
BACKOFF_MAX_SECONDS = 8.0
BACKOFF_JITTER_SECONDS = 0.5


def _last_exception(retry_state: RetryCallState) -> BaseException | None:
    outcome = retry_state.outcome
    if outcome is None or not outcome.failed:
        return None
    return outcome.exception()


def capped_retry_after(seconds: float | None, cap: float = RETRY_AFTER_CAP_SECONDS) -> float | None:
    """The server's wish within [0, cap]; None when it said nothing usable."""
    if seconds is None:
        return None
    return min(max(seconds, 0.0), cap)


class wait_retry_after(wait_base):  # lower case like tenacity's own waits
    """Wait what a 429's Retry-After asks (capped); otherwise defer to ``fallback``."""

    def __init__(self, fallback: wait_base, *, cap: float = RETRY_AFTER_CAP_SECONDS) -> None:
        self.fallback = fallback
        self.cap = cap

    def __call__(self, retry_state: RetryCallState) -> float:
        error = _last_exception(retry_state)
        if isinstance(error, RateLimitedError) and error.retry_after is not None:
            return float(capped_retry_after(error.retry_after, self.cap) or 0.0)
        return float(self.fallback(retry_state))


class retry_forbidden_once(retry_base):
    """Retry the first 403 of one call, never a second (one instance per call)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._seen = 0

    def __call__(self, retry_state: RetryCallState) -> bool:
        error = _last_exception(retry_state)
        if not (isinstance(error, AuthError) and error.status == 403):
            return False
        with self._lock:
            self._seen += 1
            return self._seen == 1


def default_wait() -> wait_base:
    """Retry-After when given, else 0.5 s doubling, plus up to 0.5 s of jitter, at most 8 s."""
    # Composed from the long-stable waits: wait_exponential_jitter's signature changed in 9.x.
    backoff = wait_exponential(
        multiplier=BACKOFF_INITIAL_SECONDS, max=BACKOFF_MAX_SECONDS - BACKOFF_JITTER_SECONDS
    ) + wait_random(0, BACKOFF_JITTER_SECONDS)
    return wait_retry_after(backoff)


def build_retrying(
    *,
    max_attempts: int,
    sleep: Callable[[float], None] = time.sleep,
    before_sleep: Callable[[RetryCallState], None] | None = None,
    wait: wait_base | None = None,
) -> Retrying:
    """A fresh ``Retrying`` for one call (the 403 allowance is per call)."""
    if max_attempts < 1:
        raise ValueError("max_attempts must be at least 1")
    return Retrying(
        retry=retry_if_exception_type(RetryableApiError) | retry_forbidden_once(),
        stop=stop_after_attempt(max_attempts),
        wait=wait if wait is not None else default_wait(),
        sleep=sleep,
        before_sleep=before_sleep,
        reraise=True,
    )
