"""One sentence per finding, in a given language, from its code, its columns and its params.

compliance/ writes no prose: each finding carries the facts its code needs as `params`
(compliance.codes.FINDING_PARAMS), and this module words them. The HTML report and findings.csv
use the report's language; report.json's `detail` is the English sentence (`finding_detail`),
for tools. Findings are never stored and read back, so every one has its params.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from compliance.codes import LIST_FINDINGS, FindingCode
from reports.i18n import Lang, get_lang

# The values a finding's sentence (explain.<code>) is filled in with, from the finding's row.
Words = Callable[[Mapping[str, Any], Lang, Mapping[str, str]], dict[str, str]]


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


def finding_text(finding: Mapping[str, Any], *, lang: Lang, names: Mapping[str, str]) -> str:
    """The sentence for one finding (a report.json row: code, list_id, params ...)."""
    code = FindingCode(finding["code"])
    return lang.t(f"explain.{code}", **WORDS[code](finding, lang, names))


def finding_detail(finding: Mapping[str, Any], names: Mapping[str, str]) -> str:
    """report.json's `detail`: the English sentence, times in UTC as everywhere in the JSON."""
    return finding_text(finding, lang=get_lang("en"), names=names)


def _on_list(finding: Mapping[str, Any], lang: Lang, names: Mapping[str, str]) -> dict[str, str]:
    return {"list": list_label(finding["list_id"], names)}


def _request(params: Mapping[str, Any], lang: Lang) -> dict[str, str]:
    return {
        "request": str(params["request_id"]),
        "type": lang.label("request", params["type"]),
        "due": lang.dt(params["due_at"]),
    }


def _due_soon(finding: Mapping[str, Any], lang: Lang, names: Mapping[str, str]) -> dict[str, str]:
    left = int(finding["params"]["days_left"])
    shown = lang.unit("day", left) if left > 0 else lang.t("explain.under_a_day")
    return {**_request(finding["params"], lang), "left": shown}


def _overdue(finding: Mapping[str, Any], lang: Lang, names: Mapping[str, str]) -> dict[str, str]:
    # days_left is negative once past due: -1 on the first day late (deadlines.days_left)
    late = lang.unit("day", -int(finding["params"]["days_left"]))
    return {**_request(finding["params"], lang), "late": late}


def _unverified(finding: Mapping[str, Any], lang: Lang, names: Mapping[str, str]) -> dict[str, str]:
    return _request(finding["params"], lang)


def _transfer(finding: Mapping[str, Any], lang: Lang, names: Mapping[str, str]) -> dict[str, str]:
    params = finding["params"]
    return {"name": str(params["processor"]), "country": str(params["country"])}


def _dpa(finding: Mapping[str, Any], lang: Lang, names: Mapping[str, str]) -> dict[str, str]:
    return {"name": str(finding["params"]["processor"])}


def _duplicate(finding: Mapping[str, Any], lang: Lang, names: Mapping[str, str]) -> dict[str, str]:
    params = finding["params"]
    return {
        "count": lang.num(int(params["count"])),
        "others": ", ".join(str(other) for other in params["other_ids"]),
    }


def _nothing(finding: Mapping[str, Any], lang: Lang, names: Mapping[str, str]) -> dict[str, str]:
    return {}


WORDS: dict[FindingCode, Words] = {
    **{code: _on_list for code in LIST_FINDINGS},
    FindingCode.DSR_DUE_SOON: _due_soon,
    FindingCode.DSR_OVERDUE: _overdue,
    FindingCode.DSR_IDENTITY_UNVERIFIED: _unverified,
    FindingCode.TRANSFER_WITHOUT_SAFEGUARD: _transfer,
    FindingCode.DPA_MISSING: _dpa,
    FindingCode.DUPLICATE_CONTACT: _duplicate,
    FindingCode.INVALID_EMAIL: _nothing,
}
