"""A failure inside a screen in kiosk mode: the next visitor's start screen, no file.

Outside kiosk mode the crash guard logs and shows a plain message; that is tested in
tests/functional/test_crash_guard.py.
"""

from __future__ import annotations

import os
from pathlib import Path

from spinetui.components.article.article_view import ArticleView
from spinetui.components.info_screen import InfoScreen
from spinetui.components.kiosk.attract_screen import AttractScreen
from spinetui.components.reader.reader_screen import ReaderScreen
from spinetui.kiosk.policy import KioskPolicy
from tests.functional.helpers import make_app, visible_text


def _boom(*args, **kwargs):
    raise RuntimeError("simulated failure")


def files_under(*folders: Path) -> set[Path]:
    return {path for folder in folders for path in folder.rglob("*")}


async def test_in_kiosk_mode_a_failure_starts_over_on_the_start_screen_and_writes_nothing(
    tmp_path, monkeypatch
):
    monkeypatch.delenv("SPINETUI_STRICT_ERRORS")  # let the crash guard catch it
    monkeypatch.setattr(ArticleView, "action_next_target", _boom)
    home = Path(os.environ["HOME"])
    workdir = tmp_path / "cwd"
    workdir.mkdir()
    monkeypatch.chdir(workdir)
    before = files_under(home, workdir)
    app = make_app(kiosk=KioskPolicy(enabled=True, attract_seconds=600.0))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("space")  # a visitor starts reading
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        await pilot.press("right_square_bracket")  # and moves on to the second article
        assert reader.article_view.article_id == "second"
        await pilot.press("l")  # fails
        await pilot.pause()
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, AttractScreen)
        assert reader not in app.screen_stack
        assert not any(isinstance(s, InfoScreen) for s in app.screen_stack)
        # The next visitor starts from the beginning.
        await pilot.press("space")
        await pilot.pause()
        fresh = app.screen
        assert isinstance(fresh, ReaderScreen) and fresh is not reader
        assert fresh.article_view.article_id == "first"
        assert "Welcome to the first article" in visible_text(fresh.article_view)
        assert not fresh.history.can_go_back
    assert files_under(home, workdir) == before
    assert not (Path(os.environ["XDG_STATE_HOME"]) / "spinetui" / "crash.log").exists()
