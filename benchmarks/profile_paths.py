"""Where the time goes: cProfile of start-up and of opening an article.

- startup: runs `spinetui` through its CLI in a real pseudo-terminal under cProfile,
  from the first line of Python to the first paint of its first screen, then exits.
- open: runs spinetui headless (Textual's Pilot) on a guide of generated articles and
  profiles pressing ] (next article) until the screen has been refreshed.

Prints the functions with the most cumulative and the most own time, and keeps the raw
profile (open it with `python -m pstats FILE` or snakeviz).

Usage:
    python benchmarks/profile_paths.py startup [--content DIR] [--top N]
    python benchmarks/profile_paths.py open [--size BYTES] [--top N]
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import pstats
import sys
import tempfile
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCHMARKS))

from _articles import article_body, write_article, write_guide  # noqa: E402
from _pty import PtyProgram  # noqa: E402
from startup import prepare_environment, prime_guide_cache  # noqa: E402

# Runs in the child: profile from here to the first paint of a screen of the app's own.
STARTUP_CHILD = """
import cProfile, sys
profile = cProfile.Profile()
profile.enable()
from textual.app import App
_display = App._display
def display(self, screen, renderable):
    _display(self, screen, renderable)
    if renderable is not None and screen.id != "_default" and profile is not None:
        profile.disable()
        profile.dump_stats(sys.argv[1])
        self.exit()
App._display = display
from spinetui.cli import main
main(sys.argv[2:])
"""


def profile_startup(out: Path, content: Path | None) -> pstats.Stats:
    args = ["--content", str(content)] if content is not None else []
    argv = [sys.executable, "-c", STARTUP_CHILD, str(out), *args]
    with PtyProgram(argv, width=120, height=40) as program:
        program.process.wait(timeout=120)
    if not out.exists():
        tail = program.output[-2000:].decode(errors="replace")
        raise RuntimeError(f"the profiled start-up did not finish:\n{tail}")
    return pstats.Stats(str(out))


async def _open_articles(folder: Path, profile: cProfile.Profile, count: int) -> None:
    from spinetui.app import SpineApp
    from spinetui.model import load_guide
    from spinetui.services import Services

    app = SpineApp(Services(load_guide(folder)))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for _ in range(count):
            profile.enable()
            await pilot.press("right_square_bracket")
            await pilot.pause()
            profile.disable()
            await pilot.pause(0.3)  # background layout, not counted


def profile_open(out: Path, size: int, count: int = 5) -> pstats.Stats:
    folder = out.parent / "guide"
    write_guide(folder, [("home", "Home"), ("long", "Articles")], home="welcome")
    write_article(folder, "welcome", "home", 0, "# Welcome\n\nThe home page.\n")
    for n in range(count):
        write_article(folder, f"a{n}", "long", n, article_body(size, f"MARK{n}", seed=n))
    profile = cProfile.Profile()
    asyncio.run(_open_articles(folder, profile, count))
    profile.dump_stats(str(out))
    return pstats.Stats(str(out))


def area(filename: str, name: str) -> str:
    """Where a function lives, coarsely: spinetui module, site package, stdlib, built-in."""
    if filename == "~" and ("poll" in name or "select" in name):
        return "waiting for input or a timer (idle)"
    path = filename.replace("\\", "/")
    if "/spinetui/" in path:
        return "spinetui." + path.rsplit("/spinetui/", 1)[1].removesuffix(".py").replace("/", ".")
    if "site-packages/" in path:
        parts = path.split("site-packages/", 1)[1].removesuffix(".py").split("/")
        return ".".join(parts[:2]) if parts[0] == "textual" else parts[0]
    if path.startswith("<frozen") or path == "~":
        return "interpreter (imports, built-ins)"
    if "/lib/python3" in path:
        module = path.split("/lib/python3", 1)[1].split("/", 1)[-1].removesuffix(".py")
        return "stdlib " + module.replace("/", ".").removesuffix(".__init__")
    return path


def summary(stats: pstats.Stats, top: int) -> str:
    """Own time by area, then spinetui's functions by cumulative time, then all by own time."""
    own: dict[str, float] = {}
    ours: list[tuple[float, str]] = []
    for (filename, line, name), (_, _, tottime, cumtime, _) in stats.stats.items():  # type: ignore[attr-defined]
        where = area(filename, name)
        own[where] = own.get(where, 0.0) + tottime
        if where.startswith("spinetui"):
            ours.append((cumtime, f"{where}:{line} {name}"))
    total = sum(own.values())
    lines = [f"Own time by area (total {total * 1000:.0f} ms, profiler overhead included):"]
    for where, seconds in sorted(own.items(), key=lambda item: -item[1])[:top]:
        lines.append(f"  {seconds * 1000:8.1f} ms  {seconds / total:5.1%}  {where}")
    lines += ["", "spinetui functions by cumulative time:"]
    for seconds, what in sorted(ours, reverse=True)[:top]:
        lines.append(f"  {seconds * 1000:8.1f} ms  {what}")
    out = io.StringIO()
    stats.stream = out  # type: ignore[attr-defined]
    stats.sort_stats("tottime").print_stats(top)
    return "\n".join(lines) + "\n\nAll functions by own time:" + out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", choices=["startup", "open"])
    parser.add_argument("--content", type=Path, help="startup: content folder")
    parser.add_argument("--size", type=int, default=100_000, help="open: article bytes")
    parser.add_argument("--top", type=int, default=30, help="functions to list")
    parser.add_argument("--keep", type=Path, help="copy the raw profile here")
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="startup: profile a first start (no guide cache), not the usual one",
    )
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="spinetui-profile-") as tmp:
        prepare_environment(Path(tmp) / "bytecode")
        out = Path(tmp) / f"{options.path}.prof"
        if options.path == "startup":
            profile_startup(out, None)  # warm-up: writes the bytecode cache
            out.unlink()
            if not options.no_cache:  # every start but the first reads the guide cache
                prime_guide_cache(options.content)
            stats = profile_startup(out, options.content)
        else:
            stats = profile_open(out, options.size)
        print(summary(stats, options.top))
        if options.keep is not None:
            options.keep.write_bytes(out.read_bytes())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
