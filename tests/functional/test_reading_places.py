"""Where the reader is: the contents highlight, next/previous links and matches."""

from __future__ import annotations

from spinetui.components.reader.article_view import ArticleView
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
