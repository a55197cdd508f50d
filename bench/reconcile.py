"""Reconcile figure of SPEC section 10: 1,000,000 contacts x 3 lists, 1,000,000 consent events.

python -m bench.reconcile --contacts 1000000 [--without-tags]
Runs the rules in a fresh child process so its peak memory is the rules' own. The contacts'
tags are passed as the reconcile job passes them (--without-tags: the call without them).
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import time
from datetime import UTC, datetime

import numpy as np
import pandas as pd

from compliance.codes import OBJECTION_TAG, Basis
from compliance.policy import ListPolicy, RetentionPolicy
from compliance.reconcile import reconcile

NOW = datetime(2026, 11, 1, tzinfo=UTC)
LISTS = (
    ListPolicy(id=1, purpose="newsletter", basis=Basis.CONSENT),
    ListPolicy(
        id=2, purpose="customer_offers", basis=Basis.SOFT_OPT_IN, product_groups=("kurssit",)
    ),
    ListPolicy(id=3, purpose="surveys", basis=Basis.CONSENT),
)


TAG_NAMES = np.array(["asiakas", "vip", "webinaari-2025", "kurssilainen"], dtype=object)


def synthetic(contacts: int, seed: int, *, tags: bool = True) -> dict[str, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    ids = np.arange(1, contacts + 1, dtype="int64")
    emails = pd.Series([f"user{i}@example.fi" for i in ids])
    base = pd.Timestamp(NOW)
    days = pd.to_timedelta(rng.integers(0, 2000, contacts), unit="D")
    contacts_df = pd.DataFrame(
        {
            "contact_id": ids,
            "email": emails,
            "email_norm": emails,
            "suppression_key": [f"{i:064x}" for i in ids],
            "cdate": base - days,
            "udate": base - days / 2,
            "bounced_hard": rng.random(contacts) < 0.01,
            "bounced_date": pd.Series(pd.NaT, index=range(contacts), dtype="datetime64[ns, UTC]"),
        }
    )
    memberships = pd.DataFrame(
        {
            "contact_id": np.repeat(ids, 3),
            "list_id": np.tile(np.array([1, 2, 3]), contacts),
            "status": rng.choice(np.array([1, 1, 1, 2, 0, 3]), contacts * 3),
            "sdate": np.repeat(contacts_df["cdate"].to_numpy(), 3),
            "udate": np.repeat(contacts_df["udate"].to_numpy(), 3),
        }
    )
    memberships["sdate"] = pd.to_datetime(memberships["sdate"], utc=True)
    memberships["udate"] = pd.to_datetime(memberships["udate"], utc=True)
    who = rng.integers(1, contacts + 1, contacts)
    consents = pd.DataFrame(
        {
            "email_norm": pd.Series([f"user{i}@example.fi" for i in who]),
            "purpose": rng.choice(np.array(["newsletter", "surveys"]), contacts),
            "action": rng.choice(np.array(["grant", "grant", "grant", "withdraw"]), contacts),
            "at": base - pd.to_timedelta(rng.integers(0, 1500, contacts), unit="D"),
            "source": "form",
            "wording_id": "w1",
            "notice_version": "2024",
        }
    )
    buyers = rng.integers(1, contacts + 1, contacts // 2)
    customers = pd.DataFrame(
        {
            "email_norm": pd.Series([f"user{i}@example.fi" for i in buyers]),
            "last_purchase_at": base - pd.to_timedelta(rng.integers(0, 1500, len(buyers)), "D"),
            "product_group": rng.choice(np.array(["kurssit", "lahjakortit"]), len(buyers)),
        }
    )
    objectors = rng.integers(1, contacts + 1, contacts // 100)
    objections = pd.DataFrame(
        {
            "email_norm": pd.Series([f"user{i}@example.fi" for i in objectors]),
            "scope": "direct_marketing",
            "at": base - pd.to_timedelta(rng.integers(0, 900, len(objectors)), unit="D"),
            "channel": "email",
        }
    )
    suppressions = pd.DataFrame(
        {
            "key": [f"{i:064x}" for i in objectors[: len(objectors) // 2]],
            "scope": "all",
            "reason": "objection",
            "created_at": pd.Series([base] * (len(objectors) // 2), dtype="datetime64[ns, UTC]"),
        }
    )
    frames = {
        "contacts": contacts_df,
        "memberships": memberships,
        "consents": consents,
        "customers": customers,
        "objections": objections,
        "suppressions": suppressions,
    }
    if tags:
        # Half the contacts carry one of a few tags, a fifth of those a second one; half the
        # objectors already carry the objection tag from an earlier run.
        holders = ids[rng.random(contacts) < 0.5]
        second = holders[rng.random(len(holders)) < 0.2]
        marked = np.unique(objectors[: len(objectors) // 2])
        frames["contact_tags"] = pd.DataFrame(
            {
                "contact_id": np.concatenate([holders, second, marked]),
                "tag": np.concatenate(
                    [
                        rng.choice(TAG_NAMES, len(holders)),
                        rng.choice(TAG_NAMES, len(second)),
                        np.full(len(marked), OBJECTION_TAG, dtype=object),
                    ]
                ),
            }
        )
    return frames


def _child(contacts: int, seed: int, tags: bool, queue: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    frames = synthetic(contacts, seed, tags=tags)
    after_setup = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    result = reconcile(**frames, lists=LISTS, policy=RetentionPolicy(), now=NOW)
    wall = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    queue.put(
        (
            wall,
            after_setup,
            peak,
            len(result.findings),
            len(result.actions),
            len(frames["memberships"]),
            len(frames["consents"]),
            len(frames["contact_tags"]) if tags else None,
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--without-tags", action="store_true", help="Call without contact_tags.")
    args = parser.parse_args()
    queue: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
    child = multiprocessing.get_context("fork").Process(
        target=_child, args=(args.contacts, args.seed, not args.without_tags, queue)
    )
    child.start()
    wall, setup_kb, peak_kb, findings, actions, memberships, consents, tags = queue.get()
    child.join()
    print(
        f"reconcile of {args.contacts:,} contacts x 3 lists ({memberships:,} memberships),"
        f" {consents:,} consent events, "
        + ("no contact tags" if tags is None else f"{tags:,} contact tags")
    )
    print(f"  wall time:            {wall:.1f} s")
    print(
        f"  peak memory (RSS):    {peak_kb / 1024:.0f} MiB"
        f" (of which input frames {setup_kb / 1024:.0f} MiB)"
    )
    print(f"  findings / actions:   {findings:,} / {actions:,}")


if __name__ == "__main__":
    main()
