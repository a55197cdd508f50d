"""Private file output: directories 0700, files 0600, every file replaced atomically."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from reports.csvcells import safe_mapping

DIR_MODE = 0o700
FILE_MODE = 0o600


def ensure_private_dir(path: Path) -> Path:
    """Create `path` and any missing parents with mode 0700; existing directories are left as
    they are (tightening someone's existing folder is not ours to do)."""
    missing: list[Path] = []
    current = path
    while not current.exists():
        missing.append(current)
        current = current.parent
    for directory in reversed(missing):
        # exist_ok: a concurrent job may create the same parent; chmod because umask trims mode.
        directory.mkdir(mode=DIR_MODE, exist_ok=True)
        os.chmod(directory, DIR_MODE)
    if not path.is_dir():
        raise NotADirectoryError(str(path))
    return path


def write_bytes(path: Path, data: bytes) -> Path:
    """Write `data` to `path` (0600) via a temp file in the same directory and os.replace, so a
    reader never sees half a report and a crash leaves the previous version intact."""
    ensure_private_dir(path.parent)
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp already creates 0600; chmod keeps that true whatever the platform defaults are.
        os.chmod(tmp_name, FILE_MODE)
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
    return path


def write_text(path: Path, text: str) -> Path:
    """Write UTF-8 text privately and atomically."""
    return write_bytes(path, text.encode("utf-8"))


def json_default(value: Any) -> Any:
    """Serialise the few non-JSON values callers hand us (datetimes from the register, sets)."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, set | frozenset):
        return sorted(value, key=str)
    if isinstance(value, Path):
        return str(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def to_json(data: Any) -> str:
    """JSON as written to disk: indented, UTF-8 kept readable (Finnish letters), newline at end."""
    return json.dumps(data, indent=2, ensure_ascii=False, default=json_default) + "\n"


def write_json(path: Path, data: Any) -> Path:
    """Write `data` as JSON privately and atomically."""
    return write_text(path, to_json(data))


def write_csv(path: Path, rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> Path:
    """Write rows with exactly `columns` as the header (present even with no rows); None -> '';
    cells a spreadsheet would run as formulas are neutralised (reports.csvcells)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        cells = {key: "" if row.get(key) is None else row.get(key) for key in columns}
        writer.writerow(safe_mapping(cells))
    return write_text(path, buffer.getvalue())
