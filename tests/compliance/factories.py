"""Small builders for the frames the rules take, so each test states only what matters."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

import pandas as pd

from compliance.codes import FINDING_PARAMS, SEVERITY, Basis, FindingCode
from compliance.frames import SCHEMAS, empty_frame
from compliance.policy import ListPolicy

NOW = datetime(2026, 1, 1, tzinfo=UTC)
NEWSLETTER, OFFERS, ORDERS = 10, 20, 30
LISTS = (
    ListPolicy(NEWSLETTER, "newsletter", Basis.CONSENT),
    ListPolicy(OFFERS, "offers", Basis.SOFT_OPT_IN, ("shoes", "bags")),
    ListPolicy(ORDERS, "orders", Basis.SERVICE),
)


def ts(text: str | None) -> pd.Timestamp:
    """A UTC timestamp from ISO text; None gives NaT."""
    return pd.NaT if text is None else pd.Timestamp(text, tz="UTC")


def frame(kind: str, rows: Iterable[dict[str, object]]) -> pd.DataFrame:
    """A frame of SCHEMAS[kind] from row dicts; missing keys get None/NaT/False."""
    rows = list(rows)
    if not rows:
        return empty_frame(kind)
    data = pd.DataFrame(rows, columns=list(SCHEMAS[kind]))
    for name, dtype in SCHEMAS[kind].items():
        if dtype == "bool":
            data[name] = data[name].astype(object).where(data[name].notna(), False).astype(bool)
        elif dtype.startswith("datetime64"):
            data[name] = pd.to_datetime(data[name], utc=True).dt.as_unit("ns")
        else:
            data[name] = data[name].astype(dtype)
    return data


def contacts(*rows: tuple[int, str] | tuple[int, str, str]) -> pd.DataFrame:
    """(contact_id, email_norm[, suppression_key]) rows; email as in AC = email_norm."""
    return frame(
        "contacts",
        (
            {
                "contact_id": row[0],
                "email": row[1],
                "email_norm": row[1],
                "suppression_key": row[2] if len(row) > 2 else f"key-{row[0]}",
                "cdate": ts("2020-01-01"),
                "udate": ts("2020-01-01"),
                "bounced_hard": False,
            }
            for row in rows
        ),
    )


def memberships(*rows: tuple[int, int] | tuple[int, int, int]) -> pd.DataFrame:
    """(contact_id, list_id[, status]) rows; status defaults to 1 (active)."""
    return frame(
        "memberships",
        ({"contact_id": r[0], "list_id": r[1], "status": r[2] if len(r) > 2 else 1} for r in rows),
    )


def contact_tags(*rows: tuple[int, str]) -> pd.DataFrame:
    """(contact_id, tag name) rows."""
    return frame("contact_tags", ({"contact_id": r[0], "tag": r[1]} for r in rows))


def consents(*rows: Sequence[object]) -> pd.DataFrame:
    """(email_norm, purpose, action, at[, wording_id, notice_version[, source, list_id]]) rows;
    complete by default, source "form", no list."""
    return frame(
        "consents",
        (
            {
                "email_norm": r[0],
                "purpose": r[1],
                "action": r[2],
                "at": ts(str(r[3])),
                "source": r[6] if len(r) > 6 else "form",
                "wording_id": r[4] if len(r) > 4 else "w1",
                "notice_version": r[5] if len(r) > 5 else "2025-1",
                "list_id": r[7] if len(r) > 7 else None,
            }
            for r in rows
        ),
    )


def optout(email: str, purpose: str, list_id: int, at: str) -> tuple[object, ...]:
    """A consents row for an opt-out made in ActiveCampaign (SPEC 5.1)."""
    return (email, purpose, "withdraw", at, None, None, "activecampaign", list_id)


def objections(*rows: tuple[str, str, str]) -> pd.DataFrame:
    """(email_norm, scope, at) rows."""
    return frame(
        "objections",
        ({"email_norm": r[0], "scope": r[1], "at": ts(r[2]), "channel": "email"} for r in rows),
    )


def customers(*rows: tuple[str, str, str]) -> pd.DataFrame:
    """(email_norm, last_purchase_at, product_group) rows."""
    return frame(
        "customers",
        ({"email_norm": r[0], "last_purchase_at": ts(r[1]), "product_group": r[2]} for r in rows),
    )


def suppressions(*rows: tuple[str, ...]) -> pd.DataFrame:
    """(key, created_at) or (key, created_at, scope) rows; scope defaults to "all"."""
    return frame(
        "suppressions",
        (
            {
                "key": r[0],
                "scope": r[2] if len(r) > 2 else "all",
                "reason": "objection",
                "created_at": ts(r[1]),
            }
            for r in rows
        ),
    )


def findings(*rows: tuple[Any, ...]) -> pd.DataFrame:
    """Expected findings: (code, contact_id, email_norm, list_id, params), severity filled in.

    Each params dict must have exactly the keys codes.FINDING_PARAMS declares for its code, so
    every whole-frame comparison also holds the rules to that contract.
    """
    for code, *_, params in rows:
        assert sorted(params) == sorted(FINDING_PARAMS[FindingCode(code)]), (code, params)
    return frame(
        "findings",
        (
            {
                "code": code,
                "severity": SEVERITY[FindingCode(code)].value,
                "contact_id": contact_id,
                "email_norm": email,
                "list_id": list_id,
                "params": params,
            }
            for code, contact_id, email, list_id, params in rows
        ),
    )


def actions(*rows: tuple[str, int, int | None, str, str | None]) -> pd.DataFrame:
    """Expected actions: (type, contact_id, list_id, rule, tag)."""
    return frame(
        "actions",
        (
            {"type": t, "contact_id": c, "list_id": li, "rule": rule, "tag": tag}
            for t, c, li, rule, tag in rows
        ),
    )
