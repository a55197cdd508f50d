"""The data of an access package as readable tables: one section per kind of record."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from reports.i18n import Lang

# Keys that only point at other records or at the API; the records they point to are shown in
# their own sections and access.json keeps everything verbatim.
SKIP_KEYS = frozenset(
    {"links", "contact", "subscriberid", "relid", "reltype", "owner", "id", "cacheid"}
)
# ActiveCampaign stores IPv4 addresses as integers; people recognise dotted quads.
IP_KEYS = frozenset({"ip", "ip4", "ip4Sub", "ip4_last", "ip4Unsub", "geoIp4"})
# Where ActiveCampaign writes 0 for "none" (no organisation, no Facebook id, no location):
# a letter saying "IP address 0" or "latitude 0.000000" would state a fact that is not one.
ZERO_MEANS_NONE = IP_KEYS | frozenset(
    {"orgid", "fb_id", "tw_id", "created_by", "updated_by", "geoArea", "geoLat", "geoLon"}
    | {"area", "lat", "lon"}
)
# 0/1 (or "True"/"False") switches, shown as yes/no.
FLAG_KEYS = frozenset(
    {"anonymized", "deleted", "gravatar", "completed", "in_als", "is_draft", "isDisabled"}
    | {"responder", "sync"}
)
# Show the fields a person cares about first; the rest follow in ActiveCampaign's order.
CONTACT_FIRST = ("email", "firstName", "lastName", "phone", "orgname", "cdate", "udate")
# (bundle key, section name, label group of the record's status codes)
RECORD_SECTIONS = (
    ("notes", "notes", None),
    ("deals", "deals", "deal_status"),
    ("contactAutomations", "automations", "automation_status"),
    ("bounceLogs", "bounces", None),
    ("geoIps", "geo", None),
    ("geoAddresses", "geo_addresses", None),
    ("trackingLogs", "tracking", None),
    ("contactData", "contact_data", None),
)
Section = dict[str, Any]


def _empty(value: Any) -> bool:
    if value is None or value == "" or isinstance(value, list | tuple):
        return True
    return isinstance(value, str) and value.startswith("0000-00-00")


def _none(key: str, value: Any) -> bool:
    """A 0 where ActiveCampaign means 'none': an id field or one of ZERO_MEANS_NONE."""
    if not (key in ZERO_MEANS_NONE or key.lower().endswith("id")):
        return False
    try:
        return float(str(value)) == 0
    except ValueError:
        return False


def _duplicate(key: str, value: Any, record: Mapping[str, Any]) -> bool:
    """'campaignid' next to 'campaign' with the same value says the same thing twice."""
    return key.endswith("id") and str(record.get(key[:-2], object())) == str(value)


def flatten(record: Mapping[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    """Non-empty scalar fields of `record`, nested objects as 'parent.child' keys."""
    pairs: list[tuple[str, Any]] = []
    for key, value in record.items():
        if key in SKIP_KEYS:
            continue
        if isinstance(value, Mapping):
            pairs.extend(flatten(value, f"{prefix}{key}."))
        elif not (_empty(value) or _none(key, value) or _duplicate(key, value, record)):
            pairs.append((f"{prefix}{key}", value))
    return pairs


def display(key: str, value: Any, lang: Lang) -> str:
    """One stored value as a reader should see it (dates localised, IPs dotted, codes named)."""
    leaf = key.rsplit(".", 1)[-1]
    text = str(value)
    if leaf in IP_KEYS and text.isdigit() and 0 < int(text) < 2**32:
        return str(ipaddress.IPv4Address(int(text)))
    if leaf in FLAG_KEYS and text in ("0", "1", "True", "False", "true", "false"):
        return lang.value(text in ("1", "True", "true"))
    if leaf == "action":
        return lang.label("consent_action", value)
    if leaf == "scope":
        return lang.label("scope", value)
    if leaf == "purpose" and lang.has(f"purpose.{value}"):
        return f"{lang.t(f'purpose.{value}')} ({value})"
    if leaf == "value" and text.startswith("||") and text.endswith("||") and len(text) > 4:
        # ActiveCampaign stores multi-select and checkbox choices as "||a||b||".
        return ", ".join(part for part in text.split("||") if part)
    return lang.value(value)


def kv_rows(
    record: Mapping[str, Any], lang: Lang, first: Sequence[str] = ()
) -> list[tuple[str, str]]:
    """Label/value rows of one record; `first` keys lead, the rest keep their stored order."""
    pairs = flatten(record)
    order = {key: index for index, key in enumerate(first)}
    pairs.sort(key=lambda kv: order.get(kv[0], len(order)))  # stable: the rest keep AC order
    return [(lang.label("acfield", key), display(key, value, lang)) for key, value in pairs]


def _name(names: Mapping[Any, Any], ref: Any) -> str:
    """Look a list/tag/field name up whether the caller keyed it by int or by str."""
    for key in (ref, str(ref), int(ref) if str(ref).isdigit() else None):
        if key is not None and key in names:
            return str(names[key])
    return f"#{ref}"


def _records(
    title: str, records: Iterable[Mapping[str, Any]], lang: Lang, status: str | None = None
) -> Section:
    """One key/value table per record; `status` names the label group of its status codes."""
    items = []
    for i, record in enumerate(records, start=1):
        if status and "status" in record:
            record = {**record, "status": lang.label(status, record["status"])}
        items.append({"title": lang.t("access.record", n=i), "rows": kv_rows(record, lang)})
    return {"title": title, "kind": "records", "records": items}


def _as_list(value: Any) -> list[Mapping[str, Any]]:
    # GET contacts/{id}/contactData answers with one object, not a list
    if isinstance(value, Mapping):
        return [value]
    return [v for v in value or [] if isinstance(v, Mapping)]


def contact_sections(bundle: Mapping[str, Any], lang: Lang) -> list[Section]:
    """Sections for one ActiveCampaign contact bundle, in the order a person reads them."""
    sections: list[Section] = [
        {
            "title": lang.t("access.sec.contact"),
            "kind": "kv",
            "rows": kv_rows(bundle.get("contact") or {}, lang, CONTACT_FIRST),
        }
    ]
    field_names = bundle.get("fieldNames") or {}
    sections.append(
        {
            "title": lang.t("access.sec.fields"),
            "kind": "grid",
            "headers": [
                lang.t(k) for k in ("access.col.field", "access.col.value", "access.col.updated")
            ],
            "rows": [
                [
                    _name(field_names, fv.get("field")),
                    display("value", fv.get("value"), lang),
                    lang.value(fv.get("udate") or fv.get("cdate")),
                ]
                for fv in _as_list(bundle.get("fieldValues"))
            ],
        }
    )
    list_names = bundle.get("listNames") or {}
    memberships = []
    for i, membership in enumerate(_as_list(bundle.get("contactLists")), start=1):
        rest = {k: v for k, v in membership.items() if k not in ("list", "status")}
        memberships.append(
            {
                "title": f"{_name(list_names, membership.get('list'))}",
                "rows": [
                    (lang.t("access.col.list"), _name(list_names, membership.get("list"))),
                    (
                        lang.t("access.col.status"),
                        lang.label("list_status", membership.get("status")),
                    ),
                    *kv_rows(rest, lang, ("sdate", "udate", "unsubreason")),
                ],
                "n": i,
            }
        )
    sections.append(
        {"title": lang.t("access.sec.lists"), "kind": "records", "records": memberships}
    )
    tag_names = bundle.get("tagNames") or {}
    sections.append(
        {
            "title": lang.t("access.sec.tags"),
            "kind": "grid",
            "headers": [lang.t("access.col.tag"), lang.t("access.col.added")],
            "rows": [
                [_name(tag_names, ct.get("tag")), lang.value(ct.get("cdate"))]
                for ct in _as_list(bundle.get("contactTags"))
            ],
        }
    )
    for key, name, status in RECORD_SECTIONS:
        records = _as_list(bundle.get(key))
        sections.append(_records(lang.t(f"access.sec.{name}"), records, lang, status))
    return sections


def register_sections(register: Mapping[str, Any], lang: Lang) -> list[Section]:
    """Consent, objection and purchase events from the register as one grid each."""
    sections = []
    for key in ("consents", "objections", "purchases"):
        # An opt-out's evidence from ActiveCampaign is nested: one column per fact of it.
        rows = [dict(flatten(row)) for row in _as_list(register.get(key))]
        columns: list[str] = []
        for row in rows:
            columns.extend(
                k
                for k, v in row.items()
                if k not in columns and k not in SKIP_KEYS and not _empty(v)
            )
        sections.append(
            {
                "title": lang.t(f"access.sec.{key}"),
                "kind": "grid",
                "headers": [lang.label("acfield", c) for c in columns],
                "rows": [[display(c, row.get(c), lang) for c in columns] for row in rows],
            }
        )
    return sections


def has_data(sections: Sequence[Section]) -> bool:
    return any(s.get("rows") or s.get("records") for s in sections)
