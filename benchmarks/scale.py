"""Scale: start-up and memory with the bundled content and with a 1,000-article folder.

A clinic may add hundreds of its own articles; spinetui should still start quickly and
stay small. Each content folder is measured as in startup.py (launch to the home article
painted, in a pty; RSS once the screen has settled), beside the minimal Textual app in
the same run.

The 1,000-article folder is written by benchmarks/generate_guide.py (shared with the
search benchmark): about 3 KB an article, ten sections, a glossary, sources and a
comparison, with no broken links.

Usage: python benchmarks/scale.py [--runs N] [--articles N]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCHMARKS))

import generate_guide  # noqa: E402
from startup import (  # noqa: E402
    Launch,
    compare_startup,
    median_rss_kib,
    median_seconds,
    prepare_environment,
)

ARTICLES = 1_000
ARTICLE_BYTES = 3 * 1024  # generate_guide.py's default
SEED = 1


def generated_folder(parent: Path, articles: int = ARTICLES) -> Path:
    """The `articles`-article folder under `parent`, written on first use."""
    folder = parent / f"guide-{articles}"
    if not (folder / "guide.yaml").exists():
        generate_guide.write_guide(folder, articles, ARTICLE_BYTES, SEED)
    return folder


def measure_scale(runs: int, folder: Path) -> dict[str, tuple[list[Launch], list[Launch]]]:
    """{"bundled": (spinetui, minimal), "generated": (spinetui, minimal)} launches."""
    return {
        "bundled": compare_startup(runs),
        "generated": compare_startup(runs, folder),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="launches of each program")
    parser.add_argument("--articles", type=int, default=ARTICLES)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="spinetui-bench-") as tmp:
        prepare_environment(Path(tmp) / "bytecode")
        folder = generated_folder(Path(tmp), options.articles)
        results = measure_scale(options.runs, folder)
    print(f"Scale, median of {options.runs} launches; generated folder of {options.articles}")
    print(f"{'content':>12} {'start-up':>9} {'minimal':>8} {'ratio':>6} {'RSS':>9} {'minimal':>9}")
    for name, (ours, base) in results.items():
        ours_s, base_s = median_seconds(ours), median_seconds(base)
        ours_m, base_m = median_rss_kib(ours) / 1024, median_rss_kib(base) / 1024
        print(
            f"{name:>12} {ours_s * 1000:6.0f} ms {base_s * 1000:5.0f} ms {ours_s / base_s:5.2f}x"
            f" {ours_m:6.1f} MB {base_m:6.1f} MB"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
