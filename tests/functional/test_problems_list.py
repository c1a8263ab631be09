"""The problems screen shows each message in full, End goes to the last problem, and a
reader is told at start-up that problems exist."""

from __future__ import annotations

from textual.widgets import OptionList

from spinetui.app import SpineApp
from spinetui.components.problems_screen import ProblemsScreen
from spinetui.kiosk.policy import KioskPolicy
from spinetui.model import load_guide
from spinetui.model.loader import load_guide_quickly
from spinetui.services import Services
from tests.conftest import FIXTURES

BROKEN = FIXTURES / "broken"


def notices(app) -> list[str]:
    return [n.message for n in app._notifications]


async def test_long_messages_are_shown_in_full_and_end_goes_to_the_last():
    guide = load_guide(BROKEN)
    app = SpineApp(Services(guide))
    async with app.run_test(size=(60, 30)) as pilot:
        await pilot.pause()
        await pilot.press("exclamation_mark")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProblemsScreen)
        listing = screen.query_one(OptionList)
        longest = max(guide.problems, key=lambda p: len(p.message))
        assert len(longest.message) > 60
        lines = [listing.render_line(y).text for y in range(listing.virtual_size.height)]
        # Scroll through the list and gather what is drawn, wrapped to 60 columns.
        drawn = ""
        for offset in range(0, listing.virtual_size.height, listing.size.height):
            listing.scroll_to(y=offset, animate=False, immediate=True)
            await pilot.pause()
            drawn += " " + " ".join(
                listing.render_line(y).text.strip() for y in range(listing.size.height)
            )
        assert " ".join(longest.message.split()) in " ".join(drawn.split())
        assert all(len(line) <= 60 for line in lines)
        await pilot.press("end")
        await pilot.pause()
        assert listing.highlighted == listing.option_count - 1
        assert listing.scroll_x == 0


async def test_start_up_says_that_the_content_has_problems():
    app = SpineApp(Services(load_guide_quickly(BROKEN)))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.services.completed_guide()
        for _ in range(5):
            await pilot.pause()
        assert any("problem" in n and "Press !" in n for n in notices(app)), notices(app)


async def test_a_kiosk_visitor_is_not_told_about_problems():
    app = SpineApp(Services(load_guide(BROKEN)), kiosk=KioskPolicy(enabled=True))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert not any("problem" in n for n in notices(app))
