"""The comparison keeps its columns, cell and differences mode while the app runs, and
b from an article opened from it goes back to it."""

from __future__ import annotations

from spinetui.components.article.article_view import ArticleView
from spinetui.components.compare.comparison_screen import ComparisonScreen
from spinetui.components.reader.reader_screen import ReaderScreen
from spinetui.kiosk.policy import KioskPolicy
from tests.conftest import FIXTURES
from tests.functional.helpers import make_app

COMPARE_GUIDE = FIXTURES / "compare-guide"


def state(screen: ComparisonScreen) -> tuple:
    attribute, treatment = screen.grid.selected
    return (
        tuple(t.id for t in screen.grid.treatments),
        screen.differences_only,
        attribute.id,
        treatment.id,
    )


async def _set_up(pilot) -> tuple:
    await pilot.press("c")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ComparisonScreen)
    await pilot.press("x")  # hide the first column
    await pilot.press("down", "down", "right")
    await pilot.press("d")
    await pilot.pause()
    return state(screen)


async def test_closing_and_reopening_the_comparison_keeps_its_state():
    app = make_app(COMPARE_GUIDE, start_article="esi")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        before = await _set_up(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("c")
        await pilot.pause()
        assert state(app.screen) == before


async def test_b_from_an_article_opened_from_the_comparison_goes_back_to_it():
    app = make_app(COMPARE_GUIDE, start_article="esi")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        before = await _set_up(pilot)
        article = app.screen.grid.selected[1].article
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.query_one(ArticleView).article_id == article
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, ComparisonScreen)
        assert state(app.screen) == before
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("b")  # now the reader's own history
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.query_one(ArticleView).article_id == "esi"


async def test_a_kiosk_reset_forgets_the_comparison_state():
    app = make_app(COMPARE_GUIDE, kiosk=KioskPolicy(enabled=True, attract_seconds=600.0))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.reset_session()
        await pilot.pause()
        reader = next(s for s in app.screen_stack if isinstance(s, ReaderScreen))
        reader.comparison_state = "something"
        await app.reset_session()
        await pilot.pause()
        reader = next(s for s in app.screen_stack if isinstance(s, ReaderScreen))
        assert reader.comparison_state is None
