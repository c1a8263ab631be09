"""SVG snapshots of the comparison screen, on a fixture guide so content edits don't move them.

Review the SVGs like code before accepting.
"""

from __future__ import annotations

import pytest

from tests.conftest import FIXTURES
from tests.functional.helpers import make_app

COMPARE_GUIDE = FIXTURES / "compare-guide"


async def _open_comparison(pilot) -> None:
    await pilot.pause()
    await pilot.press("c")
    await pilot.pause()


@pytest.mark.parametrize(
    "size", [(80, 24), (120, 40), (200, 60)], ids=["80x24", "120x40", "200x60"]
)
def test_comparison_screen(snap_compare, size):
    assert snap_compare(make_app(COMPARE_GUIDE), terminal_size=size, run_before=_open_comparison)


def test_comparison_second_page_at_80x24_with_the_cost_row_selected(snap_compare):
    async def run_before(pilot) -> None:
        await _open_comparison(pilot)
        await pilot.press("right_square_bracket", "end")
        await pilot.pause()

    assert snap_compare(make_app(COMPARE_GUIDE), terminal_size=(80, 24), run_before=run_before)


def test_side_by_side_lined_up_at_risks(snap_compare):
    async def run_before(pilot) -> None:
        await _open_comparison(pilot)
        await pilot.press("down", "down", "down", "v")
        await pilot.pause()
        await pilot.pause()

    assert snap_compare(make_app(COMPARE_GUIDE), terminal_size=(100, 30), run_before=run_before)
