"""Which link l and L step to, on their own (no app): ArticleView's LinkSelection uses these."""

from __future__ import annotations

from spinetui.components.article.article_links import (
    continues,
    next_target,
    previous_target,
)
from spinetui.render import Target


def link(y: int, x0: int, value: str = "a", width: int = 4) -> Target:
    return Target(y, x0, x0 + width, "article", value, value)


# Line 3 holds a link that wraps onto line 4; then links on lines 10 and 30.
WRAPPED = [link(3, 70, "wrap"), link(4, 0, "wrap")]
TARGETS = [link(1, 5), *WRAPPED, link(10, 2, "b"), link(30, 0, "c")]


def test_a_wrapped_link_is_one_link():
    assert continues(WRAPPED[0], WRAPPED[1])
    assert not continues(TARGETS[0], WRAPPED[0])
    assert not continues(link(3, 0, "x"), link(5, 0, "x"))  # the same page further down


def test_next_steps_over_the_rest_of_a_wrapped_link():
    assert next_target(TARGETS, WRAPPED[0], 0, True) == TARGETS[3]


def test_next_from_off_screen_starts_at_the_top_of_the_pane():
    # The selected link scrolled away: the first link from the pane's top line down.
    assert next_target(TARGETS, TARGETS[0], 9, False) == TARGETS[3]
    assert next_target(TARGETS, None, 2, False) == WRAPPED[0]


def test_next_after_the_last_is_none_so_the_pane_wraps_around():
    assert next_target(TARGETS, TARGETS[-1], 0, True) is None
    assert next_target(TARGETS, None, 31, False) is None


def test_previous_lands_on_the_nearest_piece_and_then_leaves_the_wrapped_link():
    assert previous_target(TARGETS, TARGETS[3], 40, True) == WRAPPED[1]
    assert previous_target(TARGETS, WRAPPED[1], 40, True) == TARGETS[0]


def test_previous_from_off_screen_starts_at_the_bottom_of_the_pane():
    assert previous_target(TARGETS, TARGETS[-1], 11, False) == TARGETS[3]
    assert previous_target(TARGETS, TARGETS[0], 1, True) is None
