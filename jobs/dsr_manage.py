"""`rekisteri request extend|refuse ID`: more time (Art. 12(3)) or a reasoned no (Art. 12(4))."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from compliance.deadlines import can_extend, extended_due_at
from jobs.context import Context
from jobs.dsr import RequestOutcome
from jobs.errors import ConfigError
from reports.letters import write_letter
from sync.register import requests as store
from sync.register import transaction
from sync.register.requests import RequestRecord

# An objection to direct marketing is absolute (Art. 21(3)): there is nothing to refuse.
NEVER_REFUSED = frozenset({"object"})


def _open_request(conn: sqlite3.Connection, request_id: str, verb: str) -> RequestRecord:
    record = store.get(conn, request_id)
    if record is None:
        raise ConfigError(
            f"request {request_id}: no such request (see 'rekisteri request list')", key="ID"
        )
    if record.status != "open":
        raise ConfigError(
            f"request {request_id} is {record.status}; only an open request can be {verb};"
            " nothing changed",
            key="ID",
        )
    return record


def _reason_text(reason: str) -> str:
    text = " ".join(reason.split())
    if not text:
        raise ConfigError("--reason: say why (the person is told)", key="--reason")
    return text


def _letter_request(record: RequestRecord) -> dict[str, object]:
    return {
        "id": record.id,
        "type": record.type,
        "received_at": record.received_at,
        "due_at": record.due_at,
        "email_masked": record.email_masked,
    }


def _folder(ctx: Context, request_id: str) -> Path:
    return ctx.settings.reports.dir / "requests" / request_id


def run_extend(
    ctx: Context, request_id: str, *, reason: str, language: str | None = None
) -> RequestOutcome:
    """Move an open request's deadline to three months from receipt and write the letter.

    Only before the deadline and only once (Art. 12(3)); otherwise exit 2 and nothing changes.
    """
    text = _reason_text(reason)
    now = ctx.now()
    conn = ctx.open_register()
    try:
        record = _open_request(conn, request_id, "extended")
        earlier = [e for e in store.events(conn, request_id) if e["kind"] == "extended"]
        if earlier:
            raise ConfigError(
                f"request {request_id} was already extended to {record.due_at.date()};"
                " Art. 12(3) allows two further months once; nothing changed",
                key="ID",
            )
        if not can_extend(record.due_at, now):
            raise ConfigError(
                f"request {request_id} was due {record.due_at.date()}; an extension must reach"
                " the person before the deadline (Art. 12(3)); nothing changed",
                key="ID",
            )
        new_due = extended_due_at(record.received_at)
        # The letter first: an extension on record must never lack the letter telling of it.
        letter = write_letter(
            "extension",
            out_dir=_folder(ctx, request_id),
            language=language or ctx.settings.controller.language,
            controller=ctx.settings.controller.model_dump(),
            request=_letter_request(record),
            facts={"reason": text, "original_due": record.due_at, "new_due": new_due},
            generated_at=ctx.wall_now(),
        )
        with transaction(conn):
            store.set_due(conn, request_id, new_due)
            store.add_event(
                conn,
                request_id,
                kind="extended",
                at=now,
                detail={
                    "reason": text,
                    "original_due": record.due_at.isoformat(),
                    "new_due": new_due.isoformat(),
                    "letter": str(letter),
                },
            )
    finally:
        conn.close()
    return RequestOutcome(
        request_id,
        record.type,
        new_due,
        files=[letter],
        status=f"extended from {record.due_at.date().isoformat()}",
    )


def run_refuse(
    ctx: Context,
    request_id: str,
    *,
    reason: str,
    details: str | None = None,
    language: str | None = None,
) -> RequestOutcome:
    """Close an open request as refused (Art. 12(5)) and write the letter of Art. 12(4)."""
    now = ctx.now()
    conn = ctx.open_register()
    try:
        record = _open_request(conn, request_id, "refused")
        if record.type in NEVER_REFUSED:
            raise ConfigError(
                f"request {request_id} is an objection to direct marketing, which is always"
                " honoured (Art. 21(3)); nothing changed",
                key="ID",
            )
        explained = " ".join((details or "").split()) or None
        letter = write_letter(
            "refusal",
            out_dir=_folder(ctx, request_id),
            language=language or ctx.settings.controller.language,
            controller=ctx.settings.controller.model_dump(),
            request=_letter_request(record),
            facts={"reason": reason, "details": explained},
            generated_at=ctx.wall_now(),
        )
        detail = {"reason": reason, "details": explained, "letter": str(letter)}
        with transaction(conn):
            store.add_event(conn, request_id, kind="refused", at=now, detail=detail)
            store.close(conn, request_id, status="refused", answered_at=now, detail=detail)
    finally:
        conn.close()
    late = late_note(record.due_at, now)
    return RequestOutcome(
        request_id,
        record.type,
        record.due_at,
        files=[letter],
        status=f"refused ({reason})",
        warnings=[f"warning: {late}"] if late else [],
    )


def late_note(record_due: datetime, now: datetime) -> str | None:
    """Art. 12(4) asks for the refusal within one month; a late one is still sent, with a note."""
    if now <= record_due:
        return None
    return f"the refusal is late: the request was due {record_due.date().isoformat()}"
