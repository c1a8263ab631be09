"""The header says how far through the article the reader is."""

from __future__ import annotations

from textual.widgets import Static

from spinetui.components.article.article_view import ArticleView
from tests.functional.helpers import make_app


def progress(app) -> str:
    return str(app.screen.query_one("#header-progress", Static).render())


async def test_the_header_shows_the_part_and_the_percentage_read():
    app = make_app(start_article="third")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        parts = sum(1 for h in view.document.headings if h.level == 2)
        start = progress(app)
        assert start.endswith("%") and "Part" not in start  # above the first part
        view.scroll_to_anchor("part-5")
        await pilot.pause()
        assert f"Part 5 of {parts}" in progress(app)
        middle = int(progress(app).rsplit(" ", 1)[-1].rstrip("%"))
        assert 0 < middle < 100
        await pilot.press("end")
        await pilot.pause()
        assert progress(app).endswith("100%")


async def test_a_short_article_shows_the_percentage_only():
    app = make_app(start_article="second")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        text = progress(app)
        assert text.endswith("100%")
