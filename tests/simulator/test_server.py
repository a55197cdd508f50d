"""The HTTP layer: token check, rate limit, injected faults, stats, lifecycle."""

from __future__ import annotations

import re
import threading
from collections import Counter
from datetime import timedelta

import pytest
import requests

from simulator import SimulatorServer, SimulatorState, generate, serve
from simulator import server as server_module
from simulator.catalog import LIST_NEWSLETTER
from simulator.limits import TokenBucket
from tests.simulator.support import ANCHOR, TOKEN, Api


def outcome(api: Api, method: str, path: str, body: object = None) -> str:
    """The status code as text, or "reset"/"timeout" when no answer came."""
    try:
        response = api.session.request(method, api.url(path), json=body, timeout=2)
    except requests.exceptions.ConnectionError:
        return "reset"
    return str(response.status_code)


def test_token_is_required(server: SimulatorServer) -> None:
    """No or a wrong Api-Token is 403 {"message": "Forbidden"}; the right one passes."""
    url = f"{server.url}/api/3/users/me"
    missing = requests.get(url, timeout=5)
    wrong = requests.get(url, headers={"Api-Token": "nope"}, timeout=5)
    right = requests.get(url, headers={"Api-Token": TOKEN}, timeout=5)
    assert (missing.status_code, wrong.status_code, right.status_code) == (403, 403, 200)
    assert wrong.json() == {"message": "Forbidden"}


def test_binds_loopback_only(server: SimulatorServer) -> None:
    """The server listens on 127.0.0.1 and reports that in its url."""
    assert server.url == f"http://127.0.0.1:{server.port}"
    assert server._httpd.server_address[0] == "127.0.0.1"


def test_hammering_gets_429_with_retry_after(state: SimulatorState) -> None:
    """With rate=2 a quick burst is cut after 2 requests: 429, Retry-After: 1, headers."""
    with serve(state, token=TOKEN, rate=2) as limited:
        api = Api(limited)
        responses = [api.get("users/me") for _ in range(8)]
    codes = [r.status_code for r in responses]
    assert codes[:2] == [200, 200]
    refused = [r for r in responses if r.status_code == 429]
    assert refused
    assert refused[0].headers["Retry-After"] == "1"
    assert refused[0].headers["RateLimit-Limit"] == "2"
    assert refused[0].headers["RateLimit-Remaining"] == "0"
    assert refused[0].json() == {"message": "Too Many Requests"}
    assert limited.stats.rate_limited == len(refused)
    assert limited.stats.requests == 8


def test_token_bucket_refills_at_the_rate() -> None:
    """Capacity = rate, one token per request, refill rate/s, Retry-After in whole seconds."""
    now = [0.0]
    bucket = TokenBucket(5, clock=lambda: now[0])
    assert [bucket.take()[0] for _ in range(6)] == [True] * 5 + [False]
    allowed, tokens = bucket.take()
    assert not allowed
    assert bucket.retry_after(tokens) == 1
    now[0] = 0.4
    assert [bucket.take()[0] for _ in range(3)] == [True, True, False]
    slow = TokenBucket(0.25, clock=lambda: now[0])
    assert slow.take()[0]
    assert slow.retry_after(slow.take()[1]) == 4


def test_rate_zero_disables_the_limit(api: Api) -> None:
    """rate=0 never answers 429 and sends no RateLimit headers."""
    responses = [api.get("users/me") for _ in range(20)]
    assert {r.status_code for r in responses} == {200}
    assert "RateLimit-Limit" not in responses[0].headers


def test_faults_come_at_the_given_rate_and_never_change_state(state: SimulatorState) -> None:
    """faults=0.3: roughly 30% of requests fail (5xx or reset); failed writes change nothing."""
    later = ANCHOR + timedelta(hours=1)
    state.clock = lambda: later
    members = [m for m in state.memberships.values() if m.list_id == LIST_NEWSLETTER]
    with serve(state, token=TOKEN, rate=0, faults=0.3, seed=5, timeout_delay=0.01) as faulty:
        api = Api(faulty)
        results = {}
        for m in members[:150]:
            body = {"contactList": {"list": m.list_id, "contact": m.contact_id, "status": 2}}
            results[m.contact_id] = outcome(api, "POST", "contactLists", body)
    counts = Counter(results.values())
    failed = sum(n for code, n in counts.items() if code != "200")
    assert 25 <= failed <= 70
    assert {"500", "502", "503", "504", "reset"} <= set(counts)
    assert faulty.stats.faults == failed
    for contact_id, result in results.items():
        membership = state.membership(contact_id, LIST_NEWSLETTER)
        assert membership is not None
        changed = membership.udate == later
        assert changed == (result == "200"), (contact_id, result)


