"""`rekisteri request rectify`: correct fields in ActiveCampaign, verify by re-reading."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from compliance.codes import ActionType
from compliance.emails import normalise_email
from jobs.context import Context
from jobs.dsr import (
    RequestOutcome,
    Subject,
    contact_ids,
    letter_request,
    recipient_names,
    recipients_of,
    request_run,
    subject_of,
)
from jobs.errors import ConfigError
from reports.i18n import get_lang
from reports.letters import recipient_lines, write_letter
from sync.activecampaign import actions as ac
from sync.executor import Outcome, Step
from sync.register import rehome

STANDARD_FIELDS = {
    "firstname": "firstName",
    "first_name": "firstName",
    "lastname": "lastName",
    "last_name": "lastName",
    "phone": "phone",
    "email": "email",
}


def parse_assignments(pairs: tuple[str, ...]) -> dict[str, str]:
    result: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise ConfigError(f"--set: expected FIELD=VALUE, got {name!r}", key="--set")
        result[name.strip()] = value
    if not result:
        raise ConfigError("--set: give at least one FIELD=VALUE", key="--set")
    return result


def _resolve_fields(
    conn: sqlite3.Connection, names: dict[str, str]
) -> tuple[dict[str, str], dict[int, str]]:
    standard: dict[str, str] = {}
    custom: dict[int, str] = {}
    fields = {row["title"].lower(): row["id"] for row in conn.execute("SELECT * FROM fields")}
    perstags = {
        (row["perstag"] or "").lower(): row["id"] for row in conn.execute("SELECT * FROM fields")
    }
    for name, value in names.items():
        key = name.lower()
        if key in STANDARD_FIELDS:
            standard[STANDARD_FIELDS[key]] = value
        elif key in fields:
            custom[int(fields[key])] = value
        elif key in perstags:
            custom[int(perstags[key])] = value
        else:
            raise ConfigError(f"--set: unknown field {name!r} (pull first?)", key="--set")
    return standard, custom


def _current(client: Any, contact_id: int) -> tuple[dict[str, str], dict[int, str]]:
    # GET contacts/{id} side-loads the field values; the contact itself is under "contact".
    body = client.get(f"contacts/{contact_id}")
    contact = body.get("contact") or {}
    standard = {k: str(contact.get(k) or "") for k in ("firstName", "lastName", "phone", "email")}
    custom = {int(v["field"]): str(v.get("value") or "") for v in body.get("fieldValues") or []}
    return standard, custom


def run_rectify(
    ctx: Context,
    email: str,
    assignments: tuple[str, ...],
    *,
    received_at: datetime | None,
    dry_run: bool,
    record_only: bool = False,
    verified: str | None = None,
    language: str | None = None,
) -> RequestOutcome:
    wanted = parse_assignments(assignments)
    with request_run(
        ctx, "rectify", email, received_at, verified=verified, language=language
    ) as req:
        if record_only and not dry_run:
            return req.record()
        conn = req.conn
        standard, custom = _resolve_fields(conn, wanted)
        moved_to = _new_address(ctx, req.subject, standard)
        client = ctx.client()
        ids = contact_ids(ctx, conn, req.subject)
        recipients = recipients_of(ctx, conn, req.subject, ids)
        if dry_run:
            planned = [f"contact {cid}: set {', '.join(sorted(wanted))}" for cid in ids]
            if moved_to is not None:
                planned.append(
                    "move consent, objection, purchase, request, restriction and suppression"
                    " records to the new address"
                )
            planned += [f"tell recipient {name} (Art. 19)" for name in recipient_names(recipients)]
            return req.dry_run(planned)
        outcome = req.record()
        if not req.admit(outcome):
            return outcome
        steps = [
            _rectify_step(client, cid, standard, custom, outcome.request_id, moved_to)
            for cid in ids
        ]
        results = req.execute(steps)
        outcome.results = [
            {"type": r.type, "contact_id": int(r.subject), "result": r.result} for r in results
        ]
        ok = bool(results) and all(r.result == "done" for r in results)
        if ok:
            outcome.recipients = recipient_names(recipients)
            outcome.files = [_letter(req, outcome, recipients, wanted)]
        return req.close(
            outcome,
            ok=ok,
            detail={
                "contacts": len(ids),
                "fields": sorted(wanted),
                "recipients_to_inform": recipient_names(recipients),
            },
        )


@dataclass(frozen=True)
class Move:
    """The person's records move from `old` to `new` once ActiveCampaign shows the address."""

    old: Subject
    new: Subject


