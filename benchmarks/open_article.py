"""Keypress-to-painted time for opening articles of 3 KB, 20 KB and 100 KB.

Both programs run in a real pseudo-terminal. For each size, several distinct copies of
an article are opened one after another (so no parse cache helps); the time is from
writing the key to the terminal until the article's first words have been written
back. The baseline, measured in the same run on the same files, is Textual's
MarkdownViewer (the widget other terminal Markdown readers use).

Usage: python benchmarks/open_article.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _articles import article_body, write_article, write_guide  # noqa: E402
from _pty import PtyProgram  # noqa: E402

SIZES = {"3 KB": 3_000, "20 KB": 20_000, "100 KB": 100_000}
BUDGET_MS = {"3 KB": 50, "20 KB": None, "100 KB": 150}


def build(folder: Path, runs: int) -> list[tuple[str, str, Path]]:
    """Write the guide; return (size label, marker, file) in reading order."""
    sections = [("home", "Home")] + [(f"s{n}", label) for n, label in enumerate(SIZES)]
    write_guide(folder, sections, home="welcome")
    write_article(folder, "welcome", "home", 0, "# Welcome\n\nHOMEREADY is the home page.\n")
    order = []
    for n, (label, size) in enumerate(SIZES.items()):
        for run in range(runs):
            marker = f"MARK{n}X{run:02d}"
            path = write_article(
                folder, f"a{n}-{run:02d}", f"s{n}", run, article_body(size, marker, seed=run)
            )
            order.append((label, marker, path))
    return order


def measure(argv: list[str], order: list[tuple[str, str, Path]]) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {label: [] for label in SIZES}
    with PtyProgram(argv, width=120, height=40) as program:
        program.wait_for("HOMEREADY", timeout=60)
        program.drain()
        for label, marker, _path in order:
            times[label].append(program.press("]", marker) * 1000)
            program.drain(0.25)  # let background layout finish before the next key
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="articles opened per size (default 7)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "guide"
        order = build(folder, options.runs)
        spinetui = measure([sys.executable, "-m", "spinetui", "--content", str(folder)], order)
        viewer_app = str(Path(__file__).resolve().parent / "markdown_viewer_app.py")
        viewer = measure([sys.executable, viewer_app, *[str(p) for _, _, p in order]], order)

    print(f"Open article: keypress to first words on screen, median of {options.runs} (ms)")
    print(
        f"{'size':>7} {'spinetui':>9} {'MarkdownViewer':>15} {'speed-up':>9} {'budget':>7}  verdict"
    )
    ok = True
    for label in SIZES:
        ours, theirs = statistics.median(spinetui[label]), statistics.median(viewer[label])
        budget = BUDGET_MS[label]
        verdict = "-" if budget is None else ("met" if ours <= budget else "MISSED")
        ok &= verdict != "MISSED"
        print(
            f"{label:>7} {ours:9.1f} {theirs:15.1f} {theirs / ours:8.1f}x {budget or '':>7}  {verdict}"
        )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
