"""jobs/logs.py: JSON lines on stderr, --quiet, and progress bars that stay silent under cron."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from jobs.logs import JsonFormatter, configure, progress, show_progress

NOISY = ("urllib3", "matplotlib", "PIL", "filelock")


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    """configure() rewires the root logger; put back what pytest had."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    noisy = {name: logging.getLogger(name).level for name in NOISY}
    yield
    root.handlers[:] = handlers
    root.setLevel(level)
    for name, noisy_level in noisy.items():
        logging.getLogger(name).setLevel(noisy_level)


def make_record(message: str, *args: object, **extra: object) -> logging.LogRecord:
    """A WARNING record from logger `jobs.pull` made at 2025-06-01 12:00:00.75 UTC."""
    record = logging.LogRecord("jobs.pull", logging.WARNING, __file__, 1, message, args, None)
    record.created = datetime(2025, 6, 1, 12, 0, 0, 750000, tzinfo=UTC).timestamp()
    for name, value in extra.items():
        setattr(record, name, value)
    return record


def test_json_formatter_fields() -> None:
    """One record becomes one JSON object with time, level, logger and the formatted message."""
    line = JsonFormatter().format(make_record("pull: %d contacts in %s", 3, "Äänekoski"))

    assert "\n" not in line
    assert json.loads(line) == {
        "time": "2025-06-01T12:00:00+00:00",
        "level": "warning",
        "logger": "jobs.pull",
        "message": "pull: 3 contacts in Äänekoski",
    }


def test_json_formatter_merges_fields() -> None:
    """A `fields` dict passed as extra adds its keys to the object."""
    line = JsonFormatter().format(make_record("pull done", fields={"requests": 12, "status": 200}))

    assert json.loads(line) == {
        "time": "2025-06-01T12:00:00+00:00",
        "level": "warning",
        "logger": "jobs.pull",
        "message": "pull done",
        "requests": 12,
        "status": 200,
    }


def test_configure_json_writes_one_object_per_line(capsys: pytest.CaptureFixture[str]) -> None:
    """With json_logs every record is one JSON line on stderr, stdout stays empty."""
    configure(json_logs=True, quiet=False)

    logging.getLogger("jobs.nightly").info("nightly: %d findings", 2)
    logging.getLogger("sync.pull").warning("pull: line one\nline two")
    logging.getLogger("jobs.nightly").debug("not shown at INFO")

    captured = capsys.readouterr()
    objects = [json.loads(line) for line in captured.err.splitlines()]
    assert captured.out == ""
    assert [{key: value for key, value in item.items() if key != "time"} for item in objects] == [
        {"level": "info", "logger": "jobs.nightly", "message": "nightly: 2 findings"},
        {"level": "warning", "logger": "sync.pull", "message": "pull: line one\nline two"},
    ]
    assert [set(item) for item in objects] == [{"time", "level", "logger", "message"}] * 2


@pytest.mark.parametrize(
    ("quiet", "level"), [(True, logging.WARNING), (False, logging.INFO)], ids=["quiet", "loud"]
)
def test_quiet_sets_warning(quiet: bool, level: int) -> None:
    """--quiet raises the root level to WARNING; otherwise INFO; library loggers stay at WARNING."""
    configure(json_logs=False, quiet=quiet)

    levels = {name: logging.getLogger(name).level for name in NOISY}
    assert (logging.getLogger().level, levels) == (level, dict.fromkeys(NOISY, logging.WARNING))


def test_quiet_drops_info_lines(capsys: pytest.CaptureFixture[str]) -> None:
    """Under --quiet an INFO record writes nothing and a WARNING still does."""
    configure(json_logs=True, quiet=True)

    logging.getLogger("jobs.nightly").info("nightly: started")
    logging.getLogger("jobs.nightly").warning("nightly: partial pull")

    lines = capsys.readouterr().err.splitlines()
    assert [json.loads(line)["message"] for line in lines] == ["nightly: partial pull"]


def test_configure_replaces_earlier_handlers() -> None:
    """Configuring twice leaves exactly one handler on the root logger."""
    configure(json_logs=False, quiet=False)
    configure(json_logs=True, quiet=False)

    handlers = logging.getLogger().handlers
    assert [type(handler.formatter) for handler in handlers] == [JsonFormatter]


def test_disabled_progress_is_a_silent_no_op(capsys: pytest.CaptureFixture[str]) -> None:
    """progress(enabled=False) yields an advance callable that does and prints nothing."""
    with progress("pull", enabled=False) as advance:
        results = [advance(100), advance(5)]

    assert (results, capsys.readouterr()) == ([None, None], ("", ""))


def test_no_progress_when_quiet() -> None:
    """--quiet never shows a progress bar, terminal or not."""
    assert show_progress(quiet=True) is False


def test_no_progress_without_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    """Under cron (stderr not a terminal) there is no progress bar."""
    assert show_progress(quiet=False) is False
