"""Client-side rate limit: requests leave evenly spaced, at most ``rate`` per second.

ActiveCampaign allows 5 requests per second per account, shared by everything that uses
the account, so one throttle per account serves the whole process (``shared_throttle``).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

Clock = Callable[[], float]
Sleep = Callable[[float], None]


class Throttle:
    """Hands out send slots ``1/rate`` seconds apart; safe to share between threads."""

    def __init__(
        self, rate_per_second: float, *, clock: Clock = time.monotonic, sleep: Sleep = time.sleep
    ) -> None:
        if not rate_per_second > 0:
            raise ValueError("rate_per_second must be positive")
        self._interval = 1.0 / rate_per_second
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._next_slot: float | None = None

    @property
    def rate_per_second(self) -> float:
        return 1.0 / self._interval

    def limit_to(self, rate_per_second: float) -> None:
        """Lower the rate (never raise it): the strictest configured limit wins."""
        if not rate_per_second > 0:
            raise ValueError("rate_per_second must be positive")
        with self._lock:
            self._interval = max(self._interval, 1.0 / rate_per_second)

    def wait(self) -> float:
        """Block until this caller's slot; return the seconds waited."""
        with self._lock:
            now = self._clock()
            # An idle spell earns no burst credit: slots restart from now, so the server's
            # bucket (capacity = rate) never sees more than one request per interval.
            slot = now if self._next_slot is None else max(now, self._next_slot)
            self._next_slot = slot + self._interval
        # Sleep outside the lock: the slot is reserved, later callers queue behind it.
        delay = slot - now
        if delay > 0:
            self._sleep(delay)
        return max(delay, 0.0)


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
