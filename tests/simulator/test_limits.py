"""The simulator's strict rolling window and its seeded latency."""

from __future__ import annotations

from simulator.limits import Latency, RollingWindow


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_window_admits_rate_per_rolling_second_with_no_burst_credit() -> None:
    """5 admitted at once, the 6th refused; 1 s after the first it is admitted, not before."""
    clock = Clock()
    window = RollingWindow(5, clock=clock)
    first = [window.take()[0] for _ in range(6)]
    clock.now += 0.999
    early = window.take()[0]
    clock.now += 0.001
    on_time = window.take()[0]
    clock.now += 60.0  # a long idle spell earns no more than `rate`
    after_idle = [window.take()[0] for _ in range(6)]
    assert (first, early, on_time, after_idle) == (
        [True] * 5 + [False],
        False,
        True,
        [True] * 5 + [False],
    )


def test_a_refusal_asks_for_the_documented_30_seconds() -> None:
    """Like ActiveCampaign's docs: Retry-After: 30."""
    assert RollingWindow(5).retry_after(0.0) == 30


def test_latency_is_within_its_jitter_and_repeats_for_a_seed() -> None:
    """30 ms ± 20 ms draws stay in [10, 50] ms and the same seed gives the same draws."""
    draws = [Latency(0.03, 0.02, seed=4).draw() for _ in range(1)]
    first = Latency(0.03, 0.02, seed=4)
    second = Latency(0.03, 0.02, seed=4)
    a = [first.draw() for _ in range(200)]
    b = [second.draw() for _ in range(200)]
    assert (a == b, all(0.01 <= x <= 0.05 for x in a), draws[0] == a[0]) == (True, True, True)
