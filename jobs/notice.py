"""`rekisteri notice`: the privacy notice (Art. 13) from the config the job enforces, and what the
report says about it (its version, the versions consents were given under, open defects)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from compliance.notice import OpenDefect, classify_versions, defect_codes, open_defects
from compliance.transfers import EEA_COUNTRIES
from jobs.context import Context
from reports.notice import build_notice
from reports.notice_files import content_hash, issued_versions, version_for, write_notice
from sync.register.notices import consents_by_notice_version, custom_field_titles


def _field_titles(ctx: Context, conn: sqlite3.Connection | None) -> list[str]:
    """Custom field titles from the mirror; none before `init` (the notice creates no register)."""
    if conn is not None:
        return custom_field_titles(conn)
    if not ctx.settings.register.database.is_file():
        return []
    own = ctx.open_register()
    try:
        return custom_field_titles(own)
    finally:
        own.close()


def notice_for(ctx: Context, conn: sqlite3.Connection | None = None) -> dict[str, Any]:
    s = ctx.settings
    return build_notice(
        custom_fields=_field_titles(ctx, conn),
        controller=s.controller.model_dump(),
        lists=[item.model_dump() for item in s.lists],
        processors=[item.model_dump() for item in s.processors],
        policy=s.policy.model_dump(),
        cookies=s.cookies.model_dump(),
        keep_days=s.reports.keep_days,
        eea_countries=EEA_COUNTRIES,
    )


def notice_defects(ctx: Context) -> list[dict[str, Any]]:
    """Part C defects the notice generated from the current config still has, with reasons."""
    return [d.as_dict() for d in _open(ctx)]


def _open(ctx: Context) -> list[OpenDefect]:
    s = ctx.settings
    return list(
        open_defects(
            lists=[item.model_dump() for item in s.lists],
            processors=[item.model_dump() for item in s.processors],
            policy=s.policy.model_dump(),
            cookies=s.cookies.model_dump(),
            complaint_authority=s.controller.complaint_authority,
            eea_countries=EEA_COUNTRIES,
        )
    )


def _today(ctx: Context) -> Any:
    return ctx.now().astimezone(ZoneInfo(ctx.settings.controller.timezone)).date()


def current_version(ctx: Context, conn: sqlite3.Connection) -> tuple[str, bool]:
    """(version of the notice the current config gives, whether it has been written yet)."""
    issued = issued_versions(ctx.settings.reports.dir)
    content = content_hash(notice_for(ctx, conn), language=ctx.settings.controller.language)
    version = version_for(content, today=_today(ctx), issued=issued)
    return version, version in issued


def run_notice(ctx: Context) -> tuple[str, Path, list[Path], list[dict[str, Any]]]:
    version, folder, paths = write_notice(
        notice_for(ctx),
        root=ctx.settings.reports.dir,
        language=ctx.settings.controller.language,
        today=_today(ctx),
    )
    return version, folder, paths, notice_defects(ctx)


def notice_status(ctx: Context, conn: sqlite3.Connection) -> dict[str, Any]:
    """report.json's `notice`: current version, whether it is written, consents per version."""
    version, written = current_version(ctx, conn)
    issued = issued_versions(ctx.settings.reports.dir)
    rows = classify_versions(consents_by_notice_version(conn), current=version, issued=issued)
    found = _open(ctx)
    return {
        "version": version,
        "written": written,
        "consent_versions": rows,
        "consents_under_older": sum(
            r["consents"] for r in rows if r["status"] in ("older", "unknown")
        ),
        "open_defects": [d.as_dict() for d in found],
        "defects": defect_codes(found),
    }
