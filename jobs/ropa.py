"""`rekisteri ropa`: the Art. 30 record of processing, from the same config as the rules."""

from __future__ import annotations

from pathlib import Path

from compliance.transfers import EEA_COUNTRIES
from jobs.context import Context
from reports.ropa import Ropa, build_ropa, write_ropa


def ropa_for(ctx: Context) -> Ropa:
    settings = ctx.settings
    return build_ropa(
        controller=settings.controller.model_dump(),
        lists=[item.model_dump() for item in settings.lists],
        processors=[item.model_dump() for item in settings.processors],
        policy=settings.policy.model_dump(),
        eea_countries=EEA_COUNTRIES,
        cookies=settings.cookies.model_dump(),
    )


def ropa_errors(ctx: Context) -> list[str]:
    return list(ropa_for(ctx).errors)


def run_ropa(ctx: Context) -> tuple[Path, Path, list[str]]:
    ropa = ropa_for(ctx)
    html, data = write_ropa(
        ropa,
        out_dir=ctx.settings.reports.dir / "ropa",
        language=ctx.settings.controller.language,
        generated_at=ctx.wall_now(),
    )
    return html, data, list(ropa.errors)
