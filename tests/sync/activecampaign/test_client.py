"""ActiveCampaignClient over mocked HTTP: URLs, headers, retries, bodies, secrecy."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
import requests
import responses
from responses import matchers

from sync.activecampaign.client import ActiveCampaignClient, RequestStats, api_root
from sync.activecampaign.errors import (
    ActiveCampaignError,
    ApiValidationError,
    AuthError,
    FatalApiError,
    MalformedResponseError,
    NotFoundError,
    RetryableApiError,
    ServerError,
    TransportError,
)
from sync.activecampaign.throttle import shared_throttle
from tests.sync.conftest import API, BASE_URL, TOKEN, FakeTime, load_sample

CONTACTS = f"{API}/contacts"


@pytest.mark.parametrize(
    "base_url",
    [
        "https://acct.api-us1.com",
        "https://acct.api-us1.com/",
        "https://acct.api-us1.com/api/3",
        "https://acct.api-us1.com/api/3/",
        "  https://acct.api-us1.com/api/3/  ",
    ],
)
def test_base_url_variants_reach_the_same_api(
    base_url: str, api: responses.RequestsMock, fake_time: FakeTime
) -> None:
    """With or without /api/3 and a trailing slash, calls land on /api/3/<path>."""
    api.get(f"{API}/users/me", json={"user": {"id": "1"}})
    client = ActiveCampaignClient(base_url, TOKEN, sleep=fake_time.sleep, clock=fake_time.monotonic)
    assert (client.api_root, client.get("users/me")) == (API, {"user": {"id": "1"}})


@pytest.mark.parametrize(
    ("base_url", "root"),
    [
        ("http://127.0.0.1:8765", "http://127.0.0.1:8765/api/3"),
        ("http://127.0.0.1:8765/api/3/", "http://127.0.0.1:8765/api/3"),
        ("https://eu.example.com/prefix/", "https://eu.example.com/prefix/api/3"),
    ],
)
def test_api_root_normalises(base_url: str, root: str) -> None:
    """Local simulator URLs and hosted paths normalise to one API root."""
    assert api_root(base_url) == root


@pytest.mark.parametrize("base_url", ["acct.api-us1.com", "ftp://acct.api-us1.com", "https://", ""])
def test_api_root_rejects_non_urls(base_url: str) -> None:
    """A base_url without http(s) scheme and host is a configuration error."""
    with pytest.raises(ValueError, match="base_url must look like"):
        api_root(base_url)


def test_headers_and_params_are_sent(
    api: responses.RequestsMock, client: ActiveCampaignClient
) -> None:
    """Every request carries the token, JSON Accept and our User-Agent; params go in the query."""
    api.get(
        CONTACTS,
        json={"contacts": []},
        match=[
            matchers.header_matcher(
                {"Api-Token": TOKEN, "Accept": "application/json", "User-Agent": "rekisteri/0.1"}
            ),
            matchers.query_param_matcher({"limit": "10", "orders[id]": "ASC"}),
        ],
    )
    assert client.get("contacts", {"limit": 10, "orders[id]": "ASC"}) == {"contacts": []}


def test_post_put_delete_send_json(
    api: responses.RequestsMock, client: ActiveCampaignClient
) -> None:
    """Writes send their JSON body and return the parsed answer."""
    body = {"contactList": {"list": 2, "contact": 1, "status": 2}}
    api.post(f"{API}/contactLists", json={"ok": 1}, match=[matchers.json_params_matcher(body)])
    api.put(
        f"{API}/contacts/1", json={"ok": 2}, match=[matchers.json_params_matcher({"contact": {}})]
    )
    api.delete(f"{API}/contacts/1", body=b"")
    assert [
        client.post("contactLists", body),
        client.put("/contacts/1", {"contact": {}}),
        client.delete("contacts/1"),
    ] == [{"ok": 1}, {"ok": 2}, {}]


def test_retry_after_is_honoured(
    api: responses.RequestsMock, client: ActiveCampaignClient, fake_time: FakeTime
) -> None:
    """A 429 with Retry-After: 3 sleeps exactly 3 s before the successful retry."""
    api.get(CONTACTS, status=429, headers={"Retry-After": "3"}, json={})
    api.get(CONTACTS, json={"contacts": []})
    result = client.get("contacts")
    assert (result, fake_time.sleeps, client.stats) == (
        {"contacts": []},
        [3.0],
        RequestStats(requests=2, rate_limited=1, retries=1),
    )


def test_server_error_then_success(
    api: responses.RequestsMock, client: ActiveCampaignClient, fake_time: FakeTime
) -> None:
    """A 503 is retried after a short backoff."""
    api.get(CONTACTS, status=503)
    api.get(CONTACTS, json={"contacts": []})
    assert client.get("contacts") == {"contacts": []}
    assert (len(fake_time.sleeps), 0.5 <= fake_time.sleeps[0] <= 1.0) == (1, True)
    assert client.stats == RequestStats(requests=2, rate_limited=0, retries=1)


@pytest.mark.parametrize(
    "failure",
    [
        requests.ConnectionError("Connection reset by peer"),
        requests.ReadTimeout("read timed out"),
        requests.exceptions.ChunkedEncodingError("truncated"),
    ],
)
def test_transport_failure_then_success(
    failure: Exception, api: responses.RequestsMock, client: ActiveCampaignClient
) -> None:
    """Resets, timeouts and truncated bodies are retried like server errors."""
    api.get(CONTACTS, body=failure)
    api.get(CONTACTS, json={"contacts": []})
    assert (client.get("contacts"), client.stats) == (
        {"contacts": []},
        RequestStats(requests=2, rate_limited=0, retries=1),
    )


def test_attempts_are_bounded(api: responses.RequestsMock, fake_time: FakeTime) -> None:
    """A server that never recovers ends in a RetryableApiError after max_attempts requests."""
    api.get(CONTACTS, status=502)
    client = ActiveCampaignClient(
        BASE_URL, TOKEN, max_attempts=3, sleep=fake_time.sleep, clock=fake_time.monotonic
    )
    with pytest.raises(RetryableApiError) as caught:
        client.get("contacts")
    assert (type(caught.value), str(caught.value), len(api.calls), client.stats) == (
        ServerError,
        "GET /api/3/contacts: HTTP 502 server error (gave up after 3 attempts)",
        3,
        RequestStats(requests=3, rate_limited=0, retries=2),
    )


def test_connection_failures_are_bounded(api: responses.RequestsMock, fake_time: FakeTime) -> None:
    """Endless resets end in TransportError naming the endpoint and host, not the URL."""
    api.get(CONTACTS, body=requests.ConnectionError(f"{CONTACTS}?email=x@y.fi reset"))
    client = ActiveCampaignClient(
        BASE_URL, TOKEN, max_attempts=2, sleep=fake_time.sleep, clock=fake_time.monotonic
    )
    with pytest.raises(TransportError) as caught:
        client.get("contacts", {"email": "x@y.fi"})
    assert (str(caught.value), len(api.calls)) == (
        "GET /api/3/contacts: cannot connect to acct.api-us1.com (refused, reset or unreachable)"
        " (gave up after 2 attempts)",
        2,
    )


def test_403_once_then_200_succeeds(
    api: responses.RequestsMock, client: ActiveCampaignClient
) -> None:
    """An intermittent 403 is retried once and the call succeeds."""
    api.get(f"{API}/lists", status=403, json=load_sample("list__GET_lists_id__403.json"))
    api.get(f"{API}/lists", json={"lists": []})
    assert (client.get("lists"), len(api.calls)) == ({"lists": []}, 2)


def test_403_twice_is_an_auth_error(
    api: responses.RequestsMock, client: ActiveCampaignClient
) -> None:
    """A 403 that persists is an AuthError after exactly two requests."""
    api.get(f"{API}/lists", status=403, json={"message": "Forbidden"})
    with pytest.raises(AuthError) as caught:
        client.get("lists")
    assert (str(caught.value), len(api.calls)) == (
        "GET /api/3/lists: HTTP 403 forbidden (check the API token)",
        2,
    )


def test_404_is_not_found_without_retry(
    api: responses.RequestsMock, client: ActiveCampaignClient
) -> None:
    """A 404 raises NotFoundError on the first request."""
    api.get(f"{API}/contacts/1", status=404, json=load_sample("contact__GET_contacts_id__404.json"))
    with pytest.raises(NotFoundError) as caught:
        client.get("contacts/1")
    assert (str(caught.value), len(api.calls)) == ("GET /api/3/contacts/1: HTTP 404 not found", 1)


def test_422_carries_error_titles(
    api: responses.RequestsMock, client: ActiveCampaignClient
) -> None:
    """A 422 raises ApiValidationError with the titles of the errors array."""
    api.post(
        f"{API}/contactTags",
        status=422,
        json=load_sample("contactTag_add__POST_contactTags__422.json"),
    )
    with pytest.raises(ApiValidationError) as caught:
        client.post("contactTags", {"contactTag": {}})
    assert (caught.value.errors, str(caught.value), len(api.calls)) == (
        ["Missing attribute"],
        "POST /api/3/contactTags: HTTP 422 unprocessable: Missing attribute",
        1,
    )


@pytest.mark.parametrize("body", [b"", b"  \n", b"{}"])
def test_empty_body_is_an_empty_object(
    body: bytes, api: responses.RequestsMock, client: ActiveCampaignClient
) -> None:
    """An empty 2xx body (DELETE answers) reads as {}."""
    api.delete(f"{API}/contacts/7", body=body)
    assert client.delete("contacts/7") == {}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b'{"contacts": [', "GET /api/3/contacts: response body is not valid JSON"),
        (b"<html>maintenance</html>", "GET /api/3/contacts: response body is not valid JSON"),
        (b'[{"id": "1"}]', "GET /api/3/contacts: response body is not a JSON object"),
        (b'"ok"', "GET /api/3/contacts: response body is not a JSON object"),
    ],
)
def test_non_object_body_is_malformed(
    body: bytes, message: str, api: responses.RequestsMock, client: ActiveCampaignClient
) -> None:
    """A 2xx body that is not a JSON object is a fatal MalformedResponseError, not retried."""
    api.get(CONTACTS, body=body)
    with pytest.raises(MalformedResponseError) as caught:
        client.get("contacts")
    assert (str(caught.value), len(api.calls)) == (message, 1)


def test_redirects_are_not_followed(
    api: responses.RequestsMock, client: ActiveCampaignClient
) -> None:
    """A redirect is refused so the token never travels to another host."""
    api.get(CONTACTS, status=302, headers={"Location": "https://elsewhere.example/steal"})
    with pytest.raises(FatalApiError) as caught:
        client.get("contacts")
    assert (str(caught.value), [c.request.url for c in api.calls]) == (
        "GET /api/3/contacts: HTTP 302 unexpected redirect (check base_url)",
        [CONTACTS],
    )


def test_every_attempt_waits_for_the_throttle(
    api: responses.RequestsMock, client: ActiveCampaignClient, fake_time: FakeTime
) -> None:
    """Back-to-back calls at 5 req/s are spaced 0.2 s apart."""
    api.get(CONTACTS, json={})
    for _ in range(3):
        client.get("contacts")
    assert fake_time.sleeps == pytest.approx([0.2, 0.2])


def test_a_client_uses_the_throttle_it_is_given() -> None:
    """Two clients handed the account's shared throttle hold one window between them."""
    shared = shared_throttle("https://shared-test.api-us1.com/api/3", 5.0)
    first = ActiveCampaignClient("https://shared-test.api-us1.com", TOKEN, throttle=shared)
    second = ActiveCampaignClient("https://shared-test.api-us1.com/api/3/", TOKEN, throttle=shared)
    private = ActiveCampaignClient("https://shared-test.api-us1.com", TOKEN)
    assert (first.throttle is shared, second.throttle is shared, private.throttle is shared) == (
        True,
        True,
        False,
    )


