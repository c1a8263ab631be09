"""SVG snapshots of the decision tools, on the decide-guide fixture: an article with an
outcome block, the comparison with a cell's icon arrays, What matters to you with the
comparison reordered, and the SURE check with a "no". Review the SVGs before accepting.
"""

from __future__ import annotations

import pytest

from spinetui.components.decide.what_matters import WhatMattersScreen
from tests.conftest import FIXTURES
from tests.functional.helpers import make_app

DECIDE_GUIDE = FIXTURES / "decide-guide"
SIZES = pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])


@SIZES
def test_article_with_an_outcome_block(snap_compare, size):
    async def run_before(pilot) -> None:
        await pilot.pause()
        # The article has the focus when the reader opens: scroll it to the pictures.
        await pilot.press("down", "down", "down", "down", "down", "down")
        await pilot.pause()

    app = make_app(DECIDE_GUIDE, start_article="esi")
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@SIZES
def test_comparison_cell_detail_with_icon_arrays(snap_compare, size):
    async def run_before(pilot) -> None:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("down", "down", "e")  # the relief row's first cell, bigger panel
        await pilot.pause()
        if size[1] < 30:  # a small screen: the panel scrolls to the pictures
            await pilot.press("tab", *["down"] * 6)
            await pilot.pause()

    assert snap_compare(make_app(DECIDE_GUIDE), terminal_size=size, run_before=run_before)


@SIZES
def test_what_matters_to_you_with_answers(snap_compare, size):
    async def run_before(pilot) -> None:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("3", "down", "2", "down", "1", "down", "down", "3")
        # Moving down scrolls the list with an animation: the picture is taken once it
        # has ended (mid-way, the scrollbar's thumb sat between two cells).
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        assert isinstance(pilot.app.screen, WhatMattersScreen)

    assert snap_compare(make_app(DECIDE_GUIDE), terminal_size=size, run_before=run_before)


@SIZES
def test_comparison_with_the_rows_that_matter_first(snap_compare, size):
    async def run_before(pilot) -> None:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("down", "down", "down", "down", "3", "enter")  # cost: a lot
        await pilot.pause()

    assert snap_compare(make_app(DECIDE_GUIDE), terminal_size=size, run_before=run_before)


@SIZES
def test_sure_check_with_a_no(snap_compare, size):
    async def run_before(pilot) -> None:
        await pilot.pause()
        pilot.app.action_sure_check()
        await pilot.pause()
        await pilot.press("y", "n")  # yes to the first, no to the second; on to the third
        await pilot.pause()

    assert snap_compare(make_app(DECIDE_GUIDE), terminal_size=size, run_before=run_before)
