"""Console-safe drawing with Pilot: the widgets themselves (Textual's hooks: borders,
scrollbars, tick boxes) draw only console glyphs, with the filter's glyph pass off;
the normal look is untouched without it; the kiosk's start screen fits its input."""

from __future__ import annotations

import io

import pytest
from rich.console import Console
from textual import events
from textual.widgets import Static

from spinetui.components.compare.comparison_screen import ComparisonScreen
from spinetui.components.kiosk.attract_screen import (
    CHOICES,
    KEYS_ONLY_PROMPT,
    START_PROMPT,
    TAP_ROWS,
    AttractScreen,
)
from spinetui.components.kiosk.idle_notice import StillReadingNotice
from spinetui.console.filter import ConsoleFilter
from spinetui.console.glyphs import is_console_glyph
from spinetui.console.theme import CONSOLE_THEME
from spinetui.kiosk.policy import KioskPolicy
from tests.conftest import FIXTURES
from tests.functional.helpers import make_app, until

GUIDE = FIXTURES / "compare-guide"


def screen_text(app) -> str:
    """What the app draws now (every layer, filters included), as plain text."""
    update = app.screen._compositor.render_update(
        full=True, screen_stack=app._background_screens, simplify=False
    )
    console = Console(width=app.size.width, height=app.size.height, file=io.StringIO(), record=True)
    console.print(update)
    return console.export_text()


def unsafe(text: str) -> str:
    return "".join(sorted({ch for ch in text if ch != "\n" and not is_console_glyph(ch)}))


# Keys from the reader to each screen, and back.
SCREENS = [
    ("reader", []),
    ("help", ["question_mark"]),
    ("search", ["escape", "s", "s", "t", "e", "r"]),
    ("glossary", ["escape", "g"]),
    ("find bar", ["escape", "slash", "s"]),
    ("comparison", ["escape", "escape", "c", "down", "right"]),
    ("chooser", ["t"]),
    ("side by side", ["escape", "v"]),
    ("problems", ["escape", "escape", "exclamation_mark"]),
]


async def test_the_widgets_draw_only_console_glyphs_without_the_last_pass():
    app = make_app(GUIDE, console=True)
    async with app.run_test(size=(100, 30)) as pilot:
        app.console_filter.glyphs = False  # see what the hooks alone draw
        await pilot.pause()
        for name, keys in SCREENS:
            for key in keys:
                await pilot.press(key)
            await pilot.pause(0.2)
            assert unsafe(screen_text(app)) == "", name
        app.action_command_palette()
        await pilot.pause(0.3)
        await pilot.press("e", "s", "i")
        await pilot.pause(0.3)
        assert unsafe(screen_text(app)) == "", "palette"


async def test_kiosk_screens_draw_only_console_glyphs_without_the_last_pass():
    app = make_app(GUIDE, console=True, pointer=False, kiosk=KioskPolicy(enabled=True))
    async with app.run_test(size=(80, 25)) as pilot:
        app.console_filter.glyphs = False
        await pilot.pause()
        assert isinstance(app.screen, AttractScreen)
        assert unsafe(screen_text(app)) == "", "start screen"
        await pilot.press("x")
        await pilot.pause()
        await show_idle_notice(app, pilot)
        assert unsafe(screen_text(app)) == "", "idle notice"
        await pilot.press("ctrl+k", "ctrl+x")
        await pilot.pause()
        assert unsafe(screen_text(app)) == "", "PIN prompt"


async def test_without_console_mode_nothing_changes():
    app = make_app(GUIDE)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert not app.console_mode
        assert app.theme != CONSOLE_THEME.name
        assert not any(isinstance(f, ConsoleFilter) for f in app._filters)
        assert not app.has_class("-console")


