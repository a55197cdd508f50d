"""Answer to a right-of-access request (GDPR Art. 15): access.json and a letter, access.html."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from reports.access_tables import contact_sections, has_data, register_sections
from reports.files import ensure_private_dir, write_json, write_text
from reports.i18n import Lang, get_lang, zone_of
from reports.render import render
from reports.ropa import Ropa
from reports.ropa_text import country_name, describe_activity, mechanism_text

RIGHTS = ("rectify", "erase", "restrict", "object", "withdraw", "portability")
TRACKING_KEYS = ("trackingLogs", "geoIps", "contactData")


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def relevant_activities(package: Mapping[str, Any], ropa: Ropa) -> list[dict[str, Any]]:
    """The ROPA activities that concern this person: Art. 15 is about *their* processing, so a
    newsletter subscriber is not told about customer records they are not in."""
    bundles = package.get("activecampaign") or []
    register = package.get("register") or {}
    list_ids = {_int(m.get("list")) for b in bundles for m in b.get("contactLists") or []}
    purposes = {c.get("purpose") for c in register.get("consents") or []}
    customer = bool(register.get("purchases")) or any(b.get("deals") for b in bundles)
    tracked = any(b.get(key) for b in bundles for key in TRACKING_KEYS)
    chosen = []
    for activity in ropa.activities:
        kind = activity.get("kind")
        lists = {_int(item.get("id")) for item in activity.get("lists", [])}
        if (
            (
                activity.get("id", "").startswith("list:")
                and (lists & list_ids or activity.get("purpose") in purposes)
            )
            or (kind == "customers" and customer)
            or (kind == "analytics" and tracked)
            or (kind == "suppression" and package.get("suppressed"))
            or kind == "requests"  # this very request is being processed
            # our changes to their ActiveCampaign contact are on the audit log
            or (kind == "audit" and bool(bundles))
        ):
            chosen.append(activity)
    return chosen


def _recipients(activities: Sequence[Mapping[str, Any]], ropa: Ropa, lang: Lang) -> list[str]:
    names = {name for a in activities for name in a.get("recipients", [])}
    return [
        lang.t(
            "access.recipient_line",
            name=p["name"],
            country=country_name(p["country"], lang),
            role=p.get("role") or lang.t("common.none"),
        )
        for p in ropa.processors
        if p["name"] in names
    ]


def _transfers(activities: Sequence[Mapping[str, Any]], ropa: Ropa, lang: Lang) -> list[str]:
    names = {name for a in activities for name in a.get("recipients", [])}
    return [
        f"{p['name']}, {country_name(p['country'], lang)}: "
        f"{mechanism_text(p['country'], p.get('transfer_mechanism'), lang)}"
        for p in ropa.processors
        if p["name"] in names and not p.get("eea")
    ]


def information(
    package: Mapping[str, Any], *, ropa: Ropa, controller: Mapping[str, Any], lang: Lang
) -> dict[str, Any]:
    """The Art. 15(1)(a)-(h) and 15(2) facts for this person, in the letter's language."""
    activities = relevant_activities(package, ropa)
    described = [describe_activity(a, lang) for a in activities]
    categories: list[str] = []
    for item in described:
        categories.extend(c for c in item["data_categories"] if c not in categories)
    sources = sorted(
        {
            str(c["source"])
            for c in (package.get("register") or {}).get("consents") or []
            if c.get("source")
        }
    )
    source = lang.t("access.source")
    if sources:
        source += " " + lang.t("access.sources_recorded", sources=", ".join(sources))
    contact = controller.get("contact") or controller.get("name") or ""
    return {
        "purposes": [
            {"title": d["title"], "purpose": d["purpose"], "legal_basis": d["legal_basis"]}
            for d in described
        ],
        "categories": categories,
        "recipients": _recipients(activities, ropa, lang) or [lang.t("access.no_recipients")],
        "retention": [{"title": d["title"], "retention": d["retention"]} for d in described],
        "rights": [lang.t(f"rights.{r}") for r in RIGHTS] + [lang.t("rights.how", contact=contact)],
        "complaint": lang.t("access.complaint"),
        "source": source,
        "automated_decision_making": lang.t("access.automated"),
        "transfers": _transfers(activities, ropa, lang) or [lang.t("ropa.no_transfers")],
    }


def write_access(
    package: dict[str, Any],
    *,
    out_dir: Path,
    language: str,
    controller: dict[str, Any],
    ropa: Ropa,
    generated_at: datetime,
) -> tuple[Path, Path]:
    """Write access.html (a letter to the person) and access.json (0600); returns (html, json)."""
    lang = get_lang(language, zone_of(controller))
    ensure_private_dir(out_dir)
    email = str((package.get("subject") or {}).get("email") or "")
    contacts = [contact_sections(bundle, lang) for bundle in package.get("activecampaign") or []]
    register = register_sections(package.get("register") or {}, lang)
    # `found` is the caller's word, but any data in the package means we do process data
    found = bool(package.get("found")) or bool(contacts) or has_data(register)
    info = information(package, ropa=ropa, controller=controller, lang=lang)
    document = {
        **package,
        "controller": controller,
        "generated_at": generated_at.isoformat(),
        "language": language,
        "information": info,
    }
    json_path = write_json(out_dir / "access.json", document)
    html = render(
        "access.html.j2",
        lang=lang,
        controller=controller,
        email=email,
        found=found,
        suppressed=bool(package.get("suppressed")),
        contacts=contacts,
        register=register,
        info=info,
        generated_at=generated_at,
    )
    return write_text(out_dir / "access.html", html), json_path
