"""`rekisteri pull`: ActiveCampaign into the register."""

from __future__ import annotations

import logging

from jobs.context import Context
from jobs.logs import progress, show_progress
from sync.pull import PullResult, pull

log = logging.getLogger(__name__)


def run_pull(ctx: Context, *, full: bool) -> PullResult:
    settings = ctx.settings
    client = ctx.client()
    conn = ctx.open_register()
    try:
        with progress("pull", enabled=show_progress(ctx.quiet)) as advance:
            result = pull(
                client=client,
                conn=conn,
                now=ctx.wall_now,
                full=full,
                full_every_days=settings.sync.full_every_days,
                overlap_minutes=settings.sync.overlap_minutes,
                page_size=settings.activecampaign.page_size,
                on_page=advance,
            )
    finally:
        conn.close()
    log.info(
        "pull: %s, %d contacts, %d requests, %d rate-limited, %d deleted in ActiveCampaign",
        result.mode,
        result.contacts,
        result.requests,
        result.rate_limited,
        result.deleted,
    )
    return result