async def test_console_mode_uses_the_console_theme_and_filter():
    app = make_app(GUIDE, console=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.console_mode and app.has_class("-console")
        assert app.theme == CONSOLE_THEME.name
        assert any(isinstance(f, ConsoleFilter) for f in app._filters)


async def show_idle_notice(app, pilot) -> None:
    """Let the idle clock run out (a fake clock: no waiting) so the notice comes up."""
    session = app.kiosk_session
    now = [1000.0]
    session.watch.clock = lambda: now[0]
    session.watch.touch()
    now[0] += session.policy.idle_seconds + 1
    await session.tick()
    await until(
        pilot,
        lambda: (
            isinstance(app.screen, StillReadingNotice) and app.screen.query("#notice-countdown")
        ),
        "the idle notice did not come up with its countdown",
    )


def static_text(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_a_text_console_start_screen_asks_for_a_key_and_offers_nothing_to_tap():
    app = make_app(GUIDE, pointer=False, kiosk=KioskPolicy(enabled=True))
    async with app.run_test(size=(80, 25)) as pilot:
        await pilot.pause()
        assert static_text(app.screen, "#attract-prompt") == KEYS_ONLY_PROMPT
        assert "tap" not in screen_text(app).lower()
        assert not app.screen.query(".attract-choice")


async def tap(app, pilot, x: int, y: int) -> None:
    # As the driver sends it (Pilot's click skips App.on_event, where the kiosk looks).
    for kind in (events.MouseDown, events.MouseUp):
        app.post_message(kind(None, x, y, 0, 0, 1, False, False, False, screen_x=x, screen_y=y))
        await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_with_a_pointer_the_start_screen_offers_tall_main_choices(size):
    app = make_app(GUIDE, pointer=True, kiosk=KioskPolicy(enabled=True))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert static_text(screen, "#attract-prompt") == START_PROMPT
        assert screen.query_one("#attract-prompt").region.height >= TAP_ROWS
        for choice_id, label, _action in CHOICES:
            widget = screen.query_one(f"#{choice_id}")
            assert widget.region.height >= TAP_ROWS, choice_id
            assert label in screen_text(app)


async def test_a_tap_on_compare_opens_the_comparison():
    app = make_app(GUIDE, pointer=True, kiosk=KioskPolicy(enabled=True))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        region = app.screen.query_one("#choice-compare").region
        await tap(app, pilot, region.x + region.width // 2, region.y + 1)
        await pilot.pause()
        assert isinstance(app.screen, ComparisonScreen)


async def test_the_idle_notice_words_follow_the_input():
    for pointer, words in ((True, "Tap the screen or press any key"), (False, "Press any key")):
        app = make_app(GUIDE, pointer=pointer, kiosk=KioskPolicy(enabled=True))
        async with app.run_test(size=(80, 25)) as pilot:
            await pilot.pause()
            await pilot.press("x")
            await pilot.pause()
            await show_idle_notice(app, pilot)
            assert words in static_text(app.screen, "#notice-countdown")


async def test_on_the_console_links_and_marked_words_are_marked_by_shape_too():
    from spinetui.components.article.article_view import ArticleView
    from tests.functional.helpers import READER_GUIDE, visible_text

    for console, link, term in (
        (True, "[second article]", "‹nerve root›"),
        (False, "second article", "nerve root"),
    ):
        app = make_app(READER_GUIDE, console=console)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            text = " ".join(visible_text(app.screen.query_one(ArticleView)).split())
            assert link in text and term in text
            if not console:
                assert "[second" not in text and "‹" not in text
            # The marks belong to what they mark: the word's card and the link still open.
            from spinetui.components.find.term_screen import TermScreen

            await pilot.press("l", "enter")
            await pilot.pause()
            assert isinstance(app.screen, TermScreen)
            await pilot.press("escape", "l", "enter")
            await pilot.pause()
            assert app.screen.query_one(ArticleView).article_id == "second"


async def test_the_console_theme_stays_after_an_idle_reset_and_ctrl_t(tmp_path):
    settings = tmp_path / "config.toml"
    app = make_app(GUIDE, console=True, kiosk=KioskPolicy(enabled=True), settings_path=settings)
    async with app.run_test(size=(80, 25)) as pilot:
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        app.action_next_theme()
        await pilot.pause()
        assert app.theme == CONSOLE_THEME.name
        await app.kiosk_session.start_over()
        await pilot.pause()
        assert app.theme == CONSOLE_THEME.name
        assert isinstance(app.screen, AttractScreen)


async def test_a_personal_console_reader_never_saves_the_console_theme(tmp_path):
    settings = tmp_path / "config.toml"
    app = make_app(GUIDE, console=True, settings_path=settings)
    async with app.run_test(size=(80, 25)) as pilot:
        await pilot.pause()
        app.action_next_theme()
        await pilot.pause()
        assert app.theme == CONSOLE_THEME.name
    assert not settings.exists()
