"""The problems screen (`!`, outside kiosk mode) and `spinetui check` list the same
content problems: file, line, message."""

from __future__ import annotations

import subprocess

from textual.widgets import Static

from spinetui.app import SpineApp
from spinetui.components.problems_screen import ProblemsScreen
from spinetui.components.reader.reader_screen import ReaderScreen
from spinetui.kiosk.policy import KioskPolicy
from spinetui.model import Severity, load_guide
from spinetui.model.advice import for_readers
from spinetui.services import Services
from tests.conftest import FIXTURES
from tests.e2e.tmux import spinetui_command
from tests.fixtures.content_builder import article, build
from tests.functional.helpers import visible_text
from tests.robustness.helpers import assert_no_controls, screen_text

BROKEN = FIXTURES / "broken"


def as_line(file: str, line: str, message: str) -> str:
    """A row of the problems screen written the way `spinetui check` prints it."""
    return f"{file}:{line}: {message}" if line else f"{file}: {message}"


async def shown_problems(app, pilot) -> list[tuple[str, str, str]]:
    await pilot.press("exclamation_mark")
    await pilot.pause()
    assert isinstance(app.screen, ProblemsScreen)
    return list(app.screen.rows)


async def test_the_problems_key_lists_each_problem_with_file_line_and_message():
    guide = load_guide(BROKEN)
    errors = [p for p in guide.problems if p.severity is Severity.ERROR]
    warnings = [p for p in guide.problems if p.severity is Severity.WARNING]
    assert len(errors) > 10 and warnings
    app = SpineApp(Services(guide))
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        rows = await shown_problems(app, pilot)
        listed = for_readers(guide)  # the cause first, each saying what to do
        assert rows == [
            (
                p.file,
                str(p.line or ""),
                ("warning: " if p.severity is Severity.WARNING else "") + p.message,
            )
            for p in listed
        ]
        summary = str(app.screen.query_one("#problems-summary", Static).render())
        assert f"{len(guide.problems)} problems in the content files" in summary
        text = screen_text(app)
        first = listed[0]
        assert first.file in text and first.message[:40] in text
        assert_no_controls(app)
        await pilot.press("exclamation_mark")  # the same key closes it
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("exclamation_mark", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)


async def test_a_guide_without_problems_says_so():
    app = SpineApp(Services(load_guide(FIXTURES / "good")))
    async with app.run_test(size=(120, 30)) as pilot:
        assert await shown_problems(app, pilot) == []
        assert "No problems were found in the content files." in screen_text(app)


async def test_spinetui_check_prints_the_same_list():
    guide = load_guide(BROKEN)
    result = subprocess.run(
        [str(spinetui_command()), "check", str(BROKEN)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1  # there are errors
    printed = result.stdout.split("\n\n", 1)[0].splitlines()
    app = SpineApp(Services(guide))
    async with app.run_test(size=(200, 60)) as pilot:
        rows = await shown_problems(app, pilot)
    assert printed == [as_line(*row) for row in rows]
    # Both list the problems as staff should read them (spinetui.model.advice).
    assert printed == [str(p) for p in for_readers(guide)]
    assert len(printed) == len(guide.problems)  # nothing is left out in this folder


# ----------------------------------------------------------------------- kiosk


def kiosk_app(folder):
    return SpineApp(
        Services(load_guide(folder)), kiosk=KioskPolicy(enabled=True, attract_seconds=600.0)
    )


async def test_in_kiosk_mode_the_problems_key_does_nothing():
    app = kiosk_app(BROKEN)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("space")  # wake the start screen
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        assert app.check_action("problems", ()) is False
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert app.screen is reader
        app.action_problems()  # nor from anywhere else
        await pilot.pause()
        assert app.screen is reader
        assert not any(isinstance(s, ProblemsScreen) for s in app.screen_stack)
        # Reading goes on.
        first = app.guide.reading_order()[0]
        assert reader.open_article(first.id)
        await pilot.pause()
        assert visible_text(reader.article_view).strip()


async def test_in_kiosk_mode_an_empty_guide_does_not_point_at_the_problems_key(tmp_path):
    (tmp_path / "empty").mkdir()
    app = kiosk_app(tmp_path / "empty")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("space")
        await pilot.pause()
        text = screen_text(app)
        assert "The guide has no articles to show." in text
        assert "Press !" not in text
    # Outside kiosk mode it does.
    app = SpineApp(Services(load_guide(tmp_path / "empty")))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "Press ! to see why." in screen_text(app)


def test_check_piped_into_a_reader_that_stops_early_prints_no_traceback(tmp_path):
    # Enough output (3,000 problems) to fill a pipe that nobody reads any more.
    body = "".join(f"[x{i}](nope{i})\n" for i in range(3000))
    root = build(tmp_path / "guide", articles={"a.md": article("a", body=body)})
    process = subprocess.Popen(
        [str(spinetui_command()), "check", str(root)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    first = process.stdout.readline()  # like `spinetui check DIR | head -1`
    process.stdout.close()
    errors = process.stderr.read()
    process.wait(timeout=60)
    assert first.startswith(b"articles/a.md:11: links to 'nope0'")
    assert errors == b""  # it was "BrokenPipeError: [Errno 32] Broken pipe" and a traceback
    assert process.returncode == 1
