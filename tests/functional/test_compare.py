"""The comparison screen: choosing treatments, differences only, cell detail, reading on."""

from __future__ import annotations

import pytest

from spinetui.components.article.article_view import ArticleView
from spinetui.components.compare.chooser import TreatmentChooser
from spinetui.components.compare.comparison_screen import ComparisonScreen
from spinetui.components.compare.grid import ComparisonGrid
from spinetui.components.reader.reader_screen import ReaderScreen
from spinetui.model import load_guide
from spinetui.model.types import Attribute, Cell, ComparisonTable, Treatment
from spinetui.services import Services
from tests.conftest import FIXTURES
from tests.functional.helpers import make_app, visible_text

COMPARE_GUIDE = FIXTURES / "compare-guide"


def compare_app(**kwargs):
    return make_app(COMPARE_GUIDE, **kwargs)


def grid_text(grid: ComparisonGrid) -> str:
    """The table as drawn now, as plain text."""
    return "\n".join(grid.render_line(y).text for y in range(grid.scrollable_content_region.height))


def column_ids(screen: ComparisonScreen) -> list[str]:
    return [t.id for t in screen.grid.treatments]


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


# ------------------------------------------------------------------ opening
async def test_c_opens_the_first_three_treatments_and_escape_returns_to_the_reader():
    app = compare_app(start_article="stem")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_comparison(pilot)
        assert column_ids(screen) == ["esi", "prp", "stem"]
        assert row_ids(screen) == ["what", "procedure", "benefit", "risks", "recovery", "cost"]
        text = grid_text(screen.grid)
        assert "Steroid injection (ESI)" in text and "Stem-cell shot" in text
        assert "Exercise therapy" not in text
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.query_one(ArticleView).article_id == "stem"


async def test_evidence_is_shown_in_words_and_dots():
    app = compare_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_comparison(pilot)
        text = grid_text(screen.grid)
        assert "●●●○ Moderate evidence" in text  # the steroid shot's first row
        assert "●●○○ Low evidence" in text
        assert "●○○○ Very low evidence" in text


async def test_at_80_columns_two_treatments_show_and_the_rest_are_a_page_away():
    app = compare_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_comparison(pilot)
        grid = screen.grid
        assert [t.id for t in grid.visible_treatments] == ["esi", "prp"]
        assert "Columns 1–2 of 3" in status(screen)
        assert "Stem-cell shot" not in grid_text(grid)
        await pilot.press("right_square_bracket")
        assert "stem" in [t.id for t in grid.visible_treatments]
        assert "Stem-cell shot" in grid_text(grid)
        assert "Columns 2–3 of 3" in status(screen)
        await pilot.press("right_square_bracket")  # past the last page: back to the first
        assert [t.id for t in grid.visible_treatments] == ["esi", "prp"]


async def test_moving_right_past_the_edge_pages_to_the_next_column():
    app = compare_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_comparison(pilot)
        await pilot.press("right", "right")
        assert screen.grid.selected[1].id == "stem"
        assert "Stem-cell shot" in grid_text(screen.grid)


async def test_a_wide_screen_shows_every_chosen_treatment():
    app = compare_app()
    async with app.run_test(size=(200, 60)) as pilot:
        screen = await open_comparison(pilot)
        assert [t.id for t in screen.grid.visible_treatments] == ["esi", "prp", "stem"]
        assert "3 of 4 treatments" in status(screen)


async def test_long_cell_text_wraps_and_is_never_cut():
    app = compare_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_comparison(pilot)
        screen.grid.select_ids("cost", "prp")
        await pilot.pause()
        lines = grid_text(screen.grid).splitlines()
        # The PRP column: label │ steroid shot │ PRP │ (more columns to the right).
        prp_column = [line.split("│")[2].strip() for line in lines if line.count("│") >= 2]
        long_cell = screen.app.guide.comparison.cell("cost", "prp").text
        start = next(i for i, line in enumerate(prp_column) if line.startswith("Rarely covered"))
        shown = prp_column[start : start + 8]
        assert " ".join(" ".join(shown).split()).startswith(" ".join(long_cell.split()))
        assert len([line for line in shown if line]) > 3  # wrapped over several lines


