"""A big folder's reading grades are shared among processes: the same grades, in order."""

from __future__ import annotations

import multiprocessing

import pytest

from spinetui.check import markdown_to_plain
from spinetui.check_grades import grade_bodies
from spinetui.model import bundled_content_dir, load_guide
from spinetui.readability import Grader


@pytest.fixture(scope="module")
def bodies() -> list[str]:
    guide = load_guide(bundled_content_dir())
    return [article.body for article in guide.articles.values()]


@pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="no fork on this system"
)
def test_grading_in_workers_gives_each_article_its_own_grades_in_order(bodies):
    # Each body several times, shuffled by a stride, so that a run handed back out of
    # order, or a body graded against another, would show.
    many = [bodies[(i * 7) % len(bodies)] for i in range(3 * len(bodies))]
    grader = Grader()
    alone = [grader.grades(markdown_to_plain(body)) for body in many]
    shared = grade_bodies(many, workers=2, parallel_from=1)
    assert shared == alone
    assert len({g.grade for g in shared}) > 1  # the articles differ: the test can fail


def test_a_small_folder_or_one_worker_is_graded_in_this_process(bodies, monkeypatch):
    def no_pool(*_args, **_kwargs):
        raise AssertionError("no worker processes for this")

    monkeypatch.setattr(multiprocessing, "get_context", no_pool)
    grader = Grader()
    alone = [grader.grades(markdown_to_plain(body)) for body in bodies]
    assert grade_bodies(bodies) == alone  # fewer than PARALLEL_FROM
    assert grade_bodies(bodies, workers=1, parallel_from=1) == alone


def test_no_processes_to_be_had_grades_them_here(bodies, monkeypatch):
    class NoProcesses:
        def Pool(self, *_args, **_kwargs):  # noqa: N802 - multiprocessing's name
            raise OSError("Resource temporarily unavailable")

    monkeypatch.setattr(multiprocessing, "get_context", lambda _method: NoProcesses())
    grader = Grader()
    alone = [grader.grades(markdown_to_plain(body)) for body in bodies]
    assert grade_bodies(bodies, workers=2, parallel_from=1) == alone
