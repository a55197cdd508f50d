"""Request/response types, shared helpers and the route table of the simulated /api/3."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from simulator.render import Formatter, Json
from simulator.state import SimulatorState

DEFAULT_LIMIT = 20
MAX_LIMIT = 100


@dataclass(frozen=True)
class ApiRequest:
    method: str
    path: str  # below /api/3/, without query or trailing slash, e.g. "contacts/12/contactLists"
    query: Mapping[str, str]  # last value of each parameter
    body: Any  # parsed JSON body, or None


@dataclass(frozen=True)
class ApiResponse:
    status: int
    body: Json


@dataclass(frozen=True)
class Context:
    """What a handler gets: the state (lock held), the formatter, the request, path groups."""

    state: SimulatorState
    fmt: Formatter
    request: ApiRequest
    args: tuple[int, ...]


Handler = Callable[[Context], ApiResponse]
Route = tuple[str, str, Handler]  # (method, path regex with (\d+) groups, handler)


class BadRequest(Exception):
    """A parameter or body the endpoint cannot use; becomes the given status (default 400)."""

    def __init__(self, body: Json, status: int = 400) -> None:
        super().__init__(status)
        self.body = body
        self.status = status


def ok(body: Json, status: int = 200) -> ApiResponse:
    return ApiResponse(status, body)


def not_found(message: str) -> ApiResponse:
    return ApiResponse(404, {"message": message})


def invalid(title: str, pointer: str, code: str = "invalid") -> BadRequest:
    """422 in the errors-array shape of POST /contactTags and POST /contacts."""
    error = {"status": 422, "title": title, "code": code, "source": {"pointer": pointer}}
    return BadRequest({"errors": [error]}, 422)


def int_param(query: Mapping[str, str], name: str, default: int) -> int:
    raw = query.get(name, "")
    try:
        return int(raw)
    except ValueError:
        if raw.strip() == "":
            return default
        raise BadRequest({"message": f"Invalid value for {name}"}) from None


def paging(query: Mapping[str, str]) -> tuple[int, int]:
    """(limit, offset): limit defaults to 20 and is capped at 100; offset defaults to 0."""
    limit = int_param(query, "limit", DEFAULT_LIMIT)
    offset = int_param(query, "offset", 0)
    limit = DEFAULT_LIMIT if limit <= 0 else min(limit, MAX_LIMIT)
    return limit, max(offset, 0)


def body_object(request: ApiRequest, key: str) -> Mapping[str, Any]:
    """The object under `key` in the JSON body, e.g. {"contactList": {...}}."""
    inner = request.body.get(key) if isinstance(request.body, dict) else None
    if not isinstance(inner, dict):
        raise invalid("Missing attribute", f"/data/attributes/{key}", "missing")
    return inner


def body_id(obj: Mapping[str, Any], key: str) -> int:
    """An id in a body: accepts 12 or "12"."""
    value = obj.get(key)
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise invalid("Missing attribute", f"/data/attributes/{key}", "missing")
    try:
        return int(value)
    except ValueError:
        raise invalid("Invalid attribute", f"/data/attributes/{key}") from None


class Router:
    """Matches "METHOD path" against the route table."""

    def __init__(self, routes: list[Route]) -> None:
        self._routes = [
            (method, re.compile(pattern), handler) for method, pattern, handler in routes
        ]

    def dispatch(self, state: SimulatorState, fmt: Formatter, request: ApiRequest) -> ApiResponse:
        path_known = False
        for method, pattern, handler in self._routes:
            match = pattern.fullmatch(request.path)
            if match is None:
                continue
            path_known = True
            if method == request.method:
                args = tuple(int(group) for group in match.groups())
                try:
                    with state.lock:
                        return handler(Context(state, fmt, request, args))
                except BadRequest as error:
                    return ApiResponse(error.status, error.body)
        if path_known:
            return ApiResponse(405, {"message": "Method Not Allowed"})
        return not_found("Not Found")
