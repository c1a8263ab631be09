"""Search speed: index build time and per-query latency on a generated 1,000-article guide.

Budgets (issue 5): the index builds in under 1 s, and a query's results (ranked, with
marked snippets, one result per article) are ready in under 15 ms, median over a set of
realistic queries. The baseline, measured in the same run on the same folder, is the
naive way: keep every article's text lower-cased and scan it for each query word
(substring search, no ranking, no snippets), which is what an app without an index does.

Each run builds the index afresh and times every query once; medians are taken over
the runs (build) and over queries x runs (latency). A query's CPU time (this thread's,
`time.thread_time`) is kept beside its wall time: on a shared machine it is the steadier
figure (issue 16's budget of 5 ms per query at 10,000 articles is judged on it). The folder is written by
generate_guide.py into a temporary directory unless --content names one.

Usage: python benchmarks/search_speed.py [--articles 1000] [--runs 5] [--content DIR]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
REPO = BENCHMARKS.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(BENCHMARKS))

import generate_guide  # noqa: E402

BUILD_BUDGET_S = 1.0
QUERY_BUDGET_S = 0.015

# What patients type: single words, two-word phrases, a question, a word half typed,
# words with punctuation. All of them occur in the generated text.
REALISTIC_QUERIES = (
    "numbness",
    "cost",
    "steroid injection",
    "nerve root",
    "infection",
    "stem cells",
    "insurance",
    "how long does relief last",
    "platelet",
    "sciatica",
    "recovery time",
    "physical therapy",
    "x-ray",
    "risks",
    "headache",
    "diabetes",
    "surgery",
    "numb",
    "inj",
    "evidence",
    "bone marrow",
    "walking",
)


@dataclass(frozen=True, slots=True)
class SearchSpeed:
    articles: int
    index_rows: int
    build_s: list[float]  # one per run
    query_s: list[float]  # one per query per run
    baseline_build_s: list[float]
    baseline_query_s: list[float]
    query_cpu_s: list[float]  # as query_s, CPU time
    baseline_query_cpu_s: list[float]

    @property
    def build_median(self) -> float:
        return statistics.median(self.build_s)

    @property
    def query_median(self) -> float:
        return statistics.median(self.query_s)

    @property
    def baseline_build_median(self) -> float:
        return statistics.median(self.baseline_build_s)

    @property
    def baseline_query_median(self) -> float:
        return statistics.median(self.baseline_query_s)

    @property
    def query_cpu_median(self) -> float:
        return statistics.median(self.query_cpu_s)

    @property
    def baseline_query_cpu_median(self) -> float:
        return statistics.median(self.baseline_query_cpu_s)


class SubstringScan:
    """The baseline: every article's text in memory, lower-cased, scanned per query."""

    def __init__(self, guide) -> None:
        self.texts = [
            (article.id, f"{article.title}\n{article.body}".lower())
            for article in guide.reading_order()
        ]

    def search(self, text: str) -> list[str]:
        words = text.lower().split()
        return [aid for aid, body in self.texts if all(word in body for word in words)]


def measure(folder: Path, runs: int, queries: tuple[str, ...] = REALISTIC_QUERIES) -> SearchSpeed:
    from spinetui.model import load_guide
    from spinetui.search import SearchIndex

    guide = load_guide(folder)
    build, query, base_build, base_query = [], [], [], []
    query_cpu, base_query_cpu = [], []
    rows = 0
    for _ in range(runs):
        # Alternate the two within each run so load from other processes hits both.
        start = time.perf_counter()
        index = SearchIndex(guide)
        build.append(time.perf_counter() - start)
        rows = len(index)
        start = time.perf_counter()
        scan = SubstringScan(guide)
        base_build.append(time.perf_counter() - start)
        for text in queries:
            start, cpu = time.perf_counter(), time.thread_time()
            index.search(text)
            query.append(time.perf_counter() - start)
            query_cpu.append(time.thread_time() - cpu)
            start, cpu = time.perf_counter(), time.thread_time()
            scan.search(text)
            base_query.append(time.perf_counter() - start)
            base_query_cpu.append(time.thread_time() - cpu)
        index.close()
    return SearchSpeed(
        len(guide.articles), rows, build, query, base_build, base_query, query_cpu, base_query_cpu
    )


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def report(speed: SearchSpeed) -> str:
    build_ok = speed.build_median < BUILD_BUDGET_S
    query_ok = speed.query_median < QUERY_BUDGET_S
    lines = [
        f"Search speed: {speed.articles} articles, {speed.index_rows} index rows, "
        f"{len(speed.build_s)} runs, {len(REALISTIC_QUERIES)} queries",
        "",
        f"{'measure':34} {'spinetui':>10} {'baseline':>10}  budget",
        f"{'index build (median)':34} {_ms(speed.build_median):>10} "
        f"{_ms(speed.baseline_build_median):>10}  < {_ms(BUILD_BUDGET_S)}: "
        f"{'ok' if build_ok else 'OVER BUDGET'}",
        f"{'per query (median)':34} {_ms(speed.query_median):>10} "
        f"{_ms(speed.baseline_query_median):>10}  < {_ms(QUERY_BUDGET_S)}: "
        f"{'ok' if query_ok else 'OVER BUDGET'}",
        f"{'per query (slowest)':34} {_ms(max(speed.query_s)):>10} "
        f"{_ms(max(speed.baseline_query_s)):>10}",
        f"{'per query, CPU time (median)':34} {_ms(speed.query_cpu_median):>10} "
        f"{_ms(speed.baseline_query_cpu_median):>10}",
        "",
        "baseline: lower-cased article text scanned for each word (no ranking, no snippets)",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--content", type=Path, help="measure this folder instead")
    options = parser.parse_args(argv)
    if options.content is not None:
        print(report(measure(options.content, options.runs)))
        return 0
    with tempfile.TemporaryDirectory(prefix="spinetui-search-") as work:
        folder = Path(work) / "guide"
        generate_guide.write_guide(folder, options.articles, 3 * 1024, seed=1)
        print(report(measure(folder, options.runs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
