"""Start-up: launch to the home article painted, beside a minimal Textual app.

Both programs run in a real pseudo-terminal (120x40). The time runs from spawning the
process to the first words of the home article (for spinetui) or the one line (for the
minimal app) arriving on the terminal, so it includes Python's own start, every import,
loading the content folder and the first paint. Runs alternate between the two programs
so that load from other processes on the machine falls on both alike. The CPU time the
program has used when the marker arrives is read too: on a busy machine it is steadier
than the wall-clock time. After each launch the screen is left to settle and the
resident memory (RSS) is read.

Usage: python benchmarks/startup.py [--runs N] [--content DIR]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
REPO = BENCHMARKS.parent
sys.path.insert(0, str(BENCHMARKS))

from _pty import PtyProgram  # noqa: E402
from minimal_app import READY_MARKER  # noqa: E402

# The article pane's reading width at 120 columns (see ArticleView.READING_WIDTH).
ARTICLE_WIDTH = 80
# Seconds of silence after the first paint that count as "settled" (for reading RSS).
SETTLE_SECONDS = 0.5


def prepare_environment(bytecode_cache: Path) -> None:
    """Make the programs under test start the way an installed spinetui starts.

    - `python -m spinetui` must find the package in src/ when it is not installed.
    - The guide cache is written under the bytecode folder (see below).
    - An installed package has compiled bytecode (pip writes it); this environment sets
      PYTHONDONTWRITEBYTECODE, which would make every launch compile spinetui from
      source (~50 ms). Bytecode goes to a cache folder of the benchmark's own instead of
      the working tree; the warm-up launches fill it, for both programs alike.

    Child processes inherit os.environ (PtyProgram copies it), so this covers them all.
    """
    src = str(REPO / "src")
    paths = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    if src not in paths:
        os.environ["PYTHONPATH"] = os.pathsep.join([src, *paths])
    if src not in sys.path:
        sys.path.insert(0, src)
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(bytecode_cache)
    # spinetui's guide cache (model/cache.py) goes to a folder of the benchmark's own,
    # not the user's: every run starts from no cache and leaves none behind.
    os.environ["XDG_CACHE_HOME"] = str(bytecode_cache / "user-cache")


@dataclass(frozen=True, slots=True)
class Launch:
    seconds: float  # spawn to marker on the terminal
    cpu_seconds: float  # CPU time the program had used by then (steadier under load)
    rss_kib: int  # resident memory once the screen has settled


def cpu_seconds(pid: int) -> float:
    """CPU time used so far by every thread of a process (Linux schedstat, in ns)."""
    total = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        with contextlib.suppress(OSError, IndexError, ValueError):  # a thread just ended
            total += int((task / "schedstat").read_text().split()[0])
    return total / 1e9


#: How an installed `spinetui` command starts: pip's console-script wrapper, run by the
#: same interpreter (`python -m spinetui` would add runpy and importlib.util, ~8 ms that
#: the installed command never pays).
CONSOLE_SCRIPT = (
    "import re\nimport sys\nfrom spinetui.cli import main\n"
    "sys.argv[0] = re.sub(r'(-script\\.pyw|\\.exe)?$', '', sys.argv[0])\n"
    "sys.exit(main())\n"
)


def spinetui_argv(content: Path | None = None) -> list[str]:
    argv = [sys.executable, "-c", CONSOLE_SCRIPT]
    return argv + ["--content", str(content)] if content is not None else argv


def minimal_argv() -> list[str]:
    return [sys.executable, str(BENCHMARKS / "minimal_app.py")]


def home_marker(content: Path | None = None) -> str:
    """Words that appear on the terminal only once the home article has been painted.

    The first words of the home article's first paragraph, as spinetui's own renderer
    lays them out: a paragraph's first line starts at column 0 at any width, and a run of
    text in one style is written to the terminal in one piece, so the marker is found in
    the output exactly when that line has been drawn.
    """
    from spinetui.model import bundled_content_dir, load_guide
    from spinetui.render import MarkdownDocument, TermMatcher

    guide = load_guide(content if content is not None else bundled_content_dir())
    home = guide.home if guide.home in guide.articles else guide.reading_order()[0].id
    forms = {form: term.id for term in guide.glossary.values() for form in term.forms}
    layout = MarkdownDocument(guide.articles[home].body, terms=TermMatcher(forms)).layout(
        ARTICLE_WIDTH
    )
    after_blank = False
    for y in range(min(layout.height, 60)):
        segments = [s for s in layout.line(y) if s.text]
        if not segments:
            after_blank = True
            continue
        first = segments[0].text
        if after_blank and len(first) >= 12 and not first.startswith(" "):
            return _whole_words(first, 24)
        after_blank = False
    raise ValueError(f"no plain paragraph start in the first screen of {home!r}")


def _whole_words(text: str, limit: int) -> str:
    words, length = [], 0
    for word in text.split(" "):
        if words and length + 1 + len(word) > limit:
            break
        words.append(word)
        length += len(word) + (1 if len(words) > 1 else 0)
    return " ".join(words).rstrip()


def launch(
    argv: list[str], marker: str, *, timeout: float = 60.0, env: dict[str, str] | None = None
) -> Launch:
    with PtyProgram(argv, width=120, height=40, env=env) as program:
        seconds = program.wait_for(marker, timeout=timeout) - program.started
        cpu = cpu_seconds(program.process.pid)
        program.drain(SETTLE_SECONDS)
        return Launch(seconds, cpu, program.rss_kib())


#: A cache folder spinetui cannot use (a file stands where the folder would be): every
#: launch given it loads the content folder from its files, as on a first start.
def no_cache_env() -> dict[str, str]:
    blocked = Path(os.environ.get("PYTHONPYCACHEPREFIX", tempfile.gettempdir())) / "no-cache"
    blocked.parent.mkdir(parents=True, exist_ok=True)
    blocked.touch()
    return {"XDG_CACHE_HOME": str(blocked)}


def prime_guide_cache(
    content: Path | None = None, *, src: Path | None = None, env: dict[str, str] | None = None
) -> None:
    """Write spinetui's guide cache for `content`, and keep the home article's parse
    (``spinetui.render.parse_cache``, where the tree has one), as a reader's first start
    does. `src`: another tree's spinetui (startup_ab.py); `env`: its own cache folder."""
    from spinetui.model import bundled_content_dir

    folder = content if content is not None else bundled_content_dir()
    code = (
        (f"import sys; sys.path.insert(0, {str(src)!r}); " if src is not None else "")
        + "import sys; from pathlib import Path\n"
        "from spinetui.model.cache import cached_quick_load\n"
        "from spinetui.model.loader import complete_guide\n"
        "g = complete_guide(cached_quick_load(sys.argv[1], kiosk=False))\n"
        "try:\n"
        "    from spinetui.render.parse_cache import keep_parse\n"
        "except ImportError:\n"
        "    keep_parse = None\n"
        "if keep_parse is not None:\n"
        "    h = g.home if g.home in g.articles else g.reading_order()[0].id\n"
        "    keep_parse(Path(sys.argv[1]), 'en', h, g.articles[h].body, {})\n"
    )
    subprocess.run(
        [sys.executable, "-c", code, str(folder)], check=True, env={**os.environ, **(env or {})}
    )


