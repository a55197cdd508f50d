"""Hostile answers on request: a 200 whose body is not what ActiveCampaign promises (SPEC 9).

Tests arm one with ``state.misbehave("empty_body", endpoint="contacts", times=1)``; the next
GETs of that endpoint get the broken body instead of the real one. Each name is an answer a
real account or a proxy in front of it has been seen to give.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from typing import Any

# name -> what the client receives instead of the real page
MISBEHAVIOURS = {
    "empty_body": "an empty 200 body",
    "empty_object": "{}",
    "contacts_null": '{"contacts": null}',
    "include_ignored": "the page without its side-loaded arrays",
    "repeated_page": "the previous page of the same endpoint again",
    "truncated_json": "the JSON cut off halfway",
    "html": "an HTML error page with status 200",
    "wrong_total": "no records although meta.total announces them (a walk cut short)",
}

SIDE_LOADED = ("contactLists", "contactTags", "fieldValues")
JSON_TYPE = "application/json; charset=utf-8"


def parse_spec(text: str) -> tuple[str, str, int]:
    """``NAME[:endpoint[:times]]`` (``rekisteri simulate --misbehave``) as (name, endpoint, times).

    The endpoint defaults to ``contacts`` and times to 1; ``ValueError`` says what is wrong.
    """
    name, _, rest = text.strip().partition(":")
    endpoint, _, count = rest.partition(":")
    if name not in MISBEHAVIOURS:
        raise ValueError(f"unknown misbehaviour {name!r}; one of {', '.join(MISBEHAVIOURS)}")
    if not count.strip():
        return name, endpoint.strip().strip("/") or "contacts", 1
    if not count.strip().isdigit() or int(count) < 1:
        raise ValueError(f"times must be a whole number of at least 1, not {count!r}")
    return name, endpoint.strip().strip("/") or "contacts", int(count)


@dataclass
class _Armed:
    name: str
    endpoint: str
    times: int


class Misbehaviours:
    """Armed misbehaviours and the last good page per endpoint (for ``repeated_page``)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._armed: list[_Armed] = []
        self._last: dict[str, Any] = {}

    def arm(self, name: str, *, endpoint: str, times: int) -> None:
        if name not in MISBEHAVIOURS:
            raise ValueError(f"unknown misbehaviour {name!r}; one of {', '.join(MISBEHAVIOURS)}")
        with self._lock:
            self._armed.append(_Armed(name, endpoint.strip("/"), times))

    def answer(
        self, method: str, endpoint: str, status: int, body: Any
    ) -> tuple[bytes, str] | None:
        """The broken payload and content type for this answer, or None to send it as is."""
        if method != "GET" or status != 200:
            return None
        with self._lock:
            previous = self._last.get(endpoint)
            self._last[endpoint] = body
            armed = next((a for a in self._armed if a.endpoint == endpoint), None)
            if armed is None or (armed.name == "repeated_page" and previous is None):
                return None
            armed.times -= 1
            if armed.times <= 0:
                self._armed.remove(armed)
        return _render(armed.name, body, previous, endpoint)


def _render(name: str, body: Any, previous: Any, endpoint: str) -> tuple[bytes, str]:
    def as_json(value: Any) -> bytes:
        return json.dumps(value, ensure_ascii=False).encode()

    if name == "empty_body":
        return b"", JSON_TYPE
    if name == "empty_object":
        return b"{}", JSON_TYPE
    if name == "contacts_null":
        return as_json({**body, endpoint: None}), JSON_TYPE
    if name == "include_ignored":
        return as_json({k: v for k, v in body.items() if k not in SIDE_LOADED}), JSON_TYPE
    if name == "repeated_page":
        return as_json(previous), JSON_TYPE
    if name == "truncated_json":
        whole = as_json(body)
        return whole[: max(1, len(whole) // 2)], JSON_TYPE
    if name == "html":
        return b"<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html"
    # wrong_total: the records are gone but the total still announces them
    return as_json({**body, endpoint: []}), JSON_TYPE
