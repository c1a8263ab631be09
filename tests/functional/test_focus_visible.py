"""The focused pane is clearly marked: an accent bar down its side."""

from __future__ import annotations

from textual.color import Color

from spinetui.components.article.article_view import ArticleView
from spinetui.components.reader.contents_tree import ContentsTree
from tests.functional.helpers import make_app


def has_bar(widget, accent: Color) -> bool:
    edge, colour = widget.styles.border_left
    return edge == "thick" and colour == accent


async def test_the_focused_pane_has_an_accent_bar_and_the_other_none():
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        tree = app.screen.query_one(ContentsTree)
        accent = Color.parse(app.theme_variables["accent"])
        assert app.focused is view
        assert has_bar(view, accent) and not has_bar(tree, accent)
        assert tree.styles.border_left[0] == "blank"
        width = view.scrollable_content_region.width
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is tree
        assert has_bar(tree, accent) and not has_bar(view, accent)
        assert view.scrollable_content_region.width == width  # nothing re-wraps
