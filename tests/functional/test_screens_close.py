"""q closes the screen it is pressed on (it quits only from the reader); nothing is lost."""

from __future__ import annotations

from spinetui.components.article.article_view import ArticleView
from spinetui.components.compare.chooser import TreatmentChooser
from spinetui.components.compare.comparison_screen import ComparisonScreen
from spinetui.components.compare.side_by_side import SideBySideScreen
from spinetui.components.reader.reader_screen import ReaderScreen
from tests.conftest import FIXTURES
from tests.functional.helpers import make_app

COMPARE_GUIDE = FIXTURES / "compare-guide"


async def test_q_closes_the_comparison_screens_one_at_a_time_and_keeps_the_reader_place():
    app = make_app(COMPARE_GUIDE, start_article="esi")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        await pilot.press("pagedown")
        place = round(view.scroll_offset.y)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ComparisonScreen)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TreatmentChooser)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ComparisonScreen)
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, SideBySideScreen)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ComparisonScreen)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.is_running and app.return_code is None
        assert view.article_id == "esi" and round(view.scroll_offset.y) == place
        await pilot.press("q")  # on the reader, q quits
        await pilot.pause()
        assert app.return_code == 0 or not app.is_running