async def test_the_column_headers_and_row_labels_stay_while_scrolling():
    app = compare_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_comparison(pilot)
        grid = screen.grid
        await pilot.press("end")
        await pilot.pause()
        assert grid.scroll_offset.y > 0
        lines = grid_text(grid).splitlines()
        assert "Steroid injection (ESI)" in lines[0]
        assert "What it is" not in grid_text(grid)  # the first row scrolled away
        assert any(line.startswith(" Cost ") for line in lines)


# --------------------------------------------------------- choosing columns
async def test_the_chooser_adds_a_treatment_at_the_end():
    app = compare_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_comparison(pilot)
        await pilot.press("t")
        await pilot.pause()
        chooser = app.screen
        assert isinstance(chooser, TreatmentChooser)

        def line(index: int) -> str:
            return str(chooser.treatment_list.get_option_at_index(index).prompt)

        # The words, not only the tick's colour, say what is shown and where.
        assert "Exercise therapy  not shown" in line(3)
        await pilot.press("down", "down", "down", "space")
        assert "Exercise therapy  column 4" in line(3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert column_ids(screen) == ["esi", "prp", "stem", "exercise"]
        assert "Columns 1–3 of 4" in status(screen)


async def test_the_chooser_reorders_treatments():
    app = compare_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_comparison(pilot)
        await pilot.press("t")
        await pilot.pause()
        # Move the steroid shot (first in the list) down two places.
        await pilot.press("greater_than_sign", "greater_than_sign", "enter")
        await pilot.pause()
        assert column_ids(screen) == ["prp", "stem", "esi"]


async def test_escape_in_the_chooser_changes_nothing():
    app = compare_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_comparison(pilot)
        await pilot.press("t", "space", "escape")
        await pilot.pause()
        assert app.screen is screen
        assert column_ids(screen) == ["esi", "prp", "stem"]


async def test_the_chooser_keeps_at_least_two_ticked():
    app = compare_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_comparison(pilot)
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("space")  # untick the steroid shot: two left
        await pilot.press("down", "space")  # untick PRP: refused
        await pilot.pause()
        chooser = app.screen
        assert isinstance(chooser, TreatmentChooser)
        assert sorted(chooser.treatment_list.selected) == ["prp", "stem"]
        await pilot.press("enter")
        await pilot.pause()
        assert column_ids(screen) == ["prp", "stem"]


async def test_columns_move_left_and_right_from_the_table():
    app = compare_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_comparison(pilot)
        await pilot.press("right")  # select PRP
        await pilot.press("less_than_sign")
        assert column_ids(screen) == ["prp", "esi", "stem"]
        assert screen.grid.selected[1].id == "prp"  # the selection moves with its column
        await pilot.press("greater_than_sign", "greater_than_sign")
        assert column_ids(screen) == ["esi", "stem", "prp"]


async def test_hiding_columns_stops_at_two():
    app = compare_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_comparison(pilot)
        await pilot.press("x")
        assert column_ids(screen) == ["prp", "stem"]
        await pilot.press("x")
        await pilot.pause()
        assert column_ids(screen) == ["prp", "stem"]
        messages = [n.message for n in app._notifications]
        assert any("at least two treatments" in m for m in messages)


# --------------------------------------------------------- differences only
async def test_differences_only_hides_rows_that_say_the_same():
    app = compare_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_comparison(pilot)
        assert "Recovery" in grid_text(screen.grid)
        await pilot.press("d")
        await pilot.pause()
        assert "recovery" not in row_ids(screen)
        assert row_ids(screen) == ["what", "procedure", "benefit", "risks", "cost"]
        assert "Differences only: 5 of 6 rows" in status(screen)
        assert "Most people go home the same day" not in grid_text(screen.grid)
        await pilot.press("d")
        assert "recovery" in row_ids(screen)


async def test_differences_only_follows_the_chosen_treatments():
    app = compare_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_comparison(pilot)
        await pilot.press("d")
        assert "recovery" not in row_ids(screen)
        # Exercise says something else about recovery: the row comes back.
        await pilot.press("t", "down", "down", "down", "space", "enter")
        await pilot.pause()
        assert "recovery" in row_ids(screen)


# --------------------------------------------------------------- cell detail
async def test_moving_through_cells_shows_the_full_text_and_sources():
    app = compare_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_comparison(pilot)
        detail = screen.detail
        assert "A steroid and a numbing medicine put near the nerve." in detail.text
        assert "Able A, Baker B (2020). Steroid shots for leg pain" in detail.text
        await pilot.press("down", "down", "down", "down", "down", "right")
        await pilot.pause()
        assert screen.grid.selected[0].id == "cost"
        text = " ".join(detail.text.split())
        assert "Cost · Platelet-rich plasma (PRP)" in text
        assert "so ask for a written estimate first." in text
        assert "1. Cole C, Dunn D (2022). A small trial of plasma shots for back pain." in text
        assert "2. Able A, Baker B (2020)." in text


async def test_clicking_a_cell_selects_it_and_shows_its_detail():
    app = compare_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_comparison(pilot)
        grid = screen.grid
        lines = grid_text(grid).splitlines()
        y = next(i for i, line in enumerate(lines) if "Unclear; small trials" in line)
        x = lines[y].index("Unclear")
        await pilot.click(ComparisonGrid, offset=(x, y))
        await pilot.pause()
        assert grid.selected[0].id == "benefit"
        assert grid.selected[1].id == "prp"
        assert "Unclear; small trials disagree." in screen.detail.text


async def test_enter_opens_the_article_at_the_section_the_row_sums_up():
    app = compare_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_comparison(pilot)
        screen.grid.select_ids("risks", "prp")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        view = app.screen.query_one(ArticleView)
        assert view.article_id == "prp"
        assert view.top_anchor == "risks"
        assert visible_text(view).lstrip().startswith("What can go wrong")
        # Back goes to the comparison the article was opened from (issue 13), and then,
        # from the reader, to what was read before it.
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, ComparisonScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("b")
        assert view.article_id == "welcome"


# ---------------------------------------------------------- side by side
async def test_side_by_side_opens_the_selected_column_beside_the_next_at_the_row():
    from spinetui.components.compare.side_by_side import SideBySideScreen

    app = compare_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_comparison(pilot)
        screen.grid.select_ids("benefit", "prp")
        await pilot.press("v")
        await pilot.pause()
        sides = app.screen
        assert isinstance(sides, SideBySideScreen)
        assert (sides.left.article_id, sides.right.article_id) == ("prp", "stem")
        assert sides.left.top_anchor == "benefits" and sides.right.top_anchor == "benefits"
        await pilot.press("escape")
        assert app.screen is screen


async def test_lined_up_sections_follow_the_side_being_read():
    from spinetui.components.compare.side_by_side import SideBySideScreen

    app = compare_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_comparison(pilot)
        await pilot.press("v")
        await pilot.pause()
        sides = app.screen
        assert isinstance(sides, SideBySideScreen)
        left, right = sides.left, sides.right
        assert app.focused is left
        left.scroll_to_anchor("risks")
        await pilot.pause()
        await pilot.pause()
        assert left.top_anchor == "risks"
        assert right.top_anchor == "risks"
        assert visible_text(right).lstrip().startswith("What can go wrong")
        # Tab: the right side leads now.
        await pilot.press("tab")
        assert app.focused is right
        right.scroll_to_anchor("cost")
        await pilot.pause()
        await pilot.pause()
        assert left.top_anchor == "cost"
        # With line-up off each side scrolls on its own.
        await pilot.press("u")
        right.scroll_to_anchor("benefits")
        await pilot.pause()
        await pilot.pause()
        assert right.top_anchor == "benefits"
        assert left.top_anchor == "cost"


async def test_side_by_side_from_the_reader_suggests_the_next_treatment():
    from spinetui.components.compare.article_picker import ArticlePicker
    from spinetui.components.compare.side_by_side import SideBySideScreen

    app = compare_app(start_article="esi")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, ArticlePicker)
        await pilot.press("enter")
        await pilot.pause()
        sides = app.screen
        assert isinstance(sides, SideBySideScreen)
        assert (sides.left.article_id, sides.right.article_id) == ("esi", "prp")
        # r opens the leading side in the normal reader.
        await pilot.press("tab", "r")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.query_one(ArticleView).article_id == "prp"


