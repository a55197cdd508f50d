"""What must hold before a request discloses or changes anything: identity, no restriction."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from typing import Protocol

from compliance.codes import IDENTITY_GATED_REQUESTS, VERIFICATION_METHODS
from sync.register import requests as store
from sync.register import restrictions, transaction

# Erasure and rectification are writes; a restricted person's data may only be stored.
BLOCKED_BY_RESTRICTION = frozenset({"erase", "rectify"})


class Waiting(Protocol):
    request_id: str
    status: str
    waiting: str | None


def is_verified(conn: sqlite3.Connection, request_id: str) -> bool:
    return any(e["kind"] == "verified" for e in store.events(conn, request_id))


def may_proceed(
    conn: sqlite3.Connection,
    outcome: Waiting,
    *,
    kind: str,
    email_norm: str,
    require_verified: bool,
    now: datetime,
) -> bool:
    """True when the request may be carried out now; else `outcome` says what to add first.

    Disclosing data to the wrong person is a breach (Art. 12(6)), so access, erase and rectify
    wait for an identity check; the request is on record and its deadline runs meanwhile.
    """
    request_id = outcome.request_id
    if require_verified and kind in IDENTITY_GATED_REQUESTS and not is_verified(conn, request_id):
        with transaction(conn):
            store.add_event(conn, request_id, kind="identity_unverified", at=now, detail={})
        outcome.status = "recorded, waiting for an identity check; nothing disclosed or changed"
        outcome.waiting = (
            f"request {request_id}: the requester's identity is not verified; check it, then run"
            f" the same command again with --verified {'|'.join(VERIFICATION_METHODS)}"
        )
        return False
    since = restrictions.since(conn, email_norm) if kind in BLOCKED_BY_RESTRICTION else None
    if since is not None:
        outcome.status = "recorded, waiting: the person's data is under restriction"
        outcome.waiting = (
            f"request {request_id}: processing is restricted since {since.date().isoformat()}"
            " (Art. 18); lift it first with 'rekisteri request restrict EMAIL --lift', then run"
            " this again"
        )
        return False
    return True
