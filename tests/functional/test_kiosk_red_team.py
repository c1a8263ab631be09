"""Red-team findings (issue 14) about what a kiosk keeps and allows, with Pilot."""

from __future__ import annotations

import pytest

from spinetui.components.find.search_screen import SearchScreen
from tests.functional.helpers import make_app
from tests.functional.test_kiosk import kiosk_app, start_reading, visit_then_start_over

OSC_52 = "\x1b]52;"


def record_terminal_writes(app) -> list[str]:
    written: list[str] = []
    write = app._driver.write

    def recording_write(data: str) -> None:
        written.append(data)
        write(data)

    app._driver.write = recording_write
    return written


@pytest.mark.parametrize("key", ["ctrl+c", "ctrl+x"])
async def test_copied_text_never_reaches_the_terminal_clipboard_and_is_forgotten(key):
    # Finding 1: Shift+Home then Ctrl+C (or Ctrl+X) in the search box sent the text to
    # the terminal's clipboard (OSC 52), where the next visitor could paste it.
    app = kiosk_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start_reading(app, pilot)
        written = record_terminal_writes(app)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"sciatica", "shift+home", key)
        await pilot.pause()
        assert not any(OSC_52 in data for data in written)
        assert app.clipboard == "sciatica"  # still pastes inside the app
        await visit_then_start_over(app, pilot)
        assert app.clipboard == ""
    assert not any(OSC_52 in data for data in written)


async def test_outside_kiosk_mode_copying_still_reaches_the_terminal_clipboard():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        written = record_terminal_writes(app)
        app.copy_to_clipboard("mine")
        assert any(OSC_52 in data for data in written)


async def test_a_served_kiosk_asks_for_no_pin_and_says_where_to_stop_it():
    from textual.widgets import Input

    from spinetui.components.kiosk.pin_prompt import SERVED_MESSAGE, PinPrompt
    from tests.functional.test_kiosk import PIN_HASH

    app = kiosk_app(pin_hash=PIN_HASH, served=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await start_reading(app, pilot)
        await pilot.press("ctrl+k", "ctrl+x")
        await pilot.pause()
        assert isinstance(app.screen, PinPrompt)
        assert not app.screen.query(Input)
        message = str(app.screen.query_one("#pin-message").render())
        assert message == SERVED_MESSAGE


async def test_the_palette_answers_on_a_long_name_and_the_idle_reset_still_fires(tmp_path):
    # Finding 2: a 260-character comparison row label and twenty "e"s took Textual's
    # matcher past 4 GB; the kiosk froze and could not start over.
    from textual.command import CommandPalette
    from textual.widgets import OptionList

    from spinetui.components.kiosk.attract_screen import AttractScreen
    from spinetui.kiosk.policy import KioskPolicy
    from tests.fixtures.content_builder import COMPARISON, build
    from tests.functional.test_kiosk import go_idle, use_fake_clock
    from tests.unit.test_fuzzy import LONG_LABEL

    comparison = COMPARISON.replace("label: Cost", f"label: {LONG_LABEL}")
    folder = build(tmp_path / "guide", comparison=comparison)
    app = make_app(folder, kiosk=KioskPolicy(enabled=True, attract_seconds=600.0))
    async with app.run_test(size=(120, 40)) as pilot:
        await start_reading(app, pilot)
        clock = use_fake_clock(app)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"e" * 20)
        await app.workers.wait_for_complete()
        await pilot.pause(0.1)
        await app.workers.wait_for_complete()
        await pilot.pause()
        listed = [str(o.prompt) for o in app.screen.query_one(OptionList).options]
        assert any(LONG_LABEL in prompt for prompt in listed)
        await go_idle(app, pilot, clock, app.kiosk.idle_seconds + app.kiosk.notice_seconds + 1)
        assert isinstance(app.screen, AttractScreen)
