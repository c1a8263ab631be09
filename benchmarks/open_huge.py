"""Open a 5 MB article of many short blocks: key to first screen, and a key answered
while the rest is laid out (issue 16; run_all.py's row open-5mb).

The app runs in a real pseudo-terminal. Reading order is home, then for each run a
3 KB article and a distinct 5 MB one (so no parse is reused). The 3 KB article is the
baseline: `]` opens it, then `/` opens the find bar (and Escape closes it; / is pressed
once on the home page first, so its import is not timed); then `]`
opens the 5 MB article and `/` is pressed as soon as its first words are on screen,
while the rest of it is still being parsed and laid out.

Usage: python benchmarks/open_huge.py [--runs N]
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

HUGE_BYTES = 5 << 20
SMALL_BYTES = 3_000
FIRST_SCREEN_BUDGET_MS = 300
KEY_BUDGET_MS = 100
FIND_MARKER = "word in this article"  # after the first cell, where the cursor blinks


def build(folder: Path, runs: int) -> list[tuple[str, str]]:
    """Write the guide; return (kind, marker) per article in reading order."""
    write_guide(folder, [("home", "Home"), ("big", "Big")], home="welcome")
    write_article(folder, "welcome", "home", 0, "# Welcome\n\nHOMEREADY is the home page.\n")
    order = []
    for run in range(runs):
        for kind, size in (("small", SMALL_BYTES), ("huge", HUGE_BYTES)):
            marker = f"{kind.upper()}{run:02d}MARK"
            n = len(order)
            write_article(folder, f"a{n:02d}", "big", n, article_body(size, marker, seed=n))
            order.append((kind, marker))
    return order


def measure(argv: list[str], order: list[tuple[str, str]], timeout: float = 120.0):
    """{kind: [open ms]}, {kind: [find-key ms]}."""
    opened: dict[str, list[float]] = {"small": [], "huge": []}
    keyed: dict[str, list[float]] = {"small": [], "huge": []}
    with PtyProgram(argv, width=120, height=40) as program:
        program.wait_for("HOMEREADY", timeout=timeout)
        program.drain()
        # Warm up: the find bar's module is imported the first time / is pressed.
        program.press("/", FIND_MARKER, timeout=timeout)
        program.press("\x1b", "HOMEREADY", timeout=timeout)
        program.drain()
        for kind, marker in order:
            opened[kind].append(program.press("]", marker, timeout=timeout) * 1000)
            # No drain: the key goes in while a 5 MB article is still being laid out.
            keyed[kind].append(program.press("/", FIND_MARKER, timeout=timeout) * 1000)
            program.press("\x1b", marker, timeout=timeout)  # close the find bar
            program.drain(0.25)
            if kind == "huge":
                program.drain(1.0)  # leave it be before the next article
    return opened, keyed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="5 MB articles opened (default 3)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "guide"
        order = build(folder, options.runs)
        opened, keyed = measure([sys.executable, "-m", "spinetui", "--content", str(folder)], order)
    for kind in ("small", "huge"):
        print(
            f"{kind}: open {statistics.median(opened[kind]):.0f} ms, "
            f"/ answered {statistics.median(keyed[kind]):.0f} ms"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
