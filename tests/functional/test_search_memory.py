"""Search keeps its query and results when opened again, and opening a result marks
the words searched for in the article, with n / N between them."""

from __future__ import annotations

from spinetui.components.article.article_view import ArticleView
from spinetui.components.find.search_screen import SearchScreen
from spinetui.components.reader.reader_screen import ReaderScreen
from tests.functional.helpers import make_app


async def open_search(app, pilot) -> SearchScreen:
    await pilot.press("s")
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(app.screen, SearchScreen)
    return app.screen


def marked(view: ArticleView) -> list[str]:
    layout = view.layout_now
    return [layout.plain(h.y)[h.x0 : h.x1] for marks in view._highlights.values() for h in marks]


async def test_search_remembers_its_query_and_chosen_result():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = await open_search(app, pilot)
        await pilot.press(*"nerve")
        await pilot.pause()
        assert len(screen.outcome.results) >= 2
        await pilot.press("down")
        chosen = screen.chosen
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        screen = await open_search(app, pilot)
        assert screen.text == "nerve"
        assert screen.chosen == chosen


async def test_opening_a_result_marks_the_words_and_n_moves_between_them():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = await open_search(app, pilot)
        await pilot.press(*"backs")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        view = app.screen.query_one(ArticleView)
        assert view.article_id == "third"
        words = marked(view)
        assert len(words) > 3 and all(w.lower().startswith("backs") for w in words)
        await pilot.press("n")
        reader = app.screen
        first = reader._word_mark
        assert first is not None and view.line_in_view(reader._word_marks[first].y)
        await pilot.press("n")
        assert reader._word_mark == first + 1
        await pilot.press("escape")  # clears the marks
        assert marked(view) == []
        # Typing replaces the remembered query.
        screen = await open_search(app, pilot)
        assert screen.text == "backs"
        await pilot.press(*"cost")
        await pilot.pause()
        assert screen.text == "cost"
