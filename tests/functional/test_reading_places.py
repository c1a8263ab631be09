"""Where the reader is: the contents highlight, next/previous links and matches."""

from __future__ import annotations

from spinetui.components.article.article_view import ArticleView
from spinetui.components.reader.contents_tree import ContentsTree
from tests.functional.helpers import make_app


def _highlighted(app) -> tuple[str | None, str | None]:
    node = app.screen.query_one(ContentsTree).cursor_node
    assert node is not None and node.data is not None
    return node.data.article_id, node.data.anchor


async def test_the_contents_highlight_the_article_opened_with_brackets():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert _highlighted(app) == ("first", None)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert _highlighted(app) == ("second", None)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert _highlighted(app) == ("third", None)
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert _highlighted(app) == ("second", None)


async def test_the_contents_highlight_follows_the_section_in_view():
    app = make_app(start_article="third")
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        view.scroll_to_anchor("part-5")
        await pilot.pause()
        assert _highlighted(app) == ("third", "part-5")
        await pilot.press("home")
        await pilot.pause()
        assert _highlighted(app)[0] == "third"
        assert _highlighted(app)[1] in (None, "third-article")


async def _scrolled_far_down(pilot, view: ArticleView) -> int:
    view.scroll_to(y=view.virtual_size.height // 2, animate=False, immediate=True, force=True)
    await pilot.pause()
    return round(view.scroll_offset.y)


async def test_next_link_goes_to_the_first_link_on_screen_not_back_to_the_top():
    app = make_app(start_article="third")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        await pilot.press("l")
        assert view.selected_target is not None
        first_y = view.selected_target.y
        top = await _scrolled_far_down(pilot, view)
        await pilot.press("l")
        selected = view.selected_target
        assert selected is not None and selected.y > first_y
        assert view.line_in_view(selected.y), (selected.y, top)
        assert round(view.scroll_offset.y) == top  # nothing moved: it was on screen
        await pilot.press("L")
        assert view.selected_target is not None and view.selected_target.y < selected.y


async def test_previous_link_after_scrolling_stays_near_what_is_on_screen():
    app = make_app(start_article="third")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        await pilot.press("l")
        top = await _scrolled_far_down(pilot, view)
        await pilot.press("L")
        selected = view.selected_target
        assert selected is not None and view.line_in_view(selected.y)
        assert round(view.scroll_offset.y) == top


async def test_next_match_goes_to_the_first_match_on_screen_after_scrolling():
    app = make_app(start_article="third")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        await pilot.press("slash", *"backs", "enter")
        bar = app.screen.find_bar
        assert bar is not None and bar.current is not None
        first = bar.matches[bar.current].y
        view.focus()
        top = await _scrolled_far_down(pilot, view)
        await pilot.press("n")
        assert bar.current is not None
        y = bar.matches[bar.current].y
        assert y > first and view.line_in_view(y)
        assert round(view.scroll_offset.y) == top
        await pilot.press("N")
        assert view.line_in_view(bar.matches[bar.current].y)
