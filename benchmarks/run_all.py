"""Run every benchmark, print one table, and write it into docs/performance.md.

Every figure is a median of several runs, taken beside its baseline in the same run
(the programs alternate, so load from elsewhere on the machine falls on both), and is
reported with the ratio spinetui / baseline and a verdict against the budget of issue 8.
It is a report: it exits 0 even when a budget is missed, and lists the misses last.

Usage: python benchmarks/run_all.py [--runs N] [--only NAME ...] [--no-write]
Benchmarks: startup, scale, scale10k, open, scroll, search, search10k, check10k, compare.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
REPO = BENCHMARKS.parent
sys.path.insert(0, str(BENCHMARKS))

import open_article  # noqa: E402
import open_huge  # noqa: E402
import scale  # noqa: E402
import scale_10k  # noqa: E402
import scroll  # noqa: E402
import startup  # noqa: E402
from _rows import Row, _mb, _ms, _not_measured, _verdict  # noqa: E402
from bench_10k import bench_check_10k, bench_search_10k  # noqa: E402

REPORT = REPO / "docs" / "performance.md"
BEGIN = "<!-- run_all.py results: begin (everything up to the end marker is rewritten) -->"
END = "<!-- run_all.py results: end -->"

START_UP_BUDGET = 1.3  # × the minimal app, bundled content
START_UP_SCALED_BUDGET = 1.5  # × the minimal app, 1,000 articles
START_UP_10K_BUDGET = 2.5  # × the minimal app, 10,000 articles (issue 16)
MEMORY_BUDGET = 1.3  # × the minimal app's RSS, bundled content (issue 16; was 1.5)
MEMORY_SCALED_BUDGET_MB = 150
MEMORY_10K_BUDGET_MB = 200
OPEN_SPEED_UP_BUDGET = 10  # × faster than MarkdownViewer, 100 KB
SEARCH_QUERY_BUDGET_MS = 15
SEARCH_BUILD_BUDGET_S = 1.0
COMPARE_OPEN_BUDGET_MS = 100


# ------------------------------------------------------------------ benchmarks
def bench_startup(runs: int, work: Path) -> list[Row]:
    """Start-up and memory with the bundled content, beside the minimal app: from the
    guide cache (every start but the first), then without it, for reference."""
    ours, base = startup.compare_startup(runs)
    cold, cold_base = startup.compare_startup(runs, cached=False, warm_up=False)
    return (
        _startup_rows(ours, base, "bundled content", START_UP_BUDGET)
        + _floor_rows(runs)
        + [_memory_ratio_row(ours, base)]
        + _reference_rows(cold, cold_base, "bundled content")
    )


def _floor_rows(runs: int) -> list[Row]:
    """The second baseline (startup_floor.py): what Textual alone costs for a screen of
    spinetui's shape, beside the minimal app and spinetui, launched in turn."""
    from minimal_app import READY_MARKER
    from three_pane_app import READY_MARKER as THREE_PANE_MARKER

    programs = [
        (startup.spinetui_argv(), startup.home_marker()),
        ([sys.executable, str(BENCHMARKS / "three_pane_app.py")], THREE_PANE_MARKER),
        (startup.minimal_argv(), READY_MARKER),
    ]
    cpu: list[list[float]] = [[], [], []]
    for _ in range(runs):
        for times, (argv, marker) in zip(cpu, programs, strict=True):
            times.append(startup.launch(argv, marker).cpu_seconds)
    ours, floor, minimal = (statistics.median(times) for times in cpu)
    return [
        Row(
            "start-up CPU time, a bare three-pane Textual screen (three_pane_app.py)",
            _ms(floor),
            f"{_ms(minimal)} minimal app",
            f"{floor / minimal:.2f}×",
            "-",
            "for reference: Textual's own cost for a Tree, a text pane and a Footer",
        ),
        Row(
            "start-up CPU time, spinetui beside the three-pane screen, bundled content",
            _ms(ours),
            f"{_ms(floor)} three-pane screen",
            f"{ours / floor:.2f}×",
            "-",
            "for reference: spinetui's own share",
        ),
    ]