async def test_changing_one_side_keeps_the_other():
    from spinetui.components.compare.article_picker import ArticlePicker

    app = compare_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_comparison(pilot)
        await pilot.press("v")
        await pilot.pause()
        sides = app.screen
        await pilot.press("tab", "a")
        await pilot.pause()
        assert isinstance(app.screen, ArticlePicker)
        picker_options = app.screen.query_one("OptionList")
        exercise = next(
            i
            for i in range(picker_options.option_count)
            if picker_options.get_option_at_index(i).id == "exercise"
        )
        picker_options.highlighted = exercise
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is sides
        assert (sides.left.article_id, sides.right.article_id) == ("esi", "exercise")


# ----------------------------------------------------------- odd content
async def test_a_guide_without_a_comparison_says_so():
    guide = load_guide(COMPARE_GUIDE)
    guide.comparison = ComparisonTable()
    from spinetui.app import SpineApp

    app = SpineApp(Services(guide))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_comparison(pilot)
        message = str(screen.query_one("#compare-nothing").render())
        assert "no comparison table" in message
        for key in ("d", "t", "x", "v", "enter", "right_square_bracket"):
            await pilot.press(key)
        assert app.screen is screen
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


@pytest.mark.parametrize("name", ["[bold]Shot[/bold]", "[@click=app.quit]Shot[/]"])
async def test_treatment_names_and_cells_are_shown_as_written_never_as_markup(name):
    guide = load_guide(COMPARE_GUIDE)
    guide.comparison = ComparisonTable(
        treatments=(Treatment("a", name, "esi"), Treatment("b", "Other", "prp")),
        attributes=(Attribute("row", "[red]Row[/red]", "risks"),),
        cells={
            ("row", "a"): Cell("[link=x]cell[/link]", ("trial-review",), "[b]odd[/b]"),
            ("row", "b"): Cell("plain", ("no-such-source",)),
        },
    )
    from spinetui.app import SpineApp

    app = SpineApp(Services(guide))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_comparison(pilot)
        text = grid_text(screen.grid)
        assert name in text
        assert "[red]Row[/red]" in text
        assert "[link=x]cell[/link]" in text
        assert "Evidence: [b]odd[/b]" in text
        await pilot.click(ComparisonGrid, offset=(30, 0))
        await pilot.press("right")
        await pilot.pause()
        assert app.is_running
        assert "no-such-source (not in the list of sources)" in screen.detail.text


async def test_differences_only_says_so_when_every_row_is_the_same():
    guide = load_guide(COMPARE_GUIDE)
    same = Cell("The same for both.", ("trial-review",))
    guide.comparison = ComparisonTable(
        treatments=(Treatment("a", "First", "esi"), Treatment("b", "Second", "prp")),
        attributes=(Attribute("one", "One", "risks"), Attribute("two", "Two", "cost")),
        cells={(r, t): same for r in ("one", "two") for t in ("a", "b")},
    )
    from spinetui.app import SpineApp

    app = SpineApp(Services(guide))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_comparison(pilot)
        await pilot.press("d")
        await pilot.pause()
        assert row_ids(screen) == []
        assert "say the same thing on every row" in " ".join(grid_text(screen.grid).split())
        assert "Press d to show all rows" in screen.detail.text
        await pilot.press("enter", "v", "down")  # nothing selected: nothing happens
        assert app.screen is screen
        await pilot.press("d")
        assert row_ids(screen) == ["one", "two"]
