"""Reopening an article returns to where the reader left it during this visit."""

from __future__ import annotations

from spinetui.components.article.article_view import ArticleView
from spinetui.components.navigation import OpenArticle
from spinetui.components.reader.contents_tree import ContentsTree
from tests.functional.helpers import make_app


async def test_brackets_contents_and_jumps_return_to_the_place_left():
    app = make_app(start_article="second")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        await pilot.press("right_square_bracket")
        assert view.article_id == "third"
        await pilot.press("pagedown", "pagedown", "pagedown")
        place = round(view.scroll_offset.y)
        assert place > 0
        await pilot.press("left_square_bracket")
        assert view.article_id == "second"
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert view.article_id == "third" and round(view.scroll_offset.y) == place
        # From the contents.
        await pilot.press("left_square_bracket")
        tree = app.screen.query_one(ContentsTree)
        tree.focus()
        tree.move_cursor(tree._article_nodes["third"])
        await pilot.press("enter")
        await pilot.pause()
        assert view.article_id == "third" and round(view.scroll_offset.y) == place
        # From search or the palette (the same way in).
        await pilot.press("tab")
        await pilot.press("left_square_bracket")
        app.post_message(OpenArticle("third"))
        await pilot.pause()
        assert round(view.scroll_offset.y) == place
        # A heading asked for still wins.
        app.post_message(OpenArticle("third", "part-2"))
        await pilot.pause()
        assert view.top_anchor == "part-2"