def bench_scale(runs: int, work: Path) -> list[Row]:
    """Start-up and memory with a generated 1,000-article folder."""
    folder = scale.generated_folder(work)
    return _scaled_rows(
        runs, folder, scale.ARTICLES, START_UP_SCALED_BUDGET, MEMORY_SCALED_BUDGET_MB
    )


def bench_scale_10k(runs: int, work: Path) -> list[Row]:
    """Start-up and memory with a generated 10,000-article folder."""
    folder = scale.generated_folder(work, scale_10k.ARTICLES)
    return _scaled_rows(runs, folder, scale_10k.ARTICLES, START_UP_10K_BUDGET, MEMORY_10K_BUDGET_MB)


def _scaled_rows(
    runs: int, folder: Path, articles: int, budget: float, memory_mb: int
) -> list[Row]:
    ours, base = startup.compare_startup(runs, folder)
    cold, cold_base = startup.compare_startup(runs, folder, cached=False, warm_up=False)
    label = f"{articles:,} articles"
    rss = startup.median_rss_kib(ours)
    memory = Row(
        f"memory (RSS), {label}",
        _mb(rss),
        f"{_mb(startup.median_rss_kib(base))} minimal app",
        f"{rss / startup.median_rss_kib(base):.2f}×",
        f"≤ {memory_mb} MB",
        _verdict(rss <= memory_mb * 1024, f"{_mb(rss)} > {memory_mb} MB"),
    )
    return (
        _startup_rows(ours, base, label, budget)
        + [memory]
        + _reference_rows(cold, cold_base, label)
    )


def _reference_rows(
    ours: list[startup.Launch], base: list[startup.Launch], label: str
) -> list[Row]:
    """Start-up with no guide cache (a first start): no budget, for reference."""
    ours_s, base_s = startup.median_seconds(ours), startup.median_seconds(base)
    rss, base_rss = startup.median_rss_kib(ours), startup.median_rss_kib(base)
    return [
        Row(
            f"start-up to home painted, {label}, first start (no guide cache)",
            _ms(ours_s),
            f"{_ms(base_s)} minimal app",
            f"{ours_s / base_s:.2f}×",
            "-",
            "for reference",
        ),
        Row(
            f"memory (RSS), {label}, first start (no guide cache)",
            _mb(rss),
            f"{_mb(base_rss)} minimal app",
            f"{rss / base_rss:.2f}×",
            "-",
            "for reference",
        ),
    ]


def _startup_rows(
    ours: list[startup.Launch], base: list[startup.Launch], label: str, budget: float
) -> list[Row]:
    ours_s, base_s = startup.median_seconds(ours), startup.median_seconds(base)
    ours_cpu, base_cpu = startup.median_cpu_seconds(ours), startup.median_cpu_seconds(base)
    ratio = ours_s / base_s
    return [
        Row(
            f"start-up to home painted, {label}",
            _ms(ours_s),
            f"{_ms(base_s)} minimal app",
            f"{ratio:.2f}×",
            f"≤ {budget}×",
            _verdict(ratio <= budget, f"{ratio:.2f}× > {budget}×"),
        ),
        # Not a budget: CPU time is steadier than wall time when the machine is busy.
        Row(
            f"start-up CPU time to home painted, {label}",
            _ms(ours_cpu),
            f"{_ms(base_cpu)} minimal app",
            f"{ours_cpu / base_cpu:.2f}×",
            "-",
            "for reference",
        ),
    ]


def _memory_ratio_row(ours: list[startup.Launch], base: list[startup.Launch]) -> Row:
    ours_kib, base_kib = startup.median_rss_kib(ours), startup.median_rss_kib(base)
    ratio = ours_kib / base_kib
    return Row(
        "memory (RSS), bundled content",
        _mb(ours_kib),
        f"{_mb(base_kib)} minimal app",
        f"{ratio:.2f}×",
        f"≤ {MEMORY_BUDGET}×",
        _verdict(ratio <= MEMORY_BUDGET, f"{ratio:.2f}× > {MEMORY_BUDGET}×"),
    )


