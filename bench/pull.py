"""Pull figures of SPEC section 10 against the simulator at 5 req/s, on the strict rolling
window (never more than 5 admitted in any second, counted at arrival) with 30 ms ± 20 ms
latency and ActiveCampaign's documented Retry-After: 30.

python -m bench.pull --contacts 20000
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from simulator.data import generate
from simulator.server import serve
from sync.activecampaign.client import ActiveCampaignClient
from sync.activecampaign.fetch import fetch_contact_pages, fetch_memberships_collection
from sync.pull import pull
from sync.register import connect

TOKEN = "bench-token"  # noqa: S105 - the simulator's


STRICT: dict[str, Any] = {"limit": "window", "retry_after": 30, "latency": 0.03, "jitter": 0.02}


def _client(url: str, rate: float) -> ActiveCampaignClient:
    return ActiveCampaignClient(base_url=url, token=TOKEN, requests_per_second=rate)


def measure_pull(contacts: int, rate: float, seed: int) -> None:
    state = generate(contacts=contacts, seed=seed, anchor=datetime.now(UTC))
    with (
        serve(state, port=0, token=TOKEN, rate=rate, seed=seed, **STRICT) as server,
        tempfile.TemporaryDirectory() as tmp,
    ):
        conn = connect(Path(tmp) / "register.sqlite")
        client = _client(server.url, rate)
        started = time.monotonic()
        full = pull(
            client=client,
            conn=conn,
            now=lambda: datetime.now(UTC),
            full=True,
            full_every_days=7,
            overlap_minutes=60,
            page_size=100,
        )
        wall = time.monotonic() - started
        print(
            f"full pull of {full.contacts} contacts at {rate:g} req/s"
            " (strict window, 30 ms ± 20 ms latency)"
        )
        print(f"  requests made:            {full.requests}")
        print(f"  requests per 1,000:       {1000 * full.requests / max(full.contacts, 1):.2f}")
        print(f"  wall time:                {wall:.1f} s")
        print(f"  rate-limit utilisation:   {full.requests / (rate * wall):.3f}")
        print(f"  429 responses:            {server.stats.rate_limited}")
        refused_before = server.stats.rate_limited

        changed = sorted(state.contacts)[::100][: max(contacts // 100, 1)]
        for contact_id in changed:
            state.touch(contact_id)
        time.sleep(1.0)  # let the simulated clock pass the cursor
        inc = pull(
            client=client,
            conn=conn,
            now=lambda: datetime.now(UTC),
            full=False,
            full_every_days=7,
            overlap_minutes=0,
            page_size=100,
        )
        print(
            f"incremental pull after {len(changed)} contacts ({len(changed) / contacts:.0%})"
            " changed"
        )
        print(f"  requests made:            {inc.requests}")
        print(f"  contacts fetched:         {inc.contacts}")
        print(f"  share of the full pull:   {inc.requests / full.requests:.1%}")
        print(f"  429 responses:            {server.stats.rate_limited - refused_before}")
        conn.close()


def compare_membership_strategies(contacts: int, rate: float, seed: int) -> None:
    """Side-loading with the contacts versus walking /contactLists separately."""
    state = generate(contacts=contacts, seed=seed, anchor=datetime.now(UTC))
    memberships = len(state.memberships)
    with serve(state, port=0, token=TOKEN, rate=rate) as server:
        client = _client(server.url, rate)
        before = client.stats.requests
        side = sum(len(p.memberships) for p in fetch_contact_pages(client, page_size=100))
        side_requests = client.stats.requests - before
        before = client.stats.requests
        plain = sum(
            len(p.contacts)
            for p in fetch_contact_pages(client, page_size=100, include_related=False)
        )
        walk = sum(1 for _ in fetch_memberships_collection(client))
        walk_requests = client.stats.requests - before
    print(f"membership strategies, {contacts} contacts, {memberships} memberships")
    print(
        f"  side-loaded (include=contactLists,contactTags,fieldValues): {side_requests}"
        f" requests, {side} memberships"
    )
    print(
        f"  contacts + GET /contactLists walk (memberships only):      {walk_requests}"
        f" requests, {walk} memberships, {plain} contacts"
    )
    print(
        f"  per contact GET /contacts/{{id}}/contactLists:             {contacts + side_requests}"
        " requests (estimate: one per contact on top of the contact pages)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--contacts", type=int, default=20000)
    parser.add_argument("--rate", type=float, default=5.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--strategy-contacts", type=int, default=2000)
    args = parser.parse_args()
    measure_pull(args.contacts, args.rate, args.seed)
    compare_membership_strategies(args.strategy_contacts, args.rate, args.seed)


if __name__ == "__main__":
    main()
