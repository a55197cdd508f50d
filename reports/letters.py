"""Letters to a data subject besides the access answer: extension, refusal, erasure,
rectification (GDPR Arts. 12(3), 12(4), 16, 17, 19). HTML, offline, 0600, fi or en."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from reports.files import ensure_private_dir, write_text
from reports.i18n import Lang, get_lang
from reports.render import render
from reports.ropa_text import country_name

KINDS = ("extension", "refusal", "erasure", "rectification")


def local_date(moment: datetime, controller: Mapping[str, Any]) -> date:
    """The day a person reads for `moment`, in the controller's time zone (SPEC 3)."""
    zone = ZoneInfo(str(controller.get("timezone") or "Europe/Helsinki"))
    return moment.astimezone(zone).date()


def recipient_lines(processors: Sequence[Mapping[str, Any]], lang: Lang) -> list[str]:
    """'ActiveCampaign, LLC, Yhdysvallat (US) – email marketing platform' per recipient."""
    return [
        lang.t(
            "access.recipient_line",
            name=p["name"],
            country=country_name(str(p["country"]), lang),
            role=p.get("role") or lang.t("common.none"),
        )
        for p in processors
    ]


def _paragraphs(
    kind: str, lang: Lang, request: Mapping[str, Any], facts: Mapping[str, Any], day: Any
) -> list[str]:
    received = lang.dt(day(request["received_at"]))
    kind_label = lang.label("request", request["type"]).lower()
    if kind == "extension":
        return [
            lang.t("extension.body", type=kind_label, received=received),
            lang.t("extension.reason", reason=facts["reason"]),
            lang.t("extension.new_due", due=lang.dt(day(facts["new_due"]))),
        ]
    if kind == "refusal":
        lines = [
            lang.t("refusal.body", type=kind_label, received=received),
            lang.t(f"refusal.reason.{facts['reason']}"),
        ]
        if facts.get("details"):
            lines.append(lang.t("refusal.details", details=facts["details"]))
        return [*lines, lang.t("refusal.again")]
    if kind == "erasure":
        lines = [
            lang.t("erasure.body", received=received),
            lang.t("erasure.contacts", n=lang.num(int(facts["contacts_deleted"]))),
        ]
        if facts.get("suppression_row"):
            lines.append(lang.t("erasure.suppressed"))
        return lines
    return [lang.t("rectification.body", received=received)]


def write_letter(
    kind: str,
    *,
    out_dir: Path,
    language: str,
    controller: Mapping[str, Any],
    request: Mapping[str, Any],
    facts: Mapping[str, Any],
    generated_at: datetime,
) -> Path:
    """Write `<kind>.html` into `out_dir` (0700) as 0600 and return its path.

    `request` has id, type, received_at, due_at, email_masked; `facts` what the kind needs:
    extension (reason, original_due, new_due), refusal (reason, details), erasure
    (contacts_deleted, suppression_row, recipients), rectification (changes, recipients).
    """
    if kind not in KINDS:
        raise ValueError(f"unknown letter {kind!r}")
    lang = get_lang(language)

    def day(moment: datetime) -> date:
        return local_date(moment, controller)

    rows = [
        (lang.t("letter.request"), str(request["id"])),
        (lang.t("letter.type"), lang.label("request", request["type"])),
        (lang.t("acfield.email"), str(request["email_masked"])),
        (lang.t("letter.received"), lang.dt(day(request["received_at"]))),
    ]
    if kind == "extension":
        rows += [
            (lang.t("letter.original_due"), lang.dt(day(facts["original_due"]))),
            (lang.t("letter.new_due"), lang.dt(day(facts["new_due"]))),
        ]
    html = render(
        "letter.html.j2",
        lang=lang,
        kind=kind,
        controller=controller,
        rows=rows,
        paragraphs=_paragraphs(kind, lang, request, facts, day),
        changes=facts.get("changes") or [],
        recipients=facts.get("recipients"),
        authority=str(controller.get("complaint_authority") or ""),
        today=day(generated_at),
    )
    ensure_private_dir(out_dir)
    return write_text(out_dir / f"{kind}.html", html)