def bench_open(runs: int, work: Path) -> list[Row]:
    """Keypress to painted for 3, 20 and 100 KB articles, beside MarkdownViewer."""
    folder = work / "open-article"
    order = open_article.build(folder, runs)
    ours = open_article.measure([sys.executable, "-m", "spinetui", "--content", str(folder)], order)
    viewer_app = str(BENCHMARKS / "markdown_viewer_app.py")
    theirs = open_article.measure(
        [sys.executable, viewer_app, *[str(p) for _, _, p in order]], order
    )
    rows = []
    for label in open_article.SIZES:
        ours_ms, theirs_ms = statistics.median(ours[label]), statistics.median(theirs[label])
        speed_up = theirs_ms / ours_ms
        budget_ms = open_article.BUDGET_MS[label]
        budget, misses = [], []
        if budget_ms is not None:
            budget.append(f"≤ {budget_ms} ms")
            if ours_ms > budget_ms:
                misses.append(f"{ours_ms:.0f} ms > {budget_ms} ms")
        if label == "100 KB":
            budget.append(f"≥ {OPEN_SPEED_UP_BUDGET}× faster")
            if speed_up < OPEN_SPEED_UP_BUDGET:
                misses.append(f"only {speed_up:.1f}× faster")
        rows.append(
            Row(
                f"open a {label} article (key → painted)",
                _ms(ours_ms / 1000),
                f"{_ms(theirs_ms / 1000)} MarkdownViewer",
                f"{ours_ms / theirs_ms:.2f}× ({speed_up:.1f}× faster)",
                ", ".join(budget) or "-",
                _verdict(not misses, "; ".join(misses)) if budget else "no budget",
            )
        )
    return rows


def bench_scroll(runs: int, work: Path) -> list[Row]:
    """PgDn through the 100 KB article, as shipped and with animations off in both."""
    rows = []
    for animations, how in ((True, "as shipped"), (False, "animations off in both")):
        ours, theirs = scroll.compare_scroll(
            runs, work / f"scroll-{animations}", animations=animations
        )
        pages = len(ours[0].pages)
        for what, ours_s, theirs_s in (
            (
                f"end to end, {pages} pages",
                scroll.median_total(ours),
                scroll.median_total(theirs),
            ),
            ("per page", scroll.median_page(ours), scroll.median_page(theirs)),
        ):
            rows.append(
                Row(
                    f"scroll 100 KB with PgDn, {what} ({how})",
                    _ms(ours_s) if ours_s < 10 else f"{ours_s:.1f} s",
                    f"{_ms(theirs_s) if theirs_s < 10 else f'{theirs_s:.1f} s'} MarkdownViewer",
                    f"{ours_s / theirs_s:.2f}×",
                    "-",
                    "no budget",
                )
            )
    return rows


def bench_search(runs: int, work: Path) -> list[Row]:
    """Per-query latency and index build at 1,000 articles (search_speed.py, issue 5)."""
    import search_speed

    speed = search_speed.measure(scale.generated_folder(work), runs)
    baseline = "substring scan"
    build, base_build = speed.build_median, speed.baseline_build_median
    query, base_query = speed.query_median, speed.baseline_query_median
    return [
        Row(
            f"search: median per query, {speed.articles:,} articles "
            f"({len(search_speed.REALISTIC_QUERIES)} queries)",
            _ms(query),
            f"{_ms(base_query)} {baseline}",
            f"{query / base_query:.2f}×",
            f"≤ {SEARCH_QUERY_BUDGET_MS} ms",
            _verdict(
                query * 1000 <= SEARCH_QUERY_BUDGET_MS,
                f"{query * 1000:.1f} ms > {SEARCH_QUERY_BUDGET_MS} ms",
            ),
        ),
        Row(
            f"search: index build, {speed.articles:,} articles",
            _ms(build),
            f"{_ms(base_build)} {baseline}",
            f"{build / base_build:.1f}×",
            f"< {SEARCH_BUILD_BUDGET_S:g} s",
            _verdict(build < SEARCH_BUILD_BUDGET_S, f"{build:.2f} s ≥ {SEARCH_BUILD_BUDGET_S:g} s"),
        ),
    ]