def test_a_429_pauses_the_shared_throttle_for_every_caller(
    api: responses.RequestsMock, client: ActiveCampaignClient, fake_time: FakeTime
) -> None:
    """Retry-After: 30 holds the whole throttle 30 s and halves its rate; the retry succeeds."""
    api.get(CONTACTS, status=429, headers={"Retry-After": "30"}, json={})
    api.get(CONTACTS, json={"contacts": []})
    client.get("contacts")
    paused_for = client.throttle.acquire()  # any other caller right after the refusal
    assert (client.stats.rate_limited, fake_time.now, client.throttle.rate_per_second) == (
        1,
        pytest.approx(30.0 + 1 / 2.6),
        pytest.approx(2.6),
    )
    assert paused_for == pytest.approx(1 / 2.6)


def test_an_http_date_retry_after_is_honoured(
    api: responses.RequestsMock, client: ActiveCampaignClient, fake_time: FakeTime
) -> None:
    """Retry-After as an HTTP date 20 s ahead makes the retry wait about 20 s."""
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=20), usegmt=True)
    api.get(CONTACTS, status=429, headers={"Retry-After": when}, json={})
    api.get(CONTACTS, json={"contacts": []})
    client.get("contacts")
    assert 17.0 <= sum(fake_time.sleeps) <= 20.5


