"""The account-wide rate limits (token bucket, strict rolling window), the seeded latency
jitter and the seeded fault plan of the simulator."""

from __future__ import annotations

import math
import random
import threading
import time
from collections import deque
from collections.abc import Callable
from enum import StrEnum


class TokenBucket:
    """`rate` requests per second with bursts of up to `rate` (at least 1) requests."""

    def __init__(self, rate: float, *, clock: Callable[[], float] = time.monotonic) -> None:
        if rate <= 0:
            raise ValueError("rate must be > 0 (use no bucket to disable the limit)")
        self.rate = rate
        self.capacity = max(rate, 1.0)
        self._tokens = self.capacity
        self._clock = clock
        self._updated = clock()
        self._lock = threading.Lock()

    def take(self) -> tuple[bool, float]:
        """(allowed, tokens left); an allowed request uses one token."""
        with self._lock:
            now = self._clock()
            elapsed = max(now - self._updated, 0.0)
            self._tokens = min(self.capacity, self._tokens + elapsed * self.rate)
            self._updated = now
            if self._tokens >= 1.0:
                self._tokens -= 1.0
                return True, self._tokens
            return False, self._tokens

    def retry_after(self, tokens: float) -> int:
        """Whole seconds until one token is back (at least 1)."""
        return max(1, math.ceil((1.0 - tokens) / self.rate))


DOCUMENTED_RETRY_AFTER = 30


class RollingWindow:
    """At most `rate` requests admitted in any rolling second (t - 1, t], counted at arrival.

    Stricter than the bucket: no burst, and refused requests do not count (ActiveCampaign's
    docs promise no more, so the client must not rely on more).
    """

    def __init__(self, rate: float, *, clock: Callable[[], float] = time.monotonic) -> None:
        if rate <= 0:
            raise ValueError("rate must be > 0 (use no limit to disable it)")
        self.rate = rate
        self._allowed = max(1, math.floor(rate))
        self._clock = clock
        self._admitted: deque[float] = deque()
        self._lock = threading.Lock()

    def take(self) -> tuple[bool, float]:
        """(allowed, admissions left in the current second)."""
        with self._lock:
            now = self._clock()
            while self._admitted and self._admitted[0] <= now - 1.0:
                self._admitted.popleft()
            if len(self._admitted) < self._allowed:
                self._admitted.append(now)
                return True, float(self._allowed - len(self._admitted))
            return False, 0.0

    def retry_after(self, tokens: float) -> int:
        """ActiveCampaign's documented example: pause for 30 s."""
        return DOCUMENTED_RETRY_AFTER


class Limit(StrEnum):
    BUCKET = "bucket"
    WINDOW = "window"


RateLimiter = TokenBucket | RollingWindow


def build_limiter(rate: float, limit: Limit | str) -> RateLimiter | None:
    """The limiter for `rate` (0 = unlimited) in the named mode."""
    if rate <= 0:
        return None
    return RollingWindow(rate) if Limit(limit) is Limit.WINDOW else TokenBucket(rate)


class Latency:
    """Seeded per-request delay: `mean` ± `jitter` seconds, uniform; 0 ± 0 sleeps never."""

    def __init__(self, mean: float, jitter: float, seed: int) -> None:
        if mean < 0 or jitter < 0 or jitter > mean:
            raise ValueError("latency must be >= 0 and jitter at most the latency")
        self.mean, self.jitter = mean, jitter
        self._rng = random.Random(seed)
        self._lock = threading.Lock()

    def draw(self) -> float:
        if self.mean <= 0:
            return 0.0
        with self._lock:
            return self._rng.uniform(self.mean - self.jitter, self.mean + self.jitter)


class Fault(StrEnum):
    INTERNAL_ERROR = "500"
    BAD_GATEWAY = "502"
    UNAVAILABLE = "503"
    RESET = "reset"  # the connection is closed with a TCP RST, no response
    SLOW = "slow"  # sleeps `timeout_delay`, then answers 504 without doing anything


FAULT_STATUS = {
    Fault.INTERNAL_ERROR: (500, "Internal Server Error"),
    Fault.BAD_GATEWAY: (502, "Bad Gateway"),
    Fault.UNAVAILABLE: (503, "Service Unavailable"),
    Fault.SLOW: (504, "Gateway Timeout"),
}


class FaultPlan:
    """Decides per request, in arrival order, whether it fails; seeded, so repeatable."""

    def __init__(self, probability: float, seed: int) -> None:
        if not 0.0 <= probability <= 1.0:
            raise ValueError("faults must be between 0 and 1")
        self.probability = probability
        self._rng = random.Random(seed)
        self._lock = threading.Lock()

    def draw(self) -> Fault | None:
        if self.probability <= 0.0:
            return None
        with self._lock:
            roll, kind = self._rng.random(), self._rng.choice(list(Fault))
        return kind if roll < self.probability else None
