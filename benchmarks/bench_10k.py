"""run_all.py's rows for search and `spinetui check` at 10,000 articles (issue 16)."""

from __future__ import annotations

import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCHMARKS))

import scale  # noqa: E402
import scale_10k  # noqa: E402
import startup  # noqa: E402
from _rows import Row, _ms, _verdict  # noqa: E402

SEARCH_10K_QUERY_BUDGET_MS = 5
SEARCH_FIRST_RESULTS_BUDGET_S = 1.0
CHECK_10K_BUDGET_S = 10.0


def bench_search_10k(runs: int, work: Path) -> list[Row]:
    """Per-query latency at 10,000 articles, and the first results after a fresh start."""
    import search_speed

    folder = scale.generated_folder(work, scale_10k.ARTICLES)
    speed = search_speed.measure(folder, max(1, runs // 2))
    query, base_query = speed.query_median, speed.baseline_query_median
    startup.prime_guide_cache(folder)
    found = [scale_10k.first_results(folder) for _ in range(runs)]
    first = scale_10k.median([f[1] for f in found])
    painted = scale_10k.median([f[0] for f in found])
    label = f"{speed.articles:,} articles"
    return [
        Row(
            f"search: median per query, {label} ({len(search_speed.REALISTIC_QUERIES)} queries)",
            _ms(query),
            f"{_ms(base_query)} substring scan",
            f"{query / base_query:.2f}×",
            f"≤ {SEARCH_10K_QUERY_BUDGET_MS} ms",
            _verdict(
                query * 1000 <= SEARCH_10K_QUERY_BUDGET_MS,
                f"{query * 1000:.1f} ms > {SEARCH_10K_QUERY_BUDGET_MS} ms",
            ),
        ),
        Row(
            f"search: index build, {label} (in a worker thread)",
            _ms(speed.build_median),
            f"{_ms(speed.baseline_build_median)} substring scan",
            f"{speed.build_median / speed.baseline_build_median:.1f}×",
            "-",
            "for reference",
        ),
        Row(
            f"search: first results after start, {label} (s and '{scale_10k.QUERY}' typed at "
            "the first paint)",
            _ms(first),
            f"{_ms(painted)} home painted",
            f"{first / painted:.2f}×",
            f"≤ {SEARCH_FIRST_RESULTS_BUDGET_S:g} s",
            _verdict(
                first <= SEARCH_FIRST_RESULTS_BUDGET_S,
                f"{first:.2f} s > {SEARCH_FIRST_RESULTS_BUDGET_S:g} s",
            ),
        ),
    ]


def bench_check_10k(runs: int, work: Path) -> list[Row]:
    """`spinetui check` on 10,000 articles, beside the bare load it includes."""
    folder = scale.generated_folder(work, scale_10k.ARTICLES)
    ours, base = scale_10k.check_times(folder, runs)
    wall = scale_10k.median([t.seconds for t in ours])
    cpu = scale_10k.median([t.cpu_seconds for t in ours])
    base_wall = scale_10k.median([t.seconds for t in base])
    base_cpu = scale_10k.median([t.cpu_seconds for t in base])
    label = f"{scale_10k.ARTICLES:,} articles"
    return [
        Row(
            f"`spinetui check`, {label}",
            f"{wall:.1f} s",
            f"{base_wall:.1f} s load_guide alone",
            f"{wall / base_wall:.2f}×",
            f"≤ {CHECK_10K_BUDGET_S:g} s",
            _verdict(wall <= CHECK_10K_BUDGET_S, f"{wall:.1f} s > {CHECK_10K_BUDGET_S:g} s"),
        ),
        Row(
            f"`spinetui check` CPU time, {label}",
            f"{cpu:.1f} s",
            f"{base_cpu:.1f} s load_guide alone",
            f"{cpu / base_cpu:.2f}×",
            "-",
            "for reference",
        ),
    ]
