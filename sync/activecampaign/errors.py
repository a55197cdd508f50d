"""Typed ActiveCampaign errors; whether to retry is decided by the type alone.

Messages read ``"<METHOD> /api/3/<path>: <what>"``. They never carry the token, a query
string (filters can hold emails) or a response body (bodies hold personal data), and the
errors never keep the response, whose request still holds the ``Api-Token`` header.
"""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import requests

API_PREFIX = "/api/3/"


class ActiveCampaignError(Exception):
    """Anything that went wrong talking to ActiveCampaign."""

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class RetryableApiError(ActiveCampaignError):
    """A failure worth trying again: rate limit, server error, broken transport."""


class RateLimitedError(RetryableApiError):
    """HTTP 429; ``retry_after`` is the server's wish in seconds, when it said one."""

    def __init__(self, message: str, *, retry_after: float | None, status: int = 429) -> None:
        super().__init__(message, status=status)
        self.retry_after = retry_after


class ServerError(RetryableApiError):
    """HTTP 5xx."""


class TransportError(RetryableApiError):
    """No usable response: connection refused or reset, timeout, truncated body."""


class FatalApiError(ActiveCampaignError):
    """A failure that retrying will not fix."""


class AuthError(FatalApiError):
    """HTTP 401, or 403 that persisted past its one retry."""


class NotFoundError(FatalApiError):
    """HTTP 404."""


class ApiValidationError(FatalApiError):
    """HTTP 400/422; ``errors`` holds the titles of the API's error objects."""

    def __init__(
        self,
        message: str,
        *,
        status: int,
        errors: list[str] | None = None,
        codes: list[str] | None = None,
    ) -> None:
        super().__init__(message, status=status)
        self.errors = errors or []
        self.codes = codes or []


class MalformedResponseError(FatalApiError):
    """A 2xx whose body is not what the API promises (not a JSON object, bad fields)."""


def endpoint_label(method: str, path: str) -> str:
    """``"GET /api/3/contacts"`` for a path relative to the API root, query dropped."""
    bare = path.split("?", 1)[0].split("#", 1)[0].lstrip("/")
    bare = bare.removeprefix("api/3/")
    return f"{method.upper()} {API_PREFIX}{bare}"


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date)."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        return max(0.0, float(text))
    except ValueError:
        pass
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    current = time.time() if now is None else now
    return max(0.0, (moment - datetime.fromtimestamp(current, UTC)).total_seconds())


def _error_details(content: bytes) -> tuple[list[str], list[str]]:
    """Titles and codes of a JSON:API style ``{"errors": [...]}`` body, else empty."""
    try:
        body = json.loads(content)
    except ValueError:
        return [], []
    items = body.get("errors") if isinstance(body, dict) else None
    if not isinstance(items, list):
        return [], []
    titles = [str(i["title"]) for i in items if isinstance(i, dict) and i.get("title")]
    codes = [str(i["code"]) for i in items if isinstance(i, dict) and i.get("code")]
    return titles, codes


def error_for_response(method: str, path: str, response: requests.Response) -> ActiveCampaignError:
    """The error a non-2xx response stands for (returned, not raised)."""
    label = endpoint_label(method, path)
    status = response.status_code
    if status == 429:
        wait = parse_retry_after(response.headers.get("Retry-After"))
        said = f" (retry after {wait:g} s)" if wait is not None else ""
        return RateLimitedError(f"{label}: HTTP 429 rate limited{said}", retry_after=wait)
    if status >= 500:
        return ServerError(f"{label}: HTTP {status} server error", status=status)
    if status in (401, 403):
        what = "unauthorized" if status == 401 else "forbidden"
        return AuthError(f"{label}: HTTP {status} {what} (check the API token)", status=status)
    if status == 404:
        return NotFoundError(f"{label}: HTTP 404 not found", status=status)
    if status in (400, 422):
        titles, codes = _error_details(response.content)
        what = "bad request" if status == 400 else "unprocessable"
        detail = f": {'; '.join(titles)}" if titles else ""
        return ApiValidationError(
            f"{label}: HTTP {status} {what}{detail}", status=status, errors=titles, codes=codes
        )
    if 300 <= status < 400:
        # Redirects are not followed: requests would forward the Api-Token header.
        return FatalApiError(
            f"{label}: HTTP {status} unexpected redirect (check base_url)", status=status
        )
    return FatalApiError(f"{label}: HTTP {status} unexpected status", status=status)
