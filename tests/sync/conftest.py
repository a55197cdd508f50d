"""Fixtures for the ActiveCampaign client tests: fake time, a mocked API, recorded payloads."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import responses

from sync.activecampaign.client import ActiveCampaignClient

# Copies of the official payload samples (../shared/activecampaign/samples/).
FIXTURES = Path(__file__).resolve().parent / "activecampaign" / "fixtures"

BASE_URL = "https://acct.api-us1.com"
API = f"{BASE_URL}/api/3"
TOKEN = "tok-0123456789abcdef-SECRET"


def load_sample(name: str) -> Any:
    """A recorded payload from tests/sync/fixtures/, parsed."""
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


class FakeTime:
    """A monotonic clock that only moves when something sleeps; sleeps are recorded."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture(name="fake_time")
def _fake_time() -> FakeTime:
    return FakeTime()


@pytest.fixture(name="api")
def _api() -> Iterator[responses.RequestsMock]:
    with responses.RequestsMock(assert_all_requests_are_fired=True) as mock:
        yield mock


@pytest.fixture(name="client")
def _client(fake_time: FakeTime) -> ActiveCampaignClient:
    return ActiveCampaignClient(BASE_URL, TOKEN, sleep=fake_time.sleep, clock=fake_time.monotonic)
