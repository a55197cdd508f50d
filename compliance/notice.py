"""Which defects of the seed privacy notice (RULES.md part C) the configuration still leaves open,
and how the notice versions that consents refer to compare with the current one. Pure functions
over plain values: the generated notice fixes a defect only where the config gives it the facts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

# RULES.md part C, in its order. The generated notice never cites the repealed
# henkilötietolaki (1) and never limits access to "free once a year, in writing" (4): those two
# are fixed by the text itself, whatever the config says.
DEFECTS = (
    "repealed_act",
    "browsing_consent",
    "no_retention",
    "access_limits",
    "objection_wording",
    "partner_disclosure",
    "transfers",
)
ANALYTICS_PURPOSE = "website_analytics"
# Activities the notice describes besides the list purposes (processors may name them).
FIXED_PURPOSES = frozenset({"customers", "suppression", "requests", ANALYTICS_PURPOSE})


@dataclass(frozen=True)
class OpenDefect:
    """One reason a part C defect stays open: `defect` is the part C code, `reason` names the
    config problem (its text lives in reports/), `params` say which list, processor or key."""

    defect: str
    reason: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"defect": self.defect, "reason": self.reason, "params": dict(self.params)}


def open_defects(
    *,
    lists: Sequence[Mapping[str, Any]],
    processors: Sequence[Mapping[str, Any]],
    policy: Mapping[str, Any],
    cookies: Mapping[str, Any],
    complaint_authority: str,
    eea_countries: Iterable[str],
) -> list[OpenDefect]:
    """The part C defects a notice generated from this config would still have, with reasons."""
    found: list[OpenDefect] = []
    purposes = {str(item.get("purpose") or "") for item in lists}
    analytics = cookies.get("analytics", "none")
    for item in lists:
        if item.get("basis") not in ("consent", "soft_opt_in", "service"):
            found.append(OpenDefect("browsing_consent", "no_basis", {"list": item.get("id")}))
        if item.get("retention_months") is not None:
            # The ROPA shows it, but no rule enforces it: the notice states what is enforced.
            found.append(
                OpenDefect(
                    "no_retention",
                    "list_retention_unenforced",
                    {"list": item.get("id"), "months": item.get("retention_months")},
                )
            )
    if analytics == "consent_banner" and not str(cookies.get("consent_log") or "").strip():
        found.append(OpenDefect("browsing_consent", "banner_without_log", {}))
    if policy.get("enforce") != "apply":
        found.append(OpenDefect("no_retention", "report_only", {}))
    if not complaint_authority.strip():
        found.append(OpenDefect("objection_wording", "no_authority", {}))
    eea = frozenset(c.upper() for c in eea_countries)
    described = purposes | (
        FIXED_PURPOSES - ({ANALYTICS_PURPOSE} if analytics == "none" else set())
    )
    for processor in processors:
        name = processor.get("name") or "?"
        served = [str(p) for p in processor.get("purposes") or ()]
        if not served:
            found.append(OpenDefect("partner_disclosure", "processor_no_purposes", {"name": name}))
        elif ANALYTICS_PURPOSE in served and analytics == "none":
            found.append(OpenDefect("browsing_consent", "analytics_undeclared", {"name": name}))
        else:
            unknown = [p for p in served if p not in described]
            if unknown:
                found.append(
                    OpenDefect(
                        "partner_disclosure",
                        "processor_unknown_purpose",
                        {"name": name, "purposes": ", ".join(unknown)},
                    )
                )
        country = str(processor.get("country") or "").upper()
        if country not in eea and processor.get("transfer_mechanism") not in ("adequacy", "scc"):
            found.append(
                OpenDefect("transfers", "no_safeguard", {"name": name, "country": country})
            )
    return found


def defect_codes(found: Iterable[OpenDefect]) -> list[str]:
    """The distinct part C codes among `found`, in part C order."""
    codes = {d.defect for d in found}
    return [code for code in DEFECTS if code in codes]


def classify_versions(
    counts: Mapping[str | None, int], *, current: str, issued: Iterable[str]
) -> list[dict[str, Any]]:
    """Consents in force per notice version, each marked `current`, `older` (a version this
    notice generator issued before the current one), `unknown` (a version it never issued, such
    as the seed notice's) or `missing` (no version recorded); current first, newest first."""
    known = set(issued)
    rows: list[dict[str, Any]] = []
    for version, consents in counts.items():
        if not version:
            status = "missing"
        elif version == current:
            status = "current"
        elif version in known:
            # superseded, whatever its date: a config can return to an earlier content
            status = "older"
        else:
            status = "unknown"
        rows.append(
            {"notice_version": version or None, "consents": int(consents), "status": status}
        )
    order = {"current": 0, "older": 1, "unknown": 2, "missing": 3}
    rows.sort(key=lambda r: str(r["notice_version"] or ""), reverse=True)
    rows.sort(key=lambda r: order[str(r["status"])])
    return rows
