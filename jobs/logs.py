"""Logging to stderr (plain or JSON lines) and progress bars only on a terminal."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        payload: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="seconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        extra = getattr(record, "fields", None)
        if isinstance(extra, dict):
            payload.update(extra)
        return json.dumps(payload, ensure_ascii=False)


def configure(*, json_logs: bool, quiet: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    if json_logs:
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.WARNING if quiet else logging.INFO)
    # Library chatter (urllib3 retries, matplotlib font cache) is not for the operator.
    for noisy in ("urllib3", "matplotlib", "PIL", "filelock"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def show_progress(quiet: bool) -> bool:
    return not quiet and sys.stderr.isatty()


@contextmanager
def progress(description: str, *, enabled: bool) -> Iterator[Any]:
    """Yields an `advance(n)` callable; a silent one under cron or --quiet."""
    if not enabled:
        yield lambda n: None
        return
    # rich is only needed on a terminal; `configure` runs for every command, --help included.
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed} contacts"),
        TimeElapsedColumn(),
        transient=True,
    )
    with bar:
        task = bar.add_task(description, total=None)
        yield lambda n: bar.advance(task, n)