def bench_compare(runs: int, work: Path) -> list[Row]:
    """Key to first frame of the comparison screen (compare_open.py, issue 4; headless)."""
    import compare_open

    times = compare_open.measure(max(runs, 10))
    ours, base = times.median_ours, times.median_baseline
    budget = COMPARE_OPEN_BUDGET_MS / 1000
    return [
        Row(
            "open the comparison screen (key → first frame, headless)",
            _ms(ours),
            f"{_ms(base)} help screen",
            f"{ours / base:.2f}×",
            f"< {COMPARE_OPEN_BUDGET_MS} ms",
            _verdict(ours < budget, f"{ours * 1000:.0f} ms ≥ {COMPARE_OPEN_BUDGET_MS} ms"),
        ),
        Row(
            "open the comparison screen, first time (includes its import)",
            _ms(times.cold_ours),
            f"{_ms(times.cold_baseline)} help screen",
            f"{times.cold_ours / times.cold_baseline:.2f}×",
            f"< {COMPARE_OPEN_BUDGET_MS} ms",
            _verdict(
                times.cold_ours < budget,
                f"{times.cold_ours * 1000:.0f} ms ≥ {COMPARE_OPEN_BUDGET_MS} ms",
            ),
        ),
    ]


def bench_compare_cell(runs: int, work: Path) -> list[Row]:
    """Key to first frame of a comparison with one 100,000-character cell (issue 16;
    benchmark name compare-cell)."""
    import compare_open

    content = compare_open.huge_cell_guide(work / "huge-cell")
    times = compare_open.measure(max(runs, 10), content=content)
    ours, base = times.median_ours, times.median_baseline
    budget_ms = compare_open.HUGE_CELL_BUDGET_MS
    budget = budget_ms / 1000
    return [
        Row(
            "open a comparison with a 100,000-character cell (key → first frame, headless)",
            _ms(ours),
            f"{_ms(base)} help screen",
            f"{ours / base:.2f}×",
            f"≤ {budget_ms} ms",
            _verdict(ours <= budget, f"{ours * 1000:.0f} ms > {budget_ms} ms"),
        )
    ]


def bench_open_5mb(runs: int, work: Path) -> list[Row]:
    """Key to first screen of a 5 MB article of many short blocks, and a key (/) pressed
    right then, beside a 3 KB article in the same run (open_huge.py, issue 16)."""
    order = open_huge.build(work / "open-5mb", runs)
    argv = [sys.executable, "-m", "spinetui", "--content", str(work / "open-5mb")]
    opened, keyed = open_huge.measure(argv, order)
    rows = []
    for what, times, budget_ms in (
        ("open a 5 MB article of short blocks (key → first screen)", opened, 0),
        ("a key (/) while the 5 MB article is laid out (key → answered)", keyed, 1),
    ):
        ours, base = statistics.median(times["huge"]), statistics.median(times["small"])
        limit = (open_huge.FIRST_SCREEN_BUDGET_MS, open_huge.KEY_BUDGET_MS)[budget_ms]
        rows.append(
            Row(
                what,
                _ms(ours / 1000),
                f"{_ms(base / 1000)} 3 KB article",
                f"{ours / base:.2f}×",
                f"≤ {limit} ms",
                _verdict(ours <= limit, f"{ours:.0f} ms > {limit} ms"),
            )
        )
    return rows


BENCHMARK_RUNS: dict[str, tuple[Callable[[int, Path], list[Row]], int]] = {
    # name: (function, default runs). Start-up takes 15: on the shared 2-core machine the
    # minimal app's launches ranged 291-531 ms within one run of 7, and a median of 7
    # moved the ratio by ±0.1× between runs minutes apart.
    "startup": (bench_startup, 15),
    "scale": (bench_scale, 9),
    "scale10k": (bench_scale_10k, 3),
    "open": (bench_open, 7),
    "scroll": (bench_scroll, 3),
    "search": (bench_search, 5),
    "search10k": (bench_search_10k, 3),
    "check10k": (bench_check_10k, 3),
    "compare": (bench_compare, 15),
    "compare-cell": (bench_compare_cell, 10),
    "open-5mb": (bench_open_5mb, 3),
}