def _new_address(ctx: Context, subject: Subject, standard: dict[str, str]) -> Move | None:
    if "email" not in standard:
        return None
    new = subject_of(ctx, standard["email"])  # ConfigError (exit 2) on an invalid address
    return None if new.email_norm == subject.email_norm else Move(subject, new)


def _letter(req: Any, outcome: RequestOutcome, recipients: Any, wanted: dict[str, str]) -> Any:
    lang = get_lang(req.letter_language())
    return write_letter(
        "rectification",
        out_dir=req.ctx.settings.reports.dir / "requests" / outcome.request_id,
        language=lang.code,
        controller=req.ctx.settings.controller.model_dump(),
        request=letter_request(req.conn, outcome.request_id),
        facts={
            "changes": [(_label(name, lang), value) for name, value in wanted.items()],
            "recipients": recipient_lines([p.model_dump() for p in recipients], lang),
        },
        generated_at=req.ctx.wall_now(),
    )


def _label(name: str, lang: Any) -> str:
    """A standard field by its human label; a custom field by its title, as the user gave it."""
    key = STANDARD_FIELDS.get(name.lower())
    return lang.t(f"acfield.{key}") if key else name


def _rectify_step(
    client: Any,
    contact_id: int,
    standard: dict[str, str],
    custom: dict[int, str],
    request_id: str,
    moved_to: Move | None,
) -> Step:
    def send() -> Outcome:
        old_standard, old_custom = _current(client, contact_id)
        if standard:
            ac.update_contact(client, contact_id, standard)
        for field_id, value in custom.items():
            ac.set_field_value(client, contact_id=contact_id, field_id=field_id, value=value)
        new_standard, new_custom = _current(client, contact_id)
        changes = [
            {"field": k, "old": old_standard.get(k, ""), "new": v} for k, v in standard.items()
        ]
        changes += [
            {"field": f"field:{k}", "old": old_custom.get(k, ""), "new": v}
            for k, v in custom.items()
        ]
        verified = all(new_standard.get(k) == v for k, v in standard.items()) and all(
            new_custom.get(k) == v for k, v in custom.items()
        )
        if not verified:
            return Outcome(
                "failed", {"error": "re-read does not show the new values", "changes": changes}
            )
        return Outcome(detail={"changes": changes, "verified": True})

    def save(conn: sqlite3.Connection, outcome: Outcome) -> None:
        names = {
            "firstName": "first_name",
            "lastName": "last_name",
            "phone": "phone",
            "email": "email",
        }
        for key, value in standard.items():
            conn.execute(
                f"UPDATE contacts SET {names[key]} = ? WHERE id = ?",  # noqa: S608
                (value, contact_id),
            )
            if key == "email":
                conn.execute(
                    "UPDATE contacts SET email_norm = ? WHERE id = ?",
                    (normalise_email(value), contact_id),
                )
        if moved_to is not None:
            # In the same transaction as the audit row: the address never changes in the
            # mirror without the objection, consents and purchases following it.
            rehome.move_person(
                conn,
                old_email=moved_to.old.email_norm,
                new_email=moved_to.new.email_norm,
                old_key=moved_to.old.key,
                new_key=moved_to.new.key,
                new_masked=moved_to.new.masked,
            )

    return Step(
        key=f"rectify:{contact_id}:{request_id}",
        type=ActionType.UPDATE.value,
        subject=str(contact_id),
        rule="RECTIFICATION_REQUEST",
        send=send,
        save=save,
    )
