"""Spreadsheet-safe CSV cells: the one rule every CSV the product writes goes through (SPEC 8).

A cell starting with `=`, `+`, `-`, `@`, tab or carriage return is run as a formula by Excel,
LibreOffice and Google Sheets (CSV injection: `=HYPERLINK(...)` in an email address becomes a
link that leaks data). OWASP's remedy: prefix such a cell with a single quote, which the
spreadsheet shows as text and which a reader of the raw file still recognises.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """`value` unchanged unless it is text a spreadsheet would evaluate; then `'` + text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(values: Iterable[Any]) -> list[Any]:
    return [safe_cell(value) for value in values]


def safe_mapping(row: Mapping[str, Any]) -> dict[str, Any]:
    return {key: safe_cell(value) for key, value in row.items()}