def compare_startup(
    runs: int, content: Path | None = None, *, warm_up: bool = True, cached: bool = True
) -> tuple[list[Launch], list[Launch]]:
    """(spinetui launches, minimal app launches), interleaved, `runs` of each.

    `cached`: spinetui starts from its guide cache, written once beforehand (every start
    but the first after the content changed); otherwise it loads the files every time.
    """
    ours_argv, ours_marker = spinetui_argv(content), home_marker(content)
    base_argv = minimal_argv()
    env = None if cached else no_cache_env()
    if cached:
        prime_guide_cache(content)
    if warm_up:  # fill the OS file cache and write .pyc files; not counted
        launch(ours_argv, ours_marker, env=env)
        launch(base_argv, READY_MARKER)
    ours: list[Launch] = []
    base: list[Launch] = []
    for _ in range(runs):
        ours.append(launch(ours_argv, ours_marker, env=env))
        base.append(launch(base_argv, READY_MARKER))
    return ours, base


def median_seconds(launches: list[Launch]) -> float:
    return statistics.median(launch.seconds for launch in launches)


def median_cpu_seconds(launches: list[Launch]) -> float:
    return statistics.median(launch.cpu_seconds for launch in launches)


def median_rss_kib(launches: list[Launch]) -> float:
    return statistics.median(launch.rss_kib for launch in launches)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="launches of each program")
    parser.add_argument("--content", type=Path, help="content folder (default: bundled)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="spinetui-bench-") as cache:
        prepare_environment(Path(cache))
        ours, base = compare_startup(options.runs, options.content)
    ours_s, base_s = median_seconds(ours), median_seconds(base)
    ours_c, base_c = median_cpu_seconds(ours), median_cpu_seconds(base)
    ours_m, base_m = median_rss_kib(ours) / 1024, median_rss_kib(base) / 1024
    print(f"Start-up, median of {options.runs} launches: spinetui, minimal app, ratio")
    print(
        f"  launch to first paint  {ours_s * 1000:6.0f} ms {base_s * 1000:6.0f} ms  {ours_s / base_s:.2f}x"
    )
    print(
        f"  CPU time by then       {ours_c * 1000:6.0f} ms {base_c * 1000:6.0f} ms  {ours_c / base_c:.2f}x"
    )
    print(f"  RSS after settling     {ours_m:6.1f} MB {base_m:6.1f} MB  {ours_m / base_m:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
