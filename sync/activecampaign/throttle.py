"""Client-side rate limit: never more than ``rate`` requests in any 1-second window at the server.

ActiveCampaign allows 5 requests per second per account, shared by everything that uses the
account, so one throttle per account serves the whole process (``shared_throttle``; the jobs
layer builds it and hands it to the client).

Why not plain even spacing: the server counts requests when they *arrive*, and latency jitter
moves arrivals closer together than their send times, so evenly spaced sends still put a sixth
request into some rolling second and earn a 429 (and ``Retry-After: 30``). The one instant the
client knows a request has certainly arrived is when its answer is back. So a slot opens only
when fewer than ``rate`` of the recent requests could still share a second with it: a request
counts until one second (plus a small margin) after its answer came back, and in-flight
requests always count. Whatever the jitter, the server then never sees more than ``rate`` in
any second. Sends are also at least ``1/rate`` apart, so no burst reaches a token bucket.

When the server refuses anyway (another program on the same account), the rate halves and every
caller pauses for the server's ``Retry-After``; each answer that is not a refusal adds a little
back (additive increase, multiplicative decrease) until the configured ceiling.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager

Clock = Callable[[], float]
Sleep = Callable[[float], None]

WINDOW_SECONDS = 1.0
# Clock granularity and the server's own timestamping; latency is already covered by design.
MARGIN_SECONDS = 0.01
DECREASE_FACTOR = 0.5
# Rate added back per answer that was not a refusal, as a share of the ceiling.
INCREASE_SHARE = 0.02
FLOOR_SHARE = 0.1


class Throttle:
    """Hands out send slots; safe to share between threads."""

    def __init__(
        self,
        rate_per_second: float,
        *,
        clock: Clock = time.monotonic,
        sleep: Sleep = time.sleep,
        margin: float = MARGIN_SECONDS,
    ) -> None:
        if not rate_per_second > 0:
            raise ValueError("rate_per_second must be positive")
        self._ceiling = rate_per_second
        self._rate = rate_per_second
        self._clock = clock
        self._sleep = sleep
        self._margin = margin
        self._cond = threading.Condition()
        self._last_send: float | None = None
        self._paused_until = -math.inf
        self._in_flight = 0
        # Answer times of finished requests, oldest first; only the last `rate` matter.
        self._done: deque[float] = deque()

    @property
    def rate_per_second(self) -> float:
        """The current (adapted) rate; at most the ceiling."""
        return self._rate

    @property
    def ceiling(self) -> float:
        return self._ceiling

    def limit_to(self, rate_per_second: float) -> None:
        """Lower the ceiling (never raise it): the strictest configured limit wins."""
        if not rate_per_second > 0:
            raise ValueError("rate_per_second must be positive")
        with self._cond:
            self._ceiling = min(self._ceiling, rate_per_second)
            self._rate = min(self._rate, self._ceiling)

    def _per_window(self) -> int:
        return max(1, math.floor(self._rate + 1e-9))

    def _ready_at(self, now: float) -> float | None:
        """When a new request may leave, or None while in-flight requests fill the window."""
        allowed = self._per_window()
        if self._in_flight >= allowed:
            return None
        ready = max(now, self._paused_until)
        if self._last_send is not None:
            ready = max(ready, self._last_send + 1.0 / self._rate)
        # The oldest answer that still shares a window with us decides.
        need_gone = len(self._done) + self._in_flight - (allowed - 1)
        if need_gone > 0:
            ready = max(ready, self._done[need_gone - 1] + WINDOW_SECONDS + self._margin)
        return ready

    def acquire(self) -> float:
        """Block until a request may be sent; it counts as in flight until ``release``."""
        waited = 0.0
        with self._cond:
            while True:
                now = self._clock()
                ready = self._ready_at(now)
                if ready is not None and ready <= now:
                    break
                if ready is None:
                    # Wait for an in-flight answer (another thread releases and notifies).
                    self._cond.wait(timeout=0.05)
                    continue
                delay = ready - now
                waited += delay
                # Sleep without the lock so answers can still be released meanwhile.
                self._cond.release()
                try:
                    self._sleep(delay)
                finally:
                    self._cond.acquire()
            self._last_send = now
            self._in_flight += 1
        return waited

    def release(self) -> None:
        """The answer to an acquired request is back (or it failed for good)."""
        with self._cond:
            self._in_flight = max(0, self._in_flight - 1)
            self._done.append(self._clock())
            while len(self._done) > self._per_window() + 1:
                self._done.popleft()
            self._cond.notify_all()

    @contextmanager
    def slot(self) -> Iterator[None]:
        """``with throttle.slot(): send()`` — acquire before, release when the answer is in."""
        self.acquire()
        try:
            yield
        finally:
            self.release()

    def wait(self) -> float:
        """Acquire and release at once (callers that cannot tell when the answer came)."""
        waited = self.acquire()
        self.release()
        return waited

    def succeeded(self) -> None:
        """An answer that was not a refusal: recover a step towards the ceiling."""
        with self._cond:
            self._rate = min(self._ceiling, self._rate + self._ceiling * INCREASE_SHARE)

    def refused(self, retry_after: float | None) -> None:
        """A 429: halve the rate and make every caller wait ``retry_after`` seconds."""
        with self._cond:
            floor = self._ceiling * FLOOR_SHARE
            self._rate = max(floor, self._rate * DECREASE_FACTOR)
            if retry_after is not None and retry_after > 0:
                self._paused_until = max(self._paused_until, self._clock() + retry_after)


_shared: dict[str, Throttle] = {}
_shared_lock = threading.Lock()


def shared_throttle(key: str, rate_per_second: float) -> Throttle:
    """The process-wide throttle for one account (key: its normalised base URL)."""
    with _shared_lock:
        throttle = _shared.get(key)
        if throttle is None:
            throttle = _shared[key] = Throttle(rate_per_second)
        else:
            throttle.limit_to(rate_per_second)
        return throttle
