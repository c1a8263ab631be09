"""A hostile terminal: tiny, resized over and over, or closed mid-session.

Pilot drives the app in-process (every screen at 10x5, a storm of resizes); tmux
drives the installed `spinetui` in a real terminal (resize-window, kill-session,
hang-up). No traceback, no crash log, no stuck process, and the app still answers.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from spinetui.components.article.article_view import ArticleView
from spinetui.components.reader.reader_screen import ReaderScreen
from tests.conftest import FIXTURES
from tests.e2e.tmux import TmuxTerminal, app_pid, child_pids
from tests.functional.helpers import make_app, visible_text

GUIDE = FIXTURES / "reader-guide"
FIRST_WORDS = "Welcome to the first article"
SECOND_WORDS = "Second article opening words"
# Keys that open each screen from the reader (and Esc to close it again).
SCREENS = ["question_mark", "exclamation_mark", "g", "s", "c", "slash", "v"]


def crash_log() -> Path:
    return Path(os.environ["XDG_STATE_HOME"]) / "spinetui" / "crash.log"


# ------------------------------------------------------------------------- Pilot
# tests/conftest.py sets SPINETUI_STRICT_ERRORS=1: any failure inside the app fails
# these tests instead of being caught by the crash guard.


async def test_every_screen_at_10_by_5_then_back():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.resize_terminal(10, 5)
        await pilot.pause()
        for key in SCREENS:
            await pilot.press(key)
            await pilot.pause()
            await pilot.press("j", "down", "pagedown", "tab", "escape", "escape")
            await pilot.pause()
            assert app.is_running, key
        while len(app.screen_stack) > 1:  # the reader
            await pilot.press("escape")
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        view = app.screen.query_one(ArticleView)
        view.focus()
        await pilot.press("home")
        assert FIRST_WORDS in visible_text(view)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert SECOND_WORDS in visible_text(view)


@pytest.mark.parametrize("size", [(1, 1), (2, 1), (1, 40), (300, 2)])
async def test_extreme_sizes(size):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.resize_terminal(*size)
        await pilot.pause()
        await pilot.press("right_square_bracket", "j", "g", "escape", "c", "escape")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert SECOND_WORDS in visible_text(app.screen.query_one(ArticleView))


async def test_a_resize_storm():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        sizes = [(10 + (i * 37) % 190, 3 + (i * 11) % 60) for i in range(50)]
        for width, height in sizes:
            await pilot.resize_terminal(width, height)  # no pause: one after another
        await pilot.pause()
        # A storm while another screen is open, too.
        await pilot.press("c")
        for width, height in reversed(sizes):
            await pilot.resize_terminal(width, height)
        await pilot.press("escape")
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        assert FIRST_WORDS in visible_text(view)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert SECOND_WORDS in visible_text(view)


# -------------------------------------------------------------------------- tmux


def assert_healthy(term: TmuxTerminal, screen: str) -> None:
    assert term.is_running(), screen
    assert "Traceback" not in screen and "Something went wrong" not in screen, screen
    assert not crash_log().exists(), crash_log().read_text()


def resize(term: TmuxTerminal, width: int, height: int) -> None:
    term._run("resize-window", "-t", "t", "-x", str(width), "-y", str(height))


@pytest.mark.e2e
def test_a_real_terminal_resized_to_10_by_5_and_back():
    with TmuxTerminal(["--content", str(GUIDE)]) as term:
        term.wait_for(FIRST_WORDS)
        resize(term, 10, 5)
        # One key at a time: Escape followed at once by another key reaches the app as
        # one Alt+key chord, and this test is about resizing, not about that.
        for key in ("j", "g", "Escape", "c", "Escape", "?", "Escape"):
            term.send(key)
            time.sleep(0.3)
        # The tiny screen is drawn: the footer keeps its most important key, help.
        screen = term.wait_for("? Help")
        assert_healthy(term, screen)
        resize(term, 100, 30)
        term.send("Home")
        screen = term.wait_for(FIRST_WORDS)
        assert_healthy(term, screen)
        term.send("]")
        assert_healthy(term, term.wait_for(SECOND_WORDS))


@pytest.mark.e2e
def test_a_real_terminal_resize_storm():
    with TmuxTerminal(["--content", str(GUIDE)]) as term:
        term.wait_for(FIRST_WORDS)
        for i in range(50):
            resize(term, 10 + (i * 37) % 190, 3 + (i * 11) % 60)
        resize(term, 100, 30)
        term.send("]")
        screen = term.wait_for(SECOND_WORDS)
        assert_healthy(term, screen)


def state(pid: int) -> str:
    """The process state letter ("Z" once it has ended but not been reaped), or "gone"."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "gone"


def wait_until_gone(pid: int, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while state(pid) not in ("gone", "Z"):
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)  # our own process: don't leave it behind
            raise AssertionError(f"spinetui ({pid}) kept running after its terminal closed")
        time.sleep(0.1)


@pytest.mark.e2e
def test_a_terminal_closed_mid_session_leaves_no_process():
    term = TmuxTerminal(["--content", str(GUIDE)])
    try:
        term.wait_for(FIRST_WORDS)
        term.send("]")
        term.wait_for(SECOND_WORDS)
        pid = app_pid(term)
        family = [pid, *child_pids(pid)]
        term._run("kill-session", "-t", "t")  # the pane's terminal goes: a hang-up
        for member in family:
            wait_until_gone(member)
    finally:
        term.close()
    assert not crash_log().exists()


@pytest.mark.e2e
def test_a_hang_up_mid_session_ends_without_a_traceback():
    with TmuxTerminal(["--content", str(GUIDE)]) as term:
        term.wait_for(FIRST_WORDS)
        term.send("s")
        term.wait_for("Search the guide")
        pid = app_pid(term)
        os.kill(pid, signal.SIGHUP)
        wait_until_gone(pid)
        # The pane is kept after the program ends (remain-on-exit): nothing was printed.
        screen = term.screen()
        assert "Traceback" not in screen and "Error" not in screen, screen
    assert not crash_log().exists()
