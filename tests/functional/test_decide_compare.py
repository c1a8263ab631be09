"""Icon arrays in the comparison, and the comparison reordered by what matters to you."""

from __future__ import annotations

from spinetui.components.compare.cell_detail import SizeToggle
from spinetui.components.compare.comparison_screen import ComparisonScreen, MattersButton
from spinetui.components.compare.grid import ComparisonGrid
from spinetui.components.decide.choices import ChoiceButton, ChoiceRow
from spinetui.components.decide.what_matters import WhatMattersScreen
from spinetui.render.icon_array import EMPTY, FILLED, GAP, GRID_WIDTH
from tests.conftest import FIXTURES
from tests.functional.helpers import make_app

DECIDE_GUIDE = FIXTURES / "decide-guide"
TABLE_ORDER = [
    "tested-in",
    "how-it-is-done",
    "relief-chance",
    "relief-lasts",
    "serious-harms",
    "evidence-strength",
    "typical-cost",
    "recovery",
]


def decide_app(**kwargs):
    return make_app(DECIDE_GUIDE, **kwargs)


def grid_text(grid: ComparisonGrid) -> str:
    return "\n".join(grid.render_line(y).text for y in range(grid.scrollable_content_region.height))


def row_ids(screen: ComparisonScreen) -> list[str]:
    return [a.id for a in screen.grid.attributes]


def status(screen: ComparisonScreen) -> str:
    return str(screen.query_one("#compare-status").render())


async def open_comparison(pilot) -> ComparisonScreen:
    await pilot.pause()
    await pilot.press("c")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ComparisonScreen)
    return screen


def grid_counts(text: str) -> list[tuple[int, int]]:
    """(left, right) ● counts of each line of two icon arrays drawn side by side."""
    counts = []
    for line in text.splitlines():
        marks = line.strip()
        if marks and set(marks.replace(" ", "")) <= {FILLED, EMPTY}:
            left, right = line[:GRID_WIDTH], line[GRID_WIDTH + GAP :]
            counts.append((left.count(FILLED), right.count(FILLED)))
    return counts


# ------------------------------------------------------------------ icon arrays
async def test_the_cell_detail_draws_the_icon_arrays_of_the_cell_outcomes():
    app = decide_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_comparison(pilot)
        screen.grid.select_ids("relief-chance", "esi")
        await pilot.pause()
        text = screen.detail.text
        counts = grid_counts(text)
        assert len(counts) == 10  # ten rows of ten people, two groups side by side
        assert sum(left for left, _ in counts) == 54
        assert sum(right for _, right in counts) == 19
        flat = " ".join(text.split())
        assert (
            "About 54 in 100 people who had a steroid shot had at least half of their leg pain"
            " go away (1 month after the shot), compared with 19 in 100 people who had a shot"
            " of salt water." in flat
        )
        # Another column: its own numbers.
        await pilot.press("right")
        await pilot.pause()
        counts = grid_counts(screen.detail.text)
        assert sum(left for left, _ in counts) == 48
        assert sum(right for _, right in counts) == 36


async def test_the_grid_shows_outcome_rows_as_numbers_beside_the_cell_text():
    app = decide_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_comparison(pilot)
        screen.grid.select_ids("relief-chance", "esi")
        await pilot.pause()
        text = grid_text(screen.grid)
        # The numbers in words and digits, then the cell's own text (never colour alone).
        assert "│ 54 vs 19 in 100, 1 month" in text
        assert "│ 48 vs 36 in 100, 12 months" in text
        assert "│ 40 vs 33 in 100, 3 months" in text
        assert "More people had clear relief" in text
        assert " ".join([FILLED] * 3) not in text  # no arrays squeezed into cells


async def test_e_and_a_tap_make_the_cell_panel_bigger_and_smaller():
    app = decide_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_comparison(pilot)
        screen.grid.select_ids("relief-chance", "esi")
        await pilot.pause()
        small = screen.detail.size.height
        toggle = screen.query_one(SizeToggle)
        assert toggle.display and "bigger panel" in str(toggle.render())
        await pilot.press("e")
        await pilot.pause()
        assert screen.detail.size.height > small
        assert "smaller panel" in str(toggle.render())
        await pilot.click(SizeToggle)
        await pilot.pause()
        assert screen.detail.size.height == small
        # Cells without numbers do not offer it.
        screen.grid.select_ids("tested-in")
        await pilot.pause()
        assert not toggle.display


