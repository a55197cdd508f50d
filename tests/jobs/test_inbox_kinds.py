"""jobs/inbox.py kind_of: which inbox files the nightly imports, and as what."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobs.inbox import kind_of


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("consents.csv", "consents"),
        ("objections.csv", "objections"),
        ("customers.csv", "customers"),
        ("consents-2025-06-01.csv", "consents"),
        ("Objections_kesakuu.CSV", "objections"),
        ("CUSTOMERS.Csv", "customers"),
        ("consents.csv.error", None),
        ("consents.txt", None),
        ("consents", None),
        ("consents.xlsx", None),
        ("my-consents.csv", None),
        ("customer.csv", None),
        ("notes.csv", None),
        (".csv", None),
        ("readme.md", None),
    ],
)
def test_kind_of(name: str, kind: str | None) -> None:
    """consents*/objections*/customers*.csv by name, case-insensitively; anything else is None."""
    assert kind_of(Path("var/inbox") / name) == kind
