"""The client-side rate limit: no window over the rate at the server whatever the latency,
slowing down on refusals and recovering, shared per account."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sync.activecampaign.throttle import Throttle, shared_throttle
from tests.sync.conftest import FakeTime


def busiest_second(arrivals: list[float]) -> int:
    """The most arrivals in any rolling window (t - 1, t], as a strict server counts them."""
    ordered = sorted(arrivals)
    start, most = 0, 0
    for end, at in enumerate(ordered):
        while ordered[start] <= at - 1.0:
            start += 1
        most = max(most, end - start + 1)
    return most


def run_traffic(
    throttle: Throttle, time: FakeTime, latencies: list[float], gaps: list[float]
) -> list[float]:
    """Send one request per latency (after the caller's own work `gap`); return arrivals.

    A request reaches the server `latency` after it leaves and its answer is back 10 ms later.
    """
    arrivals = []
    for latency, gap in zip(latencies, gaps, strict=True):
        time.now += gap
        with throttle.slot():
            arrivals.append(time.now + latency)
            time.now += latency + 0.01
        throttle.succeeded()
    return arrivals


@settings(max_examples=60, deadline=None)
@given(
    rate=st.sampled_from([1.0, 2.0, 4.0, 5.0, 10.0]),
    seed=st.integers(min_value=0, max_value=2**32),
    count=st.integers(min_value=1, max_value=200),
    work=st.sampled_from([0.0, 0.05, 0.3]),
)
def test_no_second_at_the_server_holds_more_than_the_rate(
    rate: float, seed: int, count: int, work: float
) -> None:
    """Under 50 ms ± 50 ms arrival jitter no 1-second window at the server exceeds the rate."""
    rng = random.Random(seed)
    time = FakeTime()
    throttle = Throttle(rate, clock=time.monotonic, sleep=time.sleep)
    latencies = [rng.uniform(0.0, 0.1) for _ in range(count)]
    gaps = [rng.uniform(0.0, work) for _ in range(count)]
    arrivals = run_traffic(throttle, time, latencies, gaps)
    assert busiest_second(arrivals) <= rate


def test_back_to_back_traffic_uses_at_least_93_percent_of_the_rate() -> None:
    """1,000 calls at 30 ms ± 20 ms latency run at ≥ 0.93 of 5 req/s (the SPEC 10 target)."""
    rng = random.Random(7)
    time = FakeTime()
    throttle = Throttle(5.0, clock=time.monotonic, sleep=time.sleep)
    latencies = [rng.uniform(0.01, 0.05) for _ in range(1000)]
    arrivals = run_traffic(throttle, time, latencies, [0.0] * 1000)
    utilisation = 1000 / (5.0 * time.now)
    assert (busiest_second(arrivals), utilisation >= 0.93) == (5, True)


def test_sends_are_evenly_spaced_and_the_sixth_waits_for_the_first_answer() -> None:
    """Five instant calls leave 0.2 s apart; the sixth waits until 1 s (+10 ms) after the first."""
    time = FakeTime()
    throttle = Throttle(5.0, clock=time.monotonic, sleep=time.sleep)
    waited = [throttle.wait() for _ in range(6)]
    assert waited == pytest.approx([0.0, 0.2, 0.2, 0.2, 0.2, 0.21])


def test_idle_time_earns_no_burst() -> None:
    """After a long pause the next call goes at once but the one after still waits 1/rate."""
    time = FakeTime()
    throttle = Throttle(5.0, clock=time.monotonic, sleep=time.sleep)
    throttle.wait()
    time.now += 10.0
    assert [throttle.wait(), throttle.wait()] == pytest.approx([0.0, 0.2])


def test_a_refusal_halves_the_rate_and_pauses_for_retry_after() -> None:
    """A 429 with Retry-After 30: the next send waits 30 s, later ones go at half the rate."""
    time = FakeTime()
    throttle = Throttle(5.0, clock=time.monotonic, sleep=time.sleep)
    throttle.wait()
    throttle.refused(30.0)
    waited = [throttle.wait(), throttle.wait()]
    assert [*waited, throttle.rate_per_second] == pytest.approx([30.0, 0.4, 2.5])


def test_answers_after_a_refusal_recover_the_rate_step_by_step_to_the_ceiling() -> None:
    """Each answer that is not a refusal adds 2% of the ceiling back, never above it."""
    throttle = Throttle(5.0, clock=lambda: 0.0, sleep=lambda _: None)
    throttle.refused(None)
    rates = []
    for _ in range(30):
        throttle.succeeded()
        rates.append(round(throttle.rate_per_second, 6))
    assert rates == [round(min(5.0, 2.5 + 0.1 * (i + 1)), 6) for i in range(30)]


def test_repeated_refusals_never_go_below_a_tenth_of_the_ceiling() -> None:
    """However many 429s, the rate stays at least 10% of the ceiling (the job still ends)."""
    throttle = Throttle(5.0, clock=lambda: 0.0, sleep=lambda _: None)
    for _ in range(20):
        throttle.refused(None)
    assert throttle.rate_per_second == pytest.approx(0.5)


def test_a_pause_holds_every_caller_not_only_the_refused_one() -> None:
    """A refusal seen by one client of the shared throttle makes the next caller wait too."""
    time = FakeTime()
    throttle = Throttle(5.0, clock=time.monotonic, sleep=time.sleep)
    throttle.refused(12.0)
    time.now += 2.0  # another caller arrives 2 s later
    assert throttle.wait() == pytest.approx(10.0)


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