def test_token_and_query_never_leak(
    api: responses.RequestsMock, fake_time: FakeTime, caplog: pytest.LogCaptureFixture
) -> None:
    """Neither the token nor a queried email shows in errors, reprs or debug logs."""
    email = "private.person@example.com"
    statuses = iter([401, 403, 403, 404, 422, 429, 429, 500, 500])

    def answer(request: requests.PreparedRequest) -> tuple[int, dict[str, str], str]:
        return next(statuses), {"Retry-After": "1"}, '{"errors": [{"title": "Bad"}]}'

    api.add_callback(responses.GET, CONTACTS, callback=answer)
    api.get(f"{API}/tags", body=requests.ConnectionError(f"{API}/tags?search={email} failed"))
    api.get(f"{API}/fields", body=b"[not json")
    client = ActiveCampaignClient(
        BASE_URL, TOKEN, max_attempts=2, sleep=fake_time.sleep, clock=fake_time.monotonic
    )
    failures: list[ActiveCampaignError] = []
    with caplog.at_level(logging.DEBUG):
        for path in ["contacts"] * 6 + ["tags", "fields"]:
            try:
                client.get(path, {"email": email})
            except ActiveCampaignError as exc:
                failures.append(exc)
    texts = [str(e) for e in failures] + [repr(e) for e in failures] + [repr(client), caplog.text]
    assert [type(e).__name__ for e in failures] == [
        "AuthError",
        "AuthError",
        "NotFoundError",
        "ApiValidationError",
        "RateLimitedError",
        "ServerError",
        "TransportError",
        "MalformedResponseError",
    ]
    assert [t for t in texts if TOKEN in t or email in t] == []
    assert "GET /api/3/contacts -> 401" in caplog.text


@pytest.mark.parametrize(
    ("failure", "words"),
    [
        (requests.ReadTimeout("x"), "no answer from acct.api-us1.com within 7 s"),
        (requests.ConnectTimeout("x"), "no answer from acct.api-us1.com within 7 s"),
        (
            requests.exceptions.ChunkedEncodingError("x"),
            "the answer from acct.api-us1.com was cut off or garbled (ChunkedEncodingError)",
        ),
    ],
    ids=["read-timeout", "connect-timeout", "truncated"],
)
def test_transport_failures_are_described_in_words(
    api: responses.RequestsMock, fake_time: FakeTime, failure: Exception, words: str
) -> None:
    """A one-line error says what happened and to which host, with the attempts made."""
    api.get(CONTACTS, body=failure)
    client = ActiveCampaignClient(
        BASE_URL,
        TOKEN,
        max_attempts=1,
        timeout_seconds=7,
        sleep=fake_time.sleep,
        clock=fake_time.monotonic,
    )
    with pytest.raises(TransportError) as caught:
        client.get("contacts")
    assert str(caught.value) == f"GET /api/3/contacts: {words}"
