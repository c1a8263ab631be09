"""Red-team findings 5 and 6 (issue 14): key sequences that made Textual fail.

Each one ended a kiosk after a few repeats, with a traceback on the visitor's screen.
tests/conftest.py sets SPINETUI_STRICT_ERRORS=1, so a failure inside the app fails the
test instead of being caught by the crash guard.
"""

from __future__ import annotations

import pytest

from spinetui.components.compare.side_by_side import SideBySideScreen
from spinetui.components.kiosk.attract_screen import AttractScreen
from spinetui.components.reader.reader_screen import ReaderScreen
from spinetui.kiosk.policy import KioskPolicy
from tests.conftest import FIXTURES
from tests.fixtures.content_builder import article, build
from tests.functional.helpers import make_app

GUIDE = FIXTURES / "reader-guide"


def kiosk(folder):
    return make_app(folder, kiosk=KioskPolicy(enabled=True, attract_seconds=600.0))


def many_articles(tmp_path):
    """Twelve articles with long titles, so the lists have something to page through."""
    articles = {
        f"a{n:02d}.md": article(
            f"a{n:02d}", title=f"Article number {n} with a title long enough to wrap", order=str(n)
        )
        for n in range(12)
    }
    return build(tmp_path / "guide", articles=articles)


@pytest.mark.parametrize(
    ("size", "keys"),
    [
        # The article picker's OptionList has no room at 10x5: paging looked up a line
        # cache that is empty (KeyError).
        ((10, 5), ["v", "a", *["pagedown"] * 6, *["pageup"] * 6]),
        # The command palette's list, 4 rows high (KeyError).
        ((100, 4), ["ctrl+p", "pageup", "pagedown", "pagedown", "pageup"]),
        # 8 columns: the picker's options measured at a width below one (ValueError).
        ((8, 30), ["v", "a", "down", "pagedown"]),
    ],
)
async def test_paging_lists_in_a_tiny_kiosk_does_not_fail(size, keys, tmp_path):
    app = kiosk(many_articles(tmp_path))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, AttractScreen)
        await pilot.press("enter")
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        assert app.is_running
        assert app.return_code is None


async def test_side_by_side_closed_before_its_first_refresh_does_not_fail():
    # Fast key bursts (v, a Enter j, ] c Tab ], Enter, v Enter, Enter) closed the
    # side-by-side screen before the callback that fills its panes had run:
    # NoMatches('#left-article').
    app = make_app(GUIDE)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.push_screen(SideBySideScreen(app.services, "first", "second"))
        app.pop_screen()
        for _ in range(3):
            await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.is_running
