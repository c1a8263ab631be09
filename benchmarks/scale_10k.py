"""Scale to 10,000 articles: search from a fresh start, and `spinetui check`.

- first results: spinetui is started in a pseudo-terminal on the generated folder (from
  its guide cache, as every start after the first), and as soon as the home article is
  painted `s` and a query are typed; the time runs from spawning the process to the
  results' status line ("… Enter opens the chosen one.") on the terminal. The search
  index is built in a worker thread (the screen answers keys meanwhile), so this is
  start-up plus the index build plus one query.
- check: `python -m spinetui check DIR` run to its end, wall-clock and CPU time (the
  CPU time of the child, steadier when the machine is shared); baseline the same
  folder's bare load (`load_guide`) in a child of its own, which `check` includes.

Usage: python benchmarks/scale_10k.py [--runs N] [--articles N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCHMARKS))

import scale  # noqa: E402
import startup  # noqa: E402
from _pty import PtyProgram  # noqa: E402

ARTICLES = 10_000
QUERY = "sciatica"
RESULTS_MARKER = "Enter opens the chosen one."


@dataclass(frozen=True, slots=True)
class Timed:
    seconds: float
    cpu_seconds: float


def first_results(folder: Path, *, timeout: float = 120.0) -> tuple[float, float]:
    """(spawn → home painted, spawn → first search results painted), in seconds."""
    marker = startup.home_marker(folder)
    with PtyProgram(startup.spinetui_argv(folder), width=120, height=40) as program:
        painted = program.wait_for(marker, timeout=timeout) - program.started
        # The search screen first (its box then has the focus), then the query.
        program.press("s", "Type a word to search", timeout=timeout)
        os.write(program.master, QUERY.encode())
        found = program.wait_for(RESULTS_MARKER, timeout=timeout) - program.started
    return painted, found


def _timed_child(argv: list[str]) -> Timed:
    before = os.times()
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    seconds = time.perf_counter() - start
    after = os.times()
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    return Timed(seconds, cpu)


def check_times(folder: Path, runs: int) -> tuple[list[Timed], list[Timed]]:
    """(`spinetui check` runs, bare `load_guide` runs), alternating."""
    check = [sys.executable, "-m", "spinetui", "check", str(folder)]
    load = [
        sys.executable,
        "-c",
        "import sys; from spinetui.model import load_guide; load_guide(sys.argv[1])",
        str(folder),
    ]
    ours: list[Timed] = []
    base: list[Timed] = []
    for _ in range(runs):
        ours.append(_timed_child(check))
        base.append(_timed_child(load))
    return ours, base


def median(values: list[float]) -> float:
    return statistics.median(values)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--articles", type=int, default=ARTICLES)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="spinetui-bench-") as tmp:
        startup.prepare_environment(Path(tmp) / "bytecode")
        folder = scale.generated_folder(Path(tmp), options.articles)
        startup.prime_guide_cache(folder)
        found = [first_results(folder) for _ in range(options.runs)]
        ours, base = check_times(folder, options.runs)
    print(f"{options.articles:,} articles, median of {options.runs}")
    print(f"  home painted          {median([f[0] for f in found]) * 1000:7.0f} ms")
    print(f"  first search results  {median([f[1] for f in found]) * 1000:7.0f} ms after start")
    print(
        f"  spinetui check        {median([t.seconds for t in ours]):7.1f} s "
        f"(CPU {median([t.cpu_seconds for t in ours]):.1f} s); load_guide alone "
        f"{median([t.seconds for t in base]):.1f} s (CPU {median([t.cpu_seconds for t in base]):.1f} s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
