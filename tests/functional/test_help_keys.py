"""The help screen: every key by its name, the current screen's keys first, and it
scrolls with the keys that scroll an article."""

from __future__ import annotations

from rich.console import Console

from spinetui.components.article.article_view import ArticleView
from spinetui.components.help_screen import HelpScreen
from tests.conftest import FIXTURES
from tests.functional.helpers import make_app


def help_text(screen: HelpScreen) -> str:
    console = Console(width=200, record=True)
    console.print(screen.table)
    return console.export_text()


def first_section(text: str) -> str:
    return text.strip().splitlines()[0].strip()


async def test_help_names_every_key_as_people_write_it():
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        text = help_text(app.screen)
        for name in ("Backspace", "Alt+←", "Alt+→", "Ctrl+←", "F1", "Tab", "Shift+Tab", "Ctrl+P"):
            assert name in text, name
        for raw in ("ctrl+p", "shift+tab", "question_mark", " tab "):
            assert raw not in text, raw
        assert "Unlike less" in text and "g opens the glossary" in text
        assert first_section(text) == "Reading an article"


async def test_help_from_the_comparison_starts_with_the_comparison_keys():
    app = make_app(FIXTURES / "compare-guide")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert first_section(help_text(app.screen)) == "Comparing treatments"


async def test_help_scrolls_with_j_k_and_space_and_h_closes_it():
    app = make_app()
    async with app.run_test(size=(80, 16)) as pilot:
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HelpScreen)
        scroller = screen.scroller
        await pilot.press("j")
        await pilot.pause()
        assert scroller.scroll_y == 1
        await pilot.press("space")
        await pilot.pause()
        assert scroller.scroll_y > 2
        await pilot.press("k")
        await pilot.press("G")
        await pilot.pause()
        assert scroller.scroll_y == scroller.max_scroll_y
        await pilot.press("h")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_less_keys_move_through_an_article():
    app = make_app(start_article="third")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        height = view.scrollable_content_region.height
        await pilot.press("d")
        assert round(view.scroll_offset.y) == height // 2
        await pilot.press("u")
        assert round(view.scroll_offset.y) == 0
        await pilot.press("G")
        await pilot.pause()
        assert round(view.scroll_offset.y) == view.max_scroll_y > 0


async def test_ctrl_arrows_go_back_and_forward():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        await pilot.press("right_square_bracket")
        assert view.article_id == "second"
        await pilot.press("ctrl+left")
        assert view.article_id == "first"
        await pilot.press("ctrl+right")
        assert view.article_id == "second"
