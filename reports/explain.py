"""One sentence per finding in the report's language, built from its code, list and request.

The `detail` strings come from compliance/ in English and stay unchanged in report.json, where
tools read them. The HTML report and findings.csv are for a person reading Finnish or English,
so the sentence is rebuilt from structured fields: the row's columns and its `params` (request
id and deadline, processor, the other contact ids). A report without params (written before
they existed) falls back to compliance's wording; unrecognised, the raw detail is shown next to
the sentence, never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from reports.i18n import Lang

# Findings about one contact on one list: the sentence names the list.
LIST_CODES = frozenset(
    {
        "OBJECTION_NOT_HONOURED",
        "SUPPRESSION_BREACH",
        "RESUBSCRIBED_AFTER_OPT_OUT",
        "CONSENT_WITHDRAWN",
        "SOFT_OPT_IN_EXPIRED",
        "NO_MARKETING_BASIS",
        "CONSENT_INCOMPLETE",
    }
)
DSR_CODES = frozenset({"DSR_DUE_SOON", "DSR_OVERDUE", "DSR_IDENTITY_UNVERIFIED"})
# The wording of compliance/transfers.py and compliance/hygiene.py (tests pin both).
_DPA = re.compile(r"^processor (?P<name>.+) has no signed data-processing agreement$")
_TRANSFER = re.compile(r"^processor (?P<name>.+) \((?P<country>[A-Za-z]{2})\) receives personal")
_DUPLICATE = re.compile(r"^(?P<count>\d+) contacts in ActiveCampaign share")
_PUNCTUATION = ",.;:()[]"


@dataclass(frozen=True)
class FindingText:
    """What the findings table shows for one finding."""

    text: str  # the localised sentence; "" when there is none (an unknown code)
    raw: str  # the stored detail, shown small and muted when the sentence lacks its facts


def list_names(lists: Iterable[Mapping[str, Any]] | None) -> dict[str, str]:
    """List id (as text, so 1 and "1" agree) -> configured name, for lists that have one."""
    names = {}
    for item in lists or ():
        name = str(item.get("name") or "").strip()
        if item.get("id") is not None and name:
            names[str(item["id"])] = name
    return names


def list_label(list_id: Any, names: Mapping[str, str]) -> str:
    """'1 (Uutiskirje)' when the name is known, else '1'."""
    name = names.get(str(list_id))
    return f"{list_id} ({name})" if name else str(list_id)


def requests_by_id(requests: Iterable[Mapping[str, Any]] | None) -> dict[str, Mapping[str, Any]]:
    """Request id (as text) -> the report's request row."""
    return {str(r["id"]): r for r in requests or () if r.get("id") is not None}


def explain_finding(
    finding: Mapping[str, Any],
    *,
    lang: Lang,
    names: Mapping[str, str],
    requests: Mapping[str, Mapping[str, Any]],
) -> FindingText:
    """The sentence for one finding; unknown codes keep their raw detail as the only text."""
    code = str(finding.get("code"))
    detail = str(finding.get("detail") or "")
    list_id = finding.get("list_id")
    params = finding.get("params") or {}
    if code in LIST_CODES and list_id is not None:
        return FindingText(lang.t(f"explain.{code}", list=list_label(list_id, names)), "")
    if code in DSR_CODES:
        return _explain_request(code, detail, lang, requests, params)
    if code == "TRANSFER_WITHOUT_SAFEGUARD":
        if params.get("processor"):
            named = {"name": params["processor"], "country": params.get("country", "")}
            return FindingText(lang.t("explain.transfer_named", **named), "")
        match = _TRANSFER.match(detail)
        if match:
            return FindingText(
                lang.t("explain.transfer_named", name=match["name"], country=match["country"]), ""
            )
        return FindingText(lang.t("explain.TRANSFER_WITHOUT_SAFEGUARD"), detail)
    if code == "DPA_MISSING":
        match = _DPA.match(detail)
        if match:
            return FindingText(lang.t("explain.dpa_named", name=match["name"]), "")
        return FindingText(lang.t("explain.DPA_MISSING"), detail)
    if code == "DUPLICATE_CONTACT":
        others = params.get("other_ids")
        if isinstance(others, list) and others:
            return FindingText(
                lang.t(
                    "explain.duplicate_others",
                    count=lang.num(int(params.get("count") or len(others) + 1)),
                    others=", ".join(str(other) for other in others),
                ),
                "",
            )
        match = _DUPLICATE.match(detail)
        if match:
            count = lang.num(int(match["count"]))
            return FindingText(lang.t("explain.duplicate_count", count=count), "")
        return FindingText(lang.t("explain.DUPLICATE_CONTACT"), detail)
    if code == "INVALID_EMAIL":
        return FindingText(lang.t("explain.INVALID_EMAIL"), "")
    return FindingText("", detail)


def _explain_request(
    code: str,
    detail: str,
    lang: Lang,
    requests: Mapping[str, Mapping[str, Any]],
    params: Mapping[str, Any],
) -> FindingText:
    request = requests.get(str(params.get("request_id"))) or _find_request(detail, requests)
    if request is None and params.get("request_id"):
        request = {"id": params["request_id"], **params}
    if request is None:
        return FindingText(lang.t(f"explain.{code}"), detail)
    params = {
        "request": request["id"],
        "type": lang.label("request", request.get("type")),
        "due": lang.dt(request.get("due_at")),
    }
    days = request.get("days_left")
    if not isinstance(days, int) or isinstance(days, bool):
        return FindingText(lang.t(f"explain.{code}.due", **params), "")
    if code == "DSR_OVERDUE" and days < 0:
        return FindingText(
            lang.t("explain.DSR_OVERDUE.late", late=lang.unit("day", -days), **params), ""
        )
    if code == "DSR_DUE_SOON" and days >= 0:
        left = lang.unit("day", days) if days > 0 else lang.t("explain.under_a_day")
        return FindingText(lang.t("explain.DSR_DUE_SOON.left", left=left, **params), "")
    return FindingText(lang.t(f"explain.{code}.due", **params), "")


def _find_request(
    detail: str, requests: Mapping[str, Mapping[str, Any]]
) -> Mapping[str, Any] | None:
    """The request whose id appears as a word of the detail (compliance writes it there)."""
    for word in detail.split():
        request = requests.get(word.strip(_PUNCTUATION))
        if request is not None:
            return request
    return None
