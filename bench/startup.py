"""`rekisteri --help` start-up time beside a bare interpreter start (SPEC 10, r2).

Median wall time of N runs of each, every run a fresh process, in an empty folder (no config).
Target (issue 12): `--help` within 6x a bare `python -c pass`.

python -m bench.startup --runs 21
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_RATIO = 6.0


def median_ms(argv: list[str], runs: int, cwd: Path) -> float:
    """Median wall time of `runs` runs of argv, after one unmeasured run (file cache)."""
    times: list[float] = []
    for index in range(runs + 1):
        started = time.perf_counter()
        subprocess.run(argv, cwd=cwd, stdout=subprocess.DEVNULL, check=True)
        if index:
            times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def commands() -> list[tuple[str, list[str]]]:
    """The bare interpreter, the installed entry point (when there is one), `python -m jobs`,
    and a command's help (the top-level group's callback runs for it, `rekisteri --help` not)."""
    python = sys.executable
    found = [("python -c pass", [python, "-c", "pass"])]
    script = Path(python).parent / "rekisteri"
    if script.exists():
        found.append(("rekisteri --help", [str(script), "--help"]))
        found.append(("rekisteri pull --help", [str(script), "pull", "--help"]))
    found.append(("python -m jobs --help", [python, "-m", "jobs", "--help"]))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="rekisteri-startup-") as folder:
        figures = [(name, median_ms(argv, args.runs, Path(folder))) for name, argv in commands()]
    bare = figures[0][1]
    print(f"start-up, median of {args.runs} runs (fresh process each, no config)")
    print(f"  {figures[0][0] + ':':<24}{bare:7.1f} ms")
    for name, value in figures[1:]:
        print(f"  {name + ':':<24}{value:7.1f} ms  ({value / bare:.1f}x the bare start)")
    worst = max(value for _, value in figures[1:]) / bare
    verdict = "met" if worst <= TARGET_RATIO else "NOT met"
    print(f"  target --help within {TARGET_RATIO:g}x a bare start: {verdict} ({worst:.1f}x)")


if __name__ == "__main__":
    main()
