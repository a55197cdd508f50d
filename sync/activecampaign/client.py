"""ActiveCampaign API v3 client: session + throttle + retry policy + error mapping."""

from __future__ import annotations

import json as jsonlib
import logging
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import requests
from tenacity import RetryCallState

from sync.activecampaign.errors import (
    MalformedResponseError,
    RateLimitedError,
    RetryableApiError,
    TransportError,
    endpoint_label,
    error_for_response,
)
from sync.activecampaign.retry import build_retrying, capped_retry_after
from sync.activecampaign.session import apply_auth_headers, build_session
from sync.activecampaign.throttle import Throttle

logger = logging.getLogger(__name__)

Params = Mapping[str, str | int]

# Failures that leave no usable response; all worth another attempt.
_TRANSPORT_ERRORS: tuple[type[Exception], ...] = (
    requests.ConnectionError,
    requests.Timeout,
    requests.exceptions.ChunkedEncodingError,
    requests.exceptions.ContentDecodingError,
)


@dataclass(frozen=True)
class RequestStats:
    """Attempts actually sent, how many came back 429, and how many were retries."""

    requests: int = 0
    rate_limited: int = 0
    retries: int = 0


def api_root(base_url: str) -> str:
    """``https://acct.api-us1.com/api/3`` from the base URL with or without ``/api/3``."""
    parts = urlsplit(base_url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query:
        raise ValueError("base_url must look like https://<account>.api-us1.com[/api/3]")
    path = parts.path.rstrip("/")
    if not path.endswith("/api/3"):
        path += "/api/3"
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


class ActiveCampaignClient:
    """``get/post/put/delete`` on paths relative to the API root, returning JSON objects.

    Every attempt holds a slot of ``throttle`` from send until its answer is back. The jobs
    layer passes the account's process-wide throttle (``shared_throttle``); without one the
    client gets a private throttle at ``requests_per_second`` driven by ``clock``/``sleep``.
    """

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        requests_per_second: float = 5.0,
        timeout_seconds: float = 30.0,
        max_attempts: int = 6,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        session: requests.Session | None = None,
        throttle: Throttle | None = None,
    ) -> None:
        if max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        self.api_root = api_root(base_url)
        self._session = (
            build_session(token) if session is None else apply_auth_headers(session, token)
        )
        if throttle is None:
            throttle = Throttle(requests_per_second, clock=clock, sleep=sleep)
        self._throttle = throttle
        self._timeout = timeout_seconds
        self._max_attempts = max_attempts
        self._sleep = sleep
        self._lock = threading.Lock()
        self._stats = RequestStats()

    def __repr__(self) -> str:
        return f"ActiveCampaignClient(api_root={self.api_root!r})"

    @property
    def stats(self) -> RequestStats:
        return self._stats

    @property
    def throttle(self) -> Throttle:
        return self._throttle

    def get(self, path: str, params: Params | None = None) -> dict[str, Any]:
        return self._call("GET", path, params=params)

    def post(self, path: str, json: Mapping[str, Any]) -> dict[str, Any]:
        return self._call("POST", path, body=json)

    def put(self, path: str, json: Mapping[str, Any]) -> dict[str, Any]:
        return self._call("PUT", path, body=json)

    def delete(self, path: str) -> dict[str, Any]:
        return self._call("DELETE", path)

    def _call(
        self,
        method: str,
        path: str,
        *,
        params: Params | None = None,
        body: Mapping[str, Any] | None = None,
    ) -> dict[str, Any]:
        relative = path.lstrip("/").removeprefix("api/3/")
        retrying = build_retrying(
            max_attempts=self._max_attempts, sleep=self._sleep, before_sleep=self._before_retry
        )
        try:
            result: dict[str, Any] = retrying(self._attempt, method, relative, params, body)
        except RetryableApiError as exc:
            if self._max_attempts > 1:
                exc.args = (f"{exc.args[0]} (gave up after {self._max_attempts} attempts)",)
            raise
        return result

    def _describe(self, exc: Exception) -> str:
        """A transport failure in words, naming the host but never the path or query."""
        host = urlsplit(self.api_root).netloc
        if isinstance(exc, requests.Timeout):
            return f"no answer from {host} within {self._timeout:g} s"
        if isinstance(exc, requests.ConnectionError):
            return f"cannot connect to {host} (refused, reset or unreachable)"
        return f"the answer from {host} was cut off or garbled ({type(exc).__name__})"

    def _attempt(
        self,
        method: str,
        path: str,
        params: Params | None,
        body: Mapping[str, Any] | None,
    ) -> dict[str, Any]:
        label = endpoint_label(method, path)
        try:
            with self._throttle.slot():
                self._bump(requests=1)
                response = self._session.request(
                    method,
                    f"{self.api_root}/{path}",
                    params=params,
                    json=body,
                    timeout=self._timeout,
                    allow_redirects=False,
                )
        except _TRANSPORT_ERRORS as exc:
            # requests' own message holds the full URL, query and all: describe, never quote it.
            logger.debug("%s -> %s", label, type(exc).__name__)
            raise TransportError(f"{label}: {self._describe(exc)}") from None
        logger.debug("%s -> %s", label, response.status_code)
        if not 200 <= response.status_code < 300:
            error = error_for_response(method, path, response)
            if isinstance(error, RateLimitedError):
                self._bump(rate_limited=1)
                # Everyone on this account waits, not just this request's retry.
                self._throttle.refused(capped_retry_after(error.retry_after))
            else:
                self._throttle.succeeded()
            raise error
        self._throttle.succeeded()
        return _json_object(label, response.content, empty_ok=method == "DELETE")

    def _before_retry(self, retry_state: RetryCallState) -> None:
        self._bump(retries=1)
        outcome = retry_state.outcome
        error = outcome.exception() if outcome is not None else None
        wait = retry_state.next_action.sleep if retry_state.next_action else 0.0
        logger.debug("retrying in %.2f s after: %s", wait, error)

    def _bump(self, *, requests: int = 0, rate_limited: int = 0, retries: int = 0) -> None:
        with self._lock:
            s = self._stats
            self._stats = RequestStats(
                s.requests + requests, s.rate_limited + rate_limited, s.retries + retries
            )


def _json_object(label: str, content: bytes, *, empty_ok: bool) -> dict[str, Any]:
    """The body as a JSON object; an empty body reads as ``{}`` only where one is expected.

    DELETE answers may be empty. An empty 200 to a read is a broken answer: read as ``{}``
    it would look like an empty collection and a full walk would mark everyone deleted.
    """
    if not content.strip():
        if empty_ok:
            return {}
        raise MalformedResponseError(f"{label}: empty response body")
    try:
        data = jsonlib.loads(content)
    except ValueError:
        raise MalformedResponseError(f"{label}: response body is not valid JSON") from None
    if not isinstance(data, dict):
        raise MalformedResponseError(f"{label}: response body is not a JSON object")
    return data
