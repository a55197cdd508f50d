"""CSV readers for the register imports (SPEC 4): consents, objections, customers.

A file is validated whole before anything is returned; the first invalid row raises
InputFileError naming the file, the line and the column, never the value (it is personal data).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from compliance.codes import CONSENT_ACTIONS, OBJECTION_SCOPES
from compliance.emails import is_valid_email, normalise_email
from compliance.frames import as_utc

Cell = str | datetime | None

# Dates outside 1900-2200 are typos (0225 for 2025) or placeholders, never evidence (issue 9);
# the bounds also keep every instant inside pandas' int64 nanoseconds (about 1677-2262).
_EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
_LATEST = datetime(2200, 12, 31, 23, 59, 59, tzinfo=UTC)


class InputFileError(Exception):
    """An input file that cannot be imported: `<file>:<line>: column '<col>': <what>`."""

    def __init__(
        self, path: str | os.PathLike[str], line: int | None, column: str | None, message: str
    ) -> None:
        self.path = str(path)
        self.line = line
        self.column = column
        self.message = message
        where = self.path if line is None else f"{self.path}:{line}"
        what = message if column is None else f"column '{column}': {message}"
        super().__init__(f"{where}: {what}")


class _CellError(ValueError):
    """A value that fails its column's check; the reader adds file, line and column."""


def _text(value: str) -> str:
    return value


def _email(value: str) -> str:
    email = normalise_email(value)
    if not is_valid_email(email):
        raise _CellError("not a valid email address")
    return email


def _instant(value: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise _CellError("not an ISO 8601 date or date-time") from None
    # SPEC 4: a date alone is 00:00 UTC and a time without an offset is UTC.
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    try:
        parsed = parsed.astimezone(UTC)
    except OverflowError:
        raise _CellError("date is outside the years 1900-2200") from None
    if not _EARLIEST <= parsed <= _LATEST:
        raise _CellError("date is outside the years 1900-2200")
    return parsed


def _one_of(choices: tuple[str, ...]) -> Callable[[str], str]:
    def check(value: str) -> str:
        choice = value.lower()
        if choice not in choices:
            raise _CellError(f"must be one of {', '.join(choices)}")
        return choice

    return check


@dataclass(frozen=True)
class _Column:
    name: str
    parse: Callable[[str], Cell]
    required: bool = True
    output: str | None = None  # frame column name when it differs from the CSV header

    @property
    def target(self) -> str:
        return self.output or self.name


@dataclass(frozen=True)
class _Layout:
    kind: str
    columns: tuple[_Column, ...]
    instants: tuple[str, ...]


CONSENTS = _Layout(
    "consents",
    (
        _Column("email", _email, output="email_norm"),
        _Column("purpose", _text),
        _Column("action", _one_of(CONSENT_ACTIONS)),
        _Column("at", _instant),
        _Column("source", _text),
        _Column("wording_id", _text, required=False),
        _Column("notice_version", _text, required=False),
    ),
    instants=("at",),
)
OBJECTIONS = _Layout(
    "objections",
    (
        _Column("email", _email, output="email_norm"),
        _Column("scope", _one_of(OBJECTION_SCOPES)),
        _Column("at", _instant),
        _Column("channel", _text),
    ),
    instants=("at",),
)
CUSTOMERS = _Layout(
    "customers",
    (
        _Column("email", _email, output="email_norm"),
        _Column("last_purchase_at", _instant),
        _Column("product_group", _text),
    ),
    instants=("last_purchase_at",),
)


def read_consents(path: str | os.PathLike[str]) -> pd.DataFrame:
    """email_norm, purpose, action, at, source, wording_id, notice_version, row_hash, line."""
    return _read(Path(path), CONSENTS)


def read_objections(path: str | os.PathLike[str]) -> pd.DataFrame:
    """email_norm, scope, at, channel, row_hash, line."""
    return _read(Path(path), OBJECTIONS)


def read_customers(path: str | os.PathLike[str]) -> pd.DataFrame:
    """email_norm, last_purchase_at, product_group, row_hash, line."""
    return _read(Path(path), CUSTOMERS)


def _records(path: Path) -> Iterator[tuple[int, list[str]]]:
    """(first physical line, cells) per CSV record, blank records skipped."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputFileError(path, None, None, f"cannot read the file ({error.strerror})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise InputFileError(path, line, None, "the text is not valid UTF-8") from None
    nul = text.find("\x00")
    if nul >= 0:
        # Python's csv accepts NUL, but in a CSV export it means UTF-16 or a binary file.
        line = text.count("\n", 0, nul) + 1
        raise InputFileError(path, line, None, "NUL character (UTF-16 or a binary file?)")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    line = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            # csv messages describe the syntax problem only, never the cell contents.
            raise InputFileError(path, reader.line_num, None, f"malformed CSV: {error}") from None
        first, line = line, reader.line_num + 1
        if any(cell.strip() for cell in cells):
            yield first, cells


def _header(path: Path, line: int, cells: list[str], layout: _Layout) -> dict[str, int]:
    """Position of each known column; extra columns are ignored, a missing required one fails."""
    names = [cell.strip().lower() for cell in cells]
    where: dict[str, int] = {}
    for column in layout.columns:
        found = [pos for pos, name in enumerate(names) if name == column.name]
        if len(found) > 1:
            raise InputFileError(path, line, column.name, "the column appears more than once")
        if found:
            where[column.name] = found[0]
        elif column.required:
            raise InputFileError(path, line, column.name, "required column is missing")
    return where


def _read(path: Path, layout: _Layout) -> pd.DataFrame:
    records = _records(path)
    first = next(records, None)
    if first is None:
        raise InputFileError(path, 1, None, "the file is empty (no header row)")
    header_line, header = first
    where = _header(path, header_line, header, layout)

    values: dict[str, list[Cell]] = {column.target: [] for column in layout.columns}
    lines: list[int] = []
    for line, cells in records:
        if len(cells) != len(header):
            raise InputFileError(
                path, line, None, f"the row has {len(cells)} cells, the header has {len(header)}"
            )
        for column in layout.columns:
            values[column.target].append(_cell(path, line, column, cells, where))
        lines.append(line)

    frame = pd.DataFrame({name: pd.Series(cells, dtype="object") for name, cells in values.items()})
    for name in layout.instants:
        frame[name] = as_utc(frame[name])
    frame["row_hash"] = _row_hashes(layout, values, len(lines))
    frame["line"] = pd.Series(lines, dtype="int64")
    return frame


def _cell(path: Path, line: int, column: _Column, cells: list[str], where: dict[str, int]) -> Cell:
    if column.name not in where:
        return None
    value = cells[where[column.name]].strip()
    if not value:
        if column.required:
            raise InputFileError(path, line, column.name, "value is missing")
        return None
    try:
        return column.parse(value)
    except _CellError as error:
        raise InputFileError(path, line, column.name, str(error)) from None


def _row_hashes(layout: _Layout, values: dict[str, list[Cell]], rows: int) -> pd.Series:
    """sha256 of each normalised row: the same fact imported twice gets the same hash."""
    hashes: list[str] = []
    for i in range(rows):
        parts = [layout.kind]
        for column in layout.columns:
            value = values[column.target][i]
            parts.append(value.isoformat() if isinstance(value, datetime) else (value or ""))
        # JSON keeps the parts apart whatever characters they hold.
        encoded = json.dumps(parts, ensure_ascii=False).encode("utf-8")
        hashes.append(hashlib.sha256(encoded).hexdigest())
    return pd.Series(hashes, dtype="object")
