"""Start-up beside two baselines: the minimal Textual app and a bare three-pane screen.

The budget is set against the minimal app (one line of text). `three_pane_app.py` is
the least a reading screen of spinetui's shape costs in Textual alone (a title bar, a
`Tree`, a scrolling pane of wrapped text, the `Footer`): the difference between the
two baselines is Textual's, paid by any such app; what spinetui costs beyond the
three-pane screen is its own. Launched alternately, as startup.py does.

Usage: python benchmarks/startup_floor.py [--runs N] [--content DIR]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCHMARKS))

import startup  # noqa: E402
from minimal_app import READY_MARKER  # noqa: E402
from three_pane_app import READY_MARKER as THREE_PANE_MARKER  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--content", type=Path)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="spinetui-bench-") as tmp:
        startup.prepare_environment(Path(tmp))
        startup.prime_guide_cache(options.content)
        programs = {
            "minimal app": (startup.minimal_argv(), READY_MARKER),
            "three-pane app": (
                [sys.executable, str(BENCHMARKS / "three_pane_app.py")],
                THREE_PANE_MARKER,
            ),
            "spinetui": (
                startup.spinetui_argv(options.content),
                startup.home_marker(options.content),
            ),
        }
        for argv, marker in programs.values():  # warm-up: bytecode, file cache
            startup.launch(argv, marker)
        launches: dict[str, list[startup.Launch]] = {name: [] for name in programs}
        for _ in range(options.runs):
            for name, (argv, marker) in programs.items():
                launches[name].append(startup.launch(argv, marker))
    base = launches["minimal app"]
    base_s, base_c = startup.median_seconds(base), startup.median_cpu_seconds(base)
    print(f"Start-up, median of {options.runs} launches (ratio to the minimal app)")
    for name, runs in launches.items():
        s, c = startup.median_seconds(runs), startup.median_cpu_seconds(runs)
        m = startup.median_rss_kib(runs) / 1024
        print(
            f"  {name:15} wall {s * 1000:6.0f} ms ({s / base_s:.2f}×)  "
            f"CPU {c * 1000:6.0f} ms ({c / base_c:.2f}×)  RSS {m:5.1f} MB"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
