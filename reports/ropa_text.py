"""ROPA activities and processors as sentences in one language (used by ropa.html and letters)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reports.i18n import Lang


def purpose_title(purpose: str, lang: Lang) -> str:
    """A configured purpose code ('newsletter') as a heading; free text is shown as written."""
    return lang.t(f"purpose.{purpose}") if lang.has(f"purpose.{purpose}") else purpose


def country_name(country: str, lang: Lang) -> str:
    key = f"country.{country}"
    return f"{lang.t(key)} ({country})" if lang.has(key) else country


def mechanism_text(country: str, mechanism: Any, lang: Lang) -> str:
    """The Art. 45/46 safeguard of a transfer to `country`, named as Art. 15(2) asks."""
    if mechanism == "adequacy" and country == "US":
        return lang.t("mechanism.adequacy_us")  # only DPF-certified US companies are covered
    return lang.label("mechanism", mechanism)


def transfer_text(transfer: Mapping[str, Any], lang: Lang) -> str:
    country = str(transfer.get("country") or "")
    return lang.t(
        "ropa.transfer_line",
        recipient=transfer.get("recipient"),
        country=country_name(country, lang),
        mechanism=mechanism_text(country, transfer.get("mechanism"), lang),
    )


def retention_text(entry: Mapping[str, Any], lang: Lang) -> str:
    params: dict[str, Any] = {}
    for unit, key in (("day", "days"), ("month", "months"), ("year", "years")):
        if isinstance(entry.get(key), int):
            params[key] = lang.unit(unit, entry[key])
    if "list" in entry:
        params["list"] = entry["list"]
    return lang.t(f"retention.{entry['rule']}", **params)


def _title(activity: Mapping[str, Any], lang: Lang) -> str:
    if activity.get("purpose"):
        return purpose_title(str(activity["purpose"]), lang)
    return lang.t(f"ropa.kind.{activity['kind']}")


def _purpose(activity: Mapping[str, Any], lang: Lang) -> str:
    if activity.get("purpose"):
        bases = activity.get("bases") or []
        if not bases:
            return lang.t("ropa.desc.unclassified")
        return " ".join(lang.t(f"ropa.desc.{basis}") for basis in bases)
    mode = activity.get("cookies")
    if activity["kind"] == "analytics" and mode not in (None, "none"):
        log = activity.get("consent_log") or lang.t("common.none")
        return lang.t(f"ropa.desc.analytics.{mode}", consent_log=log)
    return lang.t(f"ropa.desc.{activity['kind']}")


def _list_line(item: Mapping[str, Any], lang: Lang) -> str:
    name = item.get("name") or lang.t("common.none")
    return lang.t(
        "ropa.list_line", id=item.get("id"), name=name, basis=lang.label("basis", item.get("basis"))
    )


def describe_activity(activity: Mapping[str, Any], lang: Lang) -> dict[str, Any]:
    """Every Art. 30(1) field of one activity as text (lists of lines where there are several)."""
    transfers = [transfer_text(t, lang) for t in activity.get("transfers", [])]
    return {
        "id": activity.get("id"),
        "title": _title(activity, lang),
        "purpose": _purpose(activity, lang),
        "lists": [_list_line(item, lang) for item in activity.get("lists", [])],
        "legal_basis": [lang.t(f"legal.{code}") for code in activity.get("legal_basis", [])],
        "data_subjects": [lang.t(f"subjects.{k}") for k in activity.get("data_subjects", [])],
        "data_categories": [lang.t(f"data.{k}") for k in activity.get("data_categories", [])],
        "recipients": list(activity.get("recipients", [])) or [lang.t("ropa.no_recipients")],
        "transfers": transfers or [lang.t("ropa.no_transfers")],
        "retention": [retention_text(r, lang) for r in activity.get("retention", [])]
        or [lang.t("ropa.no_retention")],
        "security": [lang.t(f"security.{k}") for k in activity.get("security", [])],
    }


def describe_processor(processor: Mapping[str, Any], lang: Lang) -> dict[str, Any]:
    country = str(processor.get("country") or "")
    eea = bool(processor.get("eea"))
    return {
        "name": processor.get("name"),
        "country": country_name(country, lang),
        "role": processor.get("role") or lang.t("common.none"),
        "eea": lang.t("common.yes" if eea else "common.no"),
        "mechanism": lang.t("mechanism.in_eea")
        if eea
        else mechanism_text(country, processor.get("transfer_mechanism"), lang),
        "unsafe": not eea and processor.get("transfer_mechanism") not in ("adequacy", "scc"),
        "dpa": processor.get("dpa_signed") or lang.t("ropa.dpa_missing"),
        "dpa_missing": not processor.get("dpa_signed"),
    }
