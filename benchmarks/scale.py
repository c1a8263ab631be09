"""Scale: start-up and memory with the bundled content and with a 1,000-article folder.

A clinic may add hundreds of its own articles; spinetui should still start quickly and
stay small. Each content folder is measured as in startup.py (launch to the home article
painted, in a pty; RSS once the screen has settled), beside the minimal Textual app in
the same run.

The 1,000-article folder comes from benchmarks/generate_guide.py (shared with the search
benchmark) when it is present; otherwise from a stand-in generator here, and the report
says so.

Usage: python benchmarks/scale.py [--runs N] [--articles N]
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCHMARKS))

from _articles import article_body, write_article, write_guide  # noqa: E402
from startup import (  # noqa: E402
    Launch,
    compare_startup,
    median_rss_kib,
    median_seconds,
    prepare_environment,
)

GENERATOR = BENCHMARKS / "generate_guide.py"
ARTICLES = 1_000


@dataclass(frozen=True, slots=True)
class GeneratedFolder:
    path: Path
    articles: int
    generator: str  # which generator wrote it, for the report


def generated_folder(parent: Path, articles: int = ARTICLES) -> GeneratedFolder:
    """Write an `articles`-article content folder under `parent`."""
    folder = parent / f"guide-{articles}"
    if GENERATOR.exists():
        subprocess.run(
            [sys.executable, str(GENERATOR), str(folder), "--articles", str(articles)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        return GeneratedFolder(folder, articles, "generate_guide.py")
    _write_stand_in(folder, articles)
    return GeneratedFolder(folder, articles, "stand-in (generate_guide.py missing)")


def _write_stand_in(folder: Path, articles: int) -> None:
    """Articles of 1-12 KB in 20 sections, like a clinic's own additions.

    The first is called "welcome": the generated paragraphs link to it, and a folder full
    of broken links would measure the loader's problem reporting instead of start-up.
    """
    rng = random.Random(1000)
    sections = [(f"s{n:02d}", f"Section {n}") for n in range(20)]
    write_guide(folder, sections, home="welcome")
    for n in range(articles):
        section = sections[n % len(sections)][0]
        body = article_body(rng.randint(1_000, 12_000), f"Article {n} begins here.", seed=n)
        write_article(folder, "welcome" if n == 0 else f"a{n:04d}", section, n, body)


def measure_scale(
    runs: int, folder: GeneratedFolder
) -> dict[str, tuple[list[Launch], list[Launch]]]:
    """{"bundled": (spinetui, minimal), "generated": (spinetui, minimal)} launches."""
    return {
        "bundled": compare_startup(runs),
        "generated": compare_startup(runs, folder.path),
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
    print(f"Scale, median of {options.runs} launches; generated folder by {folder.generator}")
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
