"""The account-wide rate limit (token bucket) and the seeded fault plan of the simulator."""

from __future__ import annotations

import math
import random
import threading
import time
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