# ---------------------------------------------------------------------- report
def machine() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as info:
            for line in info:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    load = os.getloadavg() if hasattr(os, "getloadavg") else ()

    def version(package: str) -> str:
        try:
            return importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            return "not installed"

    commit = subprocess.run(
        ["git", "-C", str(REPO), "describe", "--always", "--dirty"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "CPU": cpu,
        "cores": str(os.cpu_count()),
        "load average at start (1 min)": f"{load[0]:.2f}" if load else "unknown",
        "OS": f"{platform.system()} {platform.release()}",
        "Python": platform.python_version(),
        "Textual": version("textual"),
        "Rich": version("rich"),
        "markdown-it-py": version("markdown-it-py"),
        "spinetui commit": commit or "unknown",
    }


def markdown_table(rows: list[Row]) -> str:
    lines = [
        "| measure | spinetui | baseline | ratio | budget | verdict |",
        "| --- | ---: | ---: | ---: | --- | --- |",
    ]
    for row in rows:
        verdict = f"**{row.verdict}**" if row.missed else row.verdict
        cells = [row.measure, row.ours, row.baseline, row.ratio, row.budget, verdict]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines)


def text_table(rows: list[Row]) -> str:
    headers = ("measure", "spinetui", "baseline", "ratio", "budget", "verdict")
    cells = [headers] + [
        (r.measure, r.ours, r.baseline, r.ratio, r.budget, r.verdict) for r in rows
    ]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    out = []
    for n, row in enumerate(cells):
        out.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


def results_section(rows: list[Row], about: dict[str, str], runs: dict[str, int]) -> str:
    misses = [r for r in rows if r.missed]
    runs_text = ", ".join(f"{name} {n}" for name, n in runs.items())
    parts = [
        BEGIN,
        "",
        f"Measured {about['date']} with `python benchmarks/run_all.py` "
        f"(runs per figure: {runs_text}).",
        "",
        "| machine | |",
        "| --- | --- |",
        *[f"| {key} | {value} |" for key, value in about.items()],
        "",
        markdown_table(rows),
        "",
    ]
    if misses:
        parts += ["Budgets missed or not measured in this run:", ""]
        parts += [f"- {r.measure}: {r.verdict}" for r in misses]
    else:
        parts.append("Every budget was met in this run.")
    parts += ["", END]
    return "\n".join(parts)


def write_report(section: str) -> None:
    """Replace the results between the markers; leave the hand-written parts alone."""
    text = REPORT.read_text() if REPORT.exists() else f"# Performance\n\n{BEGIN}\n{END}\n"
    if BEGIN in text and END in text:
        before, rest = text.split(BEGIN, 1)
        after = rest.split(END, 1)[1]
        text = before + section + after
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    REPORT.write_text(text)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, help="runs per figure for every benchmark")
    parser.add_argument(
        "--only", nargs="+", choices=list(BENCHMARK_RUNS), help="run only these benchmarks"
    )
    parser.add_argument(
        "--no-write", action="store_true", help="print the table; leave docs/performance.md"
    )
    options = parser.parse_args()
    chosen = options.only or list(BENCHMARK_RUNS)
    about = machine()
    rows: list[Row] = []
    runs_used: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="spinetui-bench-") as tmp:
        work = Path(tmp)
        startup.prepare_environment(work / "bytecode")
        for name in chosen:
            function, default_runs = BENCHMARK_RUNS[name]
            runs = options.runs or default_runs
            runs_used[name] = runs
            print(f"[{time.strftime('%H:%M:%S')}] {name}: {runs} runs ...", flush=True)
            try:
                new_rows = function(runs, work)
            except Exception as error:  # a broken benchmark is a row, not a crash
                traceback.print_exc()
                new_rows = [_not_measured(name, f"{type(error).__name__}: {error}")]
            for row in new_rows:
                print(f"    {row.measure}: {row.ours} vs {row.baseline} → {row.verdict}")
            rows += new_rows

    print()
    print(text_table(rows))
    misses = [r for r in rows if r.missed]
    print()
    if misses:
        print(f"{len(misses)} budget(s) MISSED or not measured:")
        for row in misses:
            print(f"  ✗ {row.measure}: {row.verdict}")
    else:
        print("Every budget met.")
    if not options.no_write:
        write_report(results_section(rows, about, runs_used))
        print(f"\nWritten to {REPORT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
