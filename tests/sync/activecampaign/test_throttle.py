"""The client-side rate limit: even spacing, no burst credit, shared per account."""

from __future__ import annotations

import threading

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sync.activecampaign.throttle import Throttle, shared_throttle
from tests.sync.conftest import FakeTime


class TokenBucket:
    """ActiveCampaign-like server limit: capacity ``rate``, refilled at ``rate`` per second."""

    def __init__(self, rate: float) -> None:
        self.rate = rate
        self.tokens = rate
        self.last = 0.0
        self.rejected = 0

    def arrive(self, at: float) -> None:
        self.tokens = min(self.rate, self.tokens + (at - self.last) * self.rate)
        self.last = at
        if self.tokens >= 1 - 1e-9:  # float noise of summed intervals, not a margin
            self.tokens -= 1
        else:
            self.rejected += 1


def test_back_to_back_calls_are_spaced_evenly() -> None:
    """Five calls at 5/s: the first goes at once, each next one waits 0.2 s."""
    time = FakeTime()
    throttle = Throttle(5.0, clock=time.monotonic, sleep=time.sleep)
    waited = [throttle.wait() for _ in range(5)]
    assert waited + time.sleeps == pytest.approx([0.0, 0.2, 0.2, 0.2, 0.2] + [0.2] * 4)


def test_idle_time_earns_no_burst() -> None:
    """After a long pause the next call goes at once but the one after still waits."""
    time = FakeTime()
    throttle = Throttle(5.0, clock=time.monotonic, sleep=time.sleep)
    throttle.wait()
    time.now += 10.0
    assert [throttle.wait(), throttle.wait()] == pytest.approx([0.0, 0.2])


def test_work_between_calls_counts_towards_the_interval() -> None:
    """Time spent between calls is not waited again."""
    time = FakeTime()
    throttle = Throttle(5.0, clock=time.monotonic, sleep=time.sleep)
    throttle.wait()
    time.now += 0.15
    assert throttle.wait() == pytest.approx(0.05)


@given(
    rate=st.sampled_from([1.0, 2.0, 4.0, 5.0, 10.0]),
    gaps=st.lists(st.floats(min_value=0.0, max_value=0.5), min_size=1, max_size=300),
)
def test_token_bucket_server_sees_no_429_and_full_use(rate: float, gaps: list[float]) -> None:
    """Throttled traffic never trips a token bucket of the same rate, and waits no more than
    the interval left after the caller's own work (no safety margin that wastes capacity)."""
    time = FakeTime()
    throttle = Throttle(rate, clock=time.monotonic, sleep=time.sleep)
    server = TokenBucket(rate)
    waited = []
    for gap in gaps:
        time.now += gap  # the caller's own work before the next request
        waited.append(throttle.wait())
        server.arrive(time.now)
    needed = [0.0] + [max(0.0, 1 / rate - gap) for gap in gaps[1:]]
    assert [server.rejected, *waited] == pytest.approx([0, *needed], abs=1e-9)


def test_back_to_back_traffic_uses_the_whole_rate() -> None:
    """500 calls with no work between them take (n-1)/rate seconds: utilisation is 1."""
    time = FakeTime()
    throttle = Throttle(5.0, clock=time.monotonic, sleep=time.sleep)
    server = TokenBucket(5.0)
    for _ in range(500):
        throttle.wait()
        server.arrive(time.now)
    assert [server.rejected, time.now] == pytest.approx([0, 499 / 5.0])


def test_threads_get_distinct_evenly_spaced_slots() -> None:
    """Concurrent callers each reserve their own slot, 1/rate apart."""
    waits: list[float] = []
    lock = threading.Lock()

    def record(seconds: float) -> None:
        with lock:
            waits.append(seconds)

    throttle = Throttle(5.0, clock=lambda: 0.0, sleep=record)
    threads = [
        threading.Thread(target=lambda: [throttle.wait() for _ in range(25)]) for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(waits) == pytest.approx([i * 0.2 for i in range(1, 200)])


def test_shared_throttle_is_one_per_account_and_strictest_rate_wins() -> None:
    """Same key gives the same throttle; a lower rate asked later slows it, a higher does not."""
    first = shared_throttle("https://test-shared-a.api-us1.com/api/3", 5.0)
    again = shared_throttle("https://test-shared-a.api-us1.com/api/3", 10.0)
    rate_after_higher = first.rate_per_second
    slower = shared_throttle("https://test-shared-a.api-us1.com/api/3", 2.0)
    other = shared_throttle("https://test-shared-b.api-us1.com/api/3", 5.0)
    assert (again is first, slower is first, other is first) == (True, True, False)
    assert (rate_after_higher, first.rate_per_second) == (5.0, 2.0)


@pytest.mark.parametrize("rate", [0.0, -1.0])
def test_rate_must_be_positive(rate: float) -> None:
    """A zero or negative rate is a configuration error."""
    with pytest.raises(ValueError, match="rate_per_second must be positive"):
        Throttle(rate)
