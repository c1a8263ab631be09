"""At 60×20 the header keeps the article's title and the comparison compares two columns."""

from __future__ import annotations

from textual.widgets import Static

from spinetui.app import SpineApp
from spinetui.components.compare.comparison_screen import ComparisonScreen
from spinetui.model import bundled_content_dir, load_guide
from spinetui.services import Services


def bundled_app(**kwargs) -> SpineApp:
    return SpineApp(Services(load_guide(bundled_content_dir())), **kwargs)


async def test_the_header_shows_the_article_title_at_60_columns():
    app = bundled_app(start_article="esi")
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        await pilot.pause()
        title = app.guide.articles["esi"].title
        shown = app.screen.query_one("#header-title", Static)
        text = shown.render()
        line = str(text) if not hasattr(text, "plain") else text.plain
        visible = shown.render_line(0).text.strip()
        assert visible.startswith(title[: min(len(title), 10)]), visible
        assert line.startswith(title[:10])


async def test_the_header_shows_both_titles_when_there_is_room():
    app = bundled_app(start_article="esi")
    async with app.run_test(size=(160, 30)) as pilot:
        await pilot.pause()
        await pilot.pause()
        visible = app.screen.query_one("#header-title", Static).render_line(0).text
        assert app.guide.title in visible and app.guide.articles["esi"].title in visible


async def test_the_comparison_shows_two_columns_at_60_columns():
    app = bundled_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ComparisonScreen)
        assert screen.grid.visible_count == 2
        status = str(screen.query_one("#compare-status").render())
        assert "Columns 1–2 of 3" in status
