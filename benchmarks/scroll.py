"""Scroll: page through the 100 KB article end to end with PgDn, beside MarkdownViewer.

Both programs run in a real pseudo-terminal (120x40) with their default settings, so
the time includes whatever scroll animation they do: it is what a reader waits for.
The pseudo-terminal answers Textual's query for synchronized output (mode 2026) the way
kitty, WezTerm, iTerm2 or Windows Terminal do; Textual then brackets every frame in
ESC[?2026h ... ESC[?2026l, so the end of each frame is visible in the output.

Each PgDn is sent once the page before has finished painting (no frame for QUIET
seconds). A page's time runs from writing the key to the end of its last frame. A pass
ends when the article's last words have been painted. The total is the sum of the page
times (the quiet waits between pages are not counted).

Usage: python benchmarks/scroll.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCHMARKS))

from _articles import article_body, write_article, write_guide  # noqa: E402
from _pty import PtyProgram  # noqa: E402
from startup import prepare_environment  # noqa: E402

ARTICLE_BYTES = 100_000
START_MARKER = "SCROLLSTART"
END_MARKER = "SCROLLEND"
PAGE_DOWN = "\x1b[6~"
SYNC_QUERY = b"\x1b[?2026$p"
SYNC_REPLY = b"\x1b[?2026;2$y"  # "supported, currently off" (DECRPM)
FRAME_END = b"\x1b[?2026l"
# No frame for this long after the last one means the page has settled. Animation
# frames come every 1/60 s or so, so a gap this long is the end of the scroll.
QUIET = 0.12
# Stop a pass that has not reached the end after this many pages (something is wrong).
MAX_PAGES = 400


class SyncTerminal(PtyProgram):
    """A pseudo-terminal that reports support for synchronized output (frame brackets)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.sync_answered = False

    def _read(self, timeout: float) -> bool:
        got = super()._read(timeout)
        if got and not self.sync_answered and SYNC_QUERY in self.output:
            os.write(self.master, SYNC_REPLY)
            self.sync_answered = True
        return got

    def page(self, key: str, *, timeout: float = 15.0) -> float:
        """Write `key`; return seconds until the last frame it caused has been written."""
        since = len(self.output)
        sent = time.perf_counter()
        os.write(self.master, key.encode())
        last_frame_end: float | None = None
        deadline = sent + timeout
        while True:
            before = len(self.output)
            wait = QUIET if last_frame_end is not None else max(0.0, deadline - time.perf_counter())
            if not self._read(wait):
                if last_frame_end is not None:
                    return last_frame_end - sent
                raise TimeoutError(f"no frame within {timeout} s of the key")
            # A frame end may straddle two reads: look back a few bytes.
            if FRAME_END in self.output[max(since, before - len(FRAME_END)) :]:
                last_frame_end = time.perf_counter()


@dataclass(frozen=True, slots=True)
class Pass:
    pages: list[float]  # seconds per PgDn, key to page painted

    @property
    def total(self) -> float:
        return sum(self.pages)


def write_long_article(folder: Path) -> Path:
    """A guide whose home is the 100 KB article; return the article's file."""
    write_guide(folder, [("long", "Long")], home="long")
    body = article_body(ARTICLE_BYTES, START_MARKER, seed=100)
    body += f"\n\n{END_MARKER} is the last paragraph of the article.\n"
    return write_article(folder, "long", "long", 0, body)


def page_through(argv: list[str], open_keys: str | None, env: dict[str, str] | None = None) -> Pass:
    """Start a program, show the article, press PgDn until its last words are painted."""
    with SyncTerminal(argv, width=120, height=40, env=env) as program:
        if open_keys is None:
            program.wait_for(START_MARKER, timeout=60)
        else:
            program.wait_for("HOMEREADY", timeout=60)
            program.drain()
            program.press(open_keys, START_MARKER, timeout=60)
        program.drain(0.5)  # background layout, mounting, first animation: all done
        if not program.sync_answered:
            raise RuntimeError("the program never asked about synchronized output")
        opened = len(program.output)
        pages: list[float] = []
        while END_MARKER.encode() not in program.output[opened:]:
            if len(pages) >= MAX_PAGES:
                raise RuntimeError(f"{END_MARKER} not reached after {MAX_PAGES} pages")
            pages.append(program.page(PAGE_DOWN))
        return Pass(pages)


def compare_scroll(
    runs: int, folder: Path, *, animations: bool = True
) -> tuple[list[Pass], list[Pass]]:
    """(spinetui passes, MarkdownViewer passes), interleaved, `runs` of each.

    With `animations` off (TEXTUAL_ANIMATIONS=none in both) the times are the programs'
    own work per page, without the scroll animation either may do.
    """
    env = None if animations else {"TEXTUAL_ANIMATIONS": "none"}
    article = write_long_article(folder)
    ours_argv = [sys.executable, "-m", "spinetui", "--content", str(folder)]
    viewer_argv = [sys.executable, str(BENCHMARKS / "markdown_viewer_app.py"), str(article)]
    ours: list[Pass] = []
    theirs: list[Pass] = []
    for _ in range(runs):
        ours.append(page_through(ours_argv, None, env))
        theirs.append(page_through(viewer_argv, "]", env))
    return ours, theirs


def median_total(passes: list[Pass]) -> float:
    return statistics.median(p.total for p in passes)


def median_page(passes: list[Pass]) -> float:
    return statistics.median(t for p in passes for t in p.pages)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="passes of each program")
    parser.add_argument(
        "--no-animations", action="store_true", help="TEXTUAL_ANIMATIONS=none in both"
    )
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="spinetui-bench-") as tmp:
        prepare_environment(Path(tmp) / "bytecode")
        ours, theirs = compare_scroll(
            options.runs, Path(tmp) / "guide", animations=not options.no_animations
        )
    animations = "off" if options.no_animations else "as shipped"
    print(
        f"Scroll through a 100 KB article with PgDn (animations {animations}),"
        f" median of {options.runs} passes"
    )
    for name, passes in (("spinetui", ours), ("MarkdownViewer", theirs)):
        print(
            f"  {name:>14}: {len(passes[0].pages):3d} pages, total {median_total(passes):6.2f} s,"
            f" per page {median_page(passes) * 1000:6.1f} ms"
        )
    print(f"  ratio (total): {median_total(ours) / median_total(theirs):.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
