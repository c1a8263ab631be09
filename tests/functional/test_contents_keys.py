"""The contents pane: j/k, Left/Right to fold and unfold, < and > for its width."""

from __future__ import annotations

from spinetui.components.article.article_view import ArticleView
from spinetui.components.reader.contents_tree import ContentsTree
from tests.functional.helpers import make_app


async def test_j_k_left_and_right_move_and_fold_the_contents():
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        tree = app.screen.query_one(ContentsTree)
        await pilot.press("tab")
        assert app.focused is tree
        first = tree.cursor_node
        assert first is not None and first.data.article_id == "first"
        await pilot.press("j")
        assert tree.cursor_node.data.anchor == "early-part"
        await pilot.press("k")
        assert tree.cursor_node is first
        await pilot.press("left")  # fold the open article's headings
        assert not first.is_expanded
        await pilot.press("right")
        assert first.is_expanded
        await pilot.press("right")  # into it
        assert tree.cursor_node.data.anchor == "early-part"
        await pilot.press("left")  # back out to the article
        assert tree.cursor_node is first
        await pilot.press("left", "left", "left")  # fold it, go to its section, fold that
        section = first.parent
        assert tree.cursor_node is section and not section.is_expanded
        await pilot.press("right")
        assert section.is_expanded


async def test_less_and_greater_than_make_the_contents_narrower_and_wider():
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        tree = app.screen.query_one(ContentsTree)
        view = app.screen.query_one(ArticleView)
        before = tree.outer_size.width
        await pilot.press("greater_than_sign")
        await pilot.pause()
        assert tree.outer_size.width == before + 4
        await pilot.press("less_than_sign", "less_than_sign")
        await pilot.pause()
        assert tree.outer_size.width == before - 4
        assert view.article_id == "first"
        for _ in range(20):
            await pilot.press("less_than_sign")
        await pilot.pause()
        assert tree.outer_size.width == 16
