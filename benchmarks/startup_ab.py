"""Start-up of two spinetui trees side by side: before and after a change.

Launches, in turn, the spinetui in OTHER_TREE/src (e.g. `git archive COMMIT src | tar
-x -C /tmp/before`), this tree's spinetui from its guide cache, this tree's without it,
and the minimal Textual app, each in a pseudo-terminal as startup.py does; prints the
medians and their ratios to the minimal app. For a shared machine, where only ratios
taken in one run can be compared.

Usage: python benchmarks/startup_ab.py OTHER_TREE [--runs N] [--content DIR]
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("other", type=Path, help="a tree with the other spinetui in src/")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--content", type=Path)
    options = parser.parse_args()
    content: Path | None = options.content
    args = ["--content", str(content)] if content is not None else []
    other_src = str((options.other / "src").resolve())
    before = [
        sys.executable,
        "-c",
        f"import sys; sys.path.insert(0, {other_src!r}); "
        "from spinetui.cli import main; sys.exit(main())",
        *args,
    ]
    with tempfile.TemporaryDirectory(prefix="spinetui-bench-") as tmp:
        startup.prepare_environment(Path(tmp) / "bytecode")
        marker = startup.home_marker(content)
        after = startup.spinetui_argv(content)
        startup.prime_guide_cache(content)
        # The other tree's caches in a folder of their own: the two trees' keys differ,
        # so in one folder each would overwrite the other's and both would always miss.
        before_env = {"XDG_CACHE_HOME": str(Path(tmp) / "before-cache")}
        startup.prime_guide_cache(content, src=Path(other_src), env=before_env)
        no_cache = startup.no_cache_env()
        programs = {
            "before": (before, marker, before_env),
            "after": (after, marker, None),
            "after, no cache": (after, marker, no_cache),
            "minimal app": (startup.minimal_argv(), READY_MARKER, None),
        }
        for argv, mark, env in programs.values():  # warm-up: bytecode, file cache
            startup.launch(argv, mark, env=env)
        launches: dict[str, list[startup.Launch]] = {name: [] for name in programs}
        for _ in range(options.runs):
            for name, (argv, mark, env) in programs.items():
                launches[name].append(startup.launch(argv, mark, env=env))
    base = launches["minimal app"]
    base_s, base_c = startup.median_seconds(base), startup.median_cpu_seconds(base)
    base_m = startup.median_rss_kib(base)
    for name, runs in launches.items():
        s, c, m = (
            startup.median_seconds(runs),
            startup.median_cpu_seconds(runs),
            startup.median_rss_kib(runs),
        )
        print(
            f"{name:16} wall {s * 1000:6.0f} ms ({s / base_s:.2f}×)  "
            f"CPU {c * 1000:6.0f} ms ({c / base_c:.2f}×)  RSS {m / 1024:6.1f} MB ({m / base_m:.2f}×)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
