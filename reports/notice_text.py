"""The privacy notice's facts as sections of text in one language; the HTML and Markdown
templates only lay these out, so both say exactly the same."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reports.i18n import Lang
from reports.ropa_text import country_name, mechanism_text, purpose_title

UNITS = (("hours", "hour"), ("days", "day"), ("months", "month"), ("years", "year"))


def defect_line(defect: Mapping[str, Any], lang: Lang) -> str:
    """One open part C defect with the config problem that keeps it open."""
    reason = lang.t(f"notice.open.{defect['reason']}", **dict(defect.get("params") or {}))
    return f"{lang.t('notice.short.' + str(defect['defect']))}: {reason}"


def _section(key: str, **parts: Any) -> dict[str, Any]:
    return {
        "id": key,
        "heading": parts.pop("heading"),
        "paragraphs": parts.pop("paragraphs", []),
        "items": parts.pop("items", []),
        "subsections": parts.pop("subsections", []),
        "after": parts.pop("after", []),
    }


def _sub(heading: str, paragraphs: list[str] | None = None, **rest: Any) -> dict[str, Any]:
    return {
        "heading": heading,
        "paragraphs": paragraphs or [],
        "fields": rest.get("fields", []),
        "items": rest.get("items", []),
        "after": rest.get("after", []),
    }


def _names(names: list[str], lang: Lang) -> str:
    return ", ".join(names) if names else lang.t("notice.no_recipients")


def _purpose(entry: Mapping[str, Any], lang: Lang) -> dict[str, Any]:
    if entry["kind"] == "list":
        title = purpose_title(str(entry["purpose"]), lang)
        bases = entry["bases"]
        own = f"notice.pdesc.{entry['purpose']}"
        text = (
            lang.t(own)
            if lang.has(own) and bases
            else " ".join(lang.t(f"ropa.desc.{b}") for b in bases)
            or lang.t("ropa.desc.unclassified")
        )
        lists = ", ".join(
            lang.t("notice.list_name", name=i["name"] or i["id"]) for i in entry["lists"]
        )
        fields = [(lang.t("notice.f.lists"), [lists])]
    else:
        title = lang.t(f"notice.kind.{entry['kind']}")
        text = lang.t(f"notice.desc.{entry['kind']}")
        fields = []
    fields += [
        (lang.t("notice.f.basis"), [lang.t(f"legal.{c}") for c in entry["legal_basis"]]),
        (lang.t("notice.f.recipients"), [_names(entry["recipients"], lang)]),
    ]
    return _sub(title, [text], fields=fields)


def _category(key: str, fields: list[str], lang: Lang) -> str:
    text = lang.t(f"data.{key}")
    if key == "custom_fields" and fields:
        return lang.t("notice.custom_fields", text=text, fields=", ".join(fields))
    return text


def _amounts(entry: Mapping[str, Any], lang: Lang) -> dict[str, str]:
    return {key: lang.unit(unit, entry[key]) for key, unit in UNITS if key in entry}


def _processor(p: Mapping[str, Any], lang: Lang) -> str:
    served = ", ".join(
        purpose_title(x, lang) if lang.has(f"purpose.{x}") else lang.label("notice.kind", x)
        for x in p["purposes"]
    )
    where = (
        lang.t("notice.processor_eea", country=country_name(p["country"], lang))
        if p["eea"]
        else lang.t(
            "notice.processor_transfer",
            country=country_name(p["country"], lang),
            mechanism=mechanism_text(p["country"], p["mechanism"], lang),
        )
    )
    return lang.t(
        "notice.processor_line",
        name=p["name"],
        role=p["role"] or lang.t("common.none"),
        purposes=served or lang.t("common.none"),
        where=where,
    )


def _rights(notice: Mapping[str, Any], lang: Lang) -> list[dict[str, Any]]:
    contact = notice["controller"]["contact"]
    subs = []
    for right in notice["rights"]:
        paragraphs = [lang.t(f"notice.right.{right}")]
        items: list[str] = []
        if right == "object":
            paragraphs.append(lang.t("notice.object_scopes_intro"))
            for entry in notice["objection_scopes"]:
                lists = [
                    lang.t("notice.list_name", name=i["name"] or i["id"]) for i in entry["lists"]
                ]
                form = "one" if len(lists) == 1 else "other"
                effect = (
                    lang.t(f"notice.scope_lists.{form}", lists=", ".join(lists))
                    if lists
                    else lang.t(f"notice.scope_none.{entry['scope']}")
                )
                label = lang.t("notice.scope." + str(entry["scope"]))
                items.append(f"{label}: {effect}")
            after = lang.t(
                "notice.object_how", hours=lang.unit("hour", notice["objection_sla_hours"])
            )
            subs.append(_sub(lang.t(f"notice.rh.{right}"), paragraphs, items=items, after=[after]))
            continue
        if right == "withdraw" and not notice["consent_purposes"]:
            paragraphs.append(lang.t("notice.withdraw_none"))
        subs.append(_sub(lang.t(f"notice.rh.{right}"), paragraphs))
    how = [lang.t("notice.how", contact=contact)]
    how.append(
        lang.t("notice.identity" if notice["verified_identity"] else "notice.identity_light")
    )
    how.append(lang.t("notice.deadline"))
    subs.append(_sub(lang.t("notice.rh.how"), how))
    subs.append(
        _sub(
            lang.t("notice.rh.complaint"),
            [lang.t("notice.complaint", authority=notice["controller"]["complaint_authority"])],
        )
    )
    return subs


def _cookies(cookies: Mapping[str, Any], lang: Lang) -> list[str]:
    analytics = cookies["analytics"]
    text = [lang.t(f"notice.cookies.{analytics}")]
    if analytics != "none":
        text.append(lang.t("notice.cookies.services", names=_names(cookies["recipients"], lang)))
    if analytics == "consent_banner" and cookies.get("consent_log"):
        text.append(lang.t("notice.cookies.log", log=cookies["consent_log"]))
    return text


def describe_notice(notice: Mapping[str, Any], lang: Lang) -> dict[str, Any]:
    """Title, intro and the sections (heading, paragraphs, items, subsections) in `lang`."""
    c = notice["controller"]
    sections = [
        _section(
            "controller",
            heading=lang.t("notice.h.controller"),
            paragraphs=[lang.t("notice.controller", name=c["name"], business_id=c["business_id"])],
        ),
        _section("contact", heading=lang.t("notice.h.contact"), paragraphs=[c["contact"]]),
        _section(
            "purposes",
            heading=lang.t("notice.h.purposes"),
            paragraphs=[lang.t("notice.purposes_intro")],
            subsections=[_purpose(p, lang) for p in notice["purposes"]],
        ),
        _section(
            "data",
            heading=lang.t("notice.h.data"),
            paragraphs=[lang.t("notice.data_intro")],
            items=[
                _category(k, notice.get("custom_fields") or [], lang)
                for k in notice["data_categories"]
            ],
        ),
        _section(
            "sources",
            heading=lang.t("notice.h.sources"),
            paragraphs=[lang.t("notice.sources_intro")],
            items=[lang.t(f"notice.source.{k}") for k in notice["sources"]],
            after=[lang.t("notice.provision")],
        ),
        _section(
            "recipients",
            heading=lang.t("notice.h.recipients"),
            paragraphs=[lang.t("notice.recipients_intro")],
            items=[_processor(p, lang) for p in notice["processors"]]
            or [lang.t("notice.no_recipients")],
            after=[lang.t("notice.no_partner_marketing")],
        ),
        _section(
            "retention",
            heading=lang.t("notice.h.retention"),
            paragraphs=[lang.t(f"notice.retention_intro.{notice['enforce']}")],
            items=[
                lang.t(f"notice.retention.{e['rule']}", **_amounts(e, lang))
                for e in notice["retention"]
            ],
        ),
        _section(
            "security",
            heading=lang.t("notice.h.security"),
            items=[
                lang.t(f"security.{k}")
                for k in (
                    "need_to_know",
                    "files_0600",
                    "keyed_hashes",
                    "audit_log",
                    "masked_emails",
                )
            ],
        ),
        _section(
            "cookies",
            heading=lang.t("notice.h.cookies"),
            paragraphs=_cookies(notice["cookies"], lang),
        ),
        _section(
            "rights",
            heading=lang.t("notice.h.rights"),
            paragraphs=[lang.t("notice.rights_intro")],
            subsections=_rights(notice, lang),
        ),
        _section(
            "automated",
            heading=lang.t("notice.h.automated"),
            paragraphs=[lang.t("access.automated")],
        ),
        _section(
            "changes", heading=lang.t("notice.h.changes"), paragraphs=[lang.t("notice.changes")]
        ),
    ]
    return {
        "title": lang.t("notice.title"),
        "subtitle": lang.t("notice.subtitle", name=c["name"]),
        "intro": lang.t("notice.intro_text", name=c["name"]),
        "sections": sections,
    }
