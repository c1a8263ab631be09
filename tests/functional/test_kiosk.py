"""Kiosk mode with Pilot: no way out for a visitor, the admin PIN, idle reset, privacy.

The idle clock is driven by a fake clock (`FakeClock`), so the notice and the reset
are stepped through without waiting; one test runs the real clock with a short idle
time to show the timer is wired up.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input, Static

from spinetui.components.article.article_view import ArticleView
from spinetui.components.kiosk.attract_screen import START_PROMPT, AttractScreen
from spinetui.components.kiosk.idle_notice import StillReadingNotice
from spinetui.components.kiosk.pin_prompt import PinPrompt
from spinetui.components.reader.reader_screen import ReaderScreen
from spinetui.kiosk.pin import hash_pin
from spinetui.kiosk.policy import ADMIN_EXIT_STATUS, KioskPolicy
from tests.functional.helpers import make_app, until, visible_text

PIN = "2468"
# A cheap scrypt cost keeps these tests quick; the format and the check are the same.
PIN_HASH = hash_pin(PIN, n=2**10)
SIZE = (120, 40)
ESCAPE_KEYS = ["ctrl+q", "ctrl+c", "ctrl+z", "ctrl+backslash", "q", "escape"]


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def kiosk_app(**policy):
    settings = {"enabled": True, "attract_seconds": 600.0, "pin_hash": PIN_HASH}
    settings.update(policy)
    return make_app(kiosk=KioskPolicy(**settings))


async def start_reading(app, pilot) -> ReaderScreen:
    """Wake the start screen, as a visitor would, and return the reader under it."""
    await pilot.pause()
    assert isinstance(app.screen, AttractScreen)
    await pilot.press("space")
    await pilot.pause()
    assert isinstance(app.screen, ReaderScreen)
    return app.screen


def use_fake_clock(app) -> FakeClock:
    clock = FakeClock()
    app.kiosk_session.watch.clock = clock
    app.kiosk_session.throttle.clock = clock
    app.kiosk_session.watch.touch()
    return clock


async def go_idle(app, pilot, clock: FakeClock, seconds: float) -> None:
    clock.advance(seconds)
    await app.kiosk_session.tick()
    await pilot.pause()
    # A screen the tick opened (the notice, the start screen) may not have composed in
    # that one pause on a loaded machine; the test is about to read it.
    await until(pilot, lambda: app.screen.is_mounted, "the screen never finished mounting")


async def tap(app, pilot, x: int = 5, y: int = 5) -> None:
    """Press and release the mouse (or a finger) at x, y, as the terminal reports it.

    Sent to the app like the driver does; Pilot's own click skips App.on_event, where
    the kiosk sees input.
    """
    for kind in (events.MouseDown, events.MouseUp):
        app.post_message(kind(None, x, y, 0, 0, 1, False, False, False, screen_x=x, screen_y=y))
        await pilot.pause()


def static_text(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


# ------------------------------------------------------------------ no way out
async def test_kiosk_starts_on_the_start_screen_and_any_key_starts_reading():
    app = kiosk_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, AttractScreen)
        assert START_PROMPT in static_text(app.screen, "#attract-prompt")
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        view = app.screen.query_one(ArticleView)
        assert view.article_id == "first"
        # The key that woke the screen did nothing else: no find bar, same article.
        assert app.screen.find_bar is None


async def test_a_tap_on_the_start_screen_starts_reading():
    app = kiosk_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await tap(app, pilot)
        assert isinstance(app.screen, ReaderScreen)


@pytest.mark.parametrize("key", ESCAPE_KEYS)
async def test_quit_suspend_and_interrupt_keys_do_nothing_in_kiosk_mode(key):
    app = kiosk_app()
    async with app.run_test(size=SIZE) as pilot:
        reader = await start_reading(app, pilot)
        for _ in range(3):
            await pilot.press(key)
            await pilot.pause()
        assert app.is_running
        assert app.return_code is None
        assert app.screen is reader


@pytest.mark.parametrize("key", ["ctrl+q", "q"])
async def test_outside_kiosk_mode_the_same_keys_quit(key):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        assert not app.is_running


async def test_quit_keys_do_nothing_on_the_start_screen_either():
    app = kiosk_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in ESCAPE_KEYS:
            await pilot.press(key)
            await pilot.pause()
            # The key woke the start screen; the visitor is reading, the app runs on.
            assert app.is_running
            assert isinstance(app.screen, ReaderScreen)
            await app.kiosk_session.start_over()
            await pilot.pause()


async def test_the_footer_offers_no_quit_key_in_kiosk_mode():
    from spinetui.components.footer import SpineFooter

    app = kiosk_app()
    async with app.run_test(size=SIZE) as pilot:
        reader = await start_reading(app, pilot)
        await pilot.pause()
        descriptions = [item.description for item in reader.query_one(SpineFooter).items]
        assert descriptions, "the footer shows keys"
        assert "Quit" not in descriptions


async def test_the_palette_offers_no_system_commands_in_kiosk_mode():
    app = kiosk_app()
    async with app.run_test(size=SIZE) as pilot:
        reader = await start_reading(app, pilot)
        assert list(app.get_system_commands(reader)) == []
    personal = make_app()
    async with personal.run_test(size=SIZE) as pilot:
        await pilot.pause()
        titles = [command.title for command in personal.get_system_commands(personal.screen)]
        assert "Quit" in titles  # what kiosk mode takes away


async def palette_prompts(app, pilot, text: str) -> list[str]:
    """What the command palette lists after typing `text`."""
    from textual.command import CommandPalette
    from textual.widgets import OptionList

    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(app.screen, CommandPalette)
    await pilot.press(*text)
    await app.workers.wait_for_complete()
    await pilot.pause(0.1)
    await app.workers.wait_for_complete()
    await pilot.pause()
    return [str(option.prompt) for option in app.screen.query_one(OptionList).options]


async def test_the_palette_finds_no_quit_or_screenshot_command_in_kiosk_mode():
    personal = make_app()
    async with personal.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert any("Quit" in prompt for prompt in await palette_prompts(personal, pilot, "quit"))
    app = kiosk_app()
    async with app.run_test(size=SIZE) as pilot:
        await start_reading(app, pilot)
        assert not any("Quit" in prompt for prompt in await palette_prompts(app, pilot, "quit"))
        await pilot.press("escape")
        prompts = await palette_prompts(app, pilot, "screenshot")
        assert not any("Screenshot" in prompt for prompt in prompts)


async def test_links_never_open_and_screenshots_are_refused_in_kiosk_mode():
    app = kiosk_app()
    async with app.run_test(size=SIZE) as pilot:
        await start_reading(app, pilot)
        opened = []
        app._driver.open_url = lambda url, new_tab=True: opened.append(url)
        app.open_url("https://example.org/")
        assert opened == []
        with pytest.raises(PermissionError):
            app.save_screenshot()
        assert app.deliver_screenshot() is None
        assert await app.run_action("screenshot") is False
        assert await app.run_action("suspend_process") is False


# ------------------------------------------------------------------ admin exit
async def test_the_admin_chord_and_the_right_pin_close_the_kiosk():
    app = kiosk_app()
    async with app.run_test(size=SIZE) as pilot:
        await start_reading(app, pilot)
        await pilot.press("ctrl+k", "ctrl+x")
        await pilot.pause()
        assert isinstance(app.screen, PinPrompt)
        await pilot.press(*PIN, "enter")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == ADMIN_EXIT_STATUS


async def test_a_wrong_pin_does_not_close_and_the_next_try_waits_longer():
    app = kiosk_app()
    async with app.run_test(size=SIZE) as pilot:
        await start_reading(app, pilot)
        clock = use_fake_clock(app)
        await pilot.press("ctrl+k", "ctrl+x")
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, PinPrompt)
        await pilot.press(*"1111", "enter")
        await pilot.pause()
        assert app.is_running
        assert "Wrong PIN. Waiting 1 s before the next try." in prompt.status_text
        assert not prompt.query_one(Input).disabled  # typing during the wait is kept
        # The right PIN during the wait is not even checked.
        assert prompt.try_pin(PIN) is False
        assert app.is_running
        clock.advance(1)
        prompt._refresh_wait()
        await pilot.pause()
        assert "try again now" in prompt.status_text
        assert prompt.try_pin("2222") is False
        assert "Waiting 2 s" in prompt.status_text
        clock.advance(2)
        assert prompt.try_pin("3333") is False
        assert "Waiting 4 s" in prompt.status_text
        # Closing and reopening the prompt does not clear the wait.
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("ctrl+k", "ctrl+x")
        await pilot.pause()
        assert "Waiting 4 s" in app.screen.status_text
        clock.advance(4)
        assert app.screen.try_pin(PIN) is True
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == ADMIN_EXIT_STATUS


async def test_digits_typed_during_the_wait_are_kept_and_enter_tries_them_after_it():
    app = kiosk_app()
    async with app.run_test(size=SIZE) as pilot:
        await start_reading(app, pilot)
        clock = use_fake_clock(app)
        await pilot.press("ctrl+k", "ctrl+x")
        await pilot.pause()
        prompt = app.screen
        await pilot.press(*"1111", "enter")
        await pilot.pause()
        box = prompt.query_one(Input)
        assert "Waiting" in prompt.status_text and "type meanwhile" in prompt.status_text
        await pilot.press(*PIN[:2])
        prompt._refresh_wait()  # the countdown ticks while the admin types
        await pilot.press(*PIN[2:])
        await pilot.pause()
        assert box.value == PIN and app.focused is box
        await pilot.press("enter")  # too early: kept, not tried
        await pilot.pause()
        assert box.value == PIN and app.is_running and "Waiting" in prompt.status_text
        clock.advance(1)
        prompt._refresh_wait()
        await pilot.pause()
        assert app.focused is box and box.value == PIN
        await pilot.press("enter")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == ADMIN_EXIT_STATUS


async def test_without_a_pin_the_prompt_says_how_to_stop_the_kiosk():
    app = kiosk_app(pin_hash=None)
    async with app.run_test(size=SIZE) as pilot:
        await start_reading(app, pilot)
        await pilot.press("ctrl+k", "ctrl+x")
        await pilot.pause()
        assert isinstance(app.screen, PinPrompt)
        message = static_text(app.screen, "#pin-message")
        assert "No admin PIN is set" in message
        assert "systemctl stop" in message
        assert not app.screen.query(Input)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.is_running


async def test_the_chord_must_be_pressed_in_order():
    app = kiosk_app()
    async with app.run_test(size=SIZE) as pilot:
        await start_reading(app, pilot)
        await pilot.press("ctrl+x", "ctrl+k", "j", "ctrl+x")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)


async def test_the_admin_chord_does_nothing_outside_kiosk_mode():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+k", "ctrl+x")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)


# ------------------------------------------------------------------ idle reset
async def test_idle_shows_still_reading_and_any_key_keeps_the_session():
    app = kiosk_app(idle_seconds=90, notice_seconds=15)
    async with app.run_test(size=SIZE) as pilot:
        reader = await start_reading(app, pilot)
        clock = use_fake_clock(app)
        await pilot.press("right_square_bracket")
        await go_idle(app, pilot, clock, 89)
        assert app.screen is reader
        await go_idle(app, pilot, clock, 2)
        notice = app.screen
        assert isinstance(notice, StillReadingNotice)
        assert "Still reading?" in static_text(notice, "#notice-title")
        assert "in 14 seconds" in static_text(notice, "#notice-countdown")
        await go_idle(app, pilot, clock, 10)
        assert "in 4 seconds" in static_text(notice, "#notice-countdown")
        await pilot.press("j")
        await pilot.pause()
        assert app.screen is reader
        assert reader.query_one(ArticleView).article_id == "second"
        # The key only answered the notice; it did not scroll.
        assert reader.query_one(ArticleView).scroll_offset.y == 0
        await go_idle(app, pilot, clock, 60)
        assert app.screen is reader


async def test_a_tap_on_the_notice_keeps_the_session():
    app = kiosk_app(idle_seconds=90, notice_seconds=15)
    async with app.run_test(size=SIZE) as pilot:
        reader = await start_reading(app, pilot)
        clock = use_fake_clock(app)
        await go_idle(app, pilot, clock, 95)
        assert isinstance(app.screen, StillReadingNotice)
        await tap(app, pilot, 3, 3)
        assert app.screen is reader
        await go_idle(app, pilot, clock, 30)
        assert app.screen is reader


async def test_nobody_answering_the_notice_starts_over_on_the_start_screen():
    app = kiosk_app(idle_seconds=90, notice_seconds=15)
    async with app.run_test(size=SIZE) as pilot:
        reader = await start_reading(app, pilot)
        clock = use_fake_clock(app)
        await go_idle(app, pilot, clock, 95)
        assert isinstance(app.screen, StillReadingNotice)
        await go_idle(app, pilot, clock, 11)
        assert isinstance(app.screen, AttractScreen)
        assert reader not in app.screen_stack
        # The start screen waits for the next visitor however long it takes.
        await go_idle(app, pilot, clock, 1000)
        assert isinstance(app.screen, AttractScreen)


async def visit_then_start_over(app, pilot) -> ReaderScreen:
    """Let the idle clock run out, then wake the start screen as the next visitor."""
    clock = use_fake_clock(app)
    await go_idle(app, pilot, clock, app.kiosk.idle_seconds + app.kiosk.notice_seconds + 1)
    assert isinstance(app.screen, AttractScreen)
    await pilot.press("space")
    await pilot.pause()
    assert isinstance(app.screen, ReaderScreen)
    return app.screen


async def test_starting_over_forgets_history_and_scroll_position():
    app = kiosk_app()
    async with app.run_test(size=(100, 24)) as pilot:
        reader = await start_reading(app, pilot)
        await pilot.press("right_square_bracket", "right_square_bracket")  # third article
        await pilot.press("pagedown", "pagedown")
        view = reader.query_one(ArticleView)
        assert view.article_id == "third" and view.scroll_offset.y > 0
        assert reader.history.can_go_back
        fresh = await visit_then_start_over(app, pilot)
        assert fresh is not reader
        view = fresh.query_one(ArticleView)
        assert view.article_id == "first"
        assert view.scroll_offset.y == 0
        assert "Welcome to the first article" in visible_text(view)
        assert not fresh.history.can_go_back
        await pilot.press("b")  # nothing to go back to
        assert view.article_id == "first"


async def test_starting_over_never_paints_the_last_visitors_reader():
    # The first reader is the bottom screen: once the screens over it are closed it
    # would be the one shown, with the last visitor's article, until the fresh one is in.
    app = kiosk_app()
    async with app.run_test(size=SIZE) as pilot:
        reader = await start_reading(app, pilot)
        await pilot.press("right_square_bracket", "question_mark")  # an article, then help
        await pilot.pause()
        painted: list[object] = []
        display = app._display

        def spy(screen, renderable) -> None:
            if renderable is not None and not app._batch_count:  # what reaches the terminal
                painted.append(screen)
            display(screen, renderable)

        app._display = spy
        await visit_then_start_over(app, pilot)
        assert painted, "nothing was painted at all"
        assert reader not in painted


async def test_starting_over_forgets_the_find_text():
    app = kiosk_app()
    async with app.run_test(size=SIZE) as pilot:
        reader = await start_reading(app, pilot)
        await pilot.press("slash")
        await pilot.pause()
        await pilot.press(*"article")
        await pilot.pause()
        assert reader.find_bar is not None and reader.find_bar.text == "article"
        fresh = await visit_then_start_over(app, pilot)
        assert fresh.find_bar is None
        await pilot.press("slash")
        await pilot.pause()
        assert fresh.find_bar is not None and fresh.find_bar.text == ""


async def test_starting_over_forgets_the_search_text():
    from spinetui.components.find.search_screen import SearchScreen

    app = kiosk_app()
    async with app.run_test(size=SIZE) as pilot:
        await start_reading(app, pilot)
        await pilot.press("s")
        await pilot.pause()
        search = app.screen
        assert isinstance(search, SearchScreen)
        await pilot.press(*"numb")
        await pilot.pause()
        assert search.text == "numb"
        await visit_then_start_over(app, pilot)
        assert search not in app.screen_stack
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        assert app.screen is not search
        assert app.screen.text == ""


async def test_starting_over_forgets_the_comparison_choices():
    from spinetui.components.compare.comparison_screen import ComparisonScreen

    app = make_app(
        folder=Path(__file__).parents[1] / "fixtures" / "compare-guide",
        kiosk=KioskPolicy(enabled=True, attract_seconds=600.0),
    )
    async with app.run_test(size=SIZE) as pilot:
        await start_reading(app, pilot)
        await pilot.press("c")
        await pilot.pause()
        compare = app.screen
        assert isinstance(compare, ComparisonScreen)
        default_columns = list(compare.choice.chosen)
        await pilot.press("d")  # differences only
        compare.choice.chosen = default_columns[::-1]  # and a different order
        assert compare.differences_only
        await visit_then_start_over(app, pilot)
        assert compare not in app.screen_stack
        await pilot.press("c")
        await pilot.pause()
        fresh = app.screen
        assert isinstance(fresh, ComparisonScreen) and fresh is not compare
        assert not fresh.differences_only
        assert list(fresh.choice.chosen) == default_columns


async def test_starting_over_closes_every_screen_and_notification():
    app = kiosk_app()
    async with app.run_test(size=SIZE) as pilot:
        await start_reading(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        app.notify("Something this visitor did")
        app.copy_to_clipboard("text this visitor copied")
        await pilot.press("ctrl+k", "ctrl+x")
        await pilot.pause()
        assert len(app.screen_stack) == 3  # reader, help, PIN prompt
        await visit_then_start_over(app, pilot)
        assert [type(s).__name__ for s in app.screen_stack] == ["ReaderScreen"]
        assert not app._notifications
        assert app.clipboard == ""


async def test_an_idle_clock_tick_while_the_app_shuts_down_is_quiet():
    # Textual empties the screen stacks before it stops the app's timers, so the
    # idle clock can tick once more with no screen at all. That tick used to raise
    # ScreenStackError, which Textual then reported as the app's crash.
    app = kiosk_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, AttractScreen)
    assert app.screen_stack == []
    await app.kiosk_session.tick()  # the screens are gone: nothing to do, no error


async def test_the_real_idle_clock_starts_over_after_a_short_idle_time():
    app = kiosk_app(idle_seconds=0.2, notice_seconds=0.2)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        first_reader = app.screen_stack[0]
        await pilot.press("space")
        # Wait (up to a generous limit) for the clock to run out on its own.
        for _ in range(400):
            await pilot.pause(0.05)
            if isinstance(app.screen, AttractScreen) and first_reader not in app.screen_stack:
                break
        assert isinstance(app.screen, AttractScreen)
        assert first_reader not in app.screen_stack


async def test_the_start_screen_cycles_through_the_guides_topics():
    app = kiosk_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AttractScreen)
        titles = [a.title for a in app.guide.reading_order()]
        assert titles[0] in static_text(screen, "#attract-topic")
        assert app.guide.reading_order()[0].summary in static_text(screen, "#attract-topic")
        assert f"1 of {len(titles)}" in static_text(screen, "#attract-position")
        screen.next_topic()
        assert titles[1] in static_text(screen, "#attract-topic")
        for _ in range(len(titles) - 1):
            screen.next_topic()
        assert titles[0] in static_text(screen, "#attract-topic")


# --------------------------------------------------------------------- privacy
def files_under(folder: Path) -> set[Path]:
    return {path for path in folder.rglob("*")}


async def test_a_kiosk_session_writes_no_files(tmp_path, monkeypatch):
    home = Path(os.environ["HOME"])
    xdg = [Path(os.environ[v]) for v in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME")]
    workdir = tmp_path / "cwd"
    workdir.mkdir()
    monkeypatch.chdir(workdir)
    before = files_under(home) | files_under(workdir)
    app = kiosk_app(idle_seconds=90, notice_seconds=15)
    async with app.run_test(size=SIZE) as pilot:
        await start_reading(app, pilot)
        clock = use_fake_clock(app)
        await pilot.press("right_square_bracket", "j", "j", "l", "enter")
        await pilot.press("slash", *"pain", "escape")
        await pilot.press("s")
        await pilot.pause()
        await pilot.press(*"cost", "escape")
        await pilot.press("ctrl+p", *"spine", "escape")
        await pilot.press("ctrl+k", "ctrl+x", *"0000", "enter", "escape")
        await pilot.pause()
        await go_idle(app, pilot, clock, 200)
        assert isinstance(app.screen, AttractScreen)
    after = files_under(home) | files_under(workdir)
    assert after == before, sorted(after - before)
    assert all(not folder.exists() or not any(folder.iterdir()) for folder in xdg)


async def test_the_help_screen_in_kiosk_mode_lists_no_keys_that_do_nothing():
    from spinetui.components.help_screen import HelpScreen

    app = kiosk_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await start_reading(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        from rich.console import Console

        console = Console(width=200, record=True)
        console.print(app.screen.table)
        text = console.export_text()
        assert "Quit spinetui" not in text
        assert "List problems found in the content files" not in text
        assert "Open the side-by-side comparison of treatments" in text
