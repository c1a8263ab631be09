"""Side by side draws both articles in its first frame, not a blank one."""

from __future__ import annotations

from spinetui.components.compare.side_by_side import SideBySideScreen
from tests.conftest import FIXTURES
from tests.functional.helpers import make_app, visible_text


async def test_both_articles_are_there_as_soon_as_the_screen_is_shown():
    app = make_app(FIXTURES / "compare-guide")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = SideBySideScreen(app.services, "esi", "prp", anchor="risks")
        await app.push_screen(screen)
        # No pause: what the first frame draws.
        assert screen.left.article_id == "esi" and screen.right.article_id == "prp"
        await pilot.pause()
        assert visible_text(screen.left).strip() and visible_text(screen.right).strip()
        assert screen.left.top_anchor == "risks" and screen.right.top_anchor == "risks"
