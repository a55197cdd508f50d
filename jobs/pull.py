"""`rekisteri pull`: ActiveCampaign into the register."""

from __future__ import annotations

import logging

from jobs.context import Context
from jobs.errors import SafetyStop
from jobs.logs import progress, show_progress
from sync.pull import MassDisappearance, PullResult, pull

log = logging.getLogger(__name__)


class MassDisappearanceStop(SafetyStop):
    """The pull's safety stop, with the counts the report shows."""

    def __init__(self, stop: MassDisappearance) -> None:
        super().__init__(
            f"pull: GET /api/3/contacts: the full walk would mark {stop.gone} of"
            f" {stop.mirrored} mirrored contacts deleted (limit {stop.limit:.0%}); nothing"
            " changed. If they really were deleted: rekisteri pull --full --accept-deletions"
        )
        self.gone = stop.gone
        self.mirrored = stop.mirrored
        self.limit = stop.limit


def run_pull(ctx: Context, *, full: bool, accept_deletions: bool = False) -> PullResult:
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
                mass_disappearance_stop=settings.policy.mass_disappearance_stop,
                accept_deletions=accept_deletions,
                lists=ctx.list_policies(),
            )
    except MassDisappearance as stop:
        raise MassDisappearanceStop(stop) from None
    finally:
        conn.close()
    log.info(
        "pull: %s, %d contacts, %d requests, %d rate-limited, %d deleted in ActiveCampaign,"
        " %d opt-outs recorded",
        result.mode,
        result.contacts,
        result.requests,
        result.rate_limited,
        result.deleted,
        result.ledger_events,
    )
    return result
