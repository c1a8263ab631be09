"""The reading grades of every article `spinetui check` lists, on every core for a big folder.

Each article's grades depend on its text alone, and at 10,000 articles grading is about
half of what `check` does (the other half is loading the folder, which is one pass over
the files). So a big folder is graded in worker processes, a contiguous run of articles
each, and the results are put back in the articles' order: the report is the same, line
for line, as a grading in one process (a test holds the two equal). A small folder, a
machine of one core, or a system that cannot fork is graded here, in this process:
starting workers would cost more than it saves.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence

from spinetui.markdown.plain import markdown_plain
from spinetui.readability import Grader, Grades

#: Articles from which grading is shared among processes (below, it takes < 0.3 s).
PARALLEL_FROM = 500
MAX_WORKERS = 4


def _grade_run(bodies: Sequence[str]) -> list[Grades]:
    grader = Grader()  # its memory of each word's syllables serves the whole run
    # As check.markdown_to_plain: the Markdown as plain prose, a sentence a unit.
    return [grader.grades(markdown_plain(body, sentences=True)) for body in bodies]


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may run on
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def grade_bodies(
    bodies: Sequence[str], *, workers: int | None = None, parallel_from: int = PARALLEL_FROM
) -> list[Grades]:
    """The grades of each article body (its Markdown), in the same order."""
    count = min(MAX_WORKERS, _cores()) if workers is None else workers
    can_fork = "fork" in multiprocessing.get_all_start_methods()
    if count < 2 or len(bodies) < parallel_from or not can_fork:
        return _grade_run(bodies)
    # A few runs a worker, so that one slow run does not leave the other core idle.
    size = -(-len(bodies) // (count * 4))
    runs = [bodies[start : start + size] for start in range(0, len(bodies), size)]
    try:
        # fork: the workers start with textstat and the dictionary index already in
        # memory, and nothing but the bodies and the grades is copied between them.
        with multiprocessing.get_context("fork").Pool(count) as pool:
            graded = pool.map(_grade_run, runs, chunksize=1)
    except OSError:  # no processes to be had (a limit on them): grade them here
        return _grade_run(bodies)
    return [grades for run in graded for grades in run]
