"""A failure inside a screen never ends the app: the reader sees a plain message."""

from __future__ import annotations

import contextlib
import os
from functools import partialmethod
from pathlib import Path

from textual.pilot import Pilot, WaitForScreenTimeout
from textual.widgets import Static

from spinetui.components.article.article_view import ArticleView
from spinetui.components.info_screen import InfoScreen
from spinetui.components.reader.reader_screen import ReaderScreen
from tests.functional.helpers import make_app, visible_text


def _boom(*args, **kwargs):
    raise RuntimeError("simulated failure")


async def _recovered(pilot, app) -> str:
    await pilot.pause()
    await pilot.pause()
    assert app.is_running
    assert isinstance(app.screen, InfoScreen)
    return str(app.screen.query_one(Static).render())


async def test_a_failing_key_action_shows_a_message_and_logs_it(monkeypatch):
    monkeypatch.delenv("SPINETUI_STRICT_ERRORS")
    monkeypatch.setattr(ArticleView, "action_next_target", _boom)
    app = make_app(start_article="second")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("l")
        message = await _recovered(pilot, app)
        assert "Something went wrong" in message
        log = Path(os.environ["XDG_STATE_HOME"]) / "spinetui" / "crash.log"
        assert "simulated failure" in log.read_text()
        assert str(log) in message
        await pilot.press("escape")
        # The reader is back, on the article that was open.
        assert isinstance(app.screen, ReaderScreen)
        view = app.screen.query_one(ArticleView)
        assert view.article_id == "second"
        assert "Second article opening words" in visible_text(view)


async def test_a_failing_event_handler_in_a_widget_is_recovered(monkeypatch):
    monkeypatch.delenv("SPINETUI_STRICT_ERRORS")
    monkeypatch.setattr(ArticleView, "on_click", _boom)
    # Pilot waits (30 s by default) for every widget to go idle after a click; the one
    # that failed never will, because its message loop stopped. Wait less.
    monkeypatch.setattr(
        Pilot, "_wait_for_screen", partialmethod(Pilot._wait_for_screen, timeout=1.0)
    )
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        with contextlib.suppress(WaitForScreenTimeout):
            await pilot.click(ArticleView, offset=(10, 3))
        assert "Something went wrong" in await _recovered(pilot, app)
        await pilot.press("escape")
        await pilot.press("right_square_bracket")  # the fresh reader responds to keys
        assert app.screen.query_one(ArticleView).article_id == "second"


def test_a_failure_that_keeps_recurring_ends_the_app_instead_of_looping(monkeypatch):
    monkeypatch.delenv("SPINETUI_STRICT_ERRORS")
    from spinetui.components.crash_guard import MAX_FAILURES, CrashGuard

    class TextualDefault:
        exited_with: list[Exception] = []

        def _handle_exception(self, error):
            self.exited_with.append(error)

    class Guarded(CrashGuard, TextualDefault):
        kiosk_mode = True  # writes no log
        recoveries = 0

        def call_later(self, callback, *args):
            self.recoveries += 1

    app = Guarded()
    for n in range(MAX_FAILURES + 1):
        app._handle_exception(RuntimeError(str(n)))
    assert app.recoveries == MAX_FAILURES
    assert [str(e) for e in app.exited_with] == [str(MAX_FAILURES)]
