"""Shared test helpers: the anchor, the token, official samples, a small HTTP client."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import requests

from simulator import SimulatorServer

ANCHOR = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)
TOKEN = "test-token"
SAMPLES = Path(__file__).parent / "samples"


def load_sample(name: str) -> Any:
    """An official payload sample by file name stem."""
    return json.loads((SAMPLES / f"{name}.json").read_text(encoding="utf-8"))


class Api:
    """A requests session against the simulator with the token set."""

    def __init__(self, server: SimulatorServer) -> None:
        self.server = server
        self.session = requests.Session()
        self.session.headers["Api-Token"] = TOKEN

    def url(self, path: str) -> str:
        return f"{self.server.url}/api/3/{path}"

    def get(self, path: str, **params: Any) -> requests.Response:
        return self.session.get(self.url(path), params=params, timeout=5)

    def post(self, path: str, body: Any) -> requests.Response:
        return self.session.post(self.url(path), json=body, timeout=5)

    def put(self, path: str, body: Any) -> requests.Response:
        return self.session.put(self.url(path), json=body, timeout=5)

    def delete(self, path: str) -> requests.Response:
        return self.session.delete(self.url(path), timeout=5)
