"""`nightly` end to end against the simulator unthrottled: wall time and peak memory per stage.

SPEC 10 (r2): the product's own cost, apart from the API's pacing.

python -m bench.nightly --contacts 100000
"""

from __future__ import annotations

import argparse
import contextlib
import os
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import jobs.nightly
from jobs.cli import main as cli_main
from simulator.data import generate
from simulator.demo import CONFIG, DEMO_TOKEN, MAX_CLIENT_RATE
from simulator.server import serve

STAGES = ("run_pull", "process_inbox", "run_reconcile", "run_purge", "write")
NAMES = {
    "run_pull": "pull (first run: full)",
    "process_inbox": "inbox imports",
    "run_reconcile": "reconcile",
    "run_purge": "purge plan",
    "write": "report",
}

figures: dict[str, tuple[float, float]] = {}


def _measured(name: str, original: Callable[..., Any]) -> Callable[..., Any]:
    """`original` timed, with the peak of Python allocations during it (tracemalloc)."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        tracemalloc.reset_peak()
        base = tracemalloc.get_traced_memory()[0]
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            wall = time.perf_counter() - started
            peak = tracemalloc.get_traced_memory()[1] - base
            old_wall, old_peak = figures.get(name, (0.0, 0.0))
            figures[name] = (old_wall + wall, max(old_peak, peak))

    return wrapper


@contextlib.contextmanager
def _instrumented() -> Iterator[None]:
    originals = {name: getattr(jobs.nightly, name) for name in STAGES}
    for name, original in originals.items():
        setattr(jobs.nightly, name, _measured(name, original))
    try:
        yield
    finally:
        for name, original in originals.items():
            setattr(jobs.nightly, name, original)


def _cli(config: Path, *args: str) -> int:
    try:
        cli_main(["--config", str(config), "--quiet", *args])
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


def measure(contacts: int, seed: int) -> None:
    anchor = datetime.now(UTC).replace(microsecond=0)
    state = generate(contacts=contacts, seed=seed, anchor=anchor)
    os.environ["ACTIVECAMPAIGN_API_TOKEN"] = DEMO_TOKEN
    with (
        serve(state, port=0, token=DEMO_TOKEN, rate=0) as server,
        tempfile.TemporaryDirectory() as tmp,
    ):
        folder = Path(tmp)
        config = folder / "config.toml"
        text = CONFIG.format(
            base_url=server.url, language="en", max_auto=contacts, client_rate=MAX_CLIENT_RATE
        )
        # Plan only: deleting/unsubscribing over HTTP would measure the simulator's writes.
        config.write_text(text.replace('enforce = "apply"', 'enforce = "report"'), "utf-8")
        os.chdir(folder)
        if _cli(config, "init") != 0:
            raise SystemExit("bench: init failed")
        tracemalloc.start()
        started = time.perf_counter()
        with _instrumented():
            code = _cli(config, "nightly")
        total = time.perf_counter() - started
        whole_peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    print(f"nightly of {contacts} contacts, simulator unthrottled (exit {code})")
    for name in STAGES:
        wall, peak = figures.get(name, (0.0, 0.0))
        print(f"  {NAMES[name]:<24} {wall:7.1f} s  peak {peak / 2**20:7.1f} MiB")
    print(f"  {'whole nightly':<24} {total:7.1f} s  peak {whole_peak / 2**20:7.1f} MiB")
    print("  (peaks are Python allocations traced by tracemalloc, which also slows the run)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--contacts", type=int, default=100000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    measure(args.contacts, args.seed)


if __name__ == "__main__":
    main()
