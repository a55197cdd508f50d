"""A pull: fetch from ActiveCampaign, save into the register, all or nothing."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from compliance.policy import ListPolicy
from sync.activecampaign.client import ActiveCampaignClient
from sync.activecampaign.errors import ActiveCampaignError
from sync.activecampaign.fetch import fetch_contact_pages, fetch_fields, fetch_lists, fetch_tags
from sync.register import mirror, sync_state
from sync.register.db import transaction
from sync.register.optouts import record_optouts


class MassDisappearance(Exception):
    """A full walk would mark more of the mirror deleted than the policy allows.

    Raised inside the pull's transaction, so the mirror, ledger and cursor stay as they were
    and the pull is recorded as partial (no purge follows).
    """

    def __init__(self, *, gone: int, mirrored: int, limit: float) -> None:
        super().__init__(f"full pull would mark {gone} of {mirrored} contacts deleted")
        self.gone = gone
        self.mirrored = mirrored
        self.limit = limit


@dataclass(frozen=True)
class PullResult:
    pull_id: int
    mode: str
    contacts: int
    requests: int
    rate_limited: int
    deleted: int
    complete: bool
    # Withdraw events recorded for opt-outs made in ActiveCampaign (SPEC 5.1).
    ledger_events: int = 0


def choose_mode(
    conn: sqlite3.Connection, *, now: datetime, full: bool, full_every_days: int
) -> tuple[str, datetime | None]:
    """Full when asked, when there is no cursor, or when the last full walk is too old."""
    cursor = sync_state.get_time(conn, sync_state.CURSOR)
    last_full = sync_state.get_time(conn, sync_state.LAST_FULL)
    if full or cursor is None or last_full is None:
        return "full", None
    if now - last_full >= timedelta(days=full_every_days):
        return "full", None
    return "incremental", cursor


def pull(
    *,
    client: ActiveCampaignClient,
    conn: sqlite3.Connection,
    now: Callable[[], datetime],
    full: bool,
    full_every_days: int,
    overlap_minutes: int,
    page_size: int,
    on_page: Callable[[int], None] | None = None,
    mass_disappearance_stop: float = 1.0,
    accept_deletions: bool = False,
    lists: Sequence[ListPolicy] = (),
) -> PullResult:
    """Run one pull. On any failure the previous register state and cursor stay untouched.

    Opt-outs made in ActiveCampaign on the marketing `lists` enter the ledger in the same
    transaction (SPEC 5.1).
    """
    started = now()
    mode, cursor = choose_mode(conn, now=started, full=full, full_every_days=full_every_days)
    updated_after = cursor - timedelta(minutes=overlap_minutes) if cursor else None
    pull_id = sync_state.start_pull(conn, mode=mode, started_at=started)
    requests_before = client.stats.requests
    limited_before = client.stats.rate_limited
    seen: set[int] = set()
    deleted = 0
    recorded = 0
    try:
        with transaction(conn):
            mirror.save_lists(conn, list(fetch_lists(client)))
            mirror.save_fields(conn, list(fetch_fields(client)))
            mirror.save_tags(conn, list(fetch_tags(client)))
            for page in fetch_contact_pages(
                client, updated_after=updated_after, page_size=page_size
            ):
                mirror.save_page(conn, page)
                seen.update(contact.id for contact in page.contacts)
                if on_page is not None:
                    on_page(len(page.contacts))
            if mode == "full":
                mirrored = mirror.mirrored_ids(conn)
                gone = mirrored - seen
                if (
                    not accept_deletions
                    and mirrored
                    and len(gone) / len(mirrored) > mass_disappearance_stop
                ):
                    raise MassDisappearance(
                        gone=len(gone), mirrored=len(mirrored), limit=mass_disappearance_stop
                    )
                deleted = mirror.record_ac_deletions(
                    conn, gone, detected_at=started, pull_id=pull_id
                )
                sync_state.set_time(conn, sync_state.LAST_FULL, started)
            recorded = record_optouts(conn, lists=lists, pulled_at=started)
            sync_state.set_time(conn, sync_state.CURSOR, started)
    except BaseException as exc:
        # Any failure is recorded; only our own API errors have messages known to be free of
        # personal data, anything else is named by its type.
        error = str(exc) if isinstance(exc, ActiveCampaignError) else ""
        sync_state.finish_pull(
            conn,
            pull_id,
            finished_at=now(),
            complete=False,
            contacts=len(seen),
            requests=client.stats.requests - requests_before,
            rate_limited=client.stats.rate_limited - limited_before,
            deleted=0,
            error=error or type(exc).__name__,
        )
        raise
    result = PullResult(
        pull_id=pull_id,
        mode=mode,
        contacts=len(seen),
        requests=client.stats.requests - requests_before,
        rate_limited=client.stats.rate_limited - limited_before,
        deleted=deleted,
        complete=True,
        ledger_events=recorded,
    )
    sync_state.finish_pull(
        conn,
        pull_id,
        finished_at=now(),
        complete=True,
        contacts=result.contacts,
        requests=result.requests,
        rate_limited=result.rate_limited,
        deleted=deleted,
        error=None,
    )
    return result
