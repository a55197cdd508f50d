"""Tests for reports.files: private directories, atomic private files, CSV and JSON output."""

from __future__ import annotations

import os
import stat
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from reports.files import ensure_private_dir, to_json, write_csv, write_text


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_creates_missing_parents_0700(tmp_path: Path) -> None:
    """Every directory created on the way gets mode 0700, whatever the umask."""
    old = os.umask(0o022)
    try:
        ensure_private_dir(tmp_path / "a" / "b" / "c")
    finally:
        os.umask(old)
    assert [_mode(tmp_path / p) for p in ("a", "a/b", "a/b/c")] == [0o700] * 3


def test_existing_directory_left_alone(tmp_path: Path) -> None:
    """A folder that already exists keeps its mode (it is not ours to tighten)."""
    existing = tmp_path / "shared"
    existing.mkdir()
    os.chmod(existing, 0o750)  # noqa: S103 -- a shared folder made by someone else
    ensure_private_dir(existing)
    assert _mode(existing) == 0o750


def test_file_in_place_of_directory(tmp_path: Path) -> None:
    """A regular file where the directory should be is an error, not silently used."""
    (tmp_path / "x").write_text("")
    with pytest.raises(NotADirectoryError):
        ensure_private_dir(tmp_path / "x")


def test_write_is_private_and_atomic(tmp_path: Path) -> None:
    """Files are 0600, replace the old version and leave no temporary files behind."""
    target = tmp_path / "out" / "report.html"
    write_text(target, "first")
    os.chmod(target, 0o644)
    write_text(target, "second ä")
    assert target.read_text(encoding="utf-8") == "second ä"
    assert _mode(target) == 0o600
    assert [p.name for p in target.parent.iterdir()] == ["report.html"]


def test_failed_write_keeps_previous_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If the final rename fails the previous file is intact and the temp file is removed."""
    target = tmp_path / "r.json"
    write_text(target, "old")

    def refuse(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("reports.files.os.replace", refuse)
    with pytest.raises(OSError, match="disk full"):
        write_text(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]


def test_csv_header_only_and_blank_none(tmp_path: Path) -> None:
    """The header is written even without rows; None becomes an empty cell, extras are dropped."""
    empty = write_csv(tmp_path / "e.csv", [], ("a", "b"))
    rows = write_csv(tmp_path / "r.csv", [{"a": 1, "b": None, "c": "x"}], ("a", "b"))
    assert empty.read_bytes() == b"a,b\r\n"
    assert rows.read_bytes() == b"a,b\r\n1,\r\n"


def test_json_serialises_dates_and_sets() -> None:
    """Datetimes from the register become ISO strings; Finnish letters stay readable."""
    text = to_json(
        {
            "at": datetime(2026, 1, 2, 3, 4, tzinfo=UTC),
            "d": date(2026, 1, 2),
            "s": {"b", "a"},
            "n": "Jyväskylä",
        }
    )
    assert text == (
        '{\n  "at": "2026-01-02T03:04:00+00:00",\n  "d": "2026-01-02",\n'
        '  "s": [\n    "a",\n    "b"\n  ],\n  "n": "Jyväskylä"\n}\n'
    )