def test_same_seed_same_fault_sequence(state: SimulatorState) -> None:
    """The fault plan is repeatable: a fresh server with the same seed fails the same requests."""
    sequences = []
    for _ in range(2):
        with serve(state, token=TOKEN, rate=0, faults=0.4, seed=9, timeout_delay=0.01) as srv:
            api = Api(srv)
            sequences.append([outcome(api, "GET", "users/me") for _ in range(40)])
    assert sequences[0] == sequences[1]
    assert "200" in sequences[0] and len(set(sequences[0])) > 2


def test_slow_fault_makes_a_short_timeout_expire(state: SimulatorState) -> None:
    """A slow fault waits timeout_delay, so a client with a shorter timeout times out."""
    with serve(state, token=TOKEN, rate=0, faults=1.0, seed=1, timeout_delay=0.3) as srv:
        api = Api(srv)
        timed_out = False
        for _ in range(30):
            try:
                api.session.get(api.url("users/me"), timeout=0.05)
            except requests.exceptions.ReadTimeout:
                timed_out = True
                break
            except requests.exceptions.ConnectionError:
                continue
    assert timed_out
    assert srv.stats.faults_by_kind.get("slow", 0) >= 1


def test_bad_json_and_wrong_method(api: Api) -> None:
    """A body that is not JSON is 400; a known path with another method is 405."""
    response = api.session.post(api.url("contactLists"), data=b"{not json", timeout=5)
    assert response.status_code == 400
    assert api.session.patch(api.url("contacts"), timeout=5).status_code == 501
    assert api.delete("lists").status_code == 405


def test_shutdown_is_idempotent_and_frees_the_port(state: SimulatorState) -> None:
    """After shutdown nothing answers, not even a pooled keep-alive connection."""
    srv = serve(state, token=TOKEN, rate=0)
    api = Api(srv)
    assert api.get("users/me").status_code == 200
    srv.shutdown()
    srv.shutdown()
    with pytest.raises(requests.exceptions.ConnectionError):
        requests.get(f"{srv.url}/api/3/users/me", timeout=1)
    with pytest.raises(requests.exceptions.ConnectionError):
        api.get("users/me")


def test_run_forever_prints_one_line_and_stops_on_ctrl_c(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """run_forever announces the url and contact count, then returns on KeyboardInterrupt."""
    seen: list[str] = []

    def interrupt(_seconds: float) -> None:
        seen.append(threading.current_thread().name)
        raise KeyboardInterrupt

    monkeypatch.setattr("simulator.server.time.sleep", interrupt)
    server_module.run_forever(0, 25, 1, 5.0, 0.0, TOKEN, anchor=ANCHOR)
    out = capsys.readouterr().out
    assert re.fullmatch(
        r"ActiveCampaign simulator on http://127\.0\.0\.1:\d+ \(25 contacts\)\n", out
    )
    assert seen == ["MainThread"]


def test_generate_and_serve_together_answer_quickly() -> None:
    """A 100-contact page of a 20,000-contact account is served with side-loads."""
    big = generate(contacts=20_000, seed=2, anchor=ANCHOR)
    with serve(big, token=TOKEN, rate=0) as srv:
        api = Api(srv)
        page = api.get(
            "contacts",
            **{"orders[id]": "ASC", "id_greater": 15_000, "limit": 100},
            include="contactLists,contactTags,fieldValues",
        )
    assert page.status_code == 200
    assert len(page.json()["contacts"]) == 100
    assert page.elapsed.total_seconds() < 1.0


@pytest.mark.parametrize(("retry_after", "header"), [(None, "30"), (3, "3")])
def test_strict_window_refuses_the_third_of_a_burst_with_the_configured_retry_after(
    state: SimulatorState, retry_after: int | None, header: str
) -> None:
    """limit="window" at rate 2: a burst of 3 gets 200, 200, 429 with Retry-After 30 or N."""
    with serve(
        state,
        token=TOKEN,
        rate=2,
        limit="window",
        retry_after=retry_after,
        latency=0.002,
        jitter=0.001,
    ) as strict:
        api = Api(strict)
        responses = [api.get("users/me") for _ in range(3)]
    assert [r.status_code for r in responses] == [200, 200, 429]
    assert (responses[2].headers["Retry-After"], strict.stats.rate_limited) == (header, 1)
