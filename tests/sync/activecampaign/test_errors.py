"""Status codes to error types, and what the messages may say."""

from __future__ import annotations

import json

import pytest
import requests

from sync.activecampaign.errors import (
    ActiveCampaignError,
    ApiValidationError,
    AuthError,
    FatalApiError,
    MalformedResponseError,
    NotFoundError,
    RateLimitedError,
    RetryableApiError,
    ServerError,
    TransportError,
    endpoint_label,
    error_for_response,
    parse_retry_after,
)
from tests.sync.conftest import load_sample


def _response(
    status: int, body: object = None, headers: dict[str, str] | None = None
) -> requests.Response:
    response = requests.Response()
    response.status_code = status
    response._content = b"" if body is None else json.dumps(body).encode()
    response.headers.update(headers or {})
    return response


@pytest.mark.parametrize(
    ("status", "body", "expected"),
    [
        (
            401,
            None,
            (AuthError, "GET /api/3/contacts: HTTP 401 unauthorized (check the API token)"),
        ),
        (
            403,
            load_sample("list__GET_lists_id__403.json"),
            (AuthError, "GET /api/3/contacts: HTTP 403 forbidden (check the API token)"),
        ),
        (
            404,
            load_sample("contact__GET_contacts_id__404.json"),
            (NotFoundError, "GET /api/3/contacts: HTTP 404 not found"),
        ),
        (400, {}, (ApiValidationError, "GET /api/3/contacts: HTTP 400 bad request")),
        (500, None, (ServerError, "GET /api/3/contacts: HTTP 500 server error")),
        (503, {"message": "x"}, (ServerError, "GET /api/3/contacts: HTTP 503 server error")),
        (
            302,
            None,
            (FatalApiError, "GET /api/3/contacts: HTTP 302 unexpected redirect (check base_url)"),
        ),
        (409, None, (FatalApiError, "GET /api/3/contacts: HTTP 409 unexpected status")),
    ],
)
def test_status_maps_to_type_and_message(
    status: int, body: object, expected: tuple[type[Exception], str]
) -> None:
    """Each status becomes its error type with an endpoint-and-status message."""
    error = error_for_response("GET", "contacts?email=someone@example.com", _response(status, body))
    assert (type(error), str(error), error.status) == (*expected, status)


def test_422_keeps_titles_and_codes_not_details() -> None:
    """A 422 lists the API's error titles; the free-text details stay out."""
    body = load_sample("contact_create__POST_contacts__422_duplicate.json")
    error = error_for_response("POST", "contacts", _response(422, body))
    assert isinstance(error, ApiValidationError)
    assert (str(error), error.errors, error.codes) == (
        "POST /api/3/contacts: HTTP 422 unprocessable: Email address already exists in the system",
        ["Email address already exists in the system"],
        ["duplicate"],
    )


def test_422_with_a_non_json_body_has_no_titles() -> None:
    """A 422 whose body is not JSON still maps, with an empty error list."""
    response = _response(422)
    response._content = b"<html>oops</html>"
    error = error_for_response("PUT", "contacts/5", response)
    assert (type(error), str(error), getattr(error, "errors", None)) == (
        ApiValidationError,
        "PUT /api/3/contacts/5: HTTP 422 unprocessable",
        [],
    )


@pytest.mark.parametrize(
    ("header", "retry_after", "message"),
    [
        ({"Retry-After": "7"}, 7.0, "GET /api/3/tags: HTTP 429 rate limited (retry after 7 s)"),
        ({"Retry-After": "0.5"}, 0.5, "GET /api/3/tags: HTTP 429 rate limited (retry after 0.5 s)"),
        ({}, None, "GET /api/3/tags: HTTP 429 rate limited"),
        ({"Retry-After": "soon"}, None, "GET /api/3/tags: HTTP 429 rate limited"),
    ],
)
def test_429_carries_retry_after(
    header: dict[str, str], retry_after: float | None, message: str
) -> None:
    """A 429 is a RateLimitedError holding the Retry-After seconds when the server sent them."""
    error = error_for_response("GET", "tags", _response(429, None, header))
    assert isinstance(error, RateLimitedError)
    assert (str(error), error.retry_after, error.status) == (message, retry_after, 429)


def test_retry_after_as_http_date() -> None:
    """An HTTP-date Retry-After becomes seconds from now, never negative."""
    now = 1_700_000_000.0  # 2023-11-14T22:13:20Z
    assert [
        parse_retry_after("Tue, 14 Nov 2023 22:13:30 GMT", now=now),
        parse_retry_after("Tue, 14 Nov 2023 22:13:00 GMT", now=now),
        parse_retry_after("-4", now=now),
        parse_retry_after("", now=now),
        parse_retry_after(None, now=now),
    ] == [10.0, 0.0, 0.0, None, None]


@pytest.mark.parametrize(
    ("method", "path", "label"),
    [
        ("get", "contacts?email=a@b.fi&limit=1", "GET /api/3/contacts"),
        ("DELETE", "/contacts/12", "DELETE /api/3/contacts/12"),
        ("GET", "/api/3/contacts/12/notes#x", "GET /api/3/contacts/12/notes"),
    ],
)
def test_endpoint_label_drops_query_and_prefix(method: str, path: str, label: str) -> None:
    """Labels name method and path only; query strings (emails) never appear."""
    assert endpoint_label(method, path) == label


def test_retry_decision_is_in_the_type_tree() -> None:
    """Retryable and fatal errors sit on separate branches under one root."""
    tree = {
        cls.__name__: [
            base.__name__ for base in cls.__mro__[1:] if issubclass(base, ActiveCampaignError)
        ]
        for cls in (
            RateLimitedError,
            ServerError,
            TransportError,
            AuthError,
            NotFoundError,
            ApiValidationError,
            MalformedResponseError,
        )
    }
    assert tree == {
        "RateLimitedError": ["RetryableApiError", "ActiveCampaignError"],
        "ServerError": ["RetryableApiError", "ActiveCampaignError"],
        "TransportError": ["RetryableApiError", "ActiveCampaignError"],
        "AuthError": ["FatalApiError", "ActiveCampaignError"],
        "NotFoundError": ["FatalApiError", "ActiveCampaignError"],
        "ApiValidationError": ["FatalApiError", "ActiveCampaignError"],
        "MalformedResponseError": ["FatalApiError", "ActiveCampaignError"],
    }
    assert not issubclass(FatalApiError, RetryableApiError)