# -------------------------------------------------------------- what matters
async def test_what_matters_by_keys_puts_the_chosen_rows_first_and_marks_them():
    app = decide_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_comparison(pilot)
        assert row_ids(screen) == TABLE_ORDER
        assert "* " not in grid_text(screen.grid)
        await pilot.press("w")
        await pilot.pause()
        matters = app.screen
        assert isinstance(matters, WhatMattersScreen)
        # Rows: fast relief, lasting relief, needles, rare harms, cost, evidence, time off.
        await pilot.press("down", "down", "down", "down", "3")  # cost: a lot
        await pilot.press("down", "right", "right")  # evidence: not important, then a little
        await pilot.press("down", "1")  # time off: not important
        await pilot.pause()
        assert app.decision.matters == {"cost": 3, "evidence": 2, "time-off": 1}
        assert matters.query_one("#choice-cost", ChoiceRow).answer == "A lot"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        # A lot first, then a little; not important rows stay where they were.
        assert row_ids(screen) == [
            "typical-cost",
            "evidence-strength",
            "tested-in",
            "how-it-is-done",
            "relief-chance",
            "relief-lasts",
            "serious-harms",
            "recovery",
        ]
        assert sorted(row_ids(screen)) == sorted(TABLE_ORDER)  # nothing left out
        text = grid_text(screen.grid)
        assert "* Cost" in text and "matters to you a lot" in text
        assert "* Strength of the" in text and "* Who it was tested" in text
        assert "matters to you a\n" in "\n".join(
            line.split("│")[0].rstrip() for line in text.splitlines()
        )
        assert "* Recovery" not in text
        assert str(screen.query_one(MattersButton).render()) == "w: What matters (* 3 rows)"
        assert screen.grid.selected[0].id == "typical-cost"
        assert "* This row matters to you a lot." in screen.detail.text


async def test_what_matters_by_taps_from_the_comparison_header():
    app = decide_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_comparison(pilot)
        await pilot.click(MattersButton)
        await pilot.pause()
        matters = app.screen
        assert isinstance(matters, WhatMattersScreen)
        row = matters.query_one("#choice-avoid-rare-harms", ChoiceRow)
        a_lot = [b for b in row.query(ChoiceButton) if b.label == "A lot"][0]
        await pilot.click(a_lot)
        await pilot.pause()
        assert app.decision.matters == {"avoid-rare-harms": 3}
        assert "[x] A lot" in str(a_lot.render())
        # Tapping again on another answer changes it.
        little = [b for b in row.query(ChoiceButton) if b.label == "A little"][0]
        await pilot.click(little)
        await pilot.pause()
        assert app.decision.matters == {"avoid-rare-harms": 2}
        assert "[ ] A lot" in str(a_lot.render())
        await pilot.click("#show-comparison")
        await pilot.pause()
        assert app.screen is screen
        assert row_ids(screen)[0] == "serious-harms"
        assert "* Serious or rare" in grid_text(screen.grid)


async def test_the_summary_quotes_each_option_on_what_was_chosen():
    app = decide_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_comparison(pilot)
        await pilot.press("w")
        await pilot.pause()
        matters = app.screen
        assert "You have not marked anything" in matters.result
        await pilot.press("down", "3")  # relief that lasts: a lot
        await pilot.press("down", "down", "down", "2")  # cost: a little
        await pilot.pause()
        summary = " ".join(matters.result.split())
        assert "* Relief that lasts (matters to you a lot)" in summary
        assert "Steroid shot: Relief faded; later the groups no longer differed." in summary
        assert "PRP shot: No study has measured how long it lasts past 12 months." in summary
        assert "* Cost (matters to you a little)" in summary
        assert "All the options shown say the same: No study has measured the cost." in summary
        # A lot before a little.
        assert summary.index("Relief that lasts (") < summary.index("Cost (")
        # 0 takes an answer back.
        await pilot.press("0")
        await pilot.pause()
        assert app.decision.matters == {"lasting-relief": 3}
        assert "Cost (" not in matters.result


async def test_what_matters_from_the_palette_then_c_opens_the_comparison_in_that_order():
    app = decide_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"what matters")
        await app.workers.wait_for_complete()
        await pilot.pause(0.1)
        await app.workers.wait_for_complete()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WhatMattersScreen)
        await pilot.press("3")  # fast relief: a lot
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ComparisonScreen)
        assert row_ids(screen)[0] == "relief-chance"  # relief-starts is not in this table
        assert not any(isinstance(s, WhatMattersScreen) for s in app.screen_stack)
